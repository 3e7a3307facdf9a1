// Statistical forms and province totals under /api/v1 (see statistics_api.hpp). A cell the
// register does not record is null, never a number.

#include "api/statistics_api.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::object agency_json(const Agency& a) { return json::object{{"id", a.id}, {"code", a.code}, {"name", a.name}}; }

json::object form_json(const services::StatisticalForm& f) {
  json::array groups, columns, rows, agencies;
  for (const auto& g : f.groups) groups.push_back(json::object{{"text", g.text}, {"span", g.span}});
  for (const auto& c : f.columns) columns.push_back(json::value(c));
  for (const auto& r : f.rows) {
    json::array values;
    for (const auto& v : r.values) values.push_back(v ? json::value(*v) : json::value(nullptr));
    rows.push_back(json::object{{"label", r.label},
                                {"code", r.code},
                                {"section", r.section},
                                {"level", r.indent},
                                {"values", values}});
  }
  for (const auto& a : f.agencies) agencies.push_back(agency_json(a));
  json::array footnotes(f.footnotes.begin(), f.footnotes.end());
  json::array unverified(f.unverified.begin(), f.unverified.end());
  return json::object{{"form", std::string(to_string(f.form))},
                      {"form_code", f.form_code},
                      {"title", f.title},
                      {"year", f.year},
                      {"period_from", f.period_from},
                      {"period_to", f.period_to},
                      {"due", f.due},
                      {"reporting_unit", f.reporting_unit},
                      {"receiving_unit", f.receiving_unit},
                      {"groups", groups},
                      {"columns", columns},
                      {"rows", rows},
                      {"footnotes", footnotes},
                      {"unverified", unverified},
                      {"agencies", agencies}};
}

json::object totals_json(const services::AgencyTotals& a) {
  return json::object{{"agency", agency_json(a.agency)},
                      {"movements", a.movements},
                      {"movements_by_level",
                       json::object{{"agency", a.movements_agency},
                                    {"province", a.movements_province},
                                    {"national", a.movements_national}}},
                      {"verified_achievements", a.achievements},
                      {"cash_vnd", a.cash_vnd},
                      {"goods_vnd", a.goods_vnd},
                      {"workdays", a.workdays},
                      {"land_m2", a.land_m2},
                      {"initiatives", a.initiatives},
                      {"awards", a.awards}};
}

Result<int> year_query(http::Context& ctx) {
  auto y = query_int(ctx, "year");
  if (!y) return tl::unexpected(y.error());
  return static_cast<int>(y->value_or(0));
}

}  // namespace

Result<http::Response> get_statistics_form(const ApiDeps& deps, http::Context& ctx) {
  auto form = services::parse_stat_form(ctx.params["form"]);
  if (!form) return fail(ErrorKind::not_found, "statistics.form_unknown");
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto year = year_query(ctx);
  if (!year) return fail(year.error());
  auto f = deps.statistics->form(*ctx.principal, *agency, *form, *year);
  if (!f) return fail(f.error());
  return http::Response::json(json::serialize(form_json(*f)));
}

Result<http::Response> get_province_totals(const ApiDeps& deps, http::Context& ctx) {
  auto year = year_query(ctx);
  if (!year) return fail(year.error());
  auto t = deps.statistics->province_totals(*ctx.principal, *year);
  if (!t) return fail(t.error());
  json::array agencies, forms, clusters;
  for (const auto& a : t->agencies) agencies.push_back(totals_json(a));
  for (const auto& [form, n] : t->awards_by_form) {
    forms.push_back(json::object{{"form", std::string(to_string(form))}, {"count", n}});
  }
  for (const auto& c : t->clusters) {
    clusters.push_back(json::object{{"template_id", c.template_id}, {"title", c.title}, {"agency", agency_json(c.agency)}});
  }
  return http::Response::json(json::serialize(json::object{{"authority", agency_json(t->authority)},
                                                           {"year", t->year},
                                                           {"agencies", agencies},
                                                           {"total", totals_json(t->total)},
                                                           {"awards_by_form", forms},
                                                           {"cluster_templates", clusters}}));
}

}  // namespace thidua::api
