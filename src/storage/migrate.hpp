#pragma once
/// Append-only numbered migrations (migrations/NNNN_name.sql, compiled into the binary).
/// Each file runs in its own transaction together with its schema_version row, so a failed
/// migration leaves the database at the previous version and `migrate` is safe to rerun.
///
/// The files are portable SQL with three tokens for what differs between the dialects:
/// `@ID@` (the id column), `@BLOB@` and `@NOW@` is not used: timestamps are ISO-8601 TEXT.

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace thidua::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  ///< with tokens
};

/// The embedded migrations, ordered by version.
std::vector<Migration> migrations();
int latest_version();

/// The SQL of `m` for `dialect`, split into statements.
std::vector<std::string> statements_for(const Migration& m, Dialect dialect);

/// Current version (0 for an empty database).
Result<int> schema_version(Database& db);

/// Applies every migration above the current version, up to `target` (default: latest).
/// Returns the version reached.
Result<int> migrate(Database& db, int target = -1);

}  // namespace thidua::storage
