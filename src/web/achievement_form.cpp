// The record form: new and edit, its fields changing with the kind (a POST to /achievements/form
// shows the form again for another kind, keeping what was typed; htmx swaps it in place), and
// a refused form shown again as typed with each message under its field.

#include <map>

#include "services/achievement_service.hpp"
#include "services/evidence_service.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"
#include "web/achievement_pages.hpp"
#include "web/evidence_view.hpp"

namespace thidua::web {

namespace {

using Values = std::map<std::string, std::string>;

std::string number_text(const std::optional<long long>& v) { return v ? text::format_number(*v) : std::string(); }

/// The form's values for an existing record.
Values values_of(const Achievement& a) {
  Values v;
  v["movement_id"] = std::to_string(a.movement_id);
  v["item_id"] = std::to_string(a.item_id);
  v["subject"] = std::string(to_string(a.subject));
  v["unit_id"] = std::to_string(a.unit_id);
  v["person_id"] = a.person_id ? std::to_string(*a.person_id) : "";
  v["kind"] = std::string(to_string(a.kind));
  v["occurred_on"] = display_date(a.occurred_on);
  v["title"] = a.title;
  v["description"] = a.description;
  v["place"] = a.place;
  v["commune_id"] = a.commune_id ? std::to_string(*a.commune_id) : "";
  v["audience"] = a.audience;
  v["sessions"] = number_text(a.sessions);
  v["participants"] = number_text(a.participants);
  v["cash_vnd"] = number_text(a.cash_vnd);
  v["goods_vnd"] = number_text(a.goods_vnd);
  v["goods_note"] = a.goods_note;
  v["workdays"] = number_text(a.workdays);
  v["land_m2"] = number_text(a.land_m2);
  v["donor_kind"] = a.donor_kind ? std::string(to_string(*a.donor_kind)) : "";
  v["donor_name"] = a.donor_name;
  v["donor_scope"] = a.donor_scope ? std::string(to_string(*a.donor_scope)) : "";
  v["model_kind"] = a.model_kind ? std::string(to_string(*a.model_kind)) : "";
  v["model_name"] = a.model_name;
  v["initiative_id"] = a.initiative_id ? std::to_string(*a.initiative_id) : "";
  return v;
}

/// What was typed (NFC; broken UTF-8 dropped, the service names the field).
Values values_typed(const http::FormData& f) {
  Values v;
  for (const char* name : services::kAchievementFields) {
    std::string typed = f.value(name);
    v[name] = text::is_valid_utf8(typed) ? text::to_nfc(typed) : std::string();
  }
  return v;
}

services::AchievementInput input_of(const Values& v) {
  auto at = [&](const char* k) {
    auto it = v.find(k);
    return it == v.end() ? std::string() : it->second;
  };
  services::AchievementInput in;
  in.movement_id = at("movement_id");
  in.item_id = at("item_id");
  in.subject = at("subject");
  in.unit_id = at("unit_id");
  in.person_id = at("person_id");
  in.kind = at("kind");
  in.occurred_on = at("occurred_on");
  in.title = at("title");
  in.description = at("description");
  in.place = at("place");
  in.commune_id = at("commune_id");
  in.audience = at("audience");
  in.sessions = at("sessions");
  in.participants = at("participants");
  in.cash_vnd = at("cash_vnd");
  in.goods_vnd = at("goods_vnd");
  in.goods_note = at("goods_note");
  in.workdays = at("workdays");
  in.land_m2 = at("land_m2");
  in.donor_kind = at("donor_kind");
  in.donor_name = at("donor_name");
  in.donor_scope = at("donor_scope");
  in.model_kind = at("model_kind");
  in.model_name = at("model_name");
  in.initiative_id = at("initiative_id");
  return in;
}

/// The form's fields from a urlencoded or a multipart body (the create form carries files).
Result<http::FormData> typed_form(http::Context& ctx) {
  auto type = ctx.req.header("content-type");
  if (type && type->substr(0, 10) == "multipart/") {
    const auto& up = ctx.upload_form();
    if (!up) return fail(up.error());
    http::FormData f;
    for (const auto& [k, v] : up->fields) f.add(k, v);
    return f;
  }
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  return *form;
}

/// The form names a content item; its movement follows from it. A subject the actor has but
/// one of (their own record) is filled in.
void complete(Values& v, const services::AchievementChoices& c) {
  for (const auto& m : c.movements) {
    for (const auto& item : m.contents) {
      if (std::to_string(item.id) == v["item_id"]) v["movement_id"] = std::to_string(m.movement.id);
    }
  }
  if (c.units.empty() && c.people.size() == 1) {
    v["subject"] = "person";
    v["person_id"] = std::to_string(c.people.front().id);
  }
  if (v["subject"].empty()) v["subject"] = c.units.empty() ? "person" : "unit";
}

/// A text cut to `n` characters (whole UTF-8 sequences), with "…" when cut.
std::string cut(const std::string& s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i) + "…";
  }
  return s;
}

