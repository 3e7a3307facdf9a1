// The eligibility list of a unit and year (issue 6, part 1): the rule set applied, the unit and
// each of its people with a badge per title or form and an expandable "why" (every condition
// with ✓ / ✗ / ?, its sentence and citation), a link to nominate where eligible; for the
// Office, the forms that record a rating, a sanction, a pending case or a leave period. A
// refused form comes back on the page with what was typed and the message by the field.

#include "web/eligibility_pages.hpp"

#include <map>

#include "services/eligibility_export.hpp"
#include "web/evaluation_pages.hpp"

namespace thidua::web {

namespace {

struct Choice {
  int year = 0;
  std::optional<std::int64_t> unit;
};

Choice choice_from(const http::FormData& q) {
  Choice c;
  c.year = year_param(q.value("year"));
  if (c.year == 0) c.year = this_year() - 1;  // titles are judged on the year just ended
  if (auto u = id_param(q.value("unit"))) c.unit = *u;
  return c;
}

std::string page_url(const Choice& c) {
  std::string url = "/eligibility?year=" + std::to_string(c.year);
  if (c.unit) url += "&unit=" + std::to_string(*c.unit);
  return url;
}

const char* verdict_color(Verdict v) {
  switch (v) {
    case Verdict::eligible: return "success";
    case Verdict::not_eligible: return "danger";
    case Verdict::cannot_tell: return "secondary";
  }
  return "secondary";
}

const char* outcome_mark(Outcome o) {
  switch (o) {
    case Outcome::met: return "✓";
    case Outcome::not_met: return "✗";
    case Outcome::unknown: return "?";
  }
  return "?";
}

void condition_rows(http::Context& ctx, mustache::list& out, const ConditionResult& c, bool nested) {
  mustache::data x;
  x.set("mark", std::string(outcome_mark(c.outcome)));
  x.set("outcome", std::string(to_string(c.outcome)));
  x.set("outcome_label", ctx.t("eligibility.outcome." + std::string(to_string(c.outcome))));
  x.set("text", services::explain(ctx.catalogue(), ctx.lang, c));
  x.set("citation", c.citation);
  if (!c.verified) x.set("unverified", true);
  if (nested) x.set("nested", true);
  out.push_back(x);
  for (const auto& a : c.alternatives) condition_rows(ctx, out, a, true);
}

mustache::data subject_data(http::Context& ctx, const SubjectVerdicts& s, int year, bool may_nominate,
                            const std::map<std::int64_t, std::string>& unit_names) {
  mustache::data d;
  d.set("id", std::to_string(s.id));
  d.set("year", std::to_string(year));
  d.set("subject_ref", std::string(to_string(s.subject)) + ":" + std::to_string(s.id));
  d.set("key", std::string(to_string(s.subject)) + "-" + std::to_string(s.id));
  d.set("name", s.name);
  if (auto u = unit_names.find(s.unit_id); u != unit_names.end() && s.subject == AwardSubject::person) {
    d.set("unit_name", u->second);
  }
  mustache::list forms;
  for (const auto& f : s.forms) {
    mustache::data x;
    const std::string code(to_string(f.form));
    x.set("form", code);
    x.set("form_name", ctx.t("award_form." + code));
    x.set("verdict", std::string(to_string(f.verdict)));
    x.set("verdict_label", ctx.t("eligibility.verdict." + std::string(to_string(f.verdict))));
    x.set("color", std::string(verdict_color(f.verdict)));
    x.set("citation", f.citation);
    if (may_nominate && f.verdict == Verdict::eligible) {
      x.set("nominate_href", "/nominations/new?subject=" + std::string(to_string(s.subject)) + ":" +
                                 std::to_string(s.id) + "&form=" + code + "&year=" + std::to_string(year));
    }
    mustache::list conditions;
    for (const auto& c : f.conditions) condition_rows(ctx, conditions, c, false);
    x.set("conditions", conditions);
    forms.push_back(x);
  }
  d.set("forms", forms);
  return d;
}

Result<http::Response> render(const WebDeps& deps, http::Context& ctx, Choice choice, const Refused* refused,
                              unsigned status) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  // A page per unit: without ?unit= the reader's first unit (an overseer's first unit of the
  // agency; a member of staff sees their own row only).
  auto v = deps.eligibility->compute(*ctx.principal, {*agency, choice.year, std::nullopt, choice.unit});
  if (!v) return fail(v.error());
  if (!choice.unit && !v->units.empty()) {
    choice.unit = v->units.front().id;
    v = deps.eligibility->compute(*ctx.principal, {*agency, choice.year, std::nullopt, choice.unit});
    if (!v) return fail(v.error());
  }
  mustache::data d;
  d.set("year", std::to_string(choice.year));
  d.set("unit", choice.unit ? std::to_string(*choice.unit) : "");
  mustache::list years, units;
  for (int y = this_year() + 1; y >= services::kEligibilityFirstYear; --y) {
    mustache::data x;
    x.set("value", std::to_string(y));
    x.set("label", std::to_string(y));
    if (y == choice.year) x.set("selected", true);
    years.push_back(x);
  }
  std::map<std::int64_t, std::string> unit_names;
  for (const auto& u : v->units) {
    unit_names[u.id] = u.name;
    mustache::data x;
    x.set("value", std::to_string(u.id));
    x.set("label", u.name);
    if (choice.unit && *choice.unit == u.id) x.set("selected", true);
    units.push_back(x);
  }
  d.set("years", years);
  d.set("units", units);
  if (!v->units.empty()) d.set("has_units", true);
  std::string layers;
  for (const auto& l : v->rules.layers()) layers += (layers.empty() ? "" : " + ") + l;
  d.set("rule_layers", layers);
  d.set("rule_citation", v->rules.citation());
  d.set("as_of", display_date(v->as_of));
  const bool may_nominate = v->manages || !v->units.empty();
  std::string unit_rows, people_rows;
  for (const auto& s : v->report.units) {
    unit_rows += deps.views->render("partials/eligibility_subject", ctx.lang,
                                    subject_data(ctx, s, choice.year, may_nominate, unit_names));
  }
  for (const auto& s : v->report.people) {
    people_rows += deps.views->render("partials/eligibility_subject", ctx.lang,
                                      subject_data(ctx, s, choice.year, may_nominate, unit_names));
  }
  d.set("unit_rows_html", unit_rows);
  d.set("people_rows_html", people_rows);
  if (!v->report.units.empty()) d.set("has_unit_rows", true);
  if (!v->report.people.empty()) d.set("has_people", true);
  d.set("query", "?year=" + std::to_string(choice.year) + (choice.unit ? "&unit=" + std::to_string(*choice.unit) : ""));
  if (v->manages) {
    d.set("manages", true);
    // The options of each form, the refused form's choice selected again.
    auto typed = [&](const char* form, const char* field) {
      return refused && refused->form == form && refused->values ? refused->values->value(field) : std::string();
    };
    auto options = [&](const std::vector<std::pair<std::string, std::string>>& all, const std::string& chosen) {
      mustache::list out;
      for (const auto& [value, label] : all) {
        mustache::data x;
        x.set("value", value);
        x.set("label", label);
        if (value == chosen) x.set("selected", true);
        out.push_back(x);
      }
      return out;
    };
    std::vector<std::pair<std::string, std::string>> subjects, people, ratings, levels, kinds;
    for (const auto& s : v->report.units) {
      subjects.emplace_back("unit:" + std::to_string(s.id), ctx.t("eligibility.collective") + ": " + s.name);
    }
    for (const auto& s : v->report.people) {
      subjects.emplace_back("person:" + std::to_string(s.id), s.name);
      people.emplace_back(std::to_string(s.id), s.name);
    }
    for (const char* r : {"excellent", "good", "completed", "not_completed"}) {
      ratings.emplace_back(r, ctx.t(std::string("eligibility.rating.") + r));
    }
    for (const char* l : {"reprimand", "warning", "demotion", "downgrade", "removal", "dismissal"}) {
      levels.emplace_back(l, ctx.t(std::string("eligibility.sanction.") + l));
    }
    for (const char* k : {"discipline", "inspection", "investigation", "complaint"}) {
      kinds.emplace_back(k, ctx.t(std::string("eligibility.case.") + k));
    }
    d.set("rating_subjects", options(subjects, typed("rating", "subject")));
    d.set("case_subjects", options(subjects, typed("case", "subject")));
    d.set("sanction_people", options(people, typed("sanction", "person_id")));
    d.set("leave_people", options(people, typed("leave", "person_id")));
    d.set("ratings", options(ratings, typed("rating", "rating")));
    d.set("levels", options(levels, typed("sanction", "level")));
    d.set("case_kinds", options(kinds, typed("case", "kind")));
    d.set("rating_form", form_echo(ctx, refused, "rating", {"subject", "rating", "reason"}));
    d.set("sanction_form", form_echo(ctx, refused, "sanction", {"person_id", "level", "decided_on", "ended_on",
                                                                  "decision_ref", "note"}));
    d.set("case_form", form_echo(ctx, refused, "case", {"subject", "kind", "opened_on", "closed_on", "note"}));
    d.set("leave_form", form_echo(ctx, refused, "leave", {"person_id", "from", "to", "note"}));
    if (refused) d.set(refused->form + "_open", true);
    // The cases still pending block every award of their subject until closed here.
    auto open = deps.eligibility->open_cases(*ctx.principal, *agency);
    if (!open) return fail(open.error());
    mustache::list cases;
    for (const auto& c : *open) {
      mustache::data x;
      x.set("case_id", std::to_string(c.row.id));
      x.set("name", c.subject_name);
      x.set("kind", ctx.t("eligibility.case." + std::string(to_string(c.row.kind))));
      x.set("opened_on", display_date(c.row.opened_on));
      if (!c.row.note.empty()) x.set("note", c.row.note);
      if (refused && refused->form == "close-" + std::to_string(c.row.id)) {
        x.set("closed_on", refused->values->value("closed_on"));
        if (refused->error) x.set("error", ctx.message(*refused->error));
        d.set("cases_open", true);
      }
      cases.push_back(x);
    }
    if (!cases.empty()) d.set("has_open_cases", true);
    d.set("open_cases", cases);
    d.set("open_case_count", std::to_string(cases.size()));
  }
  return deps.views->page(ctx, "pages/eligibility", ctx.t("eligibility.title") + " " + std::to_string(choice.year),
                          std::move(d), status);
}

/// "person:12" → ("person", "12").
std::pair<std::string, std::string> split_subject(const std::string& s) {
  auto colon = s.find(':');
  if (colon == std::string::npos) return {"person", s};
  return {s.substr(0, colon), s.substr(colon + 1)};
}

/// After a recorded input: back to the list with a flash, or the page with the refused form.
Result<http::Response> after(const WebDeps& deps, http::Context& ctx, const Result<std::int64_t>& r,
                             const char* form_name, const char* flash) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  Choice c = choice_from(*form);
  if (r) {
    ctx.set_flash(flash);
    return http::Response::redirect(page_url(c));
  }
  if (!shows_again(r.error())) return fail(r.error());
  Refused refused{form_name, &*form, &r.error()};
  return render(deps, ctx, c, &refused, r.error().kind == ErrorKind::conflict ? 409 : 422);
}

}  // namespace

