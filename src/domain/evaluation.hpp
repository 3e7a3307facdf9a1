#pragma once
/// The yearly evaluation (bình xét): scoring templates (groups of criteria with maximum points,
/// bonus and penalty items, classification bands), the small safe set of formulas a computed
/// criterion may use, a sheet's total, its band, and the ranking with its tie rule. Pure
/// functions over values; the services read and write them.
///
/// Points are whole hundredths of a point (`Points`): 9,5 points is 950. Sheets are added and
/// compared exactly, so two equal totals are equal and the tie rule decides, never rounding.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/record.hpp"

namespace thidua {

/// Hundredths of a point.
using Points = long long;
inline constexpr Points kPointScale = 100;
/// The largest maximum a criterion may have (10 000 points), so that sums never overflow.
inline constexpr Points kMaxCriterionPoints = 10'000 * kPointScale;

/// Who a template scores.
enum class EvalSubject {
  unit,            ///< a unit of the agency (phòng, Văn phòng, đoàn thể)
  person,          ///< a member of staff
  cluster_agency,  ///< an agency of an emulation cluster, scored by the other members
};
/// How a criterion's points count in the total.
enum class CriterionKind {
  normal,   ///< part of the sheet's potential (the bands are set against these)
  bonus,    ///< added on top (điểm thưởng)
  penalty,  ///< subtracted (điểm trừ); its points are entered as a positive number
};
/// What a computed criterion reads from the subject's verified achievements.
enum class Aggregate {
  count,  ///< the verified records that carry the measure (a value above zero; counted measures: the records)
  sum,    ///< the measure's total (counted measures: the records)
};
/// How the value read becomes points.
enum class Mapping {
  linear,      ///< per_unit × value, capped at the criterion's maximum
  thresholds,  ///< the points of the highest threshold the value reaches (0 below the first)
};

/// One step of a thresholds mapping: a value of at least `at_least` earns `points`.
struct ScoreThreshold {
  long long at_least = 0;
  Points points = 0;
};

/// The formula of a computed criterion. `measure` is a Measure code as stored (checked by
/// validate_template, so that a template naming a measure that does not exist is refused).
struct ScoreFormula {
  std::string measure;
  Aggregate aggregate = Aggregate::sum;
  Mapping mapping = Mapping::linear;
  Points per_unit = kPointScale;               ///< linear: points per unit of the value
  std::vector<ScoreThreshold> thresholds;      ///< ascending in at_least and in points
};

struct ScoreCriterion {
  std::int64_t id = 0;
  std::string title;
  std::string guidance;           ///< how to score it
  std::string evidence_expected;  ///< what proof is expected
  CriterionKind kind = CriterionKind::normal;
  Points max_points = 0;
  std::optional<ScoreFormula> formula;  ///< empty: scored by hand
};

struct ScoreGroup {
  std::int64_t id = 0;
  std::string title;
  std::vector<ScoreCriterion> criteria;
};

/// A classification band: a total of at least `at_least` is classified `name`. Bands are kept
/// in descending order of `at_least`.
struct ScoreBand {
  std::string code;  ///< e.g. excellent / good / completed
  std::string name;  ///< e.g. "Hoàn thành xuất sắc nhiệm vụ"
  Points at_least = 0;
};

struct ScoreTemplate {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t movement_id = 0;
  int year = 0;
  EvalSubject subject = EvalSubject::person;
  std::string title;
  std::int64_t version = 1;
  std::optional<std::int64_t> copied_from;
  std::vector<ScoreGroup> groups;
  std::vector<ScoreBand> bands;

  /// Every criterion, in group order.
  std::vector<const ScoreCriterion*> criteria() const;
  const ScoreCriterion* criterion(std::int64_t criterion_id) const;
  /// The sum of the normal criteria's maximums: the sheet's potential.
  Points potential() const;
};

/// What the verified achievements of one subject add up to, per measure.
struct MeasureTotals {
  static constexpr std::size_t kSize = 11;
  std::array<long long, kSize> sums{};    ///< indexed by Measure
  std::array<long long, kSize> counts{};  ///< records carrying the measure

