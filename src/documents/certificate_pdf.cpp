#include "documents/certificate_pdf.hpp"

#include <cairo-pdf.h>

#include <cmath>
#include <memory>

#include "documents/layout.hpp"
#include "documents/pango_text.hpp"
#include "documents/qr.hpp"

namespace thidua::documents {

namespace {

using layout::mm_to_pt;

constexpr double kPageWidthMm = 297;
constexpr double kPageHeightMm = 210;

struct Rgb {
  double r, g, b;
};
constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kRed{0.64, 0.08, 0.08};
constexpr Rgb kGold{0.71, 0.55, 0.16};
constexpr Rgb kNavy{0.06, 0.16, 0.42};
constexpr Rgb kGuide{0.6, 0.6, 0.6};

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Page {
 public:
  Page(cairo_t* cr, PangoContext* context) : cr_(cr), context_(context) {}

  /// Draws `text` in a column `width_mm` wide whose left edge is at `x_mm`; returns the height
  /// in millimetres.
  double text(std::string_view text, double x_mm, double y_mm, double width_mm, double size, bool bold,
              bool italic, Align align = Align::center, Rgb colour = kBlack, double spacing = 1.0) {
    if (text.empty()) return 0;
    pango::LayoutPtr l =
        pango::make_text(context_, text, size, bold, italic, pango::Setting{mm_to_pt(width_mm), align, 0, spacing});
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_move_to(cr_, mm_to_pt(x_mm), mm_to_pt(y_mm));
    pango_cairo_show_layout(cr_, l.get());
    return pango::height_pt(l.get()) * 25.4 / 72.0;
  }
  /// The same centred on `centre_mm`.
  double centred(std::string_view s, double centre_mm, double y_mm, double width_mm, double size, bool bold,
                 bool italic, Rgb colour = kBlack) {
    return text(s, centre_mm - width_mm / 2, y_mm, width_mm, size, bold, italic, Align::center, colour);
  }
  double width_mm(std::string_view s, double size, bool bold) const {
    return pango::text_width_pt(s, size, bold) * 25.4 / 72.0;
  }
  void line(double x0, double y0, double x1, double y1, double width_pt, Rgb c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_set_line_width(cr_, width_pt);
    cairo_move_to(cr_, mm_to_pt(x0), mm_to_pt(y0));
    cairo_line_to(cr_, mm_to_pt(x1), mm_to_pt(y1));
    cairo_stroke(cr_);
  }
  void rect(double inset_mm, double width_pt, Rgb c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_set_line_width(cr_, width_pt);
    cairo_rectangle(cr_, mm_to_pt(inset_mm), mm_to_pt(inset_mm), mm_to_pt(kPageWidthMm - 2 * inset_mm),
                    mm_to_pt(kPageHeightMm - 2 * inset_mm));
    cairo_stroke(cr_);
  }
  void diamond(double x_mm, double y_mm, double half_mm, Rgb c) {
    cairo_set_source_rgb(cr_, c.r, c.g, c.b);
    cairo_move_to(cr_, mm_to_pt(x_mm), mm_to_pt(y_mm - half_mm));
    cairo_line_to(cr_, mm_to_pt(x_mm + half_mm), mm_to_pt(y_mm));
    cairo_line_to(cr_, mm_to_pt(x_mm), mm_to_pt(y_mm + half_mm));
    cairo_line_to(cr_, mm_to_pt(x_mm - half_mm), mm_to_pt(y_mm));
    cairo_close_path(cr_);
    cairo_fill(cr_);
  }
  void qr(const QrCode& q, double x_mm, double y_mm, double side_mm) {
    const double module = mm_to_pt(side_mm) / (q.size + 2);  // a quiet zone of one module each side
    const double x0 = mm_to_pt(x_mm) + module, y0 = mm_to_pt(y_mm) + module;
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_rectangle(cr_, mm_to_pt(x_mm), mm_to_pt(y_mm), mm_to_pt(side_mm), mm_to_pt(side_mm));
    cairo_fill(cr_);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (int y = 0; y < q.size; ++y) {
      for (int x = 0; x < q.size; ++x) {
        if (q.at(x, y)) cairo_rectangle(cr_, x0 + x * module, y0 + y * module, module, module);
      }
    }
    cairo_fill(cr_);
  }
  void cross(double x_mm, double y_mm, const char* label) {
    line(x_mm - 3, y_mm, x_mm + 3, y_mm, 0.4, kGuide);
    line(x_mm, y_mm - 3, x_mm, y_mm + 3, 0.4, kGuide);
    text(label, x_mm + 1, y_mm - 4, 60, 7, false, false, Align::left, kGuide);
  }

 private:
  cairo_t* cr_;
  PangoContext* context_;
};

/// The border of the plain design: a red frame, a gold inner rule, a band of small gold diamonds
/// between them and a red diamond at each corner.
void border(Page& p) {
  constexpr double outer = 9, inner = 14, band = (outer + inner) / 2;
  p.rect(outer, 2.6, kRed);
  p.rect(outer + 1.2, 0.6, kRed);
  p.rect(inner, 0.8, kGold);
  for (double x = outer + 6; x <= kPageWidthMm - outer - 6 + 0.01; x += 5.5) {
    p.diamond(x, band, 0.9, kGold);
    p.diamond(x, kPageHeightMm - band, 0.9, kGold);
  }
  for (double y = outer + 6; y <= kPageHeightMm - outer - 6 + 0.01; y += 5.5) {
    p.diamond(band, y, 0.9, kGold);
    p.diamond(kPageWidthMm - band, y, 0.9, kGold);
  }
  for (double x : {band, kPageWidthMm - band}) {
    for (double y : {band, kPageHeightMm - band}) {
      p.diamond(x, y, 3.2, kRed);
      p.diamond(x, y, 1.4, kGold);
    }
  }
}

Result<void> plain(Page& p, const CertificateSheet& s) {
  constexpr double centre = kPageWidthMm / 2;
  border(p);
  double y = 24;
  y += p.centred(s.national_name, centre, y, 240, 13, true, false);
  const double motto_h = p.centred(s.motto, centre, y, 240, 14, true, false);
  const double motto_w = p.width_mm(s.motto, 14, true);
  y += motto_h + 0.8;
  p.line(centre - motto_w / 2, y, centre + motto_w / 2, y, 0.6, kBlack);
  y += 9;
  y += p.centred(s.head_title, centre, y, 250, 16, true, false) + 1;
  y += p.centred("TẶNG", centre, y, 100, 15, true, false) + 3;
  y += p.centred(s.heading, centre, y, 250, 50, true, false, kRed);
  // A short gold rule with a diamond under the heading.
  p.line(centre - 40, y + 1, centre - 3, y + 1, 0.8, kGold);
  p.line(centre + 3, y + 1, centre + 40, y + 1, 0.8, kGold);
  p.diamond(centre, y + 1, 1.6, kGold);
  y += 6;
  if (!s.title_line.empty()) y += p.centred(s.title_line, centre, y, 250, 17, true, true, kRed) + 3;
  y += p.centred(s.name, centre, y, 250, 28, true, false, kNavy) + 3;
  if (!s.unit.empty()) y += p.centred(s.unit, centre, y, 240, 17, true, false) + 2;
  p.text(s.achievement, centre - 115, y + 1, 230, 16, false, true, Align::center, kBlack, 1.1);

  // Bottom right: place and date, the signer.
  constexpr double right = 198, right_w = 86;
  double ry = 150;
  ry += p.text(s.place_date, right - right_w / 2, ry, right_w, 13, false, true);
  ry += p.text(s.signer_mark, right - right_w / 2, ry, right_w, 13, true, false);
  ry += p.text(s.signer_title, right - right_w / 2, ry, right_w, 13, true, false);
  p.text(s.signer_name, right - right_w / 2, 184, right_w, 14, true, false);

  // Bottom left: the decision, the QR code and its code.
  constexpr double left = 24;
  p.text(s.decision_line, left, 156, 100, 11, false, true, Align::left);
  if (!s.qr_text.empty()) {
    auto q = qr_encode(s.qr_text);
    if (!q) return tl::unexpected(q.error());
    p.qr(*q, left, 163, 22);
    p.text(s.code_line, left + 24, 172, 70, 10.5, true, false, Align::left);
    p.text("Quét mã để xác thực", left + 24, 177, 70, 9, false, true, Align::left);
  }
  return {};
}

Result<void> preprinted(Page& p, const CertificateSheet& s, const CertificateLayout& l, bool guides) {
  if (guides) {
    p.rect(10, 0.5, kGuide);
    p.cross(l.name_x, l.name_y, "name");
    p.cross(l.unit_x, l.unit_y, "unit");
    p.cross(l.achievement_x, l.achievement_y, "achievement");
    p.cross(l.date_x, l.date_y, "date");
    p.cross(l.decision_x, l.decision_y, "decision");
    p.cross(l.qr_x, l.qr_y, "qr");
  }
  p.centred(s.name, l.name_x, l.name_y, 250, l.name_size, true, false);
  p.centred(s.unit, l.unit_x, l.unit_y, 240, l.text_size, true, false);
  if (!s.title_line.empty()) {
    const double h = p.centred(s.title_line, l.achievement_x, l.achievement_y, l.achievement_width, l.text_size, true, true);
    p.centred(s.achievement, l.achievement_x, l.achievement_y + h, l.achievement_width, l.text_size, false, true);
  } else {
    p.centred(s.achievement, l.achievement_x, l.achievement_y, l.achievement_width, l.text_size, false, true);
  }
  double y = l.date_y;
  y += p.centred(s.place_date, l.date_x, y, 90, l.text_size - 2, false, true);
  y += p.centred(s.signer_mark, l.date_x, y, 90, l.text_size - 2, true, false);
  p.centred(s.signer_title, l.date_x, y, 90, l.text_size - 2, true, false);
  p.centred(s.signer_name, l.date_x, l.date_y + 30, 90, l.text_size - 1, true, false);
  p.text(s.decision_line, l.decision_x, l.decision_y, 110, 11, false, true, Align::left);
  if (!s.qr_text.empty()) {
    auto q = qr_encode(s.qr_text);
    if (!q) return tl::unexpected(q.error());
    p.qr(*q, l.qr_x, l.qr_y, l.qr_size);
    p.text(s.code_line, l.qr_x + l.qr_size + 2, l.qr_y + l.qr_size / 2 - 2, 60, 10, true, false, Align::left);
  }
  return {};
}

}  // namespace

Result<std::string> write_certificates_pdf(const std::vector<CertificateSheet>& sheets,
                                           const CertificateOptions& options) {
  if (sheets.empty()) return fail(ErrorKind::validation, "certificate.not_found", "no certificate to print");
  pango::ContextPtr context = pango::make_context();
  if (auto font = pango::check_font(context.get()); !font) return tl::unexpected(std::move(font.error()));
  std::string out;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_pdf_surface_create_for_stream(append, &out, mm_to_pt(kPageWidthMm), mm_to_pt(kPageHeightMm)));
  cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
  const std::string created = options.created.empty() ? "2000-01-01T00:00:00" : options.created;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                 sheets.size() == 1 ? (sheets[0].heading + " - " + sheets[0].name).c_str()
                                                    : sheets[0].heading.c_str());
  if (!options.author.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, options.author.c_str());
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "thidua");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
  std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
  pango_cairo_update_context(cr.get(), context.get());
  Page page(cr.get(), context.get());
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    auto drawn = options.paper == CertificatePaper::plain ? plain(page, sheets[i])
                                                          : preprinted(page, sheets[i], options.layout, options.guides);
    if (!drawn) return tl::unexpected(drawn.error());
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return fail(ErrorKind::internal, "internal", std::string("cairo: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace thidua::documents
