// Progress pages: a unit's and a person's pledged against achieved per content item and
// measure, and every unit of the agency on one page. Bars are SVG drawn here (the CSP allows
// no inline styles); the unit page is kept in the page cache by the data version.

#include "services/progress_service.hpp"
#include "text/format.hpp"
#include "web/achievement_pages.hpp"
#include "web/page_cache.hpp"

namespace thidua::web {

namespace {

std::string measure_value(Measure m, long long v) {
  switch (m) {
    case Measure::cash_vnd:
    case Measure::goods_vnd: return text::format_money(v);
    case Measure::land_m2: return text::format_number(v) + " m²";
    default: return text::format_number(v);
  }
}

/// A bar of `percent` (capped at 100 drawn), green once the target is met.
std::string bar_svg(int percent, const std::string& label) {
  int w = std::clamp(percent, 0, 100);
  const char* colour = percent >= 100 ? "#198754" : percent >= 50 ? "#0d6efd" : "#fd7e14";
  return "<svg class=\"progress-svg\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" +
         html_escape(label) + "\"><rect width=\"100\" height=\"10\" rx=\"2\" fill=\"#e9ecef\"/><rect width=\"" +
         std::to_string(w) + "\" height=\"10\" rx=\"2\" fill=\"" + colour + "\"/></svg>";
}

mustache::data line_data(http::Context& ctx, const services::ProgressLine& l) {
  mustache::data r;
  r.set("item", ctx.catalogue().format(ctx.lang, "achievement.item_number", {{"n", std::to_string(l.item_number)}}));
  r.set("item_text", l.item_text);
  r.set("measure", ctx.t("progress.measure." + std::string(to_string(l.measure))));
  if (!l.commune_name.empty()) r.set("commune", ctx.catalogue().format(ctx.lang, "progress.for_commune", {{"name", l.commune_name}}));
  r.set("achieved", measure_value(l.measure, l.achieved));
  if (l.target) {
    r.set("target", measure_value(l.measure, *l.target));
    int pct = l.percent();
    std::string label = pct >= 0 ? std::to_string(pct) + "%" : "";
    if (pct < 0) pct = l.achieved >= *l.target ? 100 : 0;
    r.set("percent", label);
    r.set("bar", bar_svg(pct, label));
    if (l.achieved >= *l.target) r.set("met", true);
  } else {
    r.set("no_target", true);
  }
  return r;
}

/// The movement and year selection, and what the lines and totals say.
mustache::data progress_data(http::Context& ctx, const services::Progress& p) {
  mustache::data d;
  d.set("name", p.name);
  if (!p.unit_name.empty()) d.set("unit_name", p.unit_name);
  d.set("movement_id", std::to_string(p.movement.id));
  d.set("movement_title", p.movement.title);
  d.set("year", std::to_string(p.year));
  mustache::list movements, years;
  for (const auto& [id, title] : p.movements) {
    mustache::data o;
    o.set("value", std::to_string(id));
    o.set("label", title);
    if (id == p.movement.id) o.set("selected", true);
    movements.push_back(std::move(o));
  }
  for (int y : p.years) {
    mustache::data o;
    o.set("value", std::to_string(y));
    o.set("label", std::to_string(y));
    if (y == p.year) o.set("selected", true);
    years.push_back(std::move(o));
  }
  put(d, "movements", list_data(std::move(movements)));
  put(d, "years", list_data(std::move(years)));
  if (p.pledge_status.empty()) d.set("no_pledge", true);
  else d.set("pledge_status", ctx.t("pledge_status_ach." + p.pledge_status));
  d.set("records", text::format_number(p.records));
  if (p.targets > 0) d.set("targets_met", std::to_string(p.targets_met) + "/" + std::to_string(p.targets));
  mustache::list lines;
  for (const auto& l : p.lines) lines.push_back(line_data(ctx, l));
  if (!lines.empty()) d.set("has_lines", true);
  put(d, "lines", list_data(std::move(lines)));
  return d;
}

services::ProgressQuery query_of(http::Context& ctx) {
  services::ProgressQuery q;
  if (const auto& qs = ctx.query(); qs) {
    if (auto m = qs->value("movement"); !m.empty()) {
      if (auto id = id_param(m)) q.movement_id = *id;
    }
    if (int y = year_param(qs->value("year")); y > 0) q.year = y;
  }
  return q;
}

}  // namespace

Result<http::Response> progress_unit_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto q = query_of(ctx);
  // The page depends on the unit, the movement and year asked for, the language, whether the
  // reader sees the unit's people, the day (this year's default) and the data version.
  std::string key;
  std::int64_t version = 0;
  if (deps.page_cache) {
    auto stamp = deps.progress->unit_stamp(*ctx.principal, *id);
    if (!stamp) return fail(stamp.error());
    version = stamp->first;
    key = "progress-unit\x1f" + std::to_string(*id) + "\x1f" + std::to_string(q.movement_id.value_or(0)) + "\x1f" +
          std::to_string(q.year) + "\x1f" + std::to_string(this_year()) + "\x1f" +
          std::string(text::to_string(ctx.lang)) + "\x1f" + (stamp->second ? "p" : "-");
    if (auto cached = deps.page_cache->get(key, version)) {
      auto cut = cached->find('\x1f');
      return deps.views->page_around(ctx, cached->substr(0, cut), cached->substr(cut + 1));
    }
  }
  auto p = deps.progress->unit(*ctx.principal, *id, q);
  if (!p) return fail(p.error());
  auto d = progress_data(ctx, *p);
  d.set("is_unit", true);
  d.set("action", "/progress/units/" + std::to_string(*id));
  d.set("records_href", "/achievements?scope=all&unit=" + std::to_string(*id) + "&movement=" +
                            std::to_string(p->movement.id) + "&year=" + std::to_string(p->year) + "&status=verified");
  mustache::list people;
  for (const auto& [pid, name] : p->people) {
    mustache::data o;
    o.set("id", std::to_string(pid));
    o.set("name", name);
    people.push_back(std::move(o));
  }
  if (!people.empty()) d.set("has_people", true);
  put(d, "people", list_data(std::move(people)));
  std::string title = ctx.catalogue().format(ctx.lang, "progress.unit_title", {{"name", p->name}});
  d.set("heading", title);
  if (!deps.page_cache) return deps.views->page(ctx, "pages/progress", title, std::move(d));
  auto body = deps.views->body_for_cache(ctx, "pages/progress", std::move(d));
  deps.page_cache->put(key, version, title + "\x1f" + body);
  return deps.views->page_around(ctx, title, body);
}

