#pragma once
/// The follow-up figures under /api/v1 (issue 7): GET /api/v1/dashboard?agency=&movement=
/// &from=&to=&unit=&person= — the same figures the dashboard draws, for the scope the caller's
/// rights give (the agency, a unit, or the caller's own records).

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> get_dashboard(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
