#pragma once
// SQL for the audit chain.

namespace thidua::storage::sql {

// Touching the head row first takes its row lock on PostgreSQL, so chain appends are serial
// (SQLite's BEGIN IMMEDIATE already serialises writers).
inline constexpr const char* kLockAuditHead = "UPDATE audit_head SET last_id = last_id WHERE id = 1";
inline constexpr const char* kAuditHead = "SELECT last_id, last_hash FROM audit_head WHERE id = 1";
inline constexpr const char* kSetAuditHead = "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1";
inline constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (id, at, actor_user_id, actor, action, entity, entity_id, before_json, after_json, "
    "prev_hash, hash) VALUES (:id, :at, :uid, :actor, :action, :entity, :eid, :before, :after, :prev, :hash)";
inline constexpr const char* kAuditAll =
    "SELECT id, at, actor_user_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash "
    "FROM audit_log ORDER BY id";
inline constexpr const char* kAuditForEntity =
    "SELECT id, at, actor_user_id, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash "
    "FROM audit_log WHERE entity = :entity AND entity_id = :eid ORDER BY id";

}  // namespace thidua::storage::sql
