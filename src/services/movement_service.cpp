#include "services/movement_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/file_store.hpp"
#include "services/plan_document.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/account_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::size_t kLine = 300;      // a title, a label, a heading
constexpr std::size_t kText = 4000;     // a paragraph
constexpr std::size_t kMaxFile = 20u << 20;

/// The acting account, for "who did it" columns: none for an operator at the command line.
std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

bool leads_agency(const Principal& p, std::int64_t agency_id) {
  return is_installation_admin(p) || p.has_role_in(Role::leader, agency_id);
}

/// The units a user answers for: their grants' units and the unit their person record is in.
std::vector<std::int64_t> units_of(storage::Tx& tx, const Principal& p) {
  std::vector<std::int64_t> out;
  for (const auto& g : p.grants) {
    if (g.unit_id) out.push_back(*g.unit_id);
  }
  if (auto person_id = storage::find_person_by_user(tx, p.user_id)) {
    if (auto person = storage::find_person(tx, *person_id); person && person->unit_id) out.push_back(person->unit_id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// May mark tasks and attach sub-plans for `unit_id` (empty: the agency's own tasks).
bool may_follow(storage::Tx& tx, const Principal& p, std::int64_t agency_id, std::optional<std::int64_t> unit_id) {
  if (can_manage_agency(p, agency_id) || leads_agency(p, agency_id)) return true;
  if (!unit_id) return false;
  for (const auto& g : p.grants) {
    if (g.role == Role::unit_head && g.unit_id && *g.unit_id == *unit_id) return true;
  }
  (void)tx;
  return false;
}


json::object item_json(const PlanItem& i) {
  json::array units;
  for (auto u : i.unit_ids) units.push_back(u);
  return {{"section", std::string(to_string(i.section))},
          {"position", i.position},
          {"label", i.label},
          {"body", i.body},
          {"ref_number", i.ref_number},
          {"ref_date", i.ref_date},
          {"issuer", i.issuer},
          {"code", i.code},
          {"unit_ids", units}};
}

/// The movement `id` for a change of its draft plan by `actor`.
Result<Movement> draft_for_change(storage::Tx& tx, const Principal& actor, std::int64_t id,
                                  std::optional<std::int64_t> version) {
  auto m = storage::find_movement(tx, id);
  if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
  if (!can_manage_agency(actor, m->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  if (version && m->version != *version) return fail(ErrorKind::conflict, "edit.stale");
  if (m->status != MovementStatus::draft) return fail(ErrorKind::conflict, "movement.not_draft");
  return *m;
}

/// Marks the open tasks whose due date has passed.
void mark_late(std::vector<MovementTask>& tasks, const std::string& today) {
  for (auto& t : tasks) t.late = t.status == TaskStatus::open && !t.due_date.empty() && t.due_date < today;
}

/// The actor's rights on a movement (its data version left unset).
MovementStamp rights_on(const Principal& actor, const Movement& m) {
  MovementStamp r;
  bool manages = can_manage_agency(actor, m.agency_id);
  bool leads = leads_agency(actor, m.agency_id);
  r.can_edit = manages && m.status == MovementStatus::draft;
  r.can_launch = leads && m.status == MovementStatus::draft;
  r.can_follow = m.status != MovementStatus::draft &&
                 (manages || leads || std::any_of(actor.grants.begin(), actor.grants.end(), [&](const RoleGrant& g) {
                   return g.role == Role::unit_head && g.agency_id && *g.agency_id == m.agency_id;
                 }));
  r.can_copy = manages;
  return r;
}

/// Item `item_id` and its movement for a change by `actor`: an item of a movement the actor
/// may not read is "not found", exactly like one that does not exist.
Result<std::pair<PlanItem, Movement>> item_for_change(storage::Tx& tx, const Principal& actor, std::int64_t item_id,
                                                      std::int64_t version) {
  auto item = storage::find_plan_item(tx, item_id);
  if (!item) return fail(ErrorKind::not_found, "movement.item_not_found");
  auto owner = storage::find_movement(tx, item->movement_id);
  if (!owner || !can_read_agency(tx, actor, owner->agency_id)) return fail(ErrorKind::not_found, "movement.item_not_found");
  auto m = draft_for_change(tx, actor, item->movement_id, version);
  if (!m) return fail(m.error());
  return std::make_pair(*item, *m);
}

/// The movement's header fields from `in`, validated into `m`.
Result<void> apply_input(Movement& m, const MovementInput& in) {
  Error e = invalid();
  required_text(e, "title", in.title, kLine, m.title);
  if (auto k = parse_movement_kind(in.kind)) {
    m.kind = *k;
  } else {
    e.field("kind", "validation.invalid");
  }
  if (auto l = parse_movement_level(in.level)) {
    m.level = *l;
  } else {
    e.field("level", "validation.invalid");
  }
  m.period_from = period_bound(in.period_from, false);
  m.period_to = period_bound(in.period_to, true);
  if (m.period_from.empty()) e.field("period_from", text::trim(in.period_from).empty() ? "validation.required" : "movement.period_invalid");
  if (m.period_to.empty()) e.field("period_to", text::trim(in.period_to).empty() ? "validation.required" : "movement.period_invalid");
  if (!m.period_from.empty() && !m.period_to.empty() && m.period_to < m.period_from) {
    e.field("period_to", "movement.period_backwards");
  }
  required_text(e, "summary", in.summary, kText, m.summary);
  optional_text(e, "header_parent", in.header_parent, kLine, m.header_parent);
  required_text(e, "header_name", in.header_name, kLine, m.header_name);
  optional_text(e, "doc_number", in.doc_number, 20, m.doc_number);
  required_text(e, "doc_symbol", in.doc_symbol, 40, m.doc_symbol);
  if (m.doc_symbol.find(' ') != std::string::npos) e.field("doc_symbol", "movement.symbol_invalid");
  required_text(e, "place", in.place, 100, m.place);
  m.doc_date = date_field(e, "doc_date", in.doc_date, false);
  optional_text(e, "preamble", in.preamble, kText, m.preamble);
  optional_text(e, "closing", in.closing, kText, m.closing);
  optional_text(e, "signer_mark", in.signer_mark, 100, m.signer_mark);
  optional_text(e, "signer_title", in.signer_title, 100, m.signer_title);
  optional_text(e, "signer_name", in.signer_name, 100, m.signer_name);
  if (!e.fields.empty()) return fail(e);
  return {};
}

/// The item's fields from `in` for its section, validated.
Result<PlanItem> item_from(storage::Tx& tx, const Movement& m, PlanSection section, const PlanItemInput& in) {
  PlanItem i;
  i.movement_id = m.id;
  i.section = section;
  Error e = invalid();
  required_text(e, "body", in.body, kText, i.body);
  switch (section) {
    case PlanSection::legal_basis:
      required_text(e, "label", in.label, 100, i.label);
      required_text(e, "ref_number", in.ref_number, 40, i.ref_number);
      i.ref_date = date_field(e, "ref_date", in.ref_date, true);
      required_text(e, "issuer", in.issuer, kLine, i.issuer);
      break;
    case PlanSection::subject:
      if (auto k = parse_subject_kind(in.label)) {
        i.label = std::string(to_string(*k));
      } else {
        e.field("label", "validation.invalid");
      }
      break;
    case PlanSection::award:
      required_text(e, "label", in.label, kLine, i.label);
      if (in.code != "agency" && in.code != "province") {
        e.field("code", "validation.invalid");
      } else {
        i.code = in.code;
      }
      break;
    case PlanSection::milestone:
      required_text(e, "label", in.label, 100, i.label);
      i.ref_date = date_field(e, "ref_date", in.ref_date, true);
      if (!i.ref_date.empty() && (i.ref_date < m.period_from || i.ref_date > m.period_to)) {
        e.field("ref_date", "movement.milestone_outside");
      }
      if (auto k = parse_milestone_kind(in.code.empty() ? "other" : in.code)) {
        i.code = std::string(to_string(*k));
      } else {
        e.field("code", "validation.invalid");
      }
      break;
    case PlanSection::responsibility: {
      auto units = storage::list_units(tx, m.agency_id, false);
      for (const auto& text : in.unit_ids) {
        if (text.empty()) continue;
        auto id = std::strtoll(text.c_str(), nullptr, 10);
        bool known = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.id == id; });
        if (!known) {
          e.field("unit_ids", "unit.not_found");
          break;
        }
        if (std::find(i.unit_ids.begin(), i.unit_ids.end(), id) == i.unit_ids.end()) i.unit_ids.push_back(id);
      }
      break;
    }
    default:
      break;
  }
  if (!e.fields.empty()) return fail(e);
  return i;
}

/// Checks of the header against the rest of the register: the number and symbol are given
/// once a year in the agency; the milestones stay inside the period.
Result<void> check_register(storage::Tx& tx, const Movement& m) {
  Error e = invalid();
  if (!m.doc_number.empty()) {
    std::string year = m.doc_date.empty() ? m.period_from.substr(0, 4) : m.doc_date.substr(0, 4);
    if (storage::movement_number_taken(tx, m.agency_id, m.doc_number, m.doc_symbol, year, m.id)) {
      e.kind = ErrorKind::conflict;
      e.code = "movement.number_taken";
      e.field("doc_number", "movement.number_taken");
    }
  }
  for (const auto& i : storage::plan_items(tx, m.id)) {
    if (i.section == PlanSection::milestone && (i.ref_date < m.period_from || i.ref_date > m.period_to)) {
      e.field("period_to", "movement.milestones_outside");
      break;
    }
  }
  if (!e.fields.empty()) return fail(e);
  return {};
}

/// What is missing before a plan can be launched, as field errors.
Error launch_gaps(const Movement& m, const std::vector<PlanItem>& items) {
  Error e{ErrorKind::validation, "movement.incomplete", {}, {}, ""};
  if (m.doc_date.empty()) e.field("doc_date", "validation.required");
  if (m.signer_title.empty()) e.field("signer_title", "validation.required");
  if (m.signer_name.empty()) e.field("signer_name", "validation.required");
  auto has = [&](PlanSection s) {
    return std::any_of(items.begin(), items.end(), [&](const PlanItem& i) { return i.section == s; });
  };
  if (!has(PlanSection::content)) e.field("content", "movement.needs_content");
  if (!has(PlanSection::milestone)) e.field("milestone", "movement.needs_milestone");
  if (!has(PlanSection::recipient)) e.field("recipient", "movement.needs_recipient");
  return e;
}

/// `iso` moved on by `years` ("" stays ""); 29 February becomes 28 February off leap years.
std::string shift_years(const std::string& iso, int years) {
  auto d = text::parse_iso_date(iso);
  if (!d) return iso;
  int y = d->year + years;
  int day = d->day;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d->month == 2 && day == 29 && !leap) day = 28;
  return text::Date{y, d->month, day}.iso();
}

/// `s` with the period "2021 - 2025" (any dash, any spacing seen in plans) written as the next
/// one's, e.g. "2026 - 2030".
std::string renew_period(std::string s, int from, int to, int years) {
  const std::string a = std::to_string(from), b = std::to_string(to);
  const std::string na = std::to_string(from + years), nb = std::to_string(to + years);
  for (const char* sep : {" - ", "-", " – ", "–", " — "}) {
    const std::string old = a + sep + b, next = na + sep + nb;
    for (auto at = s.find(old); at != std::string::npos; at = s.find(old, at + next.size())) s.replace(at, old.size(), next);
  }
  return s;
}

/// A milestone's "when" with each year of the old period moved on ("Năm 2023" → "Năm 2028").
std::string shift_label_years(const std::string& s, int from, int to, int years) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool digits = i + 4 <= s.size() && std::all_of(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(i + 4),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    bool alone = digits && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
                 (i + 4 == s.size() || !(s[i + 4] >= '0' && s[i + 4] <= '9'));
    if (alone) {
      int y = std::stoi(s.substr(i, 4));
      out += std::to_string(y >= from && y <= to ? y + years : y);
      i += 4;
    } else {
      out += s[i++];
    }
  }
  return out;
}

/// The stage a launched movement is at, from its review milestones' tasks.
MovementStatus stage_after_reviews(storage::Tx& tx, const Movement& m) {
  if (m.status == MovementStatus::draft) return m.status;
  bool midterm = false, final_review = false;
  auto items = storage::plan_items(tx, m.id);
  for (const auto& t : storage::movement_tasks(tx, m.id)) {
    if (!t.item_id || t.status != TaskStatus::done) continue;
    for (const auto& i : items) {
      if (i.id != *t.item_id || i.section != PlanSection::milestone) continue;
      if (i.code == to_string(MilestoneKind::midterm)) midterm = true;
      if (i.code == to_string(MilestoneKind::final_review)) final_review = true;
    }
  }
  if (final_review) return MovementStatus::closed;
  if (midterm) return MovementStatus::midterm_reviewed;
  return MovementStatus::launched;
}

}  // namespace

