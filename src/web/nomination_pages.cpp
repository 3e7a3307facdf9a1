// Nominations: the list, the form, a nomination's page and its steps.

#include "web/nomination_pages.hpp"

#include <cstdlib>

#include "web/evidence_view.hpp"

namespace thidua::web {

std::string nomination_status_color(NominationStatus s) {
  switch (s) {
    case NominationStatus::draft: return "secondary";
    case NominationStatus::submitted:
    case NominationStatus::resubmitted: return "info";
    case NominationStatus::returned: return "warning";
    case NominationStatus::accepted: return "primary";
    case NominationStatus::approved: return "success";
    case NominationStatus::rejected: return "danger";
    case NominationStatus::decided: return "dark";
  }
  return "secondary";
}

namespace {

/// Sets `key` only when `value` is not empty (a section of the template shows it only then).
void put_text(mustache::data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

mustache::data row_data(http::Context& ctx, const storage::NominationRow& n) {
  mustache::data x;
  x.set("id", std::to_string(n.id));
  x.set("subject_name", n.subject_name);
  x.set("subject_label", ctx.t("award_subject." + std::string(to_string(n.subject))));
  if (!n.unit_name.empty() && n.subject == AwardSubject::person) x.set("unit_name", n.unit_name);
  x.set("form_label", ctx.t("award_form." + std::string(to_string(n.form))));
  x.set("year", std::to_string(n.year));
  x.set("status_label", ctx.t("nomination_status." + std::string(to_string(n.status))));
  x.set("status_color", nomination_status_color(n.status));
  x.set("verdict_label", ctx.t("nomination_verdict." + std::string(to_string(n.verdict))));
  return x;
}

mustache::list form_options(http::Context& ctx, const std::string& selected, bool with_all) {
  mustache::list out;
  if (with_all) {
    mustache::data x;
    x.set("value", "");
    x.set("label", ctx.t("nominations_page.all"));
    out.push_back(x);
  }
  for (auto f : all_award_forms()) {
    mustache::data x;
    const std::string code(to_string(f));
    x.set("value", code);
    x.set("label", ctx.t("award_form." + code));
    if (code == selected) x.set("selected", true);
    out.push_back(x);
  }
  return out;
}

Result<http::Response> render_form(const WebDeps& deps, http::Context& ctx, const Refused* refused, unsigned status,
                                   const http::FormData* prefill) {
  mustache::data d;
  auto f = form_echo(ctx, refused, "nominate", {"subject", "form", "year", "movement_id", "justification"});
  // From the eligibility list: the subject, form and year come in the query string.
  if (!refused && prefill) {
    f.set("subject", prefill->value("subject"));
    f.set("year", prefill->value("year").empty() ? std::to_string(this_year()) : prefill->value("year"));
  }
  std::string form_code = refused && refused->values ? refused->values->value("form") : "";
  if (!refused && prefill) form_code = prefill->value("form");
  d.set("forms", form_options(ctx, form_code, false));
  d.set("f", f);
  // People and units of the agency to choose from.
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const std::string chosen = refused && refused->values ? refused->values->value("subject")
                                                        : (prefill ? prefill->value("subject") : "");
  mustache::list subjects;
  services::PeopleFilter pf;
  pf.agency_id = *agency;
  pf.per_page = 500;
  if (auto people = deps.people->search(*ctx.principal, pf)) {
    for (const auto& p : people->items) {
      mustache::data x;
      const std::string value = "person:" + std::to_string(p.id);
      x.set("value", value);
      x.set("label", p.full_name + (p.unit_name.empty() ? "" : " — " + p.unit_name));
      if (value == chosen) x.set("selected", true);
      subjects.push_back(x);
    }
  }
  if (auto units = deps.org->list_units(*ctx.principal, *agency, false)) {
    for (const auto& u : *units) {
      mustache::data x;
      const std::string value = "unit:" + std::to_string(u.id);
      x.set("value", value);
      x.set("label", ctx.t("award_subject.unit") + ": " + u.name);
      if (value == chosen) x.set("selected", true);
      subjects.push_back(x);
    }
  }
  if (chosen.rfind("household:", 0) == 0) {
    mustache::data x;
    x.set("value", chosen);
    x.set("label", ctx.t("award_subject.household") + " #" + chosen.substr(10));
    x.set("selected", true);
    subjects.push_back(x);
  }
  d.set("subjects", subjects);
  return deps.views->page(ctx, "pages/nomination_form", ctx.t("nominations_page.new"), std::move(d), status);
}

Result<http::Response> render_nomination(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                         const Refused* refused, unsigned status) {
  auto v = deps.nominations->get(*ctx.principal, id);
  if (!v) return fail(v.error());
  const auto& n = v->nomination;
  mustache::data d = row_data(ctx, n);
  d.set("version", std::to_string(n.version));
  d.set("verdict_color", n.verdict == NominationVerdict::eligible       ? "success"
                         : n.verdict == NominationVerdict::not_eligible ? "danger"
                                                                        : "secondary");
  put_text(d, "verdict_reasons", n.verdict_reasons);
  put_text(d, "justification", n.justification);
  if (n.verdict == NominationVerdict::not_eligible) d.set("needs_justification", true);
  if (v->can_edit) d.set("can_edit", true);
  if (v->can_submit) d.set("can_submit", true);
  if (v->can_resubmit) d.set("can_resubmit", true);
  if (v->can_review) d.set("can_review", true);
  if (v->session_id) {
    d.set("session_id", std::to_string(*v->session_id));
    put_text(d, "item_result", v->item_result.empty() ? "" : ctx.t("council_page.result_" + v->item_result));
  }
  mustache::list dossier;
  for (const auto& e : v->dossier) {
    mustache::data x;
    x.set("code", e.item.code);
    x.set("name", e.item.name);
    if (!e.item.required) x.set("optional", true);
    if (e.complete) x.set("complete", true);
    if (e.item.code == "achievement_report") x.set("is_report", true);
    if (e.item.code == "justification") x.set("is_justification", true);
    mustache::list files;
    for (const auto& f : e.files) {
      mustache::data y;
      y.set("id", std::to_string(f.id));
      y.set("file_name", f.file_name);
      files.push_back(y);
    }
    x.set("files", files);
    if (!e.item.drafted) x.set("uploadable", true);
    dossier.push_back(x);
  }
  d.set("dossier", dossier);
  mustache::list items;
  for (const auto& e : v->dossier) {
    if (e.item.drafted) continue;
    mustache::data x;
    x.set("code", e.item.code);
    x.set("name", e.item.name);
    items.push_back(x);
  }
  d.set("upload_items", items);
  if (!v->reports.empty()) {
    const auto& r = v->reports.back();
    d.set("report", r.body);
    d.set("report_meta", (r.source == "drafted" ? ctx.t("nomination_page.report_drafted")
                                                : ctx.t("nomination_page.report_edited")) +
                             " · " + r.author + " · " + display_timestamp(r.at));
    d.set("report_versions", std::to_string(v->reports.size()));
  }
  mustache::list history;
  for (const auto& h : v->history) {
    mustache::data x;
    x.set("at", display_timestamp(h.at));
    x.set("actor", h.actor);
    x.set("event", ctx.t("nomination_event." + h.event));
    put_text(x, "reason", h.reason);
    history.push_back(x);
  }
  d.set("history", history);
  d.set("step", form_echo(ctx, refused, "step", {"reason"}));
  d.set("file_form", form_echo(ctx, refused, "file", {"item", "file"}));
  // The edit and report forms start from what is saved, or from what was typed when refused.
  const bool edit_refused = refused && refused->form == "edit";
  mustache::data edit = form_echo(ctx, edit_refused ? refused : nullptr, "edit", {"justification"});
  if (!edit_refused) edit.set("justification", n.justification);
  d.set("edit", edit);
  const bool report_refused = refused && refused->form == "report";
  mustache::data report = form_echo(ctx, report_refused ? refused : nullptr, "report", {"report"});
  if (!report_refused && !v->reports.empty()) report.set("report", v->reports.back().body);
  d.set("report_form", report);
  return deps.views->page(ctx, "pages/nomination", n.subject_name + " · " + ctx.t("award_form." + std::string(to_string(n.form))),
                          std::move(d), status);
}

/// Back to the nomination after an action, or its page with the refused form.
template <class T>
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, std::int64_t id, const std::string& form_name,
                             const http::FormData* form, const Result<T>& r, const char* flash) {
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect("/nominations/" + std::to_string(id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{form_name, form, &r.error()};
  return render_nomination(deps, ctx, id, &refused, http::status_for(r.error()));
}

}  // namespace

namespace {

/// The list of the query's filters (year, status, form) for the agency of the page.
Result<services::NominationList> filtered(const WebDeps& deps, http::Context& ctx, services::NominationFilter& filter) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const int year = year_param(q->value("year"));
  if (year > 0) filter.year = year;
  filter.status = q->value("status");
  filter.form = q->value("form");
  return deps.nominations->list(*ctx.principal, *agency, filter);
}

}  // namespace

Result<http::Response> nominations_export(const WebDeps& deps, http::Context& ctx) {
  services::NominationFilter filter;
  auto l = filtered(deps, ctx, filter);
  if (!l) return fail(l.error());
  auto bytes = services::nominations_xlsx(*l);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "de-nghi-khen-thuong.xlsx");
}

Result<http::Response> nominations_page(const WebDeps& deps, http::Context& ctx) {
  services::NominationFilter filter;
  auto l = filtered(deps, ctx, filter);
  if (!l) return fail(l.error());
  const int year = filter.year.value_or(0);
  mustache::data d;
  mustache::list rows;
  for (const auto& n : l->items) rows.push_back(row_data(ctx, n));
  if (rows.empty()) d.set("empty", true);
  d.set("rows", rows);
  d.set("count", std::to_string(l->items.size()));
  if (l->can_nominate) d.set("can_nominate", true);
  if (year > 0) d.set("year", std::to_string(year));
  const auto& q = ctx.query();
  d.set("export_query", "?year=" + (year > 0 ? std::to_string(year) : std::string()) + "&status=" +
                            url_encode(q ? q->value("status") : "") + "&form=" + url_encode(q ? q->value("form") : ""));
  d.set("forms", form_options(ctx, filter.form, true));
  mustache::list statuses;
  for (const char* s : {"", "draft", "submitted", "returned", "resubmitted", "accepted", "approved", "rejected", "decided"}) {
    mustache::data x;
    x.set("value", s);
    x.set("label", *s ? ctx.t(std::string("nomination_status.") + s) : ctx.t("nominations_page.all"));
    if (filter.status == s) x.set("selected", true);
    statuses.push_back(x);
  }
  d.set("statuses", statuses);
  return deps.views->page(ctx, "pages/nominations", ctx.t("nominations_page.title"), std::move(d));
}

Result<http::Response> nomination_new(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  return render_form(deps, ctx, nullptr, 200, &*q);
}

Result<http::Response> nomination_create(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  services::NominationInput in;
  in.subject = form->value("subject");
  in.form = form->value("form");
  in.year = form->value("year");
  in.movement_id = form->value("movement_id");
  in.justification = form->value("justification");
  auto r = deps.nominations->create(*ctx.principal, in);
  if (r) {
    ctx.set_flash("flash.nomination.created");
    return http::Response::redirect("/nominations/" + std::to_string(r->nomination.id));
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{"nominate", &*form, &r.error()};
  return render_form(deps, ctx, &refused, http::status_for(r.error()), nullptr);
}

Result<http::Response> nomination_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  return render_nomination(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> nomination_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.nominations->edit(*ctx.principal, *id, std::atoll(form->value("version").c_str()),
                                  form->value("justification"), form->value("movement_id"));
  return after(deps, ctx, *id, "edit", &*form, r, "flash.nomination.saved");
}

Result<http::Response> nomination_step(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  const std::string step = form->value("step");
  std::optional<NominationAction> action;
  if (step == "submit") action = NominationAction::submit;
  if (step == "resubmit") action = NominationAction::resubmit;
  if (step == "return") action = NominationAction::return_back;
  if (step == "accept") action = NominationAction::accept;
  if (!action) return fail(ErrorKind::validation, "validation.invalid");
  auto r = deps.nominations->act(*ctx.principal, *id, std::atoll(form->value("version").c_str()), *action,
                                 form->value("reason"));
  return after(deps, ctx, *id, "step", &*form, r, "flash.nomination.moved");
}

Result<http::Response> nomination_report(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.nominations->save_report(*ctx.principal, *id, form->value("report"));
  return after(deps, ctx, *id, "report", &*form, r, "flash.nomination.saved");
}

Result<http::Response> nomination_file(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.upload_form();
  if (!form) return fail(form.error());
  const auto* file = form->file("file");
  if (!file) {
    Error e = Error{ErrorKind::validation, "validation.invalid", {}, {}, {}};
    e.field("file", "validation.required");
    Result<void> r = tl::unexpected<Error>(e);
    return after(deps, ctx, *id, "file", nullptr, r, "");
  }
  auto r = deps.nominations->attach(*ctx.principal, *id, form->field("item"), to_evidence_upload(*file));
  return after(deps, ctx, *id, "file", nullptr, r, "flash.nomination.file_added");
}

}  // namespace thidua::web
