// The yearly evaluation on a real SQLite and PostgreSQL: templates (refusals field by field,
// version checks, no edits once applied, last year's copied), applying to every person in one
// action, self-assessment, reviews kept beside the earlier scores with their reasons, the final
// sheet, closing and reopening with reasons, a reviewer never scoring their own sheet, and
// another agency's ids answered as ids that do not exist. Each refusal leaves no row behind.

#include "evaluation_fixture.hpp"

namespace thidua::it {
namespace {

using services::EntryInput;

TEST_F(EvaluationTest, BadTemplatesAreRefusedFieldByFieldAndWriteNothing) {
  auto in = person_template();
  in.groups[0].criteria[1].measure = "trees_planted";  // no such measure
  in.groups[0].criteria[0].max_points = "0";
  in.groups[0].criteria[2].thresholds = {{"300", "20"}, {"100", "10"}};
  in.bands[1].at_least = "99";  // above "excellent"
  in.groups[1].criteria[0].max_points = "năm";
  auto t = service_->create_template(office_, agency_, in);
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().kind, ErrorKind::validation);
  EXPECT_TRUE(names_field(t.error(), "groups.0.criteria.1.formula.measure", "evaluation.measure_unknown"))
      << fields_of(t.error());
  EXPECT_TRUE(names_field(t.error(), "groups.0.criteria.0.max_points", "evaluation.max_positive"));
  EXPECT_TRUE(names_field(t.error(), "groups.0.criteria.2.formula.thresholds.1", "evaluation.thresholds_ascending"));
  EXPECT_TRUE(names_field(t.error(), "bands.1.at_least", "evaluation.bands_descending"));
  EXPECT_TRUE(names_field(t.error(), "groups.1.criteria.0.max_points", "evaluation.points_invalid"));
  in = person_template();
  in.year = "20a5";
  in.movement_id = "phong trào";
  in.subject = "household";
  auto typed = service_->create_template(office_, agency_, in);
  ASSERT_FALSE(typed.has_value());
  EXPECT_TRUE(names_field(typed.error(), "year", "validation.invalid")) << fields_of(typed.error());
  EXPECT_TRUE(names_field(typed.error(), "movement_id", "validation.invalid"));
  EXPECT_TRUE(names_field(typed.error(), "subject", "validation.invalid"));
  in = person_template(2030);
  auto outside = service_->create_template(office_, agency_, in);
  ASSERT_FALSE(outside.has_value());
  EXPECT_TRUE(names_field(outside.error(), "year", "evaluation.year_outside_period"));
  // Not the Office: refused; another agency's Office: the agency does not exist for it.
  EXPECT_EQ(service_->create_template(staff_, agency_, person_template()).error().code, "evaluation.office_only");
  EXPECT_EQ(service_->create_template(stranger_, agency_, person_template()).error().kind, ErrorKind::not_found);
  // Another agency's movement is not found.
  in = person_template();
  in.movement_id = std::to_string(other_movement_);
  EXPECT_EQ(service_->create_template(office_, agency_, in).error().code, "movement.not_found");
  for (const char* table : {"evaluation", "score_template", "template_group", "template_criterion",
                            "template_threshold", "template_band"}) {
    EXPECT_EQ(count(table), 0) << table;
  }
}

TEST_F(EvaluationTest, TemplatesAreVersionCheckedFrozenOnceAppliedAndCopiedFromLastYear) {
  auto t = service_->create_template(office_, agency_, person_template(2024));
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  EXPECT_EQ(t->potential(), 10000);
  ASSERT_EQ(t->criteria().size(), 5u);
  ASSERT_TRUE(t->criteria()[2]->formula.has_value());
  EXPECT_EQ(t->criteria()[2]->formula->thresholds.size(), 2u);
  EXPECT_EQ(t->bands.size(), 3u);
  EXPECT_EQ(service_->create_template(office_, agency_, person_template(2024)).error().code,
            "evaluation.template_exists");

  auto in = person_template(2024);
  in.title = "Bảng chấm điểm cá nhân năm 2024 (sửa)";
  in.groups[0].criteria[0].max_points = "65";
  auto edited = service_->update_template(office_, t->id, t->version, in);
  ASSERT_TRUE(edited.has_value()) << fields_of(edited.error());
  EXPECT_EQ(edited->version, t->version + 1);
  EXPECT_EQ(edited->criteria()[0]->max_points, 6500);
  EXPECT_EQ(service_->update_template(office_, t->id, t->version, in).error().code, "edit.stale");
  EXPECT_EQ(count("template_criterion"), 5);  // replaced, not added

  auto made = service_->apply_template(office_, t->id);
  ASSERT_TRUE(made.has_value()) << made.error().code;
  EXPECT_EQ(*made, 6);  // every person of the agency with a unit
  EXPECT_EQ(count("sheet_event"), 6);
  EXPECT_EQ(*service_->apply_template(office_, t->id), 0);  // applying again makes no duplicate
  EXPECT_EQ(service_->update_template(office_, t->id, edited->version, in).error().code,
            "evaluation.template_in_use");

  auto copy = service_->copy_last_year(office_, agency_, movement_, 2025, EvalSubject::person);
  ASSERT_TRUE(copy.has_value()) << copy.error().code;
  EXPECT_NE(copy->id, t->id);
  EXPECT_EQ(copy->copied_from, t->id);
  EXPECT_EQ(copy->year, 2025);
  EXPECT_EQ(copy->title, in.title);
  EXPECT_EQ(copy->criteria().size(), 5u);
  EXPECT_NE(copy->criteria()[0]->id, edited->criteria()[0]->id);
  EXPECT_EQ(copy->criteria()[2]->formula->thresholds.size(), 2u);
  EXPECT_EQ(count("template_criterion"), 10);
  EXPECT_EQ(count("evaluation"), 2);
  EXPECT_EQ(service_->copy_last_year(office_, agency_, movement_, 2023, EvalSubject::person).error().code,
            "evaluation.no_previous_template");
  EXPECT_EQ(service_->copy_last_year(staff_, agency_, movement_, 2026, EvalSubject::person).error().code,
            "evaluation.office_only");
}

TEST_F(EvaluationTest, TheWholeCycleKeepsEveryScoreAndItsReason) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto c = criteria_of(*t);  // plan, sessions, reach, bonus, penalty
  // 7 sessions and 350 participants verified in 2025; a draft and another year do not count.
  achievement(staff_person_, cs_, 2025, 4, 200);
  achievement(staff_person_, cs_, 2025, 3, 150);
  achievement(staff_person_, cs_, 2025, 5, 500, "draft");
  achievement(staff_person_, cs_, 2024, 5, 500);
  const auto sheet_id = sheet_of(t->id, staff_person_);

