#pragma once
// The agency, people, accounts and movement the evaluation tests share: Ban Dân tộc with its
// Office (VP), two departments (CSDT with a head and two members of staff, KHTH with one), a
// leader, and another agency (SKH) whose Office must see none of it.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/evaluation_service.hpp"
#include "services/evidence_service.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {

inline bool names_field(const Error& e, const std::string& field, const std::string& code) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.code == code; });
}

inline std::string fields_of(const Error& e) {
  std::string out = e.code;
  for (const auto& f : e.fields) out += " " + f.field + "=" + f.code;
  return out;
}

class EvaluationTest : public DbTest {
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
    evidence_ = std::make_shared<services::EvidenceService>(db_, files_, services::EvidenceConfig{}, clock_.clock());
    service_ = std::make_shared<services::EvaluationService>(db_, evidence_, clock_.clock());
    root_ = services::operator_principal("test");

    agency_ = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng")->id;
    other_ = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ")->id;
    vp_ = unit(agency_, "VP", "office", "Văn phòng");
    cs_ = unit(agency_, "CSDT", "department", "Phòng Chính sách Dân tộc");
    kh_ = unit(agency_, "KHTH", "department", "Phòng Kế hoạch - Tổng hợp");
    other_unit_ = unit(other_, "VP", "office", "Văn phòng Sở");

    office_ = account("vanphong", "Nông Thị Hoa", "office", vp_, office_person_);
    leader_ = account("lanhdao", "Hà Văn Vui", "leader", vp_, leader_person_);
    head_ = account("truongphong", "Hoàng Thị Lan", "unit_head", cs_, head_person_);
    staff_ = account("canbo", "Đàm Văn Đức", "staff", cs_, staff_person_);
    staff2_ = account("canbo2", "Lâm Văn Hùng", "staff", cs_, staff2_person_);
    kh_staff_ = account("canbo3", "Triệu Thị Ánh", "staff", kh_, kh_person_);
    stranger_ = account("vp_khac", "Văn Phòng Sở Khác", "office", other_unit_, stranger_person_, "SKH");

