#include "api/handlers.hpp"

namespace thidua::api {

namespace json = boost::json;

Result<boost::json::object> json_body(const http::Context& ctx) {
  auto ct = ctx.req.header("content-type").value_or("");
  if (ct.rfind("application/json", 0) != 0) return fail(ErrorKind::validation, "request.bad_content_type");
  json::error_code ec;
  json::value v = json::parse(ctx.req.body, ec);  // rejects invalid UTF-8
  if (ec || !v.is_object()) return fail(ErrorKind::validation, "request.bad_json", ec.message());
  return std::move(v.as_object());
}

Result<http::Response> ping(const ApiDeps& deps, http::Context&) {
  return http::Response::json(json::serialize(json::object{{"status", "ok"}, {"version", deps.version}}));
}

}  // namespace thidua::api