json::object movement_fields(const Movement& m) {
  return {{"title", m.title},
          {"kind", std::string(to_string(m.kind))},
          {"level", std::string(to_string(m.level))},
          {"period_from", m.period_from},
          {"period_to", m.period_to},
          {"summary", m.summary},
          {"header_parent", m.header_parent},
          {"header_name", m.header_name},
          {"doc_number", m.doc_number},
          {"doc_symbol", m.doc_symbol},
          {"place", m.place},
          {"doc_date", m.doc_date},
          {"preamble", m.preamble},
          {"closing", m.closing},
          {"signer_mark", m.signer_mark},
          {"signer_title", m.signer_title},
          {"signer_name", m.signer_name},
          {"status", std::string(to_string(m.status))}};
}

std::string period_bound(const std::string& text_in, bool end) {
  auto t = text::trim(text_in);
  if (t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(std::string(t));
    if (y < 1945 || y > 2200) return {};
    return std::string(t) + (end ? "-12-31" : "-01-01");
  }
  auto d = text::parse_date_vn(t);
  if (!d) return {};
  return d->iso();
}

MovementService::MovementService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files, Clock clock)
    : db_(std::move(db)), files_(std::move(files)), clock_(std::move(clock)) {}

Result<std::vector<storage::MovementRow>> MovementService::list(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::MovementRow>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    auto rows = storage::list_movements(tx, {agency_id});
    bool sees_drafts = can_manage_agency(actor, agency_id) || leads_agency(actor, agency_id);
    if (!sees_drafts) {
      std::erase_if(rows, [](const storage::MovementRow& r) { return r.movement.status == MovementStatus::draft; });
    }
    return rows;
  });
}

