// The pledge form: a new pledge (for oneself, or for a unit one heads) or an edit of a draft
// or returned one. Targets are rows of (content item, measure, number, commune, note); a
// refused form comes back as typed with each message under its field.

#include <algorithm>

#include "services/pledge_service.hpp"
#include "text/format.hpp"
#include "web/pledge_pages.hpp"

namespace thidua::web {

namespace {

constexpr int kMinRows = 5;
constexpr int kMaxRows = 60;

/// The row fields as the form names them, and the service's names for them.
constexpr std::pair<const char*, const char*> kRowFields[] = {
    {"item", "item_id"}, {"measure", "measure"}, {"target", "target"}, {"commune", "commune_id"}, {"note", "note"}};

std::string row_field(int i, const char* name) { return "t" + std::to_string(i) + "_" + name; }

/// The targets typed in the form, row by row (rows left empty stay, so messages keep their place).
std::vector<services::PledgeTargetInput> targets_from(const http::FormData& f) {
  std::vector<services::PledgeTargetInput> out;
  for (int i = 0; i < kMaxRows && f.has(row_field(i, "item")); ++i) {
    out.push_back({f.value(row_field(i, "item")), f.value(row_field(i, "measure")), f.value(row_field(i, "target")),
                   f.value(row_field(i, "commune")), f.value(row_field(i, "note"))});
  }
  return out;
}

services::PledgeInput input_from(const http::FormData& f) {
  services::PledgeInput in;
  in.subject = f.value("subject");
  in.unit_id = f.value("unit_id");
  in.movement_id = f.value("movement_id");
  in.year = f.value("year");
  in.note = f.value("note");
  in.targets = targets_from(f);
  for (auto t : f.all("titles")) in.titles.emplace_back(t);
  return in;
}

/// A target as the form shows it: the number with its groups ("1.500.000").
services::PledgeTargetInput typed(const PledgeTarget& t) {
  return {std::to_string(t.item_id), std::string(to_string(t.measure)), text::format_number(t.target),
          t.commune_id ? std::to_string(*t.commune_id) : "", t.note};
}

mustache::list options(const std::vector<services::PledgeChoice>& choices, const std::string& selected) {
  mustache::list out;
  for (const auto& c : choices) {
    mustache::data o;
    o.set("value", std::to_string(c.id));
    o.set("label", c.label);
    if (std::to_string(c.id) == selected) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

struct FormState {
  std::string action;  ///< where the form posts
  std::string subject = "person";
  std::string unit_id;
  int year = 0;
  std::int64_t version = 0;  ///< 0: a new pledge
  std::string note;
  std::vector<services::PledgeTargetInput> targets;
  std::vector<std::string> titles;
  std::string subject_name;  ///< an edit: whose pledge
};

Result<http::Response> render_form(const WebDeps& deps, http::Context& ctx, std::int64_t agency,
                                   std::int64_t movement_id, FormState st, const Error* error, unsigned status) {
  auto form = deps.pledges->form(*ctx.principal, agency, movement_id, st.year);
  if (!form) return fail(form.error());
  mustache::data d;
  const bool is_new = st.version == 0;
  d.set("action", st.action);
  d.set("is_new", is_new);
  d.set("version", std::to_string(st.version));
  d.set("movement_id", std::to_string(form->movement.id));
  d.set("movement_title", form->movement.title);
  d.set("year", std::to_string(st.year));
  std::string base = "/pledges/new?movement=" + std::to_string(movement_id) + "&year=" + std::to_string(st.year);
  if (is_new) {
    mustache::list years;
    for (int y : form->years) {
      mustache::data o;
      o.set("value", std::to_string(y));
      o.set("href", "/pledges/new?movement=" + std::to_string(movement_id) + "&year=" + std::to_string(y) +
                        "&subject=" + st.subject + (st.unit_id.empty() ? "" : "&unit=" + st.unit_id));
      if (y == st.year) o.set("selected", true);
      years.push_back(o);
    }
    d.set("years", years);
    if (form->own_person) {
      d.set("person_name", form->own_person->label);
      d.set("person_href", base + "&subject=person");
    }
    if (!form->units.empty()) {
      d.set("unit_href", base + "&subject=unit");
      if (st.unit_id.empty()) st.unit_id = std::to_string(form->units.front().id);
    }
    if (!form->own_person && form->units.empty()) d.set("cannot_pledge", true);
    if (st.subject == "person" && !form->own_person && !form->units.empty()) st.subject = "unit";
  } else {
    d.set("subject_name", st.subject_name);
  }
  const RecordSubject subject = st.subject == "unit" ? RecordSubject::unit : RecordSubject::person;
  if (is_new) {
    // Already registered for the year: say so and link to it, rather than a form bound to fail.
    std::optional<std::int64_t> existing = form->own_pledge;
    if (subject == RecordSubject::unit) {
      auto it = form->unit_pledges.find(std::atoll(st.unit_id.c_str()));
      existing = it == form->unit_pledges.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
    }
    if (existing && !error) d.set("existing", "/pledges/" + std::to_string(*existing));
  }
  d.set("subject", st.subject);
  d.set(subject == RecordSubject::unit ? "subject_unit" : "subject_person", true);
  d.set("unit_options", options(form->units, st.unit_id));

  auto field_error = [&](const std::string& name) -> std::string {
    if (!error) return {};
    for (const auto& f : error->fields) {
      if (f.field == name) return ctx.field_message(*error, f);
    }
    return {};
  };
  std::string summary;
  if (error) {
    summary = ctx.message(*error);
    // Messages of fields the form has no place for go to the summary.
    for (const auto& f : error->fields) {
      bool placed = f.field == "note" || f.field == "titles" || f.field == "unit_id" || f.field == "year" ||
                    f.field == "subject" || f.field.rfind("targets[", 0) == 0;
      if (!placed) summary += " " + ctx.field_message(*error, f);
    }
    d.set("error", summary);
  }
  for (const char* f : {"note", "titles", "unit_id", "year", "subject", "targets"}) {
    if (auto m = field_error(f); !m.empty()) d.set(std::string(f) + "_error", m);
  }
  d.set("note", st.note);

  // The rows typed (blank ones dropped, unless a message sits on them), then two empty ones.
  std::size_t last_used = 0;
  for (std::size_t i = 0; i < st.targets.size(); ++i) {
    const auto& t = st.targets[i];
    bool blank = t.item_id.empty() && t.target.empty() && t.commune_id.empty() && t.note.empty();
    if (!blank || !field_error("targets[" + std::to_string(i) + "].target").empty()) last_used = i + 1;
  }
  st.targets.resize(std::min<std::size_t>(std::max<std::size_t>(kMinRows, last_used + 2), kMaxRows));
  mustache::list rows;
  for (std::size_t i = 0; i < st.targets.size(); ++i) {
    const auto& t = st.targets[i];
    const int n = static_cast<int>(i);
    mustache::data r;
    r.set("n", std::to_string(i + 1));
    for (const auto& [form_name, service_name] : kRowFields) {
      r.set(std::string(form_name) + "_name", row_field(n, form_name));
      r.set(std::string(form_name) + "_id", "t" + std::to_string(i) + "-" + form_name);
      std::string full = "targets[" + std::to_string(i) + "]." + service_name;
      // Every key is set in the row, so that a section never falls back to the form's own
      // field of the same name (the pledge's note and its error).
      if (auto m = field_error(full); !m.empty()) {
        r.set(std::string(form_name) + "_error", m);
        r.set("has_error", true);
      } else {
        r.set(std::string(form_name) + "_error", false);
      }
    }
    r.set("items", options(form->items, t.item_id));
    mustache::list measures;
    for (auto m : all_measures()) {
      mustache::data o;
      o.set("value", std::string(to_string(m)));
      o.set("label", ctx.t("pledge_measure." + std::string(to_string(m))));
      if (t.measure == to_string(m)) o.set("selected", true);
      measures.push_back(o);
    }
    r.set("measures", measures);
    r.set("target", t.target);
    r.set("communes", options(form->communes, t.commune_id));
    r.set("note", t.note);
    rows.push_back(r);
  }
  put(d, "rows", list_data(std::move(rows)));
  if (!form->communes.empty()) d.set("has_communes", true);

  mustache::list aims;
  for (auto a : all_award_aims()) {
    if (!aim_fits(a, subject)) continue;
    mustache::data o;
    std::string v(to_string(a));
    o.set("value", v);
    o.set("label", pledge_view::aim_label(ctx, a));
    if (std::find(st.titles.begin(), st.titles.end(), v) != st.titles.end()) o.set("checked", true);
    aims.push_back(o);
  }
  d.set("aims", aims);
  std::string title = ctx.catalogue().format(ctx.lang, is_new ? "pledge.new_title" : "pledge.edit_title",
                                             {{"year", std::to_string(st.year)}});
  return deps.views->page(ctx, "pages/pledge_form", title, std::move(d), status);
}

/// After a save: straight on to submission when the user pressed "save and submit".
Result<http::Response> after_save(const WebDeps& deps, http::Context& ctx, const Pledge& p, const http::FormData& f) {
  if (f.value("then") == "submit") {
    auto s = deps.pledges->act(*ctx.principal, p.id, p.version, PledgeAction::submit, "");
    if (!s) {
      // Saved as a draft; the page says why it could not be sent.
      ctx.set_flash("flash.warning.pledge.saved_not_submitted");
      return http::Response::redirect("/pledges/" + std::to_string(p.id));
    }
    ctx.set_flash("pledge_flash.submit");
  } else {
    ctx.set_flash("pledge_flash.saved");
  }
  return http::Response::redirect("/pledges/" + std::to_string(p.id));
}

}  // namespace

Result<http::Response> pledge_new(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  std::int64_t movement_id = 0;
  if (auto id = id_param(q->value("movement")); id) {
    movement_id = *id;
  } else {
    auto m = deps.pledges->default_movement(*ctx.principal, *agency);
    if (!m) return fail(m.error());
    if (!*m) return fail(ErrorKind::not_found, "movement.not_found");
    movement_id = (*m)->id;
  }
  FormState st;
  st.action = "/pledges";
  st.subject = q->value("subject") == "unit" ? "unit" : "person";
  st.unit_id = q->value("unit");
  st.year = year_param(q->value("year"));
  auto form = deps.pledges->form(*ctx.principal, *agency, movement_id, 0);
  if (!form) return fail(form.error());
  if (std::find(form->years.begin(), form->years.end(), st.year) == form->years.end()) {
    st.year = std::clamp(this_year(), form->years.front(), form->years.back());
  }
  return render_form(deps, ctx, *agency, movement_id, st, nullptr, 200);
}

Result<http::Response> pledge_create(const WebDeps& deps, http::Context& ctx) {
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto in = input_from(*f);
  auto p = deps.pledges->create(*ctx.principal, *agency, in);
  if (!p) {
    auto movement = id_param(in.movement_id);
    if (!shows_again(p.error()) || !movement) return fail(p.error());
    FormState st;
    st.action = "/pledges";
    st.subject = in.subject == "unit" ? "unit" : "person";
    st.unit_id = in.unit_id;
    st.year = year_param(in.year);
    st.note = in.note;
    st.targets = in.targets;
    st.titles = in.titles;
    return render_form(deps, ctx, *agency, *movement, st, &p.error(), http::status_for(p.error()));
  }
  return after_save(deps, ctx, *p, *f);
}

Result<http::Response> pledge_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "pledge.not_found");
  auto d = deps.pledges->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  const Pledge& p = d->pledge;
  if (!d->rights.can_edit) {
    return fail(ErrorKind::conflict, p.status == PledgeStatus::approved ? "pledge.approved_locked" : "pledge.not_editable");
  }
  FormState st;
  st.action = "/pledges/" + std::to_string(p.id);
  st.subject = std::string(to_string(p.subject));
  st.unit_id = std::to_string(p.unit_id);
  st.year = p.year;
  st.version = p.version;
  st.note = p.note;
  for (const auto& t : p.targets) st.targets.push_back(typed(t));
  for (auto a : p.titles) st.titles.emplace_back(to_string(a));
  st.subject_name = p.subject == RecordSubject::unit ? p.unit_name : p.person_name;
  return render_form(deps, ctx, p.agency_id, p.movement_id, st, nullptr, 200);
}

Result<http::Response> pledge_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "pledge.not_found");
  const auto& f = ctx.form();
  if (!f) return fail(f.error());
  auto in = input_from(*f);
  auto p = deps.pledges->update(*ctx.principal, *id, std::atoll(f->value("version").c_str()), in);
  if (!p) {
    if (!shows_again(p.error())) return fail(p.error());
    auto d = deps.pledges->get(*ctx.principal, *id);
    if (!d) return fail(d.error());
    FormState st;
    st.action = "/pledges/" + std::to_string(*id);
    st.subject = std::string(to_string(d->pledge.subject));
    st.unit_id = std::to_string(d->pledge.unit_id);
    st.year = d->pledge.year;
    // A stale edit keeps the version it was based on, so saving again is refused again
    // until the page is reloaded; what was typed stays on the form.
    st.version = std::max<std::int64_t>(1, std::atoll(f->value("version").c_str()));
    st.note = in.note;
    st.targets = in.targets;
    st.titles = in.titles;
    st.subject_name = d->pledge.subject == RecordSubject::unit ? d->pledge.unit_name : d->pledge.person_name;
    return render_form(deps, ctx, d->pledge.agency_id, d->pledge.movement_id, st, &p.error(),
                       http::status_for(p.error()));
  }
  return after_save(deps, ctx, *p, *f);
}

}  // namespace thidua::web
