#include "text/format.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <limits>
#include <string>

namespace thidua::text {
namespace {

// ---- dates ------------------------------------------------------------------------------------

TEST(FormatDate, DayMonthYearWithLeadingZeros) {
  EXPECT_EQ(format_date(2022, 9, 5), "05/09/2022");
  EXPECT_EQ(format_date(2022, 12, 31), "31/12/2022");
  EXPECT_EQ(format_date(Date{2024, 2, 29}), "29/02/2024");
}

TEST(Date, IsoAndOrdering) {
  EXPECT_EQ((Date{2022, 9, 5}).iso(), "2022-09-05");
  EXPECT_EQ((Date{1900, 1, 1}).iso(), "1900-01-01");
  EXPECT_LT((Date{2022, 9, 5}), (Date{2022, 9, 6}));
  EXPECT_LT((Date{2022, 9, 30}), (Date{2022, 10, 1}));
  EXPECT_LT((Date{2021, 12, 31}), (Date{2022, 1, 1}));
  EXPECT_EQ((Date{2022, 9, 5}), (Date{2022, 9, 5}));
}

TEST(ParseDateVn, AcceptsTheFormsUsersType) {
  const Date expected{2022, 9, 5};
  for (const char* s : {"5/9/2022", "05/09/2022", "05-09-2022", "5-9-2022", "05.09.2022", "2022-09-05",
                        "2022-9-5", "  05/09/2022 ", "\t5/09/2022\n"}) {
    auto d = parse_date_vn(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(*d, expected) << s;
  }
  EXPECT_EQ(*parse_date_vn("30/9/2022"), (Date{2022, 9, 30}));
  EXPECT_EQ(*parse_date_vn("31/12/2100"), (Date{2100, 12, 31}));
  EXPECT_EQ(*parse_date_vn("01/01/1900"), (Date{1900, 1, 1}));
}

TEST(ParseDateVn, LeapYears) {
  EXPECT_TRUE(parse_date_vn("29/02/2024").has_value());
  EXPECT_TRUE(parse_date_vn("29/02/2000").has_value());   // divisible by 400
  EXPECT_FALSE(parse_date_vn("29/02/2023").has_value());
  EXPECT_FALSE(parse_date_vn("29/02/1900").has_value());  // divisible by 100, not by 400
  EXPECT_FALSE(parse_date_vn("29/02/2100").has_value());
}

TEST(ParseDateVn, RejectsImpossibleAndMalformedDates) {
  for (const char* s : {"31/02/2024", "30/02/2024", "31/04/2022", "31/06/2022", "31/09/2022", "31/11/2022",
                        "0/9/2022", "5/0/2022", "5/13/2022", "32/1/2022", "31/12/1899", "1/1/2101",
                        "5/9/22", "2022/09/05", "05/09-2022", "05-09/2022", "5//2022", "5/9/", "/9/2022",
                        "05/09/2022/1", "5 / 9 / 2022", "05092022", "2022-09-05T00:00", "ngày 5/9/2022",
                        "a/b/cdef", "-5/9/2022", "+5/9/2022", "005/09/2022", "05/009/2022", "5/9/02022",
                        "", "   ", "2022-13-01", "2022-02-30", "1899-12-31", "05\xEF\xBC\x8F" "09/2022"}) {
    auto d = parse_date_vn(s);
    ASSERT_FALSE(d.has_value()) << s;
    EXPECT_EQ(d.error().kind, ErrorKind::validation) << s;
    EXPECT_EQ(d.error().code, "date.invalid") << s;
  }
}

TEST(IsValidDate, MonthLengths) {
  EXPECT_TRUE(is_valid_date(2023, 1, 31));
  EXPECT_TRUE(is_valid_date(2023, 2, 28));
  EXPECT_FALSE(is_valid_date(2023, 2, 29));
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2024, 2, 30));
  EXPECT_TRUE(is_valid_date(2023, 4, 30));
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_FALSE(is_valid_date(2023, 0, 1));
  EXPECT_FALSE(is_valid_date(2023, 1, 0));
}

TEST(ParseIsoDate, StrictFormat) {
  EXPECT_EQ(parse_iso_date("2022-09-05"), (Date{2022, 9, 5}));
  EXPECT_EQ(parse_iso_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ(parse_iso_date("1850-01-01"), (Date{1850, 1, 1}));  // no application range here
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2022-9-5"));
  EXPECT_FALSE(parse_iso_date("05/09/2022"));
  EXPECT_FALSE(parse_iso_date(" 2022-09-05"));
  EXPECT_FALSE(parse_iso_date("2022-09-05 "));
  EXPECT_FALSE(parse_iso_date("0000-01-01"));
  EXPECT_FALSE(parse_iso_date("2022-0a-05"));
  EXPECT_FALSE(parse_iso_date(""));
}

TEST(ParseIsoDate, RoundTripsIso) {
  for (const Date d : {Date{2022, 9, 5}, Date{1900, 1, 1}, Date{2100, 12, 31}, Date{2024, 2, 29}}) {
    EXPECT_EQ(parse_iso_date(d.iso()), d);
    EXPECT_EQ(*parse_date_vn(d.iso()), d);
    EXPECT_EQ(*parse_date_vn(format_date(d)), d);
  }
}

TEST(LongDateVi, OfficialDocumentDateLine) {
  EXPECT_EQ(long_date_vi({2022, 9, 30}), "ngày 30 tháng 9 năm 2022");
  EXPECT_EQ(long_date_vi({2022, 12, 10}), "ngày 10 tháng 12 năm 2022");
  EXPECT_EQ(long_date_vi({2022, 10, 26}), "ngày 26 tháng 10 năm 2022");
  // Decree 30/2020/NĐ-CP: days below 10 and months 1 and 2 take a leading zero, nothing else.
  EXPECT_EQ(long_date_vi({2022, 6, 9}), "ngày 09 tháng 6 năm 2022");
  EXPECT_EQ(long_date_vi({2024, 2, 5}), "ngày 05 tháng 02 năm 2024");
  EXPECT_EQ(long_date_vi({2023, 1, 15}), "ngày 15 tháng 01 năm 2023");
  EXPECT_EQ(long_date_vi({2023, 3, 1}), "ngày 01 tháng 3 năm 2023");
}

TEST(PlaceDateVi, PlaceCommaDate) {
  EXPECT_EQ(place_date_vi("Cao Bằng", {2022, 9, 30}), "Cao Bằng, ngày 30 tháng 9 năm 2022");
  EXPECT_EQ(place_date_vi("Hà Nội", {2023, 2, 1}), "Hà Nội, ngày 01 tháng 02 năm 2023");
}

// ---- numbers and money ------------------------------------------------------------------------

TEST(FormatNumber, DotsBetweenThousands) {
  EXPECT_EQ(format_number(0), "0");
  EXPECT_EQ(format_number(7), "7");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1.000");
  EXPECT_EQ(format_number(30000), "30.000");
  EXPECT_EQ(format_number(123456), "123.456");
  EXPECT_EQ(format_number(1234567), "1.234.567");
  EXPECT_EQ(format_number(-1000), "-1.000");
  EXPECT_EQ(format_number(-999), "-999");
  EXPECT_EQ(format_number(LLONG_MAX), "9.223.372.036.854.775.807");
  EXPECT_EQ(format_number(LLONG_MIN), "-9.223.372.036.854.775.808");
}

TEST(FormatMoney, DongSignAfterASpace) {
  EXPECT_EQ(format_money(1250000), "1.250.000 đ");
  EXPECT_EQ(format_money(-1250000), "-1.250.000 đ");
  EXPECT_EQ(format_money(0), "0 đ");
  EXPECT_EQ(format_money(500), "500 đ");
  EXPECT_EQ(format_money(LLONG_MIN), "-9.223.372.036.854.775.808 đ");
}

TEST(FormatDecimal, CommaBeforeDecimalsDotsBetweenThousands) {
  EXPECT_EQ(format_decimal(12.5, 1), "12,5");
  EXPECT_EQ(format_decimal(12.5, 2), "12,50");
  EXPECT_EQ(format_decimal(12.5, 0), "13");
  EXPECT_EQ(format_decimal(1234567.891, 2), "1.234.567,89");
  EXPECT_EQ(format_decimal(0.0, 2), "0,00");
  EXPECT_EQ(format_decimal(-12.5, 1), "-12,5");
  EXPECT_EQ(format_decimal(-1234.5, 0), "-1.235");
  EXPECT_EQ(format_decimal(100, 0), "100");
  EXPECT_EQ(format_decimal(999.96, 1), "1.000,0");
  EXPECT_EQ(format_decimal(9.999, 2), "10,00");
}

TEST(FormatDecimal, RoundsHalfAwayFromZeroOnTheVisibleDigits) {
  EXPECT_EQ(format_decimal(8.25, 1), "8,3");    // exactly representable: printf would say 8,2
  EXPECT_EQ(format_decimal(1.005, 2), "1,01");  // stored as 1.00499999…, typed as 1.005
  EXPECT_EQ(format_decimal(2.675, 2), "2,68");
  EXPECT_EQ(format_decimal(0.5, 0), "1");
  EXPECT_EQ(format_decimal(-0.5, 0), "-1");
  EXPECT_EQ(format_decimal(8.24, 1), "8,2");
  EXPECT_EQ(format_decimal(-0.04, 1), "0,0");  // no "-0,0"
  EXPECT_EQ(format_decimal(-0.0, 1), "0,0");
}

TEST(FormatDecimal, OddInputs) {
  EXPECT_EQ(format_decimal(12.5, -3), "13");
  EXPECT_EQ(format_decimal(0.1, 20), "0,100000000000000");  // clamped to 15 places
  EXPECT_EQ(format_decimal(1e20, 0), "100.000.000.000.000.000.000");
  EXPECT_EQ(format_decimal(1e-300, 2), "0,00");
  EXPECT_EQ(format_decimal(std::numeric_limits<double>::quiet_NaN(), 1), "");
  EXPECT_EQ(format_decimal(std::numeric_limits<double>::infinity(), 1), "");
  EXPECT_EQ(format_decimal(-std::numeric_limits<double>::infinity(), 1), "");
  EXPECT_FALSE(format_decimal(std::numeric_limits<double>::max(), 2).empty());
}

}  // namespace
TEST(PreviousDay, CrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(previous_day({2024, 5, 24}).iso(), "2024-05-23");
  EXPECT_EQ(previous_day({2025, 7, 1}).iso(), "2025-06-30");
  EXPECT_EQ(previous_day({2024, 3, 1}).iso(), "2024-02-29");
  EXPECT_EQ(previous_day({2023, 3, 1}).iso(), "2023-02-28");
  EXPECT_EQ(previous_day({2024, 1, 1}).iso(), "2023-12-31");
}

}  // namespace thidua::text
