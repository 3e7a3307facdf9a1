#pragma once
/// Writing and verifying the audit chain. `record` must be called inside the transaction of
/// the write it describes, so that the write and its audit row land together or not at all.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/audit.hpp"
#include "domain/clock.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct AuditWrite {
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
};

void record_audit(storage::Tx& tx, const Principal& actor, const AuditWrite& what, TimePoint now);

struct AuditReport {
  long long rows = 0;
  bool ok = true;
  std::int64_t first_bad_id = 0;
  std::string problem;  ///< English, for operators
};

/// Recomputes the whole chain. Detects an edited row (hash differs), a deleted or inserted
/// row (prev_hash does not link), and deleted newest rows (head does not match).
Result<AuditReport> verify_audit(storage::Database& db);

}  // namespace thidua::services
