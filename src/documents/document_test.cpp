#include "documents/document.hpp"

#include <gtest/gtest.h>

#include "documents/document_test_support.hpp"
#include "documents/html_writer.hpp"
#include "documents/markup.hpp"
#include "documents/test_samples.hpp"

namespace thidua::documents {
namespace {

using testing::lines_of;
using testing::seed_plan;
using testing::small_decision;

TEST(DocumentModel, NumberLineLeavesRoomForTheNumberOfADraft) {
  HeaderBlock h;
  EXPECT_EQ(number_line(h), "") << "no symbol, no line";
  h.symbol = "KH-BDT";
  EXPECT_EQ(number_line(h), "Số:       /KH-BDT");
  h.number = "12";
  EXPECT_EQ(number_line(h), "Số: 12/KH-BDT");
}

TEST(DocumentModel, PlaceAndDateWriteSmallDaysAndJanuaryFebruaryWithALeadingZero) {
  HeaderBlock h;
  EXPECT_EQ(place_date_line(h), "") << "no place, no line";
  h.place = "Cao Bằng";
  h.day = 30;
  h.month = 9;
  h.year = 2022;
  EXPECT_EQ(place_date_line(h), "Cao Bằng, ngày 30 tháng 9 năm 2022");
  h.day = 5;
  h.month = 2;
  EXPECT_EQ(place_date_line(h), "Cao Bằng, ngày 05 tháng 02 năm 2022");
  h.month = 3;
  EXPECT_EQ(place_date_line(h), "Cao Bằng, ngày 05 tháng 3 năm 2022");
  h.day = 0;
  h.month = 0;
  EXPECT_EQ(place_date_line(h), "Cao Bằng, ngày      tháng      năm 2022") << "blank for the signer to fill in";
}

TEST(DocumentModel, RecipientsEndWithTheArchive) {
  EXPECT_EQ(recipient_lines({"UBND tỉnh", "Lãnh đạo Ban"}, "TĐKT"),
            (std::vector<std::string>{"- UBND tỉnh;", "- Lãnh đạo Ban;", "- Lưu: VT, TĐKT."}));
  EXPECT_EQ(recipient_lines({}, ""), (std::vector<std::string>{"- Lưu: VT."}));
}

TEST(DocumentModel, HelpersMakeTheUsualParagraphs) {
  const Paragraph h = heading(1, "I. MỤC ĐÍCH, YÊU CẦU");
  EXPECT_EQ(h.heading_level, 1);
  EXPECT_TRUE(h.keep_with_next);
  ASSERT_EQ(h.runs.size(), 1U);
  EXPECT_TRUE(h.runs[0].bold);
  EXPECT_FALSE(h.runs[0].italic);
  EXPECT_TRUE(heading(4, "a) Tiểu mục").runs[0].italic);
  EXPECT_EQ(heading(9, "x").heading_level, 4);
  const Paragraph b = body("- Đẩy mạnh công tác tuyên truyền");
  EXPECT_EQ(b.align, Align::justify);
  EXPECT_EQ(b.first_line_indent_mm, kBodyIndentMm);
  EXPECT_EQ(b.text(), "- Đẩy mạnh công tác tuyên truyền") << "the bullet is the text's own";
  EXPECT_EQ(centered("QUYẾT ĐỊNH:", true).align, Align::center);
  TableBlock t;
  t.rows.push_back(TableRow{{cell("a"), cell("b")}, true});
  TableCell wide = cell("c");
  wide.column_span = 3;
  t.rows.push_back(TableRow{{wide}, false});
  EXPECT_EQ(t.column_count(), 3);
  EXPECT_EQ(t.column_shares(), (std::vector<double>{1.0 / 3, 1.0 / 3, 1.0 / 3}));
  t.column_widths = {1, 6, 0};
  EXPECT_EQ(t.column_shares(), (std::vector<double>{0.125, 0.75, 0.125})) << "a zero weight counts as 1";
}

TEST(DocumentModel, MetadataFallsBackToTheDocumentsOwnFields) {
  Document doc = seed_plan();
  EXPECT_EQ(metadata_title(doc), "KẾ HOẠCH " + doc.summary);
  EXPECT_EQ(metadata_author(doc), "BAN DÂN TỘC");
  EXPECT_EQ(metadata_created(doc), "2022-09-30T00:00:00");
  doc.header.year = 0;
  EXPECT_EQ(metadata_created(doc), "2000-01-01T00:00:00");
  doc.metadata.created = "2024-01-02T03:04:05";
  doc.metadata.title = "Kế hoạch";
  doc.metadata.author = "Ban Dân tộc";
  EXPECT_EQ(metadata_created(doc), "2024-01-02T03:04:05");
  EXPECT_EQ(metadata_title(doc), "Kế hoạch");
  EXPECT_EQ(metadata_author(doc), "Ban Dân tộc");
}

TEST(DocumentModel, PlainTextReadsInOrder) {
  const std::vector<std::string> lines = lines_of(plain_text(small_decision()));
  const std::vector<std::string> head(lines.begin(), lines.begin() + 9);
  EXPECT_EQ(head, (std::vector<std::string>{"UBND TỈNH CAO BẰNG", "BAN DÂN TỘC", "Số: 15/QĐ-BDT",
                                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                            "Cao Bằng, ngày 05 tháng 02 năm 2024", "QUYẾT ĐỊNH",
                                            "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc",
                                            "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG"}));
  const auto at = [&](const std::string& s) { return std::find(lines.begin(), lines.end(), s) - lines.begin(); };
  EXPECT_LT(at("Họ và tên"), at("Nông Thị Hoa")) << "tables row by row";
  EXPECT_LT(at("Nông Thị Hoa"), at("Văn phòng"));
  EXPECT_LT(at("Hà Văn Vui"), at("Nơi nhận:"));
  EXPECT_LT(at("- Lưu: VT, TĐKT."), at("DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"));
  EXPECT_EQ(lines.back(), "Danh sách gồm 02 cá nhân.");
}

TEST(DocumentHtml, LooksLikeThePageAndEscapesEverything) {
  const std::string html = write_html(small_decision());
  const auto has = [&](const std::string& s) { return html.find(s) != std::string::npos; };
  EXPECT_EQ(html.rfind("<article class=\"vb-doc\" lang=\"vi\">", 0), 0U);
  EXPECT_TRUE(has("<p class=\"vb-agency\"><span>BAN DÂN TỘC</span></p>"));
  EXPECT_TRUE(has("<p class=\"vb-motto\"><span>Độc lập - Tự do - Hạnh phúc</span></p>"));
  EXPECT_TRUE(has("<p class=\"vb-number\">Số: 15/QĐ-BDT</p>"));
  EXPECT_TRUE(has("<p class=\"vb-place-date\">Cao Bằng, ngày 05 tháng 02 năm 2024</p>"));
  EXPECT_TRUE(has("<p class=\"vb-type\">QUYẾT ĐỊNH</p>"));
  EXPECT_TRUE(has("<p class=\"vb-p vb-justify vb-indent vb-h2\"><strong>Điều 1."));
  EXPECT_TRUE(has("<strong>Hội đồng Thi đua - Khen thưởng</strong><u> &amp; Chánh Văn phòng &lt;Ban&gt;.</u>"));
  EXPECT_TRUE(has("ký &quot;ban hành&quot; &#39;nay&#39;."));
  EXPECT_TRUE(has("<th><p class=\"vb-p vb-center\"><strong>Họ và tên</strong></p>\n</th>"));
  EXPECT_TRUE(has("<td colspan=\"3\">"));
  EXPECT_TRUE(has("<col width=\"10.0%\"><col width=\"60.0%\"><col width=\"30.0%\">"));
  EXPECT_TRUE(has("<hr class=\"vb-page-break\">"));
  EXPECT_TRUE(has("<p class=\"vb-recipients-label\">Nơi nhận:</p>"));
  EXPECT_TRUE(has("<p class=\"vb-sign-name\">Hà Văn Vui</p>"));
  EXPECT_TRUE(has("<section class=\"vb-annex vb-landscape\">"));
  // The pages' Content-Security-Policy has no 'unsafe-inline': no style attribute, no script.
  EXPECT_FALSE(has("style=")) << "inline styles are blocked by the CSP";
  EXPECT_FALSE(has("<script"));
  // Every line of the document is there, escaped (but the one split into runs).
  for (const std::string& line : lines_of(plain_text(small_decision()))) {
    const std::string escaped = escape_markup(line);
    if (line.find("Hội đồng") == std::string::npos) EXPECT_TRUE(has(escaped)) << line;
  }
}

TEST(DocumentHtml, StylesheetCoversTheClasses) {
  const std::string css = html_preview_css();
  // A page to look at in a browser (THIDUA_DOCUMENTS_KEEP).
  testing::keep("seed_plan.html", "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><style>" + css +
                                      "body{background:#ddd;padding:1em}</style>" + write_html(seed_plan()));
  for (const char* cls : {".vb-doc", ".vb-header", ".vb-agency", ".vb-motto", ".vb-type", ".vb-summary", ".vb-justify",
                          ".vb-indent", ".vb-h1", ".vb-table", ".vb-closing", ".vb-recipient", ".vb-signature",
                          ".vb-sign-space", ".vb-annex"}) {
    EXPECT_NE(css.find(cls), std::string::npos) << cls;
  }
}

}  // namespace
}  // namespace thidua::documents
