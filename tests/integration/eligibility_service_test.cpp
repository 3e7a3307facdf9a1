// EligibilityService on a real database: the Office records ratings (corrections with a reason,
// the newest counts), sanctions, pending cases and leave; the verdicts follow; readers see their
// part; bad input is refused with nothing written.

#include <gtest/gtest.h>

#include "evaluation_fixture.hpp"
#include "documents/xlsx_writer.hpp"
#include "services/eligibility_import.hpp"
#include "services/eligibility_service.hpp"

namespace thidua::it {
namespace {

class EligibilityTest : public EvaluationTest {
 protected:
  void SetUp() override {
    EvaluationTest::SetUp();
    if (HasFatalFailure()) return;
    elig_ = std::make_shared<services::EligibilityService>(db_, clock_.clock());
  }

  void rate(std::int64_t id, const char* rating, const char* subject = "person", int year = 2024,
            const char* reason = "") {
    auto r = elig_->record_rating(office_, agency_, {subject, std::to_string(id), std::to_string(year), rating, reason});
    ASSERT_TRUE(r.has_value()) << fields_of(r.error());
  }

  services::EligibilityView view(const Principal& who, int year = 2024, std::optional<std::int64_t> unit = {}) {
    auto v = elig_->compute(who, {agency_, year, std::nullopt, unit});
    EXPECT_TRUE(v.has_value()) << (v ? "" : fields_of(v.error()));
    return v ? *v : services::EligibilityView{};
  }

  static Verdict verdict(const std::vector<SubjectVerdicts>& list, std::int64_t id, AwardForm f) {
    for (const auto& s : list) {
      if (s.id == id) {
        const FormVerdict* v = s.find(f);
        return v ? v->verdict : Verdict::cannot_tell;
      }
    }
    ADD_FAILURE() << "subject " << id << " not in the list";
    return Verdict::cannot_tell;
  }

  std::shared_ptr<services::EligibilityService> elig_;
};

TEST_F(EligibilityTest, VerdictsFollowTheRecordedFacts) {
  rate(head_person_, "good");
  rate(staff_person_, "good");
  rate(staff2_person_, "excellent");
  rate(kh_person_, "completed");
  rate(cs_, "good", "unit");
  auto v = view(office_);
  EXPECT_EQ(v.rules.layers()[0], "national-2024-98");
  EXPECT_EQ(verdict(v.report.people, staff_person_, AwardForm::advanced_worker), Verdict::eligible);
  EXPECT_EQ(verdict(v.report.people, staff2_person_, AwardForm::grassroots_fighter), Verdict::eligible);
  EXPECT_EQ(verdict(v.report.people, staff_person_, AwardForm::grassroots_fighter), Verdict::not_eligible);
  EXPECT_EQ(verdict(v.report.people, kh_person_, AwardForm::advanced_worker), Verdict::not_eligible);
  EXPECT_EQ(verdict(v.report.people, office_person_, AwardForm::advanced_worker), Verdict::cannot_tell);
  EXPECT_EQ(verdict(v.report.units, cs_, AwardForm::advanced_collective), Verdict::eligible);
  EXPECT_EQ(verdict(v.report.units, vp_, AwardForm::advanced_collective), Verdict::cannot_tell);

  // A pending complaint blocks; six months of maternity leave do not.
  ASSERT_TRUE(elig_->record_case(office_, agency_, {"person", std::to_string(staff_person_), "complaint", "02/11/2024", "", ""}));
  ASSERT_TRUE(elig_->record_leave(office_, agency_, {std::to_string(staff2_person_), "maternity", "01/03/2024", "31/08/2024", ""}));
  v = view(office_);
  EXPECT_EQ(verdict(v.report.people, staff_person_, AwardForm::advanced_worker), Verdict::not_eligible);
  EXPECT_EQ(verdict(v.report.people, staff2_person_, AwardForm::advanced_worker), Verdict::eligible);
  // Two of three members LĐTT (67%) is below 70%.
  EXPECT_EQ(verdict(v.report.units, cs_, AwardForm::advanced_collective), Verdict::not_eligible);

  // A warning for the head of unit: the unit cannot be an advanced collective either way.
  ASSERT_TRUE(elig_->record_sanction(office_, agency_, {std::to_string(head_person_), "warning", "10/04/2024", "", "12/QĐ-BDT", ""}));
  v = view(office_);
  EXPECT_EQ(verdict(v.report.people, head_person_, AwardForm::advanced_worker), Verdict::not_eligible);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('rating.record', 'sanction.record', "
                   "'pending_case.record', 'leave.record')"),
            8);
}

TEST_F(EligibilityTest, APendingCaseClosedOnItsDayNoLongerBlocks) {
  rate(staff_person_, "good");
  ASSERT_TRUE(elig_->record_case(office_, agency_, {"person", std::to_string(staff_person_), "complaint", "02/11/2024", "", ""}));
  auto open = elig_->open_cases(office_, agency_);
  ASSERT_TRUE(open.has_value());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().subject_name, "Đàm Văn Đức");
  const auto id = open->front().row.id;
  EXPECT_EQ(elig_->open_cases(staff_, agency_).error().kind, ErrorKind::forbidden);
  EXPECT_FALSE(elig_->close_case(staff_, agency_, id, "20/12/2024").has_value());
  // Settled before it was opened: refused, nothing written.
  auto early = elig_->close_case(office_, agency_, id, "01/11/2024");
  ASSERT_FALSE(early.has_value());
  EXPECT_TRUE(names_field(early.error(), "closed_on", "eligibility.end_before_start")) << fields_of(early.error());
  EXPECT_EQ(verdict(view(office_).report.people, staff_person_, AwardForm::advanced_worker), Verdict::not_eligible);
  ASSERT_TRUE(elig_->close_case(office_, agency_, id, "20/12/2024").has_value());
  EXPECT_EQ(verdict(view(office_).report.people, staff_person_, AwardForm::advanced_worker), Verdict::eligible);
  EXPECT_TRUE(elig_->open_cases(office_, agency_)->empty());
  auto twice = elig_->close_case(office_, agency_, id, "21/12/2024");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, "eligibility.case_not_open");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'pending_case.close'"), 1);
}

