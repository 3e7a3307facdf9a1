// The ranking of a template (and unit): ranked sheets with their bands, who has not submitted,
// a bar chart of the totals with the bands' thresholds beside its table, download links. For a
// cluster's template: the cross-scores' ranking and the form where an agency scores another.

#include "documents/svg_chart.hpp"
#include "web/evaluation_pages.hpp"

namespace thidua::web {

namespace {

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
  auto t = deps.evaluations->get_template(*ctx.principal, *id);
  if (!t) return fail(t.error());
  if (t->subject == EvalSubject::cluster_agency) return render_cluster(deps, ctx, *id, nullptr, 200);
  std::optional<std::int64_t> unit;
  if (auto u = id_param(q->value("unit"))) unit = *u;
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
  documents::BarChart chart;
  chart.id = "ranking-chart";
  chart.title = ctx.t("evaluation_page.chart_title");
  chart.description = ctx.t("evaluation_page.chart_description");
  chart.x_max = static_cast<double>(v->tmpl.potential()) / kPointScale;
  for (const auto& b : v->tmpl.bands) {
    // The band's threshold alone: names side by side would run into each other.
    chart.lines.push_back({static_cast<double>(b.at_least) / kPointScale, "≥ " + format_points(b.at_least)});
  }
  mustache::list rows;
  for (const auto& r : v->ranked) {
    mustache::data x = sheet_row_data(ctx, r.sheet);
    x.set("rank", std::to_string(r.rank));
    x.set("total", format_points(r.total.total));
    if (r.band) x.set("band", v->tmpl.bands[*r.band].name);
    rows.push_back(x);
    documents::Bar bar;
    bar.label = r.sheet.subject_name;
    bar.value = static_cast<double>(r.total.total) / kPointScale;
    bar.value_label = format_points(r.total.total);
    bar.href = "/evaluations/sheets/" + std::to_string(r.sheet.id);
    chart.bars.push_back(bar);
    chart.x_max = std::max(chart.x_max, bar.value);
  }
  if (!v->ranked.empty()) {
    d.set("has_ranked", true);
    d.set("chart", documents::bar_chart_svg(chart));
  }
  d.set("rows", rows);
  mustache::list missing;
  for (const auto& s : v->not_submitted) missing.push_back(sheet_row_data(ctx, s));
  if (!v->not_submitted.empty()) d.set("has_missing", true);
  d.set("missing", missing);
  d.set("missing_count", std::to_string(v->not_submitted.size()));
  std::string bands;
  for (const auto& b : v->tmpl.bands) bands += (bands.empty() ? "" : "; ") + b.name + " ≥ " + format_points(b.at_least);
  d.set("bands", bands);
  return deps.views->page(ctx, "pages/evaluation_ranking", ctx.t("evaluation_page.ranking") + " – " + v->tmpl.title,
                          std::move(d));
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
