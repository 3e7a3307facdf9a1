// The decision register of a year, a decision with its awardees, issuing and withdrawing.

#include <cstdlib>

#include "text/format.hpp"
#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

mustache::data decision_echo(http::Context& ctx, const Refused* refused) {
  return form_echo(ctx, refused, "decision",
                   {"number", "decision_date", "place", "header_parent", "header_agency", "head_title", "title",
                    "award_year", "movement_id", "legal_bases", "proposal", "signer_mark", "signer_title",
                    "signer_name", "recipients"});
}

services::DecisionInput input_from(const http::FormData& f) {
  services::DecisionInput in;
  in.number = f.value("number");
  in.decision_date = f.value("decision_date");
  in.place = f.value("place");
  in.header_parent = f.value("header_parent");
  in.header_agency = f.value("header_agency");
  in.head_title = f.value("head_title");
  in.title = f.value("title");
  in.award_year = f.value("award_year");
  in.movement_id = f.value("movement_id");
  in.legal_bases = f.value("legal_bases");
  in.proposal = f.value("proposal");
  in.signer_mark = f.value("signer_mark");
  in.signer_title = f.value("signer_title");
  in.signer_name = f.value("signer_name");
  in.recipients = f.value("recipients");
  return in;
}

/// The decision form: what was typed when refused, else the decision's fields.
mustache::data form_data(http::Context& ctx, const Refused* refused, const Decision& d) {
  mustache::data f = decision_echo(ctx, refused);
  if (refused && refused->form == "decision") return f;
  f.set("number", d.number ? std::to_string(d.number) : std::string());
  f.set("decision_date", display_date(d.decision_date));
  f.set("place", d.place);
  f.set("header_parent", d.header_parent);
  f.set("header_agency", d.header_agency);
  f.set("head_title", d.head_title);
  f.set("title", d.title);
  f.set("award_year", d.award_year ? std::to_string(d.award_year) : std::string());
  f.set("movement_id", d.movement_id ? std::to_string(*d.movement_id) : std::string());
  f.set("legal_bases", d.legal_bases);
  f.set("proposal", d.proposal);
  f.set("signer_mark", d.signer_mark);
  f.set("signer_title", d.signer_title);
  f.set("signer_name", d.signer_name);
  f.set("recipients", d.recipients);
  return f;
}

