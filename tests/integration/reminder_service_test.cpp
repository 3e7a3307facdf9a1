// Reminders (issue 7) on a real SQLite and PostgreSQL, with a fixed clock: tasks due soon and
// late reach the head of their unit, the agency's own tasks its Office, pledge windows closing
// reach those who have not registered; a second pass writes nothing (no audit entry either);
// another agency's users get nothing of this agency; the e-mail goes once, and a failure is
// tried again.

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/movement_service.hpp"
#include "services/notification_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/pledge_service.hpp"
#include "services/reminder_service.hpp"
#include "services/smtp_mailer.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class FakeMailer : public services::Mailer {
 public:
  Result<void> send(const services::MailMessage& m) override {
    if (failing) return fail(ErrorKind::internal, "smtp.failed", "connection refused");
    sent.push_back(m);
    return {};
  }
  bool failing = false;
  std::vector<services::MailMessage> sent;
};

class ReminderServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    people_ = std::make_shared<services::PeopleService>(db_, clock_.clock());
    pledges_ = std::make_shared<services::PledgeService>(db_, clock_.clock());
    reminders_ = std::make_shared<services::ReminderService>(db_, pledges_, services::ReminderOptions{7, "https://thidua.test"},
                                                             clock_.clock());
    root_ = services::operator_principal("test");
    agency_ = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng")->id;
    other_ = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ")->id;
    for (auto [code, kind, name] : {std::tuple{"VP", "office", "Văn phòng"},
                                    std::tuple{"CSDT", "department", "Phòng Chính sách Dân tộc"},
                                    std::tuple{"KHTH", "department", "Phòng Kế hoạch - Tổng hợp"}}) {
      auto u = org_->create_unit(root_, agency_, {code, kind, name, "01/01/2021"});
      ASSERT_TRUE(u.has_value()) << u.error().code;
      unit_[code] = u->id;
    }
    auto sko = org_->create_unit(root_, other_, {"VP", "office", "Văn phòng Sở", "01/01/2021"});
    ASSERT_TRUE(sko.has_value());
    unit_["SKH_VP"] = sko->id;
    user_["office"] = account("Nông Thị Hoa", "VP", "vanphong", "office", "BDT");
    user_["head_cs"] = account("Lâm Văn Hùng", "CSDT", "truong_cs", "unit_head", "BDT");
    user_["staff"] = account("Đàm Văn Đức", "CSDT", "canbo", "staff", "BDT");
    user_["head_kh"] = account("Hoàng Thị Lan", "KHTH", "truong_kh", "unit_head", "BDT");
    user_["stranger"] = account("Người Sở Khác", "SKH_VP", "vp_khac", "office", "SKH");
    movement_ = movement(agency_, "Cả nước chung sức xây dựng nông thôn mới");
    other_movement_ = movement(other_, "Thi đua đổi mới sáng tạo");
    // Due in 5 days (CSDT), late (KHTH), the agency's own late one (Office), done (nobody),
    // far ahead (nobody yet), and the other agency's own task due soon (its Office only).
    task(movement_, unit_["CSDT"], "Rà soát hộ nghèo vùng đồng bào dân tộc", "2025-06-30");
    task(movement_, unit_["KHTH"], "Báo cáo 6 tháng về Chương trình 1719", "2025-06-10");
    task(movement_, 0, "Sơ kết 6 tháng phong trào", "2025-06-20");
    task(movement_, unit_["CSDT"], "Đã làm xong", "2025-06-28", "done");
    task(movement_, unit_["KHTH"], "Tổng kết năm", "2025-12-15");
    task(other_movement_, 0, "Báo cáo sáng kiến", "2025-06-27");
  }

  std::int64_t account(const std::string& name, const std::string& unit, const std::string& login,
                       const std::string& role, const std::string& agency_code) {
    services::PersonInput in;
    in.full_name = name;
    in.gender = "female";
    in.employment = "civil_servant";
    in.start_date = "01/01/2021";
    in.unit_id = std::to_string(unit_[unit]);
    in.position = "Chuyên viên";
    auto p = people_->create(root_, agency_code == "BDT" ? agency_ : other_, in);
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().code);
    services::NewUserInput u;
    u.login = login;
    u.display_name = name;
    u.password = "Mat-khau-thu-2024!";
    u.agency_code = agency_code;
    u.roles = {role};
    auto added = users_->add_user(root_, u);
    EXPECT_TRUE(added.has_value()) << (added ? "" : added.error().code);
    EXPECT_TRUE(people_->link_account(root_, p->id, login).has_value());
    return added->id;
  }

  std::int64_t movement(std::int64_t agency, const std::string& title) {
    exec("INSERT INTO movement (agency_id, title, kind, level, period_from, period_to, summary, doc_symbol, place, "
         "status, created_at, updated_at) VALUES (" + std::to_string(agency) + ", '" + title +
         "', 'thematic', 'agency', '2021-01-01', '2025-12-31', 'Kế hoạch', 'KH-BDT', 'Cao Bằng', 'launched', "
         "'2022-09-30T00:00:00Z', '2022-09-30T00:00:00Z')");
    return scalar("SELECT CAST(MAX(id) AS BIGINT) FROM movement");
  }

  void task(std::int64_t movement, std::int64_t unit, const std::string& title, const std::string& due,
            const std::string& status = "open") {
    exec("INSERT INTO movement_task (movement_id, unit_id, title, due_date, status, created_at) VALUES (" +
         std::to_string(movement) + ", " + (unit ? std::to_string(unit) : "NULL") + ", '" + title + "', '" + due +
         "', '" + status + "', '2022-09-30T00:00:00Z')");
  }

  /// "kind|dedupe_key" of a user's notifications, oldest first.
  std::vector<std::string> of(const std::string& who) {
    std::vector<std::string> out;
    db_->read([&](storage::Tx& tx) -> Result<void> {
      soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT kind, COALESCE(dedupe_key, '') FROM notification "
                                                          "WHERE user_id = " + std::to_string(user_[who]) +
                                                          " ORDER BY id");
      for (const auto& r : rows) out.push_back(r.get<std::string>(0) + "|" + r.get<std::string>(1));
      return {};
    });
    return out;
  }

  long long audits(const std::string& action) {
    return scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM audit_log WHERE action = '" + action + "'");
  }

  ManualClock clock_{*parse_iso("2025-06-25T03:00:00Z")};
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::PledgeService> pledges_;
  std::shared_ptr<services::ReminderService> reminders_;
  Principal root_;
  std::int64_t agency_ = 0, other_ = 0, movement_ = 0, other_movement_ = 0;
  std::map<std::string, std::int64_t> unit_, user_;
};

