#include "documents/docx_writer.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "documents/document_test_support.hpp"
#include "documents/test_samples.hpp"
#include "documents/xml_part.hpp"
#include "documents/zip_reader.hpp"

namespace thidua::documents {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): the test helpers

const std::vector<std::string> kParts = {"[Content_Types].xml", "_rels/.rels",         "docProps/core.xml",
                                         "docProps/app.xml",    "word/document.xml",   "word/_rels/document.xml.rels",
                                         "word/styles.xml",     "word/settings.xml",   "word/header1.xml",
                                         "word/header2.xml"};

std::string docx_of(const Document& doc) {
  auto docx = write_docx(doc);
  EXPECT_TRUE(docx.has_value()) << (docx ? "" : docx.error().detail);
  return docx ? *docx : std::string();
}

/// The names of the archive's entries, in order.
std::vector<std::string> entries(const std::string& docx) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(docx.data(), docx.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  std::vector<std::string> names;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    ADD_FAILURE() << "not a zip archive";
    return names;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    names.emplace_back(zip_get_name(archive, static_cast<zip_uint64_t>(i), 0));
  }
  zip_discard(archive);
  return names;
}

std::string part(const std::string& docx, const std::string& name) {
  auto zip = ZipReader::open(docx, 64 * 1024 * 1024);
  if (!zip) return {};
  auto text = zip->read_all(name);
  EXPECT_TRUE(text.has_value()) << name;
  return text ? *text : std::string();
}

/// Collects the text of each <w:p> (w:t pieces, tabs as '\t', breaks as '\n').
class ParagraphTexts : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& /*attrs*/) override {
    if (name == "p") current_.clear();
    if (name == "t") in_text_ = true;
    if (name == "tab") current_ += '\t';
    if (name == "br") current_ += '\n';
  }
  void end(std::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "p" && !current_.empty()) paragraphs.push_back(current_);
  }
  void text(std::string_view data) override {
    if (in_text_) current_.append(data);
  }
  std::vector<std::string> paragraphs;

 private:
  std::string current_;
  bool in_text_ = false;
};

