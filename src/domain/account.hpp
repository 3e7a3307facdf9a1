#pragma once
/// Accounts and the agencies they belong to.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.hpp"

namespace thidua {

struct Agency {
  std::int64_t id = 0;
  std::string code;  ///< short code used in document symbols, e.g. "BDT"
  std::string name;
};

struct User {
  std::int64_t id = 0;
  std::string login;  ///< lower case
  std::string display_name;
  std::string password_hash;  ///< argon2id, libsodium's encoded form
  bool active = true;
  std::optional<std::int64_t> agency_id;
  std::string lang = "vi";
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
};

/// Login names: 3–64 characters of a–z, 0–9, '.', '_', '-'; stored lower case.
bool is_valid_login(const std::string& login);

}  // namespace thidua
