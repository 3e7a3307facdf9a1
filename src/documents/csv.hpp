#pragma once
/// CSV for the people and units import and export, as Excel and LibreOffice write it: the
/// delimiter is ',' or, in Vietnamese-locale Excel, ';' (',' is the decimal separator
/// there); "Unicode text" is tab-separated UTF-16.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "documents/sheet.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// Reads RFC 4180 CSV: quoted fields, "" for a quote inside them, line breaks inside quotes,
/// records ended by CRLF, LF or CR. The delimiter is taken from Excel's "sep=X" first line
/// when present, else the most frequent of tab, ';' and ',' outside quotes in the first
/// record (ties in that order). A UTF-8 byte order mark is dropped; UTF-16 (LE or BE) with a
/// byte order mark is converted to UTF-8. Other bytes pass through unchecked, so that the
/// caller can recognise legacy Vietnamese encodings by their invalid UTF-8. Rows follow
/// Sheet's conventions (rows[i] is record i + 1; trailing empty cells and rows dropped).
///
/// Errors: validation "import.csv_quote" (param row) for a quote never closed;
/// too_large "import.too_many_rows" (param max) for a value in record max_rows + 1 or later,
/// "import.too_many_columns" (param max) for a value past column max_columns.
Result<Sheet> read_csv(std::string_view bytes, std::size_t max_rows = 100001, std::size_t max_columns = 200);

/// CSV for Excel: a UTF-8 byte order mark (without it Excel reads the file in the ANSI code
/// page and garbles Vietnamese), ',' between fields, CRLF after each record, quotes only
/// where needed. A text that Excel would run as a formula (starting with = + - @, a tab or
/// a CR, and not a plain number) is written with a leading apostrophe, the usual defence
/// against formula injection through exported data.
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace thidua::documents