  long long value(Measure m, Aggregate a) const;
};

/// Checks a template: a title, at least one criterion, each criterion with a title and a maximum
/// above zero (at most kMaxCriterionPoints), a formula over a measure that exists with a
/// positive per-unit or thresholds ascending (in value and points) and within the maximum;
/// bands with a code and name each, descending, between 0 and the potential. Returns one
/// FieldError per problem ("groups.0.criteria.1.max_points" → "evaluation.max_positive"), empty
/// when the template is valid.
std::vector<FieldError> validate_template(const ScoreTemplate& t);

/// The points a formula gives for `value`, never above `max` nor below zero.
Points formula_points(const ScoreFormula& f, long long value, Points max);
/// The points of a computed criterion for a subject's totals (0 for a criterion scored by hand
/// or a formula over an unknown measure).
Points computed_points(const ScoreCriterion& c, const MeasureTotals& totals);
/// Points typed by hand are within 0 … max.
bool points_in_range(Points p, Points max);

/// One criterion's points on a sheet.
struct SheetLine {
  CriterionKind kind = CriterionKind::normal;
  Points points = 0;
};
struct SheetTotal {
  Points normal = 0;
  Points bonus = 0;
  Points penalty = 0;
  Points total = 0;  ///< normal + bonus − penalty, never below zero
};
SheetTotal total_of(std::span<const SheetLine> lines);

/// The band a total falls in (the first of the descending bands it reaches), or none.
std::optional<std::size_t> band_of(std::span<const ScoreBand> bands, Points total);

/// One subject to rank.
struct RankInput {
  std::int64_t subject_id = 0;
  SheetTotal total;
  std::string submitted_at;  ///< ISO-8601 UTC; empty: never submitted
  std::string name_key;      ///< the caller's Vietnamese collation key of the name (sort_key)
};
struct RankedRow {
  RankInput input;
  int rank = 0;                       ///< 1-based; equal rows share it (1, 2, 2, 4)
  std::optional<std::size_t> band;    ///< index into the bands
};

/// The tie rule, in order: higher total; then higher sum of the normal criteria; then fewer
/// penalty points; then the earlier submission. Rows equal on all four share a rank and are
/// listed by `name_key` (Vietnamese order, given by the caller), then by subject id.
std::vector<RankedRow> rank_sheets(std::vector<RankInput> rows, std::span<const ScoreBand> bands);

/// One agency's score of another in a cluster.
struct ClusterScore {
  std::int64_t scorer_agency = 0;
  std::int64_t scored_agency = 0;
  Points points = 0;
};
struct ClusterMember {
  std::int64_t agency_id = 0;
  std::string name_key;
};
struct ClusterRankedRow {
  std::int64_t agency_id = 0;
  int scorers = 0;               ///< the other agencies that scored it
  Points average = 0;            ///< their average, rounded half up to hundredths
  long long sum = 0;             ///< exact, with `scorers`, for the comparison
  int rank = 0;                  ///< 0: nobody else scored it yet
  std::optional<std::size_t> band;
};
/// The cluster's ranking: each member's average of the scores the OTHER members gave it (its
/// own score of itself is left out). Higher exact average first; equal averages share a rank
/// and are listed by name_key. Members nobody else scored come last, unranked.
std::vector<ClusterRankedRow> rank_cluster(std::span<const ClusterMember> members,
                                           std::span<const ClusterScore> scores, std::span<const ScoreBand> bands);

/// "9,5", "9.5", "10", " 7,25 " → hundredths; more than two decimals, signs, or text → none.
std::optional<Points> parse_points(std::string_view text);
/// 950 → "9,5"; 1000 → "10"; 725 → "7,25" (Vietnamese decimal comma).
std::string format_points(Points p);

std::string_view to_string(EvalSubject s);
std::optional<EvalSubject> parse_eval_subject(std::string_view s);
std::string_view to_string(CriterionKind k);
std::optional<CriterionKind> parse_criterion_kind(std::string_view s);
std::string_view to_string(Aggregate a);
std::optional<Aggregate> parse_aggregate(std::string_view s);
std::string_view to_string(Mapping m);
std::optional<Mapping> parse_mapping(std::string_view s);

}  // namespace thidua
