// Pledges, notifications and covenants as JSON. Dates are ISO; targets are integers in their
// measure's unit (đồng, sessions, people…); every change takes the `version` it was based on.

#include "api/pledge_api.hpp"

#include <algorithm>

#include "api/dto/evidence_dto.hpp"
#include "api/dto/org_dto.hpp"
#include "services/evidence_service.hpp"

namespace thidua::api {

namespace json = boost::json;

namespace {

json::value opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt_text(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::object target_json(const PledgeTarget& t) {
  return {{"item_id", t.item_id},       {"item_number", t.item_number},
          {"item_text", t.item_text},   {"measure", std::string(to_string(t.measure))},
          {"target", t.target},         {"commune_id", opt(t.commune_id)},
          {"commune_name", t.commune_name}, {"note", t.note}};
}

json::object pledge_json(const Pledge& p) {
  json::array targets, titles;
  for (const auto& t : p.targets) targets.push_back(target_json(t));
  for (auto a : p.titles) titles.push_back(json::string(to_string(a)));
  return {{"id", p.id},
          {"agency_id", p.agency_id},
          {"movement_id", p.movement_id},
          {"movement_title", p.movement_title},
          {"year", p.year},
          {"subject", std::string(to_string(p.subject))},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"person_id", opt(p.person_id)},
          {"person_name", p.subject == RecordSubject::person ? json::value(p.person_name) : json::value(nullptr)},
          {"status", std::string(to_string(p.status))},
          {"note", p.note},
          {"last_comment", p.last_comment},
          {"submitted_at", opt_text(p.submitted_at)},
          {"decided_by", opt(p.decided_by)},
          {"decided_by_name", opt_text(p.decided_by_name)},
          {"decided_at", opt_text(p.decided_at)},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at},
          {"version", p.version},
          {"targets", std::move(targets)},
          {"titles", std::move(titles)}};
}

json::object detail_json(const services::PledgeDetail& d) {
  json::object o = pledge_json(d.pledge);
  json::array events;
  for (const auto& e : d.events) {
    json::object ev{{"event", e.event}, {"comment", e.comment}, {"actor_id", opt(e.actor_id)},
                    {"actor_name", e.actor_name}, {"at", e.at}};
    if (!e.before_json.empty()) {
      boost::system::error_code ec;
      auto before = json::parse(e.before_json, ec);
      ev["before"] = ec ? json::value(nullptr) : before;
    }
    events.push_back(std::move(ev));
  }
  o["events"] = std::move(events);
  o["deadline"] = d.window ? json::value(d.window->deadline) : json::value(nullptr);
  o["rights"] = json::object{{"edit", d.rights.can_edit},       {"submit", d.rights.can_submit},
                             {"return", d.rights.can_return},   {"approve", d.rights.can_approve},
                             {"withdraw", d.rights.can_withdraw}};
  return o;
}

services::PledgeInput pledge_input(const json::object& b) {
  services::PledgeInput in;
  if (dto::has_field(b, "subject")) in.subject = dto::text_field(b, "subject");
  in.unit_id = dto::id_text_field(b, "unit_id");
  in.person_id = dto::id_text_field(b, "person_id");
  in.movement_id = dto::id_text_field(b, "movement_id");
  in.year = dto::id_text_field(b, "year");
  in.note = dto::text_field(b, "note");
  if (auto it = b.find("targets"); it != b.end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) {
      if (!v.is_object()) {
        in.targets.push_back({"?", "?", "?", "", ""});  // named by the service, row by row
        continue;
      }
      const auto& t = v.as_object();
      in.targets.push_back({dto::id_text_field(t, "item_id"), dto::text_field(t, "measure"),
                            dto::id_text_field(t, "target"), dto::id_text_field(t, "commune_id"),
                            dto::text_field(t, "note")});
    }
  }
  if (auto it = b.find("titles"); it != b.end() && it->value().is_array()) {
    for (const auto& v : it->value().as_array()) in.titles.push_back(v.is_string() ? std::string(v.as_string()) : "?");
  }
  return in;
}

/// The movement and year of a list: ?movement= and ?year=, else the agency's current movement
/// and this year (clamped to its period).
struct Scope {
  std::int64_t agency = 0;
  std::optional<std::int64_t> movement;
  std::optional<int> year;
};

