#include "documents/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "documents/xlsx_writer.hpp"

namespace thidua::documents {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Entries = std::vector<std::pair<std::string, std::string>>;

// Builds a ZIP archive in memory with libzip, so that the fixtures are readable XML in this
// file rather than binary files.
std::string make_zip(const Entries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* archive = zip_open_from_source(out, ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << zip_error_strerror(&error);
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0) << name;
  }
  EXPECT_EQ(zip_close(archive), 0);
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  const auto size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string rel(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRelNs + "/" + type + "\" Target=\"" + target + "\"/>";
}

std::string rels(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         body + "</Relationships>";
}

std::string worksheet(const std::string& sheet_data, const std::string& after = "") {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + kMain + "\" xmlns:r=\"" +
         kRelNs + "\"><sheetData>" + sheet_data + "</sheetData>" + after + "</worksheet>";
}

// A minimal workbook: one sheet, shared strings and styles when given.
struct Fixture {
  std::string sheet = worksheet("");
  std::string shared_strings;
  std::string styles;
  std::string workbook_pr;
  std::string sheets = "<sheet name=\"Danh sách\" sheetId=\"1\" r:id=\"rId1\"/>";
  std::string workbook_rels = rel("rId1", "worksheet", "worksheets/sheet1.xml");
  Entries extra;

  std::string bytes() const {
    Entries entries = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"_rels/.rels", rels(rel("rId1", "officeDocument", "xl/workbook.xml"))},
        {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain + "\" xmlns:r=\"" +
                                kRelNs + "\">" + workbook_pr + "<sheets>" + sheets + "</sheets></workbook>"},
        {"xl/worksheets/sheet1.xml", sheet},
    };
    std::string wb_rels = workbook_rels;
    if (!shared_strings.empty()) {
      entries.emplace_back("xl/sharedStrings.xml", std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kMain + "\">" +
                                                       shared_strings + "</sst>");
      wb_rels += rel("rId8", "sharedStrings", "sharedStrings.xml");
    }
    if (!styles.empty()) {
      entries.emplace_back("xl/styles.xml", std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMain + "\">" +
                                                styles + "</styleSheet>");
      wb_rels += rel("rId9", "styles", "styles.xml");
    }
    entries.emplace_back("xl/_rels/workbook.xml.rels", rels(wb_rels));
    for (const auto& e : extra) entries.push_back(e);
    return make_zip(entries);
  }
};

Sheet read_ok(const std::string& bytes, const XlsxLimits& limits = {}) {
  auto r = read_xlsx(bytes, limits);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().code + ": " + r.error().detail);
  return r ? *r : Sheet{};
}

Error read_error(const std::string& bytes, const XlsxLimits& limits = {}) {
  auto r = read_xlsx(bytes, limits);
  EXPECT_FALSE(r.has_value());
  return r ? Error{} : r.error();
}

std::string param(const Error& e, std::string_view name) {
  for (const auto& [k, v] : e.params) {
    if (k == name) return v;
  }
  return "<none>";
}

TEST(ReadXlsx, PlacesCellsByTheirReference) {
  Fixture f;
  f.sheet = worksheet(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Họ tên</t></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>Đơn vị</t></is></c></row>"
      "<row r=\"3\"><c r=\"B3\"><v>7</v></c></row>"
      // Neither the row number nor the cell references are required.
      "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c/><c><v>9</v></c></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.name, "Danh sách");
  EXPECT_EQ(sheet.rows, (Rows{{"Họ tên", "", "Đơn vị"}, {}, {"", "7"}, {"x", "", "9"}}));
  EXPECT_EQ(sheet.cell(2, 1), "7");
  EXPECT_EQ(sheet.cell(2, 5), "");
  EXPECT_EQ(sheet.cell(40, 0), "");
  EXPECT_TRUE(sheet.merged_ranges.empty());
}

TEST(ReadXlsx, EmptySheetHasNoRows) {
  Fixture f;
  // Formatted but empty rows and cells, as Excel leaves them, are not data.
  f.sheet = worksheet(
      "<row r=\"1\" s=\"1\" customFormat=\"1\"><c r=\"A1\" s=\"1\"/></row>"
      "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_TRUE(sheet.rows.empty());
}

TEST(ReadXlsx, ReadsSharedStringsRichTextAndEscapes) {
  Fixture f;
  f.shared_strings =
      "<si><t>Nguyễn Thị Ánh</t></si>"
      "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">Trần </t></r><r><t>Đức Long</t></r></si>"
      // The phonetic guide (rPh) is not part of the text.
      "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>"
      "<si><t>dòng 1_x000D_\ndòng 2 _x005F_x0041_ _xZZZZ_</t></si>"
      "<si><t></t></si>"
      "<si><t xml:space=\"preserve\">  khoảng trắng  </t></si>";
  f.sheet = worksheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c>"
      "<c r=\"G1\" t=\"inlineStr\"><is><r><t>Phòng </t></r><r><t>Nội vụ</t></r></is></c></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.rows, (Rows{{"Nguyễn Thị Ánh", "Trần Đức Long", "漢字", "dòng 1\r\ndòng 2 _x0041_ _xZZZZ_", "",
                               "  khoảng trắng  ", "Phòng Nội vụ"}}));
}

