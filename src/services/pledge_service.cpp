#include "services/pledge_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <variant>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/notification_service.hpp"
#include "services/pledge_access.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "storage/pledge_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace pledge_detail;

namespace {

constexpr std::size_t kNote = 4000;
constexpr std::size_t kTargetNote = 1000;
constexpr std::size_t kComment = 2000;
constexpr std::size_t kMaxTargets = 60;

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

std::optional<std::int64_t> parse_id(const std::string& text_in) {
  auto t = text::trim(text_in);
  if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto v = std::stoll(std::string(t));
  if (v <= 0) return std::nullopt;
  return v;
}

/// A target typed as "1.500.000", "1 500 000" or "1500000": the number, or the message key
/// of what is wrong with it.
std::variant<long long, const char*> parse_target(const std::string& text_in, Measure m) {
  std::string digits;
  auto t = text::trim(text_in);
  if (t.empty()) return "validation.required";
  if (t.front() == '-' || t.rfind("\xE2\x88\x92", 0) == 0) return "pledge.target_negative";  // '-' or '−'
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '.' || c == ',' || c == ' ') continue;
    else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) ++i;
    else return "pledge.target_invalid";
  }
  if (digits.empty()) return "pledge.target_invalid";
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  if (digits.size() > 15) return "pledge.target_too_large";
  long long v = std::stoll(digits);
  if (v > pledge_target_max(m)) return "pledge.target_too_large";
  return v;
}

std::string field_name(std::size_t i, const char* name) {
  return "targets[" + std::to_string(i) + "]." + name;
}

bool blank_row(const PledgeTargetInput& t) {
  return text::trim(t.item_id).empty() && text::trim(t.target).empty() && text::trim(t.commune_id).empty() &&
         text::trim(t.note).empty();
}

/// The targets and titles of `in`, checked against the movement's content items and the
/// agency's communes of the year; problems go to `e`, field by field.
void read_details(storage::Tx& tx, Error& e, const Movement& m, int year, RecordSubject subject,
                  const PledgeInput& in, Pledge& out) {
  std::set<std::int64_t> items;
  for (const auto& i : storage::plan_items(tx, m.id)) {
    if (i.section == PlanSection::content) items.insert(i.id);
  }
  std::set<std::int64_t> communes;
  if (year > 0) {
    for (const auto& c : storage::communes_assigned_between(tx, m.agency_id, std::to_string(year) + "-01-01",
                                                    std::to_string(year) + "-12-31")) {
      communes.insert(c.id);
    }
  }
  out.targets.clear();
  std::set<std::tuple<std::int64_t, Measure, std::int64_t>> seen;
  std::size_t rows = 0;
  for (std::size_t i = 0; i < in.targets.size(); ++i) {
    const auto& t = in.targets[i];
    if (blank_row(t)) continue;
    if (++rows > kMaxTargets) {
      e.field("targets", "pledge.too_many_targets");
      break;
    }
    PledgeTarget pt;
    bool ok = true;
    if (auto id = parse_id(t.item_id); id && items.count(*id)) {
      pt.item_id = *id;
    } else {
      e.field(field_name(i, "item_id"), text::trim(t.item_id).empty() ? "validation.required" : "pledge.item_not_in_movement");
      ok = false;
    }
    if (auto measure = parse_measure(text::trim(t.measure))) {
      pt.measure = *measure;
      auto value = parse_target(t.target, *measure);
      if (auto* v = std::get_if<long long>(&value)) pt.target = *v;
      else {
        e.field(field_name(i, "target"), std::get<const char*>(value));
        ok = false;
      }
    } else {
      e.field(field_name(i, "measure"), "validation.invalid");
      ok = false;
    }
    if (!text::trim(t.commune_id).empty()) {
      if (auto c = parse_id(t.commune_id); c && communes.count(*c)) {
        pt.commune_id = *c;
      } else {
        e.field(field_name(i, "commune_id"), "pledge.commune_not_assigned");
        ok = false;
      }
    }
    optional_text(e, field_name(i, "note"), t.note, kTargetNote, pt.note);
    if (ok && !seen.insert({pt.item_id, pt.measure, pt.commune_id.value_or(0)}).second) {
      e.field(field_name(i, "target"), "pledge.target_duplicate");
    }
    out.targets.push_back(std::move(pt));
  }
  out.titles.clear();
  for (const auto& text : in.titles) {
    auto t = text::trim(text);
    if (t.empty()) continue;
    auto aim = parse_award_aim(t);
    if (!aim) {
      e.field("titles", "validation.invalid");
      continue;
    }
    if (!aim_fits(*aim, subject)) {
      e.field("titles", "pledge.title_not_fitting");
      continue;
    }
    if (std::find(out.titles.begin(), out.titles.end(), *aim) == out.titles.end()) out.titles.push_back(*aim);
  }
  std::sort(out.titles.begin(), out.titles.end());
  optional_text(e, "note", in.note, kNote, out.note);
}