TEST_F(EligibilityTest, ACorrectionIsANewRowWithItsReasonAndTheNewestCounts) {
  rate(staff_person_, "completed");
  auto again = elig_->record_rating(office_, agency_, {"person", std::to_string(staff_person_), "2024", "good", ""});
  ASSERT_FALSE(again.has_value());
  EXPECT_TRUE(names_field(again.error(), "reason", "eligibility.reason_required")) << fields_of(again.error());
  rate(staff_person_, "good", "person", 2024, "Kết quả đánh giá công chức đã được phê duyệt lại");
  auto history = elig_->rating_history(office_, agency_, "person", staff_person_, 2024);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].rating, Rating::good);
  EXPECT_EQ((*history)[1].rating, Rating::completed);
  EXPECT_EQ(verdict(view(office_).report.people, staff_person_, AwardForm::advanced_worker), Verdict::eligible);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'rating.correct'"), 1);
}

TEST_F(EligibilityTest, ReadersSeeTheirPart) {
  rate(staff_person_, "good");
  auto mine = view(staff_);
  ASSERT_EQ(mine.report.people.size(), 1u);
  EXPECT_EQ(mine.report.people[0].id, staff_person_);
  EXPECT_TRUE(mine.report.units.empty());
  auto head = view(head_);
  EXPECT_EQ(head.report.people.size(), 3u);  // the head and two members of staff of CSDT
  ASSERT_EQ(head.report.units.size(), 1u);
  EXPECT_EQ(head.report.units[0].id, cs_);
  EXPECT_EQ(view(leader_).report.people.size(), 6u);
  auto only = view(office_, 2024, kh_);
  EXPECT_EQ(only.report.people.size(), 1u);
  auto other = elig_->compute(stranger_, {agency_, 2024, std::nullopt, std::nullopt});
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().kind, ErrorKind::not_found);
  auto not_theirs = elig_->compute(staff_, {agency_, 2024, std::nullopt, kh_});
  ASSERT_FALSE(not_theirs.has_value());
  EXPECT_EQ(not_theirs.error().kind, ErrorKind::forbidden);
}

TEST_F(EligibilityTest, BadInputIsRefusedAndNothingIsWritten) {
  const auto before = scalar("SELECT COUNT(*) FROM task_rating");
  auto another = elig_->record_rating(office_, agency_, {"person", std::to_string(stranger_person_), "2024", "good", ""});
  ASSERT_FALSE(another.has_value());
  EXPECT_EQ(another.error().kind, ErrorKind::not_found);
  auto unknown = elig_->record_rating(office_, agency_, {"person", std::to_string(staff_person_), "2024", "superb", ""});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_TRUE(names_field(unknown.error(), "rating", "eligibility.rating_unknown"));
  auto early = elig_->record_rating(office_, agency_, {"person", std::to_string(staff_person_), "1999", "good", ""});
  ASSERT_FALSE(early.has_value());
  EXPECT_TRUE(names_field(early.error(), "year", "eligibility.year_out_of_range"));
  auto late = elig_->compute(office_, {agency_, 2031, std::nullopt, std::nullopt});
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().kind, ErrorKind::validation);
  auto by_staff = elig_->record_rating(staff_, agency_, {"person", std::to_string(staff_person_), "2024", "excellent", ""});
  ASSERT_FALSE(by_staff.has_value());
  EXPECT_EQ(by_staff.error().kind, ErrorKind::forbidden);
  auto backwards = elig_->record_leave(office_, agency_, {std::to_string(staff_person_), "maternity", "01/09/2024", "01/03/2024", ""});
  ASSERT_FALSE(backwards.has_value());
  EXPECT_TRUE(names_field(backwards.error(), "to", "eligibility.end_before_start"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM task_rating"), before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM leave_period"), 0);
}

