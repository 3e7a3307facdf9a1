#pragma once
/// Progress of a movement in a year: pledged against achieved, per content item and measure,
/// for a unit (its own records and its people's), for a person, and for every unit of the
/// agency at once. Targets come from the live pledge (approved, or the one in hand); achieved
/// values from VERIFIED achievements only: a summed measure adds its column up, a counted one
/// counts the records of its kind (commune tasks: the records tied to a commune).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/record.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct ProgressLine {
  std::int64_t item_id = 0;
  int item_number = 0;
  std::string item_text;
  Measure measure = Measure::other;
  std::optional<std::int64_t> commune_id;  ///< a target for one commune
  std::string commune_name;
  std::optional<long long> target;  ///< none: achieved without a target
  long long achieved = 0;
  /// achieved / target in whole percent (may pass 100); -1 without a positive target.
  int percent() const;
};

/// Which movement and year (0 / empty: the agency's latest launched movement, this year or
/// the movement's last year).
struct ProgressQuery {
  std::optional<std::int64_t> movement_id;
  int year = 0;
};

struct Progress {
  RecordSubject subject = RecordSubject::unit;
  std::int64_t subject_id = 0;
  std::string name;       ///< the unit's or the person's name
  std::string unit_name;  ///< for a person: their unit now
  std::int64_t agency_id = 0;
  Movement movement;
  int year = 0;
  std::vector<int> years;  ///< the movement's years, up to this one
  std::vector<std::pair<std::int64_t, std::string>> movements;  ///< launched movements of the agency
  std::optional<std::int64_t> pledge_id;
  std::string pledge_status;  ///< empty: no pledge
  std::vector<ProgressLine> lines;  ///< by content item; targets first, then what has no target
  long long records = 0;            ///< verified records counted
  int targets = 0;
  int targets_met = 0;
  /// A unit's page: its people now, for those who see them (overseers, its head).
  std::vector<std::pair<std::int64_t, std::string>> people;
};

struct UnitProgressRow {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string pledge_status;
  std::vector<ProgressLine> lines;
  long long records = 0;
  int targets = 0;
  int targets_met = 0;
  int average_percent = -1;  ///< mean of min(percent, 100) over the targets; -1 without targets
};

struct ProgressOverview {
  std::int64_t agency_id = 0;
  Movement movement;
  int year = 0;
  std::vector<int> years;
  std::vector<std::pair<std::int64_t, std::string>> movements;
  std::vector<UnitProgressRow> units;  ///< the agency's active units, in its order
};

class ProgressService {
 public:
  ProgressService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  /// Seen by those who oversee the agency, the unit's head and its people.
  Result<Progress> unit(const Principal& actor, std::int64_t unit_id, const ProgressQuery& q);
  /// Seen by the person, the head of their unit and those who oversee the agency.
  Result<Progress> person(const Principal& actor, std::int64_t person_id, const ProgressQuery& q);
  /// Every unit of the agency: the Office, leaders and council members.
  Result<ProgressOverview> overview(const Principal& actor, std::int64_t agency_id, const ProgressQuery& q);
  /// The data version (audit head) once the actor is known to see unit `unit_id`'s progress:
  /// what the page cache keys that page by, with whether the actor sees its people.
  Result<std::pair<std::int64_t, bool>> unit_stamp(const Principal& actor, std::int64_t unit_id);
  /// Where "progress" leads the actor in `agency_id`: 0 for the overview (those who oversee),
  /// else their own unit's id; forbidden when they have neither.
  Result<std::int64_t> home_unit(const Principal& actor, std::int64_t agency_id);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

}  // namespace thidua::services
