#pragma once
/// The grid of text that both importers (XLSX and CSV) produce, so that the people and units
/// import reads one shape whatever file the clerk uploaded.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::documents {

/// One worksheet as text. `rows[i]` is the file's row i + 1 (an XLSX row number or the CSV
/// record number), so that an error can name the row the clerk sees. Blank rows in between
/// are kept as empty vectors; a row ends at its last non-empty cell, so rows differ in length
/// and a cell past the end of its row is empty (use `cell()`). Blank rows at the end are
/// dropped, because spreadsheets often carry thousands of formatted but empty rows.
struct Sheet {
  std::string name;  ///< the worksheet's name; empty for CSV
  std::vector<std::vector<std::string>> rows;
  /// Merged ranges such as "A1:C1". Only the top-left cell of a merge holds a value; the
  /// caller decides whether a merge in the rows it reads is an error.
  std::vector<std::string> merged_ranges;
  /// Things worth logging about how the file was read (merges, skipped hidden sheets); plain
  /// English for the log, not messages for the user.
  std::vector<std::string> notes;

  /// The cell at 0-based `row` and `column`, or "" when the row or cell does not exist.
  std::string_view cell(std::size_t row, std::size_t column) const {
    if (row >= rows.size() || column >= rows[row].size()) return {};
    return rows[row][column];
  }
};

}  // namespace thidua::documents
