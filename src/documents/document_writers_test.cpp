// The three writers on documents at the edges: empty, broken text, a paragraph or a table
// row longer than a page, headings at the foot of a page, several renders at once.

#include <gtest/gtest.h>

#include <future>
#include <sstream>

#include "documents/document_test_support.hpp"
#include "documents/docx_writer.hpp"
#include "documents/html_writer.hpp"
#include "documents/pdf_writer.hpp"
#include "documents/test_samples.hpp"
#include "documents/xml_part.hpp"
#include "documents/zip_reader.hpp"

// LeakSanitizer (make test-asan): Pango 1.50 keeps the fontconfig patterns of its first font
// matches (made on a helper thread) in caches it never frees; they are allocated inside
// fontconfig, a fixed amount per process however many documents are rendered (the same
// 90–120 kB after one render or thirteen). Only allocations made inside fontconfig are
// passed over: a layout or context we forgot to release is allocated by GLib and is still
// reported (run with G_SLICE=always-malloc, else GLib's slice allocator hides it).
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }

namespace thidua::documents {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test helpers

class AnyXml : public XmlHandler {
 public:
  void start(std::string_view /*name*/, const XmlAttributes& /*attrs*/) override {}
};

/// The PDF of `doc` in `dir`, ready for poppler.
PdfFile pdf_in(const TempDir& dir, const Document& doc, const std::string& name) {
  auto pdf = write_pdf(doc);
  EXPECT_TRUE(pdf.has_value()) << (pdf ? "" : pdf.error().detail);
  const fs::path path = dir.path() / name;
  write_file(path, pdf ? *pdf : std::string());
  if (pdf) keep(name, *pdf);
  return PdfFile(path);
}

void expect_well_formed_docx(const Document& doc) {
  auto docx = write_docx(doc);
  ASSERT_TRUE(docx.has_value());
  auto zip = ZipReader::open(*docx, 64 * 1024 * 1024);
  ASSERT_TRUE(zip.has_value());
  AnyXml handler;
  auto parsed = parse_xml_part(*zip, "word/document.xml", handler);
  EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().detail);
}

/// The text of each page, as pdftotext -raw reads it, white space normalised.
std::vector<std::string> page_texts(const PdfFile& pdf) {
  std::vector<std::string> pages;
  std::istringstream in(pdf.run("pdftotext", "-raw"));
  std::string page;
  while (std::getline(in, page, '\f')) pages.push_back(page);
  if (!pages.empty() && normalise_space(pages.back()).empty()) pages.pop_back();
  return pages;
}

TEST(DocumentWriters, AnEmptyDocumentIsOneBlankPage) {
  require_poppler();
  TempDir dir;
  const Document empty;
  const PdfFile pdf = pdf_in(dir, empty, "empty.pdf");
  // The motto and national name are defaults of the header block.
  EXPECT_EQ(pdf.info("Pages"), "1");
  expect_well_formed_docx(empty);
  EXPECT_NE(write_html(empty).find("Độc lập - Tự do - Hạnh phúc"), std::string::npos);
}

