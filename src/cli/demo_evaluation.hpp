#pragma once
/// The demo's yearly evaluation (bình xét) of 2025: a unit template and a person template of
/// the seed movement, applied to all, with sheets at every stage.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

Result<void> load_demo_evaluation(app::Services& s, std::int64_t agency_id, std::int64_t movement_id);

}  // namespace thidua::cli