Result<MovementDetail> MovementService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<MovementDetail> {
    auto m = storage::find_movement(tx, id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    bool manages = can_manage_agency(actor, m->agency_id);
    bool leads = leads_agency(actor, m->agency_id);
    if (m->status == MovementStatus::draft && !manages && !leads) return fail(ErrorKind::not_found, "movement.not_found");
    MovementDetail d;
    d.movement = *m;
    if (auto a = storage::find_agency(tx, m->agency_id)) d.agency_name = a->name;
    d.items = storage::plan_items(tx, id);
    d.tasks = storage::movement_tasks(tx, id);
    mark_late(d.tasks, today_iso(clock_()));
    d.unit_plans = storage::unit_plans(tx, id);
    d.units = storage::list_units(tx, m->agency_id, false);
    auto rights = rights_on(actor, *m);
    d.can_edit = rights.can_edit;
    d.can_launch = rights.can_launch;
    d.can_follow = rights.can_follow;
    return d;
  });
}

Result<MovementStamp> MovementService::stamp(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<MovementStamp> {
    auto m = storage::find_movement(tx, id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    auto rights = rights_on(actor, *m);
    if (m->status == MovementStatus::draft && !rights.can_copy && !leads_agency(actor, m->agency_id)) {
      return fail(ErrorKind::not_found, "movement.not_found");
    }
    rights.data_version = storage::audit_head(tx).first;
    return rights;
  });
}

