// The ranking of a template (and unit): ranked sheets with their bands, who has not submitted,
// a bar chart of the totals with the bands' thresholds beside its table, download links. For a
// cluster's template: the cross-scores' ranking and the form where an agency scores another.

#include <algorithm>

#include "documents/svg_chart.hpp"
#include "web/page_cache.hpp"
#include "web/evaluation_pages.hpp"

namespace thidua::web {

namespace {

/// Rows of the ranking table on one page, and bars in its chart.
constexpr long long kRankingPageSize = 100;
constexpr long long kRankingChartBars = 30;

Result<http::Response> render_cluster(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                      const Refused* refused, unsigned status) {
  auto v = deps.evaluations->cluster_ranking(*ctx.principal, id);
  if (!v) return fail(v.error());
  mustache::data d;
  d.set("id", std::to_string(id));
  d.set("title", v->tmpl.title);
  d.set("year", std::to_string(v->tmpl.year));
  d.set("movement_id", std::to_string(v->tmpl.movement_id));
  mustache::list rows, agencies;
  for (const auto& r : v->rows) {
    mustache::data x;
    x.set("rank", r.rank > 0 ? std::to_string(r.rank) : "–");
    auto n = v->agency_names.find(r.agency_id);
    x.set("name", n == v->agency_names.end() ? std::to_string(r.agency_id) : n->second);
    x.set("scorers", std::to_string(r.scorers));
    x.set("average", r.scorers > 0 ? format_points(r.average) : "–");
    if (r.band) x.set("band", v->tmpl.bands[*r.band].name);
    rows.push_back(x);
    if (ctx.principal->agency_id == r.agency_id) continue;  // its own score would not count
    mustache::data a;
    a.set("value", std::to_string(r.agency_id));
    a.set("label", x.get("name")->string_value());
    agencies.push_back(a);
  }
  d.set("rows", rows);
  d.set("agencies", agencies);
  d.set("form", form_echo(ctx, refused, "score", {"agency", "points", "comment"}));
  return deps.views->page(ctx, "pages/evaluation_cluster", v->tmpl.title, std::move(d), status);
}

}  // namespace

Result<http::Response> evaluation_ranking_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  std::optional<std::int64_t> unit;
  if (auto u = id_param(q->value("unit"))) unit = *u;
  long long page = 1;
  if (auto p = id_param(q->value("page"))) page = *p;
  auto stamp = deps.evaluations->ranking_stamp(*ctx.principal, *id, unit);
  if (!stamp) return fail(stamp.error());
  if (stamp->cluster) return render_cluster(deps, ctx, *id, nullptr, 200);
  // The page depends on the template, the unit and page asked for, the language and the data
  // version; every reader allowed to see it sees the same body.
  std::string key;
  const std::int64_t version = stamp->version;
  if (deps.page_cache) {
    key = "evaluation-ranking\x1f" + std::to_string(*id) + "\x1f" + std::to_string(unit.value_or(0)) + "\x1f" +
          std::to_string(page) + "\x1f" + std::string(text::to_string(ctx.lang));
    if (auto cached = deps.page_cache->get(key, version)) {
      auto cut = cached->find('\x1f');
      return deps.views->page_around(ctx, cached->substr(0, cut), cached->substr(cut + 1));
    }
  }
  auto v = deps.evaluations->ranking(*ctx.principal, *id, unit);
  if (!v) return fail(v.error());
  mustache::data d;
  d.set("id", std::to_string(*id));
  d.set("title", v->tmpl.title);
  d.set("year", std::to_string(v->tmpl.year));
  d.set("movement_id", std::to_string(v->tmpl.movement_id));
  d.set("subject_label", ctx.t("eval_subject." + std::string(to_string(v->tmpl.subject))));
  if (v->tmpl.subject == EvalSubject::person) d.set("by_person", true);
  const std::string query = unit ? "?unit=" + std::to_string(*unit) : "";
  d.set("query", query);

  // The table: one page of the ranked list (its ranks are the whole list's).
  const long long total = static_cast<long long>(v->ranked.size());
  const long long pages = std::max(1LL, (total + kRankingPageSize - 1) / kRankingPageSize);
  page = std::clamp(page, 1LL, pages);
  const long long first = (page - 1) * kRankingPageSize;
  const long long last = std::min(total, first + kRankingPageSize);
  mustache::list rows;
  for (long long i = first; i < last; ++i) {
    const auto& r = v->ranked[static_cast<std::size_t>(i)];
    mustache::data x = sheet_row_data(ctx, r.sheet);
    x.set("rank", std::to_string(r.rank));
    x.set("total", format_points(r.total.total));
    if (r.band) x.set("band", v->tmpl.bands[*r.band].name);
    rows.push_back(x);
  }
  d.set("rows", rows);
  if (pages > 1) {
    const std::string base = "/evaluations/templates/" + std::to_string(*id) + "/ranking?" +
                             (unit ? "unit=" + std::to_string(*unit) + "&" : std::string()) + "page=";
    d.set("paged", true);
    d.set("page", std::to_string(page));
    d.set("pages", std::to_string(pages));
    d.set("shown", ctx.catalogue().format(ctx.lang, "evaluation_page.shown",
                                          {{"from", std::to_string(first + 1)},
                                           {"to", std::to_string(last)},
                                           {"total", std::to_string(total)}}));
    if (page > 1) d.set("prev", base + std::to_string(page - 1));
    if (page < pages) d.set("next", base + std::to_string(page + 1));
  }

