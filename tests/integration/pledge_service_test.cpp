// Pledges on a real SQLite and PostgreSQL: the status cycle with the roles that may move it,
// version checks, one live pledge per subject, the movement's period, the Office's list of who
// has not registered, reminders sent once a day, notifications read, covenants of a cluster,
// and nothing of it visible to another agency.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <soci/soci.h>

#include "services/auth_service.hpp"
#include "services/covenant_service.hpp"
#include "services/crypto.hpp"
#include "services/evidence_service.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/notification_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/pledge_service.hpp"
#include "services/user_service.hpp"
#include "storage/audit_repo.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

using services::PledgeInput;
using services::PledgeTargetInput;

class PledgeServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    people_ = std::make_shared<services::PeopleService>(db_, clock_.clock());
    files_ = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
    movements_ = std::make_shared<services::MovementService>(db_, files_, clock_.clock());
    pledges_ = std::make_shared<services::PledgeService>(db_, clock_.clock());
    notes_ = std::make_shared<services::NotificationService>(db_, clock_.clock());
    covenants_ = std::make_shared<services::CovenantService>(db_, nullptr, clock_.clock());
    root_ = services::operator_principal("test");
    auto a = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
    ASSERT_TRUE(a.has_value());
    agency_ = a->id;
    auto b = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ");
    ASSERT_TRUE(b.has_value());
    other_ = b->id;
    for (auto [code, kind, name] : {std::tuple{"VP", "office", "Văn phòng"},
                                    std::tuple{"CSDT", "department", "Phòng Chính sách Dân tộc"},
                                    std::tuple{"KHTH", "department", "Phòng Kế hoạch - Tổng hợp"}}) {
      auto u = org_->create_unit(root_, agency_, {code, kind, name, "01/01/2021"});
      ASSERT_TRUE(u.has_value()) << u.error().code;
      unit_[code] = u->id;
    }
    office_ = person_with_account("Nông Thị Hoa", "VP", "vanphong", "office");
    head_cs_ = person_with_account("Lâm Văn Hùng", "CSDT", "truong_cs", "unit_head");
    staff_ = person_with_account("Đàm Văn Đức", "CSDT", "canbo", "staff");
    head_kh_ = person_with_account("Hoàng Thị Lan", "KHTH", "truong_kh", "unit_head");
    no_account_ = add_person("Triệu Thị Ánh", "KHTH");
    leader_ = principal(Role::leader, agency_);
    auto sko = org_->create_unit(root_, other_, {"VP", "office", "Văn phòng Sở", "01/01/2021"});
    ASSERT_TRUE(sko.has_value());
    stranger_ = person_with_account("Người Sở Khác", "", "vp_khac", "office", other_, sko->id, "SKH");
    movement_ = launched_movement();
  }

  static Principal principal(Role role, std::int64_t agency) {
    Principal p;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, std::nullopt});
    return p;
  }

  std::int64_t add_person(const std::string& name, const std::string& unit, std::int64_t agency = 0,
                          std::int64_t unit_id = 0) {
    services::PersonInput in;
    in.full_name = name;
    in.gender = "male";
    in.employment = "civil_servant";
    in.start_date = "01/01/2021";
    in.unit_id = std::to_string(unit_id ? unit_id : unit_[unit]);
    in.position = "Chuyên viên";
    auto p = people_->create(root_, agency ? agency : agency_, in);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().code);
    return p ? p->id : 0;
  }

  /// A person in `unit` with an account holding `role`, as the server would load it.
  Principal person_with_account(const std::string& name, const std::string& unit, const std::string& login,
                                const std::string& role, std::int64_t agency = 0, std::int64_t unit_id = 0,
                                const std::string& agency_code = "BDT") {
    auto person = add_person(name, unit, agency, unit_id);
    services::NewUserInput u;
    u.login = login;
    u.display_name = name;
    u.password = "Mat-khau-thu-2024!";
    u.agency_code = agency_code;
    u.roles = {role};
    auto added = users_->add_user(root_, u);
    EXPECT_TRUE(added.has_value()) << (added ? "" : added.error().code);
    auto linked = people_->link_account(root_, person, login);
    EXPECT_TRUE(linked.has_value());
    auto p = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, added->id); });
    EXPECT_TRUE(p.has_value());
    return p.value_or(Principal{});
  }

  Movement launched_movement() {
    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_date = "30/09/2022";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    auto office = principal(Role::office, agency_);
    auto m = movements_->create(office, agency_, in);
    EXPECT_TRUE(m.has_value());
    auto v = m->version;
    for (const services::PlanItemInput& item :
         {services::PlanItemInput{"content", "", "Xây dựng kế hoạch và tổ chức thực hiện.", "", "", "", "", {}},
          services::PlanItemInput{"content", "", "Đẩy mạnh công tác tuyên truyền, vận động.", "", "", "", "", {}},
          services::PlanItemInput{"content", "", "Huy động nguồn lực xây dựng nông thôn mới.", "", "", "", "", {}},
          services::PlanItemInput{"milestone", "Năm 2025", "Tổng kết.", "", "31/12/2025", "", "final", {}},
          services::PlanItemInput{"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}}}) {
      auto next = movements_->add_item(office, m->id, v, item);
      EXPECT_TRUE(next.has_value());
      v = next.value_or(v);
    }
    auto launched = movements_->launch(principal(Role::leader, agency_), m->id, v);
    EXPECT_TRUE(launched.has_value()) << (launched ? "" : launched.error().code);
    auto d = movements_->get(office, m->id);
    for (const auto& i : d->items) {
      if (i.section == PlanSection::content) items_.push_back(i.id);
    }
    return *launched;
  }

  PledgeInput person_pledge(int year = 2025) {
    PledgeInput in;
    in.subject = "person";
    in.movement_id = std::to_string(movement_.id);
    in.year = std::to_string(year);
    in.note = "Phấn đấu hoàn thành xuất sắc nhiệm vụ.";
    in.targets = {{std::to_string(items_[1]), "sessions", "4", "", "Tuyên truyền tại xã"},
                  {std::to_string(items_[2]), "cash_vnd", "1.500.000", "", ""}};
    in.titles = {"advanced_worker", "certificate_of_merit"};
    return in;
  }

  PledgeInput unit_pledge(const std::string& unit, int year = 2025) {
    PledgeInput in;
    in.subject = "unit";
    in.unit_id = std::to_string(unit_[unit]);
    in.movement_id = std::to_string(movement_.id);
    in.year = std::to_string(year);
    in.targets = {{std::to_string(items_[1]), "participants", "300", "", ""}};
    in.titles = {"advanced_collective"};
    return in;
  }

  static std::string field_of(const Error& e) { return e.fields.empty() ? "" : e.fields.front().field; }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  std::shared_ptr<services::PledgeService> pledges_;
  std::shared_ptr<services::NotificationService> notes_;
  std::shared_ptr<services::CovenantService> covenants_;
  Principal root_, office_, head_cs_, staff_, head_kh_, leader_, stranger_;
  std::int64_t agency_ = 0, other_ = 0, no_account_ = 0;
  std::map<std::string, std::int64_t> unit_;
  Movement movement_;
  std::vector<std::int64_t> items_;
};

TEST_F(PledgeServiceTest, FullCycleWithRoles) {
  auto p = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(p.has_value()) << p.error().code << " " << field_of(p.error());
  EXPECT_EQ(p->status, PledgeStatus::draft);
  EXPECT_EQ(p->person_name, "Đàm Văn Đức");
  EXPECT_EQ(p->unit_id, unit_["CSDT"]);
  ASSERT_EQ(p->targets.size(), 2u);
  EXPECT_EQ(p->targets[1].target, 1'500'000);
  EXPECT_EQ(p->titles, (std::vector<AwardAim>{AwardAim::advanced_worker, AwardAim::certificate_of_merit}));

  auto submitted = pledges_->act(staff_, p->id, p->version, PledgeAction::submit, "");
  ASSERT_TRUE(submitted.has_value()) << submitted.error().code;
  EXPECT_EQ(submitted->status, PledgeStatus::submitted);
  EXPECT_FALSE(submitted->submitted_at.empty());

  // The head of another unit may not decide on it; the person may not approve their own.
  auto foreign = pledges_->act(head_kh_, p->id, submitted->version, PledgeAction::approve, "");
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().kind, ErrorKind::forbidden);
  auto self = pledges_->act(staff_, p->id, submitted->version, PledgeAction::approve, "");
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().kind, ErrorKind::forbidden);
  // A return needs a comment.
  auto bare = pledges_->act(head_cs_, p->id, submitted->version, PledgeAction::send_back, "  ");
  ASSERT_FALSE(bare.has_value());
  EXPECT_EQ(field_of(bare.error()), "comment");

  auto returned = pledges_->act(head_cs_, p->id, submitted->version, PledgeAction::send_back,
                                "Đề nghị bổ sung chỉ tiêu ngày công.");
  ASSERT_TRUE(returned.has_value()) << returned.error().code;
  EXPECT_EQ(returned->status, PledgeStatus::returned);
  EXPECT_EQ(returned->last_comment, "Đề nghị bổ sung chỉ tiêu ngày công.");
  EXPECT_EQ(returned->decided_by_name, "Lâm Văn Hùng");

  auto in = person_pledge();
  in.targets.push_back({std::to_string(items_[2]), "workdays", "10", "", ""});
  auto edited = pledges_->update(staff_, p->id, returned->version, in);
  ASSERT_TRUE(edited.has_value()) << edited.error().code;
  EXPECT_EQ(edited->targets.size(), 3u);
  auto again = pledges_->act(staff_, p->id, edited->version, PledgeAction::submit, "Đã bổ sung.");
  ASSERT_TRUE(again.has_value());
  auto approved = pledges_->act(head_cs_, p->id, again->version, PledgeAction::approve, "");
  ASSERT_TRUE(approved.has_value()) << approved.error().code;
  EXPECT_EQ(approved->status, PledgeStatus::approved);

  // Approved: no edit, no withdrawal until the approver sends it back.
  auto locked = pledges_->update(staff_, p->id, approved->version, in);
  ASSERT_FALSE(locked.has_value());
  EXPECT_EQ(locked.error().kind, ErrorKind::conflict);
  EXPECT_EQ(locked.error().code, "pledge.approved_locked");
  auto gone = pledges_->act(staff_, p->id, approved->version, PledgeAction::withdraw, "");
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, "pledge.approved_locked");
  auto reopened = pledges_->act(head_cs_, p->id, approved->version, PledgeAction::send_back, "Điều chỉnh theo Kế hoạch mới.");
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(reopened->status, PledgeStatus::returned);

  auto d = pledges_->get(staff_, p->id);
  ASSERT_TRUE(d.has_value());
  std::vector<std::string> events;
  for (const auto& e : d->events) events.push_back(e.event);
  EXPECT_EQ(events, (std::vector<std::string>{"created", "submitted", "returned", "edited", "resubmitted", "approved",
                                              "returned"}));
  EXPECT_NE(d->events[3].before_json.find("\"target\":1500000"), std::string::npos);
  EXPECT_EQ(d->events[3].before_json.find("workdays"), std::string::npos);
  EXPECT_EQ(d->events[2].actor_name, "Lâm Văn Hùng");
  EXPECT_TRUE(d->rights.can_edit);
  EXPECT_FALSE(d->rights.can_approve);
  EXPECT_EQ(d->pledge.targets[0].item_number, 2);

  // The person was told of each decision.
  auto mine = notes_->list(staff_, false, 1);
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(mine->total, 3);
  EXPECT_EQ(mine->items.front().kind, "pledge_returned");
  EXPECT_EQ(mine->items.front().link, "/pledges/" + std::to_string(p->id));

  // Each transition is audited.
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log WHERE entity = 'pledge'"), 7);
}

