#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPassword = "mat khau 2026";

class AuthServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    config_.idle_timeout = 30min;
    config_.absolute_timeout = 2h;
    config_.max_failures_per_login = 5;
    config_.max_failures_per_address = 20;
    config_.failure_window = 15min;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    auth_ = std::make_shared<services::AuthService>(db_, hasher_, config_, clock_.clock());
    root_ = services::operator_principal("test");
    ASSERT_TRUE(users_->ensure_agency(root_, "BDT", "Ban Dân tộc").has_value());
    lan_ = add("lan", {"staff"});
    hoa_ = add("hoa", {"office"});
  }

  std::int64_t add(const std::string& login, std::vector<std::string> roles) {
    services::NewUserInput in;
    in.login = login;
    in.display_name = "Người dùng " + login;
    in.password = kPassword;
    in.agency_code = "BDT";
    in.roles = std::move(roles);
    auto r = users_->add_user(root_, in);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().code);
    return r ? r->id : 0;
  }

  services::LoginResult login_ok(const std::string& login = "lan", const std::string& addr = "10.0.0.1") {
    auto r = auth_->login(login, kPassword, addr, "Mozilla/5.0 test");
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().code);
    return r.value_or(services::LoginResult{});
  }

  static void expect_error(const Result<services::SessionContext>& r, ErrorKind kind, const std::string& code) {
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().kind, kind);
    EXPECT_EQ(r.error().code, code);
  }

  ManualClock clock_;
  services::AuthConfig config_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::AuthService> auth_;
  Principal root_;
  std::int64_t lan_ = 0, hoa_ = 0;
};

TEST_F(AuthServiceTest, LoginReturnsTokenAndCsrf) {
  auto r = auth_->login("lan", kPassword, "10.0.0.1", "Mozilla/5.0 test");
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_GE(r->token.size(), 43u);  // 256 bits in base64url
  EXPECT_GE(r->csrf_token.size(), 43u);
  EXPECT_NE(r->token, r->csrf_token);
  EXPECT_EQ(r->principal.user_id, lan_);
  EXPECT_EQ(r->principal.login, "lan");
  EXPECT_EQ(r->principal.display_name, "Người dùng lan");
  EXPECT_EQ(r->principal.agency_name, "Ban Dân tộc");
  ASSERT_EQ(r->principal.grants.size(), 1u);
  EXPECT_EQ(r->principal.grants[0].role, Role::staff);

  auto again = login_ok();
  EXPECT_NE(again.token, r->token);  // a new session each time
  EXPECT_NE(again.csrf_token, r->csrf_token);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session WHERE user_id = " + std::to_string(lan_)), 2);
  EXPECT_EQ(text("SELECT remote_addr FROM auth_session WHERE user_id = " + std::to_string(lan_) + " ORDER BY id"),
            "10.0.0.1");
  EXPECT_EQ(text("SELECT expires_at FROM auth_session WHERE user_id = " + std::to_string(lan_) + " ORDER BY id"),
            "2026-11-28T10:00:00Z");
}

TEST_F(AuthServiceTest, ResolveSessionReturnsTheUser) {
  auto s = login_ok();
  auto ctx = auth_->resolve_session(s.token);
  ASSERT_TRUE(ctx.has_value()) << ctx.error().code;
  EXPECT_GT(ctx->session_id, 0);
  EXPECT_EQ(ctx->csrf_token, s.csrf_token);
  EXPECT_EQ(ctx->principal.user_id, lan_);
  EXPECT_EQ(ctx->principal.login, "lan");

  expect_error(auth_->resolve_session(""), ErrorKind::unauthorized, "auth.required");
  expect_error(auth_->resolve_session(std::string(500, 'a')), ErrorKind::unauthorized, "auth.required");
  expect_error(auth_->resolve_session(s.csrf_token), ErrorKind::unauthorized, "auth.session_expired");
  expect_error(auth_->resolve_session(s.token + "x"), ErrorKind::unauthorized, "auth.session_expired");
}

TEST_F(AuthServiceTest, WrongPasswordIsBadCredentials) {
  auto r = auth_->login("lan", "wrong password 1", "10.0.0.1", "t");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(r.error().code, "auth.bad_credentials");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session"), 0);
}