TEST_F(ReminderServiceTest, TasksDueAndLateReachTheRightPeopleOnce) {
  auto r = reminders_->run(clock_.now());
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  EXPECT_EQ(r->today, "2025-06-25");
  EXPECT_EQ(r->written, 4);
  EXPECT_EQ(of("head_cs"), std::vector<std::string>{"task_due|task:1:due:2025-06-30"});
  EXPECT_EQ(of("head_kh"), std::vector<std::string>{"task_late|task:2:late"});
  EXPECT_EQ(of("office"), std::vector<std::string>{"task_late|task:3:late"});
  EXPECT_TRUE(of("staff").empty());
  // The other agency's Office hears of its own task only.
  EXPECT_EQ(of("stranger"), std::vector<std::string>{"task_due|task:6:due:2025-06-27"});
  EXPECT_EQ(audits("reminder.run"), 1);
  EXPECT_EQ(text("SELECT due_date FROM notification WHERE user_id = " + std::to_string(user_["head_cs"])), "2025-06-30");
  EXPECT_EQ(text("SELECT title FROM notification WHERE user_id = " + std::to_string(user_["head_cs"])),
            "Nhiệm vụ sắp đến hạn: Rà soát hộ nghèo vùng đồng bào dân tộc");
  EXPECT_EQ(text("SELECT link FROM notification WHERE user_id = " + std::to_string(user_["head_kh"])),
            "/movements/" + std::to_string(movement_) + "#task-2");

  // Nothing new: nothing written, no audit entry.
  auto again = reminders_->run(clock_.now());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->written, 0);
  EXPECT_EQ(audits("reminder.run"), 1);

  // A week later the task due on 30/06 is late: one more notification, under its own key.
  clock_.advance(std::chrono::hours(24 * 7));
  auto later = reminders_->run(clock_.now());
  ASSERT_TRUE(later.has_value());
  EXPECT_EQ(later->by_kind["task_late"], 2);  // CSDT's, and the other agency's
  EXPECT_EQ(of("head_cs"), (std::vector<std::string>{"task_due|task:1:due:2025-06-30", "task_late|task:1:late"}));
  EXPECT_EQ(audits("reminder.run"), 2);
}

TEST_F(ReminderServiceTest, DryRunWritesNothing) {
  auto r = reminders_->run(clock_.now(), true);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->written, 4);
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification"), 0);
  EXPECT_EQ(audits("reminder.run"), 0);
}

