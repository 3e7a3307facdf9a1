#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/user_service.hpp"
#include "storage/audit_repo.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

using services::NewUserInput;

constexpr const char* kPassword = "mat khau 2026";

/// The field → message key pairs of an error, for comparing with EXPECT_EQ.
std::vector<std::pair<std::string, std::string>> fields_of(const Error& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : e.fields) out.emplace_back(f.field, f.code);
  std::sort(out.begin(), out.end());
  return out;
}

class UserServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    auth_ = std::make_shared<services::AuthService>(db_, hasher_, services::AuthConfig{}, clock_.clock());
    root_ = services::operator_principal("test");
    auto a = users_->ensure_agency(root_, "BDT", "Ban Dân tộc");
    ASSERT_TRUE(a.has_value()) << a.error().detail;
    agency_a_ = *a;
    auto b = users_->ensure_agency(root_, "SYT", "Sở Y tế");
    ASSERT_TRUE(b.has_value()) << b.error().detail;
    agency_b_ = *b;
    ASSERT_NE(agency_a_.id, agency_b_.id);
  }

  static NewUserInput input(std::string login, std::string agency, std::vector<std::string> roles) {
    NewUserInput in;
    in.login = std::move(login);
    in.display_name = "Người dùng " + in.login;
    in.password = kPassword;
    in.agency_code = std::move(agency);
    in.roles = std::move(roles);
    return in;
  }

  /// Adds a user as the installation operator; fails the test if that does not work.
  services::UserSummary add(std::string login, std::string agency, std::vector<std::string> roles) {
    auto r = users_->add_user(root_, input(std::move(login), std::move(agency), std::move(roles)));
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().code + " " + r.error().detail);
    return r.value_or(services::UserSummary{});
  }

  /// The principal of a stored user, as a session would load it.
  Principal principal_of(std::int64_t user_id) {
    auto p = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, user_id); });
    EXPECT_TRUE(p.has_value()) << (p ? "" : p.error().code);
    return p.value_or(Principal{});
  }

  long long audit_rows() { return scalar("SELECT COUNT(*) FROM audit_log"); }
  long long sessions_of(std::int64_t user_id) {
    return scalar("SELECT COUNT(*) FROM auth_session WHERE user_id = " + std::to_string(user_id));
  }

  void expect_chain_ok() {
    auto r = services::verify_audit(*db_);
    ASSERT_TRUE(r.has_value()) << r.error().detail;
    EXPECT_TRUE(r->ok) << r->problem;
    EXPECT_EQ(r->rows, audit_rows());
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::AuthService> auth_;
  Principal root_;
  Agency agency_a_, agency_b_;
};

TEST_F(UserServiceTest, AddUserNormalisesLoginAndDisplayName) {
  const long long audit_before = audit_rows();
  NewUserInput in = input("  Nguyen.Van-A ", "BDT", {"staff"});
  // "Nguyễn Văn A" typed with combining marks (NFD) and a zero-width space inside.
  in.display_name = "  Nguye\xCC\x82\xCC\x83n\xE2\x80\x8B Va\xCC\x86n A ";
  auto r = users_->add_user(root_, in);
  ASSERT_TRUE(r.has_value()) << r.error().code << " " << r.error().detail;
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(r->login, "nguyen.van-a");
  EXPECT_EQ(r->display_name, "Nguyễn Văn A");
  EXPECT_TRUE(r->active);
  EXPECT_EQ(r->agency_code, "BDT");
  EXPECT_EQ(r->roles, (std::vector<Role>{Role::staff}));

  // Stored the same way, and the password only as an argon2id hash.
  const std::string id = std::to_string(r->id);
  EXPECT_EQ(text("SELECT login FROM user_account WHERE id = " + id), "nguyen.van-a");
  EXPECT_EQ(text("SELECT display_name FROM user_account WHERE id = " + id), "Nguyễn Văn A");
  auto hash = text("SELECT password_hash FROM user_account WHERE id = " + id);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find(kPassword), std::string::npos);
  EXPECT_EQ(scalar("SELECT agency_id FROM user_account WHERE id = " + id), agency_a_.id);
  EXPECT_EQ(text("SELECT role FROM role_grant WHERE user_id = " + id), "staff");
  EXPECT_EQ(scalar("SELECT agency_id FROM role_grant WHERE user_id = " + id), agency_a_.id);
  EXPECT_EQ(text("SELECT created_at FROM user_account WHERE id = " + id), "2026-11-28T08:00:00Z");
  EXPECT_EQ(audit_rows(), audit_before + 1);

  // The new account can sign in, with the login in any case.
  auto login = auth_->login("NGUYEN.VAN-A", kPassword, "10.0.0.1", "test");
  ASSERT_TRUE(login.has_value()) << login.error().code;
  EXPECT_EQ(login->principal.login, "nguyen.van-a");
  EXPECT_EQ(login->principal.agency_name, "Ban Dân tộc");
}

