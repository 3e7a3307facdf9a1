// The follow-up figures (issue 7) on a real SQLite and PostgreSQL: a small agency whose sums
// are known by hand — verified records only, inside the period only, pledged against achieved
// over two years, money by donor and commune, a late task, criteria at the start and the end,
// awards given and proposed, the period split where the commendation rules change — and who
// sees what: the Office the agency (or one unit), a unit head their unit, staff their own,
// another agency nothing.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/file_store.hpp"
#include "services/follow_up.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class FollowUpServiceTest : public DbTest {
 protected:
  // 01/06/2025, 07:00 in Cao Bằng.
  FollowUpServiceTest() : clock_(std::chrono::system_clock::from_time_t(1748736000)) {}

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
    service_ = std::make_shared<services::FollowUpService>(db_, clock_.clock());
    root_ = services::operator_principal("test");

    agency_ = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng")->id;
    other_ = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ")->id;
    vp_ = unit(agency_, "VP", "office", "Văn phòng");
    cs_ = unit(agency_, "CSDT", "department", "Phòng Chính sách Dân tộc");
    kh_ = unit(agency_, "KHTH", "department", "Phòng Kế hoạch - Tổng hợp");
    auto other_unit = unit(other_, "VP", "office", "Văn phòng Sở");
    std::int64_t ignored = 0;
    office_ = account("vanphong", "Nông Thị Hoa", "office", vp_, ignored);
    leader_ = account("lanhdao", "Hà Văn Vui", "leader", 0, ignored);
    head_ = account("truongphong", "Hoàng Thị Lan", "unit_head", cs_, ignored);
    staff_ = account("canbo", "Đàm Văn Đức", "staff", cs_, staff_person_);
    kh_staff_ = account("canbo_kh", "Triệu Thị Ánh", "staff", kh_, kh_person_);
    stranger_ = account("vp_khac", "Văn Phòng Sở Khác", "office", other_unit, ignored, "SKH");

    // The movement 2021–2025 with two content items and the mid-term review dated 31/12/2023.
    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_date = "30/09/2022";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    auto m = movements_->create(office_, agency_, in);
    ASSERT_TRUE(m.has_value()) << (m ? "" : m.error().code);
    movement_ = m->id;
    auto v = m->version;
    v = *movements_->add_item(office_, movement_, v, {"content", "", "Tuyên truyền, vận động.", "", "", "", "", {}});
    v = *movements_->add_item(office_, movement_, v, {"content", "", "Huy động nguồn lực.", "", "", "", "", {}});
    v = *movements_->add_item(office_, movement_, v,
                              {"milestone", "Năm 2023", "Sơ kết.", "", "31/12/2023", "", "midterm", {}});
    v = *movements_->add_item(office_, movement_, v, {"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}});
    auto launched = movements_->launch(leader_, movement_, v);
    ASSERT_TRUE(launched.has_value()) << (launched ? "" : launched.error().code);
    auto detail = movements_->get(office_, movement_);
    ASSERT_TRUE(detail.has_value());
    for (const auto& i : detail->items) {
      if (i.section == PlanSection::content) contents_.push_back(i.id);
    }
    ASSERT_EQ(contents_.size(), 2u);

    // The commune the agency supports, assessed at the start (8/19) and later (15/19).
    exec("INSERT INTO commune (code, province, created_at) VALUES ('01234', 'Cao Bằng', '2020-01-01T00:00:00Z')");
    commune_ = scalar("SELECT MAX(id) FROM commune");
    const auto c = std::to_string(commune_), a = std::to_string(agency_);
    exec("INSERT INTO commune_version (commune_id, name, kind, district, valid_from) VALUES (" + c +
         ", 'Xã Đức Long', 'xa', 'Thạch An', '2020-01-01')");
    exec("INSERT INTO commune_assignment (agency_id, commune_id, target_level, valid_from, created_at) VALUES (" + a +
         ", " + c + ", 'ntm', '2021-01-01', '2021-01-01T00:00:00Z')");
    exec("INSERT INTO criteria_set (code, name, level, valid_from, valid_to, citation, created_at) VALUES "
         "('ntm-2021', 'Bộ tiêu chí xã NTM 2021-2025', 'ntm', '2021-01-01', '2025-12-31', 'QĐ 318/QĐ-TTg', "
         "'2021-01-01T00:00:00Z')");
    const auto set = std::to_string(scalar("SELECT MAX(id) FROM criteria_set"));
    for (auto [on, met] : {std::pair{"2021-06-30", 8}, std::pair{"2024-12-31", 15}}) {
      exec("INSERT INTO assessment (commune_id, set_id, agency_id, assessed_on, criteria_met, criteria_total, "
           "created_at) VALUES (" + c + ", " + set + ", " + a + ", '" + on + "', " + std::to_string(met) +
           ", 19, '2021-06-30T00:00:00Z')");
    }

    // Records: what counts (verified, in the period) and what does not.
    record("unit", cs_, 0, contents_[0], "propaganda", "2023-03-15", "verified", "sessions, participants, commune_id",
           "2, 100, " + c);
    record("unit", cs_, 0, contents_[1], "resource", "2023-05-20", "verified",
           "cash_vnd, goods_vnd, workdays, donor_kind, donor_scope, commune_id",
           "25000000, 5000000, 120, 'enterprise', 'inside', " + c);
    record("person", cs_, staff_person_, contents_[1], "resource", "2024-02-01", "verified",
           "cash_vnd, donor_kind, donor_scope", "10000000, 'person', 'outside'");
    record("person", kh_, kh_person_, contents_[0], "role_model", "2024-06-01", "verified", "model_kind, model_name",
           "'person', 'Ông Nông Văn Sáng'");
    record("unit", cs_, 0, contents_[1], "resource", "2024-03-01", "submitted", "cash_vnd", "999");
    record("unit", cs_, 0, contents_[1], "resource", "2025-09-01", "verified", "cash_vnd", "777");

    // CSDT pledged 20 million đồng each year 2023 and 2024, and 4 sessions in 2023.
    pledge(2023, {{contents_[1], "cash_vnd", 20000000}, {contents_[0], "sessions", 4}});
    pledge(2024, {{contents_[1], "cash_vnd", 20000000}});

    // Tasks: CSDT's done, CSDT's late, KHTH's still due.
    task(cs_, "Báo cáo quý I", "2023-03-31", true);
    task(cs_, "Báo cáo quý I/2024", "2024-03-31", false);
    task(kh_, "Báo cáo tổng kết", "2025-11-30", false);

    // Awards: two given in 2024, one proposal in 2025.
    exec("INSERT INTO award (agency_id, subject_kind, subject_id, subject_name, form, basis, year, source, created_at) "
         "VALUES (" + a + ", 'person', " + std::to_string(staff_person_) +
         ", 'Đàm Văn Đức', 'advanced_worker', 'yearly', 2024, 'imported', '2025-01-10T00:00:00Z')");
    exec("INSERT INTO award (agency_id, subject_kind, subject_id, subject_name, form, basis, year, source, created_at) "
         "VALUES (" + a + ", 'unit', " + std::to_string(cs_) +
         ", 'Phòng Chính sách Dân tộc', 'advanced_collective', 'yearly', 2024, 'imported', '2025-01-10T00:00:00Z')");
    exec("INSERT INTO nomination (agency_id, subject_kind, subject_id, subject_name, unit_id, form, year, status, "
         "verdict, created_at, updated_at) VALUES (" + a + ", 'person', " + std::to_string(staff_person_) +
         ", 'Đàm Văn Đức', " + std::to_string(cs_) +
         ", 'grassroots_fighter', 2025, 'submitted', 'eligible', '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z')");
  }

  std::int64_t unit(std::int64_t agency, const char* code, const char* kind, const char* name) {
    auto u = org_->create_unit(root_, agency, {code, kind, name, "01/01/2021"});
    EXPECT_TRUE(u.has_value()) << (u ? "" : u.error().code);
    return u ? u->id : 0;
  }

  Principal account(const char* login, const char* name, const char* role, std::int64_t unit_id,
                    std::int64_t& person_id, const char* agency_code = "BDT") {
    services::PersonInput p;
    p.full_name = name;
    p.gender = "male";
    p.employment = "civil_servant";
    p.start_date = "01/01/2021";
    p.unit_id = unit_id ? std::to_string(unit_id) : "";
    auto person = people_->create(root_, std::string(agency_code) == "BDT" ? agency_ : other_, p);
    EXPECT_TRUE(person.has_value());
    person_id = person ? person->id : 0;
    services::NewUserInput in;
    in.login = login;
    in.display_name = name;
    in.password = "mat-khau-dai-du-12";
    in.agency_code = agency_code;
    in.roles = {role};
    auto u = users_->add_user(root_, in);
    EXPECT_TRUE(u.has_value()) << (u ? "" : u.error().code);
    EXPECT_TRUE(people_->link_account(root_, person_id, login).has_value());
    auto pr = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
    EXPECT_TRUE(pr.has_value());
    return *pr;
  }

  void record(const std::string& subject, std::int64_t unit_id, std::int64_t person_id, std::int64_t item,
              const std::string& kind, const std::string& on, const std::string& status, const std::string& columns,
              const std::string& values) {
    exec("INSERT INTO achievement (agency_id, movement_id, item_id, subject_kind, unit_id, person_id, kind, year, "
         "occurred_on, title, status, created_at, updated_at, " + columns + ") VALUES (" + std::to_string(agency_) +
         ", " + std::to_string(movement_) + ", " + std::to_string(item) + ", '" + subject + "', " +
         std::to_string(unit_id) + ", " + (person_id ? std::to_string(person_id) : "NULL") + ", '" + kind + "', " +
         on.substr(0, 4) + ", '" + on + "', 'Thành tích', '" + status + "', '" + on + "T00:00:00Z', '" + on +
         "T00:00:00Z', " + values + ")");
  }

  struct Target {
    std::int64_t item;
    const char* measure;
    long long target;
  };
  void pledge(int year, std::initializer_list<Target> targets) {
    exec("INSERT INTO pledge (agency_id, movement_id, year, subject_kind, unit_id, subject_key, status, created_at, "
         "updated_at) VALUES (" + std::to_string(agency_) + ", " + std::to_string(movement_) + ", " +
         std::to_string(year) + ", 'unit', " + std::to_string(cs_) + ", " + std::to_string(cs_) +
         ", 'approved', '2023-01-05T00:00:00Z', '2023-01-05T00:00:00Z')");
    auto id = std::to_string(scalar("SELECT MAX(id) FROM pledge"));
    for (const auto& t : targets) {
      exec("INSERT INTO pledge_target (pledge_id, item_id, measure, target) VALUES (" + id + ", " +
           std::to_string(t.item) + ", '" + t.measure + "', " + std::to_string(t.target) + ")");
    }
  }

  void task(std::int64_t unit_id, const char* title, const char* due, bool done) {
    exec("INSERT INTO movement_task (movement_id, unit_id, title, due_date, status, done_at, created_at) VALUES (" +
         std::to_string(movement_) + ", " + std::to_string(unit_id) + ", '" + title + "', '" + due + "', '" +
         (done ? "done', '2023-03-30T09:00:00Z'" : "open', NULL") + ", '2022-10-01T00:00:00Z')");
  }

  services::FollowUpQuery query() const {
    services::FollowUpQuery q;
    q.agency_id = agency_;
    return q;
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  std::shared_ptr<services::FollowUpService> service_;
  Principal root_, office_, leader_, head_, staff_, kh_staff_, stranger_;
  std::int64_t agency_ = 0, other_ = 0, vp_ = 0, cs_ = 0, kh_ = 0, staff_person_ = 0, kh_person_ = 0;
  std::int64_t movement_ = 0, commune_ = 0;
  std::vector<std::int64_t> contents_;
};

const services::UnitFigures* unit_row(const services::MovementFigures& f, std::int64_t id) {
  for (const auto& u : f.units) {
    if (u.unit_id == id) return &u;
  }
  return nullptr;
}

TEST_F(FollowUpServiceTest, AgencyFiguresAddUpVerifiedRecordsOfThePeriod) {
  auto f = service_->figures(office_, query());
  ASSERT_TRUE(f.has_value()) << f.error().code;
  EXPECT_EQ(f->scope, services::FollowUpScope::agency);
  EXPECT_EQ(f->movement.id, movement_);
  EXPECT_EQ(f->from, "2021-01-01");
  EXPECT_EQ(f->to, "2025-06-01");  // today: the submitted record and the one of September are left out
  EXPECT_EQ(f->records, 4);
  EXPECT_EQ(f->mobilised.cash_vnd, 35000000);
  EXPECT_EQ(f->mobilised.goods_vnd, 5000000);
  EXPECT_EQ(f->mobilised.workdays, 120);
  EXPECT_EQ(f->mobilised.records, 2);
  ASSERT_EQ(f->items.size(), 2u);
  EXPECT_EQ(f->items[0].sessions, 2);
  EXPECT_EQ(f->items[0].participants, 100);
  EXPECT_EQ(f->items[0].role_models, 1);
  EXPECT_EQ(f->items[1].mobilised.money_vnd(), 40000000);

  // Pledged against achieved over 2023 and 2024: 40 million pledged, 35 achieved; 4 sessions, 2 held.
  const auto* cs = unit_row(*f, cs_);
  ASSERT_NE(cs, nullptr);
  EXPECT_EQ(cs->pledge_status, "approved");
  EXPECT_EQ(cs->targets, 2);
  EXPECT_EQ(cs->targets_met, 0);
  EXPECT_EQ(cs->average_percent, (87 + 50) / 2);
  EXPECT_EQ(cs->records, 3);
  EXPECT_EQ(cs->mobilised.cash_vnd, 35000000);
  ASSERT_EQ(f->items[1].targets.size(), 1u);
  EXPECT_EQ(f->items[1].targets[0].measure, Measure::cash_vnd);
  EXPECT_EQ(f->items[1].targets[0].target, 40000000);
  EXPECT_EQ(f->items[1].targets[0].achieved, 35000000);
  const auto* kh = unit_row(*f, kh_);
  ASSERT_NE(kh, nullptr);
  EXPECT_EQ(kh->average_percent, -1);
  EXPECT_EQ(kh->records, 1);

  // By donor, inside / outside the province, by commune.
  long long enterprise = 0, outside = 0;
  for (const auto& s : f->by_donor_kind) {
    if (s.code == "enterprise") enterprise = s.figures.cash_vnd;
  }
  for (const auto& s : f->by_donor_scope) {
    if (s.code == "outside") outside = s.figures.cash_vnd;
  }
  EXPECT_EQ(enterprise, 25000000);
  EXPECT_EQ(outside, 10000000);
  ASSERT_EQ(f->by_commune.size(), 1u);
  EXPECT_EQ(f->by_commune[0].label, "Xã Đức Long");
  EXPECT_EQ(f->by_commune[0].figures.money_vnd(), 30000000);

  // The commune: 8 criteria met at the start, 15 at the end.
  ASSERT_EQ(f->communes.size(), 1u);
  EXPECT_EQ(f->communes[0].criteria_met_at_start, 8);
  EXPECT_EQ(f->communes[0].criteria_met, 15);
  EXPECT_EQ(f->communes[0].criteria_total, 19);
  EXPECT_EQ(f->communes[0].assessed_on, "2024-12-31");

  ASSERT_EQ(f->role_models.size(), 1u);
  EXPECT_EQ(f->role_models[0].model_name, "Ông Nông Văn Sáng");
  EXPECT_EQ(f->role_models[0].who, "Triệu Thị Ánh");

  // Awards: given in 2024, proposed in 2025.
  long long advanced = 0, collective = 0, proposed = 0;
  for (const auto& a : f->awards) {
    if (a.form == AwardForm::advanced_worker) advanced = a.persons;
    if (a.form == AwardForm::advanced_collective) collective = a.units;
    if (a.form == AwardForm::grassroots_fighter) proposed = a.proposed;
  }
  EXPECT_EQ(advanced, 1);
  EXPECT_EQ(collective, 1);
  EXPECT_EQ(proposed, 1);
}

TEST_F(FollowUpServiceTest, TasksAreDoneDueOrLateAgainstTheClock) {
  auto f = service_->figures(office_, query());
  ASSERT_TRUE(f.has_value()) << f.error().code;
  int done = 0, due = 0, late = 0;
  for (const auto& m : f->milestones) {
    if (m.title == "Báo cáo quý I") EXPECT_EQ(m.state, services::DueState::done);
    if (m.title == "Báo cáo quý I/2024") EXPECT_EQ(m.state, services::DueState::late);
    if (m.title == "Báo cáo tổng kết") EXPECT_EQ(m.state, services::DueState::due);  // the dashboard looks ahead
  }
  for (const auto& u : f->tasks_by_unit) {
    if (u.unit_id == std::optional<std::int64_t>(cs_)) {
      done = u.done;
      late = u.late;
    }
    if (u.unit_id == std::optional<std::int64_t>(kh_)) due = u.due;
  }
  EXPECT_EQ(done, 1);
  EXPECT_EQ(late, 1);
  EXPECT_EQ(due, 1);
  // The mid-term review of 31/12/2023 is in the list, from the plan or its task.
  EXPECT_TRUE(std::any_of(f->milestones.begin(), f->milestones.end(),
                          [](const services::Milestone& m) { return m.due_date == "2023-12-31"; }));
}

TEST_F(FollowUpServiceTest, APeriodAcrossTwoRuleSetsIsSplit) {
  auto f = service_->figures(office_, query());
  ASSERT_TRUE(f.has_value());
  ASSERT_GE(f->splits.size(), 2u);
  EXPECT_EQ(f->splits[0].what, "rule_set");
  EXPECT_EQ(f->splits[0].from, "2021-01-01");
  EXPECT_EQ(f->splits[0].to, "2023-12-31");
  EXPECT_EQ(f->splits[1].from, "2024-01-01");
  EXPECT_EQ(f->splits.back().to, "2025-06-01");

  // A commune assessed in 2025 against a new criteria set of the same level: split there too.
  exec("INSERT INTO criteria_set (code, name, level, valid_from, citation, created_at) VALUES ('ntm-2025', "
       "'Bộ tiêu chí xã NTM 2025', 'ntm', '2025-03-01', 'QĐ 51/2025/QĐ-TTg', '2025-03-01T00:00:00Z')");
  exec("INSERT INTO assessment (commune_id, set_id, agency_id, assessed_on, criteria_met, criteria_total, created_at) "
       "VALUES (" + std::to_string(commune_) + ", " + std::to_string(scalar("SELECT MAX(id) FROM criteria_set")) + ", " +
       std::to_string(agency_) + ", '2025-04-30', 7, 10, '2025-04-30T00:00:00Z')");
  auto crossed = service_->figures(office_, query());
  ASSERT_TRUE(crossed.has_value());
  std::vector<std::string> sets;
  for (const auto& s : crossed->splits) {
    if (s.what == "criteria_set") sets.push_back(s.name + " " + s.from + " " + s.to);
  }
  EXPECT_EQ(sets, (std::vector<std::string>{"Bộ tiêu chí xã NTM 2021-2025 2021-01-01 2025-06-01",
                                            "Bộ tiêu chí xã NTM 2025 2025-03-01 2025-06-01"}));
  EXPECT_EQ(crossed->communes[0].criteria_met, 7);
  EXPECT_EQ(crossed->communes[0].criteria_total, 10);
  EXPECT_EQ(crossed->communes[0].criteria_set, "Bộ tiêu chí xã NTM 2025");

  auto q = query();
  q.from = "2023-01-01";
  q.to = "2023-12-31";
  auto y = service_->figures(office_, q);
  ASSERT_TRUE(y.has_value());
  EXPECT_TRUE(y->splits.empty());
  EXPECT_EQ(y->records, 2);
  EXPECT_EQ(y->mobilised.cash_vnd, 25000000);
}

TEST_F(FollowUpServiceTest, AnEmptyPeriodIsHonestlyEmpty) {
  auto q = query();
  q.from = "2021-02-01";
  q.to = "2021-02-28";
  auto f = service_->figures(office_, q);
  ASSERT_TRUE(f.has_value()) << f.error().code;
  EXPECT_TRUE(f->empty());
  EXPECT_EQ(f->records, 0);
  EXPECT_TRUE(f->role_models.empty());

  q.from = "2021-03-01";
  auto bad = service_->figures(office_, q);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::validation);
  q.from = "2021-02-30";
  auto no_such_day = service_->figures(office_, q);
  ASSERT_FALSE(no_such_day.has_value());
  EXPECT_EQ(no_such_day.error().kind, ErrorKind::validation);
}

