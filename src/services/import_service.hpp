#pragma once
/// Importing people from an XLSX or CSV file, and exporting lists to XLSX.
///
/// An import is two steps: `preview` reads the file and reports every row's problems (missing
/// name, unknown unit, bad date, duplicate …) and what would change; `commit` reads the same
/// file again and, only when it has no problem at all, writes every row in one transaction.
/// Re-importing a file changes nothing: people are matched by staff code, else by name and
/// date of birth. Text typed in the legacy TCVN3 (ABC) or VNI encodings is detected and
/// converted to Unicode, and the preview says so.

#include <memory>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/people_service.hpp"
#include "storage/database.hpp"

namespace thidua::services {

struct ImportProblem {
  int row = 0;             ///< 1-based row of the sheet, as Excel numbers it
  std::string column;      ///< header text of the column, empty for the whole row
  std::string code;        ///< message key
  std::vector<std::pair<std::string, std::string>> params;
};

struct ImportRowPreview {
  int row = 0;
  std::string full_name;
  std::string unit;
  std::string action;  ///< "new", "update", "unchanged"
};

struct ImportPreview {
  std::string encoding;  ///< "", "tcvn3" or "vni": legacy text that was converted
  int rows = 0;
  int new_people = 0;
  int updated_people = 0;
  int unchanged_people = 0;
  std::vector<ImportProblem> problems;
  std::vector<ImportRowPreview> sample;  ///< the first rows, for the screen
  bool ok() const { return problems.empty(); }
};

class ImportService {
 public:
  ImportService(std::shared_ptr<storage::Database> db, std::shared_ptr<PeopleService> people,
                Clock clock = system_clock());

  /// Reads the file and checks every row; writes nothing.
  Result<ImportPreview> preview_people(const Principal& actor, std::int64_t agency_id, std::string_view bytes,
                                       std::string_view file_name);
  /// Writes every row in one transaction, or nothing when any row has a problem (then the
  /// error is validation "import.has_problems" and the preview is returned by preview_people).
  /// When rows have problems, `problems` (if given) receives the preview that lists them.
  Result<ImportPreview> import_people(const Principal& actor, std::int64_t agency_id, std::string_view bytes,
                                      std::string_view file_name, ImportPreview* problems = nullptr);

  /// The import template: Vietnamese headers, two example rows and instructions.
  Result<std::string> people_template();
  /// The people an agency's list shows (same filter as the page), as XLSX.
  Result<std::string> export_people(const Principal& actor, const PeopleFilter& filter);

 private:
  Result<ImportPreview> run(const Principal& actor, std::int64_t agency_id, std::string_view bytes,
                            std::string_view file_name, bool write, ImportPreview* problems);

  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<PeopleService> people_;
  Clock clock_;
};

}  // namespace thidua::services