/// Accepts anything: parse_xml_part() then only checks that the part is well-formed.
class AnyXml : public XmlHandler {
 public:
  void start(std::string_view /*name*/, const XmlAttributes& /*attrs*/) override { ++elements; }
  int elements = 0;
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(DocxWriter, HasEveryPartWellFormed) {
  const std::string docx = docx_of(small_decision());
  keep("small_decision.docx", docx);
  EXPECT_EQ(entries(docx), kParts);
  auto zip = ZipReader::open(docx, 64 * 1024 * 1024);
  ASSERT_TRUE(zip.has_value());
  const std::string types = part(docx, "[Content_Types].xml");
  for (const std::string& name : kParts) {
    AnyXml handler;
    auto parsed = parse_xml_part(*zip, name, handler);
    EXPECT_TRUE(parsed.has_value()) << name << ": " << (parsed ? "" : parsed.error().detail);
    EXPECT_GT(handler.elements, 0) << name;
    if (name.rfind("word/", 0) == 0 && name.find("_rels") == std::string::npos) {
      EXPECT_TRUE(contains(types, "PartName=\"/" + name + "\"")) << name << " has no content type";
    }
  }
  const std::string rels = part(docx, "word/_rels/document.xml.rels");
  for (const char* target : {"styles.xml", "settings.xml", "header1.xml", "header2.xml"}) {
    EXPECT_TRUE(contains(rels, std::string("Target=\"") + target + "\"")) << target;
  }
}

TEST(DocxWriter, EveryLineOfTheDocumentIsAParagraphEscapedAndBack) {
  const Document doc = small_decision();
  const std::string docx = docx_of(doc);
  auto zip = ZipReader::open(docx, 64 * 1024 * 1024);
  ASSERT_TRUE(zip.has_value());
  ParagraphTexts texts;
  ASSERT_TRUE(parse_xml_part(*zip, "word/document.xml", texts).has_value());
  const std::set<std::string> paragraphs(texts.paragraphs.begin(), texts.paragraphs.end());
  for (const std::string& line : lines_of(plain_text(doc))) {
    EXPECT_TRUE(paragraphs.count(line)) << "no paragraph reads: " << line;
  }
  EXPECT_TRUE(paragraphs.count("Xét đề nghị của Hội đồng Thi đua - Khen thưởng & Chánh Văn phòng <Ban>."));
  const std::string xml = part(docx, "word/document.xml");
  EXPECT_TRUE(contains(xml, "&amp; Chánh Văn phòng &lt;Ban&gt;."));
  EXPECT_TRUE(contains(xml, "ký &quot;ban hành&quot; &#39;nay&#39;."));
}

TEST(DocxWriter, IsA4WithDecree30MarginsAndPageNumbersFromPageTwo) {
  const std::string docx = docx_of(seed_plan());
  const std::string xml = part(docx, "word/document.xml");
  // 210 × 297 mm in twips; margins 20/15/20/30 mm: 1134, 850, 1134, 1701.
  EXPECT_TRUE(contains(xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")) << xml.substr(xml.rfind("<w:sectPr"));
  EXPECT_TRUE(contains(xml, "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
  EXPECT_TRUE(contains(xml, "<w:titlePg/>"));
  EXPECT_TRUE(contains(xml, "<w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>"));
  EXPECT_TRUE(contains(xml, "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>"));
  const std::string header = part(docx, "word/header1.xml");
  EXPECT_TRUE(contains(header, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
  EXPECT_TRUE(contains(header, "<w:jc w:val=\"center\"/>"));
  EXPECT_FALSE(contains(part(docx, "word/header2.xml"), "PAGE")) << "page 1 shows no number";
  // Body text 14 pt justified, 1.15 lines, 6 pt after; headings keep with the next paragraph.
  EXPECT_TRUE(contains(xml, "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>"));
  EXPECT_TRUE(contains(xml, "<w:pStyle w:val=\"Heading1\"/><w:keepNext/>"));
  EXPECT_TRUE(contains(part(docx, "word/styles.xml"), "w:ascii=\"Times New Roman\""));
  const std::string core = part(docx, "docProps/core.xml");
  EXPECT_TRUE(contains(core, "<dc:creator>BAN DÂN TỘC</dc:creator>"));
  EXPECT_TRUE(contains(core, ">2022-09-30T00:00:00Z</dcterms:created>"));
}

TEST(DocxWriter, LandscapeAnnexIsASectionOfItsOwn) {
  const std::string xml = docx_document_xml(small_decision());
  const std::size_t first = xml.find("<w:sectPr>");
  const std::size_t last = xml.rfind("<w:sectPr>");
  ASSERT_NE(first, last) << "two sections";
  EXPECT_TRUE(contains(xml.substr(first, last - first), "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  EXPECT_TRUE(contains(xml.substr(last), "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
  EXPECT_FALSE(contains(xml.substr(last), "titlePg")) << "the annex's first page keeps its number";
}

TEST(DocxWriter, SameDocumentSameBytes) {
  const Document doc = small_decision();
  EXPECT_EQ(docx_of(doc), docx_of(doc));
  EXPECT_EQ(part(docx_of(doc), "word/document.xml"), docx_document_xml(doc));
}

// The golden document.xml of the small decision. THIDUA_UPDATE_GOLDEN=1 rewrites it.
TEST(DocxWriter, GoldenDocumentXml) { expect_golden("small_decision.document.xml", docx_document_xml(small_decision())); }

// LibreOffice opens the file and prints it: every line of the document is in the PDF it
// makes, set in Liberation Serif (its stand-in for Times New Roman), on A4, with page
// numbers from page 2. One test, since LibreOffice takes seconds to start.
TEST(DocxWriter, LibreOfficeOpensAndPrintsIt) {
  require_poppler();
  ASSERT_TRUE(have_tool("soffice"))
      << "LibreOffice is missing (Debian: libreoffice-writer-nogui; run scripts/install-deps.sh): the DOCX "
         "round trip cannot be checked";
  const Document doc = seed_plan();
  TempDir dir;
  const fs::path docx = dir.path() / "seed_plan.docx";
  const std::string bytes = docx_of(doc);
  write_file(docx, bytes);
  keep("seed_plan.docx", bytes);
  // A profile of its own, so that a LibreOffice already running (or its lock) is no obstacle.
  const CommandResult converted =
      run_command("cd '" + dir.path().string() + "' && timeout 180 soffice -env:UserInstallation=file://" +
                  (dir.path() / "profile").string() + " --headless --convert-to pdf --outdir '" +
                  dir.path().string() + "' '" + docx.string() + "' 2>&1");
  const PdfFile pdf(dir.path() / "seed_plan.pdf");
  ASSERT_TRUE(fs::exists(pdf.path())) << "soffice made no PDF (status " << converted.status << "): "
                                      << converted.output;
  keep("seed_plan.docx.pdf", read_file(pdf.path()));

  expect_every_line(plain_text(doc), pdf);
  // 11906 × 16838 twips: A4 to the twip, which pdfinfo shows as 595.304 × 841.89 pt.
  const std::string size = pdf.info("Page size");
  EXPECT_NEAR(std::stod(size), kA4Width, 0.1) << size;
  EXPECT_TRUE(contains(size, " x 841.89 pts (A4)")) << size;
  const std::string fonts = pdf.run("pdffonts");
  EXPECT_TRUE(contains(fonts, "LiberationSerif")) << fonts;
  EXPECT_FALSE(contains(fonts, "DejaVu")) << "a fallback face: some letter is missing\n" << fonts;
  const std::vector<Word> words = pdf.words();
  expect_page_numbers(words, 3);
  const Word* agency = find_word(words, 1, "TỘC");
  const Word* motto = find_word(words, 1, "Hạnh");
  ASSERT_NE(agency, nullptr);
  ASSERT_NE(motto, nullptr);
  EXPECT_LT(agency->x1, kA4Width / 2);
  EXPECT_GT(motto->x0, kA4Width / 2);
  EXPECT_NEAR(agency->y0, motto->y0, 20) << "both at the top";
}

}  // namespace
}  // namespace thidua::documents
