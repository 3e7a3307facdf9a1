// Nominations: who nominates, one per subject, form and year, the steps with their history,
// the justification a refused nomination needs, the drafted report, and `decided`.

#include "nomination_fixture.hpp"

namespace thidua::it {
namespace {

TEST_F(NominationTest, TheUnitHeadNominatesHerPeopleAndTheReportIsDrafted) {
  achievement(staff_person_, cs_, 2025, 3, 120);
  services::NominationInput in;
  in.subject = person_subject(staff_person_);
  in.form = "advanced_worker";
  in.year = "2025";
  auto n = nominations_->create(head_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  EXPECT_EQ(n->nomination.status, NominationStatus::draft);
  EXPECT_EQ(n->nomination.subject_name, "Đàm Văn Đức");
  EXPECT_EQ(n->nomination.unit_id, cs_);
  EXPECT_EQ(n->nomination.verdict, NominationVerdict::unknown);  // no rules engine: cannot tell
  ASSERT_EQ(n->reports.size(), 1u);
  EXPECT_EQ(n->reports[0].source, "drafted");
  EXPECT_NE(n->reports[0].body.find("Lao động tiên tiến năm 2025"), std::string::npos);
  EXPECT_NE(n->reports[0].body.find("Tuyên truyền tại xóm"), std::string::npos);
  // The checklist of the defaults: LĐTT needs no ballot; the report is drafted, so complete.
  std::vector<std::string> codes;
  for (const auto& d : n->dossier) codes.push_back(d.item.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"submission", "achievement_report", "council_minutes"}));
  EXPECT_TRUE(n->dossier[1].complete);
  EXPECT_FALSE(n->dossier[0].complete);
  EXPECT_TRUE(n->can_submit);

  // A second nomination of the same subject, form and year names the first.
  auto again = nominations_->create(office_, in);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "nominations.duplicate");
  ASSERT_EQ(again.error().params.size(), 1u);
  EXPECT_EQ(again.error().params[0].second, std::to_string(n->nomination.id));

  // Staff do not nominate; the head of CSDT does not nominate KHTH's people.
  in.subject = person_subject(staff2_person_);
  auto by_staff = nominations_->create(staff_, in);
  ASSERT_FALSE(by_staff.has_value());
  EXPECT_EQ(by_staff.error().kind, ErrorKind::forbidden);
  in.subject = person_subject(kh_person_);
  auto other_unit = nominations_->create(head_, in);
  ASSERT_FALSE(other_unit.has_value());
  EXPECT_EQ(other_unit.error().kind, ErrorKind::forbidden);
  // The form must fit the subject; another agency's Office sees nothing.
  in.form = "advanced_collective";
  auto wrong_form = nominations_->create(office_, in);
  ASSERT_FALSE(wrong_form.has_value());
  EXPECT_TRUE(names_field(wrong_form.error(), "form", "nominations.form_does_not_fit")) << fields_of(wrong_form.error());
  EXPECT_FALSE(nominations_->get(stranger_, n->nomination.id).has_value());
  // The nominee reads their own nomination; a colleague does not.
  EXPECT_TRUE(nominations_->get(staff_, n->nomination.id).has_value());
  EXPECT_FALSE(nominations_->get(staff2_, n->nomination.id).has_value());
}

TEST_F(NominationTest, StepsAreCheckedAndEachLeavesAnEvent) {
  services::NominationInput in;
  in.subject = "unit:" + std::to_string(cs_);
  in.form = "advanced_collective";
  in.year = "2025";
  auto n = nominations_->create(head_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  const auto id = n->nomination.id;
  // The Office cannot accept a draft; the head cannot accept.
  auto early = nominations_->act(office_, id, n->nomination.version, NominationAction::accept, "");
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, "nominations.wrong_status");
  auto s = nominations_->act(head_, id, n->nomination.version, NominationAction::submit, "");
  ASSERT_TRUE(s.has_value());
  auto by_head = nominations_->act(head_, id, s->nomination.version, NominationAction::accept, "");
  ASSERT_FALSE(by_head.has_value());
  EXPECT_EQ(by_head.error().kind, ErrorKind::forbidden);
  // Returning says why; a stale version is refused.
  auto no_reason = nominations_->act(office_, id, s->nomination.version, NominationAction::return_back, "  ");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_TRUE(names_field(no_reason.error(), "reason", "nominations.reason_required"));
  auto stale = nominations_->act(office_, id, n->nomination.version, NominationAction::return_back, "Thiếu biên bản");
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, "edit.stale");
  auto r = nominations_->act(office_, id, s->nomination.version, NominationAction::return_back, "Thiếu biên bản");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->nomination.status, NominationStatus::returned);
  EXPECT_TRUE(r->can_resubmit);
  // The report is edited while returned; each version is kept.
  auto edited = nominations_->save_report(head_, id, "Báo cáo thành tích đã sửa.");
  ASSERT_TRUE(edited.has_value());
  ASSERT_EQ(edited->reports.size(), 2u);
  EXPECT_EQ(edited->reports[1].source, "edited");
  auto rs = nominations_->act(head_, id, edited->nomination.version, NominationAction::resubmit, "");
  ASSERT_TRUE(rs.has_value());
  auto a = nominations_->act(office_, id, rs->nomination.version, NominationAction::accept, "");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->nomination.status, NominationStatus::accepted);
  // Accepted, nothing is edited any more; approving is the council's, not a step by hand.
  EXPECT_FALSE(nominations_->save_report(head_, id, "Sửa nữa").has_value());
  auto approve = nominations_->act(office_, id, a->nomination.version, NominationAction::approve, "");
  ASSERT_FALSE(approve.has_value());
  EXPECT_EQ(approve.error().code, "nominations.action_not_allowed");

  std::vector<std::string> events;
  for (const auto& e : a->history) events.push_back(e.event);
  EXPECT_EQ(events, (std::vector<std::string>{"created", "submitted", "returned", "report_edited", "resubmitted",
                                              "accepted"}));
  EXPECT_EQ(a->history[2].reason, "Thiếu biên bản");
  EXPECT_EQ(a->history[2].actor, "Nông Thị Hoa");
  // Not approved yet: the decisions cannot decide it.
  auto decided = nominations_->mark_decided(office_, {id}, 7);
  ASSERT_FALSE(decided.has_value());
  EXPECT_EQ(decided.error().code, "nominations.not_approved");
}

