#pragma once
/// Award decisions under /api/v1 (issue 6, part D): the register of a year, one decision with
/// its awardees, bonuses and certificates, creating a draft, adding awardees (by hand, or the
/// nominations the council approved) and issuing. The service checks every right; another
/// agency's ids are "not found".

#include "api/handlers.hpp"

namespace thidua::api {

Result<http::Response> list_decisions(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_decision(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_decision(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> add_decision_awardees(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> issue_decision(const ApiDeps& deps, http::Context& ctx);

}  // namespace thidua::api
