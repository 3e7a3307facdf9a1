// The overview of the agency's communes and a commune's page.

#include "web/commune_pages.hpp"

#include <algorithm>

#include "documents/svg_chart.hpp"
#include "services/scope.hpp"
#include "text/format.hpp"
#include "web/commune_views.hpp"
#include "web/evidence_view.hpp"
#include "web/page_cache.hpp"

namespace thidua::web {

namespace cv = commune_view;

namespace {

std::string money(long long v) { return v ? text::format_money(v) : ""; }
std::string count(long long v) { return v ? text::format_number(v) : ""; }

/// "m/yyyy" of an ISO date, for chart axes.
std::string month_year(const std::string& iso) {
  if (iso.size() < 7) return iso;
  return iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

services::OverviewFilter overview_filter(http::Context& ctx) {
  services::OverviewFilter f;
  if (const auto& q = ctx.query(); q) {
    f.q = q->value("q");
    f.district = q->value("district");
    f.level = q->value("level");
    f.year = q->value("year");
    f.band = q->value("band");
    if (q->has("sort")) f.sort = q->value("sort");
    f.desc = q->value("dir") == "desc";
    f.ended = q->value("ended") == "1";
  }
  return f;
}

/// The link a column header sorts by: the same filters, this column, the other direction
/// when it is already sorted by it.
std::string sort_link(http::Context& ctx, const std::string& key, const services::OverviewFilter& f) {
  std::string link = cv::with_param(ctx, "/communes", "sort", key);
  bool desc = f.sort == key && !f.desc;
  std::string dir = desc ? "desc" : "asc";
  auto at = link.find("dir=");
  if (at != std::string::npos) {
    auto end = link.find('&', at);
    link.replace(at, (end == std::string::npos ? link.size() : end) - at, "dir=" + dir);
  } else {
    link += "&dir=" + dir;
  }
  return link;
}

std::string percent(int part, int whole) {
  if (whole <= 0) return "—";
  return std::to_string(part * 100 / whole) + "%";
}

mustache::data overview_data(const WebDeps& deps, http::Context& ctx, const services::Overview& o,
                             const services::OverviewFilter& f) {
  mustache::data d;
  d.set("agency_name", o.agency_name);
  d.set("agency", std::to_string(o.agency_id));
  if (o.can_assign) d.set("can_assign", true);
  if (services::is_installation_admin(*ctx.principal)) d.set("can_edit_criteria", true);
  // The programme's yardsticks.
  d.set("communes", std::to_string(o.communes));
  d.set("assessed", std::to_string(o.assessed));
  d.set("reaching_min", std::to_string(o.reaching_min) + "/" + std::to_string(o.communes));
  d.set("reaching_min_pct", percent(o.reaching_min, o.communes));
  d.set("recognised_ntm", std::to_string(o.recognised_ntm) + "/" + std::to_string(o.communes));
  d.set("recognised_ntm_pct", percent(o.recognised_ntm, o.communes));
  d.set("recognised_advanced", std::to_string(o.recognised_advanced) + "/" + std::to_string(o.communes));
  d.set("recognised_advanced_pct", percent(o.recognised_advanced, o.communes));
  d.set("recognised_model", std::to_string(o.recognised_model) + "/" + std::to_string(o.communes));
  d.set("recognised_model_pct", percent(o.recognised_model, o.communes));
  // Filters as given.
  d.set("q", f.q);
  cv::text(d, "year", f.year);
  if (f.ended) d.set("ended", true);
  mustache::list districts;
  for (const auto& name : o.districts) {
    mustache::data x;
    x.set("name", name);
    if (name == f.district) x.set("selected", true);
    districts.push_back(x);
  }
  put(d, "districts", list_data(std::move(districts)));
  put(d, "levels", cv::level_options(ctx, f.level));
  for (const char* b : {"below", "reached"}) {
    if (f.band == b) d.set(std::string("band_") + b, true);
  }
  for (const char* key : {"name", "district", "level", "year", "met", "assessed", "support"}) {
    std::string k = key;
    d.set("sort_" + k, sort_link(ctx, k, f));
    if (f.sort == k) d.set("sorted_" + k, f.desc ? "descending" : "ascending");
  }
  d.set("export_href", "/communes/export.xlsx" + (ctx.req.query.empty() ? std::string() : "?" + ctx.req.query));

  mustache::list rows;
  // One bar chart per criteria set the communes were assessed on (19 criteria to 2025, 10 from
  // 2026): bars of different sets are not comparable. The programme's yardstick (15 of 19)
  // is drawn on the 2021–2025 sets only.
  std::vector<documents::BarChart> charts;
  for (const auto& set : o.sets) {
    documents::BarChart c;
    c.id = "communes-chart-" + std::to_string(set.id);
    c.title = ctx.t("commune.chart_title") + " — " + set.name;
    c.description = ctx.t(set.criteria >= 19 ? "commune.chart_desc" : "commune.chart_desc_plain");
    c.x_max = set.criteria;
    c.width = 520;
    if (set.criteria >= 19) c.lines.push_back({static_cast<double>(kMinCriteriaYardstick), ctx.t("commune.yardstick_short")});
    charts.push_back(std::move(c));
  }
  for (const auto& r : o.rows) {
    mustache::data x;
    x.set("id", std::to_string(r.commune.id));
    x.set("code", r.commune.code);
    x.set("name", cv::title(ctx, r.commune.kind, r.commune.name, true));
    cv::text(x, "district", r.commune.district);
    x.set("level", cv::level_label(ctx, r.assignment.target_level));
    cv::text(x, "year", r.assignment.target_year ? std::to_string(*r.assignment.target_year) : "");
    if (!r.current) x.set("ended", display_end_date(r.assignment.valid_to));
    if (!r.merged_into.empty()) x.set("merged_into", r.merged_into);
    if (r.latest) {
      x.set("met", cv::met_text(r.latest->criteria_met, r.latest->criteria_total));
      x.set("assessed_on", display_date(r.latest->assessed_on));
      if (r.latest->criteria_total >= 19 && r.latest->criteria_met < kMinCriteriaYardstick) x.set("below", true);
    }
    for (std::size_t i = 0; i < o.sets.size(); ++i) {
      for (const auto& a : r.by_set) {
        if (a.set_id != o.sets[i].id) continue;
        documents::Bar bar;
        bar.label = r.commune.name;
        bar.href = "/communes/" + std::to_string(r.commune.id);
        bar.value = a.criteria_met;
        bar.value_label = cv::met_text(a.criteria_met, a.criteria_total);
        bar.muted = !r.current;
        charts[i].bars.push_back(std::move(bar));
      }
    }
    // Mustache shows a section for any string, even empty: set only what there is.
    if (r.support.cash_vnd) x.set("cash", money(r.support.cash_vnd));
    if (r.support.goods_vnd) x.set("goods", money(r.support.goods_vnd));
    if (r.support.workdays) x.set("workdays", count(r.support.workdays));
    if (r.recognition) {
      x.set("recognised", ctx.t("commune.event." + std::string(to_string(r.recognition->event))) + " " +
                              cv::level_label(ctx, r.recognition->level) + " " + std::to_string(r.recognition->year));
    }
    rows.push_back(x);
  }
  mustache::list chart_list;
  for (std::size_t i = 0; i < charts.size(); ++i) {
    const auto& c = charts[i];
    if (c.bars.empty()) continue;
    mustache::data x;
    x.set("svg", documents::bar_chart_svg(c));
    x.set("id", c.id);
    x.set("title", c.title);
    x.set("heading", o.sets[i].name);
    mustache::list figures;
    for (const auto& b : c.bars) {
      mustache::data fig;
      fig.set("name", b.label);
      fig.set("value", b.value_label);
      figures.push_back(fig);
    }
    put(x, "figures", list_data(std::move(figures)));
    chart_list.push_back(x);
  }
  if (!rows.empty()) d.set("has_rows", true);
  if (!chart_list.empty()) d.set("has_charts", true);
  put(d, "charts", list_data(std::move(chart_list)));
  put(d, "rows", list_data(std::move(rows)));
  (void)deps;
  return d;
}

/// A commune's page data (`title` set to its name).
Result<mustache::data> commune_data(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                    std::string& title) {
  auto detail = deps.communes->get(*ctx.principal, id);
  if (!detail) return fail(detail.error());
  const auto& c = detail->commune;
  title = cv::title(ctx, c.kind, c.name, true);
  mustache::data d;
  d.set("id", std::to_string(c.id));
  d.set("title", title);
  d.set("code", c.code);
  cv::text(d, "district", c.district);
  d.set("province", c.province);
  d.set("status_label", ctx.t("commune.status." + std::string(to_string(c.status))));
  d.set("status_color", c.status == CommuneStatus::active ? "success" : "secondary");
  if (detail->can_assess) d.set("can_assess", true);
  if (detail->can_assign) d.set("can_assign", true);
  if (detail->can_recognise) d.set("can_recognise", true);
  if (detail->can_edit_catalogue) d.set("can_edit_catalogue", true);
  if (!detail->group.empty()) cv::text(d, "group", detail->group);

  // History: former names, merged into / formed from.
  mustache::list former;
  for (std::size_t i = 0; i + 1 < detail->versions.size(); ++i) {
    const auto& v = detail->versions[i];
    mustache::data x;
    x.set("name", cv::title(ctx, v.kind, v.name, true));
    cv::text(x, "until", display_end_date(v.valid_to));
    if (v.valid_from != kUnknownSince) cv::text(x, "from", display_date(v.valid_from));
    former.push_back(x);
  }
  mustache::list merged_into, merged_from, renamed;
  for (const auto& l : detail->lineage) {
    mustache::data x;
    x.set("date", display_date(l.effective_date));
    cv::text(x, "decision_ref", l.decision_ref);
    cv::text(x, "note", l.note);
    if (l.event == LineageEvent::merged && l.from_id == c.id && l.to_id) {
      x.set("name", cv::title(ctx, l.to_kind, l.to_name, false));
      x.set("href", "/communes/" + std::to_string(*l.to_id));
      merged_into.push_back(x);
    } else if (l.event == LineageEvent::merged && l.to_id && *l.to_id == c.id) {
      x.set("name", cv::title(ctx, l.from_kind, l.from_name, false));
      x.set("href", "/communes/" + std::to_string(l.from_id));
      merged_from.push_back(x);
    } else if (l.event == LineageEvent::dissolved) {
      cv::text(d, "dissolved_on", display_date(l.effective_date));
    }
  }
  if (!former.empty()) d.set("has_former", true);
  put(d, "former", list_data(std::move(former)));
  if (!merged_into.empty()) d.set("has_merged_into", true);
  put(d, "merged_into", list_data(std::move(merged_into)));
  if (!merged_from.empty()) d.set("has_merged_from", true);
  put(d, "merged_from", list_data(std::move(merged_from)));

  // Criteria met now, the trend and its table.
  if (detail->latest) {
    const auto& a = *detail->latest;
    d.set("has_latest", true);
    d.set("latest_met", std::to_string(a.criteria_met));
    d.set("latest_total", std::to_string(a.criteria_total));
    d.set("latest_date", display_date(a.assessed_on));
    d.set("latest_set", a.set_name);
    d.set("latest_id", std::to_string(a.id));
    if (a.criteria_total >= 19 && a.criteria_met < kMinCriteriaYardstick) d.set("latest_below", true);
    // Its evidence, as thumbnails (no withdraw buttons here: the page may be cached).
    if (!detail->latest_evidence.empty()) d.set("latest_evidence", render_evidence_list(*deps.views, ctx, detail->latest_evidence));
    mustache::list gaps, grid;
    for (const auto& i : a.items) {
      mustache::data x;
      x.set("number", std::to_string(i.number));
      x.set("name", i.criterion_name);
      cv::text(x, "value", i.value);
      cv::text(x, "note", i.note);
      if (i.met) x.set("met", true);
      if (!i.met) gaps.push_back(x);
      grid.push_back(x);
    }
    if (!gaps.empty()) d.set("has_gaps", true);
    put(d, "gaps", list_data(std::move(gaps)));
    put(d, "grid", list_data(std::move(grid)));
  }
  documents::TrendChart chart;
  chart.id = "commune-trend";
  chart.title = ctx.t("commune.trend_title") + " — " + title;
  chart.description = ctx.t("commune.trend_desc");
  mustache::list history;
  bool nineteen = false;
  std::optional<std::int64_t> last_set;
  for (const auto& a : detail->assessments) {
    mustache::data x;
    x.set("id", std::to_string(a.id));
    x.set("commune_id", std::to_string(c.id));
    x.set("date", display_date(a.assessed_on));
    x.set("kind", ctx.t("commune.assess_kind." + std::string(to_string(a.kind))));
    x.set("met", cv::met_text(a.criteria_met, a.criteria_total));
    x.set("agency", a.agency_name);
    cv::text(x, "by", a.assessed_by);
    if (a.withdrawn) {
      x.set("withdrawn", true);
      cv::text(x, "withdrawn_reason", a.withdrawn_reason);
      x.set("withdrawn_by", a.withdrawn_by);
    } else {
      documents::TrendPoint p;
      if (last_set && *last_set != a.set_id) {
        p.new_series = true;
        p.series_label = ctx.t("commune.new_set");
      }
      last_set = a.set_id;
      p.label = month_year(a.assessed_on);
      p.value = a.criteria_met;
      p.value_label = cv::met_text(a.criteria_met, a.criteria_total);
      p.title = display_date(a.assessed_on) + ": " + p.value_label;
      chart.points.push_back(std::move(p));
      chart.y_max = std::max<double>(chart.y_max, a.criteria_total);
      nineteen = nineteen || a.criteria_total >= 19;
    }
    history.push_back(x);
  }
  if (nineteen) {
    // The yardstick applies to the 2021–2025 sets (19 criteria): drawn over their points only.
    int first = -1, last = -1, i = 0;
    for (const auto& a : detail->assessments) {
      if (a.withdrawn) continue;
      if (a.criteria_total >= 19) {
        if (first < 0) first = i;
        last = i;
      }
      ++i;
    }
    chart.lines.push_back({static_cast<double>(kMinCriteriaYardstick), ctx.t("commune.yardstick"), first, last});
  }
  if (!chart.points.empty()) d.set("trend", documents::trend_chart_svg(chart));
  if (!history.empty()) d.set("has_history", true);
  put(d, "history", list_data(std::move(history)));

  // Assignments.
  mustache::list assignments;
  for (const auto& a : detail->assignments) {
    mustache::data x;
    std::string aid = std::to_string(a.id);
    x.set("id", aid);
    x.set("commune_id", std::to_string(c.id));
    x.set("version", std::to_string(a.version));
    x.set("agency", a.agency_name);
    cv::text(x, "decision_ref", a.decision_ref);
    cv::text(x, "decision_date", display_date(a.decision_date));
    x.set("level", cv::level_label(ctx, a.target_level));
    cv::text(x, "year", a.target_year ? std::to_string(*a.target_year) : "");
    cv::text(x, "from", display_date(a.valid_from));
    if (!a.valid_to.empty()) cv::text(x, "until", display_end_date(a.valid_to));
    cv::text(x, "note", a.note);
    std::string contacts, role;
    for (const auto& p : a.contacts) {
      contacts += (contacts.empty() ? "" : ", ") + p.person_name;
      if (role.empty()) role = p.role;
    }
    cv::text(x, "contacts", contacts);
    cv::text(x, "role", role);
    if (detail->can_assign && a.valid_to.empty()) {
      x.set("editable", true);
      const bool mine = refused && refused->form == "assignment-" + aid && refused->values;
      auto shown = [&](const char* field, const std::string& current) {
        return mine ? refused->values->value(field) : current;
      };
      x.set("f_decision_ref", shown("decision_ref", a.decision_ref));
      x.set("f_decision_date", shown("decision_date", display_date(a.decision_date)));
      x.set("f_from", shown("valid_from", display_date(a.valid_from)));
      x.set("f_year", shown("target_year", a.target_year ? std::to_string(*a.target_year) : ""));
      x.set("f_note", shown("note", a.note));
      x.set("f_role", shown("contact_role", role));
      std::string level = shown("target_level", std::string(to_string(a.target_level)));
      put(x, "levels", cv::level_options(ctx, level));
      if (refused && refused->error && (mine || refused->form == "end-" + aid)) {
        x.set(mine ? "open" : "end_open", true);
        x.set(mine ? "error" : "end_error", ctx.message(*refused->error));
        for (const auto& fe : refused->error->fields) x.set("e_" + fe.field, ctx.field_message(*refused->error, fe));
        if (!mine && refused->values) {
          x.set("f_end_date", refused->values->value("end_date"));
          x.set("f_end_note", refused->values->value("note"));
        }
      }
      std::vector<std::string> chosen;
      if (mine) {
        for (auto v : refused->values->all("contact_ids")) chosen.emplace_back(v);
      } else {
        for (const auto& k : a.contacts) chosen.push_back(std::to_string(k.person_id));
      }
      x.set("contacts_html", deps.views->render("partials/contact_picker", ctx.lang,
                                                cv::contact_picker(detail->people, chosen, "a" + aid)));
    }
    assignments.push_back(x);
  }
  put(d, "assignments", list_data(std::move(assignments)));
  if (detail->can_assign) {
    d.set("can_pick_people", true);
    d.set("agency_people", cv::people_datalist(detail->people));
  }

  // The support ledger.
  const auto& s = detail->support;
  d.set("support_records", text::format_number(s.records));
  d.set("support_cash", text::format_money(s.cash_vnd));
  d.set("support_goods", text::format_money(s.goods_vnd));
  d.set("support_workdays", text::format_number(s.workdays));
  d.set("support_land", text::format_number(s.land_m2));
  mustache::list ledger;
  for (const auto& e : detail->ledger) {
    mustache::data x;
    x.set("date", display_date(e.occurred_on));
    x.set("who", e.person_name.empty() ? e.unit_name : e.person_name + " (" + e.unit_name + ")");
    x.set("kind", ctx.t("commune.support_kind." + e.kind));
    x.set("title", e.title);
    x.set("cash", e.cash_vnd ? money(*e.cash_vnd) : "");
    x.set("goods", e.goods_vnd ? money(*e.goods_vnd) : "");
    x.set("workdays", e.workdays ? count(*e.workdays) : "");
    x.set("land", e.land_m2 ? count(*e.land_m2) : "");
    ledger.push_back(x);
  }
  if (!ledger.empty()) d.set("has_ledger", true);
  if (s.records > static_cast<long long>(detail->ledger.size())) {
    d.set("ledger_more", ctx.catalogue().format(ctx.lang, "commune.ledger_more",
                                                {{"shown", std::to_string(detail->ledger.size())},
                                                 {"total", text::format_number(s.records)}}));
  }
  put(d, "ledger", list_data(std::move(ledger)));

  // Recognition events.
  mustache::list recognitions;
  for (const auto& r : detail->recognitions) {
    mustache::data x;
    x.set("id", std::to_string(r.id));
    x.set("commune_id", std::to_string(c.id));
    x.set("event", ctx.t("commune.event." + std::string(to_string(r.event))));
    x.set("level", cv::level_label(ctx, r.level));
    cv::text(x, "year", std::to_string(r.year));
    cv::text(x, "decision_ref", r.decision_ref);
    cv::text(x, "decision_date", display_date(r.decision_date));
    x.set("issuer", r.issuer);
    cv::text(x, "note", r.note);
    if (r.event == RecognitionEvent::revoked) x.set("revoked", true);
    if (r.withdrawn) {
      x.set("withdrawn", true);
      cv::text(x, "withdrawn_reason", r.withdrawn_reason);
    } else if (detail->can_recognise) {
      x.set("can_withdraw", true);
      if (refused && refused->error && refused->form == "recognition-withdraw-" + std::to_string(r.id)) {
        x.set("withdraw_open", true);
        x.set("withdraw_error", ctx.message(*refused->error));
      }
    }
    recognitions.push_back(x);
  }
  if (!recognitions.empty()) d.set("has_recognitions", true);
  put(d, "recognitions", list_data(std::move(recognitions)));
  const bool recognition_refused = refused && refused->form == "recognition" && refused->values;
  put(d, "levels", cv::level_options(ctx, recognition_refused ? refused->values->value("level") : std::string()));
  auto form = form_echo(ctx, refused, "recognition",
                        {"level", "event", "year", "decision_ref", "decision_date", "issuer", "note"});
  if (refused && refused->form == "recognition") d.set("recognition_open", true);
  put(d, "recognition_form", std::move(form));
  return d;
}

}  // namespace

Result<http::Response> communes_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto f = overview_filter(ctx);
  auto o = deps.communes->overview(*ctx.principal, *agency, f);
  if (!o) return fail(o.error());
  auto d = overview_data(deps, ctx, *o, f);
  return deps.views->page(ctx, "pages/communes", ctx.t("commune.list_title"), std::move(d));
}

Result<http::Response> communes_export(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  auto bytes = deps.communes->export_overview(*ctx.principal, *agency, overview_filter(ctx));
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "xa-phu-trach.xlsx");
}