Result<Scope> query_scope(const ApiDeps& deps, http::Context& ctx, bool need_movement) {
  Scope s;
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  s.agency = *agency;
  auto movement = query_int(ctx, "movement");
  if (!movement) return fail(movement.error());
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  s.movement = *movement;
  if (*year) s.year = static_cast<int>(**year);
  if (!s.movement && need_movement) {
    auto m = deps.pledges->default_movement(*ctx.principal, s.agency);
    if (!m) return fail(m.error());
    if (!*m) return fail(ErrorKind::not_found, "movement.not_found");
    s.movement = (*m)->id;
    if (!s.year) {
      int from = std::stoi((*m)->period_from.substr(0, 4)), to = std::stoi((*m)->period_to.substr(0, 4));
      time_t now = std::time(nullptr) + 7 * 3600;
      std::tm tm{};
      gmtime_r(&now, &tm);
      s.year = std::clamp(tm.tm_year + 1900, from, to);
    }
  }
  return s;
}

/// A change of record {id}: its JSON body and the version it was based on.
struct Change {
  std::int64_t id = 0;
  json::object body;
  std::int64_t version = 0;
};

Result<Change> change_of(http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto version = body_version(*body);
  if (!version) return fail(version.error());
  return Change{*id, std::move(*body), *version};
}

/// The agency a new record goes to: the body's "agency", else the caller's.
Result<std::pair<std::int64_t, json::object>> creation_of(http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto requested = body_int(*body, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  return std::make_pair(*agency, std::move(*body));
}

http::Response created(const json::object& o, const std::string& location) {
  auto r = http::Response::json(json::serialize(o), 201);
  r.header("Location", location);
  return r;
}

/// A transition: {version, comment}.
Result<http::Response> act(const ApiDeps& deps, http::Context& ctx, PledgeAction action) {
  auto c = change_of(ctx);
  if (!c) return fail(c.error());
  auto p = deps.pledges->act(*ctx.principal, c->id, c->version, action, dto::text_field(c->body, "comment"));
  if (!p) return fail(p.error());
  return http::Response::json(json::serialize(pledge_json(*p)));
}

json::object covenant_json(const Covenant& c) {
  json::array parties;
  for (const auto& p : c.parties) parties.push_back(json::object{{"agency_id", p.agency_id}, {"code", p.code}, {"name", p.name}});
  return {{"id", c.id},
          {"cluster_id", c.cluster_id},
          {"cluster_name", c.cluster_name},
          {"year", c.year},
          {"title", c.title},
          {"signed_on", c.signed_on},
          {"place", c.place},
          {"note", c.note},
          {"recorded_by_agency", c.recorded_by_agency},
          {"recorded_by_name", c.recorded_by_name},
          {"status", c.active ? "active" : "withdrawn"},
          {"withdrawn_at", opt_text(c.withdrawn_at)},
          {"withdraw_reason", c.withdraw_reason},
          {"created_at", c.created_at},
          {"version", c.version},
          {"parties", std::move(parties)}};
}

json::object notification_json(const Notification& n) {
  return {{"id", n.id},     {"kind", n.kind},       {"title", n.title},
          {"body", n.body}, {"link", opt_text(n.link)}, {"created_at", n.created_at},
          {"read_at", opt_text(n.read_at)}, {"due_date", opt_text(n.due_date)},
          {"emailed_at", opt_text(n.emailed_at)}};
}

}  // namespace

// ---- Pledges ----------------------------------------------------------------------------------

