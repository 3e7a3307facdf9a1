#include <gtest/gtest.h>
#include <soci/soci.h>

#include <stdexcept>
#include <string>

#include "domain/account.hpp"
#include "storage/account_repo.hpp"
#include "storage/database.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

constexpr const char* kAt = "2026-11-28T08:00:00Z";

class TransactionTest : public DbTest {
 protected:
  long long agencies() { return scalar("SELECT COUNT(*) FROM agency"); }
};

TEST_F(TransactionTest, CommitsWhenTheBodySucceeds) {
  auto r = db_->write([](storage::Tx& tx) -> Result<std::int64_t> {
    return storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
  });
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_GT(*r, 0);
  EXPECT_EQ(agencies(), 1);
  auto found = db_->read([](storage::Tx& tx) -> Result<std::optional<Agency>> {
    return storage::find_agency_by_code(tx, "BDT");
  });
  ASSERT_TRUE(found.has_value());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, *r);
  EXPECT_EQ((*found)->name, "Ban Dân tộc");
}

TEST_F(TransactionTest, ReturnedErrorRollsBack) {
  auto r = db_->write([](storage::Tx& tx) -> Result<std::int64_t> {
    storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
    return fail(Error{ErrorKind::validation, "test.rejected", {{"why", "because"}}, {{"name", "x"}}, "detail"});
  });
  ASSERT_FALSE(r.has_value());
  // The body's own error comes back unchanged.
  EXPECT_EQ(r.error().kind, ErrorKind::validation);
  EXPECT_EQ(r.error().code, "test.rejected");
  ASSERT_EQ(r.error().params.size(), 1u);
  EXPECT_EQ(r.error().params[0].second, "because");
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(agencies(), 0);
}