Result<http::Response> commune_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  if (!deps.page_cache) return render_commune(deps, ctx, *id, nullptr, 200);
  // The page depends on the commune's data (any write moves the audit head), the language, the
  // agencies the reader sees and their rights, and the day (an assignment starts or ends).
  auto stamp = deps.communes->stamp(*ctx.principal, *id);
  if (!stamp) return fail(stamp.error());
  std::string today = to_iso(std::chrono::system_clock::now()).substr(0, 10);
  std::string key = "commune\x1f" + std::to_string(*id) + "\x1f" + today + "\x1f" +
                    std::string(text::to_string(ctx.lang)) + "\x1f" + stamp->scope;
  if (auto cached = deps.page_cache->get(key, stamp->data_version)) {
    auto cut = cached->find('\x1f');
    return deps.views->page_around(ctx, cached->substr(0, cut), cached->substr(cut + 1));
  }
  std::string title;
  auto d = commune_data(deps, ctx, *id, nullptr, title);
  if (!d) return fail(d.error());
  auto body = deps.views->body_for_cache(ctx, "pages/commune", std::move(*d));
  deps.page_cache->put(key, stamp->data_version, title + "\x1f" + body);
  return deps.views->page_around(ctx, title, body);
}

Result<http::Response> render_commune(const WebDeps& deps, http::Context& ctx, std::int64_t id,
                                      const Refused* refused, unsigned status) {
  std::string title;
  auto d = commune_data(deps, ctx, id, refused, title);
  if (!d) return fail(d.error());
  return deps.views->page(ctx, "pages/commune", title, std::move(*d), status);
}

Result<http::Response> commune_assessments_export(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  auto bytes = deps.communes->export_assessments(*ctx.principal, *id);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "danh-gia-tieu-chi-xa-" + std::to_string(*id) + ".xlsx");
}

}  // namespace thidua::web
