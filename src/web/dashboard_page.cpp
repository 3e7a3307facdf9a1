// The follow-up dashboard (issue 7): a movement over a period — the whole movement, a year or
// dates typed — for the agency (the Office, leaders, council; narrowed to a unit if asked), a
// unit head's unit or a staff member's own records. Each group of figures is a table with a
// chart drawn by the server beside it; every number links to the records behind it. Kept in
// the page cache by the data version, like the ranking page.

#include <algorithm>
#include <map>

#include "documents/stacked_chart.hpp"
#include "documents/svg_chart.hpp"
#include "services/follow_up.hpp"
#include "services/validation.hpp"
#include "text/format.hpp"
#include "web/dashboard_page.hpp"
#include "web/page_cache.hpp"

namespace thidua::web {

namespace {

constexpr const char* kDone = "#198754";
constexpr const char* kDue = "#0d6efd";
constexpr const char* kLate = "#dc3545";
constexpr const char* kMissing = "#dee2e6";
/// Charts sit in half a row beside their table: drawn at about the width they are shown at.
constexpr int kChartWidth = 520;
/// Role models and initiatives listed by name (the rest counted, a link to them all); tasks.
constexpr std::size_t kListed = 20;
constexpr std::size_t kListedMilestones = 100;

/// `s` cut to about `n` characters (whole UTF-8 characters, at a space when one is near), with "…".
std::string shorten(const std::string& s, std::size_t n) {
  std::size_t count = 0, i = 0, space = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count == n) break;
    if (s[i] == ' ') space = i;
    ++count;
  }
  if (i >= s.size()) return s;
  return s.substr(0, space > i / 2 ? space : i) + "…";
}

/// What the query string asks: the service's query and the period as the form shows it.
struct Asked {
  services::FollowUpQuery q;
  std::string period;  ///< "" (whole movement), a year, or "custom"
  std::string from_text, to_text;
};

std::string iso_of(const std::string& typed) {
  if (typed.empty()) return {};
  if (auto d = text::parse_date_vn(typed)) return d->iso();
  return typed;  // the service names it as a bad period
}

Asked asked(http::Context& ctx, std::int64_t agency) {
  Asked a;
  a.q.agency_id = agency;
  const auto& qs = ctx.query();
  if (!qs) return a;
  auto id = [&](const char* name) -> std::optional<std::int64_t> {
    if (auto v = id_param(qs->value(name))) return *v;
    return std::nullopt;
  };
  a.q.movement_id = id("movement");
  a.q.unit_id = id("unit");
  a.q.person_id = id("person");
  a.period = qs->value("period");
  if (a.period == "custom") {
    a.from_text = qs->value("from");
    a.to_text = qs->value("to");
    a.q.from = iso_of(a.from_text);
    a.q.to = iso_of(a.to_text);
  } else if (int y = year_param(a.period); y > 0) {
    a.q.from = std::to_string(y) + "-01-01";
    a.q.to = std::to_string(y) + "-12-31";
  } else {
    a.period.clear();
  }
  return a;
}

/// The query string of the period and scope, to keep them when following a link.
std::string keep(const Asked& a, std::int64_t movement) {
  std::string s = "movement=" + std::to_string(movement);
  if (!a.period.empty()) s += "&period=" + url_encode(a.period);
  if (a.period == "custom") s += "&from=" + url_encode(a.from_text) + "&to=" + url_encode(a.to_text);
  return s;
}

std::string money(long long v) { return text::format_money(v); }
std::string number(long long v) { return text::format_number(v); }

/// Drill-down links: the verified records of the movement in the scope, narrowed further.
struct Links {
  std::string records;  ///< /achievements?… for the whole scope
  std::string query;    ///< dashboard query to keep
  std::int64_t movement = 0;
  std::string records_where(const std::string& extra) const { return records + extra; }
};

mustache::data cell(const std::string& text, const std::string& href) {
  mustache::data d;
  d.set("text", text);
  d.set("link", !href.empty());
  d.set("href", href);
  return d;
}

std::string measure_value(Measure m, long long v) {
  switch (m) {
    case Measure::cash_vnd:
    case Measure::goods_vnd: return money(v);
    case Measure::land_m2: return number(v) + " m²";
    default: return number(v);
  }
}

