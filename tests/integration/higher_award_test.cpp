// Proposals of higher awards: the submission, its subjects, sending, the province's answer and
// the awards it writes into the history; the dossier bundle.

#include "documents/zip_reader.hpp"
#include "evaluation_fixture.hpp"
#include "services/decision_service.hpp"
#include "services/higher_award_service.hpp"

namespace thidua::it {
namespace {

class HigherAwardTest : public EvaluationTest {
 protected:
  void SetUp() override {
    EvaluationTest::SetUp();
    if (HasFatalFailure()) return;
    higher_ = std::make_shared<services::HigherAwardService>(db_, files_, clock_.clock());
    decisions_ = std::make_shared<services::DecisionService>(db_, clock_.clock());
  }

  services::HigherAwardInput input() {
    auto d = higher_->defaults(office_, agency_);
    EXPECT_TRUE(d);
    services::HigherAwardInput in;
    in.form = "diploma_of_merit";
    in.basis = "yearly";
    in.award_year = "2026";
    in.number = "45";
    in.submission_date = "20/11/2026";
    in.place = "Cao Bằng";
    in.header_parent = "UBND TỈNH CAO BẰNG";
    in.header_agency = "BAN DÂN TỘC";
    in.addressee = d->addressee;
    in.title = d->title;
    in.body = d->body;
    in.signer_mark = "KT. TRƯỞNG BAN";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    in.decider = d->decider;
    return in;
  }

  std::shared_ptr<services::HigherAwardService> higher_;
  std::shared_ptr<services::DecisionService> decisions_;
};

TEST_F(HigherAwardTest, FromDraftToTheProvincesDecisionWhichEntersTheHistory) {
  auto bad = input();
  bad.form = "certificate_of_merit";
  EXPECT_TRUE(names_field(higher_->create(office_, agency_, bad).error(), "form", "higher_award.form_not_higher"));
  EXPECT_EQ(higher_->create(staff_, agency_, input()).error().kind, ErrorKind::forbidden);

  auto h = higher_->create(office_, agency_, input());
  ASSERT_TRUE(h) << fields_of(h.error());
  EXPECT_EQ(h->symbol, "TTr-BDT");
  EXPECT_EQ(higher_->send(office_, h->id, h->version).error().code, "higher_award.no_subject");
  auto added = higher_->add_subjects(
      office_, h->id, {{"person", head_person_, "Hai năm liền Chiến sĩ thi đua cơ sở"}, {"unit", cs_, "Tập thể xuất sắc"}});
  ASSERT_TRUE(added) << fields_of(added.error());
  ASSERT_EQ(added->subjects.size(), 2u);
  EXPECT_TRUE(names_field(higher_->add_subjects(office_, h->id, {{"person", head_person_, ""}}).error(),
                          "subjects.0.subject_id", "higher_award.subject_twice"));

  auto sent = higher_->send(office_, h->id, added->version);
  ASSERT_TRUE(sent) << fields_of(sent.error());
  EXPECT_EQ(sent->award.status, HigherAwardStatus::sent);
  EXPECT_FALSE(sent->can_edit);
  EXPECT_EQ(higher_->add_subjects(office_, h->id, {{"person", staff_person_, ""}}).error().code,
            "higher_award.not_editable");
  auto back = higher_->give_back(office_, h->id, sent->award.version, "Thiếu báo cáo thành tích");
  ASSERT_TRUE(back) << fields_of(back.error());
  EXPECT_EQ(back->award.status, HigherAwardStatus::returned);
  auto again = higher_->send(office_, h->id, back->award.version);
  ASSERT_TRUE(again);
  EXPECT_TRUE(names_field(higher_->record_decision(office_, h->id, again->award.version, "", "").error(),
                          "province_number", "validation.required"));
  auto decided = higher_->record_decision(office_, h->id, again->award.version, "2150/QĐ-UBND", "10/12/2026");
  ASSERT_TRUE(decided) << fields_of(decided.error());
  EXPECT_EQ(decided->award.status, HigherAwardStatus::decided);
  EXPECT_EQ(decided->award.province_number, "2150/QĐ-UBND");
  ASSERT_EQ(decided->history.size(), 6u);  // created, subjects added, sent, returned, sent, decided
  EXPECT_EQ(decided->history.back().event, "decided");

  auto history = decisions_->awards_of(office_, AwardSubject::person, head_person_);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].award.form, AwardForm::diploma_of_merit);
  EXPECT_EQ((*history)[0].award.issuer, "UBND tỉnh Cao Bằng");
  EXPECT_EQ((*history)[0].award.decision_ref, "2150/QĐ-UBND");
  EXPECT_EQ((*history)[0].award.decision_date, "2026-12-10");
  EXPECT_EQ(higher_->get(stranger_, h->id).error().kind, ErrorKind::not_found);
}

TEST_F(HigherAwardTest, TheBundleHoldsTheSubmissionEachSubjectAndAManifest) {
  auto h = higher_->create(office_, agency_, input());
  ASSERT_TRUE(h);
  ASSERT_TRUE(higher_->add_subjects(office_, h->id, {{"person", head_person_, "Hai năm liền CSTĐCS"}}));
  auto zip = higher_->bundle(office_, h->id);
  ASSERT_TRUE(zip) << zip.error().detail;
  auto reader = documents::ZipReader::open(zip->bytes, 50u << 20);
  ASSERT_TRUE(reader);
  EXPECT_TRUE(reader->contains("00-danh-muc.txt"));
  EXPECT_TRUE(reader->contains("01-to-trinh.docx"));
  EXPECT_TRUE(reader->contains("01-to-trinh.pdf"));
  EXPECT_TRUE(reader->contains("02-hoang-thi-lan/tom-tat-thanh-tich.txt"));
  auto manifest = reader->read_all("00-danh-muc.txt");
  ASSERT_TRUE(manifest);
  EXPECT_NE(manifest->find("45/TTr-BDT"), std::string::npos) << *manifest;
  auto pdf = higher_->submission(office_, h->id, "pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->bytes.substr(0, 5), "%PDF-");
}

}  // namespace
}  // namespace thidua::it