  // How many in each band, and the chart of the first places (a bar for each of 940 people
  // would be read by nobody): both beside the table.
  std::vector<long long> in_band(v->tmpl.bands.size(), 0);
  long long no_band = 0;
  for (const auto& r : v->ranked) {
    if (r.band) ++in_band[*r.band];
    else ++no_band;
  }
  mustache::list bands_list;
  for (std::size_t i = 0; i < v->tmpl.bands.size(); ++i) {
    mustache::data b;
    b.set("name", v->tmpl.bands[i].name);
    b.set("at_least", format_points(v->tmpl.bands[i].at_least));
    b.set("count", std::to_string(in_band[i]));
    bands_list.push_back(b);
  }
  if (no_band > 0) {
    mustache::data b;
    b.set("name", ctx.t("evaluation_page.no_band"));
    b.set("count", std::to_string(no_band));
    bands_list.push_back(b);
  }
  d.set("band_counts", bands_list);
  documents::BarChart chart;
  chart.id = "ranking-chart";
  const bool top_only = total > kRankingChartBars;
  chart.title = top_only ? ctx.catalogue().format(ctx.lang, "evaluation_page.chart_title_top",
                                                  {{"count", std::to_string(kRankingChartBars)}})
                         : ctx.t("evaluation_page.chart_title");
  chart.description = ctx.t("evaluation_page.chart_description");
  chart.x_max = static_cast<double>(v->tmpl.potential()) / kPointScale;
  for (const auto& b : v->tmpl.bands) {
    // The band's threshold alone: names side by side would run into each other.
    chart.lines.push_back({static_cast<double>(b.at_least) / kPointScale, "≥ " + format_points(b.at_least)});
  }
  for (long long i = 0; i < std::min(total, kRankingChartBars); ++i) {
    const auto& r = v->ranked[static_cast<std::size_t>(i)];
    documents::Bar bar;
    bar.label = r.sheet.subject_name;
    bar.value = static_cast<double>(r.total.total) / kPointScale;
    bar.value_label = format_points(r.total.total);
    bar.href = "/evaluations/sheets/" + std::to_string(r.sheet.id);
    chart.bars.push_back(bar);
    chart.x_max = std::max(chart.x_max, bar.value);
  }
  if (total > 0) {
    d.set("has_ranked", true);
    d.set("chart", documents::bar_chart_svg(chart));
    if (top_only) d.set("chart_top_only", true);
  }

  // Who has not submitted: folded, the first names listed, the rest counted.
  mustache::list missing;
  const std::size_t listed = std::min<std::size_t>(v->not_submitted.size(), kRankingPageSize);
  for (std::size_t i = 0; i < listed; ++i) missing.push_back(sheet_row_data(ctx, v->not_submitted[i]));
  if (!v->not_submitted.empty()) d.set("has_missing", true);
  d.set("missing", missing);
  d.set("missing_count", std::to_string(v->not_submitted.size()));
  if (v->not_submitted.size() > listed) {
    d.set("missing_more", ctx.catalogue().format(ctx.lang, "evaluation_page.missing_more",
                                                 {{"count", std::to_string(v->not_submitted.size() - listed)}}));
  }
  std::string bands;
  for (const auto& b : v->tmpl.bands) bands += (bands.empty() ? "" : "; ") + b.name + " ≥ " + format_points(b.at_least);
  d.set("bands", bands);
  const std::string title = ctx.t("evaluation_page.ranking") + " – " + v->tmpl.title;
  if (!deps.page_cache) return deps.views->page(ctx, "pages/evaluation_ranking", title, std::move(d));
  auto body = deps.views->body_for_cache(ctx, "pages/evaluation_ranking", std::move(d));
  deps.page_cache->put(key, version, title + "\x1f" + body);
  return deps.views->page_around(ctx, title, body);
}

Result<http::Response> evaluation_cluster_score(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = id_param(form->value("agency"));
  Result<void> r = agency ? deps.evaluations->score_cluster_member(*ctx.principal, *id, *agency, form->value("points"),
                                                                   form->value("comment"))
                          : Result<void>(fail(ErrorKind::validation, "validation.invalid"));
  if (r) {
    ctx.set_flash("flash.evaluation.scored");
    return http::Response::redirect("/evaluations/templates/" + std::to_string(*id) + "/ranking");
  }
  if (!shows_again(r.error()) && r.error().kind != ErrorKind::forbidden) return fail(r.error());
  Refused refused{"score", &*form, &r.error()};
  return render_cluster(deps, ctx, *id, &refused, http::status_for(r.error()));
}

}  // namespace thidua::web
