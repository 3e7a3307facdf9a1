#include "services/pledge_access.hpp"

#include <algorithm>
#include <chrono>

#include "services/scope.hpp"
#include "storage/movement_repo.hpp"
#include "storage/people_repo.hpp"

namespace thidua::services::pledge_detail {

std::optional<std::int64_t> own_person(storage::Tx& tx, const Principal& actor, std::int64_t agency_id) {
  if (actor.user_id <= 0) return std::nullopt;
  auto id = storage::find_person_by_user(tx, actor.user_id);
  if (!id) return std::nullopt;
  auto p = storage::find_person(tx, *id);
  if (!p || p->agency_id != agency_id) return std::nullopt;
  return *id;
}

std::vector<std::int64_t> headed_units(storage::Tx& tx, const Principal& actor, std::int64_t agency_id) {
  std::vector<std::int64_t> out;
  bool unnamed = false;
  for (const auto& g : actor.grants) {
    if (g.role != Role::unit_head || !g.agency_id || *g.agency_id != agency_id) continue;
    if (g.unit_id) out.push_back(*g.unit_id);
    else unnamed = true;
  }
  if (unnamed) {
    if (auto me = own_person(tx, actor, agency_id)) {
      if (auto p = storage::find_person(tx, *me); p && p->unit_id) out.push_back(p->unit_id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_office(const Principal& actor, std::int64_t agency_id) { return can_manage_agency(actor, agency_id); }

bool oversees(storage::Tx& tx, const Principal& actor, std::int64_t agency_id) {
  if (is_office(actor, agency_id) || actor.has_role_in(Role::leader, agency_id)) return true;
  return actor.has_role(Role::authority) && can_read_agency(tx, actor, agency_id);
}

Standing standing_on(storage::Tx& tx, const Principal& actor, const Pledge& p) {
  Standing s;
  if (!can_read_agency(tx, actor, p.agency_id)) return s;
  s.office = is_office(actor, p.agency_id);
  auto heads = headed_units(tx, actor, p.agency_id);
  bool heads_unit = std::find(heads.begin(), heads.end(), p.unit_id) != heads.end();
  bool own = false;
  if (p.subject == RecordSubject::person) {
    auto me = own_person(tx, actor, p.agency_id);
    own = me && p.person_id && *me == *p.person_id;
    s.owner = own;
    s.approver = !own && (heads_unit || s.office);
  } else {
    s.owner = heads_unit;
    s.approver = s.office;
  }
  s.sees = s.owner || own || heads_unit || oversees(tx, actor, p.agency_id);
  return s;
}

PledgeRights rights_on(const Standing& s, PledgeStatus status) {
  PledgeRights r;
  const bool writes = s.owner || s.office;
  r.can_edit = writes && pledge_editable(status);
  r.can_submit = writes && pledge_next(status, PledgeAction::submit).has_value();
  r.can_withdraw = writes && pledge_next(status, PledgeAction::withdraw).has_value();
  r.can_approve = s.approver && pledge_next(status, PledgeAction::approve).has_value();
  r.can_return = s.approver && pledge_next(status, PledgeAction::send_back).has_value();
  return r;
}

Result<Movement> readable_movement(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto m = storage::find_movement(tx, id);
  if (!m || !can_read_agency(tx, actor, m->agency_id) || m->status == MovementStatus::draft) {
    return fail(ErrorKind::not_found, "movement.not_found");
  }
  return *m;
}

std::vector<int> period_years(const Movement& m) {
  std::vector<int> out;
  if (m.period_from.size() < 4 || m.period_to.size() < 4) return out;
  int from = std::stoi(m.period_from.substr(0, 4)), to = std::stoi(m.period_to.substr(0, 4));
  for (int y = from; y <= to && out.size() < 50; ++y) out.push_back(y);
  return out;
}

std::string vn_today(TimePoint now) { return to_iso(now + std::chrono::hours(7)).substr(0, 10); }

}  // namespace thidua::services::pledge_detail
