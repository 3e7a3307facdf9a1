#pragma once
/// The yearly evaluation under /api/v1: scoring templates (create, read, apply to every unit or
/// person, the ranked list), score sheets (read, self-assessment, submit, review) and the
/// evaluation's close and reopen. The service checks every right; another agency's ids are
/// "not found".

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> create_evaluation_template(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_evaluation_template(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> apply_evaluation_template(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_evaluation_ranking(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_score_sheet(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> self_assess_score_sheet(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> submit_score_sheet(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> review_score_sheet(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> close_evaluation(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> reopen_evaluation(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
