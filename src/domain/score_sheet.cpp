#include "domain/score_sheet.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<SheetStatus, 5> kStatuses{{{SheetStatus::draft, "draft"},
                                               {SheetStatus::submitted, "submitted"},
                                               {SheetStatus::reviewed, "reviewed"},
                                               {SheetStatus::returned, "returned"},
                                               {SheetStatus::final, "final"}}};
constexpr EnumNames<ScoreRound, 3> kRounds{{{ScoreRound::self, "self"},
                                            {ScoreRound::unit_review, "unit_review"},
                                            {ScoreRound::office_review, "office_review"}}};
constexpr EnumNames<EvaluationStatus, 2> kEvaluationStatuses{
    {{EvaluationStatus::open, "open"}, {EvaluationStatus::closed, "closed"}}};

}  // namespace

std::optional<SheetStatus> sheet_next(SheetStatus from, SheetAction action) {
  switch (action) {
    case SheetAction::score_self:
      if (from == SheetStatus::draft || from == SheetStatus::returned) return from;
      return std::nullopt;
    case SheetAction::submit:
      if (from == SheetStatus::draft || from == SheetStatus::returned) return SheetStatus::submitted;
      return std::nullopt;
    case SheetAction::review:
      // A second reviewer (the Office after the unit head) scores a reviewed sheet again.
      if (from == SheetStatus::submitted || from == SheetStatus::reviewed) return SheetStatus::reviewed;
      return std::nullopt;
    case SheetAction::return_to_subject:
      if (from == SheetStatus::submitted || from == SheetStatus::reviewed) return SheetStatus::returned;
      return std::nullopt;
    case SheetAction::finalise:
      if (from == SheetStatus::reviewed) return SheetStatus::final;
      return std::nullopt;
  }
  return std::nullopt;
}

bool sheet_counts(SheetStatus s) {
  return s == SheetStatus::submitted || s == SheetStatus::reviewed || s == SheetStatus::final;
}

std::string_view to_string(SheetStatus s) { return name_of(kStatuses, s); }
std::optional<SheetStatus> parse_sheet_status(std::string_view s) { return parse_from(kStatuses, s); }
std::string_view to_string(ScoreRound r) { return name_of(kRounds, r); }
std::optional<ScoreRound> parse_score_round(std::string_view s) { return parse_from(kRounds, s); }
std::string_view to_string(EvaluationStatus s) { return name_of(kEvaluationStatuses, s); }
std::optional<EvaluationStatus> parse_evaluation_status(std::string_view s) {
  return parse_from(kEvaluationStatuses, s);
}

}  // namespace thidua
