#pragma once
/// The registry's lists as XLSX, as the pages show them to the caller: units, the council,
/// agencies, user accounts and emulation clusters (the people list is ImportService's, with
/// the import's own columns). Headers are Vietnamese, dates real Excel dates shown dd/mm/yyyy;
/// each goes through the service that checks role and agency.

#include <cstdint>
#include <string>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/org_service.hpp"
#include "services/user_service.hpp"

namespace thidua::services {

/// The agency's units (closed ones too when asked), with kind, status and former names.
Result<std::string> export_units(OrgService& org, const Principal& actor, std::int64_t agency_id, bool include_closed);
/// Every council term of the agency, one row per seat.
Result<std::string> export_council(OrgService& org, const Principal& actor, std::int64_t agency_id);
/// The agencies the caller may read, with their authority and former names.
Result<std::string> export_agencies(OrgService& org, const Principal& actor);
/// The accounts the caller administers.
Result<std::string> export_users(UserService& users, const Principal& actor);
/// The clusters the caller sees in `year`, one row per member agency.
Result<std::string> export_clusters(OrgService& org, const Principal& actor, int year);

}  // namespace thidua::services
