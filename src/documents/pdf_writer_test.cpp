#include "documents/pdf_writer.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "documents/document_test_support.hpp"
#include "documents/test_samples.hpp"

namespace thidua::documents {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test helpers

/// A PDF of `doc` written to a temporary folder, read back with poppler's tools.
class RenderedPdf : public PdfFile {
 public:
  RenderedPdf(const Document& doc, const std::string& name) : PdfFile(fs::path()) {
    path_ = dir_.path() / name;
    auto pdf = write_pdf(doc);
    if (!pdf) {
      ADD_FAILURE() << "write_pdf: " << pdf.error().detail;
      return;
    }
    write_file(path_, *pdf);
    keep(name, *pdf);
  }

 private:
  TempDir dir_;
};

TEST(PdfWriter, SeedPlanReadsBackParagraphByParagraphInOrder) {
  require_poppler();
  const Document doc = seed_plan();
  RenderedPdf pdf(doc, "seed_plan.pdf");
  // -raw: in the order we draw, which is reading order (the layout modes would read the
  // header's columns across, and take "2021 -" at the end of a line for a hyphenated word).
  expect_every_line(plain_text(doc), pdf);
  const std::string text = normalise_space(text_without_page_numbers(pdf.run("pdftotext", "-raw")));
  // The body's paragraphs come in the model's order: same headings, same sentences.
  std::size_t last = 0;
  for (const Block& block : doc.body) {
    const std::string wanted = normalise_space(std::get<Paragraph>(block).text());
    const std::size_t at = text.find(wanted, last);
    EXPECT_NE(at, std::string::npos) << "missing or out of order: " << wanted;
    if (at != std::string::npos) last = at + wanted.size();
  }
  for (const char* vietnamese : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:",
                                 "Hà Văn Vui", "ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA; TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG",
                                 "Cao Bằng, ngày 30 tháng 9 năm 2022", "Số: /KH-BDT", "- Lưu: VT, TĐKT."}) {
    EXPECT_NE(text.find(vietnamese), std::string::npos) << vietnamese;
  }
}

TEST(PdfWriter, EmbedsOnlyLiberationSerifFaces) {
  require_poppler();
  RenderedPdf pdf(seed_plan(), "seed_plan.pdf");
  std::istringstream in(pdf.run("pdffonts"));
  std::string line;
  std::set<std::string> faces;
  int row = 0;
  while (std::getline(in, line)) {
    if (++row <= 2) continue;  // the column titles and the dashes under them
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string s; fields >> s;) f.push_back(s);
    ASSERT_GE(f.size(), 7U) << line;
    // name, type (one or two words), encoding, emb, sub, uni, object, generation
    const std::string name = f[0].substr(f[0].find('+') + 1);
    faces.insert(name);
    EXPECT_EQ(name.rfind("LiberationSerif", 0), 0U) << "not Liberation Serif: " << line;
    EXPECT_EQ(f[f.size() - 5], "yes") << "not embedded: " << line;
  }
  // The seed uses regular, bold and italic (the date and "Nơi nhận:" is bold italic).
  EXPECT_TRUE(faces.count("LiberationSerif")) << "regular face missing";
  EXPECT_TRUE(faces.count("LiberationSerif-Bold")) << "bold face missing";
  EXPECT_TRUE(faces.count("LiberationSerif-Italic")) << "italic face missing";
  EXPECT_TRUE(faces.count("LiberationSerif-BoldItalic")) << "bold italic face missing";
}

TEST(PdfWriter, IsA4WithTheDocumentsMetadata) {
  require_poppler();
  RenderedPdf pdf(seed_plan(), "seed_plan.pdf");
  EXPECT_EQ(pdf.info("Page size"), "595.276 x 841.89 pts (A4)");
  EXPECT_EQ(pdf.info("Title"),
            "KẾ HOẠCH Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025");
  EXPECT_EQ(pdf.info("Author"), "BAN DÂN TỘC");
  EXPECT_EQ(pdf.info("Creator"), "thidua");
  EXPECT_EQ(pdf.info("CreationDate"), "Fri Sep 30 00:00:00 2022 UTC");
  EXPECT_GE(std::stoi(pdf.info("Pages")), 3) << "the seed plan fills three pages at 14 pt";
}

