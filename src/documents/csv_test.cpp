#include "documents/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thidua::documents {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows read_ok(std::string_view bytes, std::size_t max_rows = 100001) {
  auto r = read_csv(bytes, max_rows);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().code);
  return r ? r->rows : Rows{};
}

std::string param(const Error& e, std::string_view name) {
  for (const auto& [k, v] : e.params) {
    if (k == name) return v;
  }
  return "<none>";
}

// UTF-16LE with its byte order mark, as Excel's "Unicode text" saves.
std::string utf16le(std::u16string_view s) {
  std::string out = "\xFF\xFE";
  for (const char16_t u : s) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  }
  return out;
}

TEST(ReadCsv, ReadsRfc4180) {
  EXPECT_EQ(read_ok("a,b,c\r\n1,2,3\r\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(read_ok("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));    // LF, no final line break
  EXPECT_EQ(read_ok("a,b\r1,2\r"), (Rows{{"a", "b"}, {"1", "2"}}));  // old Mac CR
  EXPECT_EQ(read_ok("\"Nguyễn, Văn A\",\"nói \"\"xin chào\"\"\",\"\"\n"),
            (Rows{{"Nguyễn, Văn A", "nói \"xin chào\""}}));
  EXPECT_EQ(read_ok("ten,ghi chu\r\nAn,\"dòng 1\r\ndòng 2\"\r\nBình,x\r\n"),
            (Rows{{"ten", "ghi chu"}, {"An", "dòng 1\r\ndòng 2"}, {"Bình", "x"}}));
  // A quote inside an unquoted field is an ordinary character; stray text after a closing
  // quote is kept, as Excel does.
  EXPECT_EQ(read_ok("5\" pipe,\"ab\"cd\n"), (Rows{{"5\" pipe", "abcd"}}));
}

TEST(ReadCsv, KeepsRowNumbersAndDropsTrailingEmptiness) {
  // Blank records keep later rows at their record number; trailing empty cells and rows go.
  EXPECT_EQ(read_ok("a,b,,\n\n,,\nc,,d\n,,,\n\n"), (Rows{{"a", "b"}, {}, {}, {"c", "", "d"}}));
  EXPECT_EQ(read_ok(""), Rows{});
  EXPECT_EQ(read_ok("\xEF\xBB\xBF"), Rows{});
  EXPECT_EQ(read_ok(",,,\r\n"), Rows{});
}

TEST(ReadCsv, DetectsTheDelimiterFromTheHeader) {
  // Vietnamese-locale Excel saves ';' because ',' is its decimal separator.
  EXPECT_EQ(read_ok("Họ tên;Số tiền\r\nAn;1,5\r\n"), (Rows{{"Họ tên", "Số tiền"}, {"An", "1,5"}}));
  EXPECT_EQ(read_ok("Họ tên\tĐơn vị\nAn\tPhòng A, B\n"), (Rows{{"Họ tên", "Đơn vị"}, {"An", "Phòng A, B"}}));
  // Quoted delimiters in the header do not count.
  EXPECT_EQ(read_ok("\"a;b;c\",d\n1,2\n"), (Rows{{"a;b;c", "d"}, {"1", "2"}}));
  // Ties go to ';' over ',': an address with a comma beside a ';' delimiter.
  EXPECT_EQ(read_ok("Địa chỉ: Phường 1, Quận 3;Ghi chú\n"), (Rows{{"Địa chỉ: Phường 1, Quận 3", "Ghi chú"}}));
  EXPECT_EQ(read_ok("một cột\nhai\n"), (Rows{{"một cột"}, {"hai"}}));
  // Excel's "sep=" line names the delimiter and is not data.
  EXPECT_EQ(read_ok("sep=;\r\na,b;c\r\n"), (Rows{{"a,b", "c"}}));
}

TEST(ReadCsv, StripsUtf8BomAndPassesOtherBytesThrough) {
  EXPECT_EQ(read_ok("\xEF\xBB\xBFHọ tên,Ngày sinh\n"), (Rows{{"Họ tên", "Ngày sinh"}}));
  // Windows-1258 bytes stay as they are, for the caller to recognise.
  EXPECT_EQ(read_ok("H\xD2 N\xF4i,x\n"), (Rows{{"H\xD2 N\xF4i", "x"}}));
}

TEST(ReadCsv, ConvertsUtf16WithBom) {
  EXPECT_EQ(read_ok(utf16le(u"Họ tên\tĐơn vị\r\nNguyễn Thị Ánh\tPhòng Nội vụ 😀\r\n")),
            (Rows{{"Họ tên", "Đơn vị"}, {"Nguyễn Thị Ánh", "Phòng Nội vụ 😀"}}));
  // Big-endian too, and a lone surrogate becomes U+FFFD.
  EXPECT_EQ(read_ok(std::string("\xFE\xFF\x00\x41\x00,\xD8\x00\x00\x42", 10)), (Rows{{"A",
                                                                                      "\xEF\xBF\xBD"
                                                                                      "B"}}));
}

TEST(ReadCsv, Errors) {
  auto r = read_csv("a,b\n1,\"unterminated\n2,3\n");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::validation);
  EXPECT_EQ(r.error().code, "import.csv_quote");
  EXPECT_EQ(param(r.error(), "row"), "2");

  EXPECT_EQ(read_ok("1\n2\n3\n", 3).size(), 3u);
  r = read_csv("1\n2\n3\n4\n", 3);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
  EXPECT_EQ(r.error().code, "import.too_many_rows");
  EXPECT_EQ(param(r.error(), "max"), "3");
  // Empty records past the limit are not data.
  EXPECT_EQ(read_ok("1\n2\n3\n\n\n,,\n", 3).size(), 3u);

  r = read_csv("a,b,c,d\n", 100, 3);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "import.too_many_columns");
  EXPECT_EQ(param(r.error(), "max"), "3");
  // A line of a million delimiters holds nothing in memory.
  EXPECT_EQ(read_ok("a" + std::string(1'000'000, ',') + "\n"), (Rows{{"a"}}));
}

TEST(WriteCsv, WritesForExcel) {
  const std::string csv = write_csv(
      {{"Họ tên", "Ghi chú", "Số tiền"}, {"Nguyễn, Văn A", "nói \"chào\"", "1500000"}, {"", "dòng 1\ndòng 2", " lề "}});
  EXPECT_EQ(csv,
            "\xEF\xBB\xBFHọ tên,Ghi chú,Số tiền\r\n"
            "\"Nguyễn, Văn A\",\"nói \"\"chào\"\"\",1500000\r\n"
            ",\"dòng 1\ndòng 2\",\" lề \"\r\n");
}

TEST(WriteCsv, DisarmsFormulas) {
  EXPECT_EQ(write_csv({{"=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(A1)", "-15", "+84912345678", "3.5", "a=b"}}),
            "\xEF\xBB\xBF\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd,'-2+3,'@SUM(A1),-15,+84912345678,3.5,a=b\r\n");
}

TEST(WriteCsv, RoundTrips) {
  const Rows rows = {{"Họ và tên", "Ngày sinh", "Đơn vị"},
                     {"Trần Đức Long", "1985-07-20", "Phòng Tổ chức; cán bộ"},
                     {"Lê \"Tí\"", "", "Sở Nội vụ,\r\nTP. Hồ Chí Minh"}};
  EXPECT_EQ(read_ok(write_csv(rows)), rows);
}

}  // namespace
}  // namespace thidua::documents
