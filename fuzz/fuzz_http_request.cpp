// Fuzzes a whole HTTP request the way the server sees it: Boost.Beast parses the message
// with the server's limits, then our parsers read its Cookie headers, the query string, and
// the body (urlencoded, or multipart when the Content-Type says so). Every value that comes
// out must be valid UTF-8 and every cookie name a non-empty token.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>

#include "http/parse/cookie.hpp"
#include "http/parse/form.hpp"
#include "http/parse/multipart.hpp"
#include "http/parse/utf8_check.hpp"

namespace {

namespace http = boost::beast::http;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool is_tchar(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

void check_cookies(std::string_view header) {
  const auto cookies = thidua::http::parse_cookie_header(header);
  check(cookies.size() <= thidua::http::kMaxCookies);
  for (const auto& [name, value] : cookies) {
    check(!name.empty());
    for (char c : name) check(is_tchar(static_cast<unsigned char>(c)));
    check(thidua::http::valid_utf8(value));
  }
  if (!cookies.empty()) {
    const auto found = thidua::http::find_cookie(header, cookies.front().first);
    check(found.has_value() && *found == cookies.front().second);
  }
}

void check_form(std::string_view text) {
  const auto form = thidua::http::parse_urlencoded(text);
  if (!form) {
    check(!form.error().code.empty());
    return;
  }
  check(form->items().size() <= 1000);
  for (const auto& [name, value] : form->items()) {
    check(thidua::http::valid_utf8(name));
    check(thidua::http::valid_utf8(value));
  }
}

void check_multipart(std::string_view content_type, std::string_view body) {
  const auto parts = thidua::http::parse_multipart(content_type, body);
  if (!parts) return;
  check(parts->size() <= thidua::http::MultipartLimits{}.max_parts);
  for (const auto& p : *parts) {
    check(thidua::http::valid_utf8(p.headers.name));
    check(!p.headers.filename || thidua::http::valid_utf8(*p.headers.filename));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);

  boost::asio::const_buffer buffer(data, size);
  boost::beast::error_code ec;
  while (!parser.is_done()) {
    const auto used = parser.put(buffer, ec);
    buffer += used;
    if (ec == http::error::need_more) {
      // The whole input is already in the buffer, so "need more" with no progress means
      // the request is incomplete.
      if (used == 0) return 0;
      ec = {};
      continue;
    }
    if (ec) return 0;
    if (used == 0) return 0;
  }

  const auto& req = parser.get();
  const auto [first, last] = req.equal_range(http::field::cookie);
  for (auto it = first; it != last; ++it) {
    check_cookies(std::string_view(it->value().data(), it->value().size()));
  }
  const std::string_view target(req.target().data(), req.target().size());
  if (const auto q = target.find('?'); q != std::string_view::npos) check_form(target.substr(q + 1));

  const std::string_view content_type = [&] {
    const auto it = req.find(http::field::content_type);
    return it == req.end() ? std::string_view{} : std::string_view(it->value().data(), it->value().size());
  }();
  if (content_type.substr(0, 10) == "multipart/") {
    check_multipart(content_type, req.body());
  } else {
    check_form(req.body());
  }
  return 0;
}