Result<http::Response> eligibility_page(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  return render(deps, ctx, choice_from(*q), nullptr, 200);
}

Result<http::Response> eligibility_xlsx(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  Choice c = choice_from(*q);
  auto v = deps.eligibility->compute(*ctx.principal, {*agency, c.year, std::nullopt, c.unit});
  if (!v) return fail(v.error());
  auto bytes = services::eligibility_xlsx(*v, ctx.catalogue(), ctx.lang);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "xet-khen-thuong-" + std::to_string(c.year) + ".xlsx");
}

Result<http::Response> eligibility_rating_history(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  Choice c = choice_from(*q);
  auto [kind, id_text] = split_subject(q->value("subject"));
  auto id = id_param(id_text);
  if (!id) return fail(id.error());
  auto h = deps.eligibility->rating_history(*ctx.principal, *agency, kind, *id, c.year);
  if (!h) return fail(h.error());
  mustache::data d;
  d.set("year", std::to_string(c.year));
  d.set("back", page_url(c));
  mustache::list rows;
  bool first = true;
  for (const auto& r : *h) {
    mustache::data x;
    x.set("rating", ctx.t("eligibility.rating." + std::string(to_string(r.rating))));
    x.set("reason", r.reason);
    x.set("source", ctx.t("eligibility.source_" + r.source));
    x.set("by", r.created_by_name);
    x.set("at", display_timestamp(r.created_at));
    if (first) x.set("current", true);
    first = false;
    rows.push_back(x);
  }
  d.set("rows", rows);
  if (!h->empty()) d.set("has_rows", true);
  return deps.views->page(ctx, "pages/eligibility_history", ctx.t("eligibility.history"), std::move(d));
}