json::object pledge_json(const Pledge& p) {
  json::array targets;
  for (const auto& t : p.targets) {
    json::object o{{"item_id", t.item_id}, {"measure", std::string(to_string(t.measure))}, {"target", t.target},
                   {"note", t.note}};
    o["commune_id"] = t.commune_id ? json::value(*t.commune_id) : json::value(nullptr);
    targets.push_back(std::move(o));
  }
  json::array titles;
  for (auto a : p.titles) titles.push_back(json::string(to_string(a)));
  json::object o{{"movement_id", p.movement_id}, {"year", p.year},        {"subject", std::string(to_string(p.subject))},
                 {"unit_id", p.unit_id},         {"status", std::string(to_string(p.status))},
                 {"note", p.note},               {"targets", targets},    {"titles", titles}};
  o["person_id"] = p.person_id ? json::value(*p.person_id) : json::value(nullptr);
  return o;
}

void record_event(storage::Tx& tx, const Principal& actor, std::int64_t pledge_id, std::string_view event,
                  const std::string& comment, const std::string& before, TimePoint now) {
  PledgeEvent e;
  e.pledge_id = pledge_id;
  e.event = std::string(event);
  e.comment = comment;
  e.before_json = before;
  e.actor_id = account_of(actor);
  e.at = to_iso(now);
  storage::insert_pledge_event(tx, e);
}

/// The pledge `id` for a change by `actor`: another agency's is "not found"; one the actor
/// may not see in their own agency is forbidden; a stale version a conflict.
Result<std::pair<Pledge, Standing>> for_change(storage::Tx& tx, const Principal& actor, std::int64_t id,
                                               std::int64_t version) {
  auto p = storage::find_pledge(tx, id);
  if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "pledge.not_found");
  auto s = standing_on(tx, actor, *p);
  if (!s.sees) return fail(ErrorKind::forbidden, "pledge.forbidden");
  if (p->version != version) return fail(ErrorKind::conflict, "edit.stale");
  return std::make_pair(std::move(*p), s);
}

/// The accounts told of a decision on `p`: the person's, or the unit's heads (not the actor).
std::vector<std::int64_t> owners_to_tell(storage::Tx& tx, const Principal& actor, const Pledge& p) {
  std::vector<std::int64_t> out;
  if (p.subject == RecordSubject::person && p.person_id) {
    if (auto person = storage::find_person(tx, *p.person_id); person && person->user_id) out.push_back(*person->user_id);
  } else {
    for (const auto& [unit, user] : storage::unit_heads(tx, p.agency_id)) {
      if (unit == p.unit_id) out.push_back(user);
    }
  }
  std::erase(out, actor.user_id);
  return out;
}

/// The pledge an edit replaced, from its event's before_json (what pledge_json wrote).
std::optional<Pledge> pledge_from_json(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  Pledge p;
  if (auto* n = o.if_contains("note"); n && n->is_string()) p.note = std::string(n->as_string());
  if (auto* ts = o.if_contains("targets"); ts && ts->is_array()) {
    for (const auto& t : ts->as_array()) {
      if (!t.is_object()) continue;
      const auto& to = t.as_object();
      PledgeTarget pt;
      if (auto* i = to.if_contains("item_id"); i && i->is_int64()) pt.item_id = i->as_int64();
      if (auto* m = to.if_contains("measure"); m && m->is_string()) {
        pt.measure = parse_measure(std::string(m->as_string())).value_or(Measure::other);
      }
      if (auto* g = to.if_contains("target"); g && g->is_int64()) pt.target = g->as_int64();
      if (auto* c = to.if_contains("commune_id"); c && c->is_int64()) pt.commune_id = c->as_int64();
      if (auto* n = to.if_contains("note"); n && n->is_string()) pt.note = std::string(n->as_string());
      p.targets.push_back(std::move(pt));
    }
  }
  if (auto* ts = o.if_contains("titles"); ts && ts->is_array()) {
    for (const auto& t : ts->as_array()) {
      if (t.is_string()) {
        if (auto a = parse_award_aim(std::string(t.as_string()))) p.titles.push_back(*a);
      }
    }
  }
  return p;
}

