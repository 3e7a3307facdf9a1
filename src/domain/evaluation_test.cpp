// Scoring templates, formulas, totals, bands and the ranking's tie rule.

#include "domain/evaluation.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/score_sheet.hpp"

namespace thidua {
namespace {

bool has(const std::vector<FieldError>& errors, const std::string& field, const std::string& code) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& e) { return e.field == field && e.code == code; });
}

ScoreCriterion criterion(const char* title, Points max, CriterionKind kind = CriterionKind::normal) {
  ScoreCriterion c;
  c.title = title;
  c.max_points = max;
  c.kind = kind;
  return c;
}

/// 60 + 40 points of normal criteria, a bonus of 5 and a penalty of 10; the usual bands.
ScoreTemplate sample() {
  ScoreTemplate t;
  t.title = "Bảng chấm điểm thi đua cá nhân năm 2025";
  ScoreGroup work{0, "Thực hiện nhiệm vụ chuyên môn", {criterion("Hoàn thành kế hoạch công tác", 6000)}};
  ScoreCriterion sessions = criterion("Tổ chức buổi tuyên truyền", 4000);
  sessions.formula = ScoreFormula{"sessions", Aggregate::sum, Mapping::linear, 1000, {}};
  work.criteria.push_back(sessions);
  ScoreGroup extra{0, "Điểm thưởng, điểm trừ",
                   {criterion("Sáng kiến được công nhận", 500, CriterionKind::bonus),
                    criterion("Vi phạm kỷ luật", 1000, CriterionKind::penalty)}};
  t.groups = {work, extra};
  t.bands = {{"excellent", "Hoàn thành xuất sắc nhiệm vụ", 9500},
             {"good", "Hoàn thành tốt nhiệm vụ", 8000},
             {"completed", "Hoàn thành nhiệm vụ", 5000}};
  return t;
}

TEST(ScoreTemplate, AValidTemplateHasNoErrors) {
  auto t = sample();
  EXPECT_TRUE(validate_template(t).empty());
  EXPECT_EQ(t.potential(), 10000);  // bonus and penalty are not part of the potential
  EXPECT_EQ(t.criteria().size(), 4u);
}

TEST(ScoreTemplate, RefusesEachBadFieldByName) {
  auto t = sample();
  t.title = "";
  t.groups[0].criteria[0].max_points = 0;
  t.groups[0].criteria[1].formula->measure = "trees_planted";
  t.groups[1].criteria[0].max_points = -100;
  t.groups[1].criteria[1].title = "";
  // Without the 60 points of the first criterion every band would be above the potential too.
  EXPECT_TRUE(has(validate_template(t), "bands.0.at_least", "evaluation.band_above_potential"));
  t.bands.clear();
  auto e = validate_template(t);
  EXPECT_TRUE(has(e, "title", "validation.required"));
  EXPECT_TRUE(has(e, "groups.0.criteria.0.max_points", "evaluation.max_positive"));
  EXPECT_TRUE(has(e, "groups.0.criteria.1.formula.measure", "evaluation.measure_unknown"));
  EXPECT_TRUE(has(e, "groups.1.criteria.0.max_points", "evaluation.max_positive"));
  EXPECT_TRUE(has(e, "groups.1.criteria.1.title", "validation.required"));
  EXPECT_EQ(e.size(), 5u);
}

TEST(ScoreTemplate, RefusesNoCriteriaAnEmptyGroupAndAHugeMaximum) {
  ScoreTemplate t;
  t.title = "Trống";
  EXPECT_TRUE(has(validate_template(t), "groups", "evaluation.no_criteria"));
  t = sample();
  t.groups.push_back({0, "Nhóm rỗng", {}});
  t.groups[0].criteria[0].max_points = kMaxCriterionPoints + 1;
  auto e = validate_template(t);
  EXPECT_TRUE(has(e, "groups.2.criteria", "evaluation.group_empty"));
  EXPECT_TRUE(has(e, "groups.0.criteria.0.max_points", "evaluation.max_too_large"));
}

TEST(ScoreTemplate, BandsMustDescendWithinThePotential) {
  auto t = sample();
  t.bands = {{"good", "Tốt", 8000}, {"excellent", "Xuất sắc", 9500}, {"good", "Trùng", 5000},
             {"over", "Quá", 10001}, {"neg", "Âm", -1}, {"", "", 0}};
  auto e = validate_template(t);
  EXPECT_TRUE(has(e, "bands.1.at_least", "evaluation.bands_descending"));
  EXPECT_TRUE(has(e, "bands.2.code", "evaluation.band_code_duplicate"));
  EXPECT_TRUE(has(e, "bands.3.at_least", "evaluation.band_above_potential"));
  EXPECT_TRUE(has(e, "bands.4.at_least", "evaluation.band_negative"));
  EXPECT_TRUE(has(e, "bands.5.code", "validation.required"));
  EXPECT_TRUE(has(e, "bands.5.name", "validation.required"));
  EXPECT_FALSE(has(e, "bands.0.at_least", "evaluation.bands_descending"));
  // A band exactly at the potential is allowed.
  t = sample();
  t.bands = {{"full", "Tối đa", 10000}};
  EXPECT_TRUE(validate_template(t).empty());
}

