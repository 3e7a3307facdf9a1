// Achievements under /api/v1/achievements (list, queue, record, change, the status cycle,
// evidence files) and progress under /api/v1/progress.

#include "api/achievement_api.hpp"

#include "api/dto/evidence_dto.hpp"
#include "api/dto/org_dto.hpp"
#include "services/achievement_service.hpp"
#include "services/evidence_service.hpp"
#include "services/progress_service.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object achievement_json(const Achievement& a) {
  json::object o = services::achievement_fields(a);
  o["id"] = a.id;
  o["agency_id"] = a.agency_id;
  o["year"] = a.year;
  o["status"] = std::string(to_string(a.status));
  o["last_comment"] = a.last_comment;
  o["submitted_at"] = a.submitted_at;
  o["verified_at"] = a.verified_at;
  o["verified_by"] = a.verified_by_name;
  o["created_by"] = a.created_by_name;
  o["created_at"] = a.created_at;
  o["updated_at"] = a.updated_at;
  o["version"] = a.version;
  o["unit_name"] = a.unit_name;
  o["person_name"] = a.person_name;
  o["commune_name"] = a.commune_name;
  o["initiative_title"] = a.initiative_title;
  o["movement_title"] = a.movement_title;
  o["item_number"] = a.item_number;
  o["item_text"] = a.item_text;
  return o;
}

json::object detail_json(const services::AchievementDetail& d) {
  json::object o = achievement_json(d.achievement);
  json::array events;
  for (const auto& e : d.events) {
    json::object ev{{"event", e.event}, {"comment", e.comment}, {"by", e.actor_name}, {"at", e.at}};
    if (!e.before_json.empty()) {
      boost::system::error_code ec;
      auto before = json::parse(e.before_json, ec);
      ev["before"] = ec ? json::value(e.before_json) : before;
    }
    events.push_back(std::move(ev));
  }
  json::array files;
  for (const auto& e : d.evidence) files.push_back(dto::to_json(e));
  o["events"] = std::move(events);
  o["evidence"] = std::move(files);
  o["can_edit"] = d.can_edit;
  o["can_submit"] = d.can_submit;
  o["can_withdraw"] = d.can_withdraw;
  o["can_verify"] = d.can_verify;
  return o;
}

/// The body's fields as the service takes them: numbers may come as JSON integers or text.
services::AchievementInput input_from(const json::object& b) {
  services::AchievementInput in;
  in.movement_id = dto::id_text_field(b, "movement_id");
  in.item_id = dto::id_text_field(b, "item_id");
  in.subject = dto::has_field(b, "subject") ? dto::text_field(b, "subject") : "unit";
  in.unit_id = dto::id_text_field(b, "unit_id");
  in.person_id = dto::id_text_field(b, "person_id");
  in.kind = dto::text_field(b, "kind");
  in.occurred_on = dto::text_field(b, "occurred_on");
  in.title = dto::text_field(b, "title");
  in.description = dto::text_field(b, "description");
  in.place = dto::text_field(b, "place");
  in.commune_id = dto::id_text_field(b, "commune_id");
  in.audience = dto::text_field(b, "audience");
  in.sessions = dto::id_text_field(b, "sessions");
  in.participants = dto::id_text_field(b, "participants");
  in.cash_vnd = dto::id_text_field(b, "cash_vnd");
  in.goods_vnd = dto::id_text_field(b, "goods_vnd");
  in.goods_note = dto::text_field(b, "goods_note");
  in.workdays = dto::id_text_field(b, "workdays");
  in.land_m2 = dto::id_text_field(b, "land_m2");
  in.donor_kind = dto::text_field(b, "donor_kind");
  in.donor_name = dto::text_field(b, "donor_name");
  in.donor_scope = dto::text_field(b, "donor_scope");
  in.model_kind = dto::text_field(b, "model_kind");
  in.model_name = dto::text_field(b, "model_name");
  in.initiative_id = dto::id_text_field(b, "initiative_id");
  return in;
}

Result<services::AchievementFilter> filter_from(http::Context& ctx) {
  services::AchievementFilter f;
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  f.agency_id = *agency;
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  f.scope = q->value("scope");
  for (auto [name, target] : {std::pair<const char*, std::optional<std::int64_t>*>{"movement", &f.movement_id},
                              {"unit", &f.unit_id},
                              {"person", &f.person_id},
                              {"item", &f.item_id},
                              {"commune", &f.commune_id}}) {
    auto v = query_int(ctx, name);
    if (!v) return fail(v.error());
    *target = *v;
  }
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  if (*year) f.year = static_cast<int>(**year);
  f.kind = q->value("kind");
  f.status = q->value("status");
  auto page = query_int(ctx, "page");
  if (!page) return fail(page.error());
  f.page = static_cast<int>(page->value_or(1));
  auto size = query_int(ctx, "page_size");
  if (!size) return fail(size.error());
  f.page_size = static_cast<int>(size->value_or(50));
  return f;
}

