// Rankings on a real SQLite and PostgreSQL: the tie rule over stored sheets, computed criteria
// read for every sheet at once, who has not submitted, a unit head's list of their unit, units'
// sheets reviewed by the Office, and a cluster's cross-scores without an agency's own.

#include <array>
#include <map>

#include "evaluation_fixture.hpp"
#include "storage/evaluation_repo.hpp"

namespace thidua::it {
namespace {

using services::EntryInput;

class EvaluationRankingTest : public EvaluationTest {
 protected:
  /// The subject's own scores, then submitted; the clock moves a minute after, so that each
  /// submission is later than the one before.
  void score_and_submit(const Principal& who, std::int64_t sheet_id, const std::vector<EntryInput>& entries) {
    auto s = service_->self_assess(who, sheet_id, 1, entries);
    ASSERT_TRUE(s.has_value()) << fields_of(s.error());
    auto sent = service_->submit(who, sheet_id, s->sheet.version);
    ASSERT_TRUE(sent.has_value()) << sent.error().code;
    clock_.advance(std::chrono::minutes(1));
  }
};

TEST_F(EvaluationRankingTest, TiesAreBrokenByTheDocumentedRule) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto c = criteria_of(*t);  // plan, sessions, reach, bonus, penalty
  // Đức: 60 by hand + 3 sessions verified = 63, submitted first.
  achievement(staff_person_, cs_, 2025, 3, 10);
  // Hùng: 58 + 5 bonus = 63, same total, less from the normal criteria: after Đức.
  // Ánh: 60 + 3 = 63 like Đức, submitted later: after Đức, before Hùng.
  achievement(kh_person_, kh_, 2025, 3, 10);
  // Lan (the head): 65 − 2 = 63: same total, normal 65, so first of all.
  score_and_submit(staff_, sheet_of(t->id, staff_person_), {EntryInput{c[0], "60", "", ""}});
  score_and_submit(staff2_, sheet_of(t->id, staff2_person_), {EntryInput{c[0], "58", "", ""}, EntryInput{c[3], "5", "", ""}});
  score_and_submit(kh_staff_, sheet_of(t->id, kh_person_), {EntryInput{c[0], "60", "", ""}});
  score_and_submit(head_, sheet_of(t->id, head_person_), {EntryInput{c[0], "60", "", ""}, EntryInput{c[4], "2", "", ""}});
  // The head's 60 + 5 sessions (verified) − 2.
  achievement(head_person_, cs_, 2025, 5, 10);

  auto r = service_->ranking(leader_, t->id);
  ASSERT_TRUE(r.has_value()) << r.error().code;
  ASSERT_EQ(r->ranked.size(), 4u);
  std::vector<std::int64_t> order;
  for (const auto& row : r->ranked) {
    order.push_back(*row.sheet.person_id);
    EXPECT_EQ(row.total.total, 6300) << row.sheet.subject_name;
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{head_person_, staff_person_, kh_person_, staff2_person_}));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(r->ranked[i].rank, i + 1);
  EXPECT_EQ(r->ranked[0].band, 2u);  // completed: 50 ≤ 63 < 80
  // Not submitted: the Office's own and the leader's, by name (Hoa before Vui).
  ASSERT_EQ(r->not_submitted.size(), 2u);
  EXPECT_EQ(r->not_submitted[0].subject_name, "Nông Thị Hoa");
  EXPECT_EQ(r->not_submitted[1].subject_name, "Hà Văn Vui");

