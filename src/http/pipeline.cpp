#include "http/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "services/crypto.hpp"

namespace thidua::http {

namespace json = boost::json;

namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

std::string next_request_id() {
  // A per-process random prefix and a counter: unique, cheap, and not guessable across runs.
  static const std::string prefix = services::random_token(6);
  static std::atomic<unsigned long long> counter{0};
  char buf[24];
  std::snprintf(buf, sizeof buf, "-%llx", ++counter);
  return prefix + buf;
}

bool is_api_path(std::string_view path) { return path.rfind("/api/", 0) == 0; }

text::Lang language_of(const Request& req, const Context* ctx) {
  if (ctx) {
    if (auto c = ctx->cookie(kLangCookie)) return text::parse_lang(*c);
  } else if (auto h = req.header("cookie")) {
    if (auto c = find_cookie(*h, kLangCookie)) return text::parse_lang(*c);
  }
  // Pages are Vietnamese until the user picks English (an office PC often runs an English
  // browser); API clients may ask for English messages with Accept-Language.
  if (!is_api_path(req.path)) return text::Lang::vi;
  auto al = req.header("accept-language").value_or("");
  return al.rfind("en", 0) == 0 ? text::Lang::en : text::Lang::vi;
}

bool is_token(std::string_view s) {
  if (s.size() < 20 || s.size() > 64) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

unsigned status_for(const Error& e) {
  switch (e.kind) {
    case ErrorKind::validation: return e.code.rfind("request.", 0) == 0 ? 400 : 422;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::unauthorized: return 401;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::too_large: return 413;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

std::string error_json(const Context& ctx, const Error& e) {
  json::object fields;
  // A field's message is formatted with the error's parameters ("above the maximum ({max})").
  for (const auto& f : e.fields) fields[f.field] = ctx.message(Error{e.kind, f.code, e.params, {}, {}});
  std::string message = e.kind == ErrorKind::internal ? ctx.t("error.internal") : ctx.message(e);
  json::object err{{"code", e.kind == ErrorKind::internal ? "internal" : e.code}, {"message", message},
                   {"fields", fields}};
  return json::serialize(json::object{{"error", err}});
}

Pipeline::Pipeline(std::shared_ptr<Router> router, std::shared_ptr<services::AuthService> auth,
                   std::shared_ptr<const text::Catalogue> catalogue, std::shared_ptr<const StaticFiles> static_files,
                   PageErrorRenderer page_errors, PipelineOptions options)
    : router_(std::move(router)),
      auth_(std::move(auth)),
      catalogue_(std::move(catalogue)),
      static_(std::move(static_files)),
      page_errors_(std::move(page_errors)),
      options_(options) {}

std::size_t Pipeline::body_limit(std::string_view method, std::string_view path) const {
  auto m = router_->match(method, path);
  return m.route ? m.route->max_body : 0;  // unknown routes get no body at all
}

BodyPlan Pipeline::body_plan(std::string_view method, std::string_view path) const {
  auto m = router_->match(method, path);
  if (!m.route) return {};
  return {m.route->max_body, m.route->stream_upload, m.route->access.sign_in};
}

Response Pipeline::handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  req.request_id = next_request_id();
  if (options_.trust_proxy) {
    if (auto xr = req.header("x-real-ip")) req.remote_addr = std::string(*xr);
    else if (auto xf = req.header("x-forwarded-for")) req.remote_addr = std::string(xf->substr(0, xf->find(',')));
  }
  Response r;
  try {
    r = route(req);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
    Context ctx(req, *catalogue_);
    ctx.lang = language_of(req, nullptr);
    r = respond_error(ctx, is_api_path(req.path), Error{ErrorKind::internal, "internal", {}, {}, e.what()});
  }
  finish(r, req);
  if (options_.access_log) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("{} {} {} {} {}B {:.2f}ms rid={}", req.remote_addr, req.method, req.path, r.status, r.body.size(),
                 static_cast<double>(us) / 1000.0, req.request_id);
  }
  return r;
}

Response Pipeline::reject(unsigned status, const Request& partial) {
  Request req = partial;
  req.request_id = next_request_id();
  Context ctx(req, *catalogue_);
  ctx.lang = language_of(req, nullptr);
  Error e{status == 413 ? ErrorKind::too_large : ErrorKind::validation,
          status == 413 ? "request.too_large" : (status == 431 ? "request.headers_too_large" : "request.malformed"),
          {}, {}, ""};
  Response r = Response::json(error_json(ctx, e), status);
  if (!is_api_path(req.target)) {
    r = Response::html("<!doctype html><html lang=\"" + std::string(text::to_string(ctx.lang)) +
                           "\"><meta charset=\"utf-8\"><title>" + std::to_string(status) + "</title><p>" +
                           ctx.message(e) + "</p></html>",
                       status);
  }
  r.close = true;
  finish(r, req);
  return r;
}

void Pipeline::finish(Response& r, const Request& req) const {
  r.header("X-Request-Id", req.request_id);
  // A file sent as it was uploaded (Response::stored_file) brings its own, stricter policy.
  bool has_csp = std::any_of(r.headers.begin(), r.headers.end(),
                             [](const auto& h) { return h.first == "Content-Security-Policy"; });
  if (!has_csp) r.header("Content-Security-Policy", kCsp);
  r.header("X-Content-Type-Options", "nosniff");
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "same-origin");
  r.header("Cross-Origin-Opener-Policy", "same-origin");
  if (options_.cookie_secure) r.header("Strict-Transport-Security", "max-age=31536000");
}

Response Pipeline::respond_error(Context& ctx, bool api, const Error& e) {
  unsigned status = status_for(e);
  if (status >= 500) {
    spdlog::error("request {} {} {}: {} {}", ctx.req.request_id, ctx.req.method, ctx.req.path, e.code, e.detail);
  }
  Response r = api ? Response::json(error_json(ctx, e), status) : page_errors_(ctx, e, status);
  if (e.kind == ErrorKind::rate_limited) r.header("Retry-After", "60");
  for (const auto& c : ctx.cookies_to_set()) r.header("Set-Cookie", c);
  r.header("Cache-Control", "no-store");
  return r;
}

Response Pipeline::route(Request& req) {
  if (req.path.rfind("/static/", 0) == 0 && (req.method == "GET" || req.method == "HEAD")) {
    if (auto r = static_->serve(req)) return *r;
  }
  const bool api = is_api_path(req.path);
  Context ctx(req, *catalogue_);
  ctx.cookie_secure = options_.cookie_secure;
  ctx.upload_dir = options_.upload_dir;
  ctx.lang = language_of(req, &ctx);

  if (req.target.empty() || req.target.front() != '/') {
    return respond_error(ctx, api, Error{ErrorKind::validation, "request.malformed", {}, {}, ""});
  }
  auto match = router_->match(req.method, req.path);
  if (!match.route) {
    if (match.method_mismatch) {
      Response r = respond_error(ctx, api, Error{ErrorKind::validation, "http.method_not_allowed", {}, {}, ""});
      r.status = 405;
      return r;
    }
    return respond_error(ctx, api, Error{ErrorKind::not_found, "http.not_found", {}, {}, ""});
  }
  const Route& route = *match.route;
  ctx.params = std::move(match.params);

  bool via_token = false;
  bool expired = false;
  if (route.needs_session) {
    if (auto flash = ctx.cookie(kFlashCookie)) {
      if (flash->rfind("flash.", 0) == 0 && catalogue_->all(ctx.lang).count(*flash)) ctx.flash = *flash;
      ctx.clear_cookie(kFlashCookie);
    }
    auto authz = req.header("authorization").value_or("");
    if (api && authz.rfind("Bearer ", 0) == 0) {
      auto p = auth_->resolve_api_token(std::string(authz.substr(7)));
      if (!p) return respond_error(ctx, api, p.error());
      ctx.principal = std::move(*p);
      via_token = true;
    } else if (auto token = ctx.cookie(kSessionCookie); token && !token->empty()) {
      auto s = auth_->resolve_session(*token);
      if (s) {
        ctx.principal = std::move(s->principal);
        ctx.csrf_token = std::move(s->csrf_token);
        ctx.session_token = *token;
      } else {
        expired = true;
        ctx.clear_cookie(kSessionCookie);
      }
    }
    if (!ctx.principal) {
      // Before sign-in, forms are protected by a double-submit token kept in a cookie.
      auto c = ctx.cookie(kCsrfCookie);
      if (c && is_token(*c)) {
        ctx.csrf_token = *c;
      } else {
        ctx.csrf_token = services::random_token(32);
        ctx.set_cookie(kCsrfCookie, ctx.csrf_token);
      }
    }
  }
  if (route.access.sign_in && !ctx.principal) {
    if (api) return respond_error(ctx, api, Error{ErrorKind::unauthorized, "auth.required", {}, {}, ""});
    if (expired) ctx.set_flash("flash.warning.session_expired");
    Response r = Response::redirect(req.method == "GET" ? "/login?next=" + req.path : "/login");
    for (const auto& c : ctx.cookies_to_set()) r.header("Set-Cookie", c);
    return r;
  }
  if (!route.access.roles.empty()) {
    bool allowed = false;
    for (auto role : route.access.roles) allowed = allowed || ctx.principal->has_role(role);
    if (!allowed) return respond_error(ctx, api, Error{ErrorKind::forbidden, "auth.forbidden", {}, {}, ""});
  }

  if (is_unsafe_method(req.method) && route.needs_session && !via_token) {
    std::string submitted(req.header("x-csrf-token").value_or(""));
    auto type = req.header("content-type").value_or("");
    if (submitted.empty() && type.rfind("application/x-www-form-urlencoded", 0) == 0) {
      const auto& form = ctx.form();
      if (!form) return respond_error(ctx, api, form.error());
      submitted = std::string(form->value("_csrf"));
    } else if (submitted.empty() && req.upload) {
      // A streamed upload: its text fields were kept while the files went to disk.
      const auto& form = ctx.upload_form();
      if (!form) return respond_error(ctx, api, form.error());
      submitted = form->field("_csrf");
    } else if (submitted.empty() && type.rfind("multipart/form-data", 0) == 0) {
      const auto& parts = ctx.parts();
      if (!parts) return respond_error(ctx, api, parts.error());
      for (const auto& p : *parts) {
        if (p.headers.name == "_csrf" && !p.headers.filename) submitted = p.data;
      }
    }
    if (ctx.csrf_token.empty() || !services::equal_constant_time(submitted, ctx.csrf_token)) {
      spdlog::info("csrf check failed for {} {} from {}", req.method, req.path, req.remote_addr);
      return respond_error(ctx, api, Error{ErrorKind::forbidden, "csrf.invalid", {}, {}, ""});
    }
  }

  auto result = route.handler(ctx);
  if (!result) return respond_error(ctx, api, result.error());
  Response r = std::move(*result);
  for (const auto& c : ctx.cookies_to_set()) r.header("Set-Cookie", c);
  if (route.needs_session) r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace thidua::http