/// Numbers each target's content item as the plan does (its place in section II).
void number_items(storage::Tx& tx, std::vector<Pledge>& pledges) {
  std::map<std::int64_t, std::map<std::int64_t, int>> numbers;  // movement → item → number
  for (auto& p : pledges) {
    if (p.targets.empty()) continue;
    auto [it, fresh] = numbers.try_emplace(p.movement_id);
    if (fresh) {
      int n = 0;
      for (const auto& i : storage::plan_items(tx, p.movement_id)) {
        if (i.section == PlanSection::content) it->second[i.id] = ++n;
      }
    }
    for (auto& t : p.targets) {
      if (auto k = it->second.find(t.item_id); k != it->second.end()) t.item_number = k->second;
    }
  }
}

std::string subject_text(const Pledge& p) {
  return p.subject == RecordSubject::unit ? p.unit_name : p.person_name;
}

}  // namespace

std::string content_item_label(int number, const std::string& body) {
  std::string text = body;
  if (text.size() > 140) {
    // Cut at a space before 140 bytes, never inside a UTF-8 sequence.
    auto cut = text.rfind(' ', 140);
    if (cut == std::string::npos || cut < 60) cut = 140;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return std::to_string(number) + ". " + text;
}

PledgeService::PledgeService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<std::vector<Pledge>> PledgeService::list(const Principal& actor, const PledgeFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<Pledge>> {
    if (!can_read_agency(tx, actor, f.agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    storage::PledgeQuery q;
    q.agency_id = f.agency_id;
    q.movement_id = f.movement_id;
    q.year = f.year;
    q.unit_id = f.unit_id;
    q.status = f.status;
    q.include_withdrawn = f.include_withdrawn;
    q.with_targets = f.with_targets;
    std::vector<Pledge> rows;
    if (oversees(tx, actor, f.agency_id)) {
      rows = storage::list_pledges(tx, q);
    } else {
      auto me = own_person(tx, actor, f.agency_id);
      auto heads = headed_units(tx, actor, f.agency_id);
      if (heads.empty() && !me) return rows;
      if (heads.empty()) q.person_id = *me;
      rows = storage::list_pledges(tx, q);
      std::erase_if(rows, [&](const Pledge& p) {
        bool mine = me && p.person_id && *p.person_id == *me;
        return !mine && std::find(heads.begin(), heads.end(), p.unit_id) == heads.end();
      });
    }
    number_items(tx, rows);
    return rows;
  });
}

Result<PledgeDetail> PledgeService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<PledgeDetail> {
    auto p = storage::find_pledge(tx, id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "pledge.not_found");
    auto s = standing_on(tx, actor, *p);
    if (!s.sees) return fail(ErrorKind::forbidden, "pledge.forbidden");
    PledgeDetail d;
    std::vector<Pledge> one{std::move(*p)};
    number_items(tx, one);
    p = std::move(one.front());
    d.events = storage::pledge_events(tx, id);
    std::vector<Pledge> before;
    for (const auto& e : d.events) {
      auto b = e.before_json.empty() ? std::nullopt : pledge_from_json(e.before_json);
      if (b) b->movement_id = p->movement_id;
      before.push_back(b.value_or(Pledge{}));
      d.before.push_back(b);
    }
    number_items(tx, before);
    std::map<std::int64_t, std::string> texts;
    for (const auto& i : storage::plan_items(tx, p->movement_id)) texts[i.id] = i.body;
    for (std::size_t k = 0; k < before.size(); ++k) {
      if (!d.before[k]) continue;
      for (auto& t : before[k].targets) t.item_text = texts[t.item_id];
      d.before[k] = std::move(before[k]);
    }
    d.window = storage::find_pledge_window(tx, p->movement_id, p->year);
    d.rights = rights_on(s, p->status);
    d.pledge = std::move(*p);
    return d;
  });
}