TEST_F(UserServiceTest, DuplicateLoginIsAConflict) {
  add("lan", "BDT", {"staff"});
  const long long audit_before = audit_rows();
  for (const char* again : {"lan", "LAN", " Lan "}) {
    auto r = users_->add_user(root_, input(again, "SYT", {"office"}));
    ASSERT_FALSE(r.has_value()) << again;
    EXPECT_EQ(r.error().kind, ErrorKind::conflict) << again;
    EXPECT_EQ(r.error().code, "user.login_taken") << again;
    EXPECT_EQ(fields_of(r.error()), (std::vector<std::pair<std::string, std::string>>{{"login", "user.login_taken"}}));
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account"), 1);
  EXPECT_EQ(audit_rows(), audit_before);
}

TEST_F(UserServiceTest, InvalidInputIsAValidationErrorPerField) {
  const long long audit_before = audit_rows();
  using Fields = std::vector<std::pair<std::string, std::string>>;
  struct Case {
    NewUserInput in;
    Fields fields;
  };
  std::vector<Case> cases;
  {
    auto in = input("ab", "BDT", {"staff"});
    cases.push_back({in, {{"login", "user.login_invalid"}}});
  }
  {
    auto in = input("nguyễn", "BDT", {"staff"});
    cases.push_back({in, {{"login", "user.login_invalid"}}});
  }
  {
    auto in = input("has space", "BDT", {"staff"});
    cases.push_back({in, {{"login", "user.login_invalid"}}});
  }
  {
    auto in = input("lan", "BDT", {"staff"});
    in.password = "short1";
    cases.push_back({in, {{"password", "password.too_short"}}});
  }
  {
    auto in = input("lan", "BDT", {"staff"});
    in.password = "onlyletters";
    cases.push_back({in, {{"password", "password.too_simple"}}});
  }
  {
    auto in = input("lan", "BDT", {});
    cases.push_back({in, {{"roles", "user.role_required"}}});
  }
  {
    auto in = input("lan", "BDT", {"superuser"});
    cases.push_back({in, {{"roles", "user.role_invalid"}}});
  }
  {
    auto in = input("lan", "BDT", {"staff"});
    in.display_name = " \xE2\x80\x8B ";
    cases.push_back({in, {{"display_name", "validation.required"}}});
  }
  {
    auto in = input("lan", "BDT", {"staff"});
    in.display_name = "bad \xC3";
    cases.push_back({in, {{"display_name", "validation.bad_utf8"}}});
  }
  {
    auto in = input("x", "BDT", {});
    in.password = "short";
    in.display_name = "";
    cases.push_back({in,
                     {{"display_name", "validation.required"},
                      {"login", "user.login_invalid"},
                      {"password", "password.too_short"},
                      {"roles", "user.role_required"}}});
  }
  for (auto& c : cases) {
    SCOPED_TRACE("login '" + c.in.login + "'");
    auto r = users_->add_user(root_, c.in);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().kind, ErrorKind::validation);
    EXPECT_EQ(r.error().code, "validation.invalid");
    EXPECT_EQ(fields_of(r.error()), c.fields);
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account"), 0);
  EXPECT_EQ(audit_rows(), audit_before);
}

TEST_F(UserServiceTest, UnknownAgencyAndAgencylessRolesAreRejected) {
  auto unknown = users_->add_user(root_, input("lan", "NOPE", {"staff"}));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::validation);
  EXPECT_EQ(fields_of(unknown.error()),
            (std::vector<std::pair<std::string, std::string>>{{"agency", "agency.not_found"}}));

  auto no_agency = users_->add_user(root_, input("lan", "", {"staff"}));
  ASSERT_FALSE(no_agency.has_value());
  EXPECT_EQ(no_agency.error().kind, ErrorKind::validation);
  EXPECT_EQ(fields_of(no_agency.error()),
            (std::vector<std::pair<std::string, std::string>>{{"agency", "user.agency_required"}}));

  // An installation administrator needs no agency.
  auto admin = users_->add_user(root_, input("root2", "", {"admin"}));
  ASSERT_TRUE(admin.has_value()) << admin.error().code;
  EXPECT_EQ(admin->agency_code, "");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account"), 1);
}

