#include <charconv>

#include "text/format.hpp"
#include "web/pages.hpp"

namespace thidua::web {

Result<std::int64_t> id_param(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return fail(ErrorKind::not_found, "http.not_found");
  return v;
}

std::string display_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
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
