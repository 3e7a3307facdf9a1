#include "domain/role.hpp"

#include <algorithm>

namespace thidua {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::office: return "office";
    case Role::leader: return "leader";
    case Role::council: return "council";
    case Role::unit_head: return "unit_head";
    case Role::staff: return "staff";
    case Role::authority: return "authority";
  }
  return "staff";
}

std::optional<Role> parse_role(std::string_view text) {
  for (Role r : kAllRoles) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

bool Principal::has_role(Role role) const {
  return std::any_of(grants.begin(), grants.end(), [&](const RoleGrant& g) { return g.role == role; });
}

bool Principal::has_role_in(Role role, std::int64_t agency) const {
  return std::any_of(grants.begin(), grants.end(), [&](const RoleGrant& g) {
    return g.role == role && (!g.agency_id || *g.agency_id == agency);
  });
}

}  // namespace thidua