TEST_F(UserServiceTest, NonAdminIsForbidden) {
  auto staff = add("nv.bdt", "BDT", {"staff", "office", "leader"});
  add("other", "BDT", {"staff"});
  const Principal p = principal_of(staff.id);
  ASSERT_EQ(p.grants.size(), 3u);
  const long long audit_before = audit_rows();

  auto created = users_->add_user(p, input("newbie", "BDT", {"staff"}));
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().kind, ErrorKind::forbidden);
  auto listed = users_->list_users(p);
  ASSERT_FALSE(listed.has_value());
  EXPECT_EQ(listed.error().kind, ErrorKind::forbidden);
  auto disabled = users_->set_active(p, "other", false);
  ASSERT_FALSE(disabled.has_value());
  EXPECT_EQ(disabled.error().kind, ErrorKind::forbidden);
  auto password = users_->set_password(p, "other", "new password 1");
  ASSERT_FALSE(password.has_value());
  EXPECT_EQ(password.error().kind, ErrorKind::forbidden);
  auto agency = users_->ensure_agency(p, "NEW", "Cơ quan mới");
  ASSERT_FALSE(agency.has_value());
  EXPECT_EQ(agency.error().kind, ErrorKind::forbidden);

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 2);
  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'other'"), "active");
  EXPECT_EQ(audit_rows(), audit_before);
}

TEST_F(UserServiceTest, UserMayChangeOwnPassword) {
  auto staff = add("nv.bdt", "BDT", {"staff"});
  const Principal p = principal_of(staff.id);
  auto r = users_->set_password(p, "nv.bdt", "my new password 7");
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_TRUE(auth_->login("nv.bdt", "my new password 7", "10.0.0.1", "t").has_value());
}

