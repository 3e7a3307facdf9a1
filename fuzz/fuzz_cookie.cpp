// Fuzzes the Cookie header parser and the Set-Cookie writer.
// Input: a Cookie header value. It is also cut at its first two '\n' into name, value and
// path for format_set_cookie, whose output must parse back to the same cookie.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/parse/cookie.hpp"
#include "http/parse/utf8_check.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool is_tchar(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

void check_cookies(std::string_view header) {
  using thidua::http::find_cookie;
  const auto cookies = thidua::http::parse_cookie_header(header);
  check(cookies.size() <= thidua::http::kMaxCookies);
  for (std::size_t i = 0; i < cookies.size(); ++i) {
    const auto& [name, value] = cookies[i];
    check(!name.empty());
    for (char c : name) check(is_tchar(static_cast<unsigned char>(c)));
    check(thidua::http::valid_utf8(value));
    for (char c : value) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
    // find_cookie must agree with the list: the first cookie of that name wins.
    std::size_t first = 0;
    while (cookies[first].first != name) ++first;
    const auto found = find_cookie(header, name);
    check(found.has_value() && *found == cookies[first].second);
  }
}

void check_set_cookie(std::string_view input, std::uint8_t flags) {
  const auto nl1 = input.find('\n');
  if (nl1 == std::string_view::npos) return;
  const auto name = input.substr(0, nl1);
  auto rest = input.substr(nl1 + 1);
  const auto nl2 = rest.find('\n');
  const auto value = rest.substr(0, nl2);
  thidua::http::CookieOptions options;
  if (nl2 != std::string_view::npos) options.path = std::string(rest.substr(nl2 + 1));
  options.secure = (flags & 1) != 0;
  options.http_only = (flags & 2) != 0;
  static constexpr const char* kSameSite[] = {"Lax", "Strict", "None", ""};
  options.same_site = kSameSite[(flags >> 2) & 3];
  if ((flags & 16) != 0) options.max_age = static_cast<long long>(flags) - 128;

  const auto header = thidua::http::format_set_cookie(name, value, options);
  if (header.empty()) return;
  // Nothing a caller passes may split the header or add attributes.
  for (char c : header) {
    const auto u = static_cast<unsigned char>(c);
    check(u >= 0x20 && u < 0x7F);
  }
  const auto pair = std::string_view(header).substr(0, header.find(';'));
  check(pair.size() == name.size() + 1 + value.size());
  const auto back = thidua::http::find_cookie(pair, name);
  check(back.has_value() && *back == value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_cookies(input);
  check_set_cookie(input, size > 0 ? data[size - 1] : 0);
  return 0;
}