int percent(long long got, long long target) {
  if (target <= 0) return got > 0 ? 100 : 0;
  return static_cast<int>(std::min<long long>(got * 100 / target, 100000));
}

documents::BarChart bar_chart(const std::string& id, const std::string& title, const std::string& description) {
  documents::BarChart c;
  c.id = id;
  c.title = title;
  c.description = description;
  c.width = kChartWidth;
  return c;
}

void milestones(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  mustache::list rows;
  int done = 0, due = 0, late = 0;
  for (const auto& m : f.milestones) {
    (m.state == services::DueState::done ? done : m.state == services::DueState::late ? late : due)++;
    if (rows.size() >= kListedMilestones) continue;
    mustache::data r;
    r.set("title", m.title);
    r.set("unit", m.unit_name.empty() ? ctx.t("followup.agency_own") : m.unit_name);
    r.set("due", display_date(m.due_date));
    if (!m.done_at.empty()) r.set("done_at", display_date(m.done_at));
    const char* state = m.state == services::DueState::done ? "done" : m.state == services::DueState::late ? "late" : "due";
    r.set("state", ctx.t(std::string("followup.state.") + state));
    r.set("state_color", m.state == services::DueState::done ? "success" : m.state == services::DueState::late ? "danger" : "primary");
    r.set("href", "/movements/" + std::to_string(l.movement) +
                      (m.task_id ? "#task-" + std::to_string(*m.task_id) : std::string("#milestone")));
    rows.push_back(r);
  }
  d.set("milestones", rows);
  d.set("has_milestones", !f.milestones.empty());
  d.set("milestones_done", std::to_string(done));
  d.set("milestones_due", std::to_string(due));
  d.set("milestones_late", std::to_string(late));

  documents::StackedBarChart c;
  c.id = "tasks-chart";
  c.width = kChartWidth;
  c.title = ctx.t("followup.tasks_chart");
  c.description = ctx.t("followup.tasks_chart_desc");
  c.series = {{ctx.t("followup.state.done"), kDone}, {ctx.t("followup.state.due"), kDue},
              {ctx.t("followup.state.late"), kLate}};
  mustache::list units;
  for (const auto& u : f.tasks_by_unit) {
    std::string name = u.unit_name.empty() ? ctx.t("followup.agency_own") : u.unit_name;
    const std::string href = "/movements/" + std::to_string(l.movement) + "#tasks";
    c.rows.push_back({shorten(name, 28), {double(u.done), double(u.due), double(u.late)}, "", href});
    mustache::data r;
    r.set("name", name);
    r.set("href", href);
    r.set("done", std::to_string(u.done));
    r.set("due", std::to_string(u.due));
    r.set("late", std::to_string(u.late));
    if (u.late > 0) r.set("has_late", true);
    units.push_back(r);
  }
  d.set("has_task_units", !f.tasks_by_unit.empty());
  d.set("task_units", units);
  if (!c.rows.empty()) d.set("tasks_chart", documents::stacked_bar_chart_svg(c));
}

