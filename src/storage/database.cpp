#include "storage/database.hpp"

#include <filesystem>
#include <mutex>
#include <unordered_map>

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

/// Process-wide SQLite settings, made before the library's first use. Each pooled connection is
/// used by one thread at a time, so SQLite's own per-connection mutexes are not needed
/// (MULTITHREAD), and its allocation statistics, which take one global mutex on every
/// malloc, are turned off: with several request threads that mutex was a quarter of the
/// time of a people search.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // soci-sqlite3.h includes sqlite3.h inside namespace sqlite_api.
    int a = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    int b = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (a != SQLITE_OK || b != SQLITE_OK) {
      spdlog::debug("sqlite3_config: SQLite was initialised before the first database was opened");
    }
  });
}

void open_one(soci::session& s, const DbUrl& url, bool read_only) {
  if (url.dialect == Dialect::sqlite) {
    configure_sqlite_once();
    s.open(*soci::factory_sqlite3(), "db=\"" + url.target + "\" timeout=10 shared_cache=false");
    // WAL lets readers run beside the one writer; FULL syncs each commit so that a crash or
    // power cut loses nothing acknowledged; busy_timeout makes writers queue, not fail.
    s << "PRAGMA journal_mode=WAL";
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
    // PostgreSQL refuses writes in a READ ONLY transaction; a reading connection refuses
    // them too, so a write slipped into read() fails on both databases alike.
    if (read_only) s << "PRAGMA query_only=1";
  } else {
    s.open(*soci::factory_postgresql(), postgres_conninfo(url.target));
    s << "SET client_min_messages TO WARNING";
  }
}

}  // namespace

/// One connection's prepared statements, by their text. Bounded: when full it starts afresh
/// (the set of texts a running server uses is small; this only guards against a runaway).
class StatementCache {
 public:
  static constexpr std::size_t kMax = 128;
  Dialect dialect = Dialect::sqlite;
  soci::statement* find(const std::string& key) {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : it->second.get();
  }
  soci::statement* add(const std::string& key, std::unique_ptr<soci::statement> st) {
    if (map_.size() >= kMax) map_.clear();
    return map_.emplace(key, std::move(st)).first->second.get();
  }
  void erase(const std::string& key) { map_.erase(key); }
  void clear() { map_.clear(); }

 private:
  std::unordered_map<std::string, std::unique_ptr<soci::statement>> map_;
};

Prepared::Prepared(StatementCache* cache, std::string key, soci::statement* st, std::unique_ptr<soci::statement> own)
    : cache_(cache), key_(std::move(key)), st_(st), own_(std::move(own)), exceptions_(std::uncaught_exceptions()) {}

Prepared::Prepared(Prepared&& o) noexcept
    : cache_(o.cache_), key_(std::move(o.key_)), st_(o.st_), own_(std::move(o.own_)), exceptions_(o.exceptions_) {
  o.st_ = nullptr;
}

Prepared::~Prepared() {
  if (!st_ || own_ || !cache_) return;
  try {
    if (std::uncaught_exceptions() > exceptions_) {
      cache_->erase(key_);  // its state after a failure is not worth trusting
      return;
    }
    // A SQLite statement left mid-result keeps its read snapshot open past COMMIT, and the
    // next transaction on the connection would not see newer writes: reset it now.
    if (cache_->dialect == Dialect::sqlite) {
      auto* backend = static_cast<soci::sqlite3_statement_backend*>(st_->get_backend());
      if (backend && backend->stmt_) sqlite_api::sqlite3_reset(backend->stmt_);
    }
    st_->bind_clean_up();
  } catch (...) {
    cache_->erase(key_);
  }
}

Prepared Tx::prepared(const std::string& text) {
  if (cache_) {
    if (auto* st = cache_->find(text)) return Prepared(cache_, text, st, nullptr);
  }
  auto st = std::make_unique<soci::statement>(sql_);
  st->alloc();
  st->prepare(text);
  if (!cache_) {
    soci::statement* raw = st.get();
    return Prepared(nullptr, text, raw, std::move(st));
  }
  soci::statement* raw = cache_->add(text, std::move(st));
  return Prepared(cache_, text, raw, nullptr);
}

