#pragma once
/// Demo data for the follow-up dashboards (issue 7).

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

/// The seed movement's tasks as they stood at the end of 2025: the units and the Office
/// reported theirs done in December, the Policy department and the final review still open
/// (late once 2025 is over).
Result<void> load_demo_followup(app::Services& s, std::int64_t movement_id);

}  // namespace thidua::cli