TEST_F(PledgeServiceTest, UnitPledgesAreTheHeadsToDraftAndTheOfficesToApprove) {
  auto staff_try = pledges_->create(staff_, agency_, unit_pledge("CSDT"));
  ASSERT_FALSE(staff_try.has_value());
  EXPECT_EQ(staff_try.error().kind, ErrorKind::forbidden);
  auto other_unit = pledges_->create(head_kh_, agency_, unit_pledge("CSDT"));
  ASSERT_FALSE(other_unit.has_value());
  EXPECT_EQ(other_unit.error().kind, ErrorKind::forbidden);

  auto p = pledges_->create(head_cs_, agency_, unit_pledge("CSDT"));
  ASSERT_TRUE(p.has_value()) << p.error().code;
  auto s = pledges_->act(head_cs_, p->id, p->version, PledgeAction::submit, "");
  ASSERT_TRUE(s.has_value());
  auto self = pledges_->act(head_cs_, p->id, s->version, PledgeAction::approve, "");
  ASSERT_FALSE(self.has_value());
  EXPECT_EQ(self.error().kind, ErrorKind::forbidden);
  auto leader = pledges_->act(leader_, p->id, s->version, PledgeAction::approve, "");
  ASSERT_FALSE(leader.has_value());
  EXPECT_EQ(leader.error().kind, ErrorKind::forbidden);
  auto ok = pledges_->act(office_, p->id, s->version, PledgeAction::approve, "");
  ASSERT_TRUE(ok.has_value()) << ok.error().code;
  EXPECT_EQ(ok->status, PledgeStatus::approved);

  // A person may not pledge for someone else; the Office may.
  auto in = person_pledge();
  in.person_id = std::to_string(no_account_);
  auto theft = pledges_->create(staff_, agency_, in);
  ASSERT_FALSE(theft.has_value());
  EXPECT_EQ(theft.error().kind, ErrorKind::forbidden);
  auto by_office = pledges_->create(office_, agency_, in);
  ASSERT_TRUE(by_office.has_value()) << by_office.error().code;
  EXPECT_EQ(by_office->person_name, "Triệu Thị Ánh");

  // What each one sees in the list.
  services::PledgeFilter f;
  f.agency_id = agency_;
  f.movement_id = movement_.id;
  EXPECT_EQ(pledges_->list(office_, f)->size(), 2u);
  EXPECT_EQ(pledges_->list(leader_, f)->size(), 2u);
  EXPECT_EQ(pledges_->list(head_cs_, f)->size(), 1u);
  EXPECT_EQ(pledges_->list(head_kh_, f)->size(), 1u);
  EXPECT_EQ(pledges_->list(staff_, f)->size(), 0u);
  auto peek = pledges_->get(staff_, p->id);
  ASSERT_FALSE(peek.has_value());
  EXPECT_EQ(peek.error().kind, ErrorKind::forbidden);
}

