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
#include "domain/evidence.hpp"
#include "domain/pledge.hpp"
#include "domain/role.hpp"
#include "services/evidence_service.hpp"
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
  /// With `evidence`, covenants take their signed file (subject "covenant"; readable by users
  /// of the recording agency who may read the covenant).
  explicit CovenantService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence = nullptr,
                           Clock clock = system_clock());

  /// Covenants the agency is a party to (one year when given).
  Result<std::vector<Covenant>> list(const Principal& actor, std::int64_t agency_id, std::optional<int> year);
  /// A covenant, for users of any of its parties.
  Result<Covenant> get(const Principal& actor, std::int64_t id);
  /// The clusters the agency is in that year, with their members.
  Result<std::vector<CovenantCluster>> clusters(const Principal& actor, std::int64_t agency_id, int year);
  /// Whether the actor may record covenants for the agency (its Office).
  bool can_record(const Principal& actor, std::int64_t agency_id) const;
  /// Records the covenant with its files (the signed copy), all in one transaction.
  Result<Covenant> record(const Principal& actor, std::int64_t agency_id, const CovenantInput& input,
                          const std::vector<EvidenceUpload>& files = {});
  Result<Covenant> withdraw(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& reason);

  /// The covenant's files, active and withdrawn (empty without an evidence service).
  Result<std::vector<EvidenceRow>> files(const Principal& actor, std::int64_t id);
  /// More files for an active covenant (the recording agency's Office); one refused refuses all.
  Result<std::vector<EvidenceRow>> add_files(const Principal& actor, std::int64_t id,
                                             const std::vector<EvidenceUpload>& files);
  /// Takes a file off (kept, with who, when and why).
  Result<EvidenceRow> withdraw_file(const Principal& actor, std::int64_t id, std::int64_t evidence_id,
                                    const std::string& reason);
  bool takes_files() const { return evidence_ != nullptr; }

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<EvidenceService> evidence_;
  Clock clock_;
};

/// The covenants the agency is a party to, one row per signing agency, as XLSX.
Result<std::string> export_covenants(CovenantService& covenants, const Principal& actor, std::int64_t agency_id,
                                     std::optional<int> year);

}  // namespace thidua::services
