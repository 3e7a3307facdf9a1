#pragma once
/// The demo's commendation inputs (issue 6, part 1): ratings of 2024 and 2025 for Ban Dân tộc's
/// people and units, a sanction, a maternity leave and past awards from the paper records, so
/// that the eligibility page shows every kind of verdict.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

Result<void> load_demo_eligibility(app::Services& s, std::int64_t agency_id);

}  // namespace thidua::cli