TEST_F(PledgeServiceTest, StaleVersionsAreRefused) {
  auto p = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(p.has_value());
  auto first = pledges_->update(staff_, p->id, p->version, person_pledge());
  ASSERT_TRUE(first.has_value());
  auto second = pledges_->update(staff_, p->id, p->version, person_pledge());
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().kind, ErrorKind::conflict);
  EXPECT_EQ(second.error().code, "edit.stale");
  auto submit = pledges_->act(staff_, p->id, p->version, PledgeAction::submit, "");
  ASSERT_FALSE(submit.has_value());
  EXPECT_EQ(submit.error().code, "edit.stale");
  // Nothing was half-written: still the first edit, one edit event.
  auto d = pledges_->get(staff_, p->id);
  EXPECT_EQ(d->pledge.version, first->version);
  EXPECT_EQ(d->events.size(), 2u);
}

TEST_F(PledgeServiceTest, OneLivePledgePerSubjectMovementAndYear) {
  auto p = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(p.has_value());
  auto twice = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(twice.error().code, "pledge.exists");
  // Another year is another pledge.
  EXPECT_TRUE(pledges_->create(staff_, agency_, person_pledge(2024)).has_value());
  // The index holds even when the service's check is bypassed.
  auto dup = db_->write([&](storage::Tx& tx) -> Result<bool> {
    tx.sql() << "INSERT INTO pledge (agency_id, movement_id, year, subject_kind, unit_id, person_id, subject_key, "
                "status, note, last_comment, created_at, updated_at, version) SELECT agency_id, movement_id, year, "
                "subject_kind, unit_id, person_id, subject_key, 'draft', '', '', created_at, updated_at, 1 FROM "
                "pledge WHERE id = " +
                    std::to_string(p->id);
    return true;
  });
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  // Withdrawn, it stays in the history and a new one can be made.
  auto w = pledges_->act(staff_, p->id, p->version, PledgeAction::withdraw, "Đăng ký nhầm năm.");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->status, PledgeStatus::withdrawn);
  auto fresh = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(fresh.has_value()) << fresh.error().code;
  EXPECT_NE(fresh->id, p->id);
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM pledge WHERE status = 'withdrawn'"), 1);
}

