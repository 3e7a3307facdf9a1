// The Office's follow-up of pledges: the form's choices, the deadline of a movement's year,
// who has not registered, and reminders to them.

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/notification_service.hpp"
#include "services/pledge_access.hpp"
#include "services/pledge_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "storage/pledge_repo.hpp"
#include "text/format.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace pledge_detail;

namespace {

/// "xã Đức Long", "phường Sông Hiến": the commune as people write it.
std::string commune_label(const storage::CommuneInPeriod& c) {
  const char* prefix = c.kind == "phuong" ? "Phường " : c.kind == "thi_tran" ? "Thị trấn " : "Xã ";
  return prefix + c.name;
}

std::optional<int> year_in(const Movement& m, int year) {
  auto years = period_years(m);
  if (std::find(years.begin(), years.end(), year) == years.end()) return std::nullopt;
  return year;
}

std::string vn_date(const std::string& iso) {
  auto d = text::parse_iso_date(iso);
  return d ? text::format_date(*d) : iso;
}

}  // namespace

Result<std::optional<Movement>> PledgeService::default_movement(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::optional<Movement>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    std::optional<Movement> fallback;
    for (const auto& r : storage::list_movements(tx, {agency_id})) {
      const auto s = r.movement.status;
      if (s == MovementStatus::launched || s == MovementStatus::midterm_reviewed) return std::optional(r.movement);
      if (s == MovementStatus::closed && !fallback) fallback = r.movement;
    }
    return fallback;
  });
}

Result<PledgeForm> PledgeService::form(const Principal& actor, std::int64_t agency_id, std::int64_t movement_id,
                                       int year) {
  return db_->read([&](storage::Tx& tx) -> Result<PledgeForm> {
    auto m = readable_movement(tx, actor, movement_id);
    if (!m || m->agency_id != agency_id) return fail(ErrorKind::not_found, "movement.not_found");
    PledgeForm f;
    f.movement = *m;
    f.years = period_years(*m);
    int n = 0;
    for (const auto& i : storage::plan_items(tx, m->id)) {
      if (i.section == PlanSection::content) f.items.push_back({i.id, content_item_label(++n, i.body)});
    }
    if (year_in(*m, year)) {
      for (const auto& c : storage::communes_assigned_between(tx, agency_id, std::to_string(year) + "-01-01",
                                                      std::to_string(year) + "-12-31")) {
        f.communes.push_back({c.id, commune_label(c)});
      }
      std::sort(f.communes.begin(), f.communes.end(),
                [](const PledgeChoice& a, const PledgeChoice& b) { return a.label < b.label; });
    }
    auto me = own_person(tx, actor, agency_id);
    if (me) {
      if (auto p = storage::find_person(tx, *me)) f.own_person = PledgeChoice{p->id, p->full_name};
    }
    auto heads = headed_units(tx, actor, agency_id);
    bool office = is_office(actor, agency_id);
    for (const auto& u : storage::list_units(tx, agency_id, false)) {
      if (office || std::find(heads.begin(), heads.end(), u.id) != heads.end()) f.units.push_back({u.id, u.name});
    }
    if (year_in(*m, year)) {
      for (const auto& s : storage::pledge_standings(tx, agency_id, movement_id, year)) {
        if (s.subject == RecordSubject::person && me && s.subject_key == *me) f.own_pledge = s.id;
        if (s.subject == RecordSubject::unit) f.unit_pledges[s.subject_key] = s.id;
      }
    }
    return f;
  });
}

Result<PledgeWindow> PledgeService::set_deadline(const Principal& actor, std::int64_t movement_id, int year,
                                                 const std::string& deadline) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<PledgeWindow> {
    auto m = readable_movement(tx, actor, movement_id);
    if (!m) return fail(m.error());
    if (!is_office(actor, m->agency_id)) return fail(ErrorKind::forbidden, "pledge.office_only");
    Error e = invalid();
    if (!year_in(*m, year)) e.field("year", "pledge.year_outside");
    PledgeWindow w;
    w.movement_id = movement_id;
    w.year = year;
    w.deadline = date_field(e, "deadline", deadline, true);
    if (!w.deadline.empty() && (w.deadline < std::to_string(year - 1) + "-01-01" ||
                                w.deadline > std::to_string(year) + "-12-31")) {
      e.field("deadline", "pledge.deadline_outside");
    }
    if (!e.fields.empty()) return fail(e);
    w.set_by = actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    w.set_at = to_iso(now);
    auto old = storage::find_pledge_window(tx, movement_id, year);
    storage::save_pledge_window(tx, w);
    json::object before, after{{"year", year}, {"deadline", w.deadline}};
    if (old) before = {{"year", year}, {"deadline", old->deadline}};
    record_audit(tx, actor,
                 {"pledge.deadline", "movement", std::to_string(movement_id), old ? json::serialize(before) : "",
                  json::serialize(after)},
                 now);
    return w;
  });
}

