// Proposals of higher awards to the province: the list, the form, a proposal with its subjects,
// sending, the province's answer, the submission and the dossier bundle as files.

#include <cstdlib>

#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

mustache::data higher_echo(http::Context& ctx, const Refused* refused) {
  return form_echo(ctx, refused, "higher",
                   {"form", "basis", "award_year", "number", "submission_date", "place", "header_parent",
                    "header_agency", "addressee", "title", "body", "signer_mark", "signer_title", "signer_name",
                    "decider"});
}

services::HigherAwardInput input_from(const http::FormData& f) {
  services::HigherAwardInput in;
  in.form = f.value("form");
  in.basis = f.value("basis");
  in.award_year = f.value("award_year");
  in.number = f.value("number");
  in.submission_date = f.value("submission_date");
  in.place = f.value("place");
  in.header_parent = f.value("header_parent");
  in.header_agency = f.value("header_agency");
  in.addressee = f.value("addressee");
  in.title = f.value("title");
  in.body = f.value("body");
  in.signer_mark = f.value("signer_mark");
  in.signer_title = f.value("signer_title");
  in.signer_name = f.value("signer_name");
  in.decider = f.value("decider");
  return in;
}

mustache::data form_data(http::Context& ctx, const Refused* refused, const HigherAward& h) {
  mustache::data f = higher_echo(ctx, refused);
  const bool typed = refused && refused->form == "higher";
  const std::string form = typed ? refused->values->value("form") : std::string(to_string(h.form));
  mustache::list forms;
  for (auto x : all_award_forms()) {
    if (form_level(x) == FormLevel::agency) continue;
    mustache::data o;
    o.set("value", std::string(to_string(x)));
    o.set("label", ctx.t("award_form." + std::string(to_string(x))));
    if (form == to_string(x)) o.set("selected", true);
    forms.push_back(o);
  }
  f.set("forms", forms);
  const std::string basis = typed ? refused->values->value("basis") : std::string(to_string(h.basis));
  mustache::list bases;
  for (const char* b : {"yearly", "movement", "thematic", "sudden", "merit", "service"}) {
    mustache::data o;
    o.set("value", std::string(b));
    o.set("label", ctx.t(std::string("award_basis.") + b));
    if (basis == b) o.set("selected", true);
    bases.push_back(o);
  }
  f.set("bases", bases);
  if (typed) return f;
  f.set("award_year", h.award_year ? std::to_string(h.award_year) : std::string());
  f.set("number", h.number);
  f.set("submission_date", display_date(h.submission_date));
  f.set("place", h.place);
  f.set("header_parent", h.header_parent);
  f.set("header_agency", h.header_agency);
  f.set("addressee", h.addressee);
  f.set("title", h.title);
  f.set("body", h.body);
  f.set("signer_mark", h.signer_mark);
  f.set("signer_title", h.signer_title);
  f.set("signer_name", h.signer_name);
  f.set("decider", h.decider);
  return f;
}

