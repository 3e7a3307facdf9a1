#pragma once
/// User accounts and the agencies they belong to: create, change password, disable, list.
/// Only administrators act here; an administrator scoped to an agency manages that agency's
/// accounts only.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/password.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct NewUserInput {
  std::string login;
  std::string display_name;
  std::string password;
  std::string agency_code;  ///< empty: no agency (installation administrators)
  std::vector<std::string> roles;  ///< role names as typed ("office"); unknown ones are field errors
  std::string lang = "vi";
};

struct UserSummary {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  bool active = true;
  std::string agency_code;
  std::vector<Role> roles;
};

class UserService {
 public:
  UserService(std::shared_ptr<storage::Database> db, std::shared_ptr<PasswordHasher> hasher,
              Clock clock = system_clock());

  Result<UserSummary> add_user(const Principal& actor, NewUserInput input);
  Result<void> set_password(const Principal& actor, const std::string& login, const std::string& password);
  /// Disabling also ends every session of the account.
  Result<void> set_active(const Principal& actor, const std::string& login, bool active);
  Result<std::vector<UserSummary>> list_users(const Principal& actor);
  Result<UserSummary> get_user(const Principal& actor, const std::string& login);
  /// Active accounts with the admin role (none: the server creates one at start).
  Result<long long> count_admins();

  /// Creates an agency, or returns the existing one with that code (installation admins).
  Result<Agency> ensure_agency(const Principal& actor, const std::string& code, const std::string& name);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<PasswordHasher> hasher_;
  Clock clock_;
};

}  // namespace thidua::services