TEST_F(AuthServiceTest, UnknownLoginIsTheSameError) {
  for (const std::string& login : {std::string("nobody"), std::string("x"), std::string(100, 'a')}) {
    auto r = auth_->login(login, kPassword, "10.0.0.1", "t");
    ASSERT_FALSE(r.has_value()) << login;
    EXPECT_EQ(r.error().kind, ErrorKind::unauthorized) << login;
    EXPECT_EQ(r.error().code, "auth.bad_credentials") << login;
  }
}

TEST_F(AuthServiceTest, MissingCredentialsAreValidationErrors) {
  auto r = auth_->login("", "", "10.0.0.1", "t");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::validation);
  EXPECT_EQ(r.error().code, "auth.missing_credentials");
  EXPECT_EQ(r.error().fields.size(), 2u);
}

TEST_F(AuthServiceTest, LoginIgnoresCase) {
  auto r = auth_->login("LaN", kPassword, "10.0.0.1", "t");
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_EQ(r->principal.login, "lan");
}

TEST_F(AuthServiceTest, FiveFailuresBlockTheSixthAttemptEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->login("lan", "wrong password " + std::to_string(i), "10.0.0.1", "t");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "auth.bad_credentials") << i;
    clock_.advance(10s);
  }
  auto blocked = auth_->login("lan", kPassword, "10.0.0.1", "t");
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().kind, ErrorKind::rate_limited);
  EXPECT_EQ(blocked.error().code, "auth.throttled");
  ASSERT_EQ(blocked.error().params.size(), 1u);
  EXPECT_EQ(blocked.error().params[0].first, "minutes");
  EXPECT_EQ(blocked.error().params[0].second, "15");
  // From another address too: the limit is per account.
  auto elsewhere = auth_->login("LAN", kPassword, "10.9.9.9", "t");
  ASSERT_FALSE(elsewhere.has_value());
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::rate_limited);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session"), 0);

  // Other accounts are not affected.
  EXPECT_TRUE(auth_->login("hoa", kPassword, "10.0.0.1", "t").has_value());

  // Once the window has passed since the first failures, the right password works again.
  clock_.advance(15min);
  auto later = auth_->login("lan", kPassword, "10.0.0.1", "t");
  ASSERT_TRUE(later.has_value()) << later.error().code;
}

TEST_F(AuthServiceTest, ConcurrentGuessesCannotExceedTheLimit) {
  // 20 wrong passwords for one account sent at the same moment (from 20 addresses): the
  // account limit is 5 per window, so at most 5 may be checked; the rest must be refused
  // as rate_limited, not verified.
  constexpr int kGuesses = 20;
  std::atomic<int> ready{0}, checked{0}, limited{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kGuesses; ++i) {
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < kGuesses) std::this_thread::yield();
      auto r = auth_->login("lan", "guess number " + std::to_string(i), "10.1.0." + std::to_string(i), "t");
      if (!r && r.error().code == "auth.bad_credentials") {
        ++checked;
      } else if (!r && r.error().kind == ErrorKind::rate_limited) {
        ++limited;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(checked.load() + limited.load(), kGuesses);
  EXPECT_LE(checked.load(), 5) << checked.load() << " guesses were verified against the password";
  // Whatever happened, the right password is refused now.
  auto r = auth_->login("lan", kPassword, "10.2.0.1", "t");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::rate_limited);
}

TEST_F(AuthServiceTest, FailuresOfUnknownLoginsAreThrottledToo) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth_->login("ghost", kPassword, "10.0.0.1", "t");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "auth.bad_credentials");
  }
  auto r = auth_->login("ghost", kPassword, "10.0.0.1", "t");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::rate_limited);
}

TEST_F(AuthServiceTest, ManyFailuresFromOneAddressBlockThatAddress) {
  for (int i = 0; i < 20; ++i) {
    auto r = auth_->login("spray" + std::to_string(i), kPassword, "192.0.2.7", "t");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "auth.bad_credentials") << i;
  }
  auto blocked = auth_->login("lan", kPassword, "192.0.2.7", "t");
  ASSERT_FALSE(blocked.has_value());
  EXPECT_EQ(blocked.error().kind, ErrorKind::rate_limited);
  EXPECT_TRUE(auth_->login("lan", kPassword, "192.0.2.8", "t").has_value());
}

