#pragma once
/// The audit chain in storage.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "domain/audit.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

/// Locks the chain head for this transaction and returns (last id, last hash).
std::pair<std::int64_t, std::string> lock_audit_head(Tx& tx);
void append_audit(Tx& tx, const AuditEntry& e);
std::pair<std::int64_t, std::string> audit_head(Tx& tx);
/// Stores the transaction's chain head; called by Database just before it commits.
void write_audit_head(Tx& tx);
/// Calls `visit` for every entry in id order, streaming (the log can be large).
void for_each_audit(Tx& tx, const std::function<void(const AuditEntry&)>& visit);
std::vector<AuditEntry> audit_for(Tx& tx, const std::string& entity, const std::string& entity_id);

}  // namespace thidua::storage
