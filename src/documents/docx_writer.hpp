#pragma once
/// The DOCX writer: WordprocessingML written by hand and zipped with libzip, so that the
/// Office opens the draft in Word or LibreOffice, edits a little and prints. The header and
/// closing blocks are borderless tables (as Decree 30 templates make them), rules are the
/// top borders of short empty paragraphs, the page number is a PAGE field in a header shown
/// from page 2 (titlePg with an empty first-page header), and annexes are sections of their
/// own, on new pages.

#include <string>

#include "documents/document.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// The bytes of a .docx of `doc`: [Content_Types].xml, _rels/.rels, word/document.xml,
/// word/styles.xml, word/settings.xml, word/header1.xml (page number), word/header2.xml
/// (empty, page 1), word/_rels/document.xml.rels, docProps/core.xml and docProps/app.xml.
/// The same document always gives the same bytes. Errors: internal when libzip fails.
Result<std::string> write_docx(const Document& doc);

/// word/document.xml alone: the part that carries the document (and the golden file's
/// subject). One block-level element a line, so that a change reads as a small diff.
std::string docx_document_xml(const Document& doc);

}  // namespace thidua::documents
