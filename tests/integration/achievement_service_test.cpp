// Achievements on a real SQLite and PostgreSQL: who may record for whom, the status cycle
// (draft → submitted → returned → resubmitted → verified, withdrawn), edits that keep what they
// replaced, stale versions, every refusal of bad input with nothing written, the Office's
// queue and bulk verification, progress against pledges matching a count by hand, and another
// agency's ids treated as ids that do not exist.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "services/achievement_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/evidence_service.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/progress_service.hpp"
#include "services/user_service.hpp"
#include "storage/achievement_repo.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class AchievementServiceTest : public DbTest {
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
    service_ = std::make_shared<services::AchievementService>(db_, evidence_, clock_.clock());
    progress_ = std::make_shared<services::ProgressService>(db_, clock_.clock());
    root_ = services::operator_principal("test");

    agency_ = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng")->id;
    other_ = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ")->id;
    vp_ = unit(agency_, "VP", "office", "Văn phòng");
    cs_ = unit(agency_, "CSDT", "department", "Phòng Chính sách Dân tộc");
    kh_ = unit(agency_, "KHTH", "department", "Phòng Kế hoạch - Tổng hợp");
    other_unit_ = unit(other_, "VP", "office", "Văn phòng Sở");

    office_ = account("vanphong", "Nông Thị Hoa", "office", vp_, office_person_);
    leader_ = account("lanhdao", "Hà Văn Vui", "leader", 0, leader_person_);
    council_ = account("hoidong", "Lương Văn Thành", "council", kh_, council_person_);
    head_ = account("truongphong", "Hoàng Thị Lan", "unit_head", cs_, head_person_);
    staff_ = account("canbo", "Đàm Văn Đức", "staff", cs_, staff_person_);
    staff2_ = account("canbo2", "Lâm Văn Hùng", "staff", cs_, staff2_person_);
    kh_person_ = person(agency_, "Triệu Thị Ánh", kh_);
    stranger_ = account("vp_khac", "Văn Phòng Sở Khác", "office", other_unit_, stranger_person_, "SKH");

    movement_ = launched_movement(agency_, {"Tuyên truyền, vận động.", "Huy động nguồn lực."});
    auto detail = movements_->get(office_, movement_);
    ASSERT_TRUE(detail.has_value());
    for (const auto& i : detail->items) {
      if (i.section == PlanSection::content) contents_.push_back(i.id);
      if (i.section == PlanSection::recipient) recipient_item_ = i.id;
    }
    ASSERT_EQ(contents_.size(), 2u);
    other_movement_ = launched_movement(agency_, {"Nội dung của phong trào khác."});
    other_contents_ = movements_->get(office_, other_movement_)->items.front().id;
    foreign_movement_ = launched_movement(other_, {"Nội dung của Sở."}, root_);

    // A commune assigned to the agency from 12/09/2022, another never assigned.
    exec("INSERT INTO commune (code, province, created_at) VALUES ('01234', 'Cao Bằng', '2022-01-01T00:00:00Z')");
    commune_ = scalar("SELECT MAX(id) FROM commune");
    exec("INSERT INTO commune_version (commune_id, name, kind, district, valid_from) VALUES (" +
         std::to_string(commune_) + ", 'Xã Đức Long', 'xa', 'Thạch An', '2020-01-01')");
    exec("INSERT INTO commune_assignment (agency_id, commune_id, decision_ref, target_level, valid_from, created_at) "
         "VALUES (" + std::to_string(agency_) + ", " + std::to_string(commune_) +
         ", '1177/QĐ-UBND', 'ntm', '2022-09-12', '2022-09-12T00:00:00Z')");
    exec("INSERT INTO commune (code, province, created_at) VALUES ('09999', 'Cao Bằng', '2022-01-01T00:00:00Z')");
    stray_commune_ = scalar("SELECT MAX(id) FROM commune");
    exec("INSERT INTO initiative (agency_id, title, created_at, updated_at) VALUES (" + std::to_string(agency_) +
         ", 'Sổ tay tuyên truyền song ngữ Tày - Việt', '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z')");
    initiative_ = scalar("SELECT MAX(id) FROM initiative");
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
    in.unit_id = unit_id ? std::to_string(unit_id) : "";
    auto p = people_->create(root_, agency, in);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().code);
    return p ? p->id : 0;
  }

  /// A person in `unit_id` with an account holding `role` (a unit head's grant names no unit:
  /// their own unit counts), loaded as the pipeline would.
  Principal account(const char* login, const char* name, const char* role, std::int64_t unit_id,
                    std::int64_t& person_id, const char* agency_code = "BDT") {
    std::int64_t agency = std::string(agency_code) == "BDT" ? agency_ : other_;
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

  std::int64_t launched_movement(std::int64_t agency, std::vector<std::string> contents,
                                 std::optional<Principal> as = std::nullopt) {
    Principal office = as.value_or(office_);
    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_date = "30/09/2022";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    auto m = movements_->create(office, agency, in);
    EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().code);
    auto v = m->version;
    for (const auto& c : contents) v = *movements_->add_item(office, m->id, v, {"content", "", c, "", "", "", "", {}});
    v = *movements_->add_item(office, m->id, v, {"milestone", "Năm 2023", "Sơ kết.", "", "31/12/2023", "", "midterm", {}});
    v = *movements_->add_item(office, m->id, v, {"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}});
    auto launched = movements_->launch(as ? root_ : leader_, m->id, v);
    EXPECT_TRUE(launched.has_value()) << (launched ? "" : launched.error().code);
    return m->id;
  }

  /// A propaganda session of the staff member, as typed in the form.
  services::AchievementInput propaganda(const std::string& on = "15/03/2023") {
    services::AchievementInput in;
    in.movement_id = std::to_string(movement_);
    in.item_id = std::to_string(contents_[0]);
    in.subject = "person";
    in.person_id = std::to_string(staff_person_);
    in.kind = "propaganda";
    in.occurred_on = on;
    in.title = "Tuyên truyền xây dựng nông thôn mới tại xóm Nà Vài";
    in.place = "Nhà văn hoá xóm Nà Vài, xã Đức Long";
    in.audience = "Người dân trong xóm";
    in.sessions = "1";
    in.participants = "45";
    in.commune_id = std::to_string(commune_);
    return in;
  }

  services::AchievementInput resource() {
    services::AchievementInput in;
    in.movement_id = std::to_string(movement_);
    in.item_id = std::to_string(contents_[1]);
    in.subject = "unit";
    in.unit_id = std::to_string(cs_);
    in.kind = "resource";
    in.occurred_on = "20/05/2023";
    in.title = "Vận động ủng hộ làm đường bê tông xóm Khau Lừa";
    in.cash_vnd = "25.000.000";
    in.goods_vnd = "5 000 000";
    in.goods_note = "50 bao xi măng";
    in.workdays = "120";
    in.donor_kind = "enterprise";
    in.donor_name = "Công ty TNHH Xây dựng Hoàng Long";
    in.donor_scope = "inside";
    in.commune_id = std::to_string(commune_);
    return in;
  }

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
  /// A 1×1 PNG.
  static std::string png() {
    const unsigned char b[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
                               0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
                               0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
                               0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
                               0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    return std::string(reinterpret_cast<const char*>(b), sizeof b);
  }
  int uploads_ = 0;

  /// The field errors of a refusal as "field=code" lines.
  static std::string fields(const Error& e) {
    std::string out;
    for (const auto& f : e.fields) out += f.field + "=" + f.code + "\n";
    return out;
  }

  Achievement created(const Principal& who, const services::AchievementInput& in, bool submit = false,
                      std::int64_t agency = 0) {
    auto a = service_->create(who, agency ? agency : agency_, in, submit);
    EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().code + "\n" + fields(a.error()));
    return a.value_or(Achievement{});
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  std::shared_ptr<services::EvidenceService> evidence_;
  std::shared_ptr<services::AchievementService> service_;
  std::shared_ptr<services::ProgressService> progress_;
  Principal root_, office_, leader_, council_, head_, staff_, staff2_, stranger_;
  std::int64_t agency_ = 0, other_ = 0, vp_ = 0, cs_ = 0, kh_ = 0, other_unit_ = 0;
  std::int64_t office_person_ = 0, leader_person_ = 0, council_person_ = 0, head_person_ = 0, staff_person_ = 0,
               staff2_person_ = 0, kh_person_ = 0, stranger_person_ = 0;
  std::int64_t movement_ = 0, other_movement_ = 0, foreign_movement_ = 0, recipient_item_ = 0, other_contents_ = 0;
  std::vector<std::int64_t> contents_;
  std::int64_t commune_ = 0, stray_commune_ = 0, initiative_ = 0;
};

TEST_F(AchievementServiceTest, WhoRecordsForWhom) {
  // A staff member records their own work: the unit is theirs on that day.
  auto own = created(staff_, propaganda());
  EXPECT_EQ(own.subject, RecordSubject::person);
  EXPECT_EQ(own.unit_id, cs_);
  EXPECT_EQ(own.status, AchievementStatus::draft);
  EXPECT_EQ(own.year, 2023);
  EXPECT_EQ(own.participants, 45);
  EXPECT_EQ(own.commune_name, "Xã Đức Long");
  EXPECT_EQ(own.unit_name, "Phòng Chính sách Dân tộc");

  // …but not for the unit, nor for a colleague.
  auto unit_rec = resource();
  auto r = service_->create(staff_, agency_, unit_rec);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  auto colleague = propaganda();
  colleague.person_id = std::to_string(staff2_person_);
  r = service_->create(staff_, agency_, colleague);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);

  // The unit head records for the unit and its people, not for another unit.
  created(head_, unit_rec);
  created(head_, colleague);
  auto kh = resource();
  kh.unit_id = std::to_string(kh_);
  r = service_->create(head_, agency_, kh);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  // The Office for any unit and person.
  created(office_, kh);
  auto kh_p = propaganda();
  kh_p.person_id = std::to_string(kh_person_);
  EXPECT_EQ(created(office_, kh_p).unit_id, kh_);
  // A leader records their own only: a unit record is refused.
  r = service_->create(leader_, agency_, kh);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement"), 5);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement_event WHERE event = 'created'"), 5);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'achievement.created'"), 5);
}

