#pragma once
/// Statistical forms and province totals under /api/v1 (issue 7, part h7sf).

#include "api/handlers.hpp"

namespace thidua::api {

/// GET /api/v1/statistics/{form}?year=&agency=: a form of Circular 02/2023/TT-BNV as JSON.
Result<http::Response> get_statistics_form(const ApiDeps& deps, http::Context& ctx);
/// GET /api/v1/province/totals?year=: totals across the agencies under the caller's authority.
Result<http::Response> get_province_totals(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
