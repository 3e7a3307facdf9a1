#include "services/achievement_rights.hpp"

#include <algorithm>

#include "services/scope.hpp"
#include "storage/people_repo.hpp"

namespace thidua::services {

bool RecordRights::heads(std::int64_t unit_id) const {
  return std::find(headed_units.begin(), headed_units.end(), unit_id) != headed_units.end();
}

bool RecordRights::may_record(RecordSubject subject, std::int64_t unit_id, std::optional<std::int64_t> person) const {
  if (manages) return true;
  if (heads(unit_id)) return true;
  return subject == RecordSubject::person && person && person_id && *person == *person_id;
}

bool RecordRights::may_read(const Achievement& a) const {
  if (!readable || a.agency_id != agency_id) return false;
  if (oversees || heads(a.unit_id)) return true;
  if (user_id > 0 && a.created_by && *a.created_by == user_id) return true;
  return a.person_id && person_id && *a.person_id == *person_id;
}

bool RecordRights::may_change(const Achievement& a) const {
  if (a.status == AchievementStatus::verified && !manages) return false;
  return may_record(a.subject, a.unit_id, a.person_id);
}

bool RecordRights::may_see_unit(std::int64_t unit_id) const {
  return readable && (oversees || heads(unit_id) || (person_unit != 0 && person_unit == unit_id));
}

RecordRights record_rights(storage::Tx& tx, const Principal& actor, std::int64_t agency_id, bool quick) {
  RecordRights r;
  r.agency_id = agency_id;
  r.user_id = actor.user_id;
  r.readable = can_read_agency(tx, actor, agency_id);
  if (!r.readable) return r;
  r.manages = can_manage_agency(actor, agency_id);
  r.oversees = r.manages || actor.has_role_in(Role::leader, agency_id) || actor.has_role_in(Role::council, agency_id);
  if (quick && r.oversees) return r;
  if (actor.user_id > 0) {
    if (auto pid = storage::find_person_by_user(tx, actor.user_id)) {
      auto p = storage::find_person(tx, *pid);
      if (p && p->agency_id == agency_id) {
        r.person_id = p->id;
        r.person_unit = p->unit_id;
      }
    }
  }
  for (const auto& g : actor.grants) {
    if (g.role != Role::unit_head || !g.agency_id || *g.agency_id != agency_id) continue;
    if (g.unit_id) r.headed_units.push_back(*g.unit_id);
    else if (r.person_unit != 0) r.headed_units.push_back(r.person_unit);
  }
  std::sort(r.headed_units.begin(), r.headed_units.end());
  r.headed_units.erase(std::unique(r.headed_units.begin(), r.headed_units.end()), r.headed_units.end());
  return r;
}

}  // namespace thidua::services
