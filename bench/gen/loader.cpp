#include "loader.hpp"

#include <chrono>

#include <soci/soci.h>

namespace thidua::gen {

namespace {

/// Rows per round trip on PostgreSQL: large enough that latency vanishes, small enough that
/// one statement's parameters stay a few megabytes.
constexpr std::size_t kPgChunk = 5000;

/// Tables with more rows than this are loaded without their secondary indexes, which are
/// built again afterwards in the same transaction.
constexpr std::size_t kRebuildIndexes = 100'000;

struct IndexDef {
  std::string name;
  std::string create;  ///< the CREATE INDEX statement
};

/// The secondary indexes of `table`: not those behind a primary key or a constraint.
std::vector<IndexDef> index_defs(storage::Tx& tx, const std::string& table) {
  std::vector<IndexDef> out;
  std::string name, sql;
  soci::statement st =
      tx.dialect() == storage::Dialect::sqlite
          ? (tx.sql().prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND "
                                 "sql IS NOT NULL ORDER BY name",
             soci::into(name), soci::into(sql), soci::use(table))
          : (tx.sql().prepare << "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND "
                                 "tablename = :t AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY "
                                 "indexname",
             soci::into(name), soci::into(sql), soci::use(table));
  if (st.execute(true)) {
    do {
      out.push_back({name, sql});
    } while (st.fetch());
  }
  return out;
}

std::string column_list(const Table& t) {
  std::string out;
  for (const auto& c : t.columns()) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

void load_sqlite(soci::session& sql, const Table& t) {
  struct Slot {
    long long i = 0;
    std::string s;
    soci::indicator ind = soci::i_ok;
  };
  const auto& cols = t.columns();
  std::vector<Slot> slots(cols.size());  // sized once: SOCI keeps pointers into it
  std::string q = "INSERT INTO " + t.name() + " (" + column_list(t) + ") VALUES (";
  soci::statement st(sql);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    q += (c ? ", :c" : ":c") + std::to_string(c);
    if (cols[c].type == ColumnType::integer) {
      st.exchange(soci::use(slots[c].i, slots[c].ind));
    } else {
      st.exchange(soci::use(slots[c].s, slots[c].ind));
    }
  }
  q += ")";
  st.alloc();
  st.prepare(q);
  st.define_and_bind();
  for (std::size_t r = 0; r < t.rows(); ++r) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const Value& v = t.at(r, c);
      Slot& s = slots[c];
      s.ind = std::holds_alternative<std::monostate>(v) ? soci::i_null : soci::i_ok;
      if (const auto* i = std::get_if<std::int64_t>(&v)) s.i = *i;
      if (const auto* text = std::get_if<std::string>(&v)) s.s = *text;
    }
    st.execute(true);
  }
}

/// One element of a PostgreSQL array literal: NULL bare, numbers bare, text double-quoted
/// with `"` and `\` escaped by a backslash.
void append_element(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "NULL";
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
  } else {
    out += '"';
    for (char ch : std::get<std::string>(v)) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
}

void load_postgres(soci::session& sql, const Table& t) {
  const auto& cols = t.columns();
  std::vector<std::string> arrays(cols.size());  // sized once: SOCI keeps pointers into it
  std::string q = "INSERT INTO " + t.name() + " (" + column_list(t) + ") SELECT * FROM unnest(";
  soci::statement st(sql);
  for (std::size_t c = 0; c < cols.size(); ++c) {
    q += (c ? ", CAST(:c" : "CAST(:c") + std::to_string(c) +
         (cols[c].type == ColumnType::integer ? " AS bigint[])" : " AS text[])");
    st.exchange(soci::use(arrays[c]));
  }
  q += ")";
  st.alloc();
  st.prepare(q);
  st.define_and_bind();
  for (std::size_t first = 0; first < t.rows(); first += kPgChunk) {
    const std::size_t last = std::min(t.rows(), first + kPgChunk);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      std::string& a = arrays[c];
      a.assign("{");
      for (std::size_t r = first; r < last; ++r) {
        if (r != first) a += ',';
        append_element(a, t.at(r, c));
      }
      a += '}';
    }
    st.execute(true);
  }
  if (t.has_id() && t.rows() > 0) {
    // Explicit ids leave the identity sequence behind; without this the application's next
    // INSERT would be handed id 1 and collide.
    sql << "SELECT setval(pg_get_serial_sequence('" + t.name() + "', 'id'), (SELECT MAX(id) FROM " + t.name() +
               "))";
  }
}

}  // namespace

Result<std::vector<TableStats>> load_group(storage::Database& db, const TableGroup& group) {
  return db.write([&](storage::Tx& tx) -> Result<std::vector<TableStats>> {
    std::vector<TableStats> stats;
    for (const auto& t : group.tables) {
      const auto start = std::chrono::steady_clock::now();
      std::vector<IndexDef> rebuild;
      if (t.rows() > kRebuildIndexes) rebuild = index_defs(tx, t.name());
      for (const auto& i : rebuild) tx.sql() << "DROP INDEX " + i.name;
      if (tx.dialect() == storage::Dialect::sqlite) {
        // A million rows with seven indexes thrash SQLite's default 2 MB page cache: 256 MB
        // for this connection keeps the indexes' pages in memory until the commit.
        tx.sql() << "PRAGMA cache_size = -262144";
        load_sqlite(tx.sql(), t);
      } else {
        load_postgres(tx.sql(), t);
      }
      for (const auto& i : rebuild) tx.sql() << i.create;
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      stats.push_back({t.name(), t.rows(), took.count()});
    }
    return stats;
  });
}

Result<std::vector<std::string>> drop_indexes(storage::Database& db, const std::vector<std::string>& tables) {
  return db.write([&](storage::Tx& tx) -> Result<std::vector<std::string>> {
    std::vector<std::string> creates;
    for (const auto& t : tables) {
      for (const auto& i : index_defs(tx, t)) {
        tx.sql() << "DROP INDEX " + i.name;
        creates.push_back(i.create);
      }
    }
    return creates;
  });
}

Result<void> create_indexes(storage::Database& db, const std::vector<std::string>& statements) {
  return db.write([&](storage::Tx& tx) -> Result<void> {
    if (tx.dialect() == storage::Dialect::sqlite) tx.sql() << "PRAGMA cache_size = -262144";
    for (const auto& s : statements) tx.sql() << s;
    return {};
  });
}

Result<std::int64_t> max_id(storage::Database& db, const std::string& table) {
  return db.read([&](storage::Tx& tx) -> Result<std::int64_t> {
    long long id = 0;
    tx.sql() << "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) FROM " + table, soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

Result<std::int64_t> count_rows(storage::Database& db, const std::string& table) {
  return db.read([&](storage::Tx& tx) -> Result<std::int64_t> {
    long long n = 0;
    tx.sql() << "SELECT CAST(COUNT(*) AS BIGINT) FROM " + table, soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace thidua::gen
