// The statistical forms page (an agency's Office, leaders, council; the authority above it)
// and the province page (the authority): the forms previewed as tables, downloaded as XLSX and
// PDF; the province-wide totals; the cluster rankings of the year through the evaluation
// service's own ranking.

#include "web/statistics_pages.hpp"

#include "text/format.hpp"
#include "web/decision_pages.hpp"

namespace thidua::web {

namespace {

services::StatFormCode form_param(http::Context& ctx) {
  if (const auto& q = ctx.query(); q) {
    if (auto f = services::parse_stat_form(q->value("form"))) return *f;
  }
  return services::StatFormCode::f0601;
}

Result<int> year_of(http::Context& ctx) {
  if (const auto& q = ctx.query(); q && !q->value("year").empty()) {
    int y = year_param(q->value("year"));
    if (y < 0) {
      Error e{ErrorKind::validation, "statistics.year_invalid", {}, {}, std::string(q->value("year"))};
      e.with("min", "2000").with("max", "2100");
      return tl::unexpected(std::move(e));
    }
    return y;
  }
  return 0;
}

std::string number(const std::optional<long long>& v) { return v ? text::format_number(*v) : ""; }

/// The form as template data: head rows, lines, notes.
mustache::data form_data(const services::StatisticalForm& f) {
  mustache::data d;
  d.set("form_code", f.form_code);
  d.set("form_title", f.title);
  d.set("circular", f.circular);
  d.set("form_year", std::to_string(f.year));
  d.set("period", display_date(f.period_from) + " – " + display_date(f.period_to));
  d.set("due", f.due);
  d.set("reporting_unit", f.reporting_unit);
  if (!f.receiving_unit.empty()) d.set("receiving_unit", f.receiving_unit);
  mustache::list groups, columns, numbers, rows, footnotes, unverified;
  for (const auto& g : f.groups) {
    mustache::data o;
    o.set("text", g.text);
    o.set("span", std::to_string(g.span));
    groups.push_back(std::move(o));
  }
  for (std::size_t i = 0; i < f.columns.size(); ++i) {
    mustache::data o;
    o.set("text", f.columns[i]);
    columns.push_back(std::move(o));
    mustache::data n;
    n.set("text", std::to_string(i + 1));
    numbers.push_back(std::move(n));
  }
  for (const auto& r : f.rows) {
    mustache::data o;
    o.set("label", r.label);
    o.set("code", r.code);
    o.set("indent", "stat-indent-" + std::to_string(std::min(r.indent, 2)));
    if (r.bold) o.set("bold", true);
    if (r.section) o.set("section", true);
    mustache::list cells;
    for (const auto& v : r.values) {
      mustache::data c;
      c.set("value", number(v));
      if (!v) c.set("unrecorded", true);
      cells.push_back(std::move(c));
    }
    o.set("span", std::to_string(f.columns.size()));
    put(o, "cells", list_data(std::move(cells)));
    rows.push_back(std::move(o));
  }
  for (const auto& n : f.footnotes) {
    mustache::data o;
    o.set("text", n);
    footnotes.push_back(std::move(o));
  }
  for (const auto& n : f.unverified) {
    mustache::data o;
    o.set("text", n);
    unverified.push_back(std::move(o));
  }
  put(d, "groups", list_data(std::move(groups)));
  put(d, "columns", list_data(std::move(columns)));
  put(d, "numbers", list_data(std::move(numbers)));
  put(d, "rows", list_data(std::move(rows)));
  put(d, "footnotes", list_data(std::move(footnotes)));
  put(d, "unverified", list_data(std::move(unverified)));
  return d;
}

mustache::list form_options(http::Context& ctx, services::StatFormCode chosen) {
  mustache::list out;
  for (auto f : services::kStatForms) {
    mustache::data o;
    o.set("value", std::string(to_string(f)));
    o.set("label", ctx.t("statistics.form_" + std::string(to_string(f))));
    if (f == chosen) o.set("selected", true);
    out.push_back(std::move(o));
  }
  return out;
}

mustache::list year_options(int chosen) {
  mustache::list out;
  for (int y = this_year(); y >= this_year() - 6; --y) {
    mustache::data o;
    o.set("value", std::to_string(y));
    o.set("label", std::to_string(y));
    if (y == chosen) o.set("selected", true);
    out.push_back(std::move(o));
  }
  return out;
}

Result<http::Response> form_file(const services::StatisticalForm& f, http::Context& ctx) {
  std::string format = "xlsx";
  if (const auto& q = ctx.query(); q && !q->value("format").empty()) format = std::string(q->value("format"));
  if (format == "xlsx") {
    auto bytes = services::StatisticsService::form_xlsx(f);
    if (!bytes) return fail(bytes.error());
    return xlsx_file(std::move(*bytes), f.file_name("xlsx"));
  }
  if (format == "pdf") {
    auto bytes = services::StatisticsService::form_pdf(f);
    if (!bytes) return fail(bytes.error());
    return decision_download(std::move(*bytes), "application/pdf", f.file_name("pdf"), false);
  }
  return fail(ErrorKind::validation, "statistics.format_unknown");
}

std::string money(long long v) { return text::format_money(v); }

mustache::data totals_row(const services::AgencyTotals& a) {
  mustache::data o;
  o.set("code", a.agency.code);
  o.set("name", a.agency.name);
  o.set("movements", text::format_number(a.movements));
  o.set("movements_agency", text::format_number(a.movements_agency));
  o.set("movements_province", text::format_number(a.movements_province));
  o.set("movements_national", text::format_number(a.movements_national));
  o.set("achievements", text::format_number(a.achievements));
  o.set("cash", money(a.cash_vnd));
  o.set("goods", money(a.goods_vnd));
  o.set("workdays", text::format_number(a.workdays));
  o.set("land", text::format_number(a.land_m2));
  o.set("initiatives", text::format_number(a.initiatives));
  o.set("awards", text::format_number(a.awards));
  return o;
}

}  // namespace

Result<http::Response> statistics_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  const auto code = form_param(ctx);
  auto f = deps.statistics->form(*ctx.principal, *agency, code, *year);
  if (!f) return fail(f.error());
  mustache::data d;
  d.set("form_html", deps.views->render("partials/statistical_form", ctx.lang, form_data(*f)));
  put(d, "forms", list_data(form_options(ctx, code)));
  put(d, "years", list_data(year_options(f->year)));
  d.set("form", std::string(to_string(code)));
  d.set("year", std::to_string(f->year));
  d.set("agency_id", std::to_string(*agency));
  const std::string query = "form=" + std::string(to_string(code)) + "&year=" + std::to_string(f->year) +
                            "&agency=" + std::to_string(*agency);
  d.set("xlsx_href", "/statistics/export?" + query + "&format=xlsx");
  d.set("pdf_href", "/statistics/export?" + query + "&format=pdf");
  bool empty = true;
  for (const auto& r : f->rows) {
    for (const auto& v : r.values) empty = empty && (!v || *v == 0);
  }
  if (empty) d.set("empty", true);
  return deps.views->page(ctx, "pages/statistics", ctx.t("statistics.title"), std::move(d));
}

