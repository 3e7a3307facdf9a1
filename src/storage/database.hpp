#pragma once
/// The database: a pool of SOCI sessions over SQLite or PostgreSQL, and transactions.
/// Every write runs in one transaction (`write`): all of it lands or none of it does.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "domain/error.hpp"

namespace soci {
class session;
class statement;
}  // namespace soci

namespace thidua::storage {

enum class Dialect { sqlite, postgres };

class StatementCache;

/// A statement from a connection's cache (Tx::prepared), ready for exchange(use/into),
/// define_and_bind() and execute(). When the handle goes, the statement's binds are dropped
/// and the prepared statement stays for the next transaction on that connection; if an
/// exception is on its way, the statement is thrown away instead.
class Prepared {
 public:
  Prepared(StatementCache* cache, std::string key, soci::statement* st, std::unique_ptr<soci::statement> own);
  ~Prepared();
  Prepared(Prepared&&) noexcept;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  Prepared& operator=(Prepared&&) = delete;
  soci::statement& operator*() const { return *st_; }
  soci::statement* operator->() const { return st_; }

 private:
  StatementCache* cache_;
  std::string key_;
  soci::statement* st_;
  std::unique_ptr<soci::statement> own_;  ///< set when there is no cache
  int exceptions_;
};

/// A session inside a transaction. Repositories take it; services pass it along.
class Tx {
 public:
  Tx(soci::session& sql, Dialect dialect, StatementCache* cache = nullptr)
      : sql_(sql), dialect_(dialect), cache_(cache) {}
  soci::session& sql() const { return sql_; }
  Dialect dialect() const { return dialect_; }

  /// `text` prepared once per connection and reused: for the statements every page runs,
  /// where parsing and planning cost more than running them. Keep `text` to a bounded set
  /// (no values spliced in that vary without limit).
  Prepared prepared(const std::string& text);

  /// The audit chain's head (last id, last hash) once this transaction holds its lock: a bulk
  /// write appends many entries without re-reading it (see audit_repo).
  std::optional<std::pair<std::int64_t, std::string>> audit_head;
  /// The head moved in this transaction; Database writes it once, just before COMMIT.
  bool audit_head_dirty = false;

 private:
  soci::session& sql_;
  Dialect dialect_;
  StatementCache* cache_;
};

struct DbUrl {
  Dialect dialect = Dialect::sqlite;
  std::string target;  ///< SQLite file path, or the libpq connection URI
};

/// Parses `sqlite:PATH` (also `sqlite://PATH`) and `postgresql://…` (also `postgres://…`).
Result<DbUrl> parse_db_url(const std::string& url);

class Database {
 public:
  static Result<std::shared_ptr<Database>> open(const std::string& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return url_.dialect; }
  const DbUrl& url() const { return url_; }

  /// Runs `fn(Tx&)` in a write transaction (SQLite: BEGIN IMMEDIATE). Commits when `fn`
  /// returns a value, rolls back when it returns an error or throws.
  template <class F>
  auto write(F&& fn) -> std::invoke_result_t<F, Tx&> {
    return run_tx(true, std::forward<F>(fn));
  }
  /// Runs `fn(Tx&)` in a read-only snapshot.
  template <class F>
  auto read(F&& fn) -> std::invoke_result_t<F, Tx&> {
    return run_tx(false, std::forward<F>(fn));
  }

  /// Closes every pooled connection (SQLite checkpoints its WAL). Further use fails.
  void close();

 private:
  explicit Database(DbUrl url);

  template <class F>
  auto run_tx(bool write, F&& fn) -> std::invoke_result_t<F, Tx&> {
    using R = std::invoke_result_t<F, Tx&>;
    std::optional<R> out;
    std::optional<Error> err = run(write, [&](Tx& tx) {
      out.emplace(fn(tx));
      return out->has_value();
    });
    if (err) return R(tl::unexpect, std::move(*err));
    return std::move(*out);
  }

  /// Runs `body` in a transaction; `body` returns true to commit. Returns the error, if any.
  std::optional<Error> run(bool write, const std::function<bool(Tx&)>& body);

  struct Pool;
  DbUrl url_;
  /// SQLite: `readers_` are opened read-only (PRAGMA query_only) and `writer_` is the one
  /// connection that writes — SQLite allows one writer at a time, so writers queue here
  /// rather than on the file lock. PostgreSQL: `readers_` serves both and `writer_` is empty.
  std::unique_ptr<Pool> readers_;
  std::unique_ptr<Pool> writer_;
};

/// libpq's keyword form of a postgresql:// URL (user, password, host, port, dbname, and each
/// query parameter such as sslmode or options), decoded and quoted.
std::string postgres_conninfo(const std::string& url);

/// Turns a driver exception into an error kind (a unique violation is a conflict).
Error from_db_exception(const std::exception& e);

}  // namespace thidua::storage
