#pragma once
/// WordprocessingML pieces for the DOCX writer: units, and paragraphs and runs written with
/// their properties in the order the schema requires (Word refuses a file whose elements
/// are out of order, where LibreOffice forgives it). Internal to documents/.

#include <string>
#include <vector>

#include "documents/document.hpp"

namespace thidua::documents::ooxml {

inline constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr const char* kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kRelNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Twentieths of a point, Word's unit of length.
long twips_from_mm(double mm);
long twips_from_pt(double pt);
/// Half points, Word's unit of font size.
long half_points(double pt);

/// A paragraph's properties: one struct, so that every paragraph is written the same way.
struct ParagraphProps {
  std::string style;  ///< a style id ("Heading1"); empty for Normal
  bool keep_next = false;
  bool keep_lines = false;
  double before_pt = 0;
  double after_pt = 0;
  double line_spacing = 1.0;  ///< a multiple of single spacing
  double left_mm = 0;
  double right_mm = 0;
  double first_line_mm = 0;  ///< negative: hanging
  Align align = Align::left;
  int outline_level = -1;     ///< 0-based; -1: none
  bool top_rule = false;      ///< a thin line along the paragraph's top edge
  double mark_size_pt = 0;    ///< the paragraph mark's size (the height of an empty one); 0: none
  std::string section;        ///< a <w:sectPr> ending the section at this paragraph
};

/// Appends <w:pPr>…</w:pPr>.
void write_props(std::string& out, const ParagraphProps& props);
/// Appends one <w:r> per piece of `run` (text, line breaks, tabs), at `size_pt` unless the
/// run has its own size.
void write_run(std::string& out, const Run& run, double size_pt);
/// Appends a whole <w:p>.
void write_paragraph(std::string& out, const ParagraphProps& props, const std::vector<Run>& runs, double size_pt);

}  // namespace thidua::documents::ooxml
