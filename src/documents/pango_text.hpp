#pragma once
/// Text set with Pango in Liberation Serif for the PDF writer, and the measurements the DOCX
/// writer needs (the length of a rule under a line of text). Liberation Serif has the metrics
/// of Times New Roman, so a width measured here is the width Word shows. Internal to
/// documents/.

#include <pango/pangocairo.h>

#include <memory>
#include <string_view>
#include <vector>

#include "documents/document.hpp"
#include "domain/error.hpp"

namespace thidua::documents::pango {

/// The one face family of every output (fonts-liberation2: the older fonts-liberation lacks
/// most Vietnamese letters).
inline constexpr const char* kFontFamily = "Liberation Serif";

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

/// A context at 72 dpi (one unit is one point) with unhinted metrics and unrounded glyph
/// positions, so that widths are the font's own and not rounded to whole points.
ContextPtr make_context();

/// Errors: internal when fontconfig has no Liberation Serif and would substitute another
/// face (the PDF must use the face the tests and Decree 30 expect).
Result<void> check_font(PangoContext* context);

/// How a paragraph is set: width of the column, alignment, first-line indent and spacing.
struct Setting {
  double width_pt = 0;
  Align align = Align::left;
  double first_line_indent_pt = 0;
  double line_spacing = 1.0;  ///< a multiple of the font's line height; 1.0 is single
};

/// A laid-out paragraph of `runs` at `size_pt` (each run may override it).
LayoutPtr make_layout(PangoContext* context, const std::vector<Run>& runs, double size_pt, const Setting& setting);

/// One line of plain text (header lines, signature), bold/italic as asked.
LayoutPtr make_text(PangoContext* context, std::string_view text, double size_pt, bool bold, bool italic,
                    const Setting& setting);

/// The layout's height in points, line spacing included.
double height_pt(PangoLayout* layout);
/// The width of the widest line in points.
double width_pt(PangoLayout* layout);

/// The width in points of `text` on one line in Liberation Serif at `size_pt`.
double text_width_pt(std::string_view text, double size_pt, bool bold, bool italic = false);

}  // namespace thidua::documents::pango
