// Movements on a real SQLite and PostgreSQL: a plan drafted item by item, version checks,
// launch into tasks, copy to the next period, tasks and units' sub-plan files, rights.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/plan_document.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class MovementServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    files_ = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
    movements_ = std::make_shared<services::MovementService>(db_, files_, clock_.clock());
    root_ = services::operator_principal("test");
    auto a = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
    ASSERT_TRUE(a.has_value());
    agency_ = a->id;
    auto other = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ");
    ASSERT_TRUE(other.has_value());
    other_ = other->id;
    auto vp = org_->create_unit(root_, agency_, {"VP", "office", "Văn phòng", "01/01/2021"});
    ASSERT_TRUE(vp.has_value());
    vp_ = vp->id;
    auto cs = org_->create_unit(root_, agency_, {"CSDT", "department", "Phòng Chính sách Dân tộc", "01/01/2021"});
    ASSERT_TRUE(cs.has_value());
    cs_ = cs->id;
    office_ = principal(Role::office, agency_);
    leader_ = principal(Role::leader, agency_);
    stranger_ = principal(Role::office, other_);
  }

  static Principal principal(Role role, std::int64_t agency, std::optional<std::int64_t> unit = std::nullopt) {
    Principal p;
    p.user_id = 0;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, unit});
    return p;
  }

  services::MovementInput header() {
    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_date = "30/09/2022";
    in.signer_mark = "KT. TRƯỞNG BAN";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    return in;
  }

  /// Adds an item and returns the movement's new version (fails the test on refusal).
  std::int64_t add(std::int64_t id, std::int64_t version, services::PlanItemInput in) {
    auto v = movements_->add_item(office_, id, version, in);
    EXPECT_TRUE(v.has_value()) << (v ? "" : v.error().code + " " + v.error().detail);
    return v.value_or(version);
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  Principal root_, office_, leader_, stranger_;
  std::int64_t agency_ = 0, other_ = 0, vp_ = 0, cs_ = 0;
};

