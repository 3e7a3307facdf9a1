#pragma once
/// The register of initiatives as XLSX, as the list page filters it: one row per initiative,
/// its authors joined with their shares, and what it has been used as a basis for.

#include <string>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/initiative_service.hpp"

namespace thidua::services {

Result<std::string> export_initiatives(InitiativeService& initiatives, const Principal& actor,
                                       const InitiativeFilter& filter);

}  // namespace thidua::services