Result<PledgeOverview> PledgeService::overview(const Principal& actor, std::int64_t movement_id, int year) {
  const auto now = clock_();
  return db_->read([&](storage::Tx& tx) -> Result<PledgeOverview> {
    auto m = readable_movement(tx, actor, movement_id);
    if (!m) return fail(m.error());
    if (!year_in(*m, year)) {
      return fail(Error{ErrorKind::validation, "pledge.year_outside", {}, {{"year", "pledge.year_outside"}}, ""});
    }
    const std::int64_t agency = m->agency_id;
    PledgeOverview o;
    o.movement = *m;
    o.year = year;
    o.window = storage::find_pledge_window(tx, movement_id, year);
    o.past_deadline = o.window && vn_today(now) > o.window->deadline;
    o.can_remind = o.can_set_deadline = is_office(actor, agency);
    const bool all = oversees(tx, actor, agency);
    auto heads = headed_units(tx, actor, agency);
    std::map<std::int64_t, std::pair<std::int64_t, PledgeStatus>> units, people;
    for (const auto& s : storage::pledge_standings(tx, agency, movement_id, year)) {
      (s.subject == RecordSubject::unit ? units : people)[s.subject_key] = {s.id, s.status};
    }
    std::map<std::int64_t, std::vector<storage::RosterEntry>> roster;
    for (auto& r : storage::agency_roster(tx, agency)) roster[r.unit_id].push_back(std::move(r));
    for (const auto& u : storage::list_units(tx, agency, false)) {
      if (!all && std::find(heads.begin(), heads.end(), u.id) == heads.end()) continue;
      UnitStanding us;
      us.unit_id = u.id;
      us.unit_name = u.name;
      if (auto it = units.find(u.id); it != units.end()) {
        us.pledge_id = it->second.first;
        us.status = it->second.second;
      }
      us.unit_missing = !us.status || *us.status == PledgeStatus::draft;
      for (const auto& r : roster[u.id]) {
        PersonStanding ps;
        ps.person_id = r.person_id;
        ps.full_name = r.full_name;
        ps.position = r.position;
        ps.has_account = r.user_id.has_value();
        ps.user_id = r.user_id;
        if (auto it = people.find(r.person_id); it != people.end()) {
          ps.pledge_id = it->second.first;
          ps.status = it->second.second;
        }
        ps.missing = !ps.status || *ps.status == PledgeStatus::draft;
        (ps.missing ? us.missing : us.registered) += 1;
        us.people.push_back(std::move(ps));
      }
      o.people += static_cast<long long>(us.people.size());
      o.registered += us.registered;
      o.missing += us.missing;
      o.units_missing += us.unit_missing ? 1 : 0;
      o.units.push_back(std::move(us));
    }
    return o;
  });
}

Result<ReminderReport> PledgeService::remind(const Principal& actor, std::int64_t movement_id, int year) {
  auto o = overview(actor, movement_id, year);
  if (!o) return fail(o.error());
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<ReminderReport> {
    if (!o->can_remind) return fail(ErrorKind::forbidden, "pledge.office_only");
    const std::string today = vn_today(now);
    std::map<std::int64_t, std::vector<std::int64_t>> heads_of;
    for (const auto& [unit, user] : storage::unit_heads(tx, o->movement.agency_id)) heads_of[unit].push_back(user);
    ReminderReport r;
    for (const auto& n : pledge_reminder_drafts(*o, heads_of, today, r.no_account)) {
      if (NotificationService::create(tx, actor, n, now)) ++r.sent;
      else ++r.already;
    }
    if (r.sent > 0) {
      json::object after{{"year", year}, {"sent", r.sent}, {"already", r.already}, {"no_account", r.no_account}};
      record_audit(tx, actor, {"pledge.remind", "movement", std::to_string(movement_id), "", json::serialize(after)}, now);
    }
    return r;
  });
}

