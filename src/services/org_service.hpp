#pragma once
/// Agencies, their units (with renames, merges, splits and closures on a date), the
/// Emulation and Commendation Council, and emulation clusters.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"
#include "storage/org_repo.hpp"

namespace thidua::services {

struct AgencyInput {
  std::string code;
  std::string name;
  std::string kind = "agency";  ///< agency / authority
  std::string parent_code;      ///< the authority above it, if any
  std::string address;
  std::string effective_date;   ///< for a rename: from when the new name holds
};

/// A change to an agency's own record. Fields left unset stay as they are.
struct AgencyChange {
  std::string name;
  std::optional<std::string> address;
  std::string effective_date;                ///< a new name holds from this date (today when empty)
  std::optional<std::string> code;           ///< the short code used in document symbols
  std::optional<std::string> parent_code;    ///< "": no authority above it
  std::optional<std::string> cluster_code;   ///< "": in none of the editor's clusters that year
  int cluster_year = 0;                      ///< the year cluster_code is for; 0: this year
};

struct UnitInput {
  std::string code;
  std::string kind;  ///< department / office / union
  std::string name;
  std::string from_date;
};

struct UnitDetail {
  Unit unit;
  std::vector<NameVersion> history;
  std::vector<Person> people;
  bool can_edit = false;
};

struct CouncilTermInput {
  std::string name;
  std::string decision_ref;
  std::string valid_from;
  std::string valid_to;
};

class OrgService {
 public:
  OrgService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  Result<std::vector<storage::AgencyRow>> list_agencies(const Principal& actor);
  Result<storage::AgencyRow> get_agency(const Principal& actor, std::int64_t id);
  Result<storage::AgencyRow> create_agency(const Principal& actor, const AgencyInput& input);
  /// The installation administrator or the authority above the agency changes its record: a
  /// new name is recorded from `effective_date` (today when empty) and the old one stays in its
  /// history; a new cluster for a year replaces the editor's other clusters of that year.
  Result<storage::AgencyRow> update_agency(const Principal& actor, std::int64_t id, std::int64_t version,
                                           const AgencyChange& change);
  Result<std::vector<NameVersion>> agency_history(const Principal& actor, std::int64_t id);

  Result<std::vector<Unit>> list_units(const Principal& actor, std::int64_t agency_id, bool include_closed);
  Result<UnitDetail> get_unit(const Principal& actor, std::int64_t id);
  Result<Unit> create_unit(const Principal& actor, std::int64_t agency_id, const UnitInput& input);
  Result<Unit> rename_unit(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& name,
                           const std::string& date);
  /// Closes `id` on `date`; its people move to `into_id` from that date.
  Result<Unit> merge_unit(const Principal& actor, std::int64_t id, std::int64_t version, std::int64_t into_id,
                          const std::string& date);
  /// Creates a new unit split from `id` (still at `version`) on `new_unit.from_date` and moves
  /// the listed people, who must work in `id`, to it from that date. Returns the new unit.
  Result<Unit> split_unit(const Principal& actor, std::int64_t id, std::int64_t version, const UnitInput& new_unit,
                          const std::vector<std::int64_t>& people);
  /// Closes a unit that nobody works in any more.
  Result<Unit> close_unit(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& date);

  Result<std::vector<CouncilTerm>> council_terms(const Principal& actor, std::int64_t agency_id);
  Result<CouncilTerm> create_council_term(const Principal& actor, std::int64_t agency_id, const CouncilTermInput& in);
  Result<CouncilTerm> set_council_seat(const Principal& actor, std::int64_t term_id, std::int64_t person_id,
                                       const std::string& seat);
  Result<CouncilTerm> remove_council_seat(const Principal& actor, std::int64_t term_id, std::int64_t person_id);

  struct ClusterView {
    storage::ClusterRow cluster;
    std::vector<storage::ClusterMemberRow> members;
    bool can_edit = false;  ///< the caller set it up (or administers the installation)
  };
  /// The clusters the caller oversees or whose members it may read, with their members in `year`.
  Result<std::vector<ClusterView>> clusters(const Principal& actor, int year);
  Result<storage::ClusterRow> create_cluster(const Principal& actor, const std::string& code, const std::string& name);
  Result<void> add_cluster_member(const Principal& actor, std::int64_t cluster_id, const std::string& agency_code,
                                  int year, bool lead);
  /// Makes a member of `year` the cluster's one lead agency of that year.
  Result<void> set_cluster_lead(const Principal& actor, std::int64_t cluster_id, const std::string& agency_code,
                                int year);
  Result<void> remove_cluster_member(const Principal& actor, std::int64_t cluster_id, const std::string& agency_code,
                                     int year);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

}  // namespace thidua::services