TEST(ReadXlsx, BadSharedStringIndexIsNotXlsx) {
  Fixture f;
  f.shared_strings = "<si><t>a</t></si>";
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>");
  EXPECT_EQ(read_error(f.bytes()).code, "import.not_xlsx");
}

TEST(ReadXlsx, NumbersAsWrittenButIntegersWithoutFraction) {
  Fixture f;
  f.sheet = worksheet(
      "<row r=\"1\"><c r=\"A1\"><v>12</v></c><c r=\"B1\"><v>12.0</v></c><c r=\"C1\"><v>3.14</v></c>"
      "<c r=\"D1\"><v>1.5E-3</v></c><c r=\"E1\"><v>-0.50</v></c><c r=\"F1\"><v>123456789012</v></c>"
      "<c r=\"G1\" t=\"n\"><v>-7.000</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>0</v></c><c r=\"C2\" t=\"e\"><v>#N/A</v></c>"
      "<c r=\"D2\" t=\"d\"><v>2024-02-29T00:00:00</v></c></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.rows, (Rows{{"12", "12", "3.14", "1.5E-3", "-0.50", "123456789012", "-7"},
                              {"TRUE", "FALSE", "#N/A", "2024-02-29"}}));
}

TEST(ReadXlsx, DateFormattedNumbersBecomeIsoDates) {
  Fixture f;
  f.styles =
      "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"[$-42A]dd/mm/yyyy;@\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"#,##0&quot;đ&quot;\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"DD-MM-YYYY\"/></numFmts>"
      // cellStyleXfs has xf elements too; only cellXfs is what a cell's s refers to.
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"20\"/><xf "
      "numFmtId=\"166\"><alignment/></xf></cellXfs>";
  f.sheet = worksheet(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44927</v></c><c r=\"B1\" s=\"2\"><v>45000</v></c>"
      "<c r=\"C1\" s=\"3\"><v>1500000</v></c><c r=\"D1\" s=\"4\"><v>0.5</v></c>"
      "<c r=\"E1\" s=\"5\"><v>44927.75</v></c><c r=\"F1\" s=\"0\"><v>44927</v></c>"
      "<c r=\"G1\" s=\"1\"><v>60</v></c><c r=\"H1\" s=\"1\"><v>61</v></c><c r=\"I1\" s=\"1\"><v>18264</v></c>"
      "<c r=\"J1\" s=\"1\"><v>0</v></c><c r=\"K1\" s=\"99\"><v>5</v></c></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.rows, (Rows{{"2023-01-01", "2023-03-15", "1500000", "0.5", "2023-01-01", "44927", "1900-02-29",
                               "1900-03-01", "1950-01-01", "0", "5"}}));
}

TEST(ReadXlsx, HonoursThe1904DateSystem) {
  Fixture f;
  f.workbook_pr = "<workbookPr date1904=\"1\"/>";
  f.styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>43465</v></c></row>");
  EXPECT_EQ(read_ok(f.bytes()).rows, (Rows{{"1904-01-01", "2023-01-01"}}));
}

TEST(ReadXlsx, RefusesFormulasNamingTheCell) {
  Fixture f;
  f.sheet = worksheet(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
      "<row r=\"5\"><c r=\"C5\"><v>2</v></c><c r=\"D5\"><f>SUM(A1:C5)</f><v>3</v></c></row>");
  const Error e = read_error(f.bytes());
  EXPECT_EQ(e.kind, ErrorKind::validation);
  EXPECT_EQ(e.code, "import.formula");
  EXPECT_EQ(param(e, "cell"), "D5");

  // A shared formula's followers carry an empty <f/>; a cached string result is still a formula.
  f.sheet = worksheet("<row r=\"2\"><c r=\"B2\" t=\"str\"><f t=\"shared\" si=\"0\"/><v>x</v></c></row>");
  EXPECT_EQ(param(read_error(f.bytes()), "cell"), "B2");
}

