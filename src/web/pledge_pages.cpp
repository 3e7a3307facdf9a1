#include "web/pledge_pages.hpp"

#include <algorithm>

#include "services/pledge_service.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::web {

namespace pledge_view {

const char* status_color(PledgeStatus s) {
  switch (s) {
    case PledgeStatus::draft: return "secondary";
    case PledgeStatus::submitted: return "info";
    case PledgeStatus::returned: return "warning";
    case PledgeStatus::approved: return "success";
    case PledgeStatus::withdrawn: return "dark";
  }
  return "secondary";
}

std::string status_label(http::Context& ctx, PledgeStatus s) {
  return ctx.t("pledge_status." + std::string(to_string(s)));
}

std::string target_text(http::Context& ctx, Measure m, long long value) {
  if (measure_is_money(m)) return text::format_money(value);
  std::string unit = ctx.t("pledge_measure_unit." + std::string(to_string(m)));
  return text::format_number(value) + (unit.empty() ? "" : " " + unit);
}

std::string aim_label(http::Context& ctx, AwardAim a) { return ctx.t("pledge_aim." + std::string(to_string(a))); }

}  // namespace pledge_view

namespace {

using namespace pledge_view;
constexpr int kPageSize = 50;

std::int64_t form_version(const http::FormData& f) { return std::atoll(f.value("version").c_str()); }

/// The movement and year a page is about: from the query (or form), else the agency's current
/// movement and this year (or the last year of its period).
struct Scope {
  std::int64_t agency = 0;
  std::optional<Movement> movement;
  int year = 0;
};

Result<Scope> scope_of(const WebDeps& deps, http::Context& ctx, const http::FormData& q) {
  Scope s;
  auto agency = current_agency(deps, ctx);
  if (!agency) return fail(agency.error());
  s.agency = *agency;
  if (q.has("movement") && !q.value("movement").empty()) {
    auto id = id_param(q.value("movement"));
    if (!id) return fail(ErrorKind::not_found, "movement.not_found");
    auto form = deps.pledges->form(*ctx.principal, s.agency, *id, 0);
    if (!form) return fail(form.error());
    s.movement = form->movement;
  } else {
    auto m = deps.pledges->default_movement(*ctx.principal, s.agency);
    if (!m) return fail(m.error());
    s.movement = *m;
  }
  if (!s.movement) return s;
  int from = std::stoi(s.movement->period_from.substr(0, 4)), to = std::stoi(s.movement->period_to.substr(0, 4));
  int asked = year_param(q.value("year"));
  s.year = asked >= from && asked <= to ? asked : std::clamp(this_year(), from, to);
  return s;
}

mustache::list year_options(const Movement& m, int year) {
  mustache::list out;
  int from = std::stoi(m.period_from.substr(0, 4)), to = std::stoi(m.period_to.substr(0, 4));
  for (int y = from; y <= to; ++y) {
    mustache::data o;
    o.set("value", std::to_string(y));
    if (y == year) o.set("selected", true);
    out.push_back(o);
  }
  return out;
}

std::string scope_query(const Scope& s) {
  return "movement=" + std::to_string(s.movement->id) + "&year=" + std::to_string(s.year);
}

mustache::data unit_row(http::Context& ctx, const services::UnitStanding& u, const Scope& s) {
  mustache::data r;
  r.set("unit_id", std::to_string(u.unit_id));
  r.set("unit_name", u.unit_name);
  if (u.pledge_id) {
    r.set("pledge_id", std::to_string(*u.pledge_id));
    r.set("status_label", status_label(ctx, *u.status));
    r.set("status_color", status_color(*u.status));
  }
  if (u.unit_missing) r.set("unit_missing", true);
  r.set("registered", std::to_string(u.registered));
  r.set("total", std::to_string(u.people.size()));
  r.set("new_link", "/pledges/new?" + scope_query(s) + "&subject=unit&unit=" + std::to_string(u.unit_id));
  mustache::list missing;
  for (const auto& p : u.people) {
    if (!p.missing) continue;
    mustache::data m;
    m.set("name", p.full_name);
    if (p.pledge_id) m.set("person_pledge_id", std::to_string(*p.pledge_id));
    if (p.status) m.set("draft", true);
    if (!p.has_account) m.set("no_account", true);
    missing.push_back(m);
  }
  if (missing.empty() && !u.people.empty()) r.set("all_registered", true);
  if (u.people.empty()) r.set("no_people", true);
  r.set("missing_count", std::to_string(u.missing));
  r.set("missing", missing);
  return r;
}

mustache::data pledge_row(http::Context& ctx, const Pledge& p) {
  mustache::data r;
  r.set("id", std::to_string(p.id));
  bool unit = p.subject == RecordSubject::unit;
  r.set("subject_label", ctx.t(unit ? "pledge.subject_unit" : "pledge.subject_person"));
  r.set("name", unit ? p.unit_name : p.person_name);
  r.set("unit_name", p.unit_name);
  r.set("status_label", status_label(ctx, p.status));
  r.set("status_color", status_color(p.status));
  r.set("targets", std::to_string(p.targets.size()));
  std::string titles;
  for (auto a : p.titles) titles += (titles.empty() ? "" : ", ") + aim_label(ctx, a);
  r.set("titles", titles);
  r.set("updated", display_timestamp(p.updated_at));
  return r;
}

/// The reminder report carried in the query after "Gửi nhắc nhở".
std::string reminder_notice(http::Context& ctx, const http::FormData& q) {
  if (!q.has("sent")) return {};
  auto num = [&](const char* k) {
    auto v = year_param(q.value(k));
    return std::to_string(std::max(0, v));
  };
  return ctx.catalogue().format(ctx.lang, "pledge.reminded",
                                {{"sent", num("sent")}, {"already", num("already")}, {"no_account", num("no_account")}});
}

Result<http::Response> render_list(const WebDeps& deps, http::Context& ctx, const Refused* refused, unsigned status) {
  static const http::FormData kNone;
  const auto& query = ctx.query();
  const http::FormData& q = refused && refused->values ? *refused->values : (query ? *query : kNone);
  auto s = scope_of(deps, ctx, q);
  if (!s) return fail(s.error());
  mustache::data d;
  if (!s->movement) {
    return deps.views->page(ctx, "pages/pledges", ctx.t("pledge.title"), std::move(d), status);
  }
  const Movement& m = *s->movement;
  d.set("has_movement", true);
  d.set("movement_id", std::to_string(m.id));
  d.set("movement_title", m.title);
  d.set("year", std::to_string(s->year));
  d.set("years", year_options(m, s->year));
  d.set("scope_query", scope_query(*s));
  if (m.status != MovementStatus::closed) d.set("can_create", true);

  auto o = deps.pledges->overview(*ctx.principal, m.id, s->year);
  if (!o) return fail(o.error());
  if (o->window) {
    d.set("deadline", display_date(o->window->deadline));
    if (o->past_deadline) d.set("past_deadline", true);
  }
  if (o->can_set_deadline) {
    d.set("can_set_deadline", true);
    auto f = form_echo(ctx, refused, "deadline", {"deadline"});
    if (!(refused && refused->form == "deadline")) f.set("deadline", o->window ? display_date(o->window->deadline) : "");
    else d.set("deadline_open", true);
    d.set("deadline_form", f);
  }
  if (!o->units.empty()) {
    d.set("has_units", true);
    mustache::list units;
    for (const auto& u : o->units) units.push_back(unit_row(ctx, u, *s));
    put(d, "units", list_data(std::move(units)));
    d.set("people_total", std::to_string(o->people));
    d.set("people_registered", std::to_string(o->registered));
    d.set("people_missing", std::to_string(o->missing));
    d.set("units_total", std::to_string(o->units.size()));
    d.set("units_missing", std::to_string(o->units_missing));
  }
  if (o->can_remind && (o->missing > 0 || o->units_missing > 0)) d.set("can_remind", true);
  if (auto notice = reminder_notice(ctx, q); !notice.empty()) d.set("notice", notice);

  // The list, filtered and paginated.
  services::PledgeFilter f;
  f.agency_id = s->agency;
  f.movement_id = m.id;
  f.year = s->year;
  f.with_targets = true;
  if (auto u = year_param(q.value("unit")); u > 0) f.unit_id = u;
  if (auto st = parse_pledge_status(q.value("status"))) {
    f.status = *st;
    f.include_withdrawn = true;
  }
  auto rows = deps.pledges->list(*ctx.principal, f);
  if (!rows) return fail(rows.error());
  std::string needle = text::fold(text::trim(q.value("q")));
  if (!needle.empty()) {
    std::erase_if(*rows, [&](const Pledge& p) {
      return text::fold(p.subject == RecordSubject::unit ? p.unit_name : p.person_name).find(needle) == std::string::npos;
    });
  }
  const int total = static_cast<int>(rows->size());
  const int pages = std::max(1, (total + kPageSize - 1) / kPageSize);
  const int page = std::clamp(year_param(q.value("page")), 1, pages);
  mustache::list items;
  for (int i = (page - 1) * kPageSize; i < std::min(total, page * kPageSize); ++i) {
    items.push_back(pledge_row(ctx, (*rows)[static_cast<std::size_t>(i)]));
  }
  if (!items.empty()) d.set("has_items", true);
  put(d, "items", list_data(std::move(items)));
  d.set("total", std::to_string(total));
  d.set("q", std::string(text::trim(q.value("q"))));
  std::string filters = scope_query(*s);
  if (f.unit_id) filters += "&unit=" + std::to_string(*f.unit_id);
  if (f.status) filters += "&status=" + std::string(to_string(*f.status));
  if (!needle.empty()) filters += "&q=" + url_encode(text::trim(q.value("q")));
  d.set("filters", filters);
  if (pages > 1) {
    mustache::data p;
    p.set("page", std::to_string(page));
    p.set("page_count", std::to_string(pages));
    if (page > 1) p.set("prev", filters + "&page=" + std::to_string(page - 1));
    if (page < pages) p.set("next", filters + "&page=" + std::to_string(page + 1));
    d.set("pages", p);
  }
  mustache::list unit_opts;
  for (const auto& u : o->units) {
    mustache::data opt;
    opt.set("id", std::to_string(u.unit_id));
    opt.set("name", u.unit_name);
    if (f.unit_id && *f.unit_id == u.unit_id) opt.set("selected", true);
    unit_opts.push_back(opt);
  }
  if (!unit_opts.empty()) d.set("unit_filter", true);
  d.set("unit_options", unit_opts);
  mustache::list statuses;
  for (auto st : {PledgeStatus::draft, PledgeStatus::submitted, PledgeStatus::returned, PledgeStatus::approved,
                  PledgeStatus::withdrawn}) {
    mustache::data opt;
    opt.set("value", std::string(to_string(st)));
    opt.set("label", status_label(ctx, st));
    if (f.status && *f.status == st) opt.set("selected", true);
    statuses.push_back(opt);
  }
  d.set("status_options", statuses);
  std::string title = ctx.catalogue().format(ctx.lang, "pledge.title_year", {{"year", std::to_string(s->year)}});
  d.set("heading", title);
  return deps.views->page(ctx, "pages/pledges", title, std::move(d), status);
}

/// What an edit replaced, line by line: each target, the titles, the note.
mustache::data before_lines(http::Context& ctx, const Pledge& b) {
  mustache::list lines;
  auto line = [&](std::string text) {
    mustache::data l;
    l.set("text", std::move(text));
    lines.push_back(l);
  };
  for (const auto& t : b.targets) {
    line(services::content_item_label(t.item_number, t.item_text) + " — " +
         ctx.t("pledge_measure." + std::string(to_string(t.measure))) + ": " + target_text(ctx, t.measure, t.target) +
         (t.note.empty() ? "" : " (" + t.note + ")"));
  }
  if (b.targets.empty()) line(ctx.t("pledge.no_targets"));
  std::string titles;
  for (auto a : b.titles) titles += (titles.empty() ? "" : ", ") + aim_label(ctx, a);
  line(ctx.t("pledge.titles") + ": " + (titles.empty() ? "—" : titles));
  if (!b.note.empty()) line(ctx.t("pledge.f.note") + ": " + b.note);
  mustache::data d;
  d.set("lines", lines);
  return d;
}

/// The pledge page, with the refused action form shown again.
Result<http::Response> render_pledge(const WebDeps& deps, http::Context& ctx, std::int64_t id, const Refused* refused,
                                     unsigned status) {
  auto detail = deps.pledges->get(*ctx.principal, id);
  if (!detail) return fail(detail.error());
  const Pledge& p = detail->pledge;
  mustache::data d;
  d.set("id", std::to_string(p.id));
  d.set("version", std::to_string(p.version));
  bool unit = p.subject == RecordSubject::unit;
  d.set("subject_label", ctx.t(unit ? "pledge.subject_unit" : "pledge.subject_person"));
  d.set("name", unit ? p.unit_name : p.person_name);
  d.set("unit_name", p.unit_name);
  d.set("movement_id", std::to_string(p.movement_id));
  d.set("movement_title", p.movement_title);
  d.set("year", std::to_string(p.year));
  d.set("status_label", status_label(ctx, p.status));
  d.set("status_color", status_color(p.status));
  if (!p.note.empty()) d.set("note", p.note);
  if (!p.last_comment.empty() && (p.status == PledgeStatus::returned || p.status == PledgeStatus::withdrawn)) {
    d.set("last_comment", p.last_comment);
    if (p.status == PledgeStatus::returned) d.set("returned", true);
  }
  if (detail->window) d.set("deadline", display_date(detail->window->deadline));
  if (!p.submitted_at.empty()) d.set("submitted_at", display_timestamp(p.submitted_at));
  if (p.status == PledgeStatus::approved) {
    d.set("approved_by", p.decided_by_name.empty() ? ctx.t("pledge.system") : p.decided_by_name);
    d.set("approved_at", display_timestamp(p.decided_at));
  }
  // Targets grouped under their content item, in the plan's order.
  std::vector<const PledgeTarget*> sorted;
  for (const auto& t : p.targets) sorted.push_back(&t);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PledgeTarget* a, const PledgeTarget* b) { return a->item_number < b->item_number; });
  const bool communes = std::any_of(p.targets.begin(), p.targets.end(), [](const PledgeTarget& t) { return t.commune_id.has_value(); });
  if (communes) d.set("has_communes", true);
  mustache::list targets;
  std::int64_t last_item = 0;
  for (const auto* t : sorted) {
    mustache::data r;
    if (t->item_id != last_item) r.set("group", services::content_item_label(t->item_number, t->item_text));
    else r.set("group", false);
    last_item = t->item_id;
    r.set("measure", ctx.t("pledge_measure." + std::string(to_string(t->measure))));
    r.set("target", target_text(ctx, t->measure, t->target));
    r.set("commune", t->commune_name);
    // Set even when empty (as false): a section must not fall back to the pledge's own note.
    if (t->note.empty()) r.set("note", false);
    else r.set("note", t->note);
    targets.push_back(r);
  }
  if (!targets.empty()) d.set("has_targets", true);
  d.set("targets", targets);
  mustache::list titles;
  for (auto a : p.titles) {
    mustache::data r;
    r.set("label", aim_label(ctx, a));
    titles.push_back(r);
  }
  if (!titles.empty()) d.set("has_titles", true);
  d.set("titles", titles);
  mustache::list events;
  for (std::size_t k = 0; k < detail->events.size(); ++k) {
    const auto& e = detail->events[k];
    mustache::data r;
    if (k < detail->before.size() && detail->before[k]) r.set("before", before_lines(ctx, *detail->before[k]));
    r.set("event", ctx.t("pledge_event." + e.event));
    r.set("who", e.actor_name.empty() ? ctx.t("pledge.system") : e.actor_name);
    r.set("at", display_timestamp(e.at));
    if (!e.comment.empty()) r.set("comment", e.comment);
    events.push_back(r);
  }
  put(d, "events", list_data(std::move(events)));
  const auto& rights = detail->rights;
  if (rights.can_edit) d.set("can_edit", true);
  if (rights.can_submit) d.set("can_submit", true);
  if (rights.can_approve) d.set("can_approve", true);
  if (rights.can_return) d.set("can_return", true);
  if (rights.can_withdraw) d.set("can_withdraw", true);
  if (p.status == PledgeStatus::approved && !rights.can_return) d.set("locked", true);
  d.set("return_form", form_echo(ctx, refused, "return", {"comment"}));
  d.set("withdraw_form", form_echo(ctx, refused, "withdraw", {"comment"}));
  d.set("submit_form", form_echo(ctx, refused, "submit", {"comment"}));
  if (refused && (refused->form == "approve") && refused->error) d.set("action_error", ctx.message(*refused->error));
  std::string title = ctx.catalogue().format(ctx.lang, "pledge.title_of",
                                             {{"name", unit ? p.unit_name : p.person_name},
                                              {"year", std::to_string(p.year)}});
  return deps.views->page(ctx, "pages/pledge", title, std::move(d), status);
}

