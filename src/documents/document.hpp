#pragma once
/// The model of an official document laid out as Decree 30/2020/NĐ-CP (art. 8, Annex I)
/// wants it: the header block (agency left, national name and motto right), the document
/// type and its summary, a body of paragraphs and tables, the signature block with the
/// recipients beside it, and annexes. Standard library only: a plan, a decision, a report,
/// minutes or a certificate is converted into this model by its feature, and each writer
/// (write_docx, write_pdf, write_html) turns the same model into its format, so the file the
/// Office edits, the file it prints and the page it previews never disagree.
///
/// Text is UTF-8 (NFC) and reads exactly as typed: capitals are typed as capitals ("BAN DÂN
/// TỘC"), and the numbers of headings and items ("I.", "1.", "a)", "- ") are part of the
/// paragraph's text, never generated, so that what the clerk wrote is what is printed.
///
/// Units: page geometry and indents in millimetres; font sizes and vertical spacing in
/// points (1 pt = 1/72 inch), as Word and Decree 30 state them.

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace thidua::documents {

enum class Orientation { portrait, landscape };

/// A4 page, margins, base font and spacing. The defaults are those of Decree 30.
struct PageSetup {
  Orientation orientation = Orientation::portrait;
  double margin_top_mm = 20;
  double margin_bottom_mm = 20;
  double margin_left_mm = 30;
  double margin_right_mm = 15;
  double font_size_pt = 14;  ///< the body's size (13–14)
  /// Line spacing as a multiple of single spacing (Word's "Multiple"): 1.0 to 1.5.
  double line_spacing = 1.15;
  /// Space after each body paragraph unless the paragraph says otherwise (at least 6 pt).
  double paragraph_spacing_pt = 6;
  /// Page numbers centred in the top margin from page 2 on (never on page 1).
  bool page_numbers = true;

  /// Page size in millimetres for the orientation: A4 is 210 × 297 mm.
  double page_width_mm() const { return orientation == Orientation::portrait ? 210.0 : 297.0; }
  double page_height_mm() const { return orientation == Orientation::portrait ? 297.0 : 210.0; }
  /// The width of the text column between the margins.
  double text_width_mm() const { return page_width_mm() - margin_left_mm - margin_right_mm; }
};

/// A piece of text with one set of character properties. '\n' inside the text is a line
/// break within the paragraph; '\t' a tab.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  double size_pt = 0;  ///< 0: the paragraph's size
};

enum class Align { left, center, right, justify };

/// One paragraph. A heading is a paragraph with `heading_level` 1–4: it is kept on the page
/// of the paragraph that follows it and becomes a heading (outline level) in DOCX and a
/// bookmark in the PDF. Use the helpers below for the usual kinds.
struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::justify;
  double first_line_indent_mm = 0;  ///< negative: a hanging indent
  double left_indent_mm = 0;
  double right_indent_mm = 0;
  std::optional<double> space_before_pt;  ///< unset: 0 (body), 6 (headings)
  std::optional<double> space_after_pt;   ///< unset: PageSetup::paragraph_spacing_pt
  double size_pt = 0;                     ///< 0: PageSetup::font_size_pt
  int heading_level = 0;                  ///< 0: body text; 1 "I. …", 2 "1. …", 3 "1.1. …", 4 deeper
  bool keep_with_next = false;            ///< also true for every heading

  /// The text of all runs, in order.
  std::string text() const;
};

/// The first-line indent of body paragraphs and headings (1 cm, the usual practice).
inline constexpr double kBodyIndentMm = 10;

/// A justified body paragraph with the usual first-line indent; also for items typed as
/// "- …", "a) …" or "1. …" (the marker is part of `text`).
Paragraph body(std::string text);
/// The same made of several runs (a bold lead-in, an italic citation).
Paragraph body(std::vector<Run> runs);
/// A numbered section heading, bold: level 1 "I. MỤC ĐÍCH, YÊU CẦU", level 2 "1. Mục đích",
/// level 3 "2.1. …"; level 4 is bold italic.
Paragraph heading(int level, std::string text);
/// A centred paragraph (bold when asked), for titles inside the body and certificates.
Paragraph centered(std::string text, bool bold = false, double size_pt = 0);

struct TableCell {
  std::vector<Paragraph> paragraphs;
  int column_span = 1;  ///< how many grid columns the cell covers
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;  ///< repeated at the top of each page the table continues on
};

/// A table over the text column. `column_widths` are relative weights, scaled to the text
/// width (for example {1, 6, 3}); empty means equal columns. Header rows must come first.
struct TableBlock {
  std::vector<double> column_widths;
  std::vector<TableRow> rows;
  bool borders = true;  ///< single black lines around every cell

  /// The number of grid columns: the widest row's spans, or the number of widths given.
  int column_count() const;
  /// Each grid column's share of the table's width, adding up to 1 (a missing or
  /// non-positive weight counts as 1).
  std::vector<double> column_shares() const;
};

/// A table cell holding one paragraph of `text`: no indent, no space after, in the tables'
/// size (a point smaller than the body).
TableCell cell(std::string text, bool bold = false, Align align = Align::left);

/// Starts a new page.
struct PageBreak {};

