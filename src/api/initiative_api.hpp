#pragma once
/// The register of initiatives under /api/v1/initiatives: list, register, edit, withdraw, and
/// uses as a basis recorded and released by hand.

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_initiatives(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_initiative(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_initiative(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> update_initiative(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> withdraw_initiative(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_initiative_use(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> release_initiative_use(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
