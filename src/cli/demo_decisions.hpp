#pragma once
/// The demo's commendation of 2025 (issue 6, part D): an issued decision of Ban Dân tộc
/// awarding titles and Giấy khen to people, units and a household, with its certificates; a
/// draft decision; a submission to the province for the provincial chairman's Bằng khen.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

Result<void> load_demo_decisions(app::Services& s, std::int64_t agency_id, std::int64_t movement_id);

}  // namespace thidua::cli
