#include "storage/database.hpp"

#include <filesystem>

#include <boost/url/parse.hpp>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "storage/audit_repo.hpp"

namespace thidua::storage {

Result<DbUrl> parse_db_url(const std::string& url) {
  auto starts = [&](std::string_view p) { return url.rfind(p, 0) == 0; };
  if (starts("sqlite://")) return DbUrl{Dialect::sqlite, url.substr(9)};
  if (starts("sqlite:")) return DbUrl{Dialect::sqlite, url.substr(7)};
  if (starts("postgresql://") || starts("postgres://")) return DbUrl{Dialect::postgres, url};
  return fail(Error{ErrorKind::validation, "db.bad_url", {{"url", url}}, {}, "unsupported database URL"});
}

namespace {

std::string conninfo_value(std::string_view v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string postgres_conninfo(const std::string& url) {
  // SOCI hands its argument to libpq as keyword=value pairs, so a URI is translated here.
  auto u = boost::urls::parse_uri(url);
  if (!u) return url;
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += conninfo_value(value);
  };
  add("host", u->host());  // decoded; an IPv6 literal keeps its brackets stripped by host_address
  if (u->host_type() == boost::urls::host_type::ipv6) add("hostaddr", u->host_address());
  add("port", u->port());
  add("user", u->user());
  add("password", u->password());
  std::string db = u->path();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  add("dbname", db);
  for (auto param : u->params()) add(param.key, param.value);
  return out;
}

namespace {

void open_one(soci::session& s, const DbUrl& url) {
  if (url.dialect == Dialect::sqlite) {
    s.open(*soci::factory_sqlite3(), "db=\"" + url.target + "\" timeout=10 shared_cache=false");
    // WAL lets readers run beside the one writer; FULL syncs each commit so that a crash or
    // power cut loses nothing acknowledged; busy_timeout makes writers queue, not fail.
    s << "PRAGMA journal_mode=WAL";
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    s.open(*soci::factory_postgresql(), postgres_conninfo(url.target));
    s << "SET client_min_messages TO WARNING";
  }
}

}  // namespace

Result<std::shared_ptr<Database>> Database::open(const std::string& url_text, std::size_t pool_size) {
  auto url = parse_db_url(url_text);
  if (!url) return fail(url.error());
  if (url->dialect == Dialect::sqlite) {
    // A new installation's data folder may not exist yet (data/thidua.db on first run).
    auto parent = std::filesystem::path(url->target).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  std::shared_ptr<Database> db(new Database(*url));
  db->pool_size_ = pool_size == 0 ? 1 : pool_size;
  db->pool_ = std::make_unique<soci::connection_pool>(db->pool_size_);
  try {
    for (std::size_t i = 0; i < db->pool_size_; ++i) open_one(db->pool_->at(i), *url);
  } catch (const std::exception& e) {
    return fail(Error{ErrorKind::internal, "db.open_failed", {}, {}, e.what()});
  }
  return db;
}

Database::Database(DbUrl url) : url_(std::move(url)) {}
Database::~Database() { close(); }

void Database::close() {
  if (!pool_) return;
  for (std::size_t i = 0; i < pool_size_; ++i) {
    try {
      pool_->at(i).close();
    } catch (const std::exception& e) {
      spdlog::warn("closing database connection: {}", e.what());
    }
  }
  pool_.reset();
}

std::optional<Error> Database::run(bool write, const std::function<bool(Tx&)>& body) {
  if (!pool_) return Error{ErrorKind::internal, "db.closed", {}, {}, "database is closed"};
  soci::session sql(*pool_);
  Tx tx(sql, url_.dialect);
  bool open = false;
  try {
    if (url_.dialect == Dialect::sqlite) {
      sql << (write ? "BEGIN IMMEDIATE" : "BEGIN");
      // PostgreSQL refuses writes in a READ ONLY transaction; make SQLite refuse them too, so
      // a write slipped into read() fails on both databases alike.
      if (!write) sql << "PRAGMA query_only = 1";
    } else {
      sql << (write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    open = true;
    bool commit = body(tx);
    if (commit) write_audit_head(tx);
    sql << (commit ? "COMMIT" : "ROLLBACK");  // on false, the body's own error travels in its result
    open = false;
    if (url_.dialect == Dialect::sqlite && !write) sql << "PRAGMA query_only = 0";
    return std::nullopt;
  } catch (const std::exception& e) {
    try {
      if (open) sql << "ROLLBACK";
      if (url_.dialect == Dialect::sqlite && !write) sql << "PRAGMA query_only = 0";
    } catch (const std::exception& re) {
      spdlog::error("rollback failed: {}", re.what());
    }
    return from_db_exception(e);
  }
}

Error from_db_exception(const std::exception& e) {
  std::string what = e.what();
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") return Error{ErrorKind::conflict, "db.duplicate", {}, {}, what};
    if (state == "40001" || state == "40P01") return Error{ErrorKind::conflict, "db.retry", {}, {}, what};
  }
  if (what.find("UNIQUE constraint failed") != std::string::npos) {
    return Error{ErrorKind::conflict, "db.duplicate", {}, {}, what};
  }
  if (what.find("database is locked") != std::string::npos) {
    return Error{ErrorKind::internal, "db.busy", {}, {}, what};
  }
  return Error{ErrorKind::internal, "internal", {}, {}, what};
}

}  // namespace thidua::storage