TEST_F(FollowUpServiceTest, EachSeesWhatTheirRightsAllow) {
  // The Office narrows to a unit.
  auto q = query();
  q.unit_id = cs_;
  auto unit = service_->figures(office_, q);
  ASSERT_TRUE(unit.has_value()) << unit.error().code << unit.error().detail;
  EXPECT_EQ(unit->scope, services::FollowUpScope::unit);
  EXPECT_EQ(unit->records, 3);
  ASSERT_EQ(unit->units.size(), 1u);
  EXPECT_EQ(unit->units[0].average_percent, (87 + 50) / 2);

  // A unit head sees their unit without asking, and not another.
  auto head = service_->figures(head_, query());
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->scope, services::FollowUpScope::unit);
  EXPECT_EQ(head->scope_id, cs_);
  EXPECT_EQ(head->mobilised.cash_vnd, 35000000);
  q.unit_id = kh_;
  auto other_unit = service_->figures(head_, q);
  ASSERT_FALSE(other_unit.has_value());
  EXPECT_EQ(other_unit.error().kind, ErrorKind::forbidden);

  // Staff see their own records only.
  auto own = service_->figures(staff_, query());
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(own->scope, services::FollowUpScope::person);
  EXPECT_EQ(own->scope_id, staff_person_);
  EXPECT_EQ(own->records, 1);
  EXPECT_EQ(own->mobilised.cash_vnd, 10000000);
  long long advanced = 0;
  for (const auto& a : own->awards) advanced += a.persons;
  EXPECT_EQ(advanced, 1);
  auto not_theirs = service_->figures(staff_, q);
  ASSERT_FALSE(not_theirs.has_value());
  EXPECT_EQ(not_theirs.error().kind, ErrorKind::forbidden);
  auto q2 = query();
  q2.person_id = kh_person_;
  auto colleague = service_->figures(staff_, q2);
  ASSERT_FALSE(colleague.has_value());
  EXPECT_EQ(colleague.error().kind, ErrorKind::forbidden);

  // Another agency's Office: as if the agency did not exist; a unit of another agency likewise.
  auto stranger = service_->figures(stranger_, query());
  ASSERT_FALSE(stranger.has_value());
  EXPECT_EQ(stranger.error().kind, ErrorKind::not_found);
  auto foreign = services::FollowUpQuery{};
  foreign.agency_id = other_;
  foreign.unit_id = cs_;
  auto r = service_->figures(root_, foreign);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);

  // The stamp says the same.
  auto s = service_->stamp(head_, query());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->second, services::FollowUpScope::unit);
  EXPECT_FALSE(service_->stamp(stranger_, query()).has_value());
}

}  // namespace
}  // namespace thidua::it
