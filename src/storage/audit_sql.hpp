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
    "SELECT l.id, l.at, l.actor_user_id, l.actor, l.action, l.entity, l.entity_id, l.before_json, l.after_json, "
    "l.prev_hash, l.hash, COALESCE(u.display_name, l.actor) FROM audit_log l "
    "LEFT JOIN user_account u ON u.id = l.actor_user_id WHERE l.entity = :entity AND l.entity_id = :eid ORDER BY l.id";

}  // namespace thidua::storage::sql
