#include "loader.hpp"

#include <chrono>

#include <soci/soci.h>

namespace thidua::gen {

namespace {

/// Rows per round trip on PostgreSQL: large enough that latency vanishes, small enough that
/// one statement's parameters stay a few megabytes.
constexpr std::size_t kPgChunk = 5000;

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
      if (tx.dialect() == storage::Dialect::sqlite) {
        load_sqlite(tx.sql(), t);
      } else {
        load_postgres(tx.sql(), t);
      }
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      stats.push_back({t.name(), t.rows(), took.count()});
    }
    return stats;
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