void items(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  mustache::list rows, targets;
  auto c = bar_chart("items-chart", ctx.t("followup.items_chart"), ctx.t("followup.items_chart_desc"));
  auto tc = bar_chart("targets-chart", ctx.t("followup.targets_chart"), ctx.t("followup.targets_chart_desc"));
  tc.x_max = 100;
  tc.lines.push_back({100, "100%"});
  for (const auto& i : f.items) {
    mustache::data r;
    const std::string n = ctx.catalogue().format(ctx.lang, "achievement.item_number", {{"n", std::to_string(i.item_number)}});
    const std::string href = l.records_where("&item=" + std::to_string(i.item_id));
    r.set("number", n);
    r.set("text", i.item_text);
    r.set("short", shorten(i.item_text, 70));
    r.set("records", cell(number(i.records), href));
    r.set("sessions", number(i.sessions));
    r.set("participants", number(i.participants));
    r.set("money", cell(money(i.mobilised.money_vnd()), l.records_where("&item=" + std::to_string(i.item_id) + "&kind=resource")));
    r.set("workdays", number(i.mobilised.workdays));
    r.set("visits", number(i.visits));
    r.set("role_models", number(i.role_models));
    r.set("initiatives", number(i.initiatives));
    for (const auto& t : i.targets) {
      mustache::data x;
      const std::string measure = ctx.t("progress.measure." + std::string(to_string(t.measure)));
      const int pct = percent(t.achieved, t.target);
      x.set("number", n);
      x.set("text", i.item_text);
      x.set("measure", measure);
      x.set("target", measure_value(t.measure, t.target));
      x.set("achieved", cell(measure_value(t.measure, t.achieved), href));
      x.set("percent", std::to_string(pct) + "%");
      if (t.achieved >= t.target) x.set("met", true);
      targets.push_back(x);
      documents::Bar b;
      b.label = std::to_string(i.item_number) + ". " + shorten(measure, 22);
      b.value = std::min(pct, 150);
      b.value_label = std::to_string(pct) + "%";
      b.href = href;
      tc.bars.push_back(b);
    }
    rows.push_back(r);
    documents::Bar b;
    b.label = n;
    b.value = static_cast<double>(i.records);
    b.value_label = number(i.records);
    b.href = href;
    c.bars.push_back(b);
  }
  d.set("items", rows);
  if (f.records > 0) d.set("items_chart", documents::bar_chart_svg(c));
  d.set("targets", targets);
  if (!tc.bars.empty()) {
    d.set("has_targets", true);
    d.set("targets_chart", documents::bar_chart_svg(tc));
  }
}

void units(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  mustache::list rows;
  auto c = bar_chart("units-chart", ctx.t("followup.units_chart"), ctx.t("followup.units_chart_desc"));
  c.x_max = 100;
  c.lines.push_back({100, "100%"});
  bool any_target = false;
  for (const auto& u : f.units) {
    mustache::data r;
    const bool person = f.scope == services::FollowUpScope::person;
    std::string href = person ? "/progress/people/" + std::to_string(f.scope_id) : "/progress/units/" + std::to_string(u.unit_id);
    href += "?movement=" + std::to_string(l.movement);
    r.set("name", u.unit_name);
    r.set("href", href);
    r.set("pledge", u.pledge_status.empty() ? ctx.t("progress.pledge_none") : ctx.t("pledge_status_ach." + u.pledge_status));
    if (u.pledge_status.empty()) r.set("no_pledge", true);
    const std::string own = person ? "" : "&unit=" + std::to_string(u.unit_id);
    r.set("records", cell(number(u.records), l.records_where(own)));
    r.set("money", cell(money(u.mobilised.money_vnd()), l.records_where(own + "&kind=resource")));
    if (u.targets > 0) {
      any_target = true;
      r.set("met_of", std::to_string(u.targets_met) + "/" + std::to_string(u.targets));
      r.set("average", std::to_string(u.average_percent) + "%");
    }
    rows.push_back(r);
    documents::Bar b;
    b.label = shorten(u.unit_name, 28);
    b.value = u.targets > 0 ? u.average_percent : 0;
    b.value_label = u.targets > 0 ? std::to_string(u.average_percent) + "%" : ctx.t("followup.no_targets");
    b.muted = u.targets == 0;
    b.href = href;
    c.bars.push_back(b);
  }
  d.set("units", rows);
  if (any_target) d.set("units_chart", documents::bar_chart_svg(c));
}

