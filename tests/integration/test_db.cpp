#include "test_db.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "storage/migrate.hpp"

namespace thidua::it {

namespace {

Error setup_error(std::string detail) { return Error{ErrorKind::internal, "test.setup", {}, {}, std::move(detail)}; }

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::string(fallback);
}

std::string random_suffix() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<std::uint64_t>(rd()) << 32) ^ rd());
  static const char* kHex = "0123456789abcdef";
  std::string s;
  auto v = gen();
  for (int i = 0; i < 16; ++i, v >>= 4) s += kHex[v & 0xF];
  return s;
}

std::string with_param(const std::string& url, const std::string& param) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + param;
}

/// The fixture's own connection. SOCI 4.0's PostgreSQL factory reads its connect string as
/// key=value pairs and appends '=' to a URI that has none ("…/thidua_test" becomes
/// "…/thidua_test="), so the URI always carries a parameter here.
std::string soci_safe(const std::string& url) { return with_param(url, "connect_timeout=10"); }

std::string make_scratch_dir() {
  auto tmpl = (std::filesystem::temp_directory_path() / "thidua-it-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return {};
  return tmpl;
}

}  // namespace

std::string TestDb::kind() { return env_or("THIDUA_TEST_DB", "sqlite"); }

Result<std::unique_ptr<TestDb>> TestDb::create() {
  std::unique_ptr<TestDb> db(new TestDb());
  db->dir_ = make_scratch_dir();
  if (db->dir_.empty()) return fail(setup_error("cannot create a temporary directory"));

  const std::string kind = TestDb::kind();
  if (kind == "sqlite") {
    db->dialect_ = storage::Dialect::sqlite;
    db->url_ = "sqlite:" + db->dir_ + "/thidua.db";
    return db;
  }
  if (kind != "postgres") return fail(setup_error("THIDUA_TEST_DB must be sqlite or postgres, not " + kind));

  db->dialect_ = storage::Dialect::postgres;
  const std::string state = env_or("THIDUA_TEST_PG_STATE", "");
  if (state.empty()) return fail(setup_error("THIDUA_TEST_DB=postgres needs THIDUA_TEST_PG_STATE"));
  std::ifstream in(state + "/url");
  std::string url;
  if (!in || !std::getline(in, url) || url.empty()) {
    return fail(setup_error("no PostgreSQL URL in " + state + "/url: run tests/pg/pg-start.sh " + state));
  }
  db->admin_url_ = url;
  db->schema_ = "t_" + random_suffix();
  try {
    soci::session s(soci::postgresql, soci_safe(url));
    s << "CREATE SCHEMA " + db->schema_;
  } catch (const std::exception& e) {
    db->schema_.clear();
    return fail(setup_error("cannot create a schema in " + url + ": " + e.what()));
  }
  db->url_ = with_param(url, "options=-csearch_path%3D" + db->schema_);
  return db;
}

TestDb::~TestDb() {
  if (!schema_.empty()) {
    try {
      soci::session s(soci::postgresql, soci_safe(admin_url_));
      s << "SET client_min_messages TO WARNING";  // no NOTICE per dropped table
      s << "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop schema " << schema_ << ": " << e.what();
    }
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
}

Result<std::shared_ptr<storage::Database>> TestDb::open(std::size_t pool_size) const {
  return storage::Database::open(url_, pool_size);
}

std::string TestDb::scratch_path(const std::string& name) const { return dir_ + "/" + name; }

// ---- DbTest --------------------------------------------------------------------------------

void DbTest::SetUp() {
  auto t = TestDb::create();
  ASSERT_TRUE(t.has_value()) << t.error().detail;
  test_db_ = std::move(*t);
  auto db = test_db_->open(4);
  ASSERT_TRUE(db.has_value()) << db.error().detail;
  db_ = *db;
  auto v = storage::migrate(*db_);
  ASSERT_TRUE(v.has_value()) << v.error().detail;
  ASSERT_EQ(*v, storage::latest_version());
}

void DbTest::TearDown() {
  if (db_) db_->close();
  db_.reset();
  test_db_.reset();
}

long long DbTest::scalar(const std::string& sql) {
  auto r = db_->read([&](storage::Tx& tx) -> Result<long long> {
    long long n = 0;
    tx.sql() << sql, soci::into(n);
    return n;
  });
  EXPECT_TRUE(r.has_value()) << sql << ": " << (r ? "" : r.error().detail);
  return r.value_or(-1);
}

std::string DbTest::text(const std::string& sql) {
  auto r = db_->read([&](storage::Tx& tx) -> Result<std::string> {
    std::string s;
    soci::indicator ind = soci::i_null;
    tx.sql() << sql, soci::into(s, ind);
    if (!tx.sql().got_data()) return std::string("<no row>");
    return ind == soci::i_ok ? s : std::string("<null>");
  });
  EXPECT_TRUE(r.has_value()) << sql << ": " << (r ? "" : r.error().detail);
  return r.value_or("<error>");
}

void DbTest::exec(const std::string& sql) {
  auto r = db_->write([&](storage::Tx& tx) -> Result<bool> {
    tx.sql() << sql;
    return true;
  });
  ASSERT_TRUE(r.has_value()) << sql << ": " << r.error().detail;
}

}  // namespace thidua::it