    movement_ = movement(agency_, office_);
    other_movement_ = movement(other_, stranger_);
  }

  std::int64_t unit(std::int64_t agency, const char* code, const char* kind, const char* name) {
    auto u = org_->create_unit(root_, agency, {code, kind, name, "01/01/2021"});
    EXPECT_TRUE(u.has_value()) << (u ? "" : u.error().code);
    return u ? u->id : 0;
  }

  std::int64_t person(std::int64_t agency, const char* name, std::int64_t unit_id) {
    services::PersonInput in;
    in.full_name = name;
    in.gender = "male";
    in.employment = "civil_servant";
    in.start_date = "01/01/2021";
    in.unit_id = std::to_string(unit_id);
    auto p = people_->create(root_, agency, in);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().code);
    return p ? p->id : 0;
  }

  Principal account(const char* login, const char* name, const char* role, std::int64_t unit_id,
                    std::int64_t& person_id, const char* agency_code = "BDT") {
    std::int64_t agency = scalar(std::string("SELECT id FROM agency WHERE code = '") + agency_code + "'");
    person_id = person(agency, name, unit_id);
    services::NewUserInput in;
    in.login = login;
    in.display_name = name;
    in.password = "mat-khau-dai-du-12";
    in.agency_code = agency_code;
    in.roles = {role};
    auto u = users_->add_user(root_, in);
    EXPECT_TRUE(u.has_value()) << (u ? "" : u.error().code);
    EXPECT_TRUE(people_->link_account(root_, person_id, login).has_value());
    auto p = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
    EXPECT_TRUE(p.has_value());
    return *p;
  }

  /// A movement of 2021–2025 with one content item (item_ of the agency's).
  std::int64_t movement(std::int64_t agency, const Principal& office) {
    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_symbol = "KH-BDT";
    auto m = movements_->create(office, agency, in);
    EXPECT_TRUE(m.has_value()) << (m ? "" : fields_of(m.error()));
    if (!m) return 0;
    auto item = movements_->add_item(office, m->id, m->version, {"content", "", "Tuyên truyền, vận động.", "", "", "", "", {}});
    EXPECT_TRUE(item.has_value());
    if (agency == agency_) item_ = scalar("SELECT MAX(id) FROM movement_item WHERE movement_id = " + std::to_string(m->id));
    return m->id;
  }

  /// A propaganda record of a person (their unit on the day) with its status.
  void achievement(std::int64_t person_id, std::int64_t unit_id, int year, long long sessions, long long participants,
                   const char* status = "verified") {
    exec("INSERT INTO achievement (agency_id, movement_id, item_id, subject_kind, unit_id, person_id, kind, year, "
         "occurred_on, title, sessions, participants, status, created_at, updated_at) VALUES (" +
         std::to_string(agency_) + ", " + std::to_string(movement_) + ", " + std::to_string(item_) + ", 'person', " +
         std::to_string(unit_id) + ", " + std::to_string(person_id) + ", 'propaganda', " + std::to_string(year) +
         ", '" + std::to_string(year) + "-05-01', 'Tuyên truyền tại xóm', " + std::to_string(sessions) + ", " +
         std::to_string(participants) + ", '" + status + "', '2025-05-01T00:00:00Z', '2025-05-01T00:00:00Z')");
  }

  /// The person template of `year`: a criterion by hand (70), propaganda sessions at 1 point
  /// each up to 10, participants by thresholds (100 → 10, 300 → 20, up to 20) — 100 in all —,
  /// a bonus of 5 and a penalty of 10; bands 95 / 80 / 50.
  services::TemplateInput person_template(int year = 2025) {
    services::TemplateInput in;
    in.movement_id = std::to_string(movement_);
    in.year = std::to_string(year);
    in.subject = "person";
    in.title = "Bảng chấm điểm thi đua cá nhân năm " + std::to_string(year);
    services::GroupInput work{"Thực hiện nhiệm vụ", {}};
    services::CriterionInput plan;
    plan.title = "Hoàn thành kế hoạch công tác năm";
    plan.max_points = "70";
    plan.guidance = "Theo kết quả đánh giá, xếp loại công chức.";
    plan.evidence_expected = "Phiếu đánh giá, xếp loại.";
    work.criteria.push_back(plan);
    services::CriterionInput sessions;
    sessions.title = "Tổ chức buổi tuyên truyền";
    sessions.max_points = "10";
    sessions.measure = "sessions";
    sessions.aggregate = "sum";
    sessions.mapping = "linear";
    sessions.per_unit = "1";
    work.criteria.push_back(sessions);
    services::CriterionInput reach;
    reach.title = "Số lượt người được tuyên truyền";
    reach.max_points = "20";
    reach.measure = "participants";
    reach.aggregate = "sum";
    reach.mapping = "thresholds";
    reach.thresholds = {{"100", "10"}, {"300", "20"}};
    work.criteria.push_back(reach);
    services::GroupInput extra{"Điểm thưởng, điểm trừ", {}};
    services::CriterionInput bonus;
    bonus.title = "Sáng kiến được công nhận";
    bonus.kind = "bonus";
    bonus.max_points = "5";
    extra.criteria.push_back(bonus);
    services::CriterionInput penalty;
    penalty.title = "Vi phạm kỷ luật, nội quy";
    penalty.kind = "penalty";
    penalty.max_points = "10";
    extra.criteria.push_back(penalty);
    in.groups = {work, extra};
    in.bands = {{"excellent", "Hoàn thành xuất sắc nhiệm vụ", "95"},
                {"good", "Hoàn thành tốt nhiệm vụ", "80"},
                {"completed", "Hoàn thành nhiệm vụ", "50"}};
    return in;
  }

  /// The sheet of a person (or unit: `subject_key` the unit) under a template.
  std::int64_t sheet_of(std::int64_t template_id, std::int64_t subject_key) {
    return scalar("SELECT id FROM score_sheet WHERE template_id = " + std::to_string(template_id) +
                  " AND subject_key = " + std::to_string(subject_key));
  }
  long long count(const std::string& table) { return scalar("SELECT COUNT(*) FROM " + table); }

  /// A file as an upload leaves it on disk.
  services::EvidenceUpload upload(const std::string& name, const std::string& bytes) {
    auto path = test_db_->scratch_path("upload-" + std::to_string(++uploads_));
    std::ofstream(path, std::ios::binary) << bytes;
    services::EvidenceUpload u;
    u.file_name = name;
    u.path = path;
    u.size = bytes.size();
    u.sha256 = services::sha256_hex(bytes);
    u.head = bytes.substr(0, 8192);
    return u;
  }

  /// The criterion ids of a template in order: plan, sessions, reach, bonus, penalty.
  static std::vector<std::int64_t> criteria_of(const ScoreTemplate& t) {
    std::vector<std::int64_t> out;
    for (const auto* c : t.criteria()) out.push_back(c->id);
    return out;
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  std::shared_ptr<services::EvidenceService> evidence_;
  std::shared_ptr<services::EvaluationService> service_;
  int uploads_ = 0;
  Principal root_, office_, leader_, head_, staff_, staff2_, kh_staff_, stranger_;
  std::int64_t agency_ = 0, other_ = 0, vp_ = 0, cs_ = 0, kh_ = 0, other_unit_ = 0;
  std::int64_t office_person_ = 0, leader_person_ = 0, head_person_ = 0, staff_person_ = 0, staff2_person_ = 0,
               kh_person_ = 0, stranger_person_ = 0;
  std::int64_t movement_ = 0, other_movement_ = 0, item_ = 0;
};

}  // namespace thidua::it
