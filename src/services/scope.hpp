#pragma once
/// Who may see and change which agency's data. Every organisation service asks here, inside
/// its transaction; a record of an agency the user may not see is "not found", never a hint
/// that it exists.

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// An administrator with no agency: the whole installation.
bool is_installation_admin(const Principal& p);
/// Agencies whose data `p` may read: their own; for an authority, the agencies under it;
/// for an installation administrator, all.
std::vector<std::int64_t> readable_agencies(storage::Tx& tx, const Principal& p);
bool can_read_agency(storage::Tx& tx, const Principal& p, std::int64_t agency_id);
/// Units, people, councils of an agency: its administrator and its Office.
bool can_manage_agency(const Principal& p, std::int64_t agency_id);
/// An agency's own record (name, code, parent, address, cluster): the installation
/// administrator, or the authority the agency sits under (`parent_id`).
bool can_edit_agency(const Principal& p, std::optional<std::int64_t> parent_id);
/// Clusters are set up by the installation administrator and by authorities: an authority
/// changes the clusters it created (`authority_id`).
bool can_edit_cluster(const Principal& p, std::optional<std::int64_t> authority_id);

}  // namespace thidua::services
