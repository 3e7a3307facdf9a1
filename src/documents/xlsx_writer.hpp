#pragma once
/// Spreadsheet exports (lists of people and units) and import templates, written with
/// libxlsxwriter. The files are laid out so that our own importer reads them back: one
/// header row, no merged cells, dates as real Excel dates.

#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace thidua::documents {

/// A column of a table: its header, width in Excel character units and how its values
/// are written.
struct Column {
  std::string header;
  double width = 15;
  /// text: as a string, and the column is formatted as text so that a clerk typing
  ///   "0912..." into it later keeps the leading zero;
  /// integer: as a number ("0" format) when the value is a whole number Excel holds exactly;
  /// money: as a number with format `#,##0 "đ"`;
  /// date: "yyyy-mm-dd" as a real Excel date shown dd/mm/yyyy.
  /// A value that does not parse as its kind (a birth year alone, say) is written as text
  /// rather than lost.
  enum Kind { text, integer, money, date } kind = text;
};

struct Table {
  std::string sheet_name;  ///< made valid for Excel: []:*?/\ become '-', cut to 31 characters
  std::string title;       ///< optional bold line above the header row
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  ///< values as text; see Column::Kind
};

/// An .xlsx with one worksheet per table, in order: header row bold with a bottom border,
/// panes frozen below it, an autofilter over header and data. Values past the last column
/// are written as text without a header. Returns the file's bytes.
///
/// Errors: too_large "export.too_many_rows" / "export.too_many_columns" (param max) beyond
/// Excel's 1,048,576 rows or 16,384 columns; validation "export.cell_too_long" (param cell)
/// for a text over Excel's 32,767 characters; internal when libxlsxwriter or the
/// temporary file fails.
Result<std::string> write_xlsx(const std::vector<Table>& sheets);

/// A table with plain lines above its title (a statistical form's number, reporting and
/// receiving units, period) and below its data after a blank row (the form's notes), one a
/// row in the first column.
struct AnnotatedTable {
  Table table;
  std::vector<std::string> above;
  std::vector<std::string> below;
};

/// As write_xlsx, with each table's lines around it.
Result<std::string> write_xlsx(const std::vector<AnnotatedTable>& sheets);

/// An import template: sheet "Mẫu" with the header row and `example_rows` (in grey italics,
/// so they read as examples), each column formatted for its kind so that what the clerk
/// types lands as text, number or date; then sheet "Hướng dẫn" with `instructions`, one
/// line per row. Errors as write_xlsx.
Result<std::string> write_template(const std::vector<Column>& columns,
                                   const std::vector<std::vector<std::string>>& example_rows,
                                   std::string_view instructions);

}  // namespace thidua::documents
