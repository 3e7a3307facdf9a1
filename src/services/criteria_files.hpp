#pragma once
/// Criteria sets shipped as data files (rules/criteria/*.toml, compiled into the binary) and
/// loaded into criteria_set / criterion / indicator. Loading is idempotent: a set is found by
/// its code, and a file whose content (SHA-256) was already loaded changes nothing. A changed
/// file updates the set's name, period, citation and its criteria's names and groups, adds new
/// criteria and indicators; it never deletes a criterion (assessments refer to them) nor
/// touches indicators an administrator added.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/commune.hpp"
#include "domain/error.hpp"
#include "storage/database.hpp"

namespace thidua::services {

/// A commune group of a set (2026–2030: groups 1, 2, 3) and who belongs to it.
struct CommuneGroup {
  std::string code;
  std::string name;
  std::string description;
};

struct CriteriaFile {
  std::string path;  ///< "rules/criteria/ntm-2021-2025.toml"
  CriteriaSet set;   ///< criteria (with any indicators the file lists), valid_to exclusive
  std::string note;
  bool unverified = false;  ///< the file says its contents were not checked against the source
  std::vector<CommuneGroup> groups;
};

/// Parses one criteria file. Errors: internal "criteria.bad_file" with the reason in detail.
Result<CriteriaFile> parse_criteria_file(std::string_view toml_text, std::string_view path);

/// Every rules/criteria/*.toml compiled into the binary, parsed once (by path).
Result<std::shared_ptr<const std::vector<CriteriaFile>>> embedded_criteria_files();

struct CriteriaLoad {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

/// Loads every embedded criteria file into the database (one transaction, audited when
/// anything changes).
Result<CriteriaLoad> load_criteria_sets(storage::Database& db, Clock clock = system_clock());

}  // namespace thidua::services
