#pragma once
/// JSON handlers under /api/v1: one function per action. Registered in src/app/routes.cpp and
/// described in docs/openapi.yaml.

#include <memory>

#include <boost/json.hpp>

#include "http/context.hpp"
#include "http/message.hpp"
#include "services/auth_service.hpp"
#include "services/user_service.hpp"

namespace thidua::api {

struct ApiDeps {
  std::shared_ptr<services::AuthService> auth;
  std::shared_ptr<services::UserService> users;
  std::string version;
};

Result<http::Response> ping(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> me(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> list_users(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> create_user(const ApiDeps& deps, http::Context& ctx);
Result<http::Response> get_user(const ApiDeps& deps, http::Context& ctx);

/// The request body as a JSON object (Content-Type application/json, valid UTF-8).
Result<boost::json::object> json_body(const http::Context& ctx);

}  // namespace thidua::api