template <class Names>
mustache::data options(http::Context& ctx, const char* table, const Names& names, const std::string& current) {
  mustache::list out;
  for (auto n : names) {
    std::string key(to_string(n));
    out.push_back(achievement_option(key, ctx.t(std::string(table) + "." + key), current));
  }
  return list_data(std::move(out));
}

/// The form page: `editing` the record being changed (null for a new one).
Result<http::Response> render_achievement_form(const WebDeps& deps, http::Context& ctx,
                                               const services::AchievementChoices& c, Values v, const Error* error,
                                               const Achievement* editing, unsigned status) {
  complete(v, c);
  if (v["kind"].empty()) v["kind"] = "propaganda";
  mustache::data d;
  d.set("heading", ctx.t(editing ? "achievement.edit_title" : "achievement.new_title"));
  if (editing) {
    d.set("editing", true);
    d.set("id", std::to_string(editing->id));
    d.set("version", std::to_string(editing->version));
    d.set("action", "/achievements/" + std::to_string(editing->id));
  } else {
    d.set("action", "/achievements");
  }
  if (c.movements.empty()) d.set("no_movements", true);

  mustache::data values;
  for (const auto& [k, val] : v) values.set(k, val);
  put(d, "v", std::move(values));
  // Each message under its field; a movement refused is shown at the content item it came from.
  mustache::data errors;
  std::string file_error;
  if (error) {
    d.set("error", error->fields.empty() ? ctx.message(*error) : ctx.t("achievement.refused"));
    for (const auto& f : error->fields) {
      std::string field = f.field == "movement_id" ? "item_id" : f.field;
      if (field == "file") file_error = ctx.field_message(*error, f);
      else errors.set(field, ctx.field_message(*error, f));
    }
  }
  put(d, "e", std::move(errors));

  mustache::list kinds;
  for (auto k : all_achievement_kinds()) {
    std::string key(to_string(k));
    kinds.push_back(achievement_option(key, ctx.t("achievement_kind." + key), v["kind"]));
  }
  put(d, "kinds", list_data(std::move(kinds)));
  auto kind = parse_achievement_kind(v["kind"]).value_or(AchievementKind::propaganda);
  d.set("is_" + std::string(to_string(kind)), true);
  d.set("kind_label", ctx.t("achievement_kind." + std::string(to_string(kind))));

  mustache::list movements;
  for (const auto& m : c.movements) {
    mustache::data g;
    g.set("title", cut(m.movement.title, 60) + " (" + m.movement.period_from.substr(0, 4) + "–" +
                       m.movement.period_to.substr(0, 4) + ")");
    mustache::list items;
    for (const auto& item : m.contents) {
      std::string label = ctx.catalogue().format(ctx.lang, "achievement.item_number", {{"n", std::to_string(item.number)}});
      items.push_back(achievement_option(std::to_string(item.id), label + ": " + cut(item.text, 90), v["item_id"]));
    }
    put(g, "items", list_data(std::move(items)));
    movements.push_back(std::move(g));
  }
  put(d, "movements", list_data(std::move(movements)));

  bool self_only = c.units.empty() && c.people.size() == 1;
  if (self_only) {
    d.set("self_only", true);
    d.set("self_name", c.people.front().name);
    d.set("self_id", std::to_string(c.people.front().id));
  } else {
    if (!c.units.empty()) d.set("can_unit", true);
    if (!c.people.empty()) d.set("can_person", true);
    d.set(v["subject"] == "person" ? "subject_person" : "subject_unit", true);
  }
  mustache::list units;
  for (const auto& [id, name] : c.units) units.push_back(achievement_option(std::to_string(id), name, v["unit_id"]));
  put(d, "units", list_data(std::move(units)));
  mustache::list people;
  for (const auto& p : c.people) {
    people.push_back(achievement_option(std::to_string(p.id), p.name + (p.unit_name.empty() ? "" : " — " + p.unit_name), v["person_id"]));
  }
  put(d, "people", list_data(std::move(people)));

  mustache::list communes;
  std::map<std::int64_t, bool> seen;
  for (const auto& cm : c.communes) {
    if (seen[cm.commune_id]) continue;
    seen[cm.commune_id] = true;
    std::string label = cm.name + (cm.district.empty() ? "" : " (" + cm.district + ")");
    communes.push_back(achievement_option(std::to_string(cm.commune_id), label, v["commune_id"]));
  }
  if (!communes.empty()) d.set("has_communes", true);
  put(d, "communes", list_data(std::move(communes)));
  mustache::list initiatives;
  for (const auto& [id, title] : c.initiatives) initiatives.push_back(achievement_option(std::to_string(id), title, v["initiative_id"]));
  if (!initiatives.empty()) d.set("has_initiatives", true);
  put(d, "initiatives", list_data(std::move(initiatives)));
  d.set("donor_kinds", options(ctx, "donor_kind", kDonorKinds, v["donor_kind"]));
  const DonorScope scopes[] = {DonorScope::inside, DonorScope::outside};
  d.set("donor_scopes", options(ctx, "donor_scope", scopes, v["donor_scope"]));
  const ModelKind models[] = {ModelKind::person, ModelKind::collective};
  d.set("model_kinds", options(ctx, "model_kind", models, v["model_kind"]));
  d.set("today", display_date(c.today));

  if (!editing && deps.evidence) {
    if (error) d.set("reselect", true);
    EvidenceInputOptions eo;
    eo.error = file_error;
    d.set("evidence_input", render_evidence_input(*deps.views, ctx, *deps.evidence, eo));
  } else if (!file_error.empty()) {
    d.set("error", file_error);
  }
  return deps.views->page(ctx, "pages/achievement_form", ctx.t(editing ? "achievement.edit_title" : "achievement.new_title"),
                          std::move(d), status);
}

}  // namespace

