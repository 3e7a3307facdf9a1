#pragma once
/// Reads the first worksheet of an uploaded .xlsx (Office Open XML) file as text, for the
/// people and units import. Values come back as the clerk sees them where that matters
/// (dates as yyyy-mm-dd) and as stored otherwise (numbers as written in the file); nothing
/// is evaluated, so a formula is refused rather than guessed at.

#include <cstddef>
#include <string_view>

#include "documents/sheet.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// Bounds on what an upload may cost. Every limit is checked against what is actually read,
/// never against sizes the file declares.
struct XlsxLimits {
  std::size_t max_bytes = 20 * 1024 * 1024;          ///< the uploaded (compressed) file
  std::size_t max_uncompressed = 200 * 1024 * 1024;  ///< all XML parts read, together
  std::size_t max_rows = 100001;                     ///< a value in row max_rows + 1 or below is an error
  std::size_t max_columns = 200;                     ///< a value in column max_columns + 1 or right of it is an error
  /// Cells held in memory, counting the empty ones before each row's last value; bounds
  /// memory when values are scattered far apart.
  std::size_t max_cells = 3'000'000;
};

/// The first visible worksheet of `bytes` (the first worksheet if all are hidden; chart
/// sheets are skipped). Cell values:
///   - text (shared, rich text runs joined, or inline) as stored, in UTF-8, with the
///     _xHHHH_ escapes of OOXML decoded; phonetic guides are left out;
///   - numbers as written in the file, except that "12.0" becomes "12";
///   - numbers in a date format (built-in 14-17, 22 or a custom format with d or y) as
///     "yyyy-mm-dd", in the 1900 or 1904 date system as the workbook says;
///   - booleans as "TRUE" or "FALSE", error values such as "#N/A" as written.
/// Merged ranges are listed in Sheet::merged_ranges and noted, not refused.
///
/// Errors:
///   - validation "import.old_xls": an Excel 97-2003 .xls, or an HTML or XML 2003 file
///     saved with an Excel extension; the user should save it as .xlsx;
///   - validation "import.encrypted": a password-protected workbook;
///   - validation "import.not_xlsx": not a ZIP, no workbook or worksheet, malformed XML;
///   - validation "import.formula" (param cell, e.g. "D5"): the first cell with a formula;
///   - too_large "import.too_large" (param max_mb): the file or its XML is over the limits
///     (a zip bomb stops here);
///   - too_large "import.too_many_rows", "import.too_many_columns" and
///     "import.too_many_cells" (param max): a value beyond XlsxLimits.
Result<Sheet> read_xlsx(std::string_view bytes, const XlsxLimits& limits = {});

}  // namespace thidua::documents
