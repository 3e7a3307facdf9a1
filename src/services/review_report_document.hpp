#pragma once
/// A review report (báo cáo sơ kết / tổng kết / kết quả năm) of a movement as an official
/// document in the Decree 30 layout, and the same tables as XLSX. The text the Office writes
/// comes from the draft; every figure comes from the follow-up (FollowUpService), so the
/// report and the dashboards never disagree. A period crossing a change of rule set or
/// criteria set says so and prints its tables once per sub-period; a period without data is
/// an honest report saying there is nothing to report, not an error.

#include <string>
#include <vector>

#include "documents/document.hpp"
#include "domain/error.hpp"
#include "domain/review_report.hpp"
#include "services/follow_up.hpp"

namespace thidua::services {

/// Everything the document is made of.
struct ReviewContent {
  ReviewReport report;
  Movement movement;
  std::string agency_name;
  /// The plan's recipients (Nơi nhận), as printed in the plan, without the archive line.
  std::vector<std::string> recipients;
  MovementFigures figures;  ///< the whole period
  /// One per sub-period when figures.splits is not empty, in date order; each labelled by
  /// `part_labels`.
  std::vector<MovementFigures> parts;
  std::vector<std::string> part_labels;
};

documents::Document review_document(const ReviewContent& c);
/// Every table of the report, one sheet each (per sub-period when split).
Result<std::string> review_xlsx(const ReviewContent& c);
/// "bao-cao-tong-ket-2021-2025.pdf", "bao-cao-so-ket-2023.docx", "bao-cao-nam-2024.xlsx".
std::string review_file_name(const ReviewReport& r, const std::string& extension);

/// "Tổng kết phong trào thi đua “…” giai đoạn 2021 - 2025" and the rest of a new draft's text:
/// the header and signer of the plan, the opening citing the plan, empty blocks to fill in.
ReviewText default_review_text(const Movement& m, const std::string& agency_name, ReviewKind kind, int year);
/// "Báo cáo tổng kết …": the title a sending records.
std::string review_sending_title(const ReviewReport& r);

}  // namespace thidua::services