Result<http::Response> statistics_export(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  auto f = deps.statistics->form(*ctx.principal, *agency, form_param(ctx), *year);
  if (!f) return fail(f.error());
  return form_file(*f, ctx);
}

Result<http::Response> province_page(const WebDeps& deps, http::Context& ctx) {
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  auto t = deps.statistics->province_totals(*ctx.principal, *year);
  if (!t) return fail(t.error());
  mustache::data d;
  const std::string y = std::to_string(t->year);
  d.set("year", y);
  put(d, "years", list_data(year_options(t->year)));
  d.set("authority", t->authority.name);
  mustache::list rows;
  for (const auto& a : t->agencies) rows.push_back(totals_row(a));
  if (rows.empty()) d.set("no_agencies", true);
  put(d, "agencies", list_data(std::move(rows)));
  put(d, "total", totals_row(t->total));
  d.set("agency_count", std::to_string(t->agencies.size()));
  mustache::list forms;
  for (const auto& [form, n] : t->awards_by_form) {
    mustache::data o;
    o.set("name", ctx.t("award_form." + std::string(to_string(form))));
    o.set("count", text::format_number(n));
    forms.push_back(std::move(o));
  }
  if (!forms.empty()) d.set("has_awards", true);
  put(d, "awards_by_form", list_data(std::move(forms)));
  // Cluster rankings: each cluster template of the year, ranked by the evaluation service.
  mustache::list clusters;
  for (const auto& c : t->clusters) {
    mustache::data o;
    o.set("id", std::to_string(c.template_id));
    o.set("title", c.title);
    o.set("agency", c.agency.name);
    mustache::list ranked;
    if (deps.evaluations) {
      if (auto r = deps.evaluations->cluster_ranking(*ctx.principal, c.template_id); r) {
        for (const auto& row : r->rows) {
          mustache::data x;
          x.set("rank", row.rank > 0 ? std::to_string(row.rank) : "—");
          auto name = r->agency_names.find(row.agency_id);
          x.set("name", name != r->agency_names.end() ? name->second : std::to_string(row.agency_id));
          x.set("average", row.scorers > 0 ? text::format_decimal(static_cast<double>(row.average) / kPointScale, 2) : "—");
          ranked.push_back(std::move(x));
        }
      }
    }
    put(o, "ranked", list_data(std::move(ranked)));
    clusters.push_back(std::move(o));
  }
  if (!clusters.empty()) d.set("has_clusters", true);
  put(d, "clusters", list_data(std::move(clusters)));
  mustache::list form_links;
  for (auto f : services::kStatForms) {
    mustache::data o;
    const std::string code(to_string(f));
    o.set("label", ctx.t("statistics.form_" + code));
    o.set("xlsx_href", "/province/forms/export?form=" + code + "&year=" + y + "&format=xlsx");
    o.set("pdf_href", "/province/forms/export?form=" + code + "&year=" + y + "&format=pdf");
    form_links.push_back(std::move(o));
  }
  put(d, "form_links", list_data(std::move(form_links)));
  d.set("totals_href", "/province/totals.xlsx?year=" + y);
  const std::string title = ctx.catalogue().format(ctx.lang, "province.title", {{"name", t->authority.name}});
  d.set("heading", title);
  return deps.views->page(ctx, "pages/province", title, std::move(d));
}

Result<http::Response> province_totals_xlsx(const WebDeps& deps, http::Context& ctx) {
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  auto t = deps.statistics->province_totals(*ctx.principal, *year);
  if (!t) return fail(t.error());
  std::vector<services::StatisticalForm> forms;
  for (auto f : services::kStatForms) {
    auto form = deps.statistics->province_form(*ctx.principal, f, t->year);
    if (!form) return fail(form.error());
    forms.push_back(std::move(*form));
  }
  auto bytes = services::StatisticsService::totals_xlsx(*t, forms);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "tong-hop-toan-tinh-" + std::to_string(t->year) + ".xlsx");
}

Result<http::Response> province_form_export(const WebDeps& deps, http::Context& ctx) {
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  auto f = deps.statistics->province_form(*ctx.principal, form_param(ctx), *year);
  if (!f) return fail(f.error());
  return form_file(*f, ctx);
}

}  // namespace thidua::web
