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

/// A login as stored: lower case.
std::string normalise_login(std::string s);
/// An account as the services hand it out: its agency's code and its roles (each once, in
/// the order of enum Role).
UserSummary summarize(storage::Tx& tx, const User& u);

/// A new account for a person, from the person's page.
struct PersonAccountInput {
  std::string login;
  std::string password;            ///< empty: one is generated and returned once
  std::vector<std::string> roles;  ///< role names; each must be one the caller may give
  std::string lang = "vi";
};

struct PersonAccount {
  UserSummary account;
  std::string generated_password;  ///< shown once; empty when the caller chose the password
};

/// What a person's page offers about accounts.
struct PersonAccountView {
  std::optional<UserSummary> account;  ///< the linked account, if any
  std::vector<Role> grantable;         ///< roles the caller may give in the person's agency
  std::vector<UserSummary> unlinked;   ///< the agency's accounts no person is linked to
  bool can_edit = false;
};

/// Roles `actor` may give in `agency_id`: the installation administrator any; the agency's
/// administrator every role of an agency; its Office the roles of the agency's own people
/// (office, leader, council, unit_head, staff). None for anybody else.
std::vector<Role> grantable_roles(const Principal& actor, std::int64_t agency_id);

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

  /// What the person's page shows and offers about accounts (admin and Office of the agency
  /// see the offers; others only the linked login).
  Result<PersonAccountView> person_account(const Principal& actor, std::int64_t person_id);
  /// Creates an account in the person's agency, named after the person, with `roles`, and
  /// links the person to it, in one transaction. Unit heads and staff are granted on the
  /// person's current unit.
  Result<PersonAccount> create_person_account(const Principal& actor, std::int64_t person_id,
                                              PersonAccountInput input);
  /// Sets the roles of the person's linked account among those the caller may give; the
  /// account's other roles stay. Its sessions see the change at once. Nobody changes their
  /// own roles here.
  Result<UserSummary> set_person_roles(const Principal& actor, std::int64_t person_id,
                                       const std::vector<std::string>& roles);

  /// Creates an agency, or returns the existing one with that code (installation admins).
  Result<Agency> ensure_agency(const Principal& actor, const std::string& code, const std::string& name);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<PasswordHasher> hasher_;
  Clock clock_;
};

}  // namespace thidua::services
