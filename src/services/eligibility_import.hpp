#pragma once
/// The Office's XLSX imports of commendation inputs (issue 6, part 1), checked row by row and
/// written in one transaction or not at all:
///  - ratings of a year: columns "Mã" (the person's code, or the unit's), "Xếp loại" (a code or
///    its Vietnamese name, e.g. "Hoàn thành tốt nhiệm vụ"), "Lý do" (optional);
///  - past awards from the paper records (source 'imported'): "Mã", "Danh hiệu/hình thức" (a
///    code or its Vietnamese name), "Năm", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành".
/// Headers are found by name (diacritics and case ignored), in any column order.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "services/eligibility_service.hpp"

namespace thidua::services {

enum class InputImportKind { ratings, awards };

struct InputImportResult {
  int rows = 0;     ///< data rows read
  int written = 0;  ///< 0 on a preview or when any row is wrong
  std::vector<std::pair<int, Error>> problems;  ///< sheet row number → what is wrong
  bool ok() const { return problems.empty(); }
};

/// `dry_run`: check only (the preview). `year`: the ratings' year (ignored for awards).
Result<InputImportResult> import_inputs(EligibilityService& svc, const Principal& actor, std::int64_t agency_id,
                                        InputImportKind kind, int year, std::string_view xlsx, bool dry_run);

}  // namespace thidua::services
