#pragma once
/// Achievements under /api/v1/achievements and progress under /api/v1/progress.

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_achievements(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> achievement_queue(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> verify_achievements(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> submit_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> verify_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> return_achievement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_achievement(const ApiDeps& deps, http::Context& ctx);
/// multipart/form-data with one or more `file` parts (caption in `caption`).
Result<http::Response> add_achievement_evidence(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_achievement_evidence(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> progress_overview(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> progress_unit(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> progress_person(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
