#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/user_service.hpp"
#include "storage/backup.hpp"
#include "storage/migrate.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class BackupTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(1);
    users_ = std::make_shared<services::UserService>(db_, hasher_);
    root_ = services::operator_principal("test");
    for (int i = 0; i < 20; ++i) {
      auto code = "B" + std::to_string(i);
      ASSERT_TRUE(users_->ensure_agency(root_, code, "Cơ quan " + code).has_value());
    }
  }

  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  Principal root_;
};

TEST_F(BackupTest, RefusesToOverwrite) {
  const auto out = test_db_->scratch_path("existing.backup");
  std::ofstream(out) << "precious";
  auto r = storage::backup(db_->url(), out);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::conflict);
  EXPECT_EQ(r.error().code, "backup.exists");
  std::ifstream in(out);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "precious");
}

TEST_F(BackupTest, CopyWhileAnotherThreadWrites) {
  if (test_db_->is_postgres()) GTEST_SKIP() << "SQLite online backup; PostgreSQL backups are pg_dump archives";
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::atomic<int> failed{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load() && i < 2000; ++i) {
      auto code = "W" + std::to_string(i);
      if (users_->ensure_agency(root_, code, "Cơ quan " + code)) {
        ++written;
      } else {
        ++failed;
      }
    }
  });
  while (written.load() < 5 && failed.load() == 0) std::this_thread::yield();

  const auto out = test_db_->scratch_path("copy.db");
  auto r = storage::backup(db_->url(), out);
  stop = true;
  writer.join();
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(*r, out);
  EXPECT_EQ(failed.load(), 0);
  ASSERT_TRUE(std::filesystem::exists(out));

  // The copy opens on its own and is a consistent snapshot: complete schema, every row of
  // SetUp, and an audit chain that verifies with as many rows as agencies.
  auto copy = storage::Database::open("sqlite:" + out, 1);
  ASSERT_TRUE(copy.has_value()) << copy.error().detail;
  auto version = storage::schema_version(**copy);
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(*version, storage::latest_version());
  auto count = (*copy)->read([](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM agency", soci::into(n);
    return n;
  });
  ASSERT_TRUE(count.has_value());
  EXPECT_GE(*count, 20);
  EXPECT_LE(*count, 20 + written.load());
  auto chain = services::verify_audit(**copy);
  ASSERT_TRUE(chain.has_value());
  EXPECT_TRUE(chain->ok) << chain->problem;
  EXPECT_EQ(chain->rows, *count);
  (*copy)->close();

  // The source carries on unharmed.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM agency"), 20 + written.load());

  // A second backup to the same file is refused and leaves the first intact.
  auto again = storage::backup(db_->url(), out);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  auto reopened = storage::Database::open("sqlite:" + out, 1);
  ASSERT_TRUE(reopened.has_value());
  auto n2 = (*reopened)->read([](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM agency", soci::into(n);
    return n;
  });
  ASSERT_TRUE(n2.has_value());
  EXPECT_EQ(*n2, *count);
  (*reopened)->close();
}

TEST_F(BackupTest, PostgresqlBackupIsAPgDumpArchive) {
  if (!test_db_->is_postgres()) GTEST_SKIP() << "PostgreSQL only";
  const auto out = test_db_->scratch_path("thidua.dump");
  auto r = storage::backup(db_->url(), out);
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  std::ifstream in(out, std::ios::binary);
  std::string magic(5, '\0');
  in.read(magic.data(), 5);
  EXPECT_EQ(magic, "PGDMP");  // pg_dump's custom format
  EXPECT_GT(std::filesystem::file_size(out), 1000u);
  auto again = storage::backup(db_->url(), out);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, "backup.exists");
}

TEST_F(BackupTest, MissingSourceFailsWithoutLeavingAFile) {
  if (test_db_->is_postgres()) GTEST_SKIP() << "SQLite only";
  storage::DbUrl missing{storage::Dialect::sqlite, test_db_->scratch_path("no-such.db")};
  const auto out = test_db_->scratch_path("from-missing.db");
  auto r = storage::backup(missing, out);
  EXPECT_FALSE(r.has_value());
  EXPECT_FALSE(std::filesystem::exists(out) && std::filesystem::file_size(out) > 0);
}

}  // namespace
}  // namespace thidua::it