http::Response list_response(const services::AchievementList& l) {
  json::array items;
  for (const auto& a : l.items) {
    json::object o = achievement_json(a);
    auto it = l.evidence_counts.find(a.id);
    o["evidence_count"] = it == l.evidence_counts.end() ? 0 : it->second;
    items.push_back(std::move(o));
  }
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)},
                                                            {"total", l.total},
                                                            {"page", l.page},
                                                            {"page_size", l.page_size},
                                                            {"scope", l.scope}}));
}

/// The record `id` of the path and the body with its version.
struct Change {
  std::int64_t id = 0;
  json::object body;
  std::int64_t version = 0;
};
Result<Change> change_request(http::Context& ctx) {
  Change c;
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  c.id = *id;
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  c.body = std::move(*body);
  c.version = *version;
  return c;
}

template <class Run>
Result<http::Response> status_change(const ApiDeps& deps, http::Context& ctx, Run&& run) {
  auto c = change_request(ctx);
  if (!c) return fail(c.error());
  auto a = run(c->id, c->version, dto::text_field(c->body, "comment"));
  if (!a) return fail(a.error());
  auto d = deps.achievements->get(*ctx.principal, c->id);
  if (!d) return fail(d.error());
  return http::Response::json(json::serialize(detail_json(*d)));
}

services::ProgressQuery progress_query(http::Context& ctx, Error& e) {
  services::ProgressQuery q;
  auto m = query_int(ctx, "movement");
  if (!m) e = m.error();
  else q.movement_id = *m;
  auto y = query_int(ctx, "year");
  if (!y) e = y.error();
  else q.year = static_cast<int>(y->value_or(0));
  return q;
}

json::array lines_json(const std::vector<services::ProgressLine>& lines) {
  json::array out;
  for (const auto& l : lines) {
    json::object o{{"item_id", l.item_id},
                   {"item_number", l.item_number},
                   {"measure", std::string(to_string(l.measure))},
                   {"target", l.target ? json::value(*l.target) : json::value(nullptr)},
                   {"achieved", l.achieved},
                   {"percent", l.percent() < 0 ? json::value(nullptr) : json::value(l.percent())}};
    o["commune_id"] = l.commune_id ? json::value(*l.commune_id) : json::value(nullptr);
    out.push_back(std::move(o));
  }
  return out;
}

json::object progress_json(const services::Progress& p) {
  return {{"subject", std::string(to_string(p.subject))},
          {"id", p.subject_id},
          {"name", p.name},
          {"movement_id", p.movement.id},
          {"year", p.year},
          {"pledge_id", p.pledge_id ? json::value(*p.pledge_id) : json::value(nullptr)},
          {"pledge_status", p.pledge_status.empty() ? json::value(nullptr) : json::value(p.pledge_status)},
          {"records", p.records},
          {"targets", p.targets},
          {"targets_met", p.targets_met},
          {"lines", lines_json(p.lines)}};
}

}  // namespace

Result<http::Response> list_achievements(const ApiDeps& deps, http::Context& ctx) {
  auto f = filter_from(ctx);
  if (!f) return fail(f.error());
  auto l = deps.achievements->list(*ctx.principal, *f);
  if (!l) return fail(l.error());
  return list_response(*l);
}

Result<http::Response> achievement_queue(const ApiDeps& deps, http::Context& ctx) {
  auto f = filter_from(ctx);
  if (!f) return fail(f.error());
  auto l = deps.achievements->queue(*ctx.principal, *f);
  if (!l) return fail(l.error());
  return list_response(*l);
}

Result<http::Response> create_achievement(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto a = deps.achievements->create(*ctx.principal, *agency, input_from(*body), dto::bool_field(*body, "submit"));
  if (!a) return fail(a.error());
  auto r = http::Response::json(json::serialize(achievement_json(*a)), 201);
  r.header("Location", "/api/v1/achievements/" + std::to_string(a->id));
  return r;
}

Result<http::Response> get_achievement(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto d = deps.achievements->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  return http::Response::json(json::serialize(detail_json(*d)));
}