TEST_F(PledgeServiceTest, BadInputIsRefusedFieldByField) {
  auto check = [&](PledgeInput in, const std::string& field, const std::string& code) {
    auto r = pledges_->create(staff_, agency_, in);
    ASSERT_FALSE(r.has_value()) << field;
    EXPECT_EQ(r.error().kind, ErrorKind::validation) << field;
    bool named = std::any_of(r.error().fields.begin(), r.error().fields.end(),
                             [&](const FieldError& f) { return f.field == field && f.code == code; });
    EXPECT_TRUE(named) << field << " " << code << " got " << field_of(r.error()) << " "
                       << (r.error().fields.empty() ? "" : r.error().fields.front().code);
  };
  auto in = person_pledge(2020);
  check(in, "year", "pledge.year_outside");
  in = person_pledge(2026);
  check(in, "year", "pledge.year_outside");
  in = person_pledge();
  in.targets[0].target = "-5";
  check(in, "targets[0].target", "pledge.target_negative");
  in = person_pledge();
  in.targets[1].target = "20.000.000.000.000";
  check(in, "targets[1].target", "pledge.target_too_large");
  in = person_pledge();
  in.targets[0].target = "bốn";
  check(in, "targets[0].target", "pledge.target_invalid");
  in = person_pledge();
  in.targets[0].measure = "lượt";
  check(in, "targets[0].measure", "validation.invalid");
  in = person_pledge();
  in.titles = {"flag"};
  check(in, "titles", "pledge.title_not_fitting");
  in = person_pledge();
  in.targets[0].commune_id = "999999";
  check(in, "targets[0].commune_id", "pledge.commune_not_assigned");
  in = person_pledge();
  in.targets.push_back(in.targets[0]);
  check(in, "targets[2].target", "pledge.target_duplicate");

  // A content item of another movement.
  auto copy = movements_->copy(principal(Role::office, agency_), movement_.id);
  ASSERT_TRUE(copy.has_value());
  auto d = movements_->get(principal(Role::office, agency_), copy->id);
  std::int64_t foreign_item = 0;
  for (const auto& i : d->items) {
    if (i.section == PlanSection::content) foreign_item = i.id;
  }
  in = person_pledge();
  in.targets[0].item_id = std::to_string(foreign_item);
  check(in, "targets[0].item_id", "pledge.item_not_in_movement");
  // The copy is a draft: not launched, so no pledges for it.
  in = person_pledge();
  in.movement_id = std::to_string(copy->id);
  in.year = "2026";
  in.targets.clear();
  check(in, "movement_id", "pledge.movement_not_launched");
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM pledge"), 0);

  // A draft without targets is kept, but cannot be submitted.
  in = person_pledge();
  in.targets.clear();
  auto empty = pledges_->create(staff_, agency_, in);
  ASSERT_TRUE(empty.has_value());
  auto submit = pledges_->act(staff_, empty->id, empty->version, PledgeAction::submit, "");
  ASSERT_FALSE(submit.has_value());
  EXPECT_EQ(field_of(submit.error()), "targets");
}

