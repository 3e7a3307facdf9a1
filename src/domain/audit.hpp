#pragma once
/// An audit log entry. Entries form a chain: each entry's hash covers the previous entry's
/// hash and all of its own fields, so an edited or deleted row breaks the chain.

#include <cstdint>
#include <optional>
#include <string>

namespace thidua {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;   ///< login, or "cli:<name>" for operator commands
  std::string action;  ///< e.g. "user.create"
  std::string entity;  ///< e.g. "user_account"
  std::string entity_id;
  std::string before_json;  ///< empty when there was nothing before
  std::string after_json;   ///< empty when nothing remains
  std::string prev_hash;
  std::string hash;
  /// Read only by audit_for: the actor's display name now (their login when the account is
  /// gone or for operator commands). Not part of the hashed entry.
  std::string actor_name;
};

inline constexpr const char* kAuditGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

/// The bytes the hash is computed over: every field, length-prefixed so no two entries share
/// a payload.
std::string audit_payload(const AuditEntry& e);

}  // namespace thidua