Result<documents::Document> MovementService::document(const Principal& actor, std::int64_t id) {
  auto d = get(actor, id);
  if (!d) return fail(d.error());
  return plan_document(d->movement, d->items, d->agency_name);
}

Result<Movement> MovementService::create(const Principal& actor, std::int64_t agency_id, const MovementInput& in) {
  const auto now = clock_();
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Movement> {
    auto agency = storage::find_agency_row(tx, agency_id);
    if (!agency) return fail(ErrorKind::not_found, "agency.not_found");
    MovementInput filled = in;
    // The header block starts from the agency's own names; the Office can adjust them.
    if (text::trim(filled.header_name).empty()) filled.header_name = text::upper_vi(agency->agency.name);
    if (text::trim(filled.header_parent).empty() && agency->parent_id) {
      if (auto parent = storage::find_agency(tx, *agency->parent_id)) filled.header_parent = text::upper_vi(parent->name);
    }
    if (text::trim(filled.doc_symbol).empty()) filled.doc_symbol = "KH-" + agency->agency.code;
    Movement m;
    m.agency_id = agency_id;
    if (auto ok = apply_input(m, filled); !ok) return fail(ok.error());
    if (auto ok = check_register(tx, m); !ok) return fail(ok.error());
    auto ts = to_iso(now);
    m.id = storage::insert_movement(tx, m, ts);
    record_audit(tx, actor, {"movement.create", "movement", std::to_string(m.id), "", json::serialize(movement_fields(m))},
                 now);
    return *storage::find_movement(tx, m.id);
  });
}