TEST_F(MovementServiceTest, DraftLaunchCopyFollow) {
  auto m = movements_->create(office_, agency_, header());
  ASSERT_TRUE(m.has_value()) << m.error().code;
  EXPECT_EQ(m->header_name, "BAN DÂN TỘC TỈNH CAO BẰNG");
  EXPECT_EQ(m->doc_symbol, "KH-BDT");
  EXPECT_EQ(m->period_from, "2021-01-01");
  EXPECT_EQ(m->period_to, "2025-12-31");
  auto v = m->version;
  v = add(m->id, v, {"legal_basis", "Kế hoạch", "thực hiện Phong trào thi đua", "2452/KH-UBND", "26/09/2022",
                     "UBND tỉnh Cao Bằng", "", {}});
  v = add(m->id, v, {"content", "", "Nội dung một.", "", "", "", "", {}});
  v = add(m->id, v, {"content", "", "Nội dung hai.", "", "", "", "", {}});
  v = add(m->id, v, {"milestone", "Năm 2023", "Sơ kết.", "", "31/12/2023", "", "midterm", {}});
  v = add(m->id, v, {"responsibility", "", "Các phòng triển khai.", "", "", "", "",
                     {std::to_string(vp_), std::to_string(cs_)}});
  v = add(m->id, v, {"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}});

  // A stale version changes nothing.
  auto stale = movements_->add_item(office_, m->id, v - 1, {"content", "", "Ghi đè", "", "", "", "", {}});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, "edit.stale");
  // Another agency's office sees nothing and changes nothing.
  auto peek = movements_->get(stranger_, m->id);
  ASSERT_FALSE(peek.has_value());
  EXPECT_EQ(peek.error().kind, ErrorKind::not_found);
  // A unit of another agency cannot be given a duty.
  auto other_unit = org_->create_unit(root_, other_, {"VP", "office", "Văn phòng Sở", "01/01/2021"});
  ASSERT_TRUE(other_unit.has_value());
  auto foreign = movements_->add_item(office_, m->id, v,
                                      {"responsibility", "", "X", "", "", "", "", {std::to_string(other_unit->id)}});
  ASSERT_FALSE(foreign.has_value());
  ASSERT_EQ(foreign.error().fields.size(), 1u);
  EXPECT_EQ(foreign.error().fields[0].field, "unit_ids");

  auto detail = movements_->get(office_, m->id);
  ASSERT_TRUE(detail.has_value());
  ASSERT_EQ(detail->items.size(), 6u);
  // Move "Nội dung hai." up: positions renumbered within its section only.
  const PlanItem* second = nullptr;
  for (const auto& i : detail->items) {
    if (i.body == "Nội dung hai.") second = &i;
  }
  ASSERT_NE(second, nullptr);
  auto moved = movements_->move_item(office_, second->id, v, services::ItemMove::up);
  ASSERT_TRUE(moved.has_value()) << moved.error().code;
  v = *moved;

  // The document: legal basis cited, sections numbered as printed.
  auto doc = movements_->document(office_, m->id);
  ASSERT_TRUE(doc.has_value());
  std::string printed = documents::plain_text(*doc);
  EXPECT_NE(printed.find("Căn cứ Kế hoạch số 2452/KH-UBND ngày 26/9/2022 của UBND tỉnh Cao Bằng thực hiện Phong trào"),
            std::string::npos)
      << printed;
  EXPECT_LT(printed.find("1. Nội dung hai."), printed.find("2. Nội dung một.")) << printed;
  EXPECT_NE(printed.find("II. TIẾN ĐỘ THỰC HIỆN"), std::string::npos) << "sections numbered in order: " << printed;

  // Only a leader launches.
  auto by_office = movements_->launch(office_, m->id, v);
  ASSERT_FALSE(by_office.has_value());
  EXPECT_EQ(by_office.error().kind, ErrorKind::forbidden);
  auto launched = movements_->launch(leader_, m->id, v);
  ASSERT_TRUE(launched.has_value()) << launched.error().code;
  EXPECT_EQ(launched->status, MovementStatus::launched);
  auto after = movements_->get(office_, m->id);
  ASSERT_TRUE(after.has_value());
  ASSERT_EQ(after->tasks.size(), 3u);  // one milestone, one duty for two units
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM movement_task WHERE unit_id IS NULL AND due_date = '2023-12-31'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM movement_task WHERE due_date = '2025-12-31'"), 2);
  auto late = movements_->add_item(office_, m->id, launched->version, {"content", "", "Muộn", "", "", "", "", {}});
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, "movement.not_draft");

  // The unit head of CSDT sees and closes CSDT's task, not VP's.
  Principal head = principal(Role::unit_head, agency_, cs_);
  auto mine = movements_->my_tasks(head);
  ASSERT_TRUE(mine.has_value());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().unit_id, cs_);
  auto done = movements_->set_task(head, mine->front().id, mine->front().version, true, "Đã triển khai");
  ASSERT_TRUE(done.has_value()) << done.error().code;
  EXPECT_EQ(done->status, TaskStatus::done);
  for (const auto& t : after->tasks) {
    if (t.unit_id && *t.unit_id == vp_) {
      auto refused = movements_->set_task(head, t.id, t.version, true, "");
      ASSERT_FALSE(refused.has_value());
      EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
    }
  }

  // The mid-term review's task done: the movement is "mid-term reviewed"; reopened: back.
  for (const auto& t : after->tasks) {
    if (t.unit_id) continue;
    auto reviewed = movements_->set_task(office_, t.id, t.version, true, "Đã sơ kết");
    ASSERT_TRUE(reviewed.has_value()) << reviewed.error().code;
    EXPECT_EQ(text("SELECT status FROM movement WHERE id = " + std::to_string(m->id)), "midterm_reviewed");
    auto reopened = movements_->set_task(office_, t.id, reviewed->version, false, "");
    ASSERT_TRUE(reopened.has_value()) << reopened.error().code;
    EXPECT_EQ(text("SELECT status FROM movement WHERE id = " + std::to_string(m->id)), "launched");
  }

  // A sub-plan file: stored by content, read back, refused when it is not what it claims.
  services::UnitPlanInput plan{std::to_string(cs_), "subplan", "Kế hoạch của phòng", "", services::UploadedFile{"kh.pdf", "%PDF-1.4 tiny"}};
  auto p = movements_->add_unit_plan(head, m->id, plan);
  ASSERT_TRUE(p.has_value()) << p.error().code;
  auto bytes = movements_->unit_plan_file(office_, p->id);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(bytes->first, "application/pdf");
  EXPECT_EQ(bytes->second, "%PDF-1.4 tiny");
  EXPECT_TRUE(std::filesystem::exists(files_->path_of(p->file_sha256)));
  plan.file = services::UploadedFile{"kh.pdf", "not really a pdf"};
  auto fake = movements_->add_unit_plan(head, m->id, plan);
  ASSERT_FALSE(fake.has_value());
  EXPECT_EQ(fake.error().code, "file.bad_type");
  EXPECT_FALSE(movements_->unit_plan_file(stranger_, p->id).has_value());

  // Copy to the next period: dates and the period in the texts move on; a draft again.
  auto next = movements_->copy(office_, m->id);
  ASSERT_TRUE(next.has_value()) << next.error().code;
  EXPECT_EQ(next->status, MovementStatus::draft);
  EXPECT_EQ(next->period_from, "2026-01-01");
  EXPECT_EQ(next->period_to, "2030-12-31");
  EXPECT_EQ(next->summary, "Thực hiện Phong trào thi đua giai đoạn 2026 - 2030");
  EXPECT_EQ(next->doc_date, "");
  auto copied = movements_->get(office_, next->id);
  ASSERT_TRUE(copied.has_value());
  ASSERT_EQ(copied->items.size(), 6u);
  ASSERT_TRUE(copied->tasks.empty());
  for (const auto& i : copied->items) {
    if (i.section == PlanSection::milestone) {
      EXPECT_EQ(i.label, "Năm 2028");
      EXPECT_EQ(i.ref_date, "2028-12-31");
    }
    if (i.section == PlanSection::legal_basis) EXPECT_EQ(i.ref_date, "2022-09-26");  // as issued
  }
  EXPECT_GE(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'movement'"), 10);
}

