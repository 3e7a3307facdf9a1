// People under /api/v1/people, and the request parsing the registry handlers share.

#include <algorithm>

#include "api/dto/org_dto.hpp"
#include "api/dto/user_dto.hpp"
#include "api/handlers.hpp"

namespace thidua::api {

namespace json = boost::json;

// ---- Request parsing shared by the registry handlers ----------------------------------------

Error invalid_field(std::string field, std::string key) {
  return Error{ErrorKind::validation, "validation.invalid", {}, {{std::move(field), std::move(key)}}, ""};
}

Result<std::int64_t> id_param(const http::Context& ctx, const char* name) {
  auto it = ctx.params.find(std::string_view(name));
  auto id = it == ctx.params.end() ? std::nullopt : dto::parse_int(it->second);
  if (!id || *id <= 0) return fail(ErrorKind::not_found, "http.not_found");
  return *id;
}

Result<std::optional<std::int64_t>> query_int(http::Context& ctx, const char* name) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto text = q->value(name);
  if (text.empty()) return std::optional<std::int64_t>();
  auto v = dto::parse_int(text);
  if (!v) return fail(invalid_field(name, "validation.invalid"));
  return v;
}

Result<std::optional<std::int64_t>> body_int(const json::object& body, const char* name) {
  if (!dto::has_field(body, name)) return std::optional<std::int64_t>();
  auto v = dto::int_field(body, name);
  if (!v) return fail(invalid_field(name, "validation.invalid"));
  return v;
}

Result<std::int64_t> body_version(const json::object& body) {
  if (!dto::has_field(body, "version")) return fail(invalid_field("version", "validation.required"));
  auto v = dto::int_field(body, "version");
  if (!v) return fail(invalid_field("version", "validation.invalid"));
  return *v;
}

Result<std::int64_t> agency_for(const http::Context& ctx, std::optional<std::int64_t> requested) {
  if (requested) return *requested;
  if (ctx.principal && ctx.principal->agency_id) return *ctx.principal->agency_id;
  return fail(invalid_field("agency", "validation.required"));
}

// ---- People ---------------------------------------------------------------------------------

Result<http::Response> list_people(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  services::PeopleFilter f;
  auto agency = query_int(ctx, "agency");
  if (!agency) return fail(agency.error());
  f.agency_id = *agency;  // none: every agency the caller may read
  auto unit = query_int(ctx, "unit");
  if (!unit) return fail(unit.error());
  f.unit_id = *unit;
  f.text = q->value("q");
  f.status = q->value("status");
  if (!f.status.empty() && !parse_person_status(f.status)) {
    return fail(invalid_field("status", "person.status_invalid"));
  }
  f.role = q->value("role");
  if (!f.role.empty() && !parse_role(f.role)) return fail(invalid_field("role", "user.role_invalid"));
  auto page = query_int(ctx, "page");
  if (!page) return fail(page.error());
  auto per_page = query_int(ctx, "per_page");
  if (!per_page) return fail(per_page.error());
  // The service clamps both; clamping here first keeps huge numbers from overflowing an int.
  if (*page) f.page = static_cast<int>(std::clamp<std::int64_t>(**page, 1, 1'000'000));
  if (*per_page) f.per_page = static_cast<int>(std::clamp<std::int64_t>(**per_page, 1, 1000));

  auto result = deps.people->search(*ctx.principal, f);
  if (!result) return fail(result.error());
  json::array items;
  for (const auto& p : result->items) items.push_back(dto::to_json(p));
  return http::Response::json(json::serialize(json::object{
      {"items", std::move(items)}, {"total", result->total}, {"page", result->page}, {"per_page", result->per_page}}));
}

Result<http::Response> get_person(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto detail = deps.people->get(*ctx.principal, *id);
  if (!detail) return fail(detail.error());
  return http::Response::json(json::serialize(dto::to_json(*detail)));
}

Result<http::Response> create_person(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto created = deps.people->create(*ctx.principal, *agency, dto::person_input_from_json(*body));
  if (!created) return fail(created.error());
  auto r = http::Response::json(json::serialize(dto::to_json(*created)), 201);
  r.header("Location", "/api/v1/people/" + std::to_string(created->id));
  return r;
}

Result<http::Response> update_person(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto updated = deps.people->update(*ctx.principal, *id, *version, dto::person_input_from_json(*body));
  if (!updated) return fail(updated.error());
  return http::Response::json(json::serialize(dto::to_json(*updated)));
}

Result<http::Response> move_person(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  // A missing or malformed unit is "no such unit": the service names the field.
  auto unit = dto::int_field(*body, "unit_id").value_or(0);
  auto moved = deps.people->move(*ctx.principal, *id, unit, dto::text_field(*body, "position"),
                                 dto::text_field(*body, "date"));
  if (!moved) return fail(moved.error());
  return http::Response::json(json::serialize(dto::to_json(*moved)));
}

// ---- A person's account ------------------------------------------------------------------------

namespace {

/// The person's linked account as the caller sees it.
Result<http::Response> person_account_answer(const ApiDeps& deps, http::Context& ctx, std::int64_t person_id) {
  auto view = deps.users->person_account(*ctx.principal, person_id);
  if (!view) return fail(view.error());
  if (!view->account) return fail(ErrorKind::not_found, "user.not_found");
  return http::Response::json(json::serialize(dto::to_json(*view->account)));
}

}  // namespace


Result<http::Response> link_person_account(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  if (dto::bool_field(*body, "create")) {
    auto created = deps.users->create_person_account(*ctx.principal, *id, dto::person_account_from_json(*body));
    if (!created) return fail(created.error());
    return http::Response::json(json::serialize(dto::to_json(*created)), 201);
  }
  auto linked = deps.people->link_account(*ctx.principal, *id, dto::text_field(*body, "login"));
  if (!linked) return fail(linked.error());
  return person_account_answer(deps, ctx, *id);
}

Result<http::Response> set_person_account_roles(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto saved = deps.users->set_person_roles(*ctx.principal, *id, dto::role_names(*body));
  if (!saved) return fail(saved.error());
  return http::Response::json(json::serialize(dto::to_json(*saved)));
}

}  // namespace thidua::api