std::string ref_of(const HigherAward& h) { return (h.number.empty() ? "…" : h.number) + "/" + h.symbol; }

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                              unsigned status) {
  auto v = deps.higher_awards->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  const HigherAward& h = v->award;
  mustache::data x;
  x.set("id", std::to_string(h.id));
  x.set("version", std::to_string(h.version));
  x.set("ref", ref_of(h));
  x.set("title", h.title);
  x.set("form", ctx.t("award_form." + std::string(to_string(h.form))));
  x.set("date", display_date(h.submission_date));
  x.set("addressee", h.addressee);
  x.set("decider", h.decider);
  x.set("award_year", std::to_string(h.award_year));
  x.set("status_label", ctx.t("higher_award_status." + std::string(to_string(h.status))));
  x.set("status_color", higher_status_color(h.status));
  if (h.status == HigherAwardStatus::decided) {
    x.set("decided", true);
    x.set("province_number", h.province_number);
    x.set("province_date", display_date(h.province_date));
  }
  mustache::list subjects;
  int n = 0;
  for (const auto& s : h.subjects) {
    mustache::data r;
    r.set("n", std::to_string(++n));
    r.set("row_id", std::to_string(s.id));
    r.set("name", s.subject_name);
    r.set("subject_label", ctx.t("award_subject." + std::string(to_string(s.subject))));
    set_nonempty(r, "unit", s.unit_name);
    set_nonempty(r, "achievement", s.achievement);
    if (v->can_edit) r.set("can_remove", true);
    subjects.push_back(r);
  }
  x.set("has_subjects", !h.subjects.empty());
  x.set("subjects", subjects);
  if (v->can_edit) {
    x.set("can_edit", true);
    auto fields = form_data(ctx, refused, h);
    fields.set("symbol", h.symbol);
    x.set("fields_html", deps.views->render("partials/higher_award_fields", ctx.lang, fields));
    if (refused && refused->form == "higher") x.set("edit_open", true);
    auto add = form_echo(ctx, refused, "subject", {"subject", "achievement"});
    add.set("subjects", candidate_options(deps, ctx, h.agency_id,
                                          refused && refused->form == "subject" ? refused->values->value("subject") : ""));
    x.set("add", add);
  }
  if (v->can_send) x.set("can_send", true);
  if (v->can_answer) {
    x.set("can_answer", true);
    x.set("back", form_echo(ctx, refused, "return", {"reason"}));
    x.set("decide", form_echo(ctx, refused, "decide", {"province_number", "province_date"}));
    if (refused && refused->form == "decide") x.set("decide_open", true);
    if (refused && refused->form == "return") x.set("return_open", true);
  }
  mustache::list history;
  for (const auto& e : v->history) {
    mustache::data r;
    r.set("at", display_timestamp(e.at));
    r.set("actor", e.actor);
    r.set("event", ctx.t("higher_page.event_" + e.event));
    set_nonempty(r, "comment", e.comment);
    history.push_back(r);
  }
  x.set("history", history);
  if (refused && refused->error && (refused->form == "send" || refused->form == "remove")) {
    x.set("page_error", ctx.message(*refused->error));
  }
  return deps.views->page(ctx, "pages/higher_award", ctx.t("higher_page.submission") + " " + ref_of(h), std::move(x),
                          status);
}

template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const std::string& form_name,
                             const http::FormData& form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/higher-awards/" + std::to_string(id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{form_name, &form, &r.error()};
  return render(deps, ctx, id, &refused, http::status_for(r.error()));
}

Result<http::Response> render_new(const WebDeps& deps, http::Context& ctx, const Refused* refused, unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto d = deps.higher_awards->defaults(*ctx.principal, *agency);
  if (!d) return fail(d.error());
  mustache::data x;
  auto fields = form_data(ctx, refused, *d);
  fields.set("symbol", d->symbol);
  x.set("fields_html", deps.views->render("partials/higher_award_fields", ctx.lang, fields));
  return deps.views->page(ctx, "pages/higher_award_form", ctx.t("higher_page.new_title"), std::move(x), status);
}

std::int64_t version_of(const http::FormData& f) { return std::atoll(f.value("version").c_str()); }

}  // namespace

std::string higher_status_color(HigherAwardStatus s) {
  switch (s) {
    case HigherAwardStatus::draft: return "secondary";
    case HigherAwardStatus::sent: return "primary";
    case HigherAwardStatus::returned: return "warning";
    case HigherAwardStatus::decided: return "success";
  }
  return "secondary";
}

Result<http::Response> higher_awards_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto list = deps.higher_awards->list(*ctx.principal, *agency);
  if (!list) return fail(list.error());
  mustache::data x;
  mustache::list rows;
  for (const auto& h : *list) {
    mustache::data r;
    r.set("id", std::to_string(h.id));
    r.set("ref", ref_of(h));
    r.set("date", display_date(h.submission_date));
    r.set("title", h.title);
    r.set("form", ctx.t("award_form." + std::string(to_string(h.form))));
    r.set("subjects", std::to_string(h.subjects.size()));
    r.set("status_label", ctx.t("higher_award_status." + std::string(to_string(h.status))));
    r.set("status_color", higher_status_color(h.status));
    set_nonempty(r, "province", h.province_number);
    rows.push_back(r);
  }
  x.set("rows", rows);
  x.set("has_rows", !list->empty());
  if (deps.higher_awards->defaults(*ctx.principal, *agency)) x.set("can_create", true);
  return deps.views->page(ctx, "pages/higher_awards", ctx.t("higher_page.title"), std::move(x));
}

