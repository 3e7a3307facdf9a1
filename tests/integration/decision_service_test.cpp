// The decision register: numbering, refusals, awardees with bonuses, issuing into the award
// history with certificates, withdrawing without deleting.

#include "documents/zip_reader.hpp"
#include "domain/certificate.hpp"
#include "evaluation_fixture.hpp"
#include "services/decision_service.hpp"

namespace thidua::it {
namespace {

class DecisionTest : public EvaluationTest {
 protected:
  void SetUp() override {
    EvaluationTest::SetUp();
    if (HasFatalFailure()) return;
    decisions_ = std::make_shared<services::DecisionService>(db_, clock_.clock());
  }

  services::DecisionInput input(const std::string& number, const std::string& date = "15/11/2026") {
    services::DecisionInput in;
    in.number = number;
    in.decision_date = date;
    in.place = "Cao Bằng";
    in.header_parent = "UBND TỈNH CAO BẰNG";
    in.header_agency = "BAN DÂN TỘC";
    in.head_title = "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG";
    in.title = "Về việc khen thưởng thành tích năm 2026";
    in.award_year = "2026";
    in.signer_mark = "KT. TRƯỞNG BAN";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    return in;
  }

  services::AwardeeInput person_award(std::int64_t person, const char* form = "certificate_of_merit") {
    services::AwardeeInput a;
    a.subject = "person";
    a.subject_id = person;
    a.form = form;
    a.basis = "yearly";
    a.achievement = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2026";
    return a;
  }