TEST(ScoreTemplate, ThresholdsMustAscendAndStayWithinTheMaximum) {
  auto t = sample();
  auto& f = *t.groups[0].criteria[1].formula;
  f.mapping = Mapping::thresholds;
  EXPECT_TRUE(has(validate_template(t), "groups.0.criteria.1.formula.thresholds", "evaluation.thresholds_required"));
  f.thresholds = {{5, 1000}, {5, 2000}, {10, 1500}, {20, 4001}, {-1, 0}};
  auto e = validate_template(t);
  EXPECT_TRUE(has(e, "groups.0.criteria.1.formula.thresholds.1", "evaluation.thresholds_ascending"));
  EXPECT_TRUE(has(e, "groups.0.criteria.1.formula.thresholds.2", "evaluation.thresholds_ascending"));
  EXPECT_TRUE(has(e, "groups.0.criteria.1.formula.thresholds.3", "evaluation.threshold_above_max"));
  EXPECT_TRUE(has(e, "groups.0.criteria.1.formula.thresholds.4", "evaluation.threshold_negative"));
  f.thresholds = {{1, 1000}, {5, 2500}, {10, 4000}};
  EXPECT_TRUE(validate_template(t).empty());
  f.mapping = Mapping::linear;
  f.per_unit = 0;
  EXPECT_TRUE(has(validate_template(t), "groups.0.criteria.1.formula.per_unit", "evaluation.per_unit_positive"));
}

TEST(ScoreFormula, LinearIsCappedAtTheMaximum) {
  // "1 point per propaganda session, at most 10".
  ScoreFormula f{"sessions", Aggregate::sum, Mapping::linear, 100, {}};
  EXPECT_EQ(formula_points(f, 0, 1000), 0);
  EXPECT_EQ(formula_points(f, 7, 1000), 700);
  EXPECT_EQ(formula_points(f, 10, 1000), 1000);
  EXPECT_EQ(formula_points(f, 11, 1000), 1000);
  EXPECT_EQ(formula_points(f, -3, 1000), 0);
  // Half a point per session.
  f.per_unit = 50;
  EXPECT_EQ(formula_points(f, 7, 1000), 350);
  // Money: 10^13 đồng times any rate cannot overflow, it is the maximum.
  f.per_unit = kMaxCriterionPoints;
  EXPECT_EQ(formula_points(f, 10'000'000'000'000LL, 1000), 1000);
}