TEST_F(PledgeServiceTest, MissingListAndDeadline) {
  auto deadline = pledges_->set_deadline(office_, movement_.id, 2025, "31/03/2025");
  ASSERT_TRUE(deadline.has_value()) << deadline.error().code;
  auto outside = pledges_->set_deadline(office_, movement_.id, 2025, "01/01/2026");
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(field_of(outside.error()), "deadline");
  auto staff_deadline = pledges_->set_deadline(staff_, movement_.id, 2025, "31/03/2025");
  ASSERT_FALSE(staff_deadline.has_value());
  EXPECT_EQ(staff_deadline.error().kind, ErrorKind::forbidden);

  // Đức submits; Hùng keeps a draft; the others have nothing. CSDT's unit pledge is submitted.
  auto d1 = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(pledges_->act(staff_, d1->id, d1->version, PledgeAction::submit, "").has_value());
  ASSERT_TRUE(pledges_->create(head_cs_, agency_, person_pledge()).has_value());
  auto u = pledges_->create(head_cs_, agency_, unit_pledge("CSDT"));
  ASSERT_TRUE(pledges_->act(head_cs_, u->id, u->version, PledgeAction::submit, "").has_value());

  auto o = pledges_->overview(office_, movement_.id, 2025);
  ASSERT_TRUE(o.has_value()) << o.error().code;
  EXPECT_TRUE(o->past_deadline);  // the test clock is in 2026
  EXPECT_EQ(o->window->deadline, "2025-03-31");
  EXPECT_EQ(o->units.size(), 3u);
  EXPECT_EQ(o->people, 5);
  EXPECT_EQ(o->registered, 1);
  EXPECT_EQ(o->missing, 4);
  EXPECT_EQ(o->units_missing, 2);
  for (const auto& us : o->units) {
    if (us.unit_id != unit_["CSDT"]) continue;
    EXPECT_FALSE(us.unit_missing);
    EXPECT_EQ(us.registered, 1);
    EXPECT_EQ(us.missing, 1);
    for (const auto& p : us.people) {
      if (p.full_name == "Lâm Văn Hùng") EXPECT_EQ(p.status, PledgeStatus::draft);
      EXPECT_EQ(p.missing, p.full_name == "Lâm Văn Hùng");
    }
  }
  // The home pages' to-do: the Office decides on the two submitted pledges and sees who is
  // missing; the head of CSDT has his own draft and Đức's pledge to decide on.
  auto todo = pledges_->todo(office_);
  ASSERT_TRUE(todo.has_value()) << todo.error().code;
  EXPECT_EQ(todo->year, 2025);
  EXPECT_EQ(todo->people_missing, 4);
  EXPECT_EQ(todo->units_missing, 2);
  EXPECT_EQ(todo->to_decide, 2);
  EXPECT_TRUE(todo->has_person);
  EXPECT_FALSE(todo->own_pledge.has_value());
  auto head = pledges_->todo(head_cs_);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->own_status, PledgeStatus::draft);
  EXPECT_EQ(head->to_decide, 1);
  EXPECT_EQ(pledges_->todo(head_kh_)->to_decide, 0);
  // A unit head follows their unit; staff follow no unit; a year outside the period is refused.
  auto mine = pledges_->overview(head_kh_, movement_.id, 2025);
  ASSERT_EQ(mine->units.size(), 1u);
  EXPECT_EQ(mine->units[0].unit_name, "Phòng Kế hoạch - Tổng hợp");
  EXPECT_FALSE(mine->can_remind);
  EXPECT_TRUE(pledges_->overview(staff_, movement_.id, 2025)->units.empty());
  EXPECT_FALSE(pledges_->overview(office_, movement_.id, 2027).has_value());
}

