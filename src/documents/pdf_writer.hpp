#pragma once
/// The PDF writer: cairo and Pango set the document in Liberation Serif (embedded, subset) on
/// A4, with our own simple page layout (see pdf_flow.hpp): the header block in two columns,
/// justified body split across pages by lines, headings kept with what follows, tables with
/// repeated header rows, page numbers at the top from page 2, the signature and recipients
/// side by side at the end, annexes on new pages. Headings and annexes become bookmarks.

#include <string>

#include "documents/document.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// The bytes of a PDF of `doc`. Title, author (the agency), subject, creator and creation
/// date (metadata_created: fixed, so the same document gives the same bytes) are written
/// into the file's information.
///
/// Errors: internal when Liberation Serif is not installed (fonts-liberation2) or cairo
/// fails.
Result<std::string> write_pdf(const Document& doc);

}  // namespace thidua::documents
