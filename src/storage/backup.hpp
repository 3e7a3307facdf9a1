#pragma once
/// Consistent backups while the server runs: SQLite's online backup API, or pg_dump.

#include <string>

#include "storage/database.hpp"

namespace thidua::storage {

/// Writes a complete copy of the database to `out_path` (a SQLite file, or a pg_dump custom
/// archive for PostgreSQL). Refuses to overwrite an existing file.
Result<std::string> backup(const DbUrl& url, const std::string& out_path);

}  // namespace thidua::storage