TEST_F(UserServiceTest, AgencyAdminIsLimitedToTheirAgency) {
  auto admin_a = add("admin.bdt", "BDT", {"admin"});
  auto in_b = add("nv.syt", "SYT", {"staff"});
  auto root2 = add("root2", "", {"admin"});
  const Principal pa = principal_of(admin_a.id);
  ASSERT_EQ(pa.grants.size(), 1u);
  ASSERT_EQ(pa.grants[0].agency_id, agency_a_.id);
  const long long audit_before = audit_rows();

  // Inside agency A: allowed.
  auto ok = users_->add_user(pa, input("nv.bdt", "BDT", {"staff"}));
  ASSERT_TRUE(ok.has_value()) << ok.error().code;
  EXPECT_EQ(audit_rows(), audit_before + 1);

  // Agency B, or no agency: forbidden, and nothing written.
  auto other = users_->add_user(pa, input("nv2.syt", "SYT", {"staff"}));
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
  auto installation = users_->add_user(pa, input("root3", "", {"admin"}));
  ASSERT_FALSE(installation.has_value());
  EXPECT_EQ(installation.error().kind, ErrorKind::forbidden);

  auto disable_b = users_->set_active(pa, "nv.syt", false);
  ASSERT_FALSE(disable_b.has_value());
  EXPECT_EQ(disable_b.error().kind, ErrorKind::forbidden);
  auto disable_root = users_->set_active(pa, "root2", false);
  ASSERT_FALSE(disable_root.has_value());
  EXPECT_EQ(disable_root.error().kind, ErrorKind::forbidden);
  auto password_b = users_->set_password(pa, "nv.syt", "taken over 123");
  ASSERT_FALSE(password_b.has_value());
  EXPECT_EQ(password_b.error().kind, ErrorKind::forbidden);
  auto agency = users_->ensure_agency(pa, "NEW", "Cơ quan mới");
  ASSERT_FALSE(agency.has_value());
  EXPECT_EQ(agency.error().kind, ErrorKind::forbidden);

  // Users of agency B are invisible to the agency A administrator.
  auto get_b = users_->get_user(pa, "nv.syt");
  ASSERT_FALSE(get_b.has_value());
  EXPECT_EQ(get_b.error().kind, ErrorKind::not_found);
  auto listed = users_->list_users(pa);
  ASSERT_TRUE(listed.has_value()) << listed.error().code;
  std::vector<std::string> logins;
  for (const auto& u : *listed) logins.push_back(u.login);
  EXPECT_EQ(logins, (std::vector<std::string>{"admin.bdt", "nv.bdt"}));

  // Inside agency A the administrator can disable and set passwords.
  ASSERT_TRUE(users_->set_active(pa, "nv.bdt", false).has_value());
  ASSERT_TRUE(users_->set_password(pa, "nv.bdt", "reset password 1").has_value());

  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'nv.syt'"), "active");
  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'root2'"), "active");
  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'nv.bdt'"), "disabled");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM user_account WHERE login IN ('nv2.syt', 'root3')"), 0);
  EXPECT_EQ(audit_rows(), audit_before + 3);  // the three allowed changes, nothing else
  EXPECT_TRUE(auth_->login("nv.syt", kPassword, "10.0.0.2", "t").has_value());
  (void)in_b;
  (void)root2;
}

TEST_F(UserServiceTest, InstallationAdminSeesEveryone) {
  add("admin.bdt", "BDT", {"admin"});
  add("nv.syt", "SYT", {"staff"});
  add("root2", "", {"admin"});
  auto listed = users_->list_users(root_);
  ASSERT_TRUE(listed.has_value());
  std::vector<std::string> logins;
  for (const auto& u : *listed) logins.push_back(u.login);
  EXPECT_EQ(logins, (std::vector<std::string>{"admin.bdt", "nv.syt", "root2"}));
  auto count = users_->count_admins();
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, 2);
  ASSERT_TRUE(users_->set_active(root_, "root2", false).has_value());
  EXPECT_EQ(users_->count_admins().value_or(-1), 1);
}