TEST_F(PledgeServiceTest, RemindersOnceADayAndNotificationsRead) {
  // Missing with an account: vanphong, truong_cs, canbo, truong_kh; without: Triệu Thị Ánh.
  // Units without a pledge: VP (no head), CSDT (head truong_cs), KHTH (head truong_kh).
  auto head_before = db_->read([](storage::Tx& tx) -> Result<std::int64_t> { return storage::audit_head(tx).first; });
  auto r = pledges_->remind(office_, movement_.id, 2025);
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_EQ(r->sent, 6);
  EXPECT_EQ(r->already, 0);
  EXPECT_EQ(r->no_account, 1);
  auto head_after = db_->read([](storage::Tx& tx) -> Result<std::int64_t> { return storage::audit_head(tx).first; });
  EXPECT_GT(*head_after, *head_before) << "a reminder moves the data version";

  auto again = pledges_->remind(office_, movement_.id, 2025);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->sent, 0);
  EXPECT_EQ(again->already, 6);
  clock_.advance(std::chrono::hours(24));
  auto tomorrow = pledges_->remind(office_, movement_.id, 2025);
  EXPECT_EQ(tomorrow->sent, 6);

  auto staff_try = pledges_->remind(staff_, movement_.id, 2025);
  ASSERT_FALSE(staff_try.has_value());
  EXPECT_EQ(staff_try.error().kind, ErrorKind::forbidden);

  // The head of CSDT got their own reminder and the unit's, on each of the two days.
  auto list = notes_->list(head_cs_, false, 1);
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->total, 4);
  EXPECT_EQ(list->unread, 4);
  EXPECT_EQ(notes_->unread_for_nav(head_cs_, std::nullopt), 4);
  auto one = notes_->mark_read(head_cs_, list->items[0].id);
  ASSERT_TRUE(one.has_value());
  EXPECT_FALSE(one->read_at.empty());
  auto version = db_->read([](storage::Tx& tx) -> Result<std::int64_t> { return storage::audit_head(tx).first; });
  EXPECT_EQ(notes_->unread_for_nav(head_cs_, *version), 3);
  // Another user's notification is not theirs to read.
  auto theirs = notes_->mark_read(staff_, list->items[1].id);
  ASSERT_FALSE(theirs.has_value());
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  EXPECT_EQ(*notes_->mark_all_read(head_cs_), 3);
  EXPECT_EQ(*notes_->unread_count(head_cs_), 0);
  EXPECT_EQ(*notes_->mark_all_read(head_cs_), 0);

  // A scheduler sends in a transaction of its own, audited, deduplicated.
  services::NotificationDraft n{staff_.user_id, agency_, "task_due", "Sắp đến hạn", "", "/movements", "task:1:2025-12-01"};
  auto sent = notes_->send(root_, {n, n});
  ASSERT_TRUE(sent.has_value()) << sent.error().code;
  EXPECT_EQ(sent->sent, 1);
  EXPECT_EQ(sent->already, 1);
  auto outsider = notes_->send(stranger_, {n});
  ASSERT_FALSE(outsider.has_value());
  EXPECT_EQ(outsider.error().kind, ErrorKind::not_found);
}