TEST(PdfWriter, HeaderColumnsTitleSignatureAndPageNumbersStandWhereDecree30PutsThem) {
  require_poppler();
  const Document doc = seed_plan();
  RenderedPdf pdf(doc, "seed_plan.pdf");
  const std::vector<Word> words = pdf.words();
  ASSERT_FALSE(words.empty());
  const double half = kA4Width / 2;

  // The agency in the left half, the national name and motto in the right half, both in
  // the first lines under the top margin.
  for (const char* left : {"UBND", "DÂN", "TỘC", "Số:", "/KH-BDT"}) {
    const Word* w = find_word(words, 1, left);
    ASSERT_NE(w, nullptr) << left;
    EXPECT_LT(w->x1, half) << left;
    EXPECT_LT(w->y0, 150) << left;
  }
  for (const char* right : {"NAM", "Độc", "Hạnh", "phúc", "Bằng,", "2022"}) {
    const Word* w = find_word(words, 1, right);
    ASSERT_NE(w, nullptr) << right;
    EXPECT_GT(w->x0, half) << right;
    EXPECT_LT(w->y0, 150) << right;
  }
  // The national name (93 mm at 13 pt) is centred in the right column, wider than half.
  EXPECT_GT((find_word(words, 1, "CỘNG")->x0 + find_word(words, 1, "NAM")->x1) / 2, half + 50);
  EXPECT_GT(find_word(words, 1, "UBND")->y0, kTopMargin - 1) << "inside the top margin";
  // "Số:" and the date start on one line.
  EXPECT_NEAR(find_word(words, 1, "Số:")->y1, find_word(words, 1, "2022")->y1, 3);
  // The type centred on the text column, under the header.
  const Word* type = find_word(words, 1, "KẾ");
  ASSERT_NE(type, nullptr);
  EXPECT_GT(type->y0, find_word(words, 1, "2022")->y1);
  const Word* type2 = find_word(words, 1, "HOẠCH");
  ASSERT_NE(type2, nullptr);
  EXPECT_NEAR((type->x0 + type2->x1) / 2, kTextCentre, 2);

  expect_page_numbers(words, 3);
  const int pages = page_count(words);

  // The signature on the right, the recipients on the left, side by side on the last page.
  const Word* name = find_word(words, pages, "Vui");
  const Word* mark = find_word(words, pages, "KT.");
  const Word* recipients = find_word(words, pages, "Nơi");
  ASSERT_NE(name, nullptr);
  ASSERT_NE(mark, nullptr);
  ASSERT_NE(recipients, nullptr);
  EXPECT_GT(mark->x0, half);
  EXPECT_GT(name->x0, half);
  EXPECT_LT(recipients->x1, half);
  EXPECT_NEAR(mark->y0, recipients->y0, 4) << "the signature and the recipients start on one line";
  EXPECT_GT(name->y0 - mark->y0, 60) << "room for the signature and the seal";
}

TEST(PdfWriter, LongTablesRepeatTheirHeaderRowAndAnnexesTakeTheirOwnOrientation) {
  require_poppler();
  Document doc = small_decision();
  TableBlock& table = std::get<TableBlock>(doc.annexes.front().body.front());
  for (int i = 3; i <= 60; ++i) {
    table.rows.insert(table.rows.end() - 1, TableRow{{cell(std::to_string(i)), cell("Người thứ " + std::to_string(i)),
                                                      cell("Phòng " + std::to_string(i % 5))},
                                                     false});
  }
  RenderedPdf pdf(doc, "long_table.pdf");
  EXPECT_EQ(pdf.info("Page    1 size", "-f 1 -l 3"), "595.276 x 841.89 pts (A4)");
  EXPECT_EQ(pdf.info("Page    2 size", "-f 1 -l 3"), "595.276 x 841.89 pts (A4)");
  EXPECT_EQ(pdf.info("Page    3 size", "-f 1 -l 3"), "841.89 x 595.276 pts (A4)") << "the annex is landscape";
  const std::vector<Word> words = pdf.words();
  const int pages = page_count(words);
  ASSERT_GE(pages, 5) << "the annex's table should run over several landscape pages";
  for (int page = 3; page <= pages; ++page) {
    EXPECT_NE(find_word(words, page, "Họ"), nullptr) << "no header row on page " << page;
  }
  const std::string text = normalise_space(pdf.run("pdftotext", "-raw"));
  EXPECT_NE(text.find("Người thứ 60"), std::string::npos);
  EXPECT_NE(text.find("Tổng cộng: 02 cá nhân"), std::string::npos);
}

TEST(PdfWriter, SameDocumentSameBytes) {
  const Document doc = small_decision();
  auto a = write_pdf(doc);
  auto b = write_pdf(doc);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->rfind("%PDF-1.5", 0), 0U);
}

// The golden text of the small decision: what pdftotext reads, line by line. A change in
// line breaks, order or wording shows here. THIDUA_UPDATE_GOLDEN=1 rewrites it.
TEST(PdfWriter, GoldenText) {
  require_poppler();
  RenderedPdf pdf(small_decision(), "small_decision.pdf");
  expect_golden("small_decision.pdf.txt", pdf.run("pdftotext", "-raw"));
}

}  // namespace
}  // namespace thidua::documents