Result<http::Response> update_achievement(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_request(ctx);
  if (!c) return fail(c.error());
  auto a = deps.achievements->update(*ctx.principal, c->id, c->version, input_from(c->body));
  if (!a) return fail(a.error());
  return http::Response::json(json::serialize(achievement_json(*a)));
}

Result<http::Response> submit_achievement(const ApiDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, [&](std::int64_t id, std::int64_t v, const std::string&) {
    return deps.achievements->submit(*ctx.principal, id, v);
  });
}

Result<http::Response> verify_achievement(const ApiDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, [&](std::int64_t id, std::int64_t v, const std::string& comment) {
    return deps.achievements->verify(*ctx.principal, id, v, comment);
  });
}

Result<http::Response> return_achievement(const ApiDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, [&](std::int64_t id, std::int64_t v, const std::string& comment) {
    return deps.achievements->send_back(*ctx.principal, id, v, comment);
  });
}

Result<http::Response> withdraw_achievement(const ApiDeps& deps, http::Context& ctx) {
  return status_change(deps, ctx, [&](std::int64_t id, std::int64_t v, const std::string& comment) {
    return deps.achievements->withdraw(*ctx.principal, id, v, comment);
  });
}

Result<http::Response> verify_achievements(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  std::vector<services::VersionedId> ids;
  if (auto it = body->find("items"); it != body->end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      if (!v.is_object()) return fail(invalid_field("items", "validation.invalid"));
      auto id = dto::int_field(v.as_object(), "id");
      auto version = dto::int_field(v.as_object(), "version");
      if (!id || !version) return fail(invalid_field("items", "validation.invalid"));
      ids.push_back({*id, *version});
    }
  } else {
    return fail(invalid_field("items", "validation.required"));
  }
  auto n = deps.achievements->verify_many(*ctx.principal, *agency, ids);
  if (!n) return fail(n.error());
  return http::Response::json(json::serialize(json::object{{"verified", *n}}));
}

Result<http::Response> add_achievement_evidence(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  // The record first: another agency's id is "not found" whatever the body is.
  if (auto d = deps.achievements->get(*ctx.principal, *id); !d) return fail(d.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto files = dto::evidence_uploads(*up);
  auto rows = deps.achievements->add_evidence(*ctx.principal, *id, files);
  if (!rows) return fail(rows.error());
  json::array out;
  for (const auto& e : *rows) out.push_back(dto::to_json(e));
  return http::Response::json(json::serialize(json::object{{"evidence", std::move(out)}}), 201);
}

Result<http::Response> withdraw_achievement_evidence(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto ev = id_param(ctx, "evidence");
  if (!ev) return fail(ev.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto row = deps.achievements->withdraw_evidence(*ctx.principal, *id, *ev, dto::text_field(*body, "reason"));
  if (!row) return fail(row.error());
  return http::Response::json(json::serialize(dto::to_json(*row)));
}

Result<http::Response> progress_overview(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  Error e;
  auto q = progress_query(ctx, e);
  if (!e.code.empty()) return fail(e);
  auto o = deps.progress->overview(*ctx.principal, *agency, q);
  if (!o) return fail(o.error());
  json::array units;
  for (const auto& u : o->units) {
    units.push_back(json::object{{"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"pledge_status", u.pledge_status.empty() ? json::value(nullptr) : json::value(u.pledge_status)},
                                 {"records", u.records},
                                 {"targets", u.targets},
                                 {"targets_met", u.targets_met},
                                 {"average_percent", u.average_percent < 0 ? json::value(nullptr) : json::value(u.average_percent)},
                                 {"lines", lines_json(u.lines)}});
  }
  return http::Response::json(json::serialize(
      json::object{{"movement_id", o->movement.id}, {"year", o->year}, {"units", std::move(units)}}));
}

Result<http::Response> progress_unit(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  Error e;
  auto q = progress_query(ctx, e);
  if (!e.code.empty()) return fail(e);
  auto p = deps.progress->unit(*ctx.principal, *id, q);
  if (!p) return fail(p.error());
  return http::Response::json(json::serialize(progress_json(*p)));
}

Result<http::Response> progress_person(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  Error e;
  auto q = progress_query(ctx, e);
  if (!e.code.empty()) return fail(e);
  auto p = deps.progress->person(*ctx.principal, *id, q);
  if (!p) return fail(p.error());
  return http::Response::json(json::serialize(progress_json(*p)));
}

}  // namespace thidua::api