Result<http::Response> act(const WebDeps& deps, http::Context& ctx, PledgeAction action, const char* form_name) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(id.error());
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto r = deps.pledges->act(*ctx.principal, *id, form_version(*form), action, form->value("comment"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{form_name, &*form, &r.error()};
    return render_pledge(deps, ctx, *id, &refused, http::status_for(r.error()));
  }
  ctx.set_flash("pledge_flash." + std::string(to_string(action)));
  return http::Response::redirect("/pledges/" + std::to_string(*id));
}

}  // namespace

mustache::data home_pledges(const WebDeps& deps, http::Context& ctx) {
  mustache::data d;
  if (!deps.pledges) return d;
  auto t = deps.pledges->todo(*ctx.principal);
  if (!t || !t->movement) return d;
  const std::string year = std::to_string(t->year);
  const std::string scope = "movement=" + std::to_string(t->movement->id) + "&year=" + year;
  mustache::list items;
  auto item = [&](const char* key, std::vector<std::pair<std::string, std::string>> params, std::string href,
                  bool with_deadline) {
    params.emplace_back("year", year);
    mustache::data i;
    i.set("text", ctx.catalogue().format(ctx.lang, key, params));
    i.set("href", std::move(href));
    if (with_deadline && t->window) {
      i.set("deadline", display_date(t->window->deadline));
      if (t->past_deadline) i.set("late", true);
    }
    items.push_back(i);
  };
  if (t->has_person && !t->own_pledge) item("pledge.todo_none", {}, "/pledges/new?" + scope, true);
  if (t->own_pledge && t->own_status == PledgeStatus::draft) {
    item("pledge.todo_draft", {}, "/pledges/" + std::to_string(*t->own_pledge), true);
  }
  if (t->own_pledge && t->own_status == PledgeStatus::returned) {
    item("pledge.todo_returned", {}, "/pledges/" + std::to_string(*t->own_pledge), false);
  }
  if (t->to_decide > 0) {
    item("pledge.todo_decide", {{"count", std::to_string(t->to_decide)}}, "/pledges?" + scope + "&status=submitted",
         false);
  }
  if (t->office && (t->people_missing > 0 || t->units_missing > 0)) {
    item("pledge.todo_missing",
         {{"people", std::to_string(t->people_missing)}, {"units", std::to_string(t->units_missing)}},
         "/pledges?" + scope + "#units", true);
  }
  if (!items.empty()) d.set("has_items", true);
  d.set("items", items);
  return d;
}

