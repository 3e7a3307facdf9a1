#pragma once
/// The demo's review reports (issue 7): the seed movement's mid-term review of 2023, written
/// out by the Office and recorded as sent (to the provincial authority when the demo has one
/// on this installation, else to the provincial Emulation Board by e-government document), and
/// the final review 2025 as a draft.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

Result<void> load_demo_reports(app::Services& s, std::int64_t agency_id, std::int64_t movement_id);

}  // namespace thidua::cli
