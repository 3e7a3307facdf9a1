// The statistical forms page (an agency's Office, leaders, council; the authority above it)
// and the province page (the authority): the forms previewed as tables, downloaded as XLSX and
// PDF; the province-wide totals; the cluster rankings of the year through the evaluation
// service's own ranking.

#include "web/statistics_pages.hpp"

#include <chrono>

#include "services/validation.hpp"
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

namespace {

/// Which form the statistics page shows: from the query (GET) or the posted form (record).
struct StatChoice {
  std::int64_t agency = 0;
  services::StatFormCode code = services::StatFormCode::f0601;
  int year = 0;
};

/// The "record as sent" card and the earlier sendings of the form and year.
mustache::data sending_data(const WebDeps& deps, http::Context& ctx, const services::StatisticalForm& f,
                            const StatChoice& c, const Refused* refused) {
  auto s = form_echo(ctx, refused, "send", {"recipient", "recipient_other", "channel", "sent_on", "doc_ref", "note",
                                            "format", "file"});
  s.set("form", std::string(to_string(c.code)));
  s.set("year", std::to_string(c.year));
  s.set("agency_id", std::to_string(c.agency));
  const bool mine = refused && refused->values;
  mustache::list recipients;
  if (f.receiving_agency_id) {
    mustache::data o;
    o.set("value", "@" + std::to_string(*f.receiving_agency_id));
    o.set("label", f.receiving_unit);
    recipients.push_back(std::move(o));
  }
  if (!recipients.empty()) s.set("has_recipients", true);
  put(s, "recipients", list_data(std::move(recipients)));
  const std::string channel = mine ? refused->values->value("channel") : "system";
  mustache::list channels;
  for (auto ch : {SendChannel::system, SendChannel::egov, SendChannel::post, SendChannel::email, SendChannel::hand}) {
    mustache::data o;
    o.set("value", std::string(to_string(ch)));
    o.set("label", ctx.t("send_channel." + std::string(to_string(ch))));
    if (channel == to_string(ch)) o.set("selected", true);
    channels.push_back(std::move(o));
  }
  put(s, "channels", list_data(std::move(channels)));
  const std::string format = mine ? refused->values->value("format") : "pdf";
  if (format == "xlsx") s.set("xlsx_selected", true);
  if (!mine) s.set("sent_on", display_date(services::today_iso(std::chrono::system_clock::now())));
  if (refused) s.set("open", true);
  mustache::list sent;
  services::SendingFilter filter;
  filter.kind = services::report_kind_of(c.code);
  filter.year = c.year;
  if (auto rows = deps.report_sendings->list(*ctx.principal, c.agency, filter)) {
    for (const auto& r : *rows) {
      mustache::data x;
      x.set("id", std::to_string(r.id));
      x.set("recipient", r.recipient);
      x.set("channel", ctx.t("send_channel." + std::string(to_string(r.channel))));
      x.set("sent_on", display_date(r.sent_on));
      x.set("doc_ref", r.doc_ref);
      x.set("file_name", r.file_name);
      x.set("recorded_by", r.created_by_name);
      sent.push_back(std::move(x));
    }
  }
  if (!sent.empty()) s.set("has_sent", true);
  put(s, "sent", list_data(std::move(sent)));
  return s;
}

Result<http::Response> render_statistics(const WebDeps& deps, http::Context& ctx, const StatChoice& c,
                                         const Refused* refused, unsigned status) {
  auto f = deps.statistics->form(*ctx.principal, c.agency, c.code, c.year);
  if (!f) return fail(f.error());
  StatChoice chosen = c;
  chosen.year = f->year;
  mustache::data d;
  d.set("form_html", deps.views->render("partials/statistical_form", ctx.lang, form_data(*f)));
  put(d, "forms", list_data(form_options(ctx, c.code)));
  put(d, "years", list_data(year_options(f->year)));
  d.set("agency_id", std::to_string(c.agency));
  // An authority (or the installation administrator) chooses among the agencies it reads.
  if (auto all = deps.org->list_agencies(*ctx.principal); all && all->size() > 1) {
    mustache::list agencies;
    for (const auto& a : *all) {
      mustache::data o;
      o.set("value", std::to_string(a.agency.id));
      o.set("label", a.agency.name);
      if (a.agency.id == c.agency) o.set("selected", true);
      agencies.push_back(std::move(o));
    }
    put(d, "agencies", list_data(std::move(agencies)));
    d.set("choose_agency", true);
  }
  const std::string query = "form=" + std::string(to_string(c.code)) + "&year=" + std::to_string(f->year) +
                            "&agency=" + std::to_string(c.agency);
  d.set("xlsx_href", "/statistics/export?" + query + "&format=xlsx");
  d.set("pdf_href", "/statistics/export?" + query + "&format=pdf");
  bool empty = true;
  for (const auto& r : f->rows) {
    for (const auto& v : r.values) empty = empty && (!v || *v == 0);
  }
  if (empty) d.set("empty", true);
  // Recording a sending is the Office's (the service checks); the history is for every reader.
  if (deps.report_sendings) {
    auto s = sending_data(deps, ctx, *f, chosen, refused);
    const auto& p = *ctx.principal;
    if (p.has_role_in(Role::office, c.agency) || p.has_role_in(Role::admin, c.agency)) s.set("may_record", true);
    put(d, "send", std::move(s));
  }
  return deps.views->page(ctx, "pages/statistics", ctx.t("statistics.title"), std::move(d), status);
}

}  // namespace

