#pragma once
/// Writes generated tables into SQLite or PostgreSQL as fast as each allows.
///
/// SQLite: one prepared INSERT executed per row, all inside one transaction (a row costs a
/// few microseconds; the commit is the only sync).
/// PostgreSQL: SOCI's vector `use` costs one round trip per row, so each column travels as
/// one array parameter and `INSERT … SELECT * FROM unnest($1::bigint[], $2::text[], …)`
/// inserts a few thousand rows per round trip.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "storage/database.hpp"
#include "table.hpp"

namespace thidua::gen {

struct TableStats {
  std::string table;
  std::size_t rows = 0;
  double seconds = 0;
};

/// Inserts every table of `group` in one transaction (all or nothing). On PostgreSQL the
/// identity sequences of tables with an id are then moved past the largest id, so rows
/// the application inserts later get fresh ids.
Result<std::vector<TableStats>> load_group(storage::Database& db, const TableGroup& group);

/// Drops the secondary indexes of `tables` (not primary keys or constraints) and returns the
/// statements that create them again: a large load then builds each index once, sorted, rather
/// than row by row. Used around a generator that emits its rows in many groups.
Result<std::vector<std::string>> drop_indexes(storage::Database& db, const std::vector<std::string>& tables);
/// Runs the statements drop_indexes returned, in one transaction.
Result<void> create_indexes(storage::Database& db, const std::vector<std::string>& statements);

/// Largest `id` in `table` (0 when empty). `table` is one of our own table names.
Result<std::int64_t> max_id(storage::Database& db, const std::string& table);

/// Rows in `table`. `table` is one of our own table names.
Result<std::int64_t> count_rows(storage::Database& db, const std::string& table);

}  // namespace thidua::gen
