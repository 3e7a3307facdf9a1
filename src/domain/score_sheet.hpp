#pragma once
/// A scoring sheet's life: the subject scores itself (draft, or returned to it), submits; a
/// reviewer scores it again beside the earlier points (reviewed) or returns it with a reason;
/// the Office makes a reviewed sheet final, which the council sees. While the evaluation is
/// closed nothing moves.

#include <optional>
#include <string_view>

namespace thidua {

enum class SheetStatus { draft, submitted, reviewed, returned, final };
/// The rounds of scoring kept side by side: the subject's own, the unit head's, the Office's.
enum class ScoreRound { self, unit_review, office_review };
enum class SheetAction { score_self, submit, review, return_to_subject, finalise };
enum class EvaluationStatus { open, closed };

/// The status after `action`, or none when the action is not allowed from `from`.
std::optional<SheetStatus> sheet_next(SheetStatus from, SheetAction action);
/// The sheet counts in the ranking (submitted, reviewed or final).
bool sheet_counts(SheetStatus s);

std::string_view to_string(SheetStatus s);
std::optional<SheetStatus> parse_sheet_status(std::string_view s);
std::string_view to_string(ScoreRound r);
std::optional<ScoreRound> parse_score_round(std::string_view s);
std::string_view to_string(EvaluationStatus s);
std::optional<EvaluationStatus> parse_evaluation_status(std::string_view s);

}  // namespace thidua
