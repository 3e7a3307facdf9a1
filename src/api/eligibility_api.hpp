#pragma once
/// Eligibility under /api/v1 (issue 6, part 1): GET /api/v1/eligibility?agency=&year=[&unit=]
/// [&movement=] — the rule set applied and every person, unit and household the caller may
/// see, each title or form with its verdict and every condition (outcome, sentence in the
/// caller's language, message key and params, citation).

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> get_eligibility(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