TEST_F(PledgeServiceTest, AnotherAgencySeesNothing) {
  auto p = pledges_->create(staff_, agency_, person_pledge());
  ASSERT_TRUE(p.has_value());
  auto get = pledges_->get(stranger_, p->id);
  ASSERT_FALSE(get.has_value());
  EXPECT_EQ(get.error().kind, ErrorKind::not_found);
  auto none = pledges_->get(stranger_, p->id + 1000);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(get.error().code, none.error().code);
  auto act = pledges_->act(stranger_, p->id, p->version, PledgeAction::approve, "");
  ASSERT_FALSE(act.has_value());
  EXPECT_EQ(act.error().kind, ErrorKind::not_found);
  auto upd = pledges_->update(stranger_, p->id, p->version, person_pledge());
  ASSERT_FALSE(upd.has_value());
  EXPECT_EQ(upd.error().kind, ErrorKind::not_found);
  services::PledgeFilter f;
  f.agency_id = agency_;
  EXPECT_EQ(pledges_->list(stranger_, f).error().kind, ErrorKind::not_found);
  EXPECT_EQ(pledges_->overview(stranger_, movement_.id, 2025).error().kind, ErrorKind::not_found);
  EXPECT_EQ(pledges_->remind(stranger_, movement_.id, 2025).error().kind, ErrorKind::not_found);
  // Nor can it pledge on this agency's movement from its own.
  auto in = person_pledge();
  auto cross = pledges_->create(stranger_, other_, in);
  ASSERT_FALSE(cross.has_value());
  EXPECT_EQ(cross.error().kind, ErrorKind::not_found);
}

TEST_F(PledgeServiceTest, CovenantsOfACluster) {
  auto cluster = org_->create_cluster(root_, "KVHXH", "Khối các cơ quan Văn hoá - Xã hội và Dân tộc, Tôn giáo");
  ASSERT_TRUE(cluster.has_value());
  ASSERT_TRUE(org_->add_cluster_member(root_, cluster->id, "BDT", 2025, true).has_value());
  ASSERT_TRUE(org_->add_cluster_member(root_, cluster->id, "SKH", 2025, false).has_value());
  services::CovenantInput in{"", "2025", "Giao ước thi đua năm 2025", "20/02/2025", "Cao Bằng", ""};
  auto staff_try = covenants_->record(staff_, agency_, in);
  ASSERT_FALSE(staff_try.has_value());
  EXPECT_EQ(staff_try.error().kind, ErrorKind::forbidden);
  auto c = covenants_->record(office_, agency_, in);
  ASSERT_TRUE(c.has_value()) << c.error().code << " " << field_of(c.error());
  ASSERT_EQ(c->parties.size(), 2u);
  EXPECT_EQ(c->parties[0].code, "BDT");
  EXPECT_EQ(c->parties[1].code, "SKH");
  // Every party sees it; a second one for the cluster's year is refused.
  EXPECT_TRUE(covenants_->get(stranger_, c->id).has_value());
  EXPECT_EQ(covenants_->list(stranger_, other_, 2025)->size(), 1u);
  auto twice = covenants_->record(stranger_, other_, in);
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  // Not a member that year; a date in the future.
  in.year = "2024";
  in.signed_on = "20/02/2024";
  auto not_member = covenants_->record(office_, agency_, in);
  ASSERT_FALSE(not_member.has_value());
  EXPECT_EQ(field_of(not_member.error()), "cluster_id");
  in.year = "2025";
  in.signed_on = "20/02/2027";
  auto future = covenants_->record(office_, agency_, in);
  ASSERT_FALSE(future.has_value());
  EXPECT_EQ(field_of(future.error()), "signed_on");
  // Withdrawn by the recording agency's Office only, with a reason; kept.
  auto by_other = covenants_->withdraw(stranger_, c->id, c->version, "Nhầm");
  ASSERT_FALSE(by_other.has_value());
  EXPECT_EQ(by_other.error().kind, ErrorKind::forbidden);
  auto w = covenants_->withdraw(office_, c->id, c->version, "Ghi nhầm ngày ký.");
  ASSERT_TRUE(w.has_value()) << w.error().code;
  EXPECT_FALSE(w->active);
  EXPECT_EQ(w->withdraw_reason, "Ghi nhầm ngày ký.");
  EXPECT_EQ(covenants_->list(office_, agency_, std::nullopt)->size(), 1u);
}