void mobilised(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  const std::string resource = l.records_where("&kind=resource");
  d.set("cash", cell(money(f.mobilised.cash_vnd), resource));
  d.set("goods", cell(money(f.mobilised.goods_vnd), resource));
  d.set("money_total", cell(money(f.mobilised.money_vnd()), resource));
  d.set("workdays", cell(number(f.mobilised.workdays), resource));
  d.set("land", cell(number(f.mobilised.land_m2) + " m²", resource));
  d.set("mobilised_records", cell(number(f.mobilised.records), resource));
  auto slices = [&](const std::vector<services::MobilisedSlice>& v, const char* prefix, bool communes) {
    mustache::list out;
    for (const auto& s : v) {
      mustache::data r;
      std::string label = communes ? s.label
                          : s.code.empty() ? ctx.t("followup.unspecified")
                                           : ctx.t(std::string(prefix) + s.code);
      std::string href = communes && s.commune_id ? l.records_where("&kind=resource&commune=" + std::to_string(*s.commune_id))
                                                  : resource;
      r.set("label", label);
      if (communes && s.commune_id) r.set("page", "/communes/" + std::to_string(*s.commune_id));
      r.set("money", cell(money(s.figures.money_vnd()), href));
      r.set("workdays", number(s.figures.workdays));
      r.set("land", number(s.figures.land_m2));
      r.set("records", cell(number(s.figures.records), href));
      out.push_back(r);
    }
    return out;
  };
  d.set("by_donor_kind", slices(f.by_donor_kind, "donor_kind.", false));
  d.set("by_donor_scope", slices(f.by_donor_scope, "donor_scope.", false));
  d.set("by_commune", slices(f.by_commune, "", true));
  d.set("has_by_commune", !f.by_commune.empty());
  if (f.mobilised.records == 0) return;
  d.set("has_mobilised", true);
  // Money by donor kind, and inside / outside the province, in millions of đồng.
  auto c = bar_chart("mobilised-chart", ctx.t("followup.mobilised_chart"), ctx.t("followup.mobilised_chart_desc"));
  auto add = [&](const std::vector<services::MobilisedSlice>& v, const char* prefix) {
    for (const auto& s : v) {
      documents::Bar b;
      b.label = s.code.empty() ? ctx.t("followup.unspecified") : ctx.t(std::string(prefix) + s.code);
      b.value = static_cast<double>(s.figures.money_vnd()) / 1e6;
      b.value_label = text::format_decimal(b.value, 1);
      b.href = resource;
      c.bars.push_back(b);
    }
  };
  add(f.by_donor_kind, "donor_kind.");
  add(f.by_donor_scope, "donor_scope.");
  d.set("mobilised_chart", documents::bar_chart_svg(c));
}

void communes(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  mustache::list rows;
  documents::StackedBarChart c;
  c.id = "communes-chart";
  c.width = kChartWidth;
  c.title = ctx.t("followup.communes_chart");
  c.description = ctx.t("followup.communes_chart_desc");
  c.series = {{ctx.t("followup.met_at_start"), "#6c757d"}, {ctx.t("followup.gained"), kDone},
              {ctx.t("followup.still_missing"), kMissing}};
  for (const auto& cf : f.communes) {
    mustache::data r;
    const std::string href = "/communes/" + std::to_string(cf.commune_id);
    r.set("name", cf.name);
    r.set("href", href);
    r.set("district", cf.district);
    r.set("start", cf.criteria_met_at_start >= 0 ? std::to_string(cf.criteria_met_at_start) : "–");
    if (cf.criteria_total > 0) {
      r.set("end", std::to_string(cf.criteria_met) + "/" + std::to_string(cf.criteria_total));
      r.set("assessed_on", display_date(cf.assessed_on));
      r.set("criteria_set", cf.criteria_set);
      const int start = std::max(0, std::min(cf.criteria_met_at_start, cf.criteria_met));
      c.rows.push_back({shorten(cf.name, 28),
                        {double(start), double(cf.criteria_met - start), double(cf.criteria_total - cf.criteria_met)},
                        std::to_string(cf.criteria_met) + "/" + std::to_string(cf.criteria_total), href});
    } else {
      r.set("end", "–");
    }
    if (!cf.recognised.empty()) {
      auto sp = cf.recognised.find(' ');
      r.set("recognised", ctx.t("commune.level." + cf.recognised.substr(0, sp)) +
                              (sp == std::string::npos ? "" : " " + cf.recognised.substr(sp + 1)));
    }
    r.set("money", cell(money(cf.mobilised.money_vnd()),
                        l.records_where("&kind=resource&commune=" + std::to_string(cf.commune_id))));
    rows.push_back(r);
  }
  d.set("communes", rows);
  d.set("has_communes", !f.communes.empty());
  if (!c.rows.empty()) d.set("communes_chart", documents::stacked_bar_chart_svg(c));
}

