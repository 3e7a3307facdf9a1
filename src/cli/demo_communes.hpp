#pragma once
/// The demo's communes: an excerpt of Cao Bằng's catalogue, the communes Ban Dân tộc supports
/// (illustrative assignments under Decision 1177/QĐ-UBND of 12/09/2022), half-yearly
/// assessments 2022–2025 showing progress, one commune merged from 01/07/2025 with its history,
/// a recognition event.

#include <cstdint>
#include <string>

#include "app/app.hpp"

namespace thidua::cli {

struct DemoCommunes {
  int catalogue = 0;
  int assigned = 0;
  int assessments = 0;
};

/// Loads them (once: the catalogue's codes are the marker) with `actor` keeping the catalogue
/// and the Office; assessments are recorded by the demo account `assessor_login` (a contact).
Result<DemoCommunes> load_demo_communes(app::Services& s, const Principal& actor, std::int64_t agency_id,
                                        const std::string& assessor_login);

}  // namespace thidua::cli
