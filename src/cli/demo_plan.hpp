#pragma once
/// The seed plan as demo data: the header fields and every item of Ban Dân tộc tỉnh Cao
/// Bằng's plan for "Cả nước chung sức xây dựng nông thôn mới" 2021–2025.

#include <cstdint>
#include <map>
#include <string>

#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/role.hpp"
#include "services/movement_service.hpp"

namespace thidua::cli {

services::MovementInput seed_plan_header();
/// Creates the seed plan as a draft of `agency_id`; `unit_ids` maps the demo units' codes
/// (VP, CSDT, KHTH, TTRA, CD) to their ids. Returns the draft at its latest version.
Result<Movement> load_seed_plan(services::MovementService& movements, const Principal& actor, std::int64_t agency_id,
                                const std::map<std::string, std::int64_t>& unit_ids);

}  // namespace thidua::cli
