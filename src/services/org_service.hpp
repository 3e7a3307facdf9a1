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
  /// A new name is recorded from `effective_date` (today when empty); the old one stays in history.
  Result<storage::AgencyRow> update_agency(const Principal& actor, std::int64_t id, std::int64_t version,
                                           const AgencyInput& input);
  Result<std::vector<NameVersion>> agency_history(const Principal& actor, std::int64_t id);

  Result<std::vector<Unit>> list_units(const Principal& actor, std::int64_t agency_id, bool include_closed);
  Result<UnitDetail> get_unit(const Principal& actor, std::int64_t id);
  Result<Unit> create_unit(const Principal& actor, std::int64_t agency_id, const UnitInput& input);
  Result<Unit> rename_unit(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& name,
                           const std::string& date);
  /// Closes `id` on `date`; its people move to `into_id` from that date.
  Result<Unit> merge_unit(const Principal& actor, std::int64_t id, std::int64_t version, std::int64_t into_id,
                          const std::string& date);
  /// Creates a new unit split from `id` on `date` and moves the listed people to it.
  Result<Unit> split_unit(const Principal& actor, std::int64_t id, const UnitInput& new_unit,
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
  };
  Result<std::vector<ClusterView>> clusters(const Principal& actor, int year);
  Result<storage::ClusterRow> create_cluster(const Principal& actor, const std::string& code, const std::string& name);
  Result<void> add_cluster_member(const Principal& actor, std::int64_t cluster_id, const std::string& agency_code,
                                  int year, bool lead);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

}  // namespace thidua::services