Result<http::Response> pledges_page(const WebDeps& deps, http::Context& ctx) {
  return render_list(deps, ctx, nullptr, 200);
}

Result<http::Response> pledges_export(const WebDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto s = scope_of(deps, ctx, *q);
  if (!s) return fail(s.error());
  if (!s->movement) return fail(ErrorKind::not_found, "movement.not_found");
  services::PledgeFilter f;
  f.agency_id = s->agency;
  f.movement_id = s->movement->id;
  f.year = s->year;
  if (auto u = year_param(q->value("unit")); u > 0) f.unit_id = u;
  if (auto st = parse_pledge_status(q->value("status"))) {
    f.status = *st;
    f.include_withdrawn = true;
  }
  auto bytes = services::export_pledges(*deps.pledges, *ctx.principal, f);
  if (!bytes) return fail(bytes.error());
  return xlsx_file(std::move(*bytes), "dang-ky-thi-dua-" + std::to_string(s->year) + ".xlsx");
}

Result<http::Response> pledge_deadline(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto s = scope_of(deps, ctx, *form);
  if (!s) return fail(s.error());
  if (!s->movement) return fail(ErrorKind::not_found, "movement.not_found");
  auto r = deps.pledges->set_deadline(*ctx.principal, s->movement->id, s->year, form->value("deadline"));
  if (!r) {
    if (!shows_again(r.error())) return fail(r.error());
    Refused refused{"deadline", &*form, &r.error()};
    return render_list(deps, ctx, &refused, http::status_for(r.error()));
  }
  ctx.set_flash("pledge_flash.deadline");
  return http::Response::redirect("/pledges?" + scope_query(*s));
}

