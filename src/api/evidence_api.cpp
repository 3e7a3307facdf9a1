#include "api/evidence_api.hpp"

#include "api/dto/evidence_dto.hpp"
#include "services/evidence_service.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

Result<std::int64_t> evidence_id(const http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(ErrorKind::not_found, "evidence.not_found");
  return id;
}

}  // namespace

Result<http::Response> get_evidence(const ApiDeps& deps, http::Context& ctx) {
  auto id = evidence_id(ctx);
  if (!id) return fail(id.error());
  auto row = deps.evidence->get(*ctx.principal, *id);
  if (!row) return fail(row.error());
  return http::Response::json(json::serialize(dto::to_json(*row)));
}

Result<http::Response> get_evidence_file(const ApiDeps& deps, http::Context& ctx) {
  auto id = evidence_id(ctx);
  if (!id) return fail(id.error());
  auto f = deps.evidence->file(*ctx.principal, *id);
  if (!f) return fail(f.error());
  return http::Response::stored_file(f->path, f->content_type, f->file_name, services::shown_inline(f->content_type));
}

Result<http::Response> get_evidence_thumb(const ApiDeps& deps, http::Context& ctx) {
  auto id = evidence_id(ctx);
  if (!id) return fail(id.error());
  auto f = deps.evidence->thumbnail(*ctx.principal, *id);
  if (!f) return fail(f.error());
  return http::Response::stored_file(f->path, f->content_type, f->file_name, true);
}

}  // namespace thidua::api