TEST_F(AchievementServiceTest, StatusCycleKeepsEveryStep) {
  auto a = created(staff_, propaganda());
  auto s = service_->submit(staff_, a.id, a.version);
  ASSERT_TRUE(s.has_value()) << s.error().code;
  EXPECT_EQ(s->status, AchievementStatus::submitted);
  EXPECT_FALSE(s->submitted_at.empty());
  // Only the Office verifies or returns.
  auto by_head = service_->verify(head_, a.id, s->version);
  ASSERT_FALSE(by_head.has_value());
  EXPECT_EQ(by_head.error().kind, ErrorKind::forbidden);
  // A return needs a comment.
  auto no_comment = service_->send_back(office_, a.id, s->version, "  ");
  ASSERT_FALSE(no_comment.has_value());
  EXPECT_EQ(fields(no_comment.error()), "comment=achievement.comment_required\n");
  auto back = service_->send_back(office_, a.id, s->version, "Thiếu ảnh chụp buổi tuyên truyền.");
  ASSERT_TRUE(back.has_value()) << back.error().code;
  EXPECT_EQ(back->status, AchievementStatus::returned);
  EXPECT_EQ(back->last_comment, "Thiếu ảnh chụp buổi tuyên truyền.");
  // A returned record cannot be verified until it comes back.
  auto early = service_->verify(office_, a.id, back->version);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().kind, ErrorKind::conflict);
  auto again = service_->submit(staff_, a.id, back->version);
  ASSERT_TRUE(again.has_value());
  auto ok = service_->verify(office_, a.id, again->version, "Đã kiểm tra biên bản.");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, AchievementStatus::verified);
  EXPECT_EQ(ok->verified_by, office_.user_id);
  EXPECT_EQ(ok->verified_by_name, "Nông Thị Hoa");

  // A verified record is withdrawn by the Office only.
  auto w = service_->withdraw(staff_, a.id, ok->version);
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(w.error().code, "achievement.verified_office_only");
  w = service_->withdraw(office_, a.id, ok->version, "Trùng với bản ghi khác.");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->status, AchievementStatus::withdrawn);
  // Withdrawn is the end: no edit, no second withdrawal; the row stays.
  auto edit = service_->update(staff_, a.id, w->version, propaganda());
  ASSERT_FALSE(edit.has_value());
  EXPECT_EQ(edit.error().code, "achievement.withdrawn");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement"), 1);

  auto d = service_->get(staff_, a.id);
  ASSERT_TRUE(d.has_value());
  std::vector<std::string> steps;
  for (const auto& e : d->events) steps.push_back(e.event + ":" + e.actor_name + ":" + e.comment);
  EXPECT_EQ(steps, (std::vector<std::string>{"created:Đàm Văn Đức:", "submitted:Đàm Văn Đức:",
                                             "returned:Nông Thị Hoa:Thiếu ảnh chụp buổi tuyên truyền.",
                                             "resubmitted:Đàm Văn Đức:", "verified:Nông Thị Hoa:Đã kiểm tra biên bản.",
                                             "withdrawn:Nông Thị Hoa:Trùng với bản ghi khác."}));
  EXPECT_FALSE(d->can_edit);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'achievement'"), 6);
}

