#pragma once
/// HTML handlers: one function per page or action (parse → validate → call a service →
/// convert → respond). Each is registered in src/app/routes.cpp.

#include <memory>

#include "http/context.hpp"
#include "http/message.hpp"
#include "services/auth_service.hpp"
#include "services/user_service.hpp"
#include "web/views.hpp"

namespace thidua::web {

struct WebDeps {
  std::shared_ptr<Views> views;
  std::shared_ptr<services::AuthService> auth;
  std::shared_ptr<services::UserService> users;
};

Result<http::Response> login_form(const WebDeps& deps, http::Context& ctx);
Result<http::Response> login_submit(const WebDeps& deps, http::Context& ctx);
Result<http::Response> logout(const WebDeps& deps, http::Context& ctx);
Result<http::Response> switch_language(const WebDeps& deps, http::Context& ctx);
Result<http::Response> home(const WebDeps& deps, http::Context& ctx);
Result<http::Response> admin_users(const WebDeps& deps, http::Context& ctx);

/// The error page (for the pipeline's PageErrorRenderer).
http::Response error_page(const Views& views, http::Context& ctx, const Error& error, unsigned status);

/// `next` when it is a path on this site ("/x", not "//host" or "/\host"), else "/".
std::string safe_next(std::string_view next);

}  // namespace thidua::web