Result<Movement> MovementService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                         const MovementInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Movement> {
    auto old = draft_for_change(tx, actor, id, version);
    if (!old) return fail(old.error());
    Movement m = *old;
    if (auto ok = apply_input(m, in); !ok) return fail(ok.error());
    if (auto ok = check_register(tx, m); !ok) return fail(ok.error());
    if (!storage::update_movement(tx, m, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    record_audit(tx, actor,
                 {"movement.update", "movement", std::to_string(id), json::serialize(movement_fields(*old)),
                  json::serialize(movement_fields(m))},
                 now);
    return *storage::find_movement(tx, id);
  });
}

Result<std::int64_t> MovementService::add_item(const Principal& actor, std::int64_t movement_id, std::int64_t version,
                                               const PlanItemInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto m = draft_for_change(tx, actor, movement_id, version);
    if (!m) return fail(m.error());
    auto section = parse_plan_section(in.section);
    if (!section) return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"section", "validation.invalid"}}, ""});
    auto item = item_from(tx, *m, *section, in);
    if (!item) return fail(item.error());
    item->position = storage::next_item_position(tx, movement_id, *section);
    item->id = storage::insert_plan_item(tx, *item);
    if (!storage::bump_movement(tx, movement_id, version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    record_audit(tx, actor, {"movement.item_add", "movement", std::to_string(movement_id), "",
                             json::serialize(item_json(*item))},
                 now);
    return version + 1;
  });
}

Result<std::int64_t> MovementService::update_item(const Principal& actor, std::int64_t item_id, std::int64_t version,
                                                  const PlanItemInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto found = item_for_change(tx, actor, item_id, version);
    if (!found) return fail(found.error());
    auto old = std::optional<PlanItem>(found->first);
    auto m = std::optional<Movement>(found->second);
    auto item = item_from(tx, *m, old->section, in);
    if (!item) return fail(item.error());
    item->id = item_id;
    item->position = old->position;
    storage::update_plan_item(tx, *item);
    if (!storage::bump_movement(tx, m->id, version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    record_audit(tx, actor,
                 {"movement.item_update", "movement", std::to_string(m->id), json::serialize(item_json(*old)),
                  json::serialize(item_json(*item))},
                 now);
    return version + 1;
  });
}