TEST_F(AchievementServiceTest, EditsKeepWhatTheyReplacedAndStaleVersionsAreRefused) {
  auto a = created(staff_, propaganda(), true);
  auto in = propaganda();
  in.title = "Tuyên truyền tại xóm Nà Vài (sửa)";
  in.participants = "52";
  auto e1 = service_->update(staff_, a.id, a.version, in);
  ASSERT_TRUE(e1.has_value()) << e1.error().code << fields(e1.error());
  EXPECT_EQ(e1->participants, 52);
  EXPECT_EQ(e1->status, AchievementStatus::submitted);
  // The same form sent again, from the page before the edit: refused, nothing changes.
  in.title = "Ghi đè";
  auto stale = service_->update(staff_, a.id, a.version, in);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().code, "edit.stale");
  EXPECT_EQ(text("SELECT title FROM achievement"), "Tuyên truyền tại xóm Nà Vài (sửa)");
  EXPECT_NE(text("SELECT before_json FROM achievement_event WHERE event = 'edited'").find("\"participants\":45"),
            std::string::npos);

  // Verified: the staff member may no longer change it; the Office may, and it stays verified.
  auto v = service_->verify(office_, a.id, e1->version);
  ASSERT_TRUE(v.has_value());
  in.title = "Sửa sau khi xác nhận";
  auto refused = service_->update(staff_, a.id, v->version, in);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(refused.error().code, "achievement.verified_office_only");
  auto by_office = service_->update(office_, a.id, v->version, in);
  ASSERT_TRUE(by_office.has_value()) << by_office.error().code;
  EXPECT_EQ(by_office->status, AchievementStatus::verified);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement_event WHERE event = 'edited'"), 2);
  auto d = service_->get(office_, a.id);
  EXPECT_FALSE(d->can_submit);
  EXPECT_TRUE(d->can_edit);
}

