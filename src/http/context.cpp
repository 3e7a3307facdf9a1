#include "http/context.hpp"

namespace thidua::http {

const Result<FormData>& Context::form() {
  if (!form_) {
    auto ct = req.header("content-type").value_or("");
    if (ct.rfind("application/x-www-form-urlencoded", 0) == 0 || req.body.empty()) {
      form_.emplace(parse_urlencoded(req.body));
    } else {
      form_.emplace(fail(ErrorKind::validation, "request.bad_content_type"));
    }
  }
  return *form_;
}

const Result<std::vector<Part>>& Context::parts() {
  if (!parts_) {
    auto ct = req.header("content-type").value_or("");
    parts_.emplace(parse_multipart(ct, req.body, {}, req.body.size() + 1));
  }
  return *parts_;
}

const Result<UploadForm>& Context::upload_form() {
  if (req.upload) return *req.upload;
  if (!upload_) {
    auto ct = req.header("content-type").value_or("");
    upload_.emplace(receive_upload(ct, req.body, upload_dir));
  }
  return *upload_;
}

const Result<FormData>& Context::query() {
  if (!query_) query_.emplace(parse_urlencoded(req.query));
  return *query_;
}

std::optional<std::string> Context::cookie(std::string_view name) const {
  auto h = req.header("cookie");
  if (!h) return std::nullopt;
  return find_cookie(*h, name);
}

void Context::set_cookie(std::string_view name, std::string_view value, CookieOptions options) {
  options.secure = options.secure || cookie_secure;
  auto c = format_set_cookie(name, value, options);
  if (!c.empty()) set_cookies_.push_back(std::move(c));
}

void Context::clear_cookie(std::string_view name) {
  CookieOptions o;
  o.max_age = 0;
  set_cookie(name, "", o);
}

void Context::set_flash(std::string_view key) {
  CookieOptions o;
  o.max_age = 120;
  set_cookie(kFlashCookie, key, o);
}

}  // namespace thidua::http
