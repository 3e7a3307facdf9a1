// Commendation's parts joined: nominations ask the rules engine (the verdict with its worded,
// cited conditions; the council rule and dossier of the rule set in force), and a decision made
// from the council's approved nominations decides them when it is issued, in one transaction.

#include "app/app.hpp"
#include "nomination_fixture.hpp"
#include "services/decision_service.hpp"
#include "services/eligibility_service.hpp"
#include "services/nomination_rules.hpp"

namespace thidua::it {
namespace {

class CommendationFlowTest : public NominationTest {
 protected:
  void SetUp() override {
    NominationTest::SetUp();
    if (HasFatalFailure()) return;
    eligibility_ = std::make_shared<services::EligibilityService>(db_, clock_.clock());
    auto cat = app::load_catalogue();
    ASSERT_TRUE(cat.has_value());
    nominations_->set_rules(services::nomination_rules_from(eligibility_, *cat));
    decisions_ = std::make_shared<services::DecisionService>(db_, clock_.clock());
    decisions_->set_nominations(nominations_);
  }

  services::DecisionInput decision_input(const std::string& number) {
    services::DecisionInput in;
    in.number = number;
    in.decision_date = "20/12/2025";
    in.place = "Cao Bằng";
    in.header_parent = "UBND TỈNH CAO BẰNG";
    in.header_agency = "BAN DÂN TỘC";
    in.head_title = "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG";
    in.title = "Về việc công nhận danh hiệu thi đua năm 2025";
    in.award_year = "2025";
    in.signer_mark = "KT. TRƯỞNG BAN";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    return in;
  }

  services::AwardeeInput from(const services::NominationView& n, const char* form = nullptr) {
    services::AwardeeInput a;
    a.subject = std::string(to_string(n.nomination.subject));
    a.subject_id = n.nomination.subject_id;
    a.form = form ? form : std::string(to_string(n.nomination.form));
    a.nomination_id = n.nomination.id;
    return a;
  }

  std::shared_ptr<services::EligibilityService> eligibility_;
  std::shared_ptr<services::DecisionService> decisions_;
};

TEST_F(CommendationFlowTest, TheCouncilRuleAndDossierComeFromTheRuleSetInForce) {
  auto rules = services::nomination_rules_from(eligibility_, *app::load_catalogue());
  // Decree 152/2025's rule set (in force on 31/12/2025): a ballot for CSTĐCS at 80% of the
  // membership; none for LĐTT.
  auto cstdcs = rules.council(AwardForm::grassroots_fighter, "2025-12-16");
  EXPECT_TRUE(cstdcs.ballot_required);
  EXPECT_EQ(cstdcs.threshold_percent, 80);
  EXPECT_FALSE(cstdcs.threshold_strict);
  EXPECT_FALSE(cstdcs.citation.empty());
  EXPECT_FALSE(rules.council(AwardForm::advanced_worker, "2025-12-16").ballot_required);
  std::vector<std::string> codes;
  for (const auto& d : rules.dossier(AwardForm::grassroots_fighter, "2025-12-16")) {
    codes.push_back(d.code);
    EXPECT_FALSE(d.name.empty()) << d.code;
    EXPECT_EQ(d.drafted, d.code == "achievement_report");
  }
  EXPECT_NE(std::find(codes.begin(), codes.end(), "ballot_result"), codes.end());
}

TEST_F(CommendationFlowTest, ANominationCarriesTheEnginesVerdictAndItsReasons) {
  services::NominationInput in;
  in.subject = person_subject(staff_person_);
  in.form = "advanced_worker";
  in.year = "2025";
  // No rating of 2025 yet: the engine cannot tell, and says which condition is missing.
  auto n = nominations_->create(head_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  EXPECT_EQ(n->nomination.verdict, NominationVerdict::unknown);
  EXPECT_NE(n->nomination.verdict_reasons.find("Chưa xác định"), std::string::npos) << n->nomination.verdict_reasons;
  EXPECT_NE(n->nomination.verdict_reasons.find("Luật Thi đua, khen thưởng 2022"), std::string::npos) << n->nomination.verdict_reasons;
  // Rated "not completed", the same nomination for another form is refused without a
  // justification, and accepted with one.
  services::RatingInput r;
  r.subject_id = std::to_string(staff_person_);
  r.year = "2025";
  r.rating = "not_completed";
  ASSERT_TRUE(eligibility_->record_rating(office_, agency_, r).has_value());
  in.form = "certificate_of_merit";
  auto refused = nominations_->create(head_, in);
  ASSERT_FALSE(refused.has_value());
  bool asks = false;
  for (const auto& f : refused.error().fields) asks = asks || f.field == "justification";
  EXPECT_TRUE(asks) << fields_of(refused.error());
  in.justification = "Có thành tích đột xuất trong hỗ trợ bà con xóm Nà Lủng khắc phục hậu quả mưa lũ.";
  auto justified = nominations_->create(head_, in);
  ASSERT_TRUE(justified.has_value()) << fields_of(justified.error());
  EXPECT_EQ(justified->nomination.verdict, NominationVerdict::not_eligible);
}

TEST_F(CommendationFlowTest, ADecisionFromApprovedNominationsDecidesThemWhenIssued) {
  auto lan = accepted(head_, person_subject(head_person_), "advanced_worker");
  auto duc = accepted(head_, person_subject(staff_person_), "advanced_worker");
  // The council approved Lan's (its ballot is the council tests'); Đức's is still on the agenda.
  exec("UPDATE nomination SET status = 'approved' WHERE id = " + std::to_string(lan.nomination.id));
  auto d = decisions_->create(office_, agency_, decision_input("45"));
  ASSERT_TRUE(d.has_value()) << fields_of(d.error());

  auto wrong_form = decisions_->add_awardees(office_, d->id, {from(lan, "certificate_of_merit")});
  ASSERT_FALSE(wrong_form.has_value());
  EXPECT_TRUE(names_field(wrong_form.error(), "awardees.0.nomination_id", "decision.nomination_mismatch"));
  auto not_approved = decisions_->add_awardees(office_, d->id, {from(duc)});
  ASSERT_FALSE(not_approved.has_value());
  EXPECT_TRUE(names_field(not_approved.error(), "awardees.0.nomination_id", "decision.nomination_not_approved"));

  auto added = decisions_->add_awardees(office_, d->id, {from(lan)});
  ASSERT_TRUE(added.has_value()) << fields_of(added.error());
  auto issued = decisions_->issue(leader_, d->id, added->version);
  ASSERT_TRUE(issued.has_value()) << fields_of(issued.error());
  auto after = nominations_->get(office_, lan.nomination.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->nomination.status, NominationStatus::decided);
  EXPECT_EQ(after->nomination.decision_id, d->id);
  EXPECT_EQ(after->history.back().event, "decided");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM award WHERE decision_id = " + std::to_string(d->id)), 1);
}

}  // namespace
}  // namespace thidua::it
