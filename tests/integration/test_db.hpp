#pragma once
/// The database an integration test runs against, chosen by the environment:
///
///   THIDUA_TEST_DB=sqlite (default)  a fresh SQLite file in its own temporary directory
///   THIDUA_TEST_DB=postgres          a fresh schema in the cluster whose URL is in the file
///                                    $THIDUA_TEST_PG_STATE/url (tests/pg/pg-start.sh writes it)
///
/// On PostgreSQL every test gets its own schema `t_<random>`; the code under test receives
/// the cluster URL with `options=-csearch_path=t_<random>` so every pooled connection works
/// inside that schema. The schema (or the SQLite directory) is removed afterwards.

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "storage/database.hpp"

namespace thidua::it {

class TestDb {
 public:
  /// A new empty database. Fails (never skips) when THIDUA_TEST_DB=postgres and there is no
  /// cluster URL to use, so a broken PostgreSQL set-up cannot pass as green.
  static Result<std::unique_ptr<TestDb>> create();
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  /// The URL to hand to Database::open or Config::db.
  const std::string& url() const { return url_; }
  storage::Dialect dialect() const { return dialect_; }
  bool is_postgres() const { return dialect_ == storage::Dialect::postgres; }
  /// "sqlite" or "postgres"
  static std::string kind();
  /// postgres: the cluster URL exactly as pg-start.sh wrote it (no schema option); empty on SQLite.
  const std::string& cluster_url() const { return admin_url_; }

  /// Opens a pool over this database (not migrated).
  Result<std::shared_ptr<storage::Database>> open(std::size_t pool_size = 4) const;
  /// A path in a scratch directory removed with the database (for backups).
  std::string scratch_path(const std::string& name) const;

 private:
  TestDb() = default;
  storage::Dialect dialect_ = storage::Dialect::sqlite;
  std::string url_;
  std::string dir_;          ///< the scratch directory (SQLite file lives here too)
  std::string admin_url_;    ///< postgres: the cluster URL without the schema option
  std::string schema_;       ///< postgres: t_<random>
};

/// A fixture with a migrated database: `db_` (pool of 4) over `test_db_`.
class DbTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// The single BIGINT/INTEGER the query returns (e.g. "SELECT COUNT(*) FROM agency").
  long long scalar(const std::string& sql);
  /// The single text value the query returns.
  std::string text(const std::string& sql);
  /// Runs a statement in its own write transaction.
  void exec(const std::string& sql);

  std::unique_ptr<TestDb> test_db_;
  std::shared_ptr<storage::Database> db_;
};

/// A clock the test moves by hand; every copy of clock() reads the same instant.
class ManualClock {
 public:
  explicit ManualClock(TimePoint start = std::chrono::system_clock::from_time_t(1795852800))  // 2026-11-28T08:00Z
      : now_(std::make_shared<TimePoint>(start)) {}
  Clock clock() const {
    auto now = now_;
    return [now] { return *now; };
  }
  TimePoint now() const { return *now_; }
  void advance(std::chrono::seconds d) { *now_ += d; }

 private:
  std::shared_ptr<TimePoint> now_;
};

}  // namespace thidua::it
