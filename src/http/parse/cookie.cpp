#include "http/parse/cookie.hpp"

#include <algorithm>
#include <cctype>

#include "http/parse/utf8_check.hpp"

namespace thidua::http {
namespace {

bool is_tchar(unsigned char c) {
  if (std::isalnum(c) != 0 && c < 0x80) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

bool is_ctl(unsigned char c) { return c < 0x20 || c == 0x7F; }

// RFC 6265 §4.1.1: printable US-ASCII except space, DQUOTE, comma, semicolon and backslash.
bool is_cookie_octet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool acceptable_value(std::string_view v) {
  // Browsers send whatever a script stored, so values are not held to cookie-octet; but a
  // control character or broken UTF-8 is never legitimate and would only travel further
  // (into logs, pages, the database) if we let it through.
  return std::none_of(v.begin(), v.end(), [](char c) { return is_ctl(static_cast<unsigned char>(c)); }) &&
         valid_utf8(v);
}

// Calls `visit(name, value)` for each acceptable cookie, in order, up to kMaxCookies;
// stops early when `visit` returns true. Shared so that find_cookie sees exactly what
// parse_cookie_header returns.
template <class Visit>
void for_each_cookie(std::string_view header, Visit visit) {
  std::size_t count = 0;
  while (!header.empty() && count < kMaxCookies) {
    const auto semi = header.find(';');
    auto piece = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);

    const auto eq = piece.find('=');
    if (eq == std::string_view::npos) continue;
    const auto name = trim_ows(piece.substr(0, eq));
    auto value = trim_ows(piece.substr(eq + 1));
    if (!is_token(name)) continue;
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!acceptable_value(value)) continue;
    ++count;
    if (visit(name, value)) return;
  }
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_cookie_header(std::string_view header) {
  std::vector<std::pair<std::string, std::string>> out;
  for_each_cookie(header, [&](std::string_view name, std::string_view value) {
    out.emplace_back(std::string(name), std::string(value));
    return false;
  });
  return out;
}

std::optional<std::string> find_cookie(std::string_view header, std::string_view name) {
  std::optional<std::string> found;
  for_each_cookie(header, [&](std::string_view n, std::string_view value) {
    if (n != name) return false;
    found.emplace(value);
    return true;
  });
  return found;
}

std::string format_set_cookie(std::string_view name, std::string_view value,
                              const CookieOptions& options) {
  if (!is_token(name)) return {};
  if (!std::all_of(value.begin(), value.end(),
                   [](char c) { return is_cookie_octet(static_cast<unsigned char>(c)); })) {
    return {};
  }
  if (std::any_of(options.path.begin(), options.path.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return is_ctl(u) || u >= 0x80 || c == ';';
      })) {
    return {};
  }
  const auto& ss = options.same_site;
  if (!ss.empty() && ss != "Strict" && ss != "Lax" && ss != "None") return {};
  if (ss == "None" && !options.secure) return {};
  // Cookie prefixes (RFC 6265bis §4.1.3): browsers reject these without the attributes, so
  // a missing attribute would silently lose the cookie.
  const bool host_prefix = iequals_prefix(name, "__Host-");
  if ((host_prefix || iequals_prefix(name, "__Secure-")) && !options.secure) return {};
  if (host_prefix && options.path != "/") return {};

  std::string out;
  out.reserve(name.size() + value.size() + 64);
  out.append(name).append("=").append(value);
  if (!options.path.empty()) out.append("; Path=").append(options.path);
  if (options.max_age) {
    out.append("; Max-Age=").append(std::to_string(std::max(*options.max_age, 0LL)));
  }
  if (options.secure) out.append("; Secure");
  if (options.http_only) out.append("; HttpOnly");
  if (!ss.empty()) out.append("; SameSite=").append(ss);
  return out;
}

}  // namespace thidua::http
