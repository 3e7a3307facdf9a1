#pragma once
/// Pledged against achieved: what verified achievements add up to, per content item and
/// commune, and the targets of the live pledges (pledge, pledge_target).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/record.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

inline constexpr std::size_t kMeasureCount = 11;

/// The verified achievements of one unit, content item and commune (none: commune_id empty):
/// each measure's value, indexed by Measure, and how many records.
struct AchievedRow {
  std::int64_t unit_id = 0;
  std::int64_t item_id = 0;
  std::optional<std::int64_t> commune_id;
  std::array<long long, kMeasureCount> values{};
  long long records = 0;
};

/// Of records of the unit (its own and its people's) / of the person / of every unit of
/// the agency, for the movement and year.
std::vector<AchievedRow> achieved_by_unit(Tx& tx, std::int64_t unit_id, std::int64_t movement_id, int year);
std::vector<AchievedRow> achieved_by_person(Tx& tx, std::int64_t person_id, std::int64_t movement_id, int year);
std::vector<AchievedRow> achieved_by_agency(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year);

/// The same sums over a period (issue 7, follow-up): `where` names the subject and binds, in
/// order, the subject's id, the movement, the first and last years and the first and last
/// days (ISO) — see follow_up_sql.hpp — and ends with its GROUP BY.
std::vector<AchievedRow> achieved_in_period(Tx& tx, const std::string& where, long long subject, long long movement,
                                           int first_year, int last_year, const std::string& from,
                                           const std::string& to);

struct PledgeTargetRow {
  std::int64_t pledge_id = 0;
  std::int64_t item_id = 0;
  std::string measure;
  long long target = 0;
  std::optional<std::int64_t> commune_id;
};
struct LivePledge {
  std::int64_t id = 0;
  std::string status;
  std::int64_t unit_id = 0;
  std::vector<PledgeTargetRow> targets;  ///< in the pledge's order
};

/// The pledge of a unit / a person for the movement and year that is not withdrawn, with
/// its targets.
std::optional<LivePledge> live_unit_pledge(Tx& tx, std::int64_t unit_id, std::int64_t movement_id, int year);
std::optional<LivePledge> live_person_pledge(Tx& tx, std::int64_t person_id, std::int64_t movement_id, int year);
/// The live pledges of every unit of the agency, with their targets.
std::vector<LivePledge> live_unit_pledges(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year);

}  // namespace thidua::storage