void people_and_ideas(http::Context& ctx, const services::MovementFigures& f, const Links& l, mustache::data& d) {
  mustache::list models;
  std::map<std::string, long long> by_kind;
  for (const auto& m : f.role_models) {
    ++by_kind[m.model_kind];
    if (models.size() >= kListed) continue;
    mustache::data r;
    r.set("title", m.model_name.empty() ? m.title : m.model_name);
    r.set("href", "/achievements/" + std::to_string(m.achievement_id));
    r.set("who", m.who);
    r.set("kind", m.model_kind.empty() ? "" : ctx.t("model_kind." + m.model_kind));
    r.set("on", display_date(m.occurred_on));
    models.push_back(r);
  }
  if (f.role_models.size() > kListed) {
    d.set("role_models_more", ctx.catalogue().format(ctx.lang, "followup.more",
                                                     {{"count", number(static_cast<long long>(f.role_models.size() - kListed))}}));
  }
  d.set("role_models", models);
  d.set("has_role_models", !f.role_models.empty());
  d.set("role_models_href", l.records_where("&kind=role_model"));
  d.set("role_models_count", number(static_cast<long long>(f.role_models.size())));
  if (!f.role_models.empty()) {
    auto c = bar_chart("role-models-chart", ctx.t("followup.role_models_chart"), ctx.t("followup.role_models_chart_desc"));
    for (const auto& [kind, n] : by_kind) {
      documents::Bar b;
      b.label = kind.empty() ? ctx.t("followup.unspecified") : ctx.t("model_kind." + kind);
      b.value = static_cast<double>(n);
      b.href = l.records_where("&kind=role_model");
      c.bars.push_back(b);
    }
    d.set("role_models_chart", documents::bar_chart_svg(c));
  }

  mustache::list ideas;
  std::map<std::string, long long> by_level;
  for (const auto& i : f.initiatives) {
    ++by_level[i.level.empty() ? "none" : i.level];
    if (ideas.size() >= kListed) continue;
    mustache::data r;
    r.set("title", i.title);
    r.set("href", "/initiatives/" + std::to_string(i.initiative_id));
    r.set("authors", i.authors);
    r.set("level", ctx.t("initiative_level." + (i.level.empty() ? std::string("none") : i.level)));
    if (!i.recognised_on.empty()) r.set("on", display_date(i.recognised_on));
    ideas.push_back(r);
  }
  if (f.initiatives.size() > kListed) {
    d.set("initiatives_more", ctx.catalogue().format(ctx.lang, "followup.more",
                                                     {{"count", number(static_cast<long long>(f.initiatives.size() - kListed))}}));
  }
  d.set("initiatives", ideas);
  d.set("has_initiatives", !f.initiatives.empty());
  if (!f.initiatives.empty()) {
    auto c = bar_chart("initiatives-chart", ctx.t("followup.initiatives_chart"), ctx.t("followup.initiatives_chart_desc"));
    for (const char* level : {"national", "province", "base", "none"}) {
      auto it = by_level.find(level);
      if (it == by_level.end()) continue;
      documents::Bar b;
      b.label = ctx.t(std::string("initiative_level.") + level);
      b.value = static_cast<double>(it->second);
      b.href = std::string("/initiatives?level=") + level;
      b.muted = std::string(level) == "none";
      c.bars.push_back(b);
    }
    d.set("initiatives_chart", documents::bar_chart_svg(c));
  }
}

void awards(http::Context& ctx, const services::MovementFigures& f, mustache::data& d) {
  const std::string last_year = f.to.substr(0, 4);
  mustache::list rows;
  documents::StackedBarChart c;
  c.id = "awards-chart";
  c.width = kChartWidth;
  c.title = ctx.t("followup.awards_chart");
  c.description = ctx.t("followup.awards_chart_desc");
  c.series = {{ctx.t("followup.given"), kDone}, {ctx.t("followup.proposed"), "#fd7e14"}};
  for (const auto& a : f.awards) {
    mustache::data r;
    const std::string form(to_string(a.form));
    const std::string label = ctx.t("award_form." + form);
    const long long given = a.persons + a.units + a.households;
    r.set("form", label);
    r.set("persons", number(a.persons));
    r.set("units", number(a.units));
    r.set("households", number(a.households));
    r.set("given", cell(number(given), given > 0 ? "/decisions?year=" + last_year : ""));
    r.set("proposed", cell(number(a.proposed), a.proposed > 0 ? "/nominations?year=" + last_year + "&form=" + form : ""));
    rows.push_back(r);
    c.rows.push_back({shorten(label, 28), {double(given), double(a.proposed)}, "", ""});
  }
  d.set("awards", rows);
  d.set("has_awards", !f.awards.empty());
  if (!c.rows.empty()) d.set("awards_chart", documents::stacked_bar_chart_svg(c));
}