Result<http::Response> progress_person_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto p = deps.progress->person(*ctx.principal, *id, query_of(ctx));
  if (!p) return fail(p.error());
  auto d = progress_data(ctx, *p);
  d.set("action", "/progress/people/" + std::to_string(*id));
  d.set("records_href", "/achievements?scope=all&person=" + std::to_string(*id) + "&movement=" +
                            std::to_string(p->movement.id) + "&year=" + std::to_string(p->year) + "&status=verified");
  std::string title = ctx.catalogue().format(ctx.lang, "progress.person_title", {{"name", p->name}});
  d.set("heading", title);
  return deps.views->page(ctx, "pages/progress", title, std::move(d));
}

Result<http::Response> progress_overview_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto home = deps.progress->home_unit(*ctx.principal, *agency);
  if (!home) return fail(home.error());
  if (*home != 0) return http::Response::redirect("/progress/units/" + std::to_string(*home));
  auto q = query_of(ctx);
  // Kept in the page cache like a unit's page: every overseer of the agency sees the same.
  std::string key;
  std::int64_t version = 0;
  if (deps.page_cache) {
    auto v = deps.movements->data_version();
    if (!v) return fail(v.error());
    version = *v;
    key = "progress-overview\x1f" + std::to_string(*agency) + "\x1f" + std::to_string(q.movement_id.value_or(0)) +
          "\x1f" + std::to_string(q.year) + "\x1f" + std::to_string(this_year()) + "\x1f" +
          std::string(text::to_string(ctx.lang));
    if (auto cached = deps.page_cache->get(key, version)) {
      return deps.views->page_around(ctx, ctx.t("progress.overview_title"), *cached);
    }
  }
  auto o = deps.progress->overview(*ctx.principal, *agency, q);
  if (!o) return fail(o.error());
  services::Progress header;
  header.movement = o->movement;
  header.year = o->year;
  header.years = o->years;
  header.movements = o->movements;
  auto d = progress_data(ctx, header);
  d.set("action", "/progress");
  mustache::list units;
  for (const auto& u : o->units) {
    mustache::data r;
    r.set("id", std::to_string(u.unit_id));
    r.set("name", u.unit_name);
    r.set("href", "/progress/units/" + std::to_string(u.unit_id) + "?movement=" + std::to_string(o->movement.id) +
                      "&year=" + std::to_string(o->year));
    r.set("pledge_status", u.pledge_status.empty() ? ctx.t("progress.pledge_none") : ctx.t("pledge_status_ach." + u.pledge_status));
    if (u.pledge_status.empty()) r.set("no_pledge", true);
    r.set("records", text::format_number(u.records));
    if (u.targets > 0) {
      r.set("targets_met", std::to_string(u.targets_met) + "/" + std::to_string(u.targets));
      r.set("average", std::to_string(u.average_percent) + "%");
      r.set("bar", bar_svg(u.average_percent, std::to_string(u.average_percent) + "%"));
    }
    mustache::list lines;
    for (const auto& l : u.lines) lines.push_back(line_data(ctx, l));
    if (!lines.empty()) r.set("has_lines", true);
    put(r, "lines", list_data(std::move(lines)));
    units.push_back(std::move(r));
  }
  put(d, "units", list_data(std::move(units)));
  d.set("is_overview", true);
  d.set("heading", ctx.t("progress.overview_title"));
  if (!deps.page_cache) return deps.views->page(ctx, "pages/progress", ctx.t("progress.overview_title"), std::move(d));
  auto body = deps.views->body_for_cache(ctx, "pages/progress", std::move(d));
  deps.page_cache->put(key, version, body);
  return deps.views->page_around(ctx, ctx.t("progress.overview_title"), body);
}

}  // namespace thidua::web
