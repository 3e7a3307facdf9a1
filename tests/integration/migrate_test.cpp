#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "storage/migrate.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

// Every table the migrations create, with the migration that creates it, read from the
// embedded migration files so that a new migration's tables are checked too.
struct TableAt {
  std::string name;
  int version;
};

std::vector<TableAt> migration_tables() {
  std::vector<TableAt> out;
  for (const auto& m : storage::migrations()) {
    for (const auto& stmt : storage::statements_for(m, storage::Dialect::sqlite)) {
      auto at = stmt.find("CREATE TABLE ");
      if (at == std::string::npos) continue;
      std::string rest = stmt.substr(at + 13);
      if (rest.rfind("IF NOT EXISTS ", 0) == 0) rest = rest.substr(14);
      auto end = rest.find_first_of(" (\n");
      out.push_back({rest.substr(0, end), m.version});
    }
  }
  return out;
}

long long count(storage::Database& db, const std::string& sql) {
  auto r = db.read([&](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << sql, soci::into(n);
    return n;
  });
  EXPECT_TRUE(r.has_value()) << sql << ": " << (r ? "" : r.error().detail);
  return r.value_or(-1);
}

/// True when `SELECT COUNT(*) FROM table` runs (the table exists).
bool table_exists(storage::Database& db, const std::string& table) {
  auto r = db.read([&](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  });
  return r.has_value();
}

void expect_complete_schema(storage::Database& db, const std::string& context) {
  for (const auto& t : migration_tables()) {
    EXPECT_GE(count(db, "SELECT COUNT(*) FROM " + t.name), 0) << context << ": " << t.name;
  }
  const int latest = storage::latest_version();
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_version"), latest) << context;
  EXPECT_EQ(count(db, "SELECT COUNT(DISTINCT version) FROM schema_version"), latest) << context;
  EXPECT_EQ(count(db, "SELECT MIN(version) FROM schema_version"), 1) << context;
  EXPECT_EQ(count(db, "SELECT MAX(version) FROM schema_version"), latest) << context;
  // The audit chain starts with exactly one head row at the genesis.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM audit_head"), 1) << context;
  EXPECT_EQ(count(db, "SELECT last_id FROM audit_head"), 0) << context;
}

TEST(Migrations, AreEmbeddedAndNumberedWithoutGaps) {
  auto all = storage::migrations();
  ASSERT_GE(all.size(), 2u);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i + 1)) << all[i].name;
    EXPECT_FALSE(all[i].name.empty());
    EXPECT_FALSE(all[i].sql.empty());
  }
  EXPECT_EQ(storage::latest_version(), all.back().version);
  EXPECT_EQ(all[0].name, "accounts");
}

TEST(Migrations, CreateTheAccountAndAuditTables) {
  std::vector<std::string> names;
  for (const auto& t : migration_tables()) names.push_back(t.name);
  for (const char* expected :
       {"agency", "user_account", "role_grant", "auth_session", "api_token", "audit_log", "audit_head"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
}

TEST(Migrations, StatementsHaveNoTokensLeft) {
  for (const auto& m : storage::migrations()) {
    for (auto dialect : {storage::Dialect::sqlite, storage::Dialect::postgres}) {
      auto stmts = storage::statements_for(m, dialect);
      EXPECT_FALSE(stmts.empty()) << m.name;
      for (const auto& s : stmts) {
        EXPECT_EQ(s.find('@'), std::string::npos) << m.name << ": " << s;
        EXPECT_EQ(s.find("--"), std::string::npos) << m.name << ": " << s;
        EXPECT_NE(s.back(), ';') << m.name;
      }
    }
  }
}

TEST(Migrate, FreshDatabaseReachesTheLatestVersion) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  auto db = (*t)->open();
  ASSERT_TRUE(db.has_value()) << db.error().detail;

  auto before = storage::schema_version(**db);
  ASSERT_TRUE(before.has_value()) << before.error().detail;
  EXPECT_EQ(*before, 0);
  for (const auto& t2 : migration_tables()) EXPECT_FALSE(table_exists(**db, t2.name)) << t2.name;

  auto v = storage::migrate(**db);
  ASSERT_TRUE(v.has_value()) << v.error().detail;
  EXPECT_EQ(*v, storage::latest_version());
  auto after = storage::schema_version(**db);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(*after, storage::latest_version());
  expect_complete_schema(**db, "fresh");
  (*db)->close();
}

TEST(Migrate, SecondRunIsANoOp) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  auto db = (*t)->open();
  ASSERT_TRUE(db.has_value()) << db.error().detail;
  ASSERT_TRUE(storage::migrate(**db).has_value());
  // Data written between the runs must survive the second run untouched.
  auto w = (*db)->write([](storage::Tx& tx) -> Result<bool> {
    tx.sql() << "INSERT INTO agency (code, name, created_at) VALUES ('BDT', 'Ban Dân tộc', '2026-11-28T08:00:00Z')";
    return true;
  });
  ASSERT_TRUE(w.has_value()) << w.error().detail;

  auto again = storage::migrate(**db);
  ASSERT_TRUE(again.has_value()) << again.error().detail;
  EXPECT_EQ(*again, storage::latest_version());
  expect_complete_schema(**db, "second run");
  EXPECT_EQ(count(**db, "SELECT COUNT(*) FROM agency"), 1);

  // A third, through a new pool (as a restarted server would).
  (*db)->close();
  auto db2 = (*t)->open(2);
  ASSERT_TRUE(db2.has_value());
  auto third = storage::migrate(**db2);
  ASSERT_TRUE(third.has_value()) << third.error().detail;
  EXPECT_EQ(*third, storage::latest_version());
  expect_complete_schema(**db2, "third run");
  EXPECT_EQ(count(**db2, "SELECT COUNT(*) FROM agency"), 1);
  (*db2)->close();
}

