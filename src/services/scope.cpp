#include "services/scope.hpp"

#include <algorithm>

#include "storage/org_repo.hpp"

namespace thidua::services {

bool is_installation_admin(const Principal& p) {
  return std::any_of(p.grants.begin(), p.grants.end(),
                     [](const RoleGrant& g) { return g.role == Role::admin && !g.agency_id; });
}

std::vector<std::int64_t> readable_agencies(storage::Tx& tx, const Principal& p) {
  std::vector<std::int64_t> out;
  if (is_installation_admin(p)) return storage::all_agency_ids(tx);
  for (const auto& g : p.grants) {
    if (!g.agency_id) continue;
    out.push_back(*g.agency_id);
    if (g.role == Role::authority) {
      for (auto id : storage::child_agency_ids(tx, *g.agency_id)) out.push_back(id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool can_read_agency(storage::Tx& tx, const Principal& p, std::int64_t agency_id) {
  if (is_installation_admin(p)) return true;
  for (const auto& g : p.grants) {
    if (g.agency_id && *g.agency_id == agency_id) return true;
  }
  if (!p.has_role(Role::authority)) return false;
  auto ids = readable_agencies(tx, p);
  return std::find(ids.begin(), ids.end(), agency_id) != ids.end();
}

bool can_manage_agency(const Principal& p, std::int64_t agency_id) {
  if (is_installation_admin(p)) return true;
  return std::any_of(p.grants.begin(), p.grants.end(), [&](const RoleGrant& g) {
    return (g.role == Role::admin || g.role == Role::office) && g.agency_id && *g.agency_id == agency_id;
  });
}

namespace {
bool holds_authority_of(const Principal& p, std::optional<std::int64_t> agency_id) {
  if (!agency_id) return false;
  return std::any_of(p.grants.begin(), p.grants.end(), [&](const RoleGrant& g) {
    return g.role == Role::authority && g.agency_id && *g.agency_id == *agency_id;
  });
}
}  // namespace

bool can_edit_agency(const Principal& p, std::optional<std::int64_t> parent_id) {
  return is_installation_admin(p) || holds_authority_of(p, parent_id);
}

bool can_edit_cluster(const Principal& p, std::optional<std::int64_t> authority_id) {
  return is_installation_admin(p) || holds_authority_of(p, authority_id);
}

}  // namespace thidua::services