TEST_F(ReminderServiceTest, PledgeWindowClosingRemindsThoseNotRegistered) {
  ASSERT_TRUE(pledges_->set_deadline(root_, movement_, 2025, "28/06/2025").has_value());
  auto r = reminders_->run(clock_.now());
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  // Every BDT person with an account (none has pledged) and the heads of the units.
  EXPECT_EQ(r->by_kind["pledge_reminder"], 4);
  EXPECT_EQ(r->by_kind["pledge_reminder_unit"], 2);
  const std::string key = "pledge-remind:" + std::to_string(movement_) + ":2025:due-2025-06-28";
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE dedupe_key = '" + key + "'"), 4);
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE user_id = " +
                   std::to_string(user_["stranger"]) + " AND kind LIKE 'pledge%'"),
            0);
  auto again = reminders_->run(clock_.now());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->written, 0);
  // After the deadline, once more as "closed".
  clock_.advance(std::chrono::hours(24 * 5));
  auto late = reminders_->run(clock_.now());
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->by_kind["pledge_reminder_late"], 4);
}

TEST_F(ReminderServiceTest, EmailGoesOnceAndFailuresAreRetried) {
  exec("UPDATE user_account SET email = 'lamvanhung@caobang.gov.vn' WHERE id = " + std::to_string(user_["head_cs"]));
  ASSERT_TRUE(reminders_->run(clock_.now()).has_value());
  FakeMailer mailer;
  mailer.failing = true;
  auto failed = reminders_->email_pending(mailer);
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->failed, 1);
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE emailed_at IS NOT NULL"), 0);
  mailer.failing = false;
  auto sent = reminders_->email_pending(mailer);
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->sent, 1);
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(mailer.sent[0].to, "lamvanhung@caobang.gov.vn");
  EXPECT_EQ(mailer.sent[0].subject, "[Thi đua] Nhiệm vụ sắp đến hạn: Rà soát hộ nghèo vùng đồng bào dân tộc");
  EXPECT_NE(mailer.sent[0].body.find("Hạn: 30/06/2025"), std::string::npos);
  EXPECT_NE(mailer.sent[0].body.find("https://thidua.test/movements/"), std::string::npos);
  EXPECT_EQ(audits("reminder.email"), 1);
  auto none = reminders_->email_pending(mailer);
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->sent, 0);
  EXPECT_EQ(mailer.sent.size(), 1u);
}

