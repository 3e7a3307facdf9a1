#pragma once
/// The request pipeline, in order: request id → static files → route match → language →
/// session or API token → CSRF check → access check → handler → errors to status codes →
/// security headers → access log. This is the one place errors become HTTP statuses.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "http/context.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "services/auth_service.hpp"
#include "text/catalogue.hpp"

namespace thidua::http {

struct PipelineOptions {
  bool cookie_secure = false;  ///< behind TLS: cookies get the Secure attribute, HSTS is sent
  bool trust_proxy = false;    ///< take the client address from X-Forwarded-For / X-Real-IP
  bool access_log = true;
  /// Where uploaded files wait while a request runs (see http/upload.hpp).
  std::filesystem::path upload_dir;
};

/// Renders an error as an HTML page (provided by the web layer).
using PageErrorRenderer = std::function<Response(Context&, const Error&, unsigned status)>;

std::string error_json(const Context& ctx, const Error& e);

class Pipeline : public Dispatcher {
 public:
  Pipeline(std::shared_ptr<Router> router, std::shared_ptr<services::AuthService> auth,
           std::shared_ptr<const text::Catalogue> catalogue, std::shared_ptr<const StaticFiles> static_files,
           PageErrorRenderer page_errors, PipelineOptions options);

  std::size_t body_limit(std::string_view method, std::string_view path) const override;
  BodyPlan body_plan(std::string_view method, std::string_view path) const override;
  Response handle(Request& request) override;
  Response reject(unsigned status, const Request& partial) override;

 private:
  Response route(Request& req);
  Response respond_error(Context& ctx, bool api, const Error& e);
  void finish(Response& r, const Request& req) const;

  std::shared_ptr<Router> router_;
  std::shared_ptr<services::AuthService> auth_;
  std::shared_ptr<const text::Catalogue> catalogue_;
  std::shared_ptr<const StaticFiles> static_;
  PageErrorRenderer page_errors_;
  PipelineOptions options_;
};

}  // namespace thidua::http