TEST_F(UserServiceTest, DisablingEndsSessionsAndBlocksSignIn) {
  auto u = add("lan", "BDT", {"staff"});
  auto s1 = auth_->login("lan", kPassword, "10.0.0.1", "t");
  auto s2 = auth_->login("lan", kPassword, "10.0.0.2", "t");
  ASSERT_TRUE(s1 && s2);
  ASSERT_TRUE(auth_->resolve_session(s1->token).has_value());
  ASSERT_EQ(sessions_of(u.id), 2);
  const long long audit_before = audit_rows();

  auto r = users_->set_active(root_, "LAN", false);
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_EQ(audit_rows(), audit_before + 1);
  EXPECT_EQ(sessions_of(u.id), 0);
  for (const auto* s : {&*s1, &*s2}) {
    auto resolved = auth_->resolve_session(s->token);
    ASSERT_FALSE(resolved.has_value());
    EXPECT_EQ(resolved.error().kind, ErrorKind::unauthorized);
  }
  auto again = auth_->login("lan", kPassword, "10.0.0.1", "t");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(again.error().code, "auth.account_disabled");

  // Disabling twice is a no-op and is not audited again.
  ASSERT_TRUE(users_->set_active(root_, "lan", false).has_value());
  EXPECT_EQ(audit_rows(), audit_before + 1);

  ASSERT_TRUE(users_->set_active(root_, "lan", true).has_value());
  EXPECT_EQ(audit_rows(), audit_before + 2);
  EXPECT_TRUE(auth_->login("lan", kPassword, "10.0.0.1", "t").has_value());
  EXPECT_EQ(scalar("SELECT version FROM user_account WHERE login = 'lan'"), 3);

  auto missing = users_->set_active(root_, "nobody", false);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST_F(UserServiceTest, SetPasswordEndsSessions) {
  auto u = add("lan", "BDT", {"staff"});
  auto s1 = auth_->login("lan", kPassword, "10.0.0.1", "t");
  ASSERT_TRUE(s1.has_value());
  ASSERT_TRUE(auth_->resolve_session(s1->token).has_value());
  const std::string old_hash = text("SELECT password_hash FROM user_account WHERE login = 'lan'");

  auto r = users_->set_password(root_, "lan", "new password 99");
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_NE(text("SELECT password_hash FROM user_account WHERE login = 'lan'"), old_hash);
  EXPECT_EQ(sessions_of(u.id), 0);
  auto resolved = auth_->resolve_session(s1->token);
  ASSERT_FALSE(resolved.has_value());
  EXPECT_EQ(resolved.error().kind, ErrorKind::unauthorized);

  auto old_login = auth_->login("lan", kPassword, "10.0.0.1", "t");
  ASSERT_FALSE(old_login.has_value());
  EXPECT_EQ(old_login.error().code, "auth.bad_credentials");
  EXPECT_TRUE(auth_->login("lan", "new password 99", "10.0.0.1", "t").has_value());

  auto weak = users_->set_password(root_, "lan", "short");
  ASSERT_FALSE(weak.has_value());
  EXPECT_EQ(weak.error().kind, ErrorKind::validation);
  EXPECT_EQ(fields_of(weak.error()),
            (std::vector<std::pair<std::string, std::string>>{{"password", "password.too_short"}}));
  auto missing = users_->set_password(root_, "nobody", "good password 1");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST_F(UserServiceTest, EveryChangeIsAudited) {
  const long long start = audit_rows();
  EXPECT_EQ(start, 2);  // the two agencies of SetUp
  auto u = add("lan", "BDT", {"staff"});
  ASSERT_TRUE(users_->set_password(root_, "lan", "new password 99").has_value());
  ASSERT_TRUE(users_->set_active(root_, "lan", false).has_value());
  ASSERT_TRUE(users_->set_active(root_, "lan", true).has_value());
  EXPECT_EQ(audit_rows(), start + 4);
  expect_chain_ok();

  auto entries = db_->read([&](storage::Tx& tx) -> Result<std::vector<AuditEntry>> {
    return storage::audit_for(tx, "user_account", std::to_string(u.id));
  });
  ASSERT_TRUE(entries.has_value());
  std::vector<std::string> actions;
  for (const auto& e : *entries) {
    actions.push_back(e.action);
    EXPECT_EQ(e.actor, "cli:test");
    EXPECT_FALSE(e.actor_user_id.has_value());
    EXPECT_EQ(e.at, "2026-11-28T08:00:00Z");
    // Neither the password nor its hash ever goes into the log.
    EXPECT_EQ(e.after_json.find("mat khau"), std::string::npos);
    EXPECT_EQ(e.after_json.find("argon2"), std::string::npos);
    EXPECT_EQ(e.before_json.find("argon2"), std::string::npos);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"user.create", "user.password", "user.disable", "user.enable"}));
  ASSERT_EQ(entries->size(), 4u);
  EXPECT_NE((*entries)[0].after_json.find("\"lan\""), std::string::npos) << (*entries)[0].after_json;
  EXPECT_NE((*entries)[2].before_json.find("true"), std::string::npos);
  EXPECT_NE((*entries)[2].after_json.find("false"), std::string::npos);

  // A signed-in actor is recorded by login and id.
  auto admin = add("admin.bdt", "BDT", {"admin"});
  const Principal pa = principal_of(admin.id);
  ASSERT_TRUE(users_->set_active(pa, "lan", false).has_value());
  auto last = db_->read([&](storage::Tx& tx) -> Result<std::vector<AuditEntry>> {
    return storage::audit_for(tx, "user_account", std::to_string(u.id));
  });
  ASSERT_TRUE(last.has_value());
  ASSERT_FALSE(last->empty());
  EXPECT_EQ(last->back().actor, "admin.bdt");
  EXPECT_EQ(last->back().actor_user_id, admin.id);
  expect_chain_ok();
}