/// The movement, period and unit selectors.
void selectors(http::Context& ctx, const services::MovementFigures& f, const Asked& a,
               const std::vector<std::pair<std::int64_t, std::string>>& unit_choices, mustache::data& d) {
  mustache::list movements, periods, units;
  for (const auto& [id, title] : f.movements) {
    mustache::data o;
    o.set("value", std::to_string(id));
    o.set("label", title);
    if (id == f.movement.id) o.set("selected", true);
    movements.push_back(o);
  }
  auto option = [&](const std::string& value, const std::string& label) {
    mustache::data o;
    o.set("value", value);
    o.set("label", label);
    if (value == a.period) o.set("selected", true);
    periods.push_back(o);
  };
  option("", ctx.t("followup.whole_movement"));
  if (f.movement.id != 0) {
    int first = std::stoi(f.movement.period_from.substr(0, 4)), last = std::stoi(f.movement.period_to.substr(0, 4));
    for (int y = first; y <= last; ++y) option(std::to_string(y), ctx.catalogue().format(ctx.lang, "followup.year", {{"year", std::to_string(y)}}));
  }
  option("custom", ctx.t("followup.custom"));
  d.set("movements", movements);
  d.set("periods", periods);
  d.set("custom", a.period == "custom");
  d.set("from_text", a.period == "custom" ? a.from_text : display_date(f.from));
  d.set("to_text", a.period == "custom" ? a.to_text : display_date(f.to));
  if (!unit_choices.empty()) {
    d.set("may_narrow", true);
    for (const auto& [id, name] : unit_choices) {
      mustache::data o;
      o.set("value", std::to_string(id));
      o.set("label", name);
      if (a.q.unit_id && *a.q.unit_id == id) o.set("selected", true);
      units.push_back(o);
    }
  }
  d.set("unit_choices", units);
}

}  // namespace

