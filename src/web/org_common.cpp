#include <charconv>
#include <chrono>
#include <ctime>

#include "domain/clock.hpp"

#include "text/format.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<std::int64_t> id_param(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return fail(ErrorKind::not_found, "http.not_found");
  return v;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

int this_year() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + std::chrono::hours(7));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

int year_param(std::string_view text) {
  if (text.empty()) return 0;
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size()) return -1;
  return v;
}

std::string display_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
}

std::string display_end_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  if (!d) return iso;
  std::tm tm{};
  tm.tm_year = d->year - 1900;
  tm.tm_mon = d->month - 1;
  tm.tm_mday = d->day - 1;  // timegm normalises day 0 to the last day of the month before
  std::time_t t = timegm(&tm);
  gmtime_r(&t, &tm);
  return text::format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string display_timestamp(const std::string& iso_utc) {
  auto t = parse_iso(iso_utc);
  if (!t) return iso_utc;
  std::time_t tt = std::chrono::system_clock::to_time_t(*t + std::chrono::hours(7));
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
                tm.tm_hour, tm.tm_min);
  return buf;
}

Result<std::int64_t> current_agency(const WebDeps& deps, http::Context& ctx) {
  if (const auto& q = ctx.query(); q && q->has("agency")) {
    auto id = id_param(q->value("agency"));
    if (!id) return id;
    if (auto a = deps.org->get_agency(*ctx.principal, *id); !a) return fail(a.error());
    return *id;
  }
  if (ctx.principal->agency_id) return *ctx.principal->agency_id;
  // An installation administrator with no agency works on the first one.
  auto all = deps.org->list_agencies(*ctx.principal);
  if (!all) return fail(all.error());
  for (const auto& a : *all) {
    if (a.kind == "agency") return a.agency.id;
  }
  return fail(ErrorKind::not_found, "agency.not_found");
}

}  // namespace thidua::web
