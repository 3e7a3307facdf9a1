#include "documents/excel_date.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace thidua::documents {
namespace {

TEST(ExcelSerialToIso, The1900SystemWithItsLeapYearBug) {
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(59, false), "1900-02-28");
  EXPECT_EQ(excel_serial_to_iso(60, false), "1900-02-29");  // what Excel shows; no such day
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(25569, false), "1970-01-01");
  EXPECT_EQ(excel_serial_to_iso(44927, false), "2023-01-01");
  EXPECT_EQ(excel_serial_to_iso(45351, false), "2024-02-29");
  EXPECT_EQ(excel_serial_to_iso(44927.999, false), "2023-01-01");  // the time is dropped
  EXPECT_EQ(excel_serial_to_iso(2958465, false), "9999-12-31");
}

TEST(ExcelSerialToIso, The1904System) {
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_to_iso(43465, true), "2023-01-01");
  EXPECT_EQ(excel_serial_to_iso(2957003, true), "9999-12-31");
}

TEST(ExcelSerialToIso, NoDateOutsideExcelsRange) {
  EXPECT_EQ(excel_serial_to_iso(0, false), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(-1, false), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(-1, true), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(2958466, false), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(std::numeric_limits<double>::infinity(), false), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(std::numeric_limits<double>::quiet_NaN(), false), std::nullopt);
  EXPECT_EQ(excel_serial_to_iso(1e300, false), std::nullopt);
}

TEST(DateFormats, BuiltIn) {
  for (int id : {14, 15, 16, 17, 22, 27, 36, 50, 58}) EXPECT_TRUE(is_builtin_date_format(id)) << id;
  for (int id : {0, 1, 2, 4, 9, 13, 18, 19, 20, 21, 37, 45, 46, 47, 49, 59})
    EXPECT_FALSE(is_builtin_date_format(id)) << id;
}

TEST(DateFormats, CustomCodes) {
  for (const char* code :
       {"dd/mm/yyyy", "DD/MM/YYYY", "d/m/yy", "[$-42A]dd/mm/yyyy;@", "yyyy-mm-dd", "dd\" tháng \"mm\" năm \"yyyy",
        "[$-F800]dddd, mmmm dd, yyyy", "mmm-yy", "[Red]dd/mm/yyyy"}) {
    EXPECT_TRUE(is_date_format_code(code)) << code;
  }
  for (const char* code : {"General", "0", "0.00", "#,##0 \"đ\"", "#,##0\\ \"ngày\"", "h:mm:ss", "[h]:mm", "mm:ss", "@",
                           "0.00E+00", "_-* #,##0_-;-* #,##0_-", "#,##0 [$₫-42A]", "\"dd\"0", "\\d0", "[Blue]0"}) {
    EXPECT_FALSE(is_date_format_code(code)) << code;
  }
}

}  // namespace
}  // namespace thidua::documents
