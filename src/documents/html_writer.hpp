#pragma once
/// The HTML preview of a document: a fragment that looks like the printed page (header
/// columns, centred type and summary, justified body, signature beside the recipients), made
/// from the same model as the DOCX and the PDF. Classes only, no inline style, so that it
/// passes the pages' Content-Security-Policy (style-src 'self'); the look comes from
/// html_preview_css(), which the web layer serves as a stylesheet.

#include <string>

#include "documents/document.hpp"

namespace thidua::documents {

/// `<article class="vb-doc" lang="vi">…</article>`: every text escaped. Paragraph classes:
/// vb-left/vb-center/vb-right/vb-justify, vb-indent (first-line indent), vb-h1…vb-h4;
/// tables vb-table (vb-borderless), header rows in <thead>; a page break is
/// <hr class="vb-page-break">; each annex a <section class="vb-annex">.
std::string write_html(const Document& doc);

/// The stylesheet for write_html's classes (A4 proportions, Liberation Serif / Times New
/// Roman, the Decree 30 sizes).
std::string html_preview_css();

}  // namespace thidua::documents