Result<http::Response> eligibility_rating_save(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto [kind, id] = split_subject(form->value("subject"));
  auto r = deps.eligibility->record_rating(*ctx.principal, *agency,
                                            {kind, id, form->value("year"), form->value("rating"), form->value("reason")});
  if (!r && !r.error().fields.empty()) {
    // The service names subject_id; the form's field is subject.
    for (auto& f : r.error().fields) {
      if (f.field == "subject_id") f.field = "subject";
    }
  }
  return after(deps, ctx, r, "rating", "flash.eligibility.rating_saved");
}

Result<http::Response> eligibility_sanction_save(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = deps.eligibility->record_sanction(
      *ctx.principal, *agency,
      {form->value("person_id"), form->value("level"), form->value("decided_on"), form->value("ended_on"),
       form->value("decision_ref"), form->value("note")});
  return after(deps, ctx, r, "sanction", "flash.eligibility.sanction_saved");
}

Result<http::Response> eligibility_case_save(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto [kind, id] = split_subject(form->value("subject"));
  auto r = deps.eligibility->record_case(*ctx.principal, *agency,
                                          {kind, id, form->value("kind"), form->value("opened_on"),
                                           form->value("closed_on"), form->value("note")});
  if (!r) {
    for (auto& f : r.error().fields) {
      if (f.field == "subject_id") f.field = "subject";
    }
  }
  return after(deps, ctx, r, "case", "flash.eligibility.case_saved");
}

Result<http::Response> eligibility_case_close(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = deps.eligibility->close_case(*ctx.principal, *agency, *id, form->value("closed_on"));
  Result<std::int64_t> as_id = r ? Result<std::int64_t>(*id) : Result<std::int64_t>(tl::unexpected(r.error()));
  const std::string name = "close-" + std::to_string(*id);
  return after(deps, ctx, as_id, name.c_str(), "flash.eligibility.case_closed");
}

Result<http::Response> eligibility_leave_save(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto r = deps.eligibility->record_leave(*ctx.principal, *agency,
                                           {form->value("person_id"), "maternity", form->value("from"),
                                            form->value("to"), form->value("note")});
  return after(deps, ctx, r, "leave", "flash.eligibility.leave_saved");
}

}  // namespace thidua::web
