#pragma once
/// Internal to the evaluation services (evaluation_*.cpp): who acts, the records a call is
/// about (another agency's are "not found"), and a sheet's points. Not for other layers.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/evaluation.hpp"
#include "domain/role.hpp"
#include "services/achievement_rights.hpp"
#include "storage/database.hpp"
#include "storage/evaluation_repo.hpp"

namespace thidua::services::evaluation_rules {

inline constexpr std::size_t kLine = 300;   // a title, a band's name
inline constexpr std::size_t kText = 4000;  // guidance, a comment, a reason

/// The acting account, for "who did it" columns: none for an operator at the command line.
std::optional<std::int64_t> account_of(const Principal& p);
/// A whole number typed as text (spaces around allowed) within [min, max]; nullopt otherwise.
std::optional<long long> parse_whole(std::string_view text, long long min, long long max);

/// The template, when the actor may read its agency; "evaluation.template_not_found" otherwise.
Result<ScoreTemplate> template_for(storage::Tx& tx, const Principal& actor, std::int64_t template_id);
/// The sheet with its template and evaluation, when the actor may read its agency.
struct SheetContext {
  storage::SheetRow sheet;
  ScoreTemplate tmpl;
  storage::EvaluationRow evaluation;
  RecordRights rights;
};
Result<SheetContext> sheet_for(storage::Tx& tx, const Principal& actor, std::int64_t sheet_id);

/// The sheet's own subject: the person themselves, or the head of the unit.
bool is_subject(const RecordRights& r, const storage::SheetRow& s);
/// The round the actor reviews in (unit_review for the head of a person's unit, office_review
/// for the Office), or none when they may not review this sheet. Their own sheet: none.
std::optional<ScoreRound> review_round(const RecordRights& r, const storage::SheetRow& s);
/// May see the sheet: its subject, the head of its unit, overseers.
bool may_read_sheet(const RecordRights& r, const storage::SheetRow& s);

/// Refused with conflict "evaluation.closed" while the evaluation is closed.
Result<void> require_open(const storage::EvaluationRow& e);

/// The sheet's total: each criterion's points in `current` (its newest entry; a computed one has
/// an entry once its sheet is final), else a computed criterion's points from `measures`, else 0.
SheetTotal sheet_total(const ScoreTemplate& t, const std::map<std::int64_t, Points>& current,
                       const MeasureTotals& measures);
/// Each group's points on the sheet (its normal criteria, as sheet_total counts them), in the
/// template's group order; bonus and penalty items are in the total's own columns.
std::vector<Points> group_points(const ScoreTemplate& t, const std::map<std::int64_t, Points>& current,
                                 const MeasureTotals& measures);

}  // namespace thidua::services::evaluation_rules
