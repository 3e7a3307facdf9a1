#pragma once
/// The PDF writer's page flow: a cursor running down the text column of the current page,
/// new pages with their number at the top from page 2, and paragraphs placed line by line so
/// that one that does not fit is split across pages (never leaving a single line at the foot
/// or the head of a page). Internal to documents/.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <vector>

#include "documents/document.hpp"
#include "documents/pango_text.hpp"

namespace thidua::documents::pdf {

/// A paragraph ready to place: its layout, where its column starts and its spacing.
struct Prepared {
  pango::LayoutPtr layout;
  double x = 0;  ///< left edge of the layout
  double space_before = 0;
  double space_after = 0;
  int heading_level = 0;
  bool keep_with_next = false;
  std::string text;  ///< for the PDF outline of headings
};

/// Lays out `p` in the column [x, x + width] with the page's spacing and sizes.
Prepared prepare(PangoContext* context, const Paragraph& p, const PageSetup& page, double x, double width);

/// The height `p` needs at least where it starts a page: its first two lines (or all of it).
double min_height(const Prepared& p);

class Flow {
 public:
  /// Draws onto `cr` (a PDF surface); the first page is begun with `page`.
  Flow(cairo_t* cr, PangoContext* context, const PageSetup& page);

  /// Ends the current page and begins the next, in `page`'s orientation and margins.
  void new_page(const PageSetup& page);
  void new_page() { new_page(setup_); }
  /// Ends the last page.
  void finish();

  double y() const { return y_; }
  void advance(double dy) { y_ += dy; }
  double left() const { return left_; }
  double width() const { return width_; }
  double bottom() const { return bottom_; }
  double remaining() const { return bottom_ - y_; }
  /// Nothing placed on this page yet: space before is dropped there.
  bool at_top() const { return y_ <= top_ + 0.01; }
  int page_number() const { return page_; }
  const PageSetup& setup() const { return setup_; }
  cairo_t* cr() const { return cr_; }
  PangoContext* context() const { return context_; }

  /// Starts a new page unless `height` still fits (or the page is still empty).
  void ensure(double height);

  /// Places the paragraph at the cursor, split over pages when `splittable`, and moves the
  /// cursor below it (space after included).
  void place(const Prepared& p, bool splittable = true);

  /// Draws `layout` with its top-left corner at (x, y), outside the flow.
  void draw(PangoLayout* layout, double x, double y) const;
  /// A horizontal rule from x0 to x1 at height y.
  void rule(double x0, double x1, double y) const;
  /// Adds an entry to the PDF outline pointing at the cursor; returns its id for children.
  int outline(const std::string& text, int parent_id) const;

 private:
  void begin_page();

  cairo_t* cr_;
  PangoContext* context_;
  PageSetup setup_;
  int page_ = 0;
  double top_ = 0;
  double bottom_ = 0;
  double left_ = 0;
  double width_ = 0;
  double y_ = 0;
};

}  // namespace thidua::documents::pdf
