#pragma once
/// Roles and the signed-in user (principal). Rights are always limited to an agency (and
/// a unit for unit_head and staff); the installation-wide administrator has no agency.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

enum class Role { admin, office, leader, council, unit_head, staff, authority };

inline constexpr Role kAllRoles[] = {Role::admin,     Role::office, Role::leader,   Role::council,
                                     Role::unit_head, Role::staff,  Role::authority};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

struct RoleGrant {
  Role role = Role::staff;
  std::optional<std::int64_t> agency_id;  ///< empty: the whole installation (admin only)
  std::optional<std::int64_t> unit_id;    ///< for unit_head and staff
};

struct Principal {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
  std::optional<std::int64_t> agency_id;  ///< the agency the user works in
  std::string agency_name;
  std::vector<RoleGrant> grants;

  /// True when the user holds `role` anywhere (any agency).
  bool has_role(Role role) const;
  /// True when the user holds `role` for `agency_id` (an installation-wide grant counts).
  bool has_role_in(Role role, std::int64_t agency_id) const;
  bool is_admin() const { return has_role(Role::admin); }
};

}  // namespace thidua