TEST_F(MovementServiceTest, LaunchNeedsACompletePlan) {
  auto in = header();
  in.doc_date.clear();
  in.signer_name.clear();
  auto m = movements_->create(office_, agency_, in);
  ASSERT_TRUE(m.has_value());
  auto r = movements_->launch(leader_, m->id, m->version);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "movement.incomplete");
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"doc_date", "signer_name", "content", "milestone", "recipient"}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM movement_task"), 0);
  EXPECT_EQ(text("SELECT status FROM movement"), "draft");
}

TEST_F(MovementServiceTest, BadHeaderNamesEveryField) {
  auto in = header();
  in.title = "  ";
  in.period_from = "2030";
  in.period_to = "2020";
  in.doc_date = "31/02/2022";
  in.kind = "weekly";
  auto r = movements_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"title", "kind", "period_to", "doc_date"}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM movement"), 0);
}

TEST_F(MovementServiceTest, RegisterNumbersOnceAYearAndMilestonesInsideThePeriod) {
  auto in = header();
  in.doc_number = "125";
  auto first = movements_->create(office_, agency_, in);
  ASSERT_TRUE(first.has_value()) << first.error().code;
  // The same number and symbol in the same year: refused, nothing saved.
  auto second = movements_->create(office_, agency_, in);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, "movement.number_taken");
  EXPECT_EQ(second.error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM movement"), 1);
  // The same number another year is another register entry.
  in.doc_date = "05/01/2023";
  auto next_year = movements_->create(office_, agency_, in);
  ASSERT_TRUE(next_year.has_value()) << next_year.error().code;
  // Another agency's register is its own.
  auto elsewhere = movements_->create(principal(Role::office, other_), other_, header());
  ASSERT_TRUE(elsewhere.has_value());

  // A milestone outside 2021–2025 is refused; a period shortened past a milestone too.
  auto v = movements_->add_item(office_, first->id, first->version,
                                {"milestone", "Năm 2026", "Tổng kết.", "", "31/12/2026", "", "final", {}});
  ASSERT_FALSE(v.has_value());
  ASSERT_EQ(v.error().fields.size(), 1u);
  EXPECT_EQ(v.error().fields[0].code, "movement.milestone_outside");
  auto ok = movements_->add_item(office_, first->id, first->version,
                                 {"milestone", "Năm 2025", "Tổng kết.", "", "31/12/2025", "", "final", {}});
  ASSERT_TRUE(ok.has_value()) << ok.error().code;
  auto shorter = header();
  shorter.doc_number = "125";
  shorter.period_to = "2024";
  shorter.header_name = "BAN DÂN TỘC";
  shorter.doc_symbol = "KH-BDT";
  auto r = movements_->update(office_, first->id, *ok, shorter);
  ASSERT_FALSE(r.has_value());
  ASSERT_EQ(r.error().fields.size(), 1u) << r.error().fields[0].field;
  EXPECT_EQ(r.error().fields[0].code, "movement.milestones_outside");
  EXPECT_EQ(text("SELECT period_to FROM movement WHERE id = " + std::to_string(first->id)), "2025-12-31");
}

}  // namespace
}  // namespace thidua::it