TEST(ReadXlsx, FormulasOutsideCellsAreNotCellFormulas) {
  Fixture f;
  // A list validation stored by Excel 2010+ in extLst has an <xm:f>; it computes no cell.
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
                      "<extLst><ext uri=\"{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}\" "
                      "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\" "
                      "xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\"><x14:dataValidations>"
                      "<x14:dataValidation><x14:formula1><xm:f>'Danh mục'!$A$1:$A$9</xm:f></x14:formula1>"
                      "</x14:dataValidation></x14:dataValidations></ext></extLst>");
  EXPECT_EQ(read_ok(f.bytes()).rows, (Rows{{"1"}}));
}

TEST(ReadXlsx, ReportsMergedCells) {
  Fixture f;
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>DANH SÁCH</t></is></c></row>",
                      "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B4:B6\"/></mergeCells>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.merged_ranges, (std::vector<std::string>{"A1:C1", "B4:B6"}));
  ASSERT_EQ(sheet.notes.size(), 1u);
  EXPECT_NE(sheet.notes[0].find("A1:C1, B4:B6"), std::string::npos) << sheet.notes[0];
  EXPECT_EQ(sheet.rows, (Rows{{"DANH SÁCH"}}));
}

TEST(ReadXlsx, ReadsTheFirstVisibleWorksheet) {
  Fixture f;
  f.sheets =
      "<sheet name=\"Biểu đồ\" sheetId=\"3\" r:id=\"rId3\"/>"
      "<sheet name=\"Tra cứu\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
      "<sheet name=\"Nhân sự\" sheetId=\"1\" r:id=\"rId1\"/>";
  // An absolute target, a prefixed namespace and the chart sheet's relationship.
  f.workbook_rels = rel("rId1", "worksheet", "/xl/worksheets/sheet2.xml") +
                    rel("rId2", "worksheet", "worksheets/sheet1.xml") +
                    rel("rId3", "chartsheet", "chartsheets/sheet1.xml");
  f.extra = {{"xl/worksheets/sheet2.xml",
              std::string("<x:worksheet xmlns:x=\"") + kMain +
                  "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>đúng</x:t></x:is></x:c>"
                  "</x:row></x:sheetData></x:worksheet>"}};
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ẩn</t></is></c></row>");
  const Sheet sheet = read_ok(f.bytes());
  EXPECT_EQ(sheet.name, "Nhân sự");
  EXPECT_EQ(sheet.rows, (Rows{{"đúng"}}));
  EXPECT_GE(sheet.notes.size(), 2u);
}

TEST(ReadXlsx, RejectsWhatIsNotAnXlsx) {
  EXPECT_EQ(read_error("").code, "import.not_xlsx");
  EXPECT_EQ(read_error("Họ tên;Ngày sinh\r\nAn;01/01/1990\r\n").code, "import.not_xlsx");
  EXPECT_EQ(read_error(make_zip({{"readme.txt", "hello"}})).code, "import.not_xlsx");
  EXPECT_EQ(read_error(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                 {"content.xml", "<office:document-content/>"}}))
                .code,
            "import.not_xlsx");

  Fixture no_sheets;
  no_sheets.sheets = "";
  EXPECT_EQ(read_error(no_sheets.bytes()).code, "import.not_xlsx");

  Fixture missing_part;
  missing_part.workbook_rels = rel("rId1", "worksheet", "worksheets/nowhere.xml");
  EXPECT_EQ(read_error(missing_part.bytes()).code, "import.not_xlsx");

  Fixture corrupt;
  corrupt.sheet = worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
  const Error e = read_error(corrupt.bytes());
  EXPECT_EQ(e.kind, ErrorKind::validation);
  EXPECT_EQ(e.code, "import.not_xlsx");
  EXPECT_NE(e.detail.find("sheet1.xml"), std::string::npos) << e.detail;

  Fixture doctype;  // entity expansion has no business in a spreadsheet
  doctype.sheet = std::string("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]><worksheet xmlns=\"") +
                  kMain + "\"><sheetData><row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>";
  EXPECT_EQ(read_error(doctype.bytes()).code, "import.not_xlsx");
}

TEST(ReadXlsx, OldFormatsAskForXlsx) {
  std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  xls.resize(4096, '\0');
  const Error e = read_error(xls);
  EXPECT_EQ(e.kind, ErrorKind::validation);
  EXPECT_EQ(e.code, "import.old_xls");

  // A password-protected .xlsx is an OLE file too, with an "EncryptedPackage" stream.
  std::string encrypted = xls;
  const std::string name = std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  encrypted.replace(1024, name.size(), name);
  EXPECT_EQ(read_error(encrypted).code, "import.encrypted");

  // What many web applications export as "xls".
  EXPECT_EQ(read_error("\xEF\xBB\xBF<html><body><table><tr><td>An</td></tr></table></body></html>").code,
            "import.old_xls");
  EXPECT_EQ(
      read_error("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>").code,
      "import.old_xls");
}

