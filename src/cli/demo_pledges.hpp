#pragma once
/// Demo pledges (đăng ký thi đua) of the seed movement for 2024 and 2025, the deadlines, the
/// reminders of 2025, and the 2025 covenant of the agency's cluster.

#include <cstdint>
#include <map>
#include <string>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

/// `unit_ids` maps the demo units' codes to their ids; `cluster_id` is the agency's cluster.
Result<void> load_demo_pledges(app::Services& s, std::int64_t agency_id, std::int64_t movement_id,
                               std::int64_t cluster_id, const std::map<std::string, std::int64_t>& unit_ids);

}  // namespace thidua::cli