Result<http::Response> dashboard_page(const WebDeps& deps, http::Context& ctx) {
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  const Asked a = asked(ctx, *agency);
  auto stamp = deps.follow_up->stamp(*ctx.principal, a.q);
  if (!stamp) return fail(stamp.error());
  // The page depends on the query, the language, the day (late is judged against it), the data
  // version and — for a unit head or staff member seeing their own — who asks.
  const std::string today = services::today_iso(std::chrono::system_clock::now());
  std::string key;
  if (deps.page_cache) {
    const bool own = stamp->second != services::FollowUpScope::agency && !a.q.unit_id && !a.q.person_id;
    key = "dashboard\x1f" + std::to_string(*agency) + "\x1f" + std::to_string(a.q.movement_id.value_or(0)) + "\x1f" +
          a.period + "\x1f" + a.q.from + "\x1f" + a.q.to + "\x1f" + std::to_string(a.q.unit_id.value_or(0)) + "\x1f" +
          std::to_string(a.q.person_id.value_or(0)) + "\x1f" + (own ? std::to_string(ctx.principal->user_id) : "") +
          "\x1f" + today + "\x1f" + std::string(text::to_string(ctx.lang));
    if (auto cached = deps.page_cache->get(key, stamp->first)) {
      auto cut = cached->find('\x1f');
      return deps.views->page_around(ctx, cached->substr(0, cut), cached->substr(cut + 1));
    }
  }
  auto f = deps.follow_up->figures(*ctx.principal, a.q);
  if (!f && f.error().kind == ErrorKind::validation) {
    // A period typed wrong: the form again, with the message under the dates.
    mustache::data d;
    services::MovementFigures blank;
    blank.agency_id = *agency;
    selectors(ctx, blank, a, {}, d);
    d.set("bad_period", ctx.t("followup.bad_period"));
    d.set("title", ctx.t("followup.title"));
    return deps.views->page(ctx, "pages/dashboard", ctx.t("followup.title"), std::move(d), 422);
  }
  if (!f) return fail(f.error());

  mustache::data d;
  std::vector<std::pair<std::int64_t, std::string>> unit_choices;
  // Those who see the agency may narrow it to a unit: the units to choose from.
  bool oversees = stamp->second == services::FollowUpScope::agency;
  if (!oversees && (a.q.unit_id || a.q.person_id)) {
    services::FollowUpQuery whole = a.q;
    whole.unit_id.reset();
    whole.person_id.reset();
    auto s = deps.follow_up->stamp(*ctx.principal, whole);
    oversees = s && s->second == services::FollowUpScope::agency;
  }
  if (oversees) {
    if (auto units = deps.org->list_units(*ctx.principal, *agency, false)) {
      for (const auto& u : *units) unit_choices.emplace_back(u.id, u.name);
    }
  }
  selectors(ctx, *f, a, unit_choices, d);
  const std::string title = f->scope == services::FollowUpScope::agency
                                ? ctx.t("followup.title")
                                : ctx.catalogue().format(ctx.lang, "followup.title_of", {{"name", f->scope_name}});
  d.set("title", title);
  d.set("scope_name", f->scope == services::FollowUpScope::agency ? f->agency_name : f->scope_name);
  d.set("scope_label", ctx.t(f->scope == services::FollowUpScope::agency ? "followup.scope_agency"
                             : f->scope == services::FollowUpScope::unit ? "followup.scope_unit"
                                                                         : "followup.scope_person"));
  if (f->movement.id == 0) {
    d.set("no_movement", true);
    d.set("empty", true);
  } else {
    d.set("movement_title", f->movement.title);
    d.set("movement_href", "/movements/" + std::to_string(f->movement.id));
    d.set("from", display_date(f->from));
    d.set("to", display_date(f->to));
    d.set("today", display_date(f->today));
    Links l;
    l.movement = f->movement.id;
    l.records = "/achievements?scope=all&status=verified&movement=" + std::to_string(f->movement.id);
    if (f->from.substr(0, 4) == f->to.substr(0, 4)) l.records += "&year=" + f->from.substr(0, 4);
    if (f->scope == services::FollowUpScope::unit) l.records += "&unit=" + std::to_string(f->scope_id);
    if (f->scope == services::FollowUpScope::person) l.records += "&person=" + std::to_string(f->scope_id);
    l.query = keep(a, f->movement.id);
    d.set("records", cell(number(f->records), l.records));
    if (f->empty()) {
      d.set("empty", true);
    } else {
      d.set("has_data", true);
      milestones(ctx, *f, l, d);
      items(ctx, *f, l, d);
      units(ctx, *f, l, d);
      mobilised(ctx, *f, l, d);
      communes(ctx, *f, l, d);
      people_and_ideas(ctx, *f, l, d);
      awards(ctx, *f, d);
      d.set("is_agency", f->scope == services::FollowUpScope::agency);
    }
    mustache::list splits;
    for (const auto& s : f->splits) {
      mustache::data x;
      x.set("what", ctx.t("followup.split." + s.what));
      x.set("name", s.name);
      x.set("from", display_date(s.from));
      x.set("to", display_date(s.to));
      splits.push_back(x);
    }
    d.set("splits", splits);
    d.set("has_splits", !f->splits.empty());
    d.set("api_href", "/api/v1/dashboard?" + l.query + (a.q.unit_id ? "&unit=" + std::to_string(*a.q.unit_id) : ""));
  }
  if (!deps.page_cache) return deps.views->page(ctx, "pages/dashboard", title, std::move(d));
  auto body = deps.views->body_for_cache(ctx, "pages/dashboard", std::move(d));
  deps.page_cache->put(key, stamp->first, title + "\x1f" + body);
  return deps.views->page_around(ctx, title, body);
}

}  // namespace thidua::web