Result<http::Response> higher_award_new(const WebDeps& deps, http::Context& ctx) {
  return render_new(deps, ctx, nullptr, 200);
}

Result<http::Response> higher_award_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = deps.higher_awards->create(*ctx.principal, *agency, input_from(*form));
  if (r) {
    ctx.set_flash("flash.decision.higher_created");
    return http::Response::redirect("/higher-awards/" + std::to_string(r->id));
  }
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{"higher", &*form, &r.error()};
  return render_new(deps, ctx, &refused, http::status_for(r.error()));
}

Result<http::Response> higher_award_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> higher_award_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.higher_awards->update(*ctx.principal, *id, version_of(*form), input_from(*form));
  return after(deps, ctx, *id, "higher", *form, r, "flash.decision.saved");
}

Result<http::Response> higher_award_subject_add(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::ProposedInput in;
  const std::string subject = form->value("subject");
  if (auto colon = subject.find(':'); colon != std::string::npos) {
    in.subject = subject.substr(0, colon);
    in.subject_id = std::atoll(subject.c_str() + colon + 1);
  }
  in.achievement = form->value("achievement");
  auto r = deps.higher_awards->add_subjects(*ctx.principal, *id, {in});
  if (!r) {
    Error e = r.error();
    for (auto& f : e.fields) {
      if (f.field.rfind("subjects.0.", 0) == 0) f.field = f.field.substr(11);
      if (f.field == "subject_id") f.field = "subject";
    }
    Result<HigherAward> mapped = tl::unexpected(e);
    return after(deps, ctx, *id, "subject", *form, mapped, "flash.decision.awardee_added");
  }
  return after(deps, ctx, *id, "subject", *form, r, "flash.decision.awardee_added");
}

Result<http::Response> higher_award_subject_remove(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto row = id_param(ctx.params["subject"]);
  if (!row) return fail(row.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.higher_awards->remove_subject(*ctx.principal, *id, *row);
  return after(deps, ctx, *id, "remove", *form, r, "flash.decision.awardee_removed");
}

Result<http::Response> higher_award_send(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.higher_awards->send(*ctx.principal, *id, version_of(*form));
  return after(deps, ctx, *id, "send", *form, r, "flash.decision.higher_sent");
}

Result<http::Response> higher_award_return(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.higher_awards->give_back(*ctx.principal, *id, version_of(*form), form->value("reason"));
  return after(deps, ctx, *id, "return", *form, r, "flash.decision.higher_returned");
}

Result<http::Response> higher_award_decide(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.higher_awards->record_decision(*ctx.principal, *id, version_of(*form), form->value("province_number"),
                                               form->value("province_date"));
  return after(deps, ctx, *id, "decide", *form, r, "flash.decision.higher_decided");
}

namespace {

Result<http::Response> submission_file(const WebDeps& deps, http::Context& ctx, const char* format) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto file = deps.higher_awards->submission(*ctx.principal, *id, format);
  if (!file) return fail(file.error());
  const bool pdf = std::string_view(format) == "pdf";
  return decision_download(std::move(file->bytes),
                           pdf ? "application/pdf"
                               : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           file->file_name, pdf);
}

}  // namespace

Result<http::Response> higher_award_submission_docx(const WebDeps& deps, http::Context& ctx) {
  return submission_file(deps, ctx, "docx");
}
Result<http::Response> higher_award_submission_pdf(const WebDeps& deps, http::Context& ctx) {
  return submission_file(deps, ctx, "pdf");
}

Result<http::Response> higher_award_bundle(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto file = deps.higher_awards->bundle(*ctx.principal, *id);
  if (!file) return fail(file.error());
  return decision_download(std::move(file->bytes), "application/zip", file->file_name, false);
}

}  // namespace thidua::web