TEST_F(PledgeServiceTest, ACovenantKeepsItsSignedFile) {
  auto evidence = std::make_shared<services::EvidenceService>(db_, files_, services::EvidenceConfig{}, clock_.clock());
  services::CovenantService covenants(db_, evidence, clock_.clock());
  auto cluster = org_->create_cluster(root_, "KVHXH", "Khối các cơ quan Văn hoá - Xã hội và Dân tộc, Tôn giáo");
  ASSERT_TRUE(cluster.has_value());
  ASSERT_TRUE(org_->add_cluster_member(root_, cluster->id, "BDT", 2025, true).has_value());
  ASSERT_TRUE(org_->add_cluster_member(root_, cluster->id, "SKH", 2025, false).has_value());
  auto upload = [&](const std::string& name, const std::string& bytes) {
    auto path = test_db_->scratch_path(name);
    std::ofstream(path, std::ios::binary) << bytes;
    services::EvidenceUpload f;
    f.file_name = name;
    f.path = path;
    f.size = bytes.size();
    f.sha256 = services::sha256_hex(bytes);
    f.head = bytes.substr(0, 8192);
    return f;
  };
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  services::CovenantInput in{"", "2025", "Giao ước thi đua năm 2025", "20/02/2025", "Cao Bằng", ""};
  // A file that is not what it says is refused, and with it the whole covenant.
  auto bad = covenants.record(office_, agency_, in, {upload("giao-uoc.pdf", "MZ not a pdf at all")});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::validation);
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM covenant"), 0);
  auto c = covenants.record(office_, agency_, in, {upload("giao-uoc-da-ky.pdf", pdf)});
  ASSERT_TRUE(c.has_value()) << c.error().code << " " << field_of(c.error());
  auto files = covenants.files(office_, c->id);
  ASSERT_TRUE(files.has_value());
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ((*files)[0].file_name, "giao-uoc-da-ky.pdf");
  EXPECT_EQ((*files)[0].content_type, "application/pdf");
  // The other party sees the covenant but may not change its files; staff neither.
  auto other = covenants.add_files(stranger_, c->id, {upload("khac.pdf", pdf)});
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
  auto staff = covenants.add_files(staff_, c->id, {upload("canbo.pdf", pdf)});
  ASSERT_FALSE(staff.has_value());
  EXPECT_EQ(staff.error().kind, ErrorKind::forbidden);
  // Taken off with a reason, it stays listed.
  auto off = covenants.withdraw_file(office_, c->id, (*files)[0].id, "Bản chưa đóng dấu");
  ASSERT_TRUE(off.has_value()) << off.error().code;
  EXPECT_FALSE(off->active());
  EXPECT_EQ(covenants.files(office_, c->id)->size(), 1u);
  auto elsewhere = covenants.withdraw_file(office_, c->id, (*files)[0].id + 1000, "x");
  ASSERT_FALSE(elsewhere.has_value());
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found);
  auto file = evidence->file(office_, (*files)[0].id);
  ASSERT_TRUE(file.has_value()) << file.error().code;
}

}  // namespace
}  // namespace thidua::it