TEST_F(AuthServiceTest, SuccessResetsTheAccountsFailures) {
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(auth_->login("lan", "wrong password 1", "10.0.0.1", "t").has_value());
  ASSERT_TRUE(auth_->login("lan", kPassword, "10.0.0.1", "t").has_value());
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(auth_->login("lan", "wrong password 1", "10.0.0.1", "t").has_value());
  EXPECT_TRUE(auth_->login("lan", kPassword, "10.0.0.1", "t").has_value());
}

TEST_F(AuthServiceTest, IdleSessionExpires) {
  auto s = login_ok();
  clock_.advance(30min - 1s);
  ASSERT_TRUE(auth_->resolve_session(s.token).has_value());

  auto s2 = login_ok();
  clock_.advance(30min + 1s);
  expect_error(auth_->resolve_session(s2.token), ErrorKind::unauthorized, "auth.session_expired");
}

TEST_F(AuthServiceTest, UseKeepsASessionAliveUntilIdle) {
  auto s = login_ok();
  clock_.advance(25min);
  ASSERT_TRUE(auth_->resolve_session(s.token).has_value());
  clock_.advance(25min);  // 50 minutes after login, 25 after the last use
  ASSERT_TRUE(auth_->resolve_session(s.token).has_value());
  EXPECT_EQ(text("SELECT last_seen_at FROM auth_session"), "2026-11-28T08:50:00Z");
  clock_.advance(30min);
  expect_error(auth_->resolve_session(s.token), ErrorKind::unauthorized, "auth.session_expired");
}

TEST_F(AuthServiceTest, AbsoluteTimeoutEndsEvenABusySession) {
  auto s = login_ok();
  int used = 0;
  // Used every 20 minutes (well within the 30-minute idle limit) for the 2-hour lifetime.
  for (auto elapsed = 20min; elapsed < 2h; elapsed += 20min) {
    clock_.advance(20min);
    ASSERT_TRUE(auth_->resolve_session(s.token).has_value()) << "after " << elapsed.count() << " min";
    ++used;
  }
  EXPECT_EQ(used, 5);
  clock_.advance(20min);  // exactly 2 hours after login
  expect_error(auth_->resolve_session(s.token), ErrorKind::unauthorized, "auth.session_expired");
}

TEST_F(AuthServiceTest, LogoutEndsTheSession) {
  auto s = login_ok();
  auto other = login_ok();
  ASSERT_TRUE(auth_->logout(s.token).has_value());
  expect_error(auth_->resolve_session(s.token), ErrorKind::unauthorized, "auth.session_expired");
  EXPECT_TRUE(auth_->resolve_session(other.token).has_value());  // only that session ends
  EXPECT_TRUE(auth_->logout(s.token).has_value());                // twice is fine
  EXPECT_TRUE(auth_->logout("never-issued").has_value());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.logout'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login'"), 2);
}

TEST_F(AuthServiceTest, PurgeDeletesExpiredSessions) {
  auto old_session = login_ok();
  clock_.advance(40min);
  auto fresh = login_ok();
  ASSERT_TRUE(auth_->purge_expired().has_value());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session"), 1);
  EXPECT_TRUE(auth_->resolve_session(fresh.token).has_value());
  (void)old_session;
}

TEST_F(AuthServiceTest, ApiTokenCreateAndResolve) {
  auto token = auth_->create_api_token(root_, "hoa", "ci");
  ASSERT_TRUE(token.has_value()) << token.error().code;
  EXPECT_GE(token->size(), 43u);
  auto p = auth_->resolve_api_token(*token);
  ASSERT_TRUE(p.has_value()) << p.error().code;
  EXPECT_EQ(p->user_id, hoa_);
  EXPECT_EQ(p->login, "hoa");
  ASSERT_EQ(p->grants.size(), 1u);
  EXPECT_EQ(p->grants[0].role, Role::office);

  auto bad = auth_->resolve_api_token(*token + "x");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::unauthorized);
  EXPECT_EQ(bad.error().code, "auth.bad_token");
  auto empty = auth_->resolve_api_token("");
  ASSERT_FALSE(empty.has_value());
  EXPECT_EQ(empty.error().kind, ErrorKind::unauthorized);
  // A session token is not an API token.
  auto session = login_ok("hoa");
  EXPECT_FALSE(auth_->resolve_api_token(session.token).has_value());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'api_token.create'"), 1);
}

