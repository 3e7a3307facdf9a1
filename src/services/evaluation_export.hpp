#pragma once
/// A ranked list of the yearly evaluation as files: the XLSX the Office works on (a sheet of
/// the ranked subjects with each group's points, bonus, penalty, total, band and status; a
/// second sheet of those who have not submitted), and the annex of the evaluation minutes
/// (Phụ lục kèm theo Biên bản bình xét) as a Decree 30 document for the DOCX and PDF writers.
/// Documents are Vietnamese whatever the reader's language.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/role.hpp"
#include "services/evaluation_service.hpp"
#include "services/movement_service.hpp"

namespace thidua::services {

/// The XLSX of a ranking: sheet "Xếp hạng" (rank, subject, unit, each group's points, bonus,
/// penalty, total, band, status) and sheet "Chưa nộp" (subject, unit, status).
Result<std::string> ranking_xlsx(const RankingView& v);
/// Several rankings in one file (every template of an evaluation): each one's two sheets, the
/// sheet names followed by the subject kind ("Xếp hạng - Cá nhân").
Result<std::string> ranking_xlsx(const std::vector<RankingView>& all);

/// What the annex's header and title need besides the ranking: the movement (its header
/// lines, place) and the agency's name (when the movement has no header lines).
struct AnnexContext {
  Movement movement;
  std::string agency_name;
  std::string unit_name;  ///< set when the list is one unit's
};

/// The minutes' annex: the agency's header block, "PHỤ LỤC" with its title and the minutes it
/// goes with, the table of ranked subjects with their totals and bands, who has not submitted,
/// and the signatures of the council's secretary (left) and chair (right), names left blank.
documents::Document ranking_annex(const RankingView& v, const AnnexContext& context);

/// The ranking with what its annex needs, read with the actor's rights (another agency's
/// template or unit: "not found", as the ranking says).
struct RankingExport {
  RankingView ranking;
  AnnexContext context;
};
Result<RankingExport> ranking_export(EvaluationService& evaluations, MovementService& movements,
                                     const Principal& actor, std::int64_t template_id,
                                     std::optional<std::int64_t> unit_id);

/// "BXT_2024_ca-nhan_12.xlsx": the file name offered for a ranking (template id last).
std::string ranking_file_name(const RankingView& v, const std::string& extension);

}  // namespace thidua::services
