#include <spdlog/spdlog.h>

#include "web/pages.hpp"

namespace thidua::web {

std::string safe_next(std::string_view next) {
  if (next.empty() || next.front() != '/' || next.size() > 512) return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "/";
  }
  return std::string(next);
}

namespace {
/// Where to go after signing in: never back to the sign-in or sign-out pages.
std::string after_login(std::string_view next) {
  std::string n = safe_next(next);
  if (n.rfind("/login", 0) == 0 || n.rfind("/logout", 0) == 0) return "/";
  return n;
}
}  // namespace

namespace {

http::Response render_login(const WebDeps& deps, http::Context& ctx, const std::string& login, const std::string& next,
                            const Error* error, unsigned status) {
  mustache::data d;
  if (!login.empty()) d.set("login", login);  // an empty string would count as "true"
  d.set("next", next);
  if (error) {
    d.set("error", ctx.message(*error));
    for (const auto& f : error->fields) {
      d.set(f.field == "login" ? "login_error" : "password_error", ctx.field_message(*error, f));
    }
  }
  return deps.views->page(ctx, "pages/login", ctx.t("login.title"), std::move(d), status);
}

}  // namespace

Result<http::Response> login_form(const WebDeps& deps, http::Context& ctx) {
  std::string next = "/";
  if (const auto& q = ctx.query(); q) next = after_login(q->value("next"));
  if (ctx.principal) return http::Response::redirect(next);
  return render_login(deps, ctx, "", next, nullptr, 200);
}

Result<http::Response> login_submit(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  std::string login(form->value("login"));
  std::string password(form->value("password"));
  std::string next = after_login(form->value("next"));
  auto ua = ctx.req.header("user-agent").value_or("");
  auto result = deps.auth->login(login, password, ctx.req.remote_addr, std::string(ua));
  if (!result) {
    return render_login(deps, ctx, login.substr(0, 64), next, &result.error(), http::status_for(result.error()));
  }
  ctx.set_cookie(http::kSessionCookie, result->token);
  ctx.clear_cookie(http::kCsrfCookie);
  spdlog::info("user {} signed in from {}", result->principal.login, ctx.req.remote_addr);
  return http::Response::redirect(next);
}

Result<http::Response> logout(const WebDeps& deps, http::Context& ctx) {
  if (!ctx.session_token.empty()) {
    if (auto r = deps.auth->logout(ctx.session_token); !r) return fail(r.error());
  }
  ctx.clear_cookie(http::kSessionCookie);
  ctx.set_flash("flash.success.signed_out");
  return http::Response::redirect("/login");
}

Result<http::Response> switch_language(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  std::string lang(form->value("lang"));
  if (lang != "vi" && lang != "en") {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"lang", "validation.invalid"}}, ""});
  }
  http::CookieOptions o;
  o.max_age = 365LL * 24 * 3600;
  ctx.set_cookie(http::kLangCookie, lang, o);
  if (ctx.principal) {
    if (auto r = deps.auth->set_language(*ctx.principal, lang); !r) return fail(r.error());
  }
  return http::Response::redirect(safe_next(form->value("next")));
}

}  // namespace thidua::web
