#pragma once
/// Demo initiatives (sáng kiến) and a research topic of Ban Dân tộc, 2022–2025.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

/// `movement_id`: the seed movement, which most of them came from.
Result<void> load_demo_initiatives(app::Services& s, std::int64_t agency_id, std::int64_t movement_id);

}  // namespace thidua::cli
