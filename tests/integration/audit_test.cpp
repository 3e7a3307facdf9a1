#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/user_service.hpp"
#include "storage/audit_repo.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class AuditTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    root_ = services::operator_principal("test");
  }

  /// Five audited writes: rows 1..5.
  void write_five() {
    for (const char* code : {"A1", "A2", "A3", "A4"}) {
      ASSERT_TRUE(users_->ensure_agency(root_, code, std::string("Cơ quan ") + code).has_value());
      clock_.advance(std::chrono::seconds(1));
    }
    services::NewUserInput in;
    in.login = "lan";
    in.display_name = "Lan";
    in.password = "mat khau 2026";
    in.agency_code = "A1";
    in.roles = {"staff"};
    auto u = users_->add_user(root_, in);
    ASSERT_TRUE(u.has_value()) << u.error().code;
    ASSERT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), 5);
  }

  services::AuditReport verify() {
    auto r = services::verify_audit(*db_);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().detail);
    return r.value_or(services::AuditReport{0, false, -1, "verify failed"});
  }

  /// Rewrites row `id` with `actor` and a correctly recomputed hash (a careful forger).
  void forge(std::int64_t id, const std::string& actor) {
    auto r = db_->write([&](storage::Tx& tx) -> Result<bool> {
      AuditEntry target;
      storage::for_each_audit(tx, [&](const AuditEntry& e) {
        if (e.id == id) target = e;
      });
      if (target.id != id) return fail(ErrorKind::not_found, "no row");
      target.actor = actor;
      target.hash = services::sha256_hex(audit_payload(target));
      long long v = id;
      tx.sql() << "UPDATE audit_log SET actor = :a, hash = :h WHERE id = :id", soci::use(target.actor),
          soci::use(target.hash), soci::use(v);
      return true;
    });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  Principal root_;
};

TEST_F(AuditTest, EmptyLogVerifies) {
  auto r = verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.rows, 0);
}

TEST_F(AuditTest, IntactChainVerifies) {
  write_five();
  auto r = verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.rows, 5);
  EXPECT_EQ(r.first_bad_id, 0);
  // The chain is linked: ids 1..5, each prev_hash the hash before, the first at the genesis.
  EXPECT_EQ(text("SELECT prev_hash FROM audit_log WHERE id = 1"), kAuditGenesisHash);
  EXPECT_EQ(text("SELECT prev_hash FROM audit_log WHERE id = 3"), text("SELECT hash FROM audit_log WHERE id = 2"));
  EXPECT_EQ(text("SELECT last_hash FROM audit_head"), text("SELECT hash FROM audit_log WHERE id = 5"));
  EXPECT_EQ(scalar("SELECT last_id FROM audit_head"), 5);
}

TEST_F(AuditTest, EditedRowIsDetected) {
  write_five();
  exec("UPDATE audit_log SET actor = 'x' WHERE id = 2");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_id, 2);
  EXPECT_FALSE(r.problem.empty());
  EXPECT_EQ(r.rows, 5);
}

TEST_F(AuditTest, EditedPayloadIsDetected) {
  write_five();
  exec("UPDATE audit_log SET after_json = '{\"code\":\"ZZ\"}' WHERE id = 4");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_id, 4);
}

TEST_F(AuditTest, EditWithARecomputedHashBreaksTheNextLink) {
  write_five();
  forge(2, "someone else");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_id, 3);  // row 2 is self-consistent; row 3 no longer links to it
}

TEST_F(AuditTest, ForgedNewestRowIsCaughtByTheHead) {
  write_five();
  forge(5, "someone else");
  auto r = verify();
  EXPECT_FALSE(r.ok) << "a rewritten last row with a valid hash went unnoticed";
}

TEST_F(AuditTest, DeletedNewestRowIsDetected) {
  write_five();
  exec("DELETE FROM audit_log WHERE id = 5");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.rows, 4);
  EXPECT_FALSE(r.problem.empty());
}

TEST_F(AuditTest, DeletedMiddleRowIsDetected) {
  write_five();
  exec("DELETE FROM audit_log WHERE id = 2");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.first_bad_id == 2 || r.first_bad_id == 3) << r.first_bad_id;
  EXPECT_FALSE(r.problem.empty());
}

TEST_F(AuditTest, DeletedFirstRowIsDetected) {
  write_five();
  exec("DELETE FROM audit_log WHERE id = 1");
  auto r = verify();
  EXPECT_FALSE(r.ok);
}

TEST_F(AuditTest, RenumberedRowsAreDetected) {
  // Delete row 3 and shift 4, 5 down so that ids stay contiguous: the links still break.
  write_five();
  exec("DELETE FROM audit_log WHERE id = 3");
  exec("UPDATE audit_log SET id = 3 WHERE id = 4");
  exec("UPDATE audit_log SET id = 4 WHERE id = 5");
  auto r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_id, 3);
}

TEST_F(AuditTest, FailedWriteLeavesNoAuditRow) {
  write_five();
  // A forbidden or conflicting write must not leave an audit row behind.
  services::NewUserInput in;
  in.login = "lan";
  in.display_name = "Lan again";
  in.password = "mat khau 2026";
  in.agency_code = "A1";
  in.roles = {"staff"};
  ASSERT_FALSE(users_->add_user(root_, in).has_value());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), 5);
  EXPECT_TRUE(verify().ok);
}

TEST_F(AuditTest, ConcurrentWritersKeepOneChain) {
  // 8 threads, each creating 5 agencies through its own calls on a pool of 8 connections:
  // chain appends must be serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: the head row lock).
  auto wide = test_db_->open(8);
  ASSERT_TRUE(wide.has_value()) << wide.error().detail;
  auto users = std::make_shared<services::UserService>(*wide, hasher_);
  constexpr int kThreads = 8, kEach = 5;
  std::atomic<int> ready{0};
  std::vector<std::vector<std::string>> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int i = 0; i < kEach; ++i) {
        std::string code = "T" + std::to_string(t) + "N" + std::to_string(i);
        auto r = users->ensure_agency(root_, code, "Cơ quan " + code);
        if (!r) errors[t].push_back(code + ": " + r.error().code + " " + r.error().detail);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_TRUE(errors[t].empty()) << "thread " << t << ": " << errors[t].front();
  (*wide)->close();

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), kThreads * kEach);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), kThreads * kEach);
  EXPECT_EQ(scalar("SELECT COUNT(DISTINCT id) FROM audit_log"), kThreads * kEach);
  EXPECT_EQ(scalar("SELECT MAX(id) FROM audit_log"), kThreads * kEach);
  auto r = verify();
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.rows, kThreads * kEach);
}

}  // namespace
}  // namespace thidua::it
