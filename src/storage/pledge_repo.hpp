#pragma once
/// Pledges, their targets, titles and events, the deadline of a movement's year, and what the
/// Office's follow-up needs: the roster of people in their current units, the unit heads, the
/// pledges' statuses, the communes the agency is assigned.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/pledge.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// Inserts a draft (targets and titles too); returns its id.
std::int64_t insert_pledge(Tx& tx, const Pledge& p, const std::string& at);
/// The note, targets and titles of `p` (version-checked on p.version): false when stale.
bool update_pledge(Tx& tx, const Pledge& p, const std::string& at);
/// Moves the status on (version-checked). `submitted` sets submitted_at, `decided_by` the
/// decision's who and when; `comment` becomes last_comment.
bool set_pledge_status(Tx& tx, std::int64_t id, std::int64_t version, PledgeStatus status, const std::string& comment,
                       bool submitted, std::optional<std::int64_t> decided_by, const std::string& at);
/// With targets and titles.
std::optional<Pledge> find_pledge(Tx& tx, std::int64_t id);
/// The live (not withdrawn) pledge of a subject for a movement's year, if any.
std::optional<std::int64_t> find_live_pledge(Tx& tx, std::int64_t movement_id, int year, RecordSubject subject,
                                             std::int64_t subject_key);

struct PledgeQuery {
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> movement_id;
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> person_id;
  std::optional<PledgeStatus> status;
  bool include_withdrawn = false;
  bool with_targets = false;  ///< also read targets and titles
};
/// Units' pledges first, then people's by unit and name.
std::vector<Pledge> list_pledges(Tx& tx, const PledgeQuery& q);

void insert_pledge_event(Tx& tx, const PledgeEvent& e);
std::vector<PledgeEvent> pledge_events(Tx& tx, std::int64_t pledge_id);

std::optional<PledgeWindow> find_pledge_window(Tx& tx, std::int64_t movement_id, int year);
void save_pledge_window(Tx& tx, const PledgeWindow& w);

/// A person in their current unit.
struct RosterEntry {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::int64_t> user_id;
  std::int64_t unit_id = 0;
  std::string position;
};
/// The agency's active people in their current units, sorted the Vietnamese way.
std::vector<RosterEntry> agency_roster(Tx& tx, std::int64_t agency_id);

struct PledgeStanding {
  std::int64_t id = 0;
  RecordSubject subject = RecordSubject::person;
  std::int64_t subject_key = 0;  ///< the unit or the person
  PledgeStatus status = PledgeStatus::draft;
  std::int64_t unit_id = 0;  ///< the unit; for a person, their unit when they pledged
};
/// The live pledges of a movement's year in an agency.
std::vector<PledgeStanding> pledge_standings(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year);
/// (unit id, user id) of the agency's active unit-head accounts (a grant without a unit is for
/// the unit the holder's person record is in).
std::vector<std::pair<std::int64_t, std::int64_t>> unit_heads(Tx& tx, std::int64_t agency_id);

struct CommuneInPeriod {
  std::int64_t id = 0;
  std::string name;
  std::string kind;  ///< xa / phuong / thi_tran
};
/// The communes assigned to the agency at some time between the ISO dates `from` and `to`.
std::vector<CommuneInPeriod> communes_assigned_between(Tx& tx, std::int64_t agency_id, const std::string& from,
                                               const std::string& to);

// Covenants (covenant_repo.cpp)
std::int64_t insert_covenant(Tx& tx, const Covenant& c, const std::string& at);
std::optional<Covenant> find_covenant(Tx& tx, std::int64_t id);
/// Covenants `agency_id` is a party to (the recording agency is one), newest year first (one
/// year when given).
std::vector<Covenant> list_covenants(Tx& tx, std::int64_t agency_id, std::optional<int> year);
/// Whether the cluster has an active covenant for the year.
bool covenant_exists(Tx& tx, std::int64_t cluster_id, int year);
bool withdraw_covenant(Tx& tx, std::int64_t id, std::int64_t version, std::optional<std::int64_t> by,
                       const std::string& reason, const std::string& at);

}  // namespace thidua::storage