Result<http::Response> list_pledges(const ApiDeps& deps, http::Context& ctx) {
  auto s = query_scope(deps, ctx, false);
  if (!s) return fail(s.error());
  services::PledgeFilter f;
  f.agency_id = s->agency;
  f.movement_id = s->movement;
  f.year = s->year;
  f.with_targets = true;
  auto unit = query_int(ctx, "unit");
  if (!unit) return fail(unit.error());
  f.unit_id = *unit;
  const auto& q = ctx.query();
  if (auto st = q->value("status"); !st.empty()) {
    auto parsed = parse_pledge_status(st);
    if (!parsed) return fail(invalid_field("status", "validation.invalid"));
    f.status = *parsed;
    f.include_withdrawn = true;
  }
  auto rows = deps.pledges->list(*ctx.principal, f);
  if (!rows) return fail(rows.error());
  json::array items;
  for (const auto& p : *rows) items.push_back(pledge_json(p));
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> create_pledge(const ApiDeps& deps, http::Context& ctx) {
  auto c = creation_of(ctx);
  if (!c) return fail(c.error());
  auto p = deps.pledges->create(*ctx.principal, c->first, pledge_input(c->second));
  if (!p) return fail(p.error());
  return created(pledge_json(*p), "/api/v1/pledges/" + std::to_string(p->id));
}

Result<http::Response> get_pledge(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto d = deps.pledges->get(*ctx.principal, *id);
  if (!d) return fail(d.error());
  return http::Response::json(json::serialize(detail_json(*d)));
}

Result<http::Response> update_pledge(const ApiDeps& deps, http::Context& ctx) {
  auto c = change_of(ctx);
  if (!c) return fail(c.error());
  auto p = deps.pledges->update(*ctx.principal, c->id, c->version, pledge_input(c->body));
  if (!p) return fail(p.error());
  return http::Response::json(json::serialize(pledge_json(*p)));
}

Result<http::Response> submit_pledge(const ApiDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::submit);
}
Result<http::Response> return_pledge(const ApiDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::send_back);
}
Result<http::Response> approve_pledge(const ApiDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::approve);
}
Result<http::Response> withdraw_pledge(const ApiDeps& deps, http::Context& ctx) {
  return act(deps, ctx, PledgeAction::withdraw);
}

Result<http::Response> pledges_missing(const ApiDeps& deps, http::Context& ctx) {
  auto s = query_scope(deps, ctx, true);
  if (!s) return fail(s.error());
  if (!s->year) return fail(invalid_field("year", "validation.required"));
  auto o = deps.pledges->overview(*ctx.principal, *s->movement, *s->year);
  if (!o) return fail(o.error());
  json::array units;
  for (const auto& u : o->units) {
    json::array people;
    for (const auto& p : u.people) {
      people.push_back(json::object{{"person_id", p.person_id},
                                    {"full_name", p.full_name},
                                    {"position", p.position},
                                    {"has_account", p.has_account},
                                    {"pledge_id", opt(p.pledge_id)},
                                    {"status", p.status ? json::value(std::string(to_string(*p.status))) : json::value(nullptr)},
                                    {"missing", p.missing}});
    }
    units.push_back(json::object{{"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"pledge_id", opt(u.pledge_id)},
                                 {"status", u.status ? json::value(std::string(to_string(*u.status))) : json::value(nullptr)},
                                 {"unit_missing", u.unit_missing},
                                 {"registered", u.registered},
                                 {"missing", u.missing},
                                 {"people", std::move(people)}});
  }
  json::object out{{"movement_id", o->movement.id},
                   {"year", o->year},
                   {"deadline", o->window ? json::value(o->window->deadline) : json::value(nullptr)},
                   {"past_deadline", o->past_deadline},
                   {"people", o->people},
                   {"registered", o->registered},
                   {"missing", o->missing},
                   {"units_missing", o->units_missing},
                   {"units", std::move(units)}};
  return http::Response::json(json::serialize(out));
}

Result<http::Response> pledge_reminders(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto movement = body_int(*body, "movement_id");
  if (!movement) return fail(movement.error());
  auto year = body_int(*body, "year");
  if (!year) return fail(year.error());
  if (!*movement) return fail(invalid_field("movement_id", "validation.required"));
  if (!*year) return fail(invalid_field("year", "validation.required"));
  auto r = deps.pledges->remind(*ctx.principal, **movement, static_cast<int>(**year));
  if (!r) return fail(r.error());
  return http::Response::json(
      json::serialize(json::object{{"sent", r->sent}, {"already", r->already}, {"no_account", r->no_account}}));
}

Result<http::Response> set_pledge_deadline(const ApiDeps& deps, http::Context& ctx) {
  auto body = json_body(ctx);
  if (!body) return fail(body.error());
  auto movement = body_int(*body, "movement_id");
  if (!movement) return fail(movement.error());
  auto year = body_int(*body, "year");
  if (!year) return fail(year.error());
  if (!*movement) return fail(invalid_field("movement_id", "validation.required"));
  if (!*year) return fail(invalid_field("year", "validation.required"));
  auto w = deps.pledges->set_deadline(*ctx.principal, **movement, static_cast<int>(**year),
                                      dto::text_field(*body, "deadline"));
  if (!w) return fail(w.error());
  return http::Response::json(json::serialize(
      json::object{{"movement_id", w->movement_id}, {"year", w->year}, {"deadline", w->deadline}, {"set_at", w->set_at}}));
}

// ---- Notifications ----------------------------------------------------------------------------

Result<http::Response> list_notifications(const ApiDeps& deps, http::Context& ctx) {
  const auto& q = ctx.query();
  if (!q) return fail(q.error());
  auto page = query_int(ctx, "page");
  if (!page) return fail(page.error());
  auto list = deps.notifications->list(*ctx.principal, dto::parse_int(q->value("unread")).value_or(0) == 1,
                                       static_cast<int>(std::clamp<std::int64_t>(page->value_or(1), 1, 100000)));
  if (!list) return fail(list.error());
  json::array items;
  for (const auto& n : list->items) items.push_back(notification_json(n));
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)},
                                                           {"total", list->total},
                                                           {"unread", list->unread},
                                                           {"page", list->page},
                                                           {"pages", list->pages}}));
}