TEST_F(ReminderServiceTest, CommunesWithoutAnAssessmentRemindTheirContactsBeforeTheYearEnds) {
  // Three communes BDT supports: one with the staff member as contact, one with no contact
  // (its Office hears), one assessed in 2025 (nobody hears); SKH's own unassessed commune.
  auto commune = [&](const std::string& code, const std::string& name, std::int64_t agency) {
    exec("INSERT INTO commune (code, province, created_at) VALUES ('" + code + "', 'Cao Bằng', '2021-01-01T00:00:00Z')");
    auto id = scalar("SELECT CAST(MAX(id) AS BIGINT) FROM commune");
    exec("INSERT INTO commune_version (commune_id, name, kind, valid_from) VALUES (" + std::to_string(id) + ", '" + name +
         "', 'xa', '2021-01-01')");
    exec("INSERT INTO commune_assignment (agency_id, commune_id, target_level, valid_from, created_at) VALUES (" +
         std::to_string(agency) + ", " + std::to_string(id) + ", 'ntm', '2022-09-12', '2022-09-12T00:00:00Z')");
    return std::pair{id, scalar("SELECT CAST(MAX(id) AS BIGINT) FROM commune_assignment")};
  };
  auto [duc_long, a1] = commune("04513", "Đức Long", agency_);
  auto [quang_han, a2] = commune("04516", "Quang Hán", agency_);
  auto [tien_thanh, a3] = commune("04519", "Tiên Thành", agency_);
  auto [bach_dang, a4] = commune("04522", "Bạch Đằng", other_);
  exec("INSERT INTO commune_assignment_contact (assignment_id, person_id, role) SELECT " + std::to_string(a1) +
       ", id, 'Cán bộ phụ trách' FROM person WHERE user_id = " + std::to_string(user_["staff"]));
  exec("INSERT INTO criteria_set (code, name, level, valid_from, citation, created_at) VALUES ('t', 'Bộ tiêu chí', 'ntm', "
       "'2021-01-01', 'QĐ 318/QĐ-TTg', '2021-01-01T00:00:00Z')");
  exec("INSERT INTO assessment (commune_id, set_id, agency_id, assessed_on, kind, criteria_met, criteria_total, created_at) "
       "SELECT " + std::to_string(tien_thanh) + ", MAX(id), " + std::to_string(agency_) +
       ", '2025-06-30', 'half_year', 12, 19, '2025-06-30T00:00:00Z' FROM criteria_set");
  (void)quang_han;
  (void)a2;
  (void)a3;
  (void)bach_dang;
  (void)a4;
  auto count = [&](const std::string& who, const std::string& kind) {
    return scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE user_id = " + std::to_string(user_[who]) +
                  " AND kind = '" + kind + "'");
  };
  // In June nothing is due yet.
  ASSERT_TRUE(reminders_->run(clock_.now()).has_value());
  EXPECT_EQ(scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM notification WHERE kind LIKE 'assessment%'"), 0);
  // 27/12/2025: due for Đức Long (its contact) and Quang Hán (the Office); SKH's for its Office.
  auto r = reminders_->run(*parse_iso("2025-12-27T03:00:00Z"));
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  EXPECT_EQ(r->by_kind["assessment_due"], 3);
  EXPECT_EQ(count("staff", "assessment_due"), 1);
  EXPECT_EQ(count("office", "assessment_due"), 1);
  EXPECT_EQ(count("stranger", "assessment_due"), 1);
  EXPECT_EQ(text("SELECT title FROM notification WHERE kind = 'assessment_due' AND user_id = " +
                 std::to_string(user_["staff"])),
            "Sắp đến hạn đánh giá tiêu chí năm 2025: Xã Đức Long");
  EXPECT_EQ(text("SELECT link FROM notification WHERE kind = 'assessment_due' AND user_id = " +
                 std::to_string(user_["staff"])),
            "/communes/" + std::to_string(duc_long) + "/assessments/new");
  // 05/01/2026: 2025's are late (once), 2026's not due yet.
  r = reminders_->run(*parse_iso("2026-01-05T03:00:00Z"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->by_kind["assessment_late"], 3);
  EXPECT_EQ(r->by_kind["assessment_due"], 0);
  r = reminders_->run(*parse_iso("2026-01-06T03:00:00Z"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->by_kind["assessment_late"], 0);
}

TEST_F(ReminderServiceTest, AnAddressIsSetByTheAgencysManagersOnly) {
  auto office = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, user_["office"]); });
  ASSERT_TRUE(office.has_value());
  auto bad = reminders_->set_email(*office, "truong_cs", "lam van hung@caobang");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, "reminder.email_invalid");
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "email");
  ASSERT_TRUE(reminders_->set_email(*office, "TRUONG_CS", " lamvanhung@caobang.gov.vn ").has_value());
  EXPECT_EQ(text("SELECT email FROM user_account WHERE login = 'truong_cs'"), "lamvanhung@caobang.gov.vn");
  EXPECT_EQ(audits("user.email"), 1);
  ASSERT_TRUE(reminders_->set_email(*office, "truong_cs", "lamvanhung@caobang.gov.vn").has_value());
  EXPECT_EQ(audits("user.email"), 1);  // unchanged: nothing written
  // Another agency's account is "not found", as a missing one.
  auto other = reminders_->set_email(*office, "vp_khac", "x@skhcn.caobang.gov.vn");
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().kind, ErrorKind::not_found);
  auto head = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, user_["head_cs"]); });
  EXPECT_FALSE(reminders_->set_email(*head, "canbo", "x@caobang.gov.vn").has_value());
  auto emails = reminders_->emails(root_);
  ASSERT_TRUE(emails.has_value());
  EXPECT_EQ(emails->size(), 1u);
  EXPECT_EQ(emails->at(user_["head_cs"]), "lamvanhung@caobang.gov.vn");
}

TEST(SmtpMessage, SubjectIsEncodedWordsAndBodyBase64) {
  EXPECT_EQ(services::rfc2047("Reminder"), "Reminder");
  auto s = services::rfc2047("[Thi đua] Nhiệm vụ sắp đến hạn: Rà soát hộ nghèo vùng đồng bào dân tộc");
  EXPECT_EQ(s.rfind("=?UTF-8?B?", 0), 0u);
  for (std::size_t start = 0; start < s.size();) {
    auto end = s.find("\r\n ", start);
    auto word = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u);
    start = end == std::string::npos ? s.size() : end + 3;
  }
  services::MailMessage m{"a@b.vn", "Lâm Văn Hùng", "Nhắc\r\nBcc: x@y", "Nội dung"};
  auto text = services::mail_text(m, "thidua@caobang.gov.vn", "Thi đua", "Mon, 01 Jan 2025 00:00:00 +0000", "x@y");
  EXPECT_EQ(text.find("\nBcc:"), std::string::npos);  // no header injected
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
}

}  // namespace
}  // namespace thidua::it