TEST(ScoreFormula, ThresholdsGiveTheHighestReached) {
  ScoreFormula f{"cash_vnd", Aggregate::sum, Mapping::thresholds, 0,
                 {{10'000'000, 200}, {50'000'000, 500}, {100'000'000, 1000}}};
  EXPECT_EQ(formula_points(f, 9'999'999, 1000), 0);
  EXPECT_EQ(formula_points(f, 10'000'000, 1000), 200);
  EXPECT_EQ(formula_points(f, 75'000'000, 1000), 500);
  EXPECT_EQ(formula_points(f, 1'000'000'000, 1000), 1000);
  // Never above the criterion's maximum, even when a stored threshold says more.
  EXPECT_EQ(formula_points(f, 1'000'000'000, 800), 800);
  // A threshold at zero gives points for nothing done (e.g. "no violation": full points).
  ScoreFormula zero{"other", Aggregate::count, Mapping::thresholds, 0, {{0, 300}}};
  EXPECT_EQ(formula_points(zero, 0, 300), 300);
}

TEST(ScoreFormula, CountAndSumReadTheirOwnColumn) {
  MeasureTotals m;
  m.sums[static_cast<std::size_t>(Measure::participants)] = 450;
  m.counts[static_cast<std::size_t>(Measure::participants)] = 6;
  ScoreCriterion c = criterion("Lượt người được tuyên truyền", 2000);
  c.formula = ScoreFormula{"participants", Aggregate::sum, Mapping::linear, 1, {}};
  EXPECT_EQ(computed_points(c, m), 450);
  c.formula->aggregate = Aggregate::count;
  c.formula->per_unit = 100;
  EXPECT_EQ(computed_points(c, m), 600);
  c.formula->measure = "no_such_measure";
  EXPECT_EQ(computed_points(c, m), 0);
  c.formula.reset();
  EXPECT_EQ(computed_points(c, m), 0);
}

TEST(SheetTotal, BonusAddsPenaltySubtractsAndTheTotalStopsAtZero) {
  std::vector<SheetLine> lines{{CriterionKind::normal, 5500}, {CriterionKind::normal, 3000},
                               {CriterionKind::bonus, 500}, {CriterionKind::penalty, 1000}};
  auto t = total_of(lines);
  EXPECT_EQ(t.normal, 8500);
  EXPECT_EQ(t.bonus, 500);
  EXPECT_EQ(t.penalty, 1000);
  EXPECT_EQ(t.total, 8000);
  std::vector<SheetLine> poor{{CriterionKind::normal, 300}, {CriterionKind::penalty, 1000}};
  EXPECT_EQ(total_of(poor).total, 0);
  EXPECT_EQ(total_of({}).total, 0);
}

TEST(SheetTotal, BandIsTheFirstReached) {
  auto t = sample();
  EXPECT_EQ(band_of(t.bands, 10000), 0u);
  EXPECT_EQ(band_of(t.bands, 9500), 0u);
  EXPECT_EQ(band_of(t.bands, 9499), 1u);
  EXPECT_EQ(band_of(t.bands, 5000), 2u);
  EXPECT_FALSE(band_of(t.bands, 4999).has_value());
  EXPECT_FALSE(band_of({}, 9999).has_value());
}

RankInput row(std::int64_t id, Points total, Points normal, Points penalty, std::string at, std::string key) {
  return RankInput{id, SheetTotal{normal, total - normal + penalty, penalty, total}, std::move(at), std::move(key)};
}

TEST(Ranking, TieRuleInOrder) {
  auto t = sample();
  std::vector<RankInput> rows{
      row(1, 8000, 7800, 0, "2025-12-10T08:00:00Z", "b"),
      row(2, 9600, 9600, 0, "2025-12-12T08:00:00Z", "c"),
      // Same total as 1 with more from the normal criteria (less bonus): before 1.
      row(3, 8000, 8000, 0, "2025-12-11T08:00:00Z", "a"),
      // Same as 3, submitted earlier: before 3 whatever the name.
      row(6, 8000, 8000, 0, "2025-12-09T08:00:00Z", "z"),
      // Same total and normal as 1, submitted earlier: before 1.
      row(4, 8000, 7800, 0, "2025-12-01T08:00:00Z", "d"),
      // Same total and normal as 4 and as early, with a penalty: after 1 and 4.
      row(5, 8000, 7800, 200, "2025-12-01T08:00:00Z", "e"),
  };
  auto ranked = rank_sheets(rows, t.bands);
  std::vector<std::int64_t> order;
  for (const auto& r : ranked) order.push_back(r.input.subject_id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{2, 6, 3, 4, 1, 5}));
  for (std::size_t i = 0; i < ranked.size(); ++i) EXPECT_EQ(ranked[i].rank, static_cast<int>(i) + 1);
  EXPECT_EQ(ranked[0].band, 0u);
  EXPECT_EQ(ranked[1].band, 1u);
}

TEST(Ranking, FullTiesShareARankAndListByName) {
  std::vector<RankInput> rows{row(7, 9000, 9000, 0, "2025-12-10T08:00:00Z", "hoa"),
                              row(8, 9000, 9000, 0, "2025-12-10T08:00:00Z", "an"),
                              row(9, 7000, 7000, 0, "2025-12-09T08:00:00Z", "ba"),
                              row(6, 9000, 9000, 0, "", "aa")};
  auto ranked = rank_sheets(rows, {});
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0].input.subject_id, 8);  // "an" before "hoa"
  EXPECT_EQ(ranked[1].input.subject_id, 7);
  EXPECT_EQ(ranked[0].rank, 1);
  EXPECT_EQ(ranked[1].rank, 1);
  // Never submitted: after every submission of the same points.
  EXPECT_EQ(ranked[2].input.subject_id, 6);
  EXPECT_EQ(ranked[2].rank, 3);
  EXPECT_EQ(ranked[3].rank, 4);
  EXPECT_FALSE(ranked[3].band.has_value());
}

TEST(ClusterRanking, OwnScoreIsLeftOut) {
  std::vector<ClusterMember> members{{1, "cao bang"}, {2, "ha giang"}, {3, "lang son"}, {4, "bac kan"}};
  std::vector<ClusterScore> scores{
      {1, 1, 10000},  // agency 1 gives itself full marks: ignored
      {2, 1, 8000}, {3, 1, 8500},
      {1, 2, 9000}, {3, 2, 7500}, {2, 2, 0},  // 2 scores itself low: ignored too
      {1, 3, 8250}, {2, 3, 8250},
  };
  auto bands = sample().bands;
  auto r = rank_cluster(members, scores, bands);
  ASSERT_EQ(r.size(), 4u);
  // 1: (8000 + 8500) / 2 = 8250; 3: 8250; 2: 8250. All equal: one rank, listed by name.
  EXPECT_EQ(r[0].agency_id, 1);
  EXPECT_EQ(r[1].agency_id, 2);
  EXPECT_EQ(r[2].agency_id, 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(r[i].rank, 1);
    EXPECT_EQ(r[i].average, 8250);
    EXPECT_EQ(r[i].scorers, 2);
    EXPECT_EQ(r[i].band, 1u);
  }
  // 4: nobody scored it: last, unranked.
  EXPECT_EQ(r[3].agency_id, 4);
  EXPECT_EQ(r[3].rank, 0);
  EXPECT_FALSE(r[3].band.has_value());
}

TEST(ClusterRanking, ExactAverageDecidesNotTheRoundedOne) {
  std::vector<ClusterMember> members{{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}};
  // 1 gets (1000 + 1001 + 1001) / 3 = 1000.67; 2 gets (1001 + 1000) / 2 = 1000.5 → both round to 1001.
  std::vector<ClusterScore> scores{{2, 1, 1000}, {3, 1, 1001}, {4, 1, 1001}, {1, 2, 1001}, {3, 2, 1000}};
  auto r = rank_cluster(members, scores, {});
  EXPECT_EQ(r[0].agency_id, 1);
  EXPECT_EQ(r[0].rank, 1);
  EXPECT_EQ(r[0].average, 1001);
  EXPECT_EQ(r[1].agency_id, 2);
  EXPECT_EQ(r[1].rank, 2);
  EXPECT_EQ(r[1].average, 1001);
}

TEST(PointsText, ParseAndFormat) {
  EXPECT_EQ(parse_points("9,5"), 950);
  EXPECT_EQ(parse_points("9.5"), 950);
  EXPECT_EQ(parse_points(" 10 "), 1000);
  EXPECT_EQ(parse_points("7,25"), 725);
  EXPECT_EQ(parse_points("0"), 0);
  EXPECT_FALSE(parse_points("-1").has_value());
  EXPECT_FALSE(parse_points("7,255").has_value());
  EXPECT_FALSE(parse_points("abc").has_value());
  EXPECT_FALSE(parse_points("7,").has_value());
  EXPECT_FALSE(parse_points("").has_value());
  EXPECT_FALSE(parse_points("1234567890").has_value());
  EXPECT_EQ(format_points(950), "9,5");
  EXPECT_EQ(format_points(1000), "10");
  EXPECT_EQ(format_points(725), "7,25");
  EXPECT_EQ(format_points(5), "0,05");
}

TEST(ScoreSheet, StatusesMoveOnlyAsAllowed) {
  EXPECT_EQ(sheet_next(SheetStatus::draft, SheetAction::score_self), SheetStatus::draft);
  EXPECT_EQ(sheet_next(SheetStatus::draft, SheetAction::submit), SheetStatus::submitted);
  EXPECT_EQ(sheet_next(SheetStatus::returned, SheetAction::submit), SheetStatus::submitted);
  EXPECT_FALSE(sheet_next(SheetStatus::submitted, SheetAction::score_self).has_value());
  EXPECT_EQ(sheet_next(SheetStatus::submitted, SheetAction::review), SheetStatus::reviewed);
  EXPECT_EQ(sheet_next(SheetStatus::reviewed, SheetAction::review), SheetStatus::reviewed);
  EXPECT_FALSE(sheet_next(SheetStatus::draft, SheetAction::review).has_value());
  EXPECT_EQ(sheet_next(SheetStatus::reviewed, SheetAction::return_to_subject), SheetStatus::returned);
  EXPECT_FALSE(sheet_next(SheetStatus::submitted, SheetAction::finalise).has_value());
  EXPECT_EQ(sheet_next(SheetStatus::reviewed, SheetAction::finalise), SheetStatus::final);
  EXPECT_FALSE(sheet_next(SheetStatus::final, SheetAction::review).has_value());
  EXPECT_FALSE(sheet_next(SheetStatus::final, SheetAction::return_to_subject).has_value());
  EXPECT_TRUE(sheet_counts(SheetStatus::final));
  EXPECT_FALSE(sheet_counts(SheetStatus::returned));
  EXPECT_EQ(parse_sheet_status(to_string(SheetStatus::returned)), SheetStatus::returned);
  EXPECT_EQ(parse_score_round("office_review"), ScoreRound::office_review);
  EXPECT_FALSE(parse_eval_subject("household").has_value());
  EXPECT_EQ(parse_eval_subject("cluster_agency"), EvalSubject::cluster_agency);
}

}  // namespace
}  // namespace thidua
