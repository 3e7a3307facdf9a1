#include "documents/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "documents/xlsx_reader.hpp"
#include "documents/zip_reader.hpp"

namespace thidua::documents {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string part(const std::string& xlsx, std::string_view name) {
  auto zip = ZipReader::open(xlsx, 100 * 1024 * 1024);
  EXPECT_TRUE(zip.has_value());
  if (!zip) return {};
  auto text = zip->read_all(name);
  EXPECT_TRUE(text.has_value()) << name;
  return text ? *text : std::string{};
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

Table people_table(int n) {
  Table table;
  table.sheet_name = "Cá nhân";
  table.columns = {{"STT", 6, Column::integer},  {"Họ và tên", 28, Column::text},    {"Ngày sinh", 12, Column::date},
                   {"Đơn vị", 30, Column::text}, {"Tiền thưởng", 16, Column::money}, {"Ghi chú", 20, Column::text}};
  for (int i = 1; i <= n; ++i) {
    const std::string s = std::to_string(i);
    table.rows.push_back(
        {s, "Nguyễn Thị Ánh Tuyết " + s, "19" + std::to_string(60 + i % 40) + "-12-0" + std::to_string(1 + i % 9),
         "Phòng Giáo dục và Đào tạo huyện Đắk Glei", std::to_string(i * 1000), i % 3 == 0 ? "" : "Lao động tiên tiến"});
  }
  return table;
}

TEST(WriteXlsx, RoundTripsThroughTheReader) {
  Table table = people_table(2000);
  // Empty cells, a row shorter than the header, an all-empty row, values that do not parse as
  // their column's kind, a date before Excel's calendar and the leap-year edge.
  table.rows.push_back({"2001", "Lê Văn Đức", "", "", "", "Đã chuyển công tác"});
  table.rows.push_back({"2002", "Hồ Thị Xuân Hương"});
  table.rows.push_back({});
  table.rows.push_back({"khoảng 10", "Đinh Bộ Lĩnh", "1950", "Ủy ban nhân dân xã Ia Grai", "1.500.000", "ẩn ý 😀"});
  table.rows.push_back({"2004", "Phạm Ngọc Thạch", "1899-12-31", "", "-2500", ""});
  table.rows.push_back({"2005", "Trần Thị Lý", "1900-03-01", "", "2500.5", "  cách  "});
  table.rows.push_back({"2006", "Ngô Quyền", "2024-02-30", "", "", ""});

  auto xlsx = write_xlsx({table});
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().detail;
  auto sheet = read_xlsx(*xlsx);
  ASSERT_TRUE(sheet.has_value()) << sheet.error().code << ": " << sheet.error().detail;

  EXPECT_EQ(sheet->name, "Cá nhân");
  EXPECT_TRUE(sheet->merged_ranges.empty());
  ASSERT_EQ(sheet->rows.size(), 1u + 2000u + 7u);
  EXPECT_EQ(sheet->rows[0],
            (std::vector<std::string>{"STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Tiền thưởng", "Ghi chú"}));
  for (int i = 1; i <= 2000; ++i) {
    const auto& row = table.rows[static_cast<std::size_t>(i - 1)];
    std::vector<std::string> expected = row;
    while (!expected.empty() && expected.back().empty()) expected.pop_back();
    ASSERT_EQ(sheet->rows[static_cast<std::size_t>(i)], expected) << "row " << i;
  }
  EXPECT_EQ(sheet->rows[2001], (std::vector<std::string>{"2001", "Lê Văn Đức", "", "", "", "Đã chuyển công tác"}));
  EXPECT_EQ(sheet->rows[2002], (std::vector<std::string>{"2002", "Hồ Thị Xuân Hương"}));
  EXPECT_TRUE(sheet->rows[2003].empty());
  EXPECT_EQ(sheet->rows[2004], (std::vector<std::string>{"khoảng 10", "Đinh Bộ Lĩnh", "1950",
                                                         "Ủy ban nhân dân xã Ia Grai", "1.500.000", "ẩn ý 😀"}));
  EXPECT_EQ(sheet->rows[2005], (std::vector<std::string>{"2004", "Phạm Ngọc Thạch", "1899-12-31", "", "-2500"}));
  EXPECT_EQ(sheet->rows[2006],
            (std::vector<std::string>{"2005", "Trần Thị Lý", "1900-03-01", "", "2500.5", "  cách  "}));
  EXPECT_EQ(sheet->rows[2007], (std::vector<std::string>{"2006", "Ngô Quyền", "2024-02-30"}));
}

TEST(WriteXlsx, WritesRealNumbersAndDatesWithTheirFormats) {
  Table table;
  table.sheet_name = "Tiền thưởng";
  table.columns = {{"Ngày", 12, Column::date}, {"Số tiền", 16, Column::money}, {"Số", 8, Column::integer}};
  table.rows = {{"2023-03-15", "1500000", "42"}};
  auto xlsx = write_xlsx({table});
  ASSERT_TRUE(xlsx.has_value());
  const std::string sheet = part(*xlsx, "xl/worksheets/sheet1.xml");
  const std::string styles = part(*xlsx, "xl/styles.xml");
  // Numbers, not strings: a date is serial 45000 and money a plain number.
  EXPECT_TRUE(contains(sheet, "<v>45000</v>")) << sheet;
  EXPECT_TRUE(contains(sheet, "<v>1500000</v>")) << sheet;
  EXPECT_TRUE(contains(sheet, "<v>42</v>")) << sheet;
  EXPECT_TRUE(contains(styles, "formatCode=\"dd/mm/yyyy\"")) << styles;
  EXPECT_TRUE(contains(styles, "formatCode=\"#,##0 &quot;đ&quot;\"")) << styles;
  // Frozen below the header, with an autofilter over header and data.
  EXPECT_TRUE(contains(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
      << sheet;
  EXPECT_TRUE(contains(sheet, "<autoFilter ref=\"A1:C2\"/>")) << sheet;
}

TEST(WriteXlsx, PutsTheTitleAboveTheHeader) {
  Table table = people_table(3);
  table.title = "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024";
  auto xlsx = write_xlsx({table, people_table(1)});
  ASSERT_TRUE(xlsx.has_value());
  auto sheet = read_xlsx(*xlsx);
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(sheet->rows[0], (std::vector<std::string>{table.title}));
  EXPECT_EQ(sheet->rows[1][1], "Họ và tên");
  EXPECT_EQ(sheet->rows.size(), 5u);
  const std::string xml = part(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_TRUE(contains(xml, "<autoFilter ref=\"A2:F5\"/>")) << xml;
  EXPECT_TRUE(contains(xml, "topLeftCell=\"A3\"")) << xml;
  // The second table's sheet had the same name.
  EXPECT_TRUE(contains(part(*xlsx, "xl/workbook.xml"), "name=\"Cá nhân (2)\""));
}

TEST(WriteXlsx, MakesSheetNamesValid) {
  Table a;
  a.sheet_name = "Khen thưởng [2024]: quý 1/2 * tổng hợp theo đơn vị";
  a.columns = {{"A"}};
  Table b;
  a.rows = b.rows = {{"x"}};
  b.columns = {{"B"}};
  auto xlsx = write_xlsx({a, b});
  ASSERT_TRUE(xlsx.has_value());
  const std::string workbook = part(*xlsx, "xl/workbook.xml");
  EXPECT_TRUE(contains(workbook, "name=\"Khen thưởng -2024-- quý 1-2 - t\"")) << workbook;
  EXPECT_TRUE(contains(workbook, "name=\"Sheet2\"")) << workbook;
}

TEST(WriteXlsx, Errors) {
  Table table;
  table.columns = {{"Ghi chú"}};
  table.rows = {{std::string(40000, 'a')}};
  auto xlsx = write_xlsx({table});
  ASSERT_FALSE(xlsx.has_value());
  EXPECT_EQ(xlsx.error().kind, ErrorKind::validation);
  EXPECT_EQ(xlsx.error().code, "export.cell_too_long");
  ASSERT_EQ(xlsx.error().params.size(), 1u);
  EXPECT_EQ(xlsx.error().params[0].second, "A2");

  table.rows.assign(1'048'576, {});
  xlsx = write_xlsx({table});
  ASSERT_FALSE(xlsx.has_value());
  EXPECT_EQ(xlsx.error().kind, ErrorKind::too_large);
  EXPECT_EQ(xlsx.error().code, "export.too_many_rows");
}

TEST(WriteXlsx, AnEmptyWorkbookStillOpens) {
  auto xlsx = write_xlsx(std::vector<Table>{});
  ASSERT_TRUE(xlsx.has_value());
  auto sheet = read_xlsx(*xlsx);
  ASSERT_TRUE(sheet.has_value());
  EXPECT_TRUE(sheet->rows.empty());
}

TEST(WriteTemplate, HasTheTemplateAndTheInstructions) {
  const std::vector<Column> columns = {{"Họ và tên", 28, Column::text},
                                       {"Ngày sinh", 12, Column::date},
                                       {"Số CCCD", 16, Column::text},
                                       {"Tiền thưởng", 14, Column::money}};
  auto xlsx =
      write_template(columns, {{"Nguyễn Văn An", "1990-05-01", "001090012345", "2000000"}},
                     "Điền mỗi người một dòng.\r\nNgày sinh theo dạng dd/mm/yyyy.\n\nXóa dòng ví dụ trước khi nhập.");
  ASSERT_TRUE(xlsx.has_value()) << xlsx.error().detail;
  auto sheet = read_xlsx(*xlsx);
  ASSERT_TRUE(sheet.has_value());
  EXPECT_EQ(sheet->name, "Mẫu");
  EXPECT_EQ(sheet->rows, (Rows{{"Họ và tên", "Ngày sinh", "Số CCCD", "Tiền thưởng"},
                               {"Nguyễn Văn An", "1990-05-01", "001090012345", "2000000"}}));
  const std::string workbook = part(*xlsx, "xl/workbook.xml");
  EXPECT_TRUE(contains(workbook, "<sheet name=\"Mẫu\" sheetId=\"1\"")) << workbook;
  EXPECT_TRUE(contains(workbook, "<sheet name=\"Hướng dẫn\" sheetId=\"2\"")) << workbook;
  const std::string instructions = part(*xlsx, "xl/sharedStrings.xml");
  EXPECT_TRUE(contains(instructions, "<t>Ngày sinh theo dạng dd/mm/yyyy.</t>")) << instructions;
  // Text columns are formatted as text ("@", built-in 49) so that typed CCCD numbers keep
  // their leading zeros, and the template has no autofilter.
  const std::string xml = part(*xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_TRUE(contains(xml, "<cols>")) << xml;
  EXPECT_TRUE(contains(part(*xlsx, "xl/styles.xml"), "numFmtId=\"49\""));
  EXPECT_FALSE(contains(xml, "autoFilter"));
}

}  // namespace
}  // namespace thidua::documents