Result<http::Response> statistics_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto year = year_of(ctx);
  if (!year) return fail(year.error());
  return render_statistics(deps, ctx, {*agency, form_param(ctx), *year}, nullptr, 200);
}

Result<http::Response> statistics_record(const WebDeps& deps, http::Context& ctx) {
  if (!deps.report_sendings) return fail(ErrorKind::not_found, "statistics.record_unavailable");
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto agency = id_param(form->value("agency"));
  if (!agency) return fail(agency.error());
  auto code = services::parse_stat_form(form->value("form"));
  if (!code) return fail(ErrorKind::not_found, "statistics.form_unknown");
  const int year = year_param(form->value("year"));
  auto f = deps.statistics->form(*ctx.principal, *agency, *code, year < 0 ? -1 : year);
  if (!f) return fail(f.error());
  const StatChoice choice{*agency, *code, f->year};
  const bool xlsx = form->value("format") == "xlsx";
  auto bytes = xlsx ? services::StatisticsService::form_xlsx(*f) : services::StatisticsService::form_pdf(*f);
  if (!bytes) return fail(bytes.error());
  services::SendingDraft draft;
  draft.agency_id = *agency;
  draft.kind = services::report_kind_of(*code);
  draft.year = f->year;
  draft.period_from = f->period_from;
  draft.period_to = f->period_to;
  draft.title = "Biểu số " + f->form_code + " — " + f->name + " năm " + std::to_string(f->year);
  const std::string other = form->value("recipient_other");
  const std::string pick = form->value("recipient");
  if (!other.empty()) {
    draft.recipient = other;
  } else if (f->receiving_agency_id && pick == "@" + std::to_string(*f->receiving_agency_id)) {
    draft.recipient = f->receiving_unit;
    draft.recipient_agency_id = f->receiving_agency_id;
  }
  draft.channel = parse_send_channel(form->value("channel")).value_or(SendChannel::post);
  draft.sent_on = form->value("sent_on");
  draft.doc_ref = form->value("doc_ref");
  draft.note = form->value("note");
  draft.file_name = f->file_name(xlsx ? "xlsx" : "pdf");
  draft.content_type = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf";
  draft.file_bytes = std::move(*bytes);
  auto sent = deps.report_sendings->record(*ctx.principal, draft);
  if (!sent) {
    if (!shows_again(sent.error())) return fail(sent.error());
    Refused refused{"send", &*form, &sent.error()};
    return render_statistics(deps, ctx, choice, &refused, http::status_for(sent.error()));
  }
  ctx.set_flash("statistics.recorded");
  return http::Response::redirect("/statistics?form=" + std::string(to_string(*code)) + "&year=" +
                                  std::to_string(f->year) + "&agency=" + std::to_string(*agency) + "#stat-sent");
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
  // What the agencies sent the authority for the year, each with the exact file sent.
  if (deps.report_sendings) {
    d.set("sending_on", true);
    services::SendingFilter filter;
    filter.year = t->year;
    auto received = deps.report_sendings->received(*ctx.principal, filter);
    if (!received) return fail(received.error());
    mustache::list sent_rows;
    for (const auto& r : *received) {
      mustache::data x;
      x.set("id", std::to_string(r.id));
      x.set("sender", r.agency_name);
      x.set("title", r.title);
      x.set("sent_on", display_date(r.sent_on));
      x.set("channel", ctx.t("send_channel." + std::string(to_string(r.channel))));
      x.set("doc_ref", r.doc_ref);
      x.set("file_name", r.file_name);
      sent_rows.push_back(std::move(x));
    }
    if (!sent_rows.empty()) d.set("has_received", true);
    put(d, "received", list_data(std::move(sent_rows)));
  }
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