TEST(ReadXlsx, LimitsRowsColumnsAndCells) {
  std::string data;
  for (int r = 1; r <= 11; ++r) {
    data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>" + std::to_string(r) +
            "</v></c></row>";
  }
  Fixture f;
  f.sheet = worksheet(data);
  XlsxLimits limits;
  limits.max_rows = 11;
  EXPECT_EQ(read_ok(f.bytes(), limits).rows.size(), 11u);
  limits.max_rows = 10;
  Error e = read_error(f.bytes(), limits);
  EXPECT_EQ(e.kind, ErrorKind::too_large);
  EXPECT_EQ(e.code, "import.too_many_rows");
  EXPECT_EQ(param(e, "max"), "10");

  f.sheet = worksheet("<row r=\"1\"><c r=\"E1\"><v>1</v></c></row>");
  limits = {};
  limits.max_columns = 4;
  e = read_error(f.bytes(), limits);
  EXPECT_EQ(e.code, "import.too_many_columns");
  EXPECT_EQ(param(e, "max"), "4");

  limits = {};
  limits.max_cells = 8;
  f.sheet = worksheet("<row r=\"1\"><c r=\"E1\"><v>1</v></c></row><row r=\"2\"><c r=\"E2\"><v>1</v></c></row>");
  EXPECT_EQ(read_error(f.bytes(), limits).code, "import.too_many_cells");
}

TEST(ReadXlsx, RefusesLargeUploads) {
  Fixture f;
  const std::string bytes = f.bytes();
  XlsxLimits limits;
  limits.max_bytes = bytes.size() - 1;
  const Error e = read_error(bytes, limits);
  EXPECT_EQ(e.kind, ErrorKind::too_large);
  EXPECT_EQ(e.code, "import.too_large");
}

TEST(ReadXlsx, StopsAZipBomb) {
  // 8 MiB of white space between rows deflates to a few kilobytes; with a 1 MiB budget the
  // reader must stop after inflating about that much. The full-size case (hundreds of MB
  // against the 200 MiB default) is the same code path with bigger numbers.
  Fixture f;
  f.sheet = worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(8 * 1024 * 1024, ' '));
  const std::string bytes = f.bytes();
  EXPECT_LT(bytes.size(), 64u * 1024);
  XlsxLimits limits;
  limits.max_uncompressed = 1024 * 1024;
  const Error e = read_error(bytes, limits);
  EXPECT_EQ(e.kind, ErrorKind::too_large);
  EXPECT_EQ(e.code, "import.too_large");
  EXPECT_EQ(param(e, "max_mb"), "1");
}

// Run by hand: build-docs/out/doc_tests --gtest_also_run_disabled_tests --gtest_filter='*Benchmark*'
TEST(ReadXlsxBenchmark, DISABLED_ThirtyThousandRowsByTenColumns) {
  Table table{"Cá nhân", "", {}, {}};
  for (const char* h : {"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ", "Số CCCD", "Điện thoại",
                        "Tiền thưởng", "Ghi chú"}) {
    table.columns.push_back({h});
  }
  table.columns[0].kind = Column::integer;
  table.columns[2].kind = Column::date;
  table.columns[8].kind = Column::money;
  for (int i = 0; i < 30000; ++i) {
    const std::string n = std::to_string(i);
    table.rows.push_back({n, "Nguyễn Văn Thành " + n,
                          "19" + std::to_string(50 + i % 50) + "-0" + std::to_string(1 + i % 9) + "-15",
                          i % 2 ? "Nam" : "Nữ", "Phòng Tổ chức cán bộ " + std::to_string(i % 40), "Chuyên viên chính",
                          "0010" + std::to_string(80000000 + i), "09" + std::to_string(10000000 + i),
                          std::to_string(500000 + 1000 * (i % 100)), i % 7 ? "" : "Chiến sĩ thi đua cơ sở"});
  }
  auto bytes = write_xlsx({table});
  ASSERT_TRUE(bytes.has_value());
  const auto start = std::chrono::steady_clock::now();
  auto sheet = read_xlsx(*bytes);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(sheet->rows.size(), 30001u);
  std::printf("read_xlsx: 30,000 x 10 (%zu KiB xlsx) in %.1f ms\n", bytes->size() / 1024, ms);
}

}  // namespace
}  // namespace thidua::documents
