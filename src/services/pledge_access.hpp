#pragma once
/// Who may see and do what to pledges (internal to pledge_service.cpp and pledge_followup.cpp).
///
/// - The Office (admin or office of the agency, or the installation administrator) sees and
///   may act on every pledge of its agency, and approves units' pledges.
/// - Leaders (and an authority over the agency) see every pledge.
/// - A unit head sees their unit's pledge and those of its people; drafts and submits the
///   unit's; approves or sends back the people's.
/// - Anyone with a person record drafts, submits and withdraws their own.
/// Nobody approves or sends back their own pledge.

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/movement.hpp"
#include "domain/pledge.hpp"
#include "domain/role.hpp"
#include "services/pledge_service.hpp"
#include "storage/database.hpp"

namespace thidua::services::pledge_detail {

/// The actor's person record in `agency_id`, if any.
std::optional<std::int64_t> own_person(storage::Tx& tx, const Principal& actor, std::int64_t agency_id);
/// The units the actor heads in `agency_id` (a unit-head grant that names no unit is for the
/// unit the actor's person record is in).
std::vector<std::int64_t> headed_units(storage::Tx& tx, const Principal& actor, std::int64_t agency_id);
bool is_office(const Principal& actor, std::int64_t agency_id);
/// Office, leaders, an authority over the agency, the installation administrator.
bool oversees(storage::Tx& tx, const Principal& actor, std::int64_t agency_id);

struct Standing {
  bool office = false;
  bool sees = false;
  bool owner = false;     ///< drafts and submits it: the person, or the unit's head
  bool approver = false;  ///< approves and sends it back
};
Standing standing_on(storage::Tx& tx, const Principal& actor, const Pledge& p);
PledgeRights rights_on(const Standing& s, PledgeStatus status);

/// Movement `id` of an agency the actor may read, launched (not a draft); "not found"
/// otherwise (a draft is not shown to those who follow pledges).
Result<Movement> readable_movement(storage::Tx& tx, const Principal& actor, std::int64_t id);
/// The years of the movement's period.
std::vector<int> period_years(const Movement& m);
/// Today's date in Vietnam (UTC+7), ISO: a reminder is sent once per day as people there count days.
std::string vn_today(TimePoint now);

}  // namespace thidua::services::pledge_detail