TEST_F(NominationTest, ANominationTheRulesRefuseNeedsAWrittenJustification) {
  services::NominationRules rules;
  rules.check = [](const services::NominationSubjectRef&, AwardForm, int, std::optional<std::int64_t>) {
    return NominationCheck{NominationVerdict::not_eligible, {"✗ Chưa có sáng kiến (Điều 23 Luật TĐKT 2022)"}};
  };
  nominations_->set_rules(rules);
  services::NominationInput in;
  in.subject = person_subject(staff_person_);
  in.form = "grassroots_fighter";
  in.year = "2025";
  auto refused = nominations_->create(head_, in);
  ASSERT_FALSE(refused.has_value());
  EXPECT_TRUE(names_field(refused.error(), "justification", "nominations.justification_required"));
  in.justification = "Có thành tích đột xuất trong công tác hỗ trợ đồng bào vùng lũ.";
  auto n = nominations_->create(head_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  EXPECT_EQ(n->nomination.verdict, NominationVerdict::not_eligible);
  EXPECT_NE(n->nomination.verdict_reasons.find("Chưa có sáng kiến"), std::string::npos);
  // The justification is an item of the dossier, and in the drafted report.
  const auto& last = n->dossier.back();
  EXPECT_EQ(last.item.code, "justification");
  EXPECT_TRUE(last.complete);
  EXPECT_NE(n->reports[0].body.find("vùng lũ"), std::string::npos);
  // CSTĐCS needs a ballot: its result is on the checklist.
  bool ballot = false;
  for (const auto& d : n->dossier) ballot = ballot || d.item.code == "ballot_result";
  EXPECT_TRUE(ballot);
  // Emptying the justification is refused.
  auto emptied = nominations_->edit(head_, n->nomination.id, n->nomination.version, "", "");
  ASSERT_FALSE(emptied.has_value());
  EXPECT_TRUE(names_field(emptied.error(), "justification", "nominations.justification_required"));
}

TEST_F(NominationTest, TheOfficeNominatesHouseholdsAndFilesGoOnTheChecklist) {
  exec("INSERT INTO household (agency_id, head_name, name_key, address, created_at) VALUES (" +
       std::to_string(agency_) + ", 'Hộ ông Nông Văn Páo', 'ho ong nong van pao', 'Xóm Nà Mạ', '2025-01-01T00:00:00Z')");
  const auto household = scalar("SELECT MAX(id) FROM household");
  services::NominationInput in;
  in.subject = "household:" + std::to_string(household);
  in.form = "certificate_of_merit";
  in.year = "2025";
  auto by_head = nominations_->create(head_, in);
  ASSERT_FALSE(by_head.has_value());
  EXPECT_EQ(by_head.error().kind, ErrorKind::forbidden);
  auto n = nominations_->create(office_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  EXPECT_EQ(n->nomination.subject_name, "Hộ ông Nông Văn Páo");
  auto with_file = nominations_->attach(office_, n->nomination.id, "submission",
                                        upload("to-trinh.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"));
  ASSERT_TRUE(with_file.has_value()) << fields_of(with_file.error());
  EXPECT_TRUE(with_file->dossier[0].complete);
  ASSERT_EQ(with_file->dossier[0].files.size(), 1u);
  EXPECT_EQ(with_file->dossier[0].files[0].file_name, "to-trinh.pdf");
  auto unknown = nominations_->attach(office_, n->nomination.id, "bogus", upload("x.pdf", "%PDF-1.4\n%%EOF\n"));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_TRUE(names_field(unknown.error(), "item", "nominations.dossier_item_unknown"));
}

TEST_F(NominationTest, TheDraftedReportCarriesTheReviewedScoreAndBand) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto sheet_id = sheet_of(t->id, staff_person_);
  auto sheet = service_->sheet(staff_, sheet_id);
  ASSERT_TRUE(sheet.has_value());
  const auto c = criteria_of(t.value());
  auto self = service_->self_assess(staff_, sheet_id, sheet->sheet.version, {services::EntryInput{c[0], "58", "", ""}});
  ASSERT_TRUE(self.has_value()) << fields_of(self.error());
  auto sent = service_->submit(staff_, sheet_id, self->sheet.version);
  ASSERT_TRUE(sent.has_value());
  auto reviewed = service_->review(head_, sheet_id, sent->sheet.version, {services::EntryInput{c[0], "58", "", ""}});
  ASSERT_TRUE(reviewed.has_value()) << fields_of(reviewed.error());
  services::NominationInput in;
  in.subject = person_subject(staff_person_);
  in.form = "advanced_worker";
  in.year = "2025";
  auto n = nominations_->create(head_, in);
  ASSERT_TRUE(n.has_value()) << fields_of(n.error());
  const auto& body = n->reports.at(0).body;
  EXPECT_NE(body.find("Kết quả chấm điểm thi đua (Bảng chấm điểm thi đua cá nhân năm 2025): 58 điểm — Hoàn thành nhiệm vụ"),
            std::string::npos)
      << body;
}

}  // namespace
}  // namespace thidua::it