TEST_F(AchievementServiceTest, BadInputIsRefusedFieldByFieldAndNothingIsWritten) {
  auto refuse = [&](services::AchievementInput in, const std::string& expected, const Principal* who = nullptr) {
    auto r = service_->create(who ? *who : staff_, agency_, in);
    ASSERT_FALSE(r.has_value()) << expected;
    EXPECT_EQ(r.error().kind, ErrorKind::validation) << expected;
    EXPECT_EQ(fields(r.error()), expected);
  };
  auto in = propaganda();
  in.participants = "-5";
  refuse(in, "participants=achievement.negative\n");
  in = propaganda();
  in.participants = "10000001";
  refuse(in, "participants=achievement.too_many\n");
  in.participants = "4,5";
  refuse(in, "participants=achievement.whole_number\n");
  in.participants = "12.34";
  refuse(in, "participants=achievement.number_invalid\n");
  in = propaganda();
  in.sessions = "0";
  refuse(in, "sessions=achievement.at_least_one\n");
  // Dates: in the future (Vietnam time), outside the movement's period, impossible.
  refuse(propaganda("29/11/2026"), "occurred_on=achievement.date_future\n");
  refuse(propaganda("31/12/2020"), "occurred_on=achievement.date_outside\n");
  refuse(propaganda("31/02/2023"), "occurred_on=date.invalid\n");
  // A commune: not assigned to the agency at all, or not yet on that day.
  in = propaganda();
  in.commune_id = std::to_string(stray_commune_);
  refuse(in, "commune_id=achievement.commune_not_assigned\n");
  refuse(propaganda("01/09/2022"), "commune_id=achievement.commune_not_assigned\n");
  // A content item of another movement, an item that is not a content, a draft movement.
  in = propaganda();
  in.item_id = std::to_string(other_contents_);
  refuse(in, "item_id=achievement.item_not_in_movement\n");
  in.item_id = std::to_string(recipient_item_);
  refuse(in, "item_id=achievement.item_not_in_movement\n");
  in = propaganda();
  in.movement_id = std::to_string(foreign_movement_);
  refuse(in, "movement_id=achievement.movement_not_found\n");
  // A resource with no amount at all, or only zeros; goods valued without saying what.
  auto res = resource();
  res.cash_vnd = res.goods_vnd = res.workdays = "";
  refuse(res, "cash_vnd=achievement.no_amount\n", &head_);
  res.cash_vnd = "0";
  refuse(res, "cash_vnd=achievement.no_amount\n", &head_);
  res = resource();
  res.goods_note = "";
  res.cash_vnd = "10000000000001";
  res.land_m2 = "100000001";
  res.donor_kind = "bank";
  res.donor_scope = "";
  refuse(res,
         "cash_vnd=achievement.too_much_money\nland_m2=achievement.too_much_land\ngoods_note=validation.required\n"
         "donor_kind=validation.invalid\ndonor_scope=validation.required\n",
         &head_);
  // A support visit without a commune; a role model without a name; an initiative not in
  // the register.
  services::AchievementInput visit = propaganda();
  visit.kind = "support_visit";
  visit.commune_id = "";
  refuse(visit, "commune_id=validation.required\n");
  services::AchievementInput model = propaganda();
  model.kind = "role_model";
  model.model_kind = "collective";
  refuse(model, "description=validation.required\nmodel_name=validation.required\n");
  services::AchievementInput ini = propaganda();
  ini.kind = "initiative";
  ini.initiative_id = "999999";
  refuse(ini, "initiative_id=achievement.initiative_not_found\n");
  in = propaganda();
  in.kind = "party";
  in.title = "";
  refuse(in, "kind=validation.invalid\ntitle=validation.required\n");

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement_event"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'achievement'"), 0);

  // Amounts typed as people type them; fields of other kinds are not kept.
  res = resource();
  res.sessions = "7";
  res.model_name = "Không thuộc loại này";
  auto ok = created(head_, res);
  EXPECT_EQ(ok.cash_vnd, 25000000);
  EXPECT_EQ(ok.goods_vnd, 5000000);
  EXPECT_EQ(ok.workdays, 120);
  EXPECT_FALSE(ok.land_m2.has_value());
  EXPECT_FALSE(ok.sessions.has_value());
  EXPECT_EQ(ok.model_name, "");
  EXPECT_EQ(ok.donor_kind, DonorKind::enterprise);
  ini.initiative_id = std::to_string(initiative_);
  EXPECT_EQ(created(staff_, ini).initiative_title, "Sổ tay tuyên truyền song ngữ Tày - Việt");
}