Result<Pledge> PledgeService::create(const Principal& actor, std::int64_t agency_id, const PledgeInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Pledge> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    auto movement_id = parse_id(in.movement_id);
    if (!movement_id) {
      return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"movement_id", "validation.required"}}, ""});
    }
    auto m = storage::find_movement(tx, *movement_id);
    if (!m || m->agency_id != agency_id) return fail(ErrorKind::not_found, "movement.not_found");
    Error e = invalid();
    if (m->status == MovementStatus::draft) e.field("movement_id", "pledge.movement_not_launched");
    if (m->status == MovementStatus::closed) e.field("movement_id", "pledge.movement_closed");
    Pledge p;
    p.agency_id = agency_id;
    p.movement_id = m->id;
    p.created_by = account_of(actor);
    auto years = period_years(*m);
    auto year = parse_id(in.year);
    if (!year) {
      e.field("year", text::trim(in.year).empty() ? "validation.required" : "validation.invalid");
    } else if (std::find(years.begin(), years.end(), *year) == years.end()) {
      e.field("year", "pledge.year_outside");
    } else {
      p.year = static_cast<int>(*year);
    }
    auto subject = parse_record_subject(text::trim(in.subject));
    if (!subject) {
      e.field("subject", "validation.invalid");
      return fail(e);
    }
    p.subject = *subject;
    bool allowed = is_office(actor, agency_id);
    if (p.subject == RecordSubject::unit) {
      auto unit_id = parse_id(in.unit_id);
      auto unit = unit_id ? storage::find_unit(tx, *unit_id) : std::nullopt;
      if (!unit || unit->agency_id != agency_id || !unit->active) {
        e.field("unit_id", text::trim(in.unit_id).empty() ? "validation.required" : "unit.not_found");
      } else {
        p.unit_id = unit->id;
        auto heads = headed_units(tx, actor, agency_id);
        allowed = allowed || std::find(heads.begin(), heads.end(), unit->id) != heads.end();
      }
    } else {
      auto me = own_person(tx, actor, agency_id);
      auto person_id = text::trim(in.person_id).empty() ? me : parse_id(in.person_id);
      auto person = person_id ? storage::find_person(tx, *person_id) : std::nullopt;
      if (!person_id && text::trim(in.person_id).empty()) {
        e.field("subject", "pledge.no_person_record");
      } else if (!person || person->agency_id != agency_id) {
        e.field("person_id", "person.not_found");
      } else if (person->status != PersonStatus::active || person->unit_id == 0) {
        e.field("person_id", "pledge.person_not_placed");
      } else {
        p.person_id = person->id;
        p.unit_id = person->unit_id;
        allowed = allowed || (me && *me == person->id);
      }
    }
    read_details(tx, e, *m, p.year, p.subject, in, p);
    if (!e.fields.empty()) return fail(e);
    if (!allowed) return fail(ErrorKind::forbidden, "pledge.not_allowed");
    std::int64_t key = p.subject == RecordSubject::unit ? p.unit_id : *p.person_id;
    if (storage::find_live_pledge(tx, p.movement_id, p.year, p.subject, key)) {
      return fail(Error{ErrorKind::conflict, "pledge.exists", {}, {{"subject", "pledge.exists"}}, ""});
    }
    p.id = storage::insert_pledge(tx, p, to_iso(now));
    record_event(tx, actor, p.id, "created", "", "", now);
    record_audit(tx, actor, {"pledge.create", "pledge", std::to_string(p.id), "", json::serialize(pledge_json(p))}, now);
    return *storage::find_pledge(tx, p.id);
  });
}

