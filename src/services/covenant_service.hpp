#pragma once
/// Covenants (giao ước thi đua): the Office of an agency records the covenant the agencies of
/// its emulation cluster signed for a year — title, date, place, the parties (the cluster's
/// members that year) — with the signed file as evidence. Every party's users see it; the
/// recording agency's Office withdraws one recorded by mistake (who, when, why), never
/// deletes it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/pledge.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct CovenantInput {
  std::string cluster_id;  ///< empty: the agency's cluster of the year (when it has one)
  std::string year;
  std::string title;
  std::string signed_on;  ///< dd/mm/yyyy
  std::string place;
  std::string note;
};

/// A cluster the agency is a member of in a year, for the form.
struct CovenantCluster {
  std::int64_t id = 0;
  std::string name;
  std::vector<CovenantParty> members;
};

class CovenantService {
 public:
  explicit CovenantService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  /// Covenants the agency is a party to (one year when given).
  Result<std::vector<Covenant>> list(const Principal& actor, std::int64_t agency_id, std::optional<int> year);
  /// A covenant, for users of any of its parties.
  Result<Covenant> get(const Principal& actor, std::int64_t id);
  /// The clusters the agency is in that year, with their members.
  Result<std::vector<CovenantCluster>> clusters(const Principal& actor, std::int64_t agency_id, int year);
  /// Whether the actor may record covenants for the agency (its Office).
  bool can_record(const Principal& actor, std::int64_t agency_id) const;
  Result<Covenant> record(const Principal& actor, std::int64_t agency_id, const CovenantInput& input);
  Result<Covenant> withdraw(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& reason);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

/// The covenants the agency is a party to, one row per signing agency, as XLSX.
Result<std::string> export_covenants(CovenantService& covenants, const Principal& actor, std::int64_t agency_id,
                                     std::optional<int> year);

}  // namespace thidua::services