TEST(Migrate, UpgradesFromEveryEarlierVersion) {
  const int latest = storage::latest_version();
  ASSERT_GE(latest, 1);
  for (int v = 0; v < latest; ++v) {
    SCOPED_TRACE("from version " + std::to_string(v));
    auto t = TestDb::create();
    ASSERT_TRUE(t.has_value()) << t.error().detail;
    auto db = (*t)->open();
    ASSERT_TRUE(db.has_value()) << db.error().detail;

    auto partial = storage::migrate(**db, v);
    ASSERT_TRUE(partial.has_value()) << partial.error().detail;
    EXPECT_EQ(*partial, v);
    auto at = storage::schema_version(**db);
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(*at, v);
    EXPECT_EQ(count(**db, "SELECT COUNT(*) FROM schema_version"), v);
    // Exactly the tables of versions up to v exist.
    for (const auto& table : migration_tables()) {
      EXPECT_EQ(table_exists(**db, table.name), table.version <= v) << table.name;
    }
    // Data written at version v survives the upgrade (later migrations may copy or alter it).
    if (v >= 1) {
      auto w = (*db)->write([](storage::Tx& tx) -> Result<bool> {
        tx.sql() << "INSERT INTO agency (code, name, created_at) VALUES ('BDT', 'Ban Dân tộc', "
                    "'2026-11-28T08:00:00Z')";
        return true;
      });
      ASSERT_TRUE(w.has_value()) << w.error().detail;
    }

    auto full = storage::migrate(**db);
    ASSERT_TRUE(full.has_value()) << full.error().detail;
    EXPECT_EQ(*full, latest);
    expect_complete_schema(**db, "upgraded from " + std::to_string(v));
    EXPECT_EQ(count(**db, "SELECT COUNT(*) FROM agency"), v >= 1 ? 1 : 0);
    (*db)->close();
  }
}

TEST(Migrate, ConcurrentMigratorsBothSucceed) {
  // Two servers started at once against a new database (migrate.hpp: "another process may
  // have migrated meanwhile"): both must end at the latest version, neither may fail.
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    auto t = TestDb::create();
    ASSERT_TRUE(t.has_value()) << t.error().detail;
    auto a = (*t)->open(1);
    auto b = (*t)->open(1);
    ASSERT_TRUE(a.has_value() && b.has_value());
    std::atomic<int> ready{0};
    Result<int> ra = 0, rb = 0;
    std::thread ta([&] {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      ra = storage::migrate(**a);
    });
    std::thread tb([&] {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      rb = storage::migrate(**b);
    });
    ta.join();
    tb.join();
    ASSERT_TRUE(ra.has_value()) << ra.error().code << ": " << ra.error().detail;
    ASSERT_TRUE(rb.has_value()) << rb.error().code << ": " << rb.error().detail;
    EXPECT_EQ(*ra, storage::latest_version());
    EXPECT_EQ(*rb, storage::latest_version());
    expect_complete_schema(**a, "after concurrent migration");
    (*a)->close();
    (*b)->close();
  }
}

TEST(Migrate, TargetBelowTheCurrentVersionChangesNothing) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  auto db = (*t)->open();
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(storage::migrate(**db).has_value());
  auto r = storage::migrate(**db, 1);
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(*r, storage::latest_version());  // migrations never go down
  expect_complete_schema(**db, "after target 1");
  (*db)->close();
}

}  // namespace
}  // namespace thidua::it