Result<http::Response> pledge_remind(const WebDeps& deps, http::Context& ctx) {
  const auto& form = ctx.form();
  if (!form) return fail(form.error());
  auto s = scope_of(deps, ctx, *form);
  if (!s) return fail(s.error());
  if (!s->movement) return fail(ErrorKind::not_found, "movement.not_found");
  auto r = deps.pledges->remind(*ctx.principal, s->movement->id, s->year);
  if (!r) return fail(r.error());
  return http::Response::redirect("/pledges?" + scope_query(*s) + "&sent=" + std::to_string(r->sent) +
                                  "&already=" + std::to_string(r->already) +
                                  "&no_account=" + std::to_string(r->no_account) + "#units");
}

Result<http::Response> pledge_page(const WebDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx.params["id"]);
  if (!id) return fail(ErrorKind::not_found, "pledge.not_found");
  return render_pledge(deps, ctx, *id, nullptr, 200);
}

Result<http::Response> pledge_submit(const WebDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::submit, "submit");
}
Result<http::Response> pledge_return(const WebDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::send_back, "return");
}
Result<http::Response> pledge_approve(const WebDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::approve, "approve");
}
Result<http::Response> pledge_withdraw(const WebDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::withdraw, "withdraw");
}

}  // namespace thidua::web
