#pragma once
/// The follow-up dashboard (issue 7): GET /dashboard?movement=&period=(|YYYY|custom)&from=&to=
/// [&unit=][&person=][&agency=].

#include "web/pages.hpp"

namespace thidua::web {

Result<http::Response> dashboard_page(const WebDeps& deps, http::Context& ctx);

}  // namespace thidua::web