Result<std::int64_t> MovementService::move_item(const Principal& actor, std::int64_t item_id, std::int64_t version,
                                                ItemMove move) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto found = item_for_change(tx, actor, item_id, version);
    if (!found) return fail(found.error());
    auto item = std::optional<PlanItem>(found->first);
    auto m = std::optional<Movement>(found->second);
    std::vector<PlanItem> same;
    for (auto& i : storage::plan_items(tx, m->id)) {
      if (i.section == item->section) same.push_back(std::move(i));
    }
    auto it = std::find_if(same.begin(), same.end(), [&](const PlanItem& i) { return i.id == item_id; });
    auto at = static_cast<std::size_t>(it - same.begin());
    std::size_t other = move == ItemMove::up ? at - 1 : at + 1;
    if ((move == ItemMove::up && at == 0) || other >= same.size()) return version;  // already first / last
    std::swap(same[at], same[other]);
    // Positions are renumbered 1…n, so earlier gaps or equal positions sort out too.
    for (std::size_t k = 0; k < same.size(); ++k) storage::set_item_position(tx, same[k].id, static_cast<int>(k + 1));
    if (!storage::bump_movement(tx, m->id, version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    json::object after{{"item", item_id}, {"move", move == ItemMove::up ? "up" : "down"}};
    record_audit(tx, actor, {"movement.item_move", "movement", std::to_string(m->id), "", json::serialize(after)}, now);
    return version + 1;
  });
}

Result<std::int64_t> MovementService::delete_item(const Principal& actor, std::int64_t item_id, std::int64_t version) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    auto found = item_for_change(tx, actor, item_id, version);
    if (!found) return fail(found.error());
    auto item = std::optional<PlanItem>(found->first);
    auto m = std::optional<Movement>(found->second);
    storage::delete_plan_item(tx, item_id);
    if (!storage::bump_movement(tx, m->id, version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    // The removed text stays in the audit log: nothing typed is lost.
    record_audit(tx, actor, {"movement.item_delete", "movement", std::to_string(m->id),
                             json::serialize(item_json(*item)), ""},
                 now);
    return version + 1;
  });
}

Result<Movement> MovementService::launch(const Principal& actor, std::int64_t id, std::int64_t version) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Movement> {
    auto m = storage::find_movement(tx, id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    if (!leads_agency(actor, m->agency_id)) return fail(ErrorKind::forbidden, "movement.leader_only");
    if (m->version != version) return fail(ErrorKind::conflict, "edit.stale");
    if (m->status != MovementStatus::draft) return fail(ErrorKind::conflict, "movement.not_draft");
    auto items = storage::plan_items(tx, id);
    if (auto gaps = launch_gaps(*m, items); !gaps.fields.empty()) return fail(gaps);
    auto ts = to_iso(now);
    int created = 0;
    for (const auto& i : items) {
      if (i.section == PlanSection::milestone) {
        MovementTask t;
        t.movement_id = id;
        t.item_id = i.id;
        t.title = i.label + ": " + i.body;
        t.due_date = i.ref_date;
        storage::insert_task(tx, t, ts);
        ++created;
      } else if (i.section == PlanSection::responsibility) {
        // A responsibility without units is the agency's own (the council, the leaders).
        std::vector<std::optional<std::int64_t>> owners;
        for (auto u : i.unit_ids) owners.emplace_back(u);
        if (owners.empty()) owners.emplace_back(std::nullopt);
        for (const auto& owner : owners) {
          MovementTask t;
          t.movement_id = id;
          t.item_id = i.id;
          t.unit_id = owner;
          t.title = i.body;
          t.due_date = m->period_to;
          storage::insert_task(tx, t, ts);
          ++created;
        }
      }
    }
    if (!storage::set_movement_status(tx, id, version, MovementStatus::launched, account_of(actor), ts)) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    json::object after{{"status", "launched"}, {"tasks", created}};
    record_audit(tx, actor, {"movement.launch", "movement", std::to_string(id), "", json::serialize(after)}, now);
    return *storage::find_movement(tx, id);
  });
}