/// Pooled connections, each with its transaction statements prepared once.
struct Database::Pool {
  struct Conn {
    std::unique_ptr<soci::statement> begin_read, begin_write, commit, rollback;
    StatementCache cache;
  };
  Pool(std::size_t n, Dialect dialect) : pool(n), conns(n) {
    for (auto& c : conns) c.cache.dialect = dialect;
  }
  soci::connection_pool pool;
  std::vector<Conn> conns;
  std::size_t size() const { return conns.size(); }
};

namespace {

/// Runs a parameterless statement, preparing it on first use on this connection.
void run_cached(soci::session& sql, std::unique_ptr<soci::statement>& slot, const char* text) {
  if (!slot) {
    auto st = std::make_unique<soci::statement>(sql);
    st->alloc();
    st->prepare(text);
    st->define_and_bind();
    slot = std::move(st);
  }
  slot->execute(true);
}

/// A connection leased from a pool for one transaction, given back however it ends.
class Lease {
 public:
  /// Waits at most `timeout_ms` for a free connection (ok() is false after that).
  Lease(soci::connection_pool& pool, int timeout_ms) : pool_(pool) { ok_ = pool.try_lease(pos_, timeout_ms); }
  ~Lease() {
    if (ok_) pool_.give_back(pos_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  bool ok() const { return ok_; }
  std::size_t pos() const { return pos_; }

 private:
  soci::connection_pool& pool_;
  std::size_t pos_ = 0;
  bool ok_ = false;
};

/// How long a transaction waits for a connection: as long as SQLite's busy_timeout.
constexpr int kLeaseTimeoutMs = 10000;

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
  const bool sqlite = url->dialect == Dialect::sqlite;
  db->readers_ = std::make_unique<Pool>(pool_size == 0 ? 1 : pool_size, url->dialect);
  if (sqlite) db->writer_ = std::make_unique<Pool>(1, url->dialect);
  try {
    // The writer first: it is the connection that switches a new SQLite file to WAL.
    if (db->writer_) open_one(db->writer_->pool.at(0), *url, false);
    for (std::size_t i = 0; i < db->readers_->size(); ++i) open_one(db->readers_->pool.at(i), *url, sqlite);
  } catch (const std::exception& e) {
    return fail(Error{ErrorKind::internal, "db.open_failed", {}, {}, e.what()});
  }
  return db;
}

Database::Database(DbUrl url) : url_(std::move(url)) {}
Database::~Database() { close(); }

void Database::close() {
  for (auto* p : {&readers_, &writer_}) {
    if (!*p) continue;
    for (std::size_t i = 0; i < (*p)->size(); ++i) {
      try {
        // Statements are finalised before their connection closes.
        auto& c = (*p)->conns[i];
        c.cache.clear();
        c.begin_read.reset();
        c.begin_write.reset();
        c.commit.reset();
        c.rollback.reset();
        (*p)->pool.at(i).close();
      } catch (const std::exception& e) {
        spdlog::warn("closing database connection: {}", e.what());
      }
    }
    p->reset();
  }
}

std::optional<Error> Database::run(bool write, const std::function<bool(Tx&)>& body) {
  Pool* p = write && writer_ ? writer_.get() : readers_.get();
  if (!p) return Error{ErrorKind::internal, "db.closed", {}, {}, "database is closed"};
  Lease lease(p->pool, kLeaseTimeoutMs);
  if (!lease.ok()) return Error{ErrorKind::internal, "db.busy", {}, {}, "no database connection came free in time"};
  soci::session& sql = p->pool.at(lease.pos());
  Pool::Conn& conn = p->conns[lease.pos()];
  Tx tx(sql, url_.dialect, &conn.cache);
  bool open = false;
  try {
    if (url_.dialect == Dialect::sqlite) {
      run_cached(sql, write ? conn.begin_write : conn.begin_read, write ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      run_cached(sql, write ? conn.begin_write : conn.begin_read,
                 write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
    open = true;
    bool commit = body(tx);
    if (commit) write_audit_head(tx);
    // On false, the body's own error travels in its result.
    if (commit) {
      run_cached(sql, conn.commit, "COMMIT");
    } else {
      run_cached(sql, conn.rollback, "ROLLBACK");
    }
    open = false;
    return std::nullopt;
  } catch (const std::exception& e) {
    try {
      if (open) sql << "ROLLBACK";
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
