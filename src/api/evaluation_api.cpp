// The yearly evaluation under /api/v1 (see evaluation_api.hpp). A template goes out with its
// evaluation (id, status, version: what close and reopen need); a sheet with its entries,
// current points, total, band and history.

#include "api/evaluation_api.hpp"

#include "api/dto/evaluation_dto.hpp"
#include "api/dto/org_dto.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

Result<http::Response> template_json(const ApiDeps& deps, http::Context& ctx, std::int64_t id, unsigned status = 200) {
  auto t = deps.evaluations->get_template(*ctx.principal, id);
  if (!t) return fail(t.error());
  auto e = deps.evaluations->template_evaluation(*ctx.principal, id);
  if (!e) return fail(e.error());
  json::object o = dto::to_json(*t);
  o["evaluation"] = dto::to_json(*e);
  auto r = http::Response::json(json::serialize(o), status);
  if (status == 201) r.header("Location", "/api/v1/evaluation-templates/" + std::to_string(id));
  return r;
}

http::Response sheet_json(const services::SheetView& v) { return http::Response::json(json::serialize(dto::to_json(v))); }

http::Response evaluation_json(const storage::EvaluationRow& e) {
  return http::Response::json(json::serialize(dto::to_json(e)));
}

}  // namespace

Result<http::Response> create_evaluation_template(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto t = deps.evaluations->create_template(*ctx.principal, *agency, dto::template_input_from_json(*body));
  if (!t) return fail(t.error());
  return template_json(deps, ctx, t->id, 201);
}

Result<http::Response> get_evaluation_template(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  return template_json(deps, ctx, *id);
}

Result<http::Response> apply_evaluation_template(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto made = deps.evaluations->apply_template(*ctx.principal, *id);
  if (!made) return fail(made.error());
  return http::Response::json(json::serialize(json::object{{"template_id", *id}, {"sheets_created", *made}}));
}

Result<http::Response> get_evaluation_ranking(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto unit = query_int(ctx, "unit");
  if (!unit) return fail(unit.error());
  auto r = deps.evaluations->ranking(*ctx.principal, *id, *unit);
  if (!r) return fail(r.error());
  return http::Response::json(json::serialize(dto::to_json(*r)));
}

Result<http::Response> get_score_sheet(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto v = deps.evaluations->sheet(*ctx.principal, *id);
  if (!v) return fail(v.error());
  return sheet_json(*v);
}

namespace {

/// A sheet's action over the API: the sheet's id from the path, the body's version, then `act`
/// (given the id, the version and the body); the sheet as it now stands, or the refusal.
template <class Act>
Result<http::Response> sheet_action(http::Context& ctx, Act&& act) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto v = act(*id, *version, *body);
  if (!v) return fail(v.error());
  return sheet_json(*v);
}

}  // namespace

Result<http::Response> self_assess_score_sheet(const ApiDeps& deps, http::Context& ctx) {
  return sheet_action(ctx, [&](std::int64_t id, std::int64_t version, const json::object& body) {
    return deps.evaluations->self_assess(*ctx.principal, id, version, dto::entries_from_json(body));
  });
}

Result<http::Response> submit_score_sheet(const ApiDeps& deps, http::Context& ctx) {
  return sheet_action(ctx, [&](std::int64_t id, std::int64_t version, const json::object&) {
    return deps.evaluations->submit(*ctx.principal, id, version);
  });
}

Result<http::Response> review_score_sheet(const ApiDeps& deps, http::Context& ctx) {
  return sheet_action(ctx, [&](std::int64_t id, std::int64_t version, const json::object& body) {
    return deps.evaluations->review(*ctx.principal, id, version, dto::entries_from_json(body));
  });
}

Result<http::Response> close_evaluation(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto e = deps.evaluations->close(*ctx.principal, *id, *version, dto::text_field(*body, "reason"));
  if (!e) return fail(e.error());
  return evaluation_json(*e);
}

Result<http::Response> reopen_evaluation(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  auto e = deps.evaluations->reopen(*ctx.principal, *id, *version, dto::text_field(*body, "reason"));
  if (!e) return fail(e.error());
  return evaluation_json(*e);
}

}  // namespace thidua::api