std::vector<NotificationDraft> pledge_reminder_drafts(const PledgeOverview& o,
                                                      const std::map<std::int64_t, std::vector<std::int64_t>>& heads_of,
                                                      const std::string& key_suffix, long long& no_account) {
  const Movement& m = o.movement;
  const std::string y = std::to_string(o.year), mid = std::to_string(m.id);
  const std::string deadline = o.window ? " Hạn đăng ký: " + vn_date(o.window->deadline) + "." : "";
  std::vector<NotificationDraft> out;
  for (const auto& u : o.units) {
    for (const auto& p : u.people) {
      if (!p.missing) continue;
      if (!p.user_id) {
        ++no_account;
        continue;
      }
      NotificationDraft n;
      n.user_id = *p.user_id;
      n.agency_id = m.agency_id;
      n.kind = "pledge_reminder";
      n.title = "Nhắc đăng ký thi đua năm " + y;
      n.body = "Phong trào “" + m.title + "”: " +
               (p.status ? "đăng ký của đồng chí còn là bản nháp, chưa gửi duyệt." : "đồng chí chưa đăng ký thi đua.") +
               deadline;
      n.link = p.pledge_id ? "/pledges/" + std::to_string(*p.pledge_id) : "/pledges/new?movement=" + mid + "&year=" + y;
      n.dedupe_key = "pledge-remind:" + mid + ":" + y + ":" + key_suffix;
      if (o.window) n.due_date = o.window->deadline;
      out.push_back(std::move(n));
    }
    if (!u.unit_missing) continue;
    auto heads = heads_of.find(u.unit_id);
    if (heads == heads_of.end()) continue;
    for (auto user : heads->second) {
      NotificationDraft n;
      n.user_id = user;
      n.agency_id = m.agency_id;
      n.kind = "pledge_reminder_unit";
      n.title = "Nhắc đăng ký thi đua của đơn vị năm " + y;
      n.body = u.unit_name + " chưa gửi đăng ký thi đua phong trào “" + m.title + "”." + deadline;
      n.link = u.pledge_id ? "/pledges/" + std::to_string(*u.pledge_id)
                           : "/pledges/new?movement=" + mid + "&year=" + y + "&subject=unit&unit=" +
                                 std::to_string(u.unit_id);
      n.dedupe_key = "pledge-remind-unit:" + mid + ":" + y + ":" + std::to_string(u.unit_id) + ":" + key_suffix;
      if (o.window) n.due_date = o.window->deadline;
      out.push_back(std::move(n));
    }
  }
  return out;
}

Result<PledgeTodo> PledgeService::todo(const Principal& actor) {
  PledgeTodo t;
  if (!actor.agency_id) return t;
  const std::int64_t agency = *actor.agency_id;
  auto m = default_movement(actor, agency);
  if (!m) return fail(m.error());
  if (!*m || (*m)->status == MovementStatus::closed) return t;
  auto years = period_years(**m);
  if (years.empty()) return t;
  const int now = std::stoi(vn_today(clock_()).substr(0, 4));
  t.year = std::clamp(now, years.front(), years.back());
  t.movement = **m;
  t.office = is_office(actor, agency);
  if (t.office) {
    auto o = overview(actor, t.movement->id, t.year);
    if (!o) return fail(o.error());
    t.people_missing = o->missing;
    t.units_missing = o->units_missing;
  }
  return db_->read([&](storage::Tx& tx) -> Result<PledgeTodo> {
    t.window = storage::find_pledge_window(tx, t.movement->id, t.year);
    t.past_deadline = t.window && vn_today(clock_()) > t.window->deadline;
    auto me = own_person(tx, actor, agency);
    t.has_person = me.has_value();
    auto heads = headed_units(tx, actor, agency);
    for (const auto& s : storage::pledge_standings(tx, agency, t.movement->id, t.year)) {
      const bool own = s.subject == RecordSubject::person && me && s.subject_key == *me;
      if (own) {
        t.own_pledge = s.id;
        t.own_status = s.status;
      }
      if (s.status != PledgeStatus::submitted || own) continue;
      if (t.office) {
        ++t.to_decide;
      } else if (s.subject == RecordSubject::person &&
                 std::find(heads.begin(), heads.end(), s.unit_id) != heads.end()) {
        ++t.to_decide;  // a unit head decides on the people of their unit
      }
    }
    return t;
  });
}

}  // namespace thidua::services