Result<Movement> MovementService::copy(const Principal& actor, std::int64_t id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Movement> {
    auto src = storage::find_movement(tx, id);
    if (!src || !can_read_agency(tx, actor, src->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    if (!can_manage_agency(actor, src->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    auto from = text::parse_iso_date(src->period_from);
    auto to = text::parse_iso_date(src->period_to);
    int years = from && to ? to->year - from->year + 1 : 1;
    Movement m = *src;
    m.copied_from = src->id;
    m.period_from = shift_years(src->period_from, years);
    m.period_to = shift_years(src->period_to, years);
    // The period written in the texts moves on too; the legal bases stay as they were issued.
    const int y0 = from ? from->year : 0, y1 = to ? to->year : 0;
    auto renew = [&](const std::string& t) { return renew_period(t, y0, y1, years); };
    m.title = renew(m.title);
    m.summary = renew(m.summary);
    m.preamble = renew(m.preamble);
    m.closing = renew(m.closing);
    m.doc_number.clear();
    m.doc_date.clear();
    m.status = MovementStatus::draft;
    auto ts = to_iso(now);
    m.id = storage::insert_movement(tx, m, ts);
    for (auto i : storage::plan_items(tx, src->id)) {
      i.movement_id = m.id;
      if (i.section != PlanSection::legal_basis) i.body = renew(i.body);
      if (i.section == PlanSection::milestone) {
        i.ref_date = shift_years(i.ref_date, years);
        i.label = shift_label_years(i.label, y0, y1, years);
      }
      storage::insert_plan_item(tx, i);
    }
    json::object after = movement_fields(m);
    after["copied_from"] = src->id;
    record_audit(tx, actor, {"movement.copy", "movement", std::to_string(m.id), "", json::serialize(after)}, now);
    return *storage::find_movement(tx, m.id);
  });
}

Result<MovementTask> MovementService::set_task(const Principal& actor, std::int64_t task_id, std::int64_t version,
                                               bool done, const std::string& note_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<MovementTask> {
    auto t = storage::find_task(tx, task_id);
    if (!t) return fail(ErrorKind::not_found, "task.not_found");
    auto m = storage::find_movement(tx, t->movement_id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "task.not_found");
    if (!may_follow(tx, actor, m->agency_id, t->unit_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    std::string note;
    optional_text(e, "note", note_in, kText, note);
    if (!e.fields.empty()) return fail(e);
    auto status = done ? TaskStatus::done : TaskStatus::open;
    if (!storage::set_task_status(tx, task_id, version, status, account_of(actor), note, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    json::object before{{"status", std::string(to_string(t->status))}, {"note", t->note}};
    json::object after{{"status", std::string(to_string(status))}, {"note", note}};
    record_audit(tx, actor,
                 {"task.update", "movement_task", std::to_string(task_id), json::serialize(before),
                  json::serialize(after)},
                 now);
    // The movement's stage follows its review milestones: the mid-term review done →
    // "mid-term reviewed"; the final review done → "closed"; reopening one steps back.
    if (auto stage = stage_after_reviews(tx, *m); stage != m->status) {
      if (!storage::set_movement_status(tx, m->id, m->version, stage, std::nullopt, to_iso(now))) {
        return fail(ErrorKind::conflict, "edit.stale");
      }
      json::object change{{"status", std::string(to_string(stage))}};
      record_audit(tx, actor, {"movement.stage", "movement", std::to_string(m->id), "", json::serialize(change)}, now);
    }
    return *storage::find_task(tx, task_id);
  });
}

Result<std::int64_t> MovementService::data_version() {
  return db_->read([&](storage::Tx& tx) -> Result<std::int64_t> { return storage::audit_head(tx).first; });
}

Result<std::vector<MovementTask>> MovementService::my_tasks(const Principal& actor, int limit) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<MovementTask>> {
    std::optional<std::int64_t> agency_tasks;
    if (actor.agency_id && (can_manage_agency(actor, *actor.agency_id) || leads_agency(actor, *actor.agency_id))) {
      agency_tasks = *actor.agency_id;
    }
    auto units = units_of(tx, actor);
    if (units.empty() && !agency_tasks) return std::vector<MovementTask>{};
    auto tasks = storage::open_tasks_for(tx, units, agency_tasks, limit);
    mark_late(tasks, today_iso(clock_()));
    return tasks;
  });
}

Result<UnitPlan> MovementService::add_unit_plan(const Principal& actor, std::int64_t movement_id,
                                                const UnitPlanInput& in) {
  const auto now = clock_();
  // The file is stored (content-addressed, idempotent) before the transaction that refers to it.
  std::string sha, type;
  if (in.file && in.file->length() > 0) {
    if (in.file->length() > kMaxFile) {
      return fail(Error{ErrorKind::validation, "file.too_large", {}, {{"file", "file.too_large"}}, ""});
    }
    auto sniffed = in.file->on_disk() ? sniff_content_type(in.file->head) : sniff_content_type(in.file->content);
    if (!sniffed && in.file->on_disk()) sniffed = sniff_file(in.file->path);
    if (!sniffed) return fail(Error{ErrorKind::validation, "file.bad_type", {}, {{"file", "file.bad_type"}}, ""});
    type = *sniffed;
  }
  return db_->write([&](storage::Tx& tx) -> Result<UnitPlan> {
    auto m = storage::find_movement(tx, movement_id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "movement.not_found");
    if (m->status == MovementStatus::draft) return fail(ErrorKind::conflict, "movement.not_launched");
    Error e = invalid();
    UnitPlan p;
    p.movement_id = movement_id;
    p.unit_id = std::strtoll(in.unit_id.c_str(), nullptr, 10);
    auto unit = storage::find_unit(tx, p.unit_id);
    if (!unit || unit->agency_id != m->agency_id) e.field("unit_id", "unit.not_found");
    if (in.kind != "subplan" && in.kind != "target") e.field("kind", "validation.invalid");
    p.kind = in.kind;
    required_text(e, "title", in.title, kLine, p.title);
    optional_text(e, "body", in.body, kText, p.body);
    bool has_file = !type.empty();
    if (p.kind == "subplan" && !has_file) e.field("file", "file.required");
    if (p.kind == "target" && p.body.empty() && !has_file) e.field("body", "validation.required");
    if (!e.fields.empty()) return fail(e);
    if (!may_follow(tx, actor, m->agency_id, p.unit_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    auto ts = to_iso(now);
    if (has_file) {
      auto stored = in.file->on_disk() ? files_->adopt(in.file->path, in.file->sha256) : files_->put(in.file->content);
      if (!stored) return fail(stored.error());
      sha = *stored;
      storage::ensure_stored_file(tx, sha, static_cast<std::int64_t>(in.file->length()), type, ts);
      p.file_sha256 = sha;
      optional_text(e, "file", in.file->name, kLine, p.file_name);
      if (p.file_name.empty()) p.file_name = p.title + "." + extension_for(type);
    }
    p.id = storage::insert_unit_plan(tx, p, account_of(actor), ts);
    json::object after{{"unit_id", p.unit_id}, {"kind", p.kind}, {"title", p.title}, {"body", p.body},
                       {"file_sha256", p.file_sha256}, {"file_name", p.file_name}};
    record_audit(tx, actor, {"movement.unit_plan_add", "movement", std::to_string(movement_id), "",
                             json::serialize(after)},
                 now);
    return *storage::find_unit_plan(tx, p.id);
  });
}

Result<std::pair<std::string, std::string>> MovementService::unit_plan_file(const Principal& actor,
                                                                            std::int64_t plan_id) {
  auto meta = db_->read([&](storage::Tx& tx) -> Result<std::pair<std::string, std::string>> {
    auto p = storage::find_unit_plan(tx, plan_id);
    if (!p || p->file_sha256.empty()) return fail(ErrorKind::not_found, "file.not_found");
    auto m = storage::find_movement(tx, p->movement_id);
    if (!m || !can_read_agency(tx, actor, m->agency_id)) return fail(ErrorKind::not_found, "file.not_found");
    auto type = storage::stored_file_type(tx, p->file_sha256);
    return std::make_pair(type.value_or("application/octet-stream"), p->file_sha256);
  });
  if (!meta) return fail(meta.error());
  auto bytes = files_->get(meta->second);
  if (!bytes) return fail(bytes.error());
  return std::make_pair(meta->first, std::move(*bytes));
}

}  // namespace thidua::services