TEST_F(TransactionTest, ReturnedErrorForVoidResultRollsBack) {
  auto r = db_->write([](storage::Tx& tx) -> Result<void> {
    storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
    return fail(ErrorKind::conflict, "test.stop");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "test.stop");
  EXPECT_EQ(agencies(), 0);
}

TEST_F(TransactionTest, ExceptionRollsBack) {
  auto r = db_->write([](storage::Tx& tx) -> Result<bool> {
    storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
    storage::insert_agency(tx, "SYT", "Sở Y tế", kAt);
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::internal);
  EXPECT_NE(r.error().detail.find("boom"), std::string::npos) << r.error().detail;
  EXPECT_EQ(agencies(), 0);
  // The connection went back to the pool in a usable state.
  auto after = db_->write([](storage::Tx& tx) -> Result<std::int64_t> {
    return storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
  });
  ASSERT_TRUE(after.has_value()) << after.error().detail;
  EXPECT_EQ(agencies(), 1);
}

TEST_F(TransactionTest, SqlErrorRollsBackEarlierStatements) {
  auto r = db_->write([](storage::Tx& tx) -> Result<bool> {
    storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
    tx.sql() << "INSERT INTO no_such_table (x) VALUES (1)";
    return true;
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::internal);
  EXPECT_EQ(agencies(), 0);
}

TEST_F(TransactionTest, DuplicateInsertIsAConflict) {
  auto first = db_->write([](storage::Tx& tx) -> Result<std::int64_t> {
    return storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
  });
  ASSERT_TRUE(first.has_value());
  auto dup = db_->write([](storage::Tx& tx) -> Result<std::int64_t> {
    storage::insert_agency(tx, "SYT", "Sở Y tế", kAt);  // rolled back with the failure below
    return storage::insert_agency(tx, "BDT", "Khác", kAt);
  });
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  EXPECT_EQ(dup.error().code, "db.duplicate");
  EXPECT_EQ(agencies(), 1);
  EXPECT_EQ(text("SELECT name FROM agency WHERE code = 'BDT'"), "Ban Dân tộc");
}

TEST_F(TransactionTest, DuplicateLoginIsAConflict) {
  User u;
  u.login = "lan";
  u.display_name = "Lan";
  u.password_hash = "x";
  u.created_at = u.updated_at = kAt;
  auto insert = [&](storage::Tx& tx) -> Result<std::int64_t> { return storage::insert_user(tx, u); };
  ASSERT_TRUE(db_->write(insert).has_value());
  auto dup = db_->write(insert);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  EXPECT_EQ(dup.error().code, "db.duplicate");
}

TEST_F(TransactionTest, StaleVersionDoesNotUpdate) {
  User u;
  u.login = "lan";
  u.display_name = "Lan";
  u.password_hash = "hash-1";
  u.created_at = u.updated_at = kAt;
  auto id = db_->write([&](storage::Tx& tx) -> Result<std::int64_t> { return storage::insert_user(tx, u); });
  ASSERT_TRUE(id.has_value());
  auto loaded = db_->read([&](storage::Tx& tx) -> Result<std::optional<User>> { return storage::find_user(tx, *id); });
  ASSERT_TRUE(loaded.has_value() && loaded->has_value());
  const User seen = **loaded;  // what two editors both read
  EXPECT_EQ(seen.version, 1);

  auto first = db_->write([&](storage::Tx& tx) -> Result<bool> {
    return storage::update_password(tx, seen, "hash-2", "2026-11-28T09:00:00Z");
  });
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(*first);

  auto stale = db_->write([&](storage::Tx& tx) -> Result<bool> {
    return storage::update_password(tx, seen, "hash-3", "2026-11-28T09:01:00Z");
  });
  ASSERT_TRUE(stale.has_value());
  EXPECT_FALSE(*stale);
  EXPECT_EQ(text("SELECT password_hash FROM user_account WHERE login = 'lan'"), "hash-2");
  EXPECT_EQ(scalar("SELECT version FROM user_account WHERE login = 'lan'"), 2);
  EXPECT_EQ(text("SELECT updated_at FROM user_account WHERE login = 'lan'"), "2026-11-28T09:00:00Z");

  auto stale_status = db_->write([&](storage::Tx& tx) -> Result<bool> {
    return storage::update_status(tx, seen, false, "2026-11-28T09:02:00Z");
  });
  ASSERT_TRUE(stale_status.has_value());
  EXPECT_FALSE(*stale_status);
  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'lan'"), "active");

  // With the current version the update goes through.
  auto fresh = db_->read([&](storage::Tx& tx) -> Result<std::optional<User>> { return storage::find_user(tx, *id); });
  ASSERT_TRUE(fresh.has_value() && fresh->has_value());
  EXPECT_EQ((*fresh)->version, 2);
  auto ok = db_->write([&](storage::Tx& tx) -> Result<bool> {
    return storage::update_status(tx, **fresh, false, "2026-11-28T09:03:00Z");
  });
  ASSERT_TRUE(ok.has_value());
  EXPECT_TRUE(*ok);
  EXPECT_EQ(text("SELECT status FROM user_account WHERE login = 'lan'"), "disabled");
}

TEST_F(TransactionTest, ReadTransactionsCannotWrite) {
  auto r = db_->read([](storage::Tx& tx) -> Result<std::int64_t> {
    return storage::insert_agency(tx, "BDT", "Ban Dân tộc", kAt);
  });
  // Both refuse: PostgreSQL's READ ONLY transaction, SQLite's query_only reading connection.
  EXPECT_FALSE(r.has_value());
  EXPECT_EQ(agencies(), 0) << "a read transaction committed a write";
}

// A statement kept prepared on a connection must not keep the snapshot of the transaction it
// last ran in: each read sees every write committed before it began, on every connection.
TEST_F(TransactionTest, CachedStatementsSeeLaterCommits) {
  auto db = test_db_->open(1);  // one reading connection: every read reuses its statements
  ASSERT_TRUE(db.has_value());
  auto count = [&] {
    return (*db)->read([](storage::Tx& tx) -> Result<long long> {
      long long n = -1;
      auto st = tx.prepared("SELECT CAST(COUNT(*) AS BIGINT) FROM agency WHERE code <> :c");
      std::string c = "none";
      st->exchange(soci::into(n));
      st->exchange(soci::use(c));
      st->define_and_bind();
      st->execute(true);
      return n;
    });
  };
  for (int i = 1; i <= 3; ++i) {
    auto w = (*db)->write([&](storage::Tx& tx) -> Result<std::int64_t> {
      return storage::insert_agency(tx, "A" + std::to_string(i), "Cơ quan " + std::to_string(i), kAt);
    });
    ASSERT_TRUE(w.has_value()) << w.error().detail;
    auto n = count();
    ASSERT_TRUE(n.has_value()) << n.error().detail;
    EXPECT_EQ(*n, i) << "a read after commit " << i << " saw an older snapshot";
  }
}

// A statement whose run failed is dropped from the cache; the next use prepares it afresh.
TEST_F(TransactionTest, CachedStatementFailureDoesNotPoisonTheConnection) {
  auto db = test_db_->open(1);
  ASSERT_TRUE(db.has_value());
  auto insert = [&](const std::string& code) {
    return (*db)->write([&](storage::Tx& tx) -> Result<bool> {
      auto st = tx.prepared("INSERT INTO agency (code, name, created_at) VALUES (:c, :n, :a)");
      std::string name = "Cơ quan", at = kAt, c = code;
      st->exchange(soci::use(c));
      st->exchange(soci::use(name));
      st->exchange(soci::use(at));
      st->define_and_bind();
      st->execute(true);
      return true;
    });
  };
  ASSERT_TRUE(insert("X1").has_value());
  auto dup = insert("X1");
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  ASSERT_TRUE(insert("X2").has_value());
  EXPECT_EQ(agencies(), 2);
}

TEST_F(TransactionTest, ClosedDatabaseFails) {
  auto db = test_db_->open(1);
  ASSERT_TRUE(db.has_value());
  (*db)->close();
  auto r = (*db)->write([](storage::Tx&) -> Result<bool> { return true; });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "db.closed");
}

TEST(DatabaseOpen, AcceptsAPlainPostgresqlUrl) {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  if (!(*t)->is_postgres()) GTEST_SKIP() << "PostgreSQL URLs only";
  // The form an operator writes in thidua.toml: no query string.
  const std::string url = (*t)->cluster_url();
  ASSERT_EQ(url.find('?'), std::string::npos) << url;
  auto db = storage::Database::open(url, 1);
  ASSERT_TRUE(db.has_value()) << url << ": " << db.error().detail;
  auto one = (*db)->read([](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << "SELECT 1", soci::into(n);
    return n;
  });
  ASSERT_TRUE(one.has_value()) << one.error().detail;
  EXPECT_EQ(*one, 1);
  (*db)->close();
}

TEST(DbUrl, ParsesBothDialects) {
  auto s = storage::parse_db_url("sqlite:data/thidua.db");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->dialect, storage::Dialect::sqlite);
  EXPECT_EQ(s->target, "data/thidua.db");
  auto s2 = storage::parse_db_url("sqlite:///var/lib/thidua.db");
  ASSERT_TRUE(s2.has_value());
  EXPECT_EQ(s2->target, "/var/lib/thidua.db");
  auto p = storage::parse_db_url("postgresql://u@h:5432/db");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->dialect, storage::Dialect::postgres);
  EXPECT_EQ(p->target, "postgresql://u@h:5432/db");
  EXPECT_TRUE(storage::parse_db_url("postgres://u@h/db").has_value());
  auto bad = storage::parse_db_url("mysql://x");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, "db.bad_url");
  EXPECT_FALSE(storage::Database::open("oracle:x", 1).has_value());
}

}  // namespace
}  // namespace thidua::it