TEST(DocumentWriters, BrokenTextIsRepairedNotFatal) {
  require_poppler();
  Document doc = small_decision();
  doc.body = {body("Tên\x01 lỗi \xff và \xC3"), body("Thẻ\ttab\nxuống dòng")};
  TempDir dir;
  const PdfFile pdf = pdf_in(dir, doc, "broken.pdf");
  const std::string text = normalise_space(pdf.run("pdftotext", "-raw"));
  EXPECT_NE(text.find("Tên lỗi \xEF\xBF\xBD và \xEF\xBF\xBD"), std::string::npos) << text;
  EXPECT_NE(text.find("xuống dòng"), std::string::npos);
  expect_well_formed_docx(doc);
  const std::string xml = docx_document_xml(doc);
  EXPECT_NE(xml.find("Tên lỗi \xEF\xBF\xBD và \xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(xml.find("<w:tab/>"), std::string::npos);
  EXPECT_NE(xml.find("<w:br/>"), std::string::npos);
  EXPECT_NE(write_html(doc).find("Thẻ\ttab<br>xuống dòng"), std::string::npos);
}

TEST(DocumentWriters, AParagraphLongerThanAPageRunsOverPages) {
  require_poppler();
  Document doc = ban_dan_toc_document();
  std::string words;
  for (int i = 0; i < 1500; ++i) words += "thi đua " + std::to_string(i) + " ";
  doc.body = {body(words), body("Đoạn cuối.")};
  TempDir dir;
  const PdfFile pdf = pdf_in(dir, doc, "long_paragraph.pdf");
  EXPECT_GE(std::stoi(pdf.info("Pages")), 3);
  const std::string text = normalise_space(text_without_page_numbers(pdf.run("pdftotext", "-raw")));
  EXPECT_NE(text.find(normalise_space(words)), std::string::npos) << "every word, in order";
  EXPECT_NE(text.find("Đoạn cuối."), std::string::npos);
}

TEST(DocumentWriters, ATableRowTallerThanAPageIsDrawnAndTheRestFollows) {
  require_poppler();
  Document doc = ban_dan_toc_document();
  std::string lines;
  for (int i = 0; i < 80; ++i) lines += "dòng " + std::to_string(i) + "\n";
  TableBlock table;
  table.rows.push_back(TableRow{{cell("Cột 1", true), cell("Cột 2", true)}, true});
  table.rows.push_back(TableRow{{cell(lines), cell("ngắn")}, false});
  table.rows.push_back(TableRow{{cell("sau"), cell("hàng dài")}, false});
  doc.body = {table, body("Hết.")};
  TempDir dir;
  const PdfFile pdf = pdf_in(dir, doc, "tall_row.pdf");
  const std::string text = normalise_space(pdf.run("pdftotext", "-raw"));
  EXPECT_NE(text.find("dòng 0"), std::string::npos);
  EXPECT_NE(text.find("hàng dài"), std::string::npos);
  EXPECT_NE(text.find("Hết."), std::string::npos);
  expect_well_formed_docx(doc);
}

// Whatever stands above it, a heading is never the last line of a page: it moves to the
// next page with the start of its paragraph.
TEST(DocumentWriters, HeadingsStayWithTheParagraphThatFollows) {
  require_poppler();
  TempDir dir;
  int breaks_seen = 0;
  for (int filler = 18; filler <= 30; ++filler) {
    Document doc = ban_dan_toc_document();
    for (int i = 0; i < filler; ++i) doc.body.push_back(body("Dòng đệm số " + std::to_string(i) + "."));
    doc.body.push_back(heading(1, "II. NỘI DUNG THI ĐUA"));
    doc.body.push_back(heading(2, "1. Nội dung"));
    doc.body.push_back(body("Nội dung đầu tiên của mục, đủ dài để chiếm hai dòng trên trang giấy khổ A4 đứng, với lề "
                            "trái ba mươi mi-li-mét và lề phải mười lăm mi-li-mét."));
    const PdfFile pdf = pdf_in(dir, doc, "keep_" + std::to_string(filler) + ".pdf");
    const std::vector<std::string> pages = page_texts(pdf);
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
      ++breaks_seen;
      const std::vector<std::string> lines = lines_of(pages[p]);
      ASSERT_FALSE(lines.empty());
      const std::string last = normalise_space(lines.back());
      EXPECT_NE(last, "II. NỘI DUNG THI ĐUA") << filler << " fillers: heading left at the foot of page " << p + 1;
      EXPECT_NE(last, "1. Nội dung") << filler << " fillers: heading left at the foot of page " << p + 1;
    }
  }
  EXPECT_GT(breaks_seen, 0) << "the fillers should push the headings over a page break";
}

// The signature and the recipients move whole to the next page when they do not fit.
TEST(DocumentWriters, TheClosingBlockIsNeverSplit) {
  require_poppler();
  TempDir dir;
  int moved = 0;
  for (int filler = 20; filler <= 32; filler += 2) {
    Document doc = seed_plan();
    doc.body.clear();
    for (int i = 0; i < filler; ++i) doc.body.push_back(body("Dòng đệm số " + std::to_string(i) + "."));
    const PdfFile pdf = pdf_in(dir, doc, "closing_" + std::to_string(filler) + ".pdf");
    const std::vector<Word> words = pdf.words();
    const Word* mark = find_word(words, page_count(words), "KT.");
    const Word* name = find_word(words, page_count(words), "Vui");
    const Word* archive = find_word(words, page_count(words), "TĐKT.");
    EXPECT_TRUE(mark && name && archive) << filler << " fillers: the closing block is split";
    if (page_count(words) > 1 && mark != nullptr && mark->y0 < 100) ++moved;
  }
  EXPECT_GT(moved, 0) << "some filler should push the closing block to a new page";
}

TEST(DocumentWriters, RendersFromSeveralThreadsAtOnceAgree) {
  const Document doc = seed_plan();
  auto reference = write_pdf(doc);
  ASSERT_TRUE(reference.has_value());
  std::vector<std::future<Result<std::string>>> renders;
  for (int i = 0; i < 4; ++i) renders.push_back(std::async(std::launch::async, [&] { return write_pdf(doc); }));
  for (auto& r : renders) {
    auto pdf = r.get();
    ASSERT_TRUE(pdf.has_value());
    EXPECT_EQ(*pdf, *reference);
  }
}

}  // namespace
}  // namespace thidua::documents