TEST_F(EligibilityTest, ImportIsAllOrNothing) {
  exec("UPDATE person SET code = 'CB01' WHERE id = " + std::to_string(staff_person_));
  exec("UPDATE person SET code = 'CB02' WHERE id = " + std::to_string(staff2_person_));
  std::vector<services::EligibilityService::RatingLine> rows{
      {2, "CB01", "Hoàn thành tốt nhiệm vụ", ""}, {3, "CB02", "xuất sắc?", ""}, {4, "ZZ", "good", ""}};
  auto bad = elig_->import_ratings(office_, agency_, 2025, rows, false);
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->written, 0);
  ASSERT_EQ(bad->problems.size(), 2u);
  EXPECT_EQ(bad->problems[0].first, 3);
  EXPECT_EQ(bad->problems[1].second.code, "eligibility.code_unknown");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM task_rating"), 0);
  rows[1].rating = "Hoàn thành xuất sắc nhiệm vụ";
  rows[2].code = "CSDT";
  auto good = elig_->import_ratings(office_, agency_, 2025, rows, false);
  ASSERT_TRUE(good.has_value());
  EXPECT_TRUE(good->problems.empty());
  EXPECT_EQ(good->written, 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM task_rating WHERE source = 'imported' AND year = 2025"), 3);
  auto v = view(office_, 2025);
  EXPECT_EQ(v.rules.layers()[0], "national-2025-152");
  EXPECT_EQ(verdict(v.report.people, staff2_person_, AwardForm::grassroots_fighter), Verdict::eligible);
}

}  // namespace
}  // namespace thidua::it

namespace thidua::it {
namespace {

std::string xlsx(std::vector<std::string> headers, std::vector<std::vector<std::string>> rows) {
  documents::Table t;
  t.sheet_name = "Sheet1";
  for (auto& h : headers) t.columns.push_back({h, 20});
  t.rows = std::move(rows);
  auto bytes = documents::write_xlsx({t});
  EXPECT_TRUE(bytes.has_value());
  return bytes ? *bytes : std::string();
}

TEST_F(EligibilityTest, XlsxImportsOfRatingsAndPastAwardsAreAllOrNothing) {
  exec("UPDATE person SET code = 'CB01' WHERE id = " + std::to_string(staff_person_));
  exec("UPDATE person SET code = 'CB02' WHERE id = " + std::to_string(staff2_person_));
  auto ratings = xlsx({"Mã", "Xếp loại", "Lý do"}, {{"CB01", "Hoàn thành tốt nhiệm vụ", ""}, {"CSDT", "good", ""}});
  auto preview = services::import_inputs(*elig_, office_, agency_, services::InputImportKind::ratings, 2024, ratings, true);
  ASSERT_TRUE(preview.has_value()) << fields_of(preview.error());
  EXPECT_TRUE(preview->ok());
  EXPECT_EQ(preview->rows, 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM task_rating"), 0);
  auto done = services::import_inputs(*elig_, office_, agency_, services::InputImportKind::ratings, 2024, ratings, false);
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->written, 2);

  auto awards = xlsx({"Mã", "Danh hiệu/hình thức", "Năm", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"},
                     {{"CB02", "Chiến sĩ thi đua cơ sở", "2023", "Số: 02/QĐ-BDT", "12/01/2024", "Ban Dân tộc"},
                      {"CB02", "Huân chương", "2023", "Số: 03/QĐ-BDT", "", ""},
                      {"CSDT", "Chiến sĩ thi đua cơ sở", "2023", "Số: 04/QĐ-BDT", "", ""}});
  auto bad = services::import_inputs(*elig_, office_, agency_, services::InputImportKind::awards, 0, awards, false);
  ASSERT_TRUE(bad.has_value());
  ASSERT_EQ(bad->problems.size(), 2u);
  EXPECT_EQ(bad->problems[0].first, 3);
  EXPECT_EQ(bad->problems[0].second.code, "eligibility.form_unknown");
  EXPECT_EQ(bad->problems[1].second.code, "eligibility.form_does_not_fit");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM award"), 0);
  auto good = xlsx({"Mã", "Danh hiệu/hình thức", "Năm", "Số quyết định"},
                   {{"CB02", "Chiến sĩ thi đua cơ sở", "2023", "Số: 02/QĐ-BDT"},
                    {"CSDT", "Tập thể lao động tiên tiến", "2023", "Số: 04/QĐ-BDT"}});
  auto ok = services::import_inputs(*elig_, office_, agency_, services::InputImportKind::awards, 0, good, false);
  ASSERT_TRUE(ok.has_value());
  EXPECT_TRUE(ok->ok());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM award WHERE source = 'imported' AND form = 'grassroots_fighter'"), 1);
  auto missing = services::import_inputs(*elig_, office_, agency_, services::InputImportKind::awards, 0,
                                         xlsx({"Mã", "Năm"}, {{"CB02", "2023"}}), true);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "eligibility.column_missing");
}

}  // namespace
}  // namespace thidua::it
