#pragma once
/// Movements and their plans under /api/v1/movements.

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_movements(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_movement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_movement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_movement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_plan_item(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_plan_item(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> move_plan_item(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> delete_plan_item(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> launch_movement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> copy_movement(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_task(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
