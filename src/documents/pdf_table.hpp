#pragma once
/// Tables in the PDF: columns from the relative widths, cells wrapped in their column, rows
/// that never break across pages, header rows repeated on each page the table continues on.
/// Internal to documents/.

#include "documents/document.hpp"
#include "documents/pdf_flow.hpp"

namespace thidua::documents::pdf {

/// The height the table needs at least where it starts: its header rows and first row.
double table_min_height(const Flow& flow, const TableBlock& table);

/// Places the table at the cursor across the text column.
void place_table(Flow& flow, const TableBlock& table);

}  // namespace thidua::documents::pdf