  auto view = service_->sheet(staff_, sheet_id);
  ASSERT_TRUE(view.has_value()) << view.error().code;
  EXPECT_TRUE(view->can_self_assess);
  EXPECT_FALSE(view->can_review);
  EXPECT_EQ(view->computed_values.at(c[1]), 7);
  EXPECT_EQ(view->current.at(c[1]), 700);
  EXPECT_EQ(view->computed_values.at(c[2]), 350);
  EXPECT_EQ(view->current.at(c[2]), 2000);
  EXPECT_EQ(view->total.total, 2700);
  // The records behind them: the two verified in 2025, not the draft nor 2024's.
  EXPECT_EQ(view->records_total, 2);
  ASSERT_EQ(view->records.size(), 2u);
  EXPECT_EQ(view->records[0].status, AchievementStatus::verified);

  // Refusals: above the maximum, below zero, a computed criterion typed, a criterion of no
  // template; nothing written.
  auto v = view->sheet.version;
  auto bad = service_->self_assess(staff_, sheet_id, v,
                                   {EntryInput{c[0], "70,5", "", ""}, EntryInput{c[3], "-1", "", ""},
                                    EntryInput{c[1], "10", "", ""}, EntryInput{999999, "1", "", ""}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(names_field(bad.error(), "entries.0.points", "evaluation.points_above_max")) << fields_of(bad.error());
  EXPECT_TRUE(names_field(bad.error(), "entries.1.points", "evaluation.points_negative"));
  EXPECT_TRUE(names_field(bad.error(), "entries.2.points", "evaluation.criterion_computed"));
  EXPECT_TRUE(names_field(bad.error(), "entries.3.criterion_id", "evaluation.criterion_unknown"));
  EXPECT_EQ(count("score_entry"), 0);
  // Somebody else may not score it: a colleague cannot even see it; the head is not its subject.
  EXPECT_EQ(service_->self_assess(staff2_, sheet_id, v, {EntryInput{c[0], "50", "", ""}}).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(service_->self_assess(head_, sheet_id, v, {EntryInput{c[0], "50", "", ""}}).error().code,
            "evaluation.subject_only");

  // A file that is not a PDF or a picture refuses the whole save: no entry, no file row.
  EntryInput with_file{c[3], "5", "Sáng kiến cấp cơ sở năm 2025", ""};
  with_file.files = {upload("quyet-dinh.pdf", "MZ not a document")};
  auto bad_file = service_->self_assess(staff_, sheet_id, v, {EntryInput{c[0], "58", "", ""}, with_file});
  ASSERT_FALSE(bad_file.has_value());
  EXPECT_EQ(bad_file.error().code, "evidence.bad_type");
  EXPECT_TRUE(names_field(bad_file.error(), "entries.1.files", "evidence.field_bad_type")) << fields_of(bad_file.error());
  EXPECT_EQ(count("score_entry"), 0);
  EXPECT_EQ(count("evidence"), 0);

  with_file.files = {upload("quyet-dinh-cong-nhan-sang-kien.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")};
  auto self = service_->self_assess(staff_, sheet_id, v,
                                    {EntryInput{c[0], "58", "Hoàn thành tốt kế hoạch", ""}, with_file,
                                     EntryInput{c[4], "0", "", ""}});
  ASSERT_TRUE(self.has_value()) << fields_of(self.error());
  ASSERT_EQ(self->entries.size(), 3u);
  ASSERT_EQ(self->evidence.count(self->entries[1].id), 1u);
  EXPECT_EQ(self->evidence.at(self->entries[1].id).front().file_name, "quyet-dinh-cong-nhan-sang-kien.pdf");
  // The file is read by the sheet's readers (the head), not by a colleague.
  const auto file_id = self->evidence.at(self->entries[1].id).front().id;
  EXPECT_TRUE(evidence_->get(head_, file_id).has_value());
  EXPECT_EQ(evidence_->get(staff2_, file_id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(self->total.normal, 5800 + 700 + 2000);
  EXPECT_EQ(self->total.total, 9000);
  EXPECT_EQ(self->band, 1u);  // good: 80 ≤ 90 < 95
  EXPECT_EQ(service_->review(head_, sheet_id, self->sheet.version, {EntryInput{c[0], "55", "", "x"}}).error().code,
            "evaluation.status_invalid");  // not submitted yet
  auto sent = service_->submit(staff_, sheet_id, self->sheet.version);
  ASSERT_TRUE(sent.has_value()) << sent.error().code;
  EXPECT_EQ(sent->sheet.status, SheetStatus::submitted);
  EXPECT_FALSE(sent->sheet.submitted_at.empty());
  EXPECT_EQ(service_->self_assess(staff_, sheet_id, sent->sheet.version, {EntryInput{c[0], "60", "", ""}}).error().code,
            "evaluation.status_invalid");

  // The head's review: a changed score needs its reason; the earlier one stays beside it.
  auto no_reason = service_->review(head_, sheet_id, sent->sheet.version, {EntryInput{c[0], "55", "", ""}});
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_TRUE(names_field(no_reason.error(), "entries.0.reason", "evaluation.reason_required"));
  EXPECT_EQ(count("score_entry"), 3);
  auto reviewed = service_->review(head_, sheet_id, sent->sheet.version,
                                   {EntryInput{c[0], "55", "", "Chậm tiến độ báo cáo quý III"},
                                    EntryInput{c[3], "5", "", ""}});  // unchanged: no reason needed
  ASSERT_TRUE(reviewed.has_value()) << fields_of(reviewed.error());
  EXPECT_EQ(reviewed->sheet.status, SheetStatus::reviewed);
  EXPECT_EQ(reviewed->current.at(c[0]), 5500);
  EXPECT_EQ(reviewed->total.total, 8700);
  ASSERT_EQ(reviewed->entries.size(), 5u);
  EXPECT_EQ(reviewed->entries[0].points, 5800);
  EXPECT_EQ(reviewed->entries[0].round, ScoreRound::self);
  EXPECT_EQ(reviewed->entries[3].points, 5500);
  EXPECT_EQ(reviewed->entries[3].scored_by, "Hoàng Thị Lan");
  EXPECT_EQ(reviewed->entries[3].round, ScoreRound::unit_review);
  EXPECT_EQ(reviewed->entries[3].reason, "Chậm tiến độ báo cáo quý III");

  // The Office reviews after the head, then makes it final; staff and the head cannot finalise.
  auto office = service_->review(office_, sheet_id, reviewed->sheet.version,
                                 {EntryInput{c[4], "2", "", "Đi muộn nhiều lần (biên bản tháng 10)"}});
  ASSERT_TRUE(office.has_value()) << fields_of(office.error());
  EXPECT_EQ(office->entries.back().round, ScoreRound::office_review);
  EXPECT_EQ(office->total.total, 8500);
  EXPECT_EQ(service_->finalise(head_, sheet_id, office->sheet.version).error().code, "evaluation.office_only");
  auto final_sheet = service_->finalise(office_, sheet_id, office->sheet.version);
  ASSERT_TRUE(final_sheet.has_value()) << final_sheet.error().code;
  EXPECT_EQ(final_sheet->sheet.status, SheetStatus::final);
  EXPECT_FALSE(final_sheet->can_review);
  // The computed criteria were kept with the values behind them: a record verified afterwards
  // does not move the final sheet (nor its place in the ranking).
  ASSERT_TRUE(final_sheet->entries.back().value.has_value());
  EXPECT_EQ(*final_sheet->entries.back().value, 350);
  achievement(staff_person_, cs_, 2025, 3, 10);
  auto after = service_->sheet(office_, sheet_id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->total.total, 8500);
  EXPECT_EQ(after->computed_values.at(c[1]), 7);
  EXPECT_EQ(service_->ranking(office_, t->id)->ranked.at(0).total.total, 8500);
  std::vector<std::string> events;
  for (const auto& e : final_sheet->history) events.push_back(e.event);
  EXPECT_EQ(events, (std::vector<std::string>{"applied", "scored", "submitted", "reviewed", "reviewed", "finalised"}));
  // The leader (an overseer) reads the final sheet; the council would too.
  EXPECT_TRUE(service_->sheet(leader_, sheet_id).has_value());
}

TEST_F(EvaluationTest, AReviewerNeverScoresTheirOwnSheet) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto c = criteria_of(*t);
  for (auto [who, person] : {std::pair{&head_, head_person_}, std::pair{&office_, office_person_}}) {
    const auto id = sheet_of(t->id, person);
    auto s = service_->self_assess(*who, id, 1, {EntryInput{c[0], "60", "", ""}});
    ASSERT_TRUE(s.has_value()) << fields_of(s.error());
    auto sent = service_->submit(*who, id, s->sheet.version);
    ASSERT_TRUE(sent.has_value());
    EXPECT_FALSE(sent->can_review);
    auto own = service_->review(*who, id, sent->sheet.version, {EntryInput{c[0], "60", "", "tự nâng"}});
    ASSERT_FALSE(own.has_value());
    EXPECT_EQ(own.error().code, "evaluation.own_sheet");
    EXPECT_EQ(service_->return_sheet(*who, id, sent->sheet.version, "x").error().code, "evaluation.own_sheet");
  }
  EXPECT_EQ(count("score_entry"), 2);
  // The head reviews only their own unit's people: another unit's sheet is not theirs to see.
  const auto kh_sheet = sheet_of(t->id, kh_person_);
  EXPECT_EQ(service_->review(head_, kh_sheet, 1, {EntryInput{c[0], "10", "", "x"}}).error().kind,
            ErrorKind::not_found);
  // A sheet goes back with a reason, and its subject scores again.
  const auto id = sheet_of(t->id, staff2_person_);
  auto s = service_->self_assess(staff2_, id, 1, {EntryInput{c[0], "60", "", ""}});
  auto sent = service_->submit(staff2_, id, s->sheet.version);
  EXPECT_EQ(service_->return_sheet(head_, id, sent->sheet.version, "  ").error().code, "validation.invalid");
  auto back = service_->return_sheet(head_, id, sent->sheet.version, "Thiếu minh chứng kế hoạch năm");
  ASSERT_TRUE(back.has_value()) << back.error().code;
  EXPECT_EQ(back->sheet.status, SheetStatus::returned);
  EXPECT_EQ(back->history.back().comment, "Thiếu minh chứng kế hoạch năm");
  EXPECT_TRUE(service_->self_assess(staff2_, id, back->sheet.version, {EntryInput{c[0], "50", "", ""}}).has_value());
}

TEST_F(EvaluationTest, ClosingStopsScoringAndReopeningNeedsARoleAndAReason) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto c = criteria_of(*t);
  const auto evaluation = scalar("SELECT id FROM evaluation");
  EXPECT_EQ(service_->close(office_, evaluation, 1, " ").error().code, "validation.invalid");
  EXPECT_EQ(service_->close(head_, evaluation, 1, "Hết hạn").error().code, "evaluation.office_only");
  EXPECT_EQ(service_->close(leader_, evaluation, 1, "Hết hạn").error().code, "evaluation.office_only");
  EXPECT_EQ(service_->close(stranger_, evaluation, 1, "Hết hạn").error().kind, ErrorKind::not_found);
  auto closed = service_->close(office_, evaluation, 1, "Hết thời hạn chấm điểm theo Kế hoạch 45/KH-BDT");
  ASSERT_TRUE(closed.has_value()) << closed.error().code;
  EXPECT_EQ(closed->status, EvaluationStatus::closed);
  EXPECT_EQ(service_->close(office_, evaluation, closed->version, "lại").error().code, "evaluation.already_closed");

  const auto id = sheet_of(t->id, staff_person_);
  EXPECT_EQ(service_->self_assess(staff_, id, 1, {EntryInput{c[0], "60", "", ""}}).error().code, "evaluation.closed");
  EXPECT_EQ(service_->apply_template(office_, t->id).error().code, "evaluation.closed");
  EXPECT_FALSE(service_->sheet(staff_, id)->can_self_assess);
  EXPECT_EQ(count("score_entry"), 0);

  EXPECT_EQ(service_->reopen(office_, evaluation, 1, "Mở lại").error().code, "edit.stale");
  EXPECT_EQ(service_->reopen(staff_, evaluation, closed->version, "Mở lại").error().code, "evaluation.office_only");
  auto open = service_->reopen(office_, evaluation, closed->version, "Phòng KHTH xin bổ sung minh chứng");
  ASSERT_TRUE(open.has_value()) << open.error().code;
  EXPECT_TRUE(service_->self_assess(staff_, id, 1, {EntryInput{c[0], "60", "", ""}}).has_value());
  auto history = service_->evaluation_history(leader_, evaluation);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].event, "closed");
  EXPECT_EQ((*history)[0].reason, "Hết thời hạn chấm điểm theo Kế hoạch 45/KH-BDT");
  EXPECT_EQ((*history)[0].actor, "Nông Thị Hoa");
  EXPECT_EQ((*history)[1].event, "reopened");
  EXPECT_EQ((*history)[1].reason, "Phòng KHTH xin bổ sung minh chứng");
}

TEST_F(EvaluationTest, AnotherAgencysIdsAreNotFound) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value());
  ASSERT_TRUE(service_->apply_template(office_, t->id).has_value());
  const auto id = sheet_of(t->id, staff_person_);
  const auto evaluation = scalar("SELECT id FROM evaluation");
  const auto c = criteria_of(*t);
  EXPECT_EQ(service_->get_template(stranger_, t->id).error().code, "evaluation.template_not_found");
  EXPECT_EQ(service_->apply_template(stranger_, t->id).error().code, "evaluation.template_not_found");
  EXPECT_EQ(service_->update_template(stranger_, t->id, t->version, person_template()).error().code,
            "evaluation.template_not_found");
  EXPECT_EQ(service_->sheet(stranger_, id).error().code, "evaluation.sheet_not_found");
  EXPECT_EQ(service_->review(stranger_, id, 1, {EntryInput{c[0], "1", "", "x"}}).error().code,
            "evaluation.sheet_not_found");
  EXPECT_EQ(service_->ranking(stranger_, t->id).error().code, "evaluation.template_not_found");
  EXPECT_EQ(service_->evaluation_history(stranger_, evaluation).error().code, "evaluation.not_found");
  EXPECT_EQ(service_->copy_last_year(stranger_, agency_, movement_, 2026, EvalSubject::person).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(service_->sheet(stranger_, 987654).error().code, "evaluation.sheet_not_found");
}

}  // namespace
}  // namespace thidua::it