  std::shared_ptr<services::DecisionService> decisions_;
};

TEST_F(DecisionTest, NumbersAreUniquePerAgencyAndYearAndTheRefusalNamesTheHolder) {
  auto d = decisions_->create(office_, agency_, input("12"));
  ASSERT_TRUE(d) << fields_of(d.error());
  EXPECT_EQ(decision_ref(d->number, d->symbol), "12/QĐ-BDT");
  EXPECT_EQ(d->year, 2026);

  auto again = decisions_->create(office_, agency_, input("12", "20/11/2026"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(names_field(again.error(), "number", "decision.number_used"));
  bool named = false, next = false;
  for (const auto& [k, v] : again.error().params) {
    named = named || (k == "title" && v == "Về việc khen thưởng thành tích năm 2026");
    next = next || (k == "next" && v == "13");
  }
  EXPECT_TRUE(named);
  EXPECT_TRUE(next);

  // The same number in another year, or in another agency, is free.
  EXPECT_TRUE(decisions_->create(office_, agency_, input("12", "10/01/2025")));
  auto reg = decisions_->register_of(office_, agency_, 2026);
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->next_number, 13);
  EXPECT_EQ(reg->decisions.size(), 1u);

  // Staff and another agency's Office may not draft; another agency does not see it.
  EXPECT_EQ(decisions_->create(staff_, agency_, input("14")).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(decisions_->get(stranger_, d->id).error().kind, ErrorKind::not_found);
}

TEST_F(DecisionTest, AwardeesCarryTheirBonusAndIssuingWritesHistoryAndCertificates) {
  auto d = decisions_->create(office_, agency_, input("3"));
  ASSERT_TRUE(d) << fields_of(d.error());
  std::vector<services::AwardeeInput> list{person_award(staff_person_), person_award(staff2_person_, "advanced_worker")};
  services::AwardeeInput unit_award;
  unit_award.subject = "unit";
  unit_award.subject_id = cs_;
  unit_award.form = "certificate_of_merit";
  list.push_back(unit_award);
  auto added = decisions_->add_awardees(office_, d->id, list);
  ASSERT_TRUE(added) << fields_of(added.error());
  ASSERT_EQ(added->awardees.size(), 3u);
  // 2026: base salary 2,340,000; LĐTT 0.3 → 702,000; Giấy khen person 0.3, unit 0.6 → 1,404,000.
  EXPECT_EQ(added->awardees[0].bonus, 710000);  // 702,000 rounded up to the next 10,000
  EXPECT_EQ(added->awardees[1].bonus, 710000);
  EXPECT_EQ(added->awardees[2].bonus, 1410000);
  EXPECT_EQ(added->total_bonus(), 2830000);
  EXPECT_EQ(added->awardees[0].unit_name, "Phòng Chính sách Dân tộc");

  // Refusals: twice, a form above the agency, a misfit, another agency's person — none added.
  auto bad = decisions_->add_awardees(office_, d->id,
                                      {person_award(staff_person_), person_award(head_person_, "diploma_of_merit"),
                                       person_award(head_person_, "advanced_collective"),
                                       person_award(stranger_person_)});
  ASSERT_FALSE(bad);
  EXPECT_TRUE(names_field(bad.error(), "awardees.0.subject_id", "decision.awardee_twice"));
  EXPECT_TRUE(names_field(bad.error(), "awardees.1.form", "decision.form_above_agency"));
  EXPECT_TRUE(names_field(bad.error(), "awardees.2.form", "decision.form_misfit"));
  EXPECT_TRUE(names_field(bad.error(), "awardees.3.subject_id", "decision.subject_unknown"));

  // Staff may not issue; a stale version is refused; the leader issues.
  auto current = decisions_->get(office_, d->id);
  ASSERT_TRUE(current);
  EXPECT_EQ(decisions_->issue(staff_, d->id, current->decision.version).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(decisions_->issue(leader_, d->id, d->version).error().code, "edit.stale");
  auto issued = decisions_->issue(leader_, d->id, current->decision.version);
  ASSERT_TRUE(issued) << fields_of(issued.error());
  EXPECT_EQ(issued->decision.status, DecisionStatus::issued);
  EXPECT_EQ(issued->decision.issuer, "Ban Dân tộc tỉnh Cao Bằng");
  ASSERT_EQ(issued->certificates.size(), 3u);
  for (const auto& c : issued->certificates) {
    EXPECT_TRUE(normalize_certificate_code(c.code).has_value()) << c.code;
    EXPECT_EQ(c.decision_ref, "3/QĐ-BDT");
  }
  EXPECT_NE(issued->certificates[0].code, issued->certificates[1].code);
  EXPECT_EQ(count("award"), 3);

  auto history = decisions_->awards_of(staff_, AwardSubject::person, staff_person_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].award.source, AwardSource::decided);
  EXPECT_EQ((*history)[0].award.decision_id, d->id);
  EXPECT_EQ((*history)[0].award.year, 2026);
  EXPECT_EQ((*history)[0].award.issuer, "Ban Dân tộc tỉnh Cao Bằng");

  // Frozen: no more edits or awardees.
  EXPECT_EQ(decisions_->add_awardees(office_, d->id, {person_award(head_person_)}).error().code, "decision.not_draft");
  EXPECT_EQ(decisions_->update(office_, d->id, issued->decision.version, input("3")).error().code, "decision.not_draft");

  // Withdrawn: the row, its number and the history stay, marked.
  EXPECT_TRUE(names_field(decisions_->withdraw(leader_, d->id, issued->decision.version, " ").error(), "reason",
                          "validation.required"));
  auto withdrawn = decisions_->withdraw(leader_, d->id, issued->decision.version, "Sai tên đơn vị");
  ASSERT_TRUE(withdrawn) << fields_of(withdrawn.error());
  EXPECT_EQ(withdrawn->decision.status, DecisionStatus::withdrawn);
  EXPECT_EQ(count("award"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM award WHERE withdrawn = 1"), 3);
  EXPECT_EQ(decisions_->create(office_, agency_, input("3")).error().code, "decision.number_taken");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'decision.%'"), 4);
}

TEST_F(DecisionTest, BonusFollowsTheBaseSalaryAndRulesInForceOnTheDecisionDate) {
  auto tables = services::bonus_tables();
  ASSERT_TRUE(tables) << tables.error().detail;
  auto q2023 = compute_bonus(**tables, AwardForm::grassroots_fighter, AwardSubject::person, "2023-10-01");
  ASSERT_TRUE(q2023);
  EXPECT_EQ(q2023->base_salary, 1800000);
  EXPECT_EQ(q2023->amount, 1800000);
  auto q2025 = compute_bonus(**tables, AwardForm::advanced_collective, AwardSubject::unit, "2025-08-01");
  ASSERT_TRUE(q2025);
  EXPECT_EQ(q2025->base_salary, 2340000);
  EXPECT_EQ(q2025->amount, 1880000);  // 0.8 × 2,340,000 = 1,872,000 → 1,880,000
  EXPECT_TRUE(q2025->citation.find("152/2025") != std::string::npos);
  EXPECT_FALSE(q2025->verified);  // the rounding of 152/2025 is not verified
  EXPECT_FALSE(compute_bonus(**tables, AwardForm::grassroots_fighter, AwardSubject::unit, "2025-08-01"));
}

TEST_F(DecisionTest, TheRegisterOfAYearExportsToXlsxWithEveryAwardee) {
  auto d = decisions_->create(office_, agency_, input("5"));
  ASSERT_TRUE(d);
  ASSERT_TRUE(decisions_->add_awardees(office_, d->id, {person_award(staff_person_)}));
  auto bytes = services::decisions_xlsx(*decisions_, staff_, agency_, 2026);
  ASSERT_TRUE(bytes) << bytes.error().detail;
  auto zip = documents::ZipReader::open(*bytes, 50u << 20);
  ASSERT_TRUE(zip);
  auto strings = zip->read_all("xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  for (const char* s : {"5/QĐ-BDT", "Về việc khen thưởng thành tích năm 2026", "Đàm Văn Đức", "Giấy khen", "Dự thảo"}) {
    EXPECT_NE(strings->find(s), std::string::npos) << s;
  }
  EXPECT_TRUE(zip->contains("xl/worksheets/sheet2.xml"));
  EXPECT_EQ(services::decisions_xlsx(*decisions_, stranger_, agency_, 2026).error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace thidua::it