TEST_F(UserServiceTest, EnsureAgencyIsIdempotentAndValidates) {
  const long long before = audit_rows();
  auto again = users_->ensure_agency(root_, "BDT", "Another name");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->id, agency_a_.id);
  EXPECT_EQ(again->name, "Ban Dân tộc");
  EXPECT_EQ(audit_rows(), before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 2);

  auto cleaned = users_->ensure_agency(root_, "UBND", "  U\xCC\x89y ban\xE2\x80\x8B nhân dân ");
  ASSERT_TRUE(cleaned.has_value());
  EXPECT_EQ(cleaned->name, "Ủy ban nhân dân");
  EXPECT_EQ(text("SELECT name FROM agency WHERE code = 'UBND'"), "Ủy ban nhân dân");

  for (auto [code, name] : std::vector<std::pair<std::string, std::string>>{
           {"", "x"}, {"X", ""}, {std::string(21, 'X'), "x"}, {"BAD", "bad \xC3"}}) {
    auto r = users_->ensure_agency(root_, code, name);
    ASSERT_FALSE(r.has_value()) << code;
    EXPECT_EQ(r.error().kind, ErrorKind::validation) << code;
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 3);
}

TEST(OpenServices, MigratesAndBuildsWorkingServices) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  app::Config config;
  config.db = (*t)->url();
  config.db_pool = 2;
  config.max_parallel_hashes = 1;
  auto s = app::open_services(config, true);
  ASSERT_TRUE(s.has_value()) << s.error().code << " " << s.error().detail;
  ASSERT_TRUE(s->users && s->auth && s->db && s->catalogue);
  auto root = services::operator_principal("setup");
  ASSERT_TRUE(s->users->ensure_agency(root, "BDT", "Ban Dân tộc").has_value());
  services::NewUserInput in;
  in.login = "lan";
  in.display_name = "Lan";
  in.password = kPassword;
  in.agency_code = "BDT";
  in.roles = {"office"};
  ASSERT_TRUE(s->users->add_user(root, in).has_value());
  auto login = s->auth->login("lan", kPassword, "127.0.0.1", "t");
  ASSERT_TRUE(login.has_value()) << login.error().code;
  EXPECT_TRUE(s->auth->resolve_session(login->token).has_value());
  s->db->close();

  // Without migrate, a migrated database opens; the services see the same data.
  auto reopened = app::open_services(config, false);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().detail;
  EXPECT_EQ(reopened->users->count_admins().value_or(-1), 0);
  EXPECT_TRUE(reopened->users->get_user(root, "lan").has_value());
  reopened->db->close();
}

TEST(OpenServices, RefusesAnUnmigratedDatabaseWithoutMigrate) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  app::Config config;
  config.db = (*t)->url();
  config.db_pool = 1;
  auto s = app::open_services(config, false);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, "db.needs_migration");
}

}  // namespace
}  // namespace thidua::it