TEST_F(AchievementServiceTest, ReadersListsAndTheQueue) {
  auto mine = created(staff_, propaganda(), true);
  auto p2 = propaganda("16/03/2023");
  p2.person_id = std::to_string(staff2_person_);
  auto theirs = created(staff2_, p2, true);
  auto unit_rec = created(head_, resource(), true);
  auto kh = resource();
  kh.unit_id = std::to_string(kh_);
  auto other_unit = created(office_, kh);

  // A colleague's record is not there for a staff member; the head, the council, the leader see it.
  auto peek = service_->get(staff_, theirs.id);
  ASSERT_FALSE(peek.has_value());
  EXPECT_EQ(peek.error().kind, ErrorKind::not_found);
  EXPECT_TRUE(service_->get(head_, theirs.id).has_value());
  EXPECT_TRUE(service_->get(council_, theirs.id).has_value());
  EXPECT_TRUE(service_->get(leader_, theirs.id).has_value());
  EXPECT_FALSE(service_->get(head_, other_unit.id).has_value());

  auto ids = [](const services::AchievementList& l) {
    std::vector<std::int64_t> out;
    for (const auto& a : l.items) out.push_back(a.id);
    std::sort(out.begin(), out.end());
    return out;
  };
  services::AchievementFilter f;
  f.agency_id = agency_;
  auto l = service_->list(staff_, f);
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->scope, "mine");
  EXPECT_EQ(ids(*l), (std::vector<std::int64_t>{mine.id}));
  f.scope = "all";
  EXPECT_EQ(ids(*service_->list(staff_, f)), (std::vector<std::int64_t>{mine.id}));
  f.scope = "";
  l = service_->list(head_, f);
  EXPECT_EQ(l->scope, "unit");
  EXPECT_EQ(ids(*l), (std::vector<std::int64_t>{mine.id, theirs.id, unit_rec.id}));
  l = service_->list(office_, f);
  EXPECT_EQ(l->scope, "all");
  EXPECT_EQ(l->total, 4);
  f.kind = "resource";
  EXPECT_EQ(service_->list(office_, f)->total, 2);
  f.kind = "nonsense";
  auto bad = service_->list(office_, f);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(fields(bad.error()), "kind=validation.invalid\n");

  // The queue: submitted records, oldest submission first; the Office's alone.
  services::AchievementFilter qf;
  qf.agency_id = agency_;
  auto q = service_->queue(office_, qf);
  ASSERT_TRUE(q.has_value());
  ASSERT_EQ(q->items.size(), 3u);
  EXPECT_EQ(q->items[0].id, mine.id);
  EXPECT_EQ(service_->queue(head_, qf).error().kind, ErrorKind::forbidden);

  // Bulk verification is all or nothing.
  auto stale = service_->verify_many(office_, agency_, {{mine.id, mine.version}, {theirs.id, theirs.version - 1}});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement WHERE status = 'verified'"), 0);
  auto done = service_->verify_many(office_, agency_, {{mine.id, mine.version}, {theirs.id, theirs.version}});
  ASSERT_TRUE(done.has_value()) << done.error().code;
  EXPECT_EQ(*done, 2);
  EXPECT_EQ(service_->queue(office_, qf)->total, 1);

  f.kind.clear();
  auto xlsx = service_->export_xlsx(office_, f);
  ASSERT_TRUE(xlsx.has_value());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