Result<http::Response> achievement_new(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto c = deps.achievements->choices(*ctx.principal, *agency);
  if (!c) return fail(c.error());
  Values v;
  // A link from elsewhere may preset the kind, the content item, the commune.
  if (const auto& q = ctx.query(); q) {
    for (const char* k : {"kind", "item_id", "commune_id", "unit_id", "person_id", "subject"}) v[k] = q->value(k);
  }
  return render_achievement_form(deps, ctx, *c, std::move(v), nullptr, nullptr, 200);
}

Result<http::Response> achievement_form_switch(const WebDeps& deps, http::Context& ctx) {
  auto form = typed_form(ctx);
  if (!form) return fail(form.error());
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto c = deps.achievements->choices(*ctx.principal, *agency);
  if (!c) return fail(c.error());
  std::optional<Achievement> editing;
  if (auto id = form->value("id"); !id.empty()) {
    auto rid = id_param(id);
    if (!rid) return fail(rid.error());
    auto d = deps.achievements->get(*ctx.principal, *rid);
    if (!d) return fail(d.error());
    editing = d->achievement;
    editing->version = std::atoll(form->value("version").c_str());
  }
  return render_achievement_form(deps, ctx, *c, values_typed(*form), nullptr, editing ? &*editing : nullptr, 200);
}

Result<http::Response> achievement_create(const WebDeps& deps, http::Context& ctx) {
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  http::FormData form;
  for (const auto& [k, v] : up->fields) form.add(k, v);
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto c = deps.achievements->choices(*ctx.principal, *agency);
  if (!c) return fail(c.error());
  Values v = values_typed(form);
  complete(v, *c);
  bool submit = form.value("action") == "submit";
  std::vector<services::EvidenceUpload> files;
  if (deps.evidence) files = evidence_uploads(*up);
  auto a = deps.achievements->create(*ctx.principal, *agency, input_of(v), submit, files);
  if (!a) {
    if (!shows_again(a.error())) return fail(a.error());
    return render_achievement_form(deps, ctx, *c, std::move(v), &a.error(), nullptr, http::status_for(a.error()));
  }
  ctx.set_flash(submit ? "achievement_flash.submitted" : "achievement_flash.created");
  return http::Response::redirect("/achievements/" + std::to_string(a->id));
}

Result<http::Response> achievement_edit(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto d = deps.achievements->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  if (!d->can_edit) {
    if (d->achievement.status == AchievementStatus::withdrawn) return fail(ErrorKind::conflict, "achievement.withdrawn");
    return fail(ErrorKind::forbidden, d->achievement.status == AchievementStatus::verified
                                          ? "achievement.verified_office_only"
                                          : "achievement.not_yours");
  }
  auto c = deps.achievements->choices(*ctx.principal, d->achievement.agency_id);
  if (!c) return fail(c.error());
  return render_achievement_form(deps, ctx, *c, values_of(d->achievement), nullptr, &d->achievement, 200);
}

Result<http::Response> achievement_update(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto form = typed_form(ctx);
  if (!form) return fail(form.error());
  auto d = deps.achievements->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  auto c = deps.achievements->choices(*ctx.principal, d->achievement.agency_id);
  if (!c) return fail(c.error());
  Values v = values_typed(*form);
  complete(v, *c);
  std::int64_t version = std::atoll(form->value("version").c_str());
  auto a = deps.achievements->update(*ctx.principal, *id, version, input_of(v));
  if (!a) {
    if (!shows_again(a.error())) return fail(a.error());
    Achievement shown = d->achievement;
    shown.version = version;  // the form keeps the version it was based on: a stale one stays stale
    return render_achievement_form(deps, ctx, *c, std::move(v), &a.error(), &shown, http::status_for(a.error()));
  }
  ctx.set_flash("achievement_flash.saved");
  return http::Response::redirect("/achievements/" + std::to_string(*id));
}

}  // namespace thidua::web
