#pragma once
/// Evidence files under /api/v1/evidence: one row, its file and its thumbnail, for API clients
/// (token or session) allowed to read the record the file supports. Attaching and withdrawing
/// belong to the record's own routes (e.g. /api/v1/achievements/{id}/evidence). The wire form
/// of a row is dto::to_json (api/dto/evidence_dto.hpp).

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> get_evidence(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_evidence_file(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_evidence_thumb(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
