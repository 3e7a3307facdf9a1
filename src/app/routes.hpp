#pragma once

#include <memory>

#include "api/handlers.hpp"
#include "http/router.hpp"
#include "web/pages.hpp"

namespace thidua::app {

/// The one route table (routes.cpp): every URL, its handler and who may use it.
std::shared_ptr<http::Router> build_routes(const web::WebDeps& web, const api::ApiDeps& api);

}  // namespace thidua::app