Result<http::Response> read_notification(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto n = deps.notifications->mark_read(*ctx.principal, *id);
  if (!n) return fail(n.error());
  return http::Response::json(json::serialize(notification_json(*n)));
}

Result<http::Response> read_all_notifications(const ApiDeps& deps, http::Context& ctx) {
  auto n = deps.notifications->mark_all_read(*ctx.principal);
  if (!n) return fail(n.error());
  return http::Response::json(json::serialize(json::object{{"read", *n}}));
}

// ---- Covenants --------------------------------------------------------------------------------

Result<http::Response> list_covenants(const ApiDeps& deps, http::Context& ctx) {
  auto requested = query_int(ctx, "agency");
  if (!requested) return fail(requested.error());
  auto agency = agency_for(ctx, *requested);
  if (!agency) return fail(agency.error());
  auto year = query_int(ctx, "year");
  if (!year) return fail(year.error());
  std::optional<int> y;
  if (*year) y = static_cast<int>(**year);
  auto rows = deps.covenants->list(*ctx.principal, *agency, y);
  if (!rows) return fail(rows.error());
  json::array items;
  for (const auto& c : *rows) items.push_back(covenant_json(c));
  return http::Response::json(json::serialize(json::object{{"items", std::move(items)}}));
}

Result<http::Response> create_covenant(const ApiDeps& deps, http::Context& ctx) {
  auto req = creation_of(ctx);
  if (!req) return fail(req.error());
  const json::object& b = req->second;
  services::CovenantInput in{dto::id_text_field(b, "cluster_id"), dto::id_text_field(b, "year"),
                             dto::text_field(b, "title"),         dto::text_field(b, "signed_on"),
                             dto::text_field(b, "place"),         dto::text_field(b, "note")};
  auto c = deps.covenants->record(*ctx.principal, req->first, in);
  if (!c) return fail(c.error());
  return created(covenant_json(*c), "/api/v1/covenants/" + std::to_string(c->id));
}

Result<http::Response> get_covenant(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  auto c = deps.covenants->get(*ctx.principal, *id);
  if (!c) return fail(c.error());
  auto files = deps.covenants->files(*ctx.principal, *id);
  if (!files) return fail(files.error());
  json::object o = covenant_json(*c);
  json::array out;
  for (const auto& e : *files) out.push_back(dto::to_json(e));
  o["files"] = std::move(out);
  return http::Response::json(json::serialize(o));
}

Result<http::Response> add_covenant_files(const ApiDeps& deps, http::Context& ctx) {
  auto id = id_param(ctx);
  if (!id) return fail(id.error());
  // The covenant first: another agency's id is "not found" whatever the body is.
  if (auto c = deps.covenants->get(*ctx.principal, *id); !c) return fail(c.error());
  const auto& up = ctx.upload_form();
  if (!up) return fail(up.error());
  auto files = dto::evidence_uploads(*up);
  auto rows = deps.covenants->add_files(*ctx.principal, *id, files);
  if (!rows) return fail(rows.error());
  json::array out;
  for (const auto& e : *rows) out.push_back(dto::to_json(e));
  return http::Response::json(json::serialize(json::object{{"files", std::move(out)}}), 201);
}

Result<http::Response> withdraw_covenant(const ApiDeps& deps, http::Context& ctx) {
  auto req = change_of(ctx);
  if (!req) return fail(req.error());
  auto c = deps.covenants->withdraw(*ctx.principal, req->id, req->version, dto::text_field(req->body, "reason"));
  if (!c) return fail(c.error());
  return http::Response::json(json::serialize(covenant_json(*c)));
}

}  // namespace thidua::api