TEST_F(AchievementServiceTest, ProgressAddsUpVerifiedRecordsAgainstThePledge) {
  // The unit's pledge for 2023: 10 sessions and 300 participants under content 1, 50 million
  // đồng under content 2, 2 tasks for the commune.
  exec("INSERT INTO pledge (agency_id, movement_id, year, subject_kind, unit_id, subject_key, status, created_at, "
       "updated_at) VALUES (" + std::to_string(agency_) + ", " + std::to_string(movement_) + ", 2023, 'unit', " +
       std::to_string(cs_) + ", " + std::to_string(cs_) + ", 'approved', '2023-01-05T00:00:00Z', '2023-01-05T00:00:00Z')");
  auto pledge = scalar("SELECT MAX(id) FROM pledge");
  auto target = [&](std::int64_t item, const char* measure, long long value, int pos, bool commune = false) {
    exec("INSERT INTO pledge_target (pledge_id, item_id, measure, target, commune_id, position) VALUES (" +
         std::to_string(pledge) + ", " + std::to_string(item) + ", '" + measure + "', " + std::to_string(value) + ", " +
         (commune ? std::to_string(commune_) : std::string("NULL")) + ", " + std::to_string(pos) + ")");
  };
  target(contents_[0], "sessions", 10, 1);
  target(contents_[0], "participants", 300, 2);
  target(contents_[1], "cash_vnd", 50000000, 3);
  target(contents_[1], "commune_tasks", 2, 4, true);

  // By hand, verified in 2023: under content 1, two propaganda records about the staff member
  // (theirs, 1 session / 45 people at the commune; their head's, 2 / 85 without a commune);
  // under content 2, two resources of the unit at the commune (25 + 40 million đồng).
  // Not counted: a draft, a submitted one, a withdrawn one, one of 2024.
  auto verify = [&](Achievement a) {
    auto s = service_->submit(office_, a.id, a.version);
    ASSERT_TRUE(s.has_value()) << s.error().code;
    ASSERT_TRUE(service_->verify(office_, a.id, s->version).has_value());
  };
  auto p1 = propaganda();
  verify(created(staff_, p1));
  p1.sessions = "2";
  p1.participants = "85";
  p1.commune_id = "";
  verify(created(head_, p1));
  auto r1 = resource();
  verify(created(head_, r1));
  r1.cash_vnd = "40.000.000";
  r1.goods_vnd = "";
  r1.goods_note = "";
  r1.occurred_on = "10/10/2023";
  verify(created(head_, r1));
  created(staff_, propaganda("01/04/2023"));                                // draft
  created(staff_, propaganda("02/04/2023"), true);                           // submitted
  auto w = created(staff_, propaganda("03/04/2023"), true);
  ASSERT_TRUE(service_->withdraw(staff_, w.id, w.version).has_value());   // withdrawn
  verify(created(staff_, propaganda("05/01/2024")));                        // another year

  auto p = progress_->unit(head_, cs_, {movement_, 2023});
  ASSERT_TRUE(p.has_value()) << p.error().code;
  EXPECT_EQ(p->pledge_status, "approved");
  EXPECT_EQ(p->records, 4);
  std::map<std::string, std::pair<long long, long long>> got;
  for (const auto& l : p->lines) {
    std::string key = std::to_string(l.item_number) + ":" + std::string(to_string(l.measure));
    got[key] = {l.target.value_or(-1), l.achieved};
  }
  EXPECT_EQ(got["1:sessions"], std::make_pair(10LL, 3LL));
  EXPECT_EQ(got["1:participants"], std::make_pair(300LL, 130LL));
  EXPECT_EQ(got["2:cash_vnd"], std::make_pair(50000000LL, 65000000LL));
  EXPECT_EQ(got["2:commune_tasks"], std::make_pair(2LL, 2LL));
  // What no target names is shown too: the goods and workdays, the propaganda record's commune.
  EXPECT_EQ(got["2:goods_vnd"], std::make_pair(-1LL, 5000000LL));
  EXPECT_EQ(got["2:workdays"], std::make_pair(-1LL, 240LL));
  EXPECT_EQ(got["1:commune_tasks"], std::make_pair(-1LL, 1LL));
  EXPECT_EQ(p->targets, 4);
  EXPECT_EQ(p->targets_met, 2);

  // The person: the two verified records about them in 2023 (theirs and the one their head
  // wrote for them); the one of 2024 counts in 2024.
  auto me = progress_->person(staff_, staff_person_, {movement_, 2023});
  ASSERT_TRUE(me.has_value()) << me.error().code;
  EXPECT_EQ(me->records, 2);
  EXPECT_EQ(progress_->person(staff_, staff_person_, {movement_, 2024})->records, 1);
  EXPECT_EQ(me->pledge_status, "");
  // The overview: one row per unit, the same numbers.
  auto o = progress_->overview(office_, agency_, {movement_, 2023});
  ASSERT_TRUE(o.has_value()) << o.error().code;
  ASSERT_EQ(o->units.size(), 3u);
  for (const auto& u : o->units) {
    if (u.unit_id != cs_) continue;
    EXPECT_EQ(u.targets, 4);
    EXPECT_EQ(u.targets_met, 2);
    EXPECT_EQ(u.records, 4);
    EXPECT_EQ(u.average_percent, (30 + 43 + 100 + 100) / 4);
  }
  // Who sees what: a staff member sees their unit, not another; the overview is the Office's,
  // the leaders' and the council's; a year outside the period is refused.
  EXPECT_TRUE(progress_->unit(staff_, cs_, {movement_, 2023}).has_value());
  EXPECT_EQ(progress_->unit(staff_, kh_, {movement_, 2023}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(progress_->person(staff2_, staff_person_, {movement_, 2023}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(progress_->overview(head_, agency_, {movement_, 2023}).error().kind, ErrorKind::forbidden);
  EXPECT_TRUE(progress_->overview(council_, agency_, {movement_, 2023}).has_value());
  EXPECT_EQ(fields(progress_->unit(office_, cs_, {movement_, 2019}).error()), "year=progress.year_outside\n");
}

TEST_F(AchievementServiceTest, EvidenceGoesWithTheRecordAndOnlyToItsReaders) {
  // A record with a photo: both land together; a file that is not what it claims refuses the
  // whole record.
  auto bad = service_->create(staff_, agency_, propaganda(), false, {upload("anh.png", "MZ not a picture")});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::validation);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM achievement"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 0);
  auto a = service_->create(staff_, agency_, propaganda(), true, {upload("buoi-tuyen-truyen.png", png())});
  ASSERT_TRUE(a.has_value()) << a.error().code;
  auto d = service_->get(staff_, a->id);
  ASSERT_EQ(d->evidence.size(), 1u);
  EXPECT_EQ(d->evidence[0].content_type, "image/png");
  EXPECT_EQ(d->events[1].event, "evidence_added");
  EXPECT_EQ(d->events[1].comment, "buoi-tuyen-truyen.png");
  auto ev = d->evidence[0].id;

  // The file is served to those who may read the record, and to nobody else.
  EXPECT_TRUE(evidence_->file(staff_, ev).has_value());
  EXPECT_TRUE(evidence_->file(head_, ev).has_value());
  EXPECT_TRUE(evidence_->file(council_, ev).has_value());
  EXPECT_EQ(evidence_->file(staff2_, ev).error().kind, ErrorKind::not_found);
  EXPECT_EQ(evidence_->file(stranger_, ev).error().kind, ErrorKind::not_found);

  // More files later; a colleague may not add any; withdrawn files stay listed.
  auto more = service_->add_evidence(staff_, a->id, {upload("bien-ban.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")});
  ASSERT_TRUE(more.has_value()) << more.error().code;
  EXPECT_EQ(service_->add_evidence(staff2_, a->id, {upload("x.png", png())}).error().kind, ErrorKind::not_found);
  auto w = service_->withdraw_evidence(staff_, a->id, (*more)[0].id, "Nhầm tệp");
  ASSERT_TRUE(w.has_value()) << w.error().code;
  EXPECT_FALSE(w->active());
  // Another record's id with this file: not found.
  auto other = created(staff_, propaganda("16/03/2023"));
  EXPECT_EQ(service_->withdraw_evidence(staff_, other.id, ev, "").error().kind, ErrorKind::not_found);
  d = service_->get(office_, a->id);
  EXPECT_EQ(d->evidence.size(), 2u);
  EXPECT_EQ(d->events.back().event, "evidence_withdrawn");
  EXPECT_EQ(d->events.back().comment, "bien-ban.pdf: Nhầm tệp");
  // Once verified, only the Office adds files.
  ASSERT_TRUE(service_->verify(office_, a->id, a->version).has_value());
  EXPECT_EQ(service_->add_evidence(staff_, a->id, {upload("y.png", png())}).error().code,
            "achievement.verified_office_only");
  EXPECT_TRUE(service_->add_evidence(office_, a->id, {upload("y.png", png())}).has_value());
  services::AchievementFilter qf;
  qf.agency_id = agency_;
  auto l = service_->list(office_, qf);
  EXPECT_EQ(l->evidence_counts[a->id], 2);
}

TEST_F(AchievementServiceTest, AnotherAgencysIdsAreNotFound) {
  auto a = created(staff_, propaganda(), true);
  auto nf = [](const auto& r) { return !r.has_value() && r.error().kind == ErrorKind::not_found; };
  EXPECT_TRUE(nf(service_->get(stranger_, a.id)));
  EXPECT_TRUE(nf(service_->update(stranger_, a.id, a.version, propaganda())));
  EXPECT_TRUE(nf(service_->submit(stranger_, a.id, a.version)));
  EXPECT_TRUE(nf(service_->verify(stranger_, a.id, a.version)));
  EXPECT_TRUE(nf(service_->send_back(stranger_, a.id, a.version, "x")));
  EXPECT_TRUE(nf(service_->withdraw(stranger_, a.id, a.version)));
  EXPECT_TRUE(nf(service_->verify_many(stranger_, other_, {{a.id, a.version}})));
  EXPECT_TRUE(nf(service_->get(stranger_, 987654)));
  services::AchievementFilter f;
  f.agency_id = agency_;
  EXPECT_TRUE(nf(service_->list(stranger_, f)));
  EXPECT_TRUE(nf(progress_->unit(stranger_, cs_, {})));
  EXPECT_TRUE(nf(progress_->person(stranger_, staff_person_, {})));
  EXPECT_TRUE(nf(progress_->overview(stranger_, agency_, {})));
  // Recording into another agency's movement or unit names the field, as for ids that do not exist.
  auto in = propaganda();
  in.person_id = std::to_string(staff_person_);
  auto r = service_->create(stranger_, other_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(fields(r.error()), "movement_id=achievement.movement_not_found\nperson_id=person.not_found\n"
                               "commune_id=achievement.commune_not_assigned\n");
  EXPECT_EQ(text("SELECT status FROM achievement"), "submitted");
}

}  // namespace
}  // namespace thidua::it