TEST_F(AuthServiceTest, ApiTokenOnlyForYourselfUnlessAdmin) {
  auto lan = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, lan_); });
  ASSERT_TRUE(lan.has_value());
  auto for_other = auth_->create_api_token(*lan, "hoa", "mine now");
  ASSERT_FALSE(for_other.has_value());
  EXPECT_EQ(for_other.error().kind, ErrorKind::forbidden);
  auto for_self = auth_->create_api_token(*lan, "lan", "laptop");
  ASSERT_TRUE(for_self.has_value()) << for_self.error().code;
  EXPECT_EQ(auth_->resolve_api_token(*for_self).value_or(Principal{}).user_id, lan_);

  auto unknown = auth_->create_api_token(root_, "nobody", "x");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto unnamed = auth_->create_api_token(root_, "hoa", "");
  ASSERT_FALSE(unnamed.has_value());
  EXPECT_EQ(unnamed.error().kind, ErrorKind::validation);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM api_token"), 1);
}

TEST_F(AuthServiceTest, TokensOfADisabledUserStopWorking) {
  auto token = auth_->create_api_token(root_, "hoa", "ci");
  ASSERT_TRUE(token.has_value());
  auto session = login_ok("hoa");
  ASSERT_TRUE(users_->set_active(root_, "hoa", false).has_value());

  auto api = auth_->resolve_api_token(*token);
  ASSERT_FALSE(api.has_value());
  EXPECT_EQ(api.error().kind, ErrorKind::unauthorized);
  auto s = auth_->resolve_session(session.token);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::unauthorized);

}

TEST_F(AuthServiceTest, DatabaseNeverHoldsRawTokens) {
  auto s = login_ok();
  auto api = auth_->create_api_token(root_, "lan", "ci");
  ASSERT_TRUE(api.has_value());

  const std::string stored = text("SELECT token_hash FROM auth_session");
  EXPECT_NE(stored, s.token);
  EXPECT_EQ(stored, services::sha256_hex(s.token));
  EXPECT_EQ(stored.size(), 64u);
  const std::string stored_api = text("SELECT token_hash FROM api_token");
  EXPECT_NE(stored_api, *api);
  EXPECT_EQ(stored_api, services::sha256_hex(*api));

  // Nowhere else either: not in any session column, not in the audit log.
  for (const std::string& raw : {s.token, *api}) {
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM auth_session WHERE token_hash = '" + raw + "' OR csrf_token = '" + raw +
                     "' OR user_agent = '" + raw + "'"),
              0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%" + raw + "%' OR before_json LIKE '%" +
                     raw + "%' OR entity_id = '" + raw + "'"),
              0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM api_token WHERE name = '" + raw + "'"), 0);
  }
}

TEST_F(AuthServiceTest, SignInsAndOutsAreAuditedInAnIntactChain) {
  auto s = login_ok();
  ASSERT_TRUE(auth_->logout(s.token).has_value());
  auto r = services::verify_audit(*db_);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->ok) << r->problem;
  EXPECT_EQ(r->rows, scalar("SELECT COUNT(*) FROM audit_log"));
  EXPECT_EQ(text("SELECT actor FROM audit_log WHERE action = 'auth.login'"), "lan");
  EXPECT_EQ(scalar("SELECT actor_user_id FROM audit_log WHERE action = 'auth.logout'"), lan_);
}

TEST_F(AuthServiceTest, LanguageIsRemembered) {
  auto lan = db_->read([&](storage::Tx& tx) { return services::load_principal(tx, lan_); });
  ASSERT_TRUE(lan.has_value());
  ASSERT_TRUE(auth_->set_language(*lan, "en").has_value());
  EXPECT_EQ(text("SELECT lang FROM user_account WHERE login = 'lan'"), "en");
  auto bad = auth_->set_language(*lan, "fr");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().kind, ErrorKind::validation);
  EXPECT_EQ(text("SELECT lang FROM user_account WHERE login = 'lan'"), "en");
}

}  // namespace
}  // namespace thidua::it
