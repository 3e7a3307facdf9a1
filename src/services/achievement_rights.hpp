#pragma once
/// Who may record, read and decide achievements in an agency (and see its progress):
///  - a person records their own; a unit head records for the unit and its people; the
///    Office (and the agency's administrator) for any unit and person;
///  - a record is read by its author, the person it is about, the head of its unit, the
///    Office, the leaders and the council members of the agency;
///  - only the Office verifies or returns, and only the Office changes a verified record.

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/achievement.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct RecordRights {
  std::int64_t agency_id = 0;
  std::int64_t user_id = 0;
  bool readable = false;  ///< the agency is one the actor may read at all
  bool manages = false;   ///< the Office, the agency's administrator, the installation administrator
  bool oversees = false;  ///< manages, or a leader or council member of the agency: reads every record
  std::vector<std::int64_t> headed_units;  ///< units the actor heads (a grant without a unit: their own unit)
  std::optional<std::int64_t> person_id;   ///< the actor's own person record in the agency
  std::int64_t person_unit = 0;            ///< its current unit (0: none)

  /// May record for `unit_id` as a unit, or for `person_id` (whose unit on the day is `unit_id`).
  bool may_record(RecordSubject subject, std::int64_t unit_id, std::optional<std::int64_t> person) const;
  bool heads(std::int64_t unit_id) const;
  bool may_read(const Achievement& a) const;
  /// May change `a` (edit, submit, withdraw): may record for its subject, and a verified
  /// record only when managing.
  bool may_change(const Achievement& a) const;
  /// Sees a unit's progress: overseers, its head, its people.
  bool may_see_unit(std::int64_t unit_id) const;
  /// Restricted readers see only their own, their people's and their units' records.
  bool restricted() const { return !oversees; }
};

/// The actor's rights in `agency_id`, read inside the caller's transaction. `quick`: for a
/// check that overseeing answers (a page served from the cache), the actor's own person record
/// and units are not looked up when they oversee the agency.
RecordRights record_rights(storage::Tx& tx, const Principal& actor, std::int64_t agency_id, bool quick = false);

}  // namespace thidua::services