  // Equal on every part of the rule (the same second of submission): one rank, listed by name.
  exec("UPDATE score_sheet SET submitted_at = '2025-12-01T08:00:00Z' WHERE template_id = " + std::to_string(t->id));
  exec("DELETE FROM achievement WHERE person_id = " + std::to_string(head_person_));
  exec("DELETE FROM score_entry WHERE round = 'self' AND sheet_id = " + std::to_string(sheet_of(t->id, head_person_)) +
       " AND points = 200");
  exec("DELETE FROM score_entry WHERE sheet_id = " + std::to_string(sheet_of(t->id, staff2_person_)));
  exec("INSERT INTO score_entry (sheet_id, criterion_id, round, points, scored_at) VALUES (" +
       std::to_string(sheet_of(t->id, staff2_person_)) + ", " + std::to_string(c[0]) +
       ", 'self', 6000, '2025-12-01T08:00:00Z')");
  achievement(staff2_person_, cs_, 2025, 3, 10);
  // Now Đức, Ánh and Hùng have 60 + 3 sessions each (all normal, no penalty); Lan 60.
  r = service_->ranking(office_, t->id);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->ranked.size(), 4u);
  EXPECT_EQ(r->ranked[0].rank, 1);
  EXPECT_EQ(r->ranked[1].rank, 1);
  EXPECT_EQ(r->ranked[2].rank, 1);
  EXPECT_EQ(r->ranked[3].rank, 4);
  // Vietnamese order of given names: Ánh, Đức, Hùng.
  EXPECT_EQ(r->ranked[0].sheet.subject_name, "Triệu Thị Ánh");
  EXPECT_EQ(r->ranked[1].sheet.subject_name, "Đàm Văn Đức");
  EXPECT_EQ(r->ranked[2].sheet.subject_name, "Lâm Văn Hùng");
  EXPECT_EQ(r->ranked[3].sheet.subject_name, "Hoàng Thị Lan");
}

TEST_F(EvaluationRankingTest, AUnitHeadSeesTheirUnitsListOnly) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto c = criteria_of(*t);
  score_and_submit(staff_, sheet_of(t->id, staff_person_), {EntryInput{c[0], "40", "", ""}});
  auto mine = service_->ranking(head_, t->id, cs_);
  ASSERT_TRUE(mine.has_value()) << mine.error().code;
  ASSERT_EQ(mine->ranked.size(), 1u);
  EXPECT_EQ(mine->ranked[0].sheet.person_id, staff_person_);
  EXPECT_FALSE(mine->ranked[0].band.has_value());  // 40 < 50: no band
  EXPECT_EQ(mine->not_submitted.size(), 2u);       // the head and Hùng
  EXPECT_EQ(service_->ranking(head_, t->id, kh_).error().code, "evaluation.ranking_forbidden");
  EXPECT_EQ(service_->ranking(head_, t->id).error().code, "evaluation.ranking_forbidden");
  EXPECT_EQ(service_->ranking(staff_, t->id).error().code, "evaluation.ranking_forbidden");
  // The page cache's stamp makes the same check before any cached body is served.
  auto stamp = service_->ranking_stamp(head_, t->id, cs_);
  ASSERT_TRUE(stamp.has_value()) << stamp.error().code;
  EXPECT_FALSE(stamp->cluster);
  EXPECT_GT(stamp->version, 0);
  EXPECT_EQ(service_->ranking_stamp(head_, t->id, kh_).error().code, "evaluation.ranking_forbidden");
  EXPECT_EQ(service_->ranking_stamp(staff_, t->id).error().code, "evaluation.ranking_forbidden");
  // Any write moves the stamp on: a body cached before it is not served after it.
  score_and_submit(head_, sheet_of(t->id, head_person_), {EntryInput{c[0], "45", "", ""}});
  EXPECT_GT(service_->ranking_stamp(head_, t->id, cs_)->version, stamp->version);
}

TEST_F(EvaluationRankingTest, UnitsScoreThemselvesAndTheOfficeReviewsThem) {
  auto in = person_template();
  in.subject = "unit";
  in.title = "Bảng chấm điểm thi đua tập thể năm 2025";
  auto t = service_->create_template(office_, agency_, in);
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  auto made = service_->apply_template(office_, t->id);
  ASSERT_TRUE(made.has_value());
  EXPECT_EQ(*made, 3);  // VP, CSDT, KHTH
  const auto c = criteria_of(*t);
  // A unit counts its own and its people's verified records: 4 + 2 sessions.
  achievement(staff_person_, cs_, 2025, 4, 150);
  achievement(staff2_person_, cs_, 2025, 2, 150);
  const auto id = sheet_of(t->id, cs_);
  // Staff of the unit may not score the unit; its head does.
  EXPECT_EQ(service_->self_assess(staff_, id, 1, {EntryInput{c[0], "50", "", ""}}).error().kind, ErrorKind::not_found);
  score_and_submit(head_, id, {EntryInput{c[0], "55", "", ""}});
  auto sent = service_->sheet(head_, id);
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->current.at(c[1]), 600);
  EXPECT_EQ(sent->current.at(c[2]), 2000);  // 300 participants
  EXPECT_EQ(sent->total.total, 8100);
  // The head does not review a unit's sheet (their own); the Office does.
  EXPECT_EQ(service_->review(head_, id, sent->sheet.version, {EntryInput{c[0], "50", "", "x"}}).error().code,
            "evaluation.own_sheet");
  auto reviewed = service_->review(office_, id, sent->sheet.version, {EntryInput{c[0], "50", "", "Chưa đạt chỉ tiêu"}});
  ASSERT_TRUE(reviewed.has_value()) << fields_of(reviewed.error());
  EXPECT_EQ(reviewed->entries.back().round, ScoreRound::office_review);
  auto r = service_->ranking(office_, t->id);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->ranked.size(), 1u);
  EXPECT_EQ(r->ranked[0].total.total, 7600);
  EXPECT_EQ(r->ranked[0].sheet.subject_name, "Phòng Chính sách Dân tộc");
  EXPECT_EQ(r->not_submitted.size(), 2u);
}