mustache::list form_options(http::Context& ctx, bool agency_level, const std::string& selected) {
  mustache::list out;
  for (auto f : all_award_forms()) {
    if ((form_level(f) == FormLevel::agency) != agency_level) continue;
    mustache::data o;
    const std::string code(to_string(f));
    o.set("value", code);
    o.set("label", ctx.t("award_form." + code));
    if (code == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

mustache::list basis_options(http::Context& ctx, const std::string& selected) {
  mustache::list out;
  for (const char* b : {"yearly", "movement", "thematic", "sudden", "merit", "service"}) {
    mustache::data o;
    o.set("value", std::string(b));
    o.set("label", ctx.t(std::string("award_basis.") + b));
    if (selected == b) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                              unsigned status) {
  auto v = deps.decisions->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  const Decision& d = v->decision;
  mustache::data x;
  x.set("id", std::to_string(d.id));
  x.set("version", std::to_string(d.version));
  x.set("ref", decision_ref(d.number, d.symbol));
  x.set("year", std::to_string(d.year));
  x.set("title", d.title);
  x.set("date", display_date(d.decision_date));
  x.set("award_year", std::to_string(d.award_year));
  x.set("signer", (d.signer_mark.empty() ? "" : d.signer_mark + " – ") + d.signer_title + ": " + d.signer_name);
  x.set("status_label", ctx.t("decision_status." + std::string(to_string(d.status))));
  x.set("status_color", decision_status_color(d.status));
  if (d.status != DecisionStatus::draft) x.set("issued", true);
  if (d.status == DecisionStatus::withdrawn) x.set("withdrawn", true);
  set_nonempty(x, "issuer", d.issuer);
  mustache::list awardees;
  int n = 0;
  for (const auto& a : d.awardees) {
    mustache::data r;
    r.set("n", std::to_string(++n));
    r.set("awardee_id", std::to_string(a.id));
    r.set("name", a.subject_name);
    r.set("subject_label", ctx.t("award_subject." + std::string(to_string(a.subject))));
    const std::string href = a.subject == AwardSubject::person ? "/people/" + std::to_string(a.subject_id)
                             : a.subject == AwardSubject::unit ? "/units/" + std::to_string(a.subject_id)
                                                               : "";
    set_nonempty(r, "href", href);
    set_nonempty(r, "unit", a.unit_name);
    r.set("form", ctx.t("award_form." + std::string(to_string(a.form))));
    r.set("basis", ctx.t("award_basis." + std::string(to_string(a.basis))));
    set_nonempty(r, "achievement", a.achievement);
    r.set("bonus", text::format_number(a.bonus));
    set_nonempty(r, "bonus_note", a.bonus_note);
    if (v->can_edit) r.set("can_remove", true);
    awardees.push_back(r);
  }
  x.set("has_awardees", !d.awardees.empty());
  x.set("awardees", awardees);
  x.set("total", text::format_number(d.total_bonus()));
  if (v->can_edit) {
    x.set("can_edit", true);
    auto fields = form_data(ctx, refused, d);
    fields.set("symbol", d.symbol);
    x.set("fields_html", deps.views->render("partials/decision_fields", ctx.lang, fields));
    if (refused && refused->form == "decision") x.set("form_open", true);
    auto add = form_echo(ctx, refused, "awardee", {"subject", "form", "basis", "achievement"});
    const std::string subject = refused && refused->form == "awardee" ? refused->values->value("subject") : "";
    add.set("subjects", candidate_options(deps, ctx, d.agency_id, subject));
    add.set("forms", form_options(ctx, true, refused && refused->form == "awardee" ? refused->values->value("form")
                                                                                   : "certificate_of_merit"));
    add.set("bases", basis_options(ctx, refused && refused->form == "awardee" ? refused->values->value("basis")
                                                                              : "yearly"));
    x.set("add", add);
    x.set("household", form_echo(ctx, refused, "household", {"head_name", "address"}));
    // The council's approved nominations of the award year not yet in a decision: added at once.
    if (deps.nominations) {
      services::NominationFilter f;
      f.year = d.award_year;
      f.status = "approved";
      auto approved = deps.nominations->list(*ctx.principal, d.agency_id, f);
      if (!approved) return fail(approved.error());
      mustache::list rows;
      for (const auto& nom : approved->items) {
        if (nom.decision_id) continue;
        const bool listed = std::any_of(d.awardees.begin(), d.awardees.end(), [&](const auto& a) {
          return a.nomination_id && *a.nomination_id == nom.id;
        });
        if (listed || form_level(nom.form) != FormLevel::agency) continue;
        mustache::data r;
        r.set("nomination_id", std::to_string(nom.id));
        r.set("name", nom.subject_name);
        set_nonempty(r, "unit", nom.unit_name);
        r.set("form", ctx.t("award_form." + std::string(to_string(nom.form))));
        rows.push_back(r);
      }
      if (!rows.empty()) {
        mustache::data from;
        from.set("rows", rows);
        if (refused && refused->form == "nominations" && refused->error) from.set("error", ctx.message(*refused->error));
        x.set("from_nominations", from);
      }
    }
  }
  if (v->can_issue && !d.awardees.empty()) x.set("can_issue", true);
  if (v->can_issue) x.set("issue_form", form_echo(ctx, refused, "issue", {}));
  if (v->can_withdraw) {
    x.set("can_withdraw", true);
    x.set("withdraw", form_echo(ctx, refused, "withdraw", {"reason"}));
    if (refused && refused->form == "withdraw") x.set("withdraw_open", true);
  }
  mustache::list certificates;
  for (const auto& c : v->certificates) {
    mustache::data r;
    r.set("certificate_id", std::to_string(c.id));
    r.set("code", display_certificate_code(c.code));
    r.set("raw_code", c.code);
    r.set("name", c.subject_name);
    r.set("form", ctx.t("award_form." + std::string(to_string(c.form))));
    certificates.push_back(r);
  }
  x.set("has_certificates", !v->certificates.empty());
  x.set("certificates", certificates);
  mustache::list history;
  for (const auto& h : v->history) {
    mustache::data r;
    r.set("at", display_timestamp(h.at));
    r.set("actor", h.actor);
    r.set("event", ctx.t("decision_page.event_" + h.event));
    set_nonempty(r, "comment", h.comment);
    history.push_back(r);
  }
  x.set("history", history);
  if (refused && refused->error && (refused->form == "issue" || refused->form == "remove")) {
    x.set("page_error", ctx.message(*refused->error));
  }
  return deps.views->page(ctx, "pages/decision", ctx.t("decision_page.decision") + " " + decision_ref(d.number, d.symbol),
                          std::move(x), status);
}

template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const std::string& form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/decisions/" + std::to_string(id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  return render(deps, ctx, id, &refused, http::status_for(r.error()));
}

Result<http::Response> render_new(const WebDeps& deps, http::Context& ctx, int year, const Refused* refused,
                                  unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto defaults = deps.decisions->defaults(*ctx.principal, *agency, year);
  if (!defaults) return fail(defaults.error());
  mustache::data x;
  auto fields = form_data(ctx, refused, defaults->decision);
  fields.set("symbol", defaults->decision.symbol);
  x.set("fields_html", deps.views->render("partials/decision_fields", ctx.lang, fields));
  x.set("year", std::to_string(defaults->decision.year));
  return deps.views->page(ctx, "pages/decision_form", ctx.t("decision_page.new_title"), std::move(x), status);
}

}  // namespace

std::string decision_status_color(DecisionStatus s) {
  switch (s) {
    case DecisionStatus::draft: return "secondary";
    case DecisionStatus::issued: return "success";
    case DecisionStatus::withdrawn: return "dark";
  }
  return "secondary";
}

http::Response decision_download(std::string bytes, const char* type, const std::string& name, bool inline_) {
  http::Response r;
  r.content_type = type;
  r.body = std::move(bytes);
  r.header("Content-Disposition", std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

mustache::list candidate_options(const WebDeps& deps, http::Context& ctx, std::int64_t agency_id,
                                 const std::string& selected) {
  mustache::list out;
  auto list = deps.decisions->candidates(*ctx.principal, agency_id);
  if (!list) return out;
  for (const auto& c : *list) {
    mustache::data o;
    const std::string value = std::string(to_string(c.subject)) + ":" + std::to_string(c.id);
    o.set("value", value);
    o.set("label", ctx.t("award_subject." + std::string(to_string(c.subject))) + " – " + c.name +
                       (c.detail.empty() ? "" : " (" + c.detail + ")"));
    if (value == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

mustache::data award_history_data(const WebDeps& deps, http::Context& ctx, AwardSubject subject,
                                  std::int64_t subject_id) {
  mustache::data d;
  if (!deps.decisions) return d;
  auto rows = deps.decisions->awards_of(*ctx.principal, subject, subject_id);
  mustache::list awards;
  if (rows) {
    for (const auto& r : *rows) {
      mustache::data a;
      a.set("year", std::to_string(r.award.year));
      a.set("form", ctx.t("award_form." + std::string(to_string(r.award.form))));
      a.set("decision", r.award.decision_ref.empty() ? std::string("—") : r.award.decision_ref);
      a.set("date", display_date(r.award.decision_date));
      a.set("issuer", r.award.issuer);
      a.set("source", ctx.t("award_source." + std::string(to_string(r.award.source))));
      if (r.award.decision_id) a.set("decision_href", "/decisions/" + std::to_string(*r.award.decision_id));
      if (r.withdrawn) a.set("withdrawn", true);
      awards.push_back(a);
    }
  }
  d.set("has_awards", !awards.empty());
  d.set("awards", awards);
  return d;
}

Result<http::Response> decisions_page(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto reg = deps.decisions->register_of(*ctx.principal, *agency, std::max(0, year_param(q->value("year"))));
  if (!reg) return fail(reg.error());
  mustache::data x;
  x.set("year", std::to_string(reg->year));
  x.set("next_number", std::to_string(reg->next_number));
  mustache::list years, rows;
  for (int y : reg->years) {
    mustache::data o;
    o.set("value", std::to_string(y));
    if (y == reg->year) o.set("selected", true);
    years.push_back(o);
  }
  long long total = 0;
  for (const auto& s : reg->decisions) {
    mustache::data r;
    r.set("id", std::to_string(s.id));
    r.set("ref", decision_ref(s.number, s.symbol));
    r.set("date", display_date(s.decision_date));
    r.set("title", s.title);
    r.set("awardees", std::to_string(s.awardees));
    r.set("bonus", text::format_number(s.total_bonus));
    r.set("status_label", ctx.t("decision_status." + std::string(to_string(s.status))));
    r.set("status_color", decision_status_color(s.status));
    if (s.status == DecisionStatus::issued) total += s.total_bonus;
    rows.push_back(r);
  }
  x.set("years", years);
  x.set("decisions", rows);
  x.set("has_decisions", !reg->decisions.empty());
  x.set("total_bonus", text::format_number(total));
  if (reg->can_create) x.set("can_create", true);
  return deps.views->page(ctx, "pages/decisions", ctx.t("decision_page.title"), std::move(x));
}

Result<http::Response> decision_new(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  return render_new(deps, ctx, std::max(0, year_param(q->value("year"))), nullptr, 200);
}

Result<http::Response> decision_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = deps.decisions->create(*ctx.principal, *agency, input_from(*form));
  if (r) {
    ctx.set_flash("flash.decision.created");
    return http::Response::redirect("/decisions/" + std::to_string(r->id));
  }
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{"decision", &*form, &r.error()};
  return render_new(deps, ctx, 0, &refused, http::status_for(r.error()));
}

Result<http::Response> decision_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> decision_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.decisions->update(*ctx.principal, *id, std::atoll(form->value("version").c_str()), input_from(*form));
  return after(deps, ctx, *id, "decision", *form, r, "flash.decision.saved");
}

Result<http::Response> decision_awardee_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::AwardeeInput a;
  const std::string subject = form->value("subject");
  const auto colon = subject.find(':');
  if (colon != std::string::npos) {
    a.subject = subject.substr(0, colon);
    a.subject_id = std::atoll(subject.c_str() + colon + 1);
  }
  a.form = form->value("form");
  a.basis = form->value("basis");
  a.achievement = form->value("achievement");
  auto r = deps.decisions->add_awardees(*ctx.principal, *id, {a});
  if (!r) {
    // The service names the fields of the list's first row; the form has one row.
    Error e = r.error();
    for (auto& f : e.fields) {
      if (f.field.rfind("awardees.0.", 0) == 0) f.field = f.field.substr(11);
      if (f.field == "subject_id") f.field = "subject";
    }
    Result<Decision> mapped = tl::unexpected(e);
    return after(deps, ctx, *id, "awardee", *form, mapped, "flash.decision.awardee_added");
  }
  return after(deps, ctx, *id, "awardee", *form, r, "flash.decision.awardee_added");
}

Result<http::Response> decision_awardees_from_nominations(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  std::vector<std::int64_t> chosen;
  for (auto v : form->all("nomination")) {
    if (auto n = id_param(std::string(v))) chosen.push_back(*n);
  }
  std::vector<services::AwardeeInput> list;
  if (!chosen.empty() && deps.nominations) {
    for (auto nid : chosen) {
      auto n = deps.nominations->get(*ctx.principal, nid);
      if (!n) return fail(n.error());
      const auto& row = n->nomination;
      services::AwardeeInput a;
      a.subject = std::string(to_string(row.subject));
      a.subject_id = row.subject_id;
      a.form = std::string(to_string(row.form));
      a.basis = row.movement_id ? "movement" : "yearly";
      a.movement_id = row.movement_id;
      a.nomination_id = row.id;
      list.push_back(std::move(a));
    }
  }
  auto r = deps.decisions->add_awardees(*ctx.principal, *id, list);
  return after(deps, ctx, *id, "nominations", *form, r, "flash.decision.awardee_added");
}

Result<http::Response> decision_awardee_remove(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto awardee = id_param(ctx.params["awardee"]);
  if (!awardee) return fail(awardee.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.decisions->remove_awardee(*ctx.principal, *id, *awardee);
  return after(deps, ctx, *id, "remove", *form, r, "flash.decision.awardee_removed");
}

Result<http::Response> decision_household_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto v = deps.decisions->get(*ctx.principal, *id);
  if (!v) return fail(v.error());
  auto r = deps.decisions->add_household(*ctx.principal, v->decision.agency_id, form->value("head_name"),
                                         form->value("address"));
  return after(deps, ctx, *id, "household", *form, r, "flash.decision.household_added");
}

Result<http::Response> decision_issue(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.decisions->issue(*ctx.principal, *id, std::atoll(form->value("version").c_str()));
  return after(deps, ctx, *id, "issue", *form, r, "flash.decision.issued");
}

Result<http::Response> decision_withdraw(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.decisions->withdraw(*ctx.principal, *id, std::atoll(form->value("version").c_str()),
                                    form->value("reason"));
  return after(deps, ctx, *id, "withdraw", *form, r, "flash.decision.withdrawn");
}

}  // namespace thidua::web
