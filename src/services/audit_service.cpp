#include "services/audit_service.hpp"

#include "services/crypto.hpp"
#include "storage/audit_repo.hpp"

namespace thidua::services {

void record_audit(storage::Tx& tx, const Principal& actor, const AuditWrite& what, TimePoint now) {
  auto [last_id, last_hash] = storage::lock_audit_head(tx);
  AuditEntry e;
  e.id = last_id + 1;
  e.at = to_iso(now);
  if (actor.user_id > 0) e.actor_user_id = actor.user_id;
  e.actor = actor.login;
  e.action = what.action;
  e.entity = what.entity;
  e.entity_id = what.entity_id;
  e.before_json = what.before_json;
  e.after_json = what.after_json;
  e.prev_hash = last_hash;
  e.hash = sha256_hex(audit_payload(e));
  storage::append_audit(tx, e);
}

Result<AuditReport> verify_audit(storage::Database& db) {
  return db.read([](storage::Tx& tx) -> Result<AuditReport> {
    AuditReport r;
    std::string prev = kAuditGenesisHash;
    std::int64_t expected_id = 1;
    storage::for_each_audit(tx, [&](const AuditEntry& e) {
      ++r.rows;
      if (!r.ok) return;
      if (e.id != expected_id) {
        r.ok = false;
        r.first_bad_id = e.id;
        r.problem = "row " + std::to_string(expected_id) + " is missing (next row is " + std::to_string(e.id) + ")";
        return;
      }
      if (e.prev_hash != prev) {
        r.ok = false;
        r.first_bad_id = e.id;
        r.problem = "row " + std::to_string(e.id) + " does not link to the row before it";
        return;
      }
      if (sha256_hex(audit_payload(e)) != e.hash) {
        r.ok = false;
        r.first_bad_id = e.id;
        r.problem = "row " + std::to_string(e.id) + " was changed after it was written";
        return;
      }
      prev = e.hash;
      ++expected_id;
    });
    if (r.ok) {
      auto [head_id, head_hash] = storage::audit_head(tx);
      if (head_id != expected_id - 1 || head_hash != prev) {
        r.ok = false;
        r.first_bad_id = expected_id;
        r.problem = "the chain ends at row " + std::to_string(expected_id - 1) + " but its head names row " +
                    std::to_string(head_id) + ": newest rows were deleted or the head was edited";
      }
    }
    return r;
  });
}

}  // namespace thidua::services
