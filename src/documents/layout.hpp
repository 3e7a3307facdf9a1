#pragma once
/// The measures of the Decree 30 layout shared by the DOCX, PDF and HTML writers, so that the
/// three outputs of one document agree: the sizes of the header and closing blocks, how the
/// two columns split the text width, and the lengths of the rules. Internal to documents/.

#include <algorithm>

#include "documents/document.hpp"

namespace thidua::documents::layout {

// Header block (Decree 30, Annex I): parent body and agency 12–13 pt, national name
// 12–13 pt bold, motto 13–14 pt bold, number 13 pt, place and date 13–14 pt italic.
inline constexpr double kParentBodyPt = 13;
inline constexpr double kAgencyPt = 13;
inline constexpr double kNumberPt = 13;
inline constexpr double kLetterSummaryPt = 12;
inline constexpr double kNationalNamePt = 13;
inline constexpr double kMottoPt = 14;
inline constexpr double kPlaceDatePt = 14;

/// The left column's share of the text width in the header block. The right column must hold
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 13 pt bold (93 mm in Liberation Serif) on one
/// line: 62% of 165 mm is 102 mm.
inline constexpr double kHeaderLeftShare = 0.38;
/// The rule under the agency is a third to a half of the agency's line (Decree 30): 40%.
inline constexpr double kAgencyRuleShare = 0.4;
/// The rule under the summary, a third of its widest line.
inline constexpr double kSummaryRuleShare = 1.0 / 3.0;
/// Rules are thin black lines, a little below the text they underline (clear of the dots
/// below Vietnamese letters such as "Ộ"), with as much room again under them.
inline constexpr double kRuleWidthPt = 0.6;
inline constexpr double kRuleGapPt = 3;
/// Space between the rules of the header block and the number and date under them.
inline constexpr double kHeaderRowGapPt = 6;
/// Space between the header block and the document type, and after the summary.
inline constexpr double kAfterHeaderPt = 18;
inline constexpr double kAfterSummaryPt = 12;

// Closing block: "Nơi nhận:" 12 pt bold italic, its lines 11 pt; the signature in the body
// size, bold.
inline constexpr double kRecipientsLabelPt = 12;
inline constexpr double kRecipientsPt = 11;
/// The recipients' share of the text width; the signature takes the rest, on the right.
inline constexpr double kClosingLeftShare = 0.45;
/// Space between the last body paragraph and the closing block.
inline constexpr double kBeforeClosingPt = 6;

/// Annex heading and title in the body size, bold; subtitle italic.
inline constexpr double kAfterAnnexTitlePt = 12;

/// Table cells: padding around the text, in millimetres, and the text size (the body size
/// less 1 pt: tables in official documents are set a size smaller).
inline constexpr double kCellPaddingMm = 1.5;
inline double table_text_pt(const PageSetup& page) { return std::max(10.0, page.font_size_pt - 1); }
/// The page setup table cells are set in: a size smaller, single spacing, no space after.
inline PageSetup cell_page(const PageSetup& page) {
  PageSetup setup = page;
  setup.font_size_pt = table_text_pt(page);
  setup.line_spacing = 1.0;
  setup.paragraph_spacing_pt = 0;
  return setup;
}

/// A paragraph's effective size, space before and space after.
inline double size_of(const Paragraph& p, const PageSetup& page) { return p.size_pt > 0 ? p.size_pt : page.font_size_pt; }
inline double space_before_of(const Paragraph& p) {
  return p.space_before_pt.value_or(p.heading_level > 0 ? 6.0 : 0.0);
}
inline double space_after_of(const Paragraph& p, const PageSetup& page) {
  return p.space_after_pt.value_or(page.paragraph_spacing_pt);
}
/// A run's effective size in its paragraph.
inline double size_of(const Run& r, double paragraph_pt) { return r.size_pt > 0 ? r.size_pt : paragraph_pt; }

/// The page setup for an annex (its own orientation, else the document's).
inline PageSetup annex_page(const Document& doc, const Annex& annex) {
  PageSetup page = doc.page;
  if (annex.orientation) page.orientation = *annex.orientation;
  return page;
}

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline double mm_to_pt(double mm) { return mm * kPointsPerMm; }

}  // namespace thidua::documents::layout