/// One bar of a chart: its label (left), its value and the text written after it.
struct ChartBar {
  std::string label;
  double value = 0;
  std::string value_label;  ///< empty: the value as a number
};

/// A horizontal bar chart drawn as shapes, so that it prints sharp and reads in Word: filled
/// rectangles in the PDF, shaded cells of a borderless table in the DOCX, the server's SVG in
/// HTML. One bar per row on a common scale from 0 to `max_value` (at least the largest value),
/// the title centred above. The figures it draws belong in a table beside it too.
struct ChartBlock {
  std::string title;
  std::vector<ChartBar> bars;
  double max_value = 0;

  /// The top of the scale: `max_value`, or the largest value when that is larger (at least 1).
  double scale() const;
  /// The text after bar `b`: its value label, or its value as a whole number.
  static std::string value_text(const ChartBar& b);
};

using Block = std::variant<Paragraph, TableBlock, PageBreak, ChartBlock>;

/// The header block (Decree 30, Annex I, items 1–4): left, the parent body and the issuing
/// agency with a short rule under it, then the number and symbol; right, the national name
/// and motto with a rule under it, then place and date.
struct HeaderBlock {
  std::string parent_body;  ///< regular capitals ("UBND TỈNH CAO BẰNG"); may be empty
  std::string agency;       ///< bold capitals ("BAN DÂN TỘC")
  std::string number;       ///< "12"; empty for a draft: "Số:    /KH-BDT"
  std::string symbol;       ///< "KH-BDT"; empty: no "Số:" line at all
  /// An official letter's summary under the number ("V/v …", 12 pt); empty for other types.
  std::string letter_summary;
  std::string national_name = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  std::string motto = "Độc lập - Tự do - Hạnh phúc";
  std::string place;  ///< "Cao Bằng"
  /// The date; 0 leaves the field blank for the signer to fill in ("ngày    tháng    năm").
  int day = 0;
  int month = 0;
  int year = 0;
};

/// "Số: 12/KH-BDT", or "Số:      /KH-BDT" without a number; empty without a symbol.
std::string number_line(const HeaderBlock& header);
/// "Cao Bằng, ngày 05 tháng 02 năm 2022": Decree 30 writes days below 10 and the months
/// January and February with a leading zero. Blank parts for unset fields; empty without a
/// place.
std::string place_date_line(const HeaderBlock& header);

/// The signature block, right: signing mark (KT., TM., Q., TL., TUQ. + the head's title),
/// the signer's title, room for signature and seal, the name. All in bold; mark and title
/// in capitals as typed.
struct Signature {
  std::string mark;   ///< "KT. TRƯỞNG BAN"; may be empty
  std::string title;  ///< "PHÓ TRƯỞNG BAN"
  std::string name;   ///< "Hà Văn Vui"
  double space_mm = 25;  ///< blank room for signature and seal

  bool empty() const { return mark.empty() && title.empty() && name.empty(); }
};

/// An annex (phụ lục): starts on a new page, with its heading, title and subtitle centred.
struct Annex {
  std::string heading;   ///< "Phụ lục I" (bold)
  std::string title;     ///< "DANH SÁCH …" (bold)
  std::string subtitle;  ///< "(Kèm theo Quyết định số …)" (italic); may be empty
  std::vector<Block> body;
  std::optional<Orientation> orientation;  ///< unset: as the document
};

struct Metadata {
  std::string title;   ///< unset: type + " " + summary
  std::string author;  ///< unset: the agency
  std::string subject;
  /// Creation time written into the files, "YYYY-MM-DDThh:mm:ss" (UTC); empty: the header's
  /// date at midnight, or 2000-01-01. Fixed rather than "now", so the same document always
  /// gives the same bytes.
  std::string created;
};

struct Document {
  PageSetup page;
  HeaderBlock header;
  std::string type;     ///< "KẾ HOẠCH", "QUYẾT ĐỊNH" …; empty for an official letter
  std::string summary;  ///< the trích yếu, bold, centred, may wrap; empty: none
  std::vector<Block> body;
  Signature signature;
  /// A second signer at the left (minutes: the secretary, with the chair at the right);
  /// drawn above the recipients when both are given.
  std::optional<Signature> left_signature;
  /// The lines after "Nơi nhận:", as printed: "- UBND tỉnh;" … "- Lưu: VT, TĐKT.".
  /// Empty: no recipients block. See recipient_lines().
  std::vector<std::string> recipients;
  std::vector<Annex> annexes;
  Metadata metadata;
};

/// The label of the recipients block.
inline constexpr const char* kRecipientsLabel = "Nơi nhận:";

/// The recipients as Decree 30 prints them: "- X;" for each, then "- Lưu: VT, <archive>.".
std::vector<std::string> recipient_lines(const std::vector<std::string>& recipients, const std::string& archive);

/// The document's title and author as written into the files' metadata.
std::string metadata_title(const Document& doc);
std::string metadata_author(const Document& doc);
/// The creation time as "YYYY-MM-DDThh:mm:ss" (see Metadata::created).
std::string metadata_created(const Document& doc);

/// The text in reading order, one paragraph (or line of the header and closing blocks) a
/// line: header left then right, type, summary, body (a table row by row, cell by cell),
/// signature, recipients, annexes. For tests and text previews.
std::string plain_text(const Document& doc);

}  // namespace thidua::documents