Result<Pledge> PledgeService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                     const PledgeInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Pledge> {
    auto found = for_change(tx, actor, id, version);
    if (!found) return fail(found.error());
    const Pledge& old = found->first;
    const Standing& s = found->second;
    if (!s.owner && !s.office) return fail(ErrorKind::forbidden, "pledge.not_allowed");
    if (!pledge_editable(old.status)) {
      return fail(ErrorKind::conflict, old.status == PledgeStatus::approved ? "pledge.approved_locked"
                                                                            : "pledge.not_editable");
    }
    auto m = storage::find_movement(tx, old.movement_id);
    if (!m) return fail(ErrorKind::not_found, "movement.not_found");
    Pledge p = old;
    Error e = invalid();
    read_details(tx, e, *m, p.year, p.subject, in, p);
    if (!e.fields.empty()) return fail(e);
    if (!storage::update_pledge(tx, p, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    const std::string before = json::serialize(pledge_json(old));
    record_event(tx, actor, id, "edited", "", before, now);
    record_audit(tx, actor, {"pledge.update", "pledge", std::to_string(id), before, json::serialize(pledge_json(p))},
                 now);
    return *storage::find_pledge(tx, id);
  });
}

Result<Pledge> PledgeService::act(const Principal& actor, std::int64_t id, std::int64_t version, PledgeAction action,
                                  const std::string& comment_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Pledge> {
    auto found = for_change(tx, actor, id, version);
    if (!found) return fail(found.error());
    const Pledge& p = found->first;
    auto rights = rights_on(found->second, p.status);
    auto next = pledge_next(p.status, action);
    if (!next) {
      bool locked = p.status == PledgeStatus::approved && action != PledgeAction::approve;
      return fail(Error{ErrorKind::conflict, locked ? "pledge.approved_locked" : "pledge.wrong_status",
                        {{"status", std::string(to_string(p.status))}}, {}, ""});
    }
    bool may = (action == PledgeAction::submit && rights.can_submit) ||
               (action == PledgeAction::send_back && rights.can_return) ||
               (action == PledgeAction::approve && rights.can_approve) ||
               (action == PledgeAction::withdraw && rights.can_withdraw);
    if (!may) return fail(ErrorKind::forbidden, "pledge.not_allowed");
    Error e = invalid();
    std::string comment;
    if (action == PledgeAction::send_back) required_text(e, "comment", comment_in, kComment, comment);
    else optional_text(e, "comment", comment_in, kComment, comment);
    if (action == PledgeAction::submit && p.targets.empty()) e.field("targets", "pledge.needs_target");
    if (!e.fields.empty()) return fail(e);
    bool decision = action == PledgeAction::approve || action == PledgeAction::send_back;
    std::string last = action == PledgeAction::send_back || action == PledgeAction::withdraw ? comment
                       : action == PledgeAction::approve                                    ? ""
                                                                                            : p.last_comment;
    if (!storage::set_pledge_status(tx, id, version, *next, last, action == PledgeAction::submit,
                                    decision ? account_of(actor) : std::nullopt, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    auto event = pledge_event_name(p.status, action);
    record_event(tx, actor, id, event, comment, "", now);
    json::object before{{"status", std::string(to_string(p.status))}};
    json::object after{{"status", std::string(to_string(*next))}, {"comment", comment}};
    record_audit(tx, actor,
                 {"pledge." + std::string(to_string(action)), "pledge", std::to_string(id), json::serialize(before),
                  json::serialize(after)},
                 now);
    // The subject hears of a decision on their pledge.
    if (decision) {
      bool approved = action == PledgeAction::approve;
      for (auto user : owners_to_tell(tx, actor, p)) {
        NotificationDraft n;
        n.user_id = user;
        n.agency_id = p.agency_id;
        n.kind = approved ? "pledge_approved" : "pledge_returned";
        n.title = std::string(approved ? "Đăng ký thi đua đã được duyệt: " : "Đăng ký thi đua bị trả lại: ") +
                  subject_text(p) + ", năm " + std::to_string(p.year);
        n.body = approved ? p.movement_title : comment;
        n.link = "/pledges/" + std::to_string(id);
        n.dedupe_key = "pledge:" + std::to_string(id) + ":v" + std::to_string(version + 1);
        NotificationService::create(tx, actor, n, now);
      }
    }
    return *storage::find_pledge(tx, id);
  });
}

}  // namespace thidua::services
