#include "documents/pango_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace thidua::documents::pango {
namespace {

int to_units(double pt) { return static_cast<int>(std::lround(pt * PANGO_SCALE)); }
double to_pt(int units) { return static_cast<double>(units) / PANGO_SCALE; }

struct AttrListUnref {
  void operator()(PangoAttrList* list) const { pango_attr_list_unref(list); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

FontDescriptionPtr font(double size_pt) {
  FontDescriptionPtr d(pango_font_description_new());
  pango_font_description_set_family(d.get(), kFontFamily);
  pango_font_description_set_absolute_size(d.get(), size_pt * PANGO_SCALE);
  return d;
}

PangoAlignment alignment(Align a) {
  switch (a) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    case Align::left:
    case Align::justify:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

void insert(PangoAttrList* list, PangoAttribute* attr, std::size_t start, std::size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attr);
}

/// `text` as the DOCX writer keeps it: C0 controls other than tab and line feed dropped
/// (Pango would draw them as boxes from another font), bytes that are not UTF-8 replaced by
/// U+FFFD (Pango would warn and drop the rest). Done run by run, so that the attribute
/// ranges stay right.
std::string clean(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') continue;
    kept += c;
  }
  if (g_utf8_validate(kept.data(), static_cast<gssize>(kept.size()), nullptr)) return kept;
  gchar* valid = g_utf8_make_valid(kept.data(), static_cast<gssize>(kept.size()));
  std::string out(valid);
  g_free(valid);
  return out;
}

void apply(PangoLayout* layout, const Setting& s) {
  pango_layout_set_width(layout, s.width_pt > 0 ? to_units(s.width_pt) : -1);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, alignment(s.align));
  pango_layout_set_justify(layout, s.align == Align::justify);
  pango_layout_set_indent(layout, to_units(s.first_line_indent_pt));
  // 1.0 would still switch Pango to font-height spacing; 0 keeps its natural single spacing.
  pango_layout_set_line_spacing(layout, s.line_spacing > 1.0 ? static_cast<float>(s.line_spacing) : 0.0F);
}

}  // namespace

ContextPtr make_context() {
  // Per thread in Pango ≥ 1.32, so concurrent requests never share a font map.
  PangoFontMap* map = pango_cairo_font_map_get_default();
  ContextPtr context(pango_font_map_create_context(map));
  pango_cairo_context_set_resolution(context.get(), 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context.get(), FALSE);
  return context;
}

Result<void> check_font(PangoContext* context) {
  FontDescriptionPtr wanted = font(12);
  PangoFont* loaded = pango_context_load_font(context, wanted.get());
  if (loaded == nullptr) return fail(ErrorKind::internal, "internal", "no font at all from fontconfig");
  FontDescriptionPtr got(pango_font_describe(loaded));
  g_object_unref(loaded);
  const char* family = pango_font_description_get_family(got.get());
  if (family == nullptr || std::string_view(family) != kFontFamily) {
    return fail(ErrorKind::internal, "internal",
                std::string("font ") + kFontFamily + " is not installed (Debian: fonts-liberation2); got " +
                    (family ? family : "none"));
  }
  return {};
}

LayoutPtr make_layout(PangoContext* context, const std::vector<Run>& runs, double size_pt, const Setting& setting) {
  LayoutPtr layout(pango_layout_new(context));
  FontDescriptionPtr base = font(size_pt);
  pango_layout_set_font_description(layout.get(), base.get());
  apply(layout.get(), setting);

  std::string text;
  std::unique_ptr<PangoAttrList, AttrListUnref> attrs(pango_attr_list_new());
  for (const Run& r : runs) {
    const std::size_t start = text.size();
    text += clean(r.text);
    const std::size_t end = text.size();
    if (start == end) continue;
    if (r.bold) insert(attrs.get(), pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (r.italic) insert(attrs.get(), pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (r.underline) insert(attrs.get(), pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
    if (r.size_pt > 0) insert(attrs.get(), pango_attr_size_new_absolute(to_units(r.size_pt)), start, end);
  }
  // '\n' in a run is a line break inside the paragraph, which Pango does natively.
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout.get(), attrs.get());
  return layout;
}

LayoutPtr make_text(PangoContext* context, std::string_view text, double size_pt, bool bold, bool italic,
                    const Setting& setting) {
  return make_layout(context, {Run{std::string(text), bold, italic}}, size_pt, setting);
}

double height_pt(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return to_pt(height);
}

double width_pt(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return to_pt(logical.width);
}

double text_width_pt(std::string_view text, double size_pt, bool bold, bool italic) {
  ContextPtr context = make_context();
  LayoutPtr layout = make_text(context.get(), text, size_pt, bold, italic, Setting{});
  return width_pt(layout.get());
}

}  // namespace thidua::documents::pango
