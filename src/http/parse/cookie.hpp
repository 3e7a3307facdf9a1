#pragma once
/// Reading the `Cookie:` request header and writing `Set-Cookie:` response headers
/// (RFC 6265). Reading is lenient in the way browsers are, but never returns a name that is
/// not a token or a value that holds control characters or invalid UTF-8; writing is strict,
/// so that nothing a caller passes can inject attributes or split the header.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thidua::http {

/// At most this many cookies are read from one header; the rest are ignored.
inline constexpr std::size_t kMaxCookies = 64;

/// Parses `a=b; c="d"` into (name, value) pairs in header order. Spaces and tabs around
/// pieces, names and values are trimmed and one pair of surrounding double quotes is
/// removed from a value. Pieces without '=', with an empty name, with a name that is not an
/// RFC 7230 token, or with a value holding control characters or invalid UTF-8 are skipped.
/// Duplicates are kept. Never throws (except std::bad_alloc).
std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header);

/// The value of the first cookie called `name` (case-sensitive) among those that
/// parse_cookie_header would return, or nullopt.
std::optional<std::string> find_cookie(std::string_view header, std::string_view name);

/// Attributes of a `Set-Cookie:` header. There is no Domain attribute on purpose: a
/// host-only cookie is never sent to sibling subdomains.
struct CookieOptions {
  std::string path = "/";        ///< omitted when empty
  bool http_only = true;         ///< hidden from scripts
  bool secure = false;           ///< HTTPS only; required for SameSite=None and prefixes
  std::string same_site = "Lax"; ///< "Strict", "Lax", "None", or empty to omit
  std::optional<long long> max_age;  ///< seconds; 0 (or less) deletes the cookie
};

/// `name=value; Path=/; Max-Age=…; Secure; HttpOnly; SameSite=Lax`, or an empty string when
/// the cookie could not be set safely: `name` is not a token, `value` holds anything but
/// RFC 6265 cookie-octets, the path holds control characters or ';', `same_site` is not one
/// of the three known values, SameSite=None without Secure (browsers drop it), or a
/// `__Secure-`/`__Host-` name without the attributes its prefix requires.
std::string format_set_cookie(std::string_view name, std::string_view value,
                              const CookieOptions& options);

}  // namespace thidua::http