TEST_F(EvaluationRankingTest, AClusterRanksWithoutAnAgencysOwnScore) {
  const auto third = users_->ensure_agency(root_, "STP", "Sở Tư pháp")->id;
  const auto third_unit = unit(third, "VP", "office", "Văn phòng Sở Tư pháp");
  std::int64_t third_person = 0;
  auto third_office = account("vp_tp", "Lục Văn Pháp", "office", third_unit, third_person, "STP");
  exec("INSERT INTO cluster (code, name, created_at) VALUES ('K1', 'Khối thi đua số 1', '2025-01-01T00:00:00Z')");
  const auto cluster = scalar("SELECT id FROM cluster");
  for (auto [a, lead] : {std::pair{agency_, 1}, std::pair{other_, 0}, std::pair{third, 0}}) {
    exec("INSERT INTO cluster_member (cluster_id, agency_id, year, is_lead) VALUES (" + std::to_string(cluster) + ", " +
         std::to_string(a) + ", 2025, " + std::to_string(lead) + ")");
  }
  auto in = person_template();
  in.subject = "cluster_agency";
  in.title = "Bảng chấm điểm Khối thi đua số 1 năm 2025";
  auto t = service_->create_template(office_, agency_, in);
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  EXPECT_EQ(service_->apply_template(office_, t->id).error().code, "evaluation.cluster_not_applied");

  // Each agency scores the others, and itself (kept, left out).
  ASSERT_TRUE(service_->score_cluster_member(office_, t->id, agency_, "95", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(office_, t->id, other_, "80", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(office_, t->id, third, "90", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(stranger_, t->id, agency_, "70", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(stranger_, t->id, other_, "95", "Tự đánh giá").has_value());
  ASSERT_TRUE(service_->score_cluster_member(stranger_, t->id, third, "86", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(third_office, t->id, agency_, "72", "").has_value());
  ASSERT_TRUE(service_->score_cluster_member(third_office, t->id, other_, "84", "").has_value());
  // A second score replaces the first (both kept as rows).
  ASSERT_TRUE(service_->score_cluster_member(third_office, t->id, other_, "82", "Sau khi đối chiếu").has_value());
  EXPECT_EQ(count("cluster_score"), 9);
  // Bad points and non-members are refused, nothing written.
  auto high = service_->score_cluster_member(third_office, t->id, agency_, "105,5", "");
  ASSERT_FALSE(high.has_value());
  EXPECT_TRUE(names_field(high.error(), "points", "evaluation.points_above_max"));  // 100 + 5 bonus at most
  EXPECT_TRUE(names_field(service_->score_cluster_member(third_office, t->id, agency_, "-3", "").error(), "points",
                          "evaluation.points_negative"));
  EXPECT_EQ(service_->score_cluster_member(staff_, t->id, other_, "80", "").error().code, "evaluation.office_only");
  const auto outsider = users_->ensure_agency(root_, "SXD", "Sở Xây dựng")->id;
  EXPECT_EQ(service_->score_cluster_member(third_office, t->id, outsider, "80", "").error().code, "agency.not_found");
  EXPECT_EQ(count("cluster_score"), 9);
  // Scored against, the template is no longer edited.
  EXPECT_EQ(service_->update_template(office_, t->id, t->version, in).error().code, "evaluation.template_in_use");

  auto r = service_->cluster_ranking(third_office, t->id);
  ASSERT_TRUE(r.has_value()) << r.error().code;
  ASSERT_EQ(r->rows.size(), 3u);
  // BDT: (70 + 72) / 2 = 71; SKH: (80 + 82) / 2 = 81; STP: (90 + 86) / 2 = 88.
  EXPECT_EQ(r->rows[0].agency_id, third);
  EXPECT_EQ(r->rows[0].average, 8800);
  EXPECT_EQ(r->rows[1].agency_id, other_);
  EXPECT_EQ(r->rows[1].average, 8100);
  EXPECT_EQ(r->rows[1].band, 1u);
  EXPECT_EQ(r->rows[2].agency_id, agency_);
  EXPECT_EQ(r->rows[2].average, 7100);
  EXPECT_EQ(r->rows[2].scorers, 2);
  EXPECT_EQ(r->rows[2].rank, 3);
  // An agency outside the cluster does not see it.
  std::int64_t outsider_person = 0;
  auto outsider_office = account("vp_xd", "Vi Văn Xây", "office", unit(outsider, "VP", "office", "Văn phòng Sở Xây dựng"),
                                 outsider_person, "SXD");
  EXPECT_EQ(service_->cluster_ranking(outsider_office, t->id).error().code, "evaluation.template_not_found");
}

TEST_F(EvaluationRankingTest, GroupedMeasuresMatchEachSubjectCountedByHand) {
  // Records of four people in two units, some not verified or of another year; the grouped
  // read for all subjects agrees with the read for one and with sums made here.
  struct Rec {
    std::int64_t person, unit;
    int year;
    long long sessions, participants;
    const char* status;
  };
  const std::vector<Rec> recs{{staff_person_, cs_, 2025, 2, 40, "verified"},  {staff_person_, cs_, 2025, 0, 15, "verified"},
                              {staff_person_, cs_, 2025, 9, 90, "submitted"}, {staff2_person_, cs_, 2025, 1, 0, "verified"},
                              {kh_person_, kh_, 2025, 4, 120, "verified"},    {kh_person_, kh_, 2024, 7, 70, "verified"},
                              {head_person_, cs_, 2025, 3, 30, "returned"}};
  std::map<std::int64_t, std::array<long long, 3>> people, units;  // sessions, participants, records with sessions
  for (const auto& r : recs) {
    achievement(r.person, r.unit, r.year, r.sessions, r.participants, r.status);
    if (r.year != 2025 || std::string(r.status) != "verified") continue;
    for (auto* m : {&people[r.person], &units[r.unit]}) {
      (*m)[0] += r.sessions;
      (*m)[1] += r.participants;
      (*m)[2] += r.sessions > 0 ? 1 : 0;
    }
  }
  db_->read([&](storage::Tx& tx) -> Result<int> {
    auto by_person = storage::measures_by_person(tx, movement_, 2025);
    auto by_unit = storage::measures_by_unit(tx, movement_, 2025);
    EXPECT_EQ(by_person.size(), people.size());
    EXPECT_EQ(by_unit.size(), units.size());
    for (const auto& [id, want] : people) {
      const auto& got = by_person.at(id);
      EXPECT_EQ(got.value(Measure::sessions, Aggregate::sum), want[0]) << id;
      EXPECT_EQ(got.value(Measure::participants, Aggregate::sum), want[1]) << id;
      EXPECT_EQ(got.value(Measure::sessions, Aggregate::count), want[2]) << id;
      const auto one = storage::measures_of(tx, RecordSubject::person, id, movement_, 2025);
      EXPECT_EQ(one.sums, got.sums);
      EXPECT_EQ(one.counts, got.counts);
    }
    for (const auto& [id, want] : units) {
      EXPECT_EQ(by_unit.at(id).value(Measure::sessions, Aggregate::sum), want[0]) << id;
      EXPECT_EQ(by_unit.at(id).value(Measure::participants, Aggregate::sum), want[1]) << id;
      EXPECT_EQ(storage::measures_of(tx, RecordSubject::unit, id, movement_, 2025).sums, by_unit.at(id).sums);
    }
    EXPECT_EQ(people[staff_person_][0], 2);  // the submitted record does not count
    EXPECT_EQ(units[cs_][2], 2);
    return 0;
  });
}

}  // namespace
}  // namespace thidua::it
