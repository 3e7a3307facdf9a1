#pragma once
/// Vietnamese number, money and date formats: dd/mm/yyyy dates, "." between thousands,
/// "," before decimals, amounts in đồng ("1.250.000 đ"), and the long date line of official
/// documents ("Cao Bằng, ngày 30 tháng 9 năm 2022").

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace thidua::text {

/// A calendar date without time zone. Values produced by the parsers are always valid.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// "2022-09-05", the form stored in the database and used by <input type="date">.
  std::string iso() const;

  auto operator<=>(const Date&) const = default;
};

/// True when y-m-d exists in the proleptic Gregorian calendar (29/02 only in leap years).
bool is_valid_date(int year, int month, int day);

/// The day before `date`: 01/01/2025 gives 31/12/2024.
Date previous_day(const Date& date);

/// "05/09/2022": day and month always two digits, the year four.
std::string format_date(int year, int month, int day);
std::string format_date(const Date& date);

/// Parses a date as Vietnamese users type it: day first ("5/9/2022", "05/09/2022",
/// "05-09-2022", "05.09.2022"; the two separators must match) or ISO ("2022-09-05").
/// Surrounding white space is ignored. Fails with validation "date.invalid" for anything else,
/// for dates that do not exist (31/02/2024, 29/02/2023) and for years outside 1900–2100.
/// Two-digit years are rejected rather than guessed.
Result<Date> parse_date_vn(std::string_view text);

/// Strict "YYYY-MM-DD" for machine-written values (database columns, form fields of type
/// date). Any existing date from year 0001 to 9999; no white space.
std::optional<Date> parse_iso_date(std::string_view text);

/// "30.000": dots between groups of three digits.
std::string format_number(long long value);

/// "1.250.000 đ", "-1.250.000 đ": an ordinary space before the "đ" sign, as on printed forms.
std::string format_money(long long vnd);

/// `value` with exactly `places` decimals (clamped to 0–15): "12,5", "1.234.567,89".
/// Rounds half away from zero on the shortest decimal form of the double, so 8.25 with one
/// place gives "8,3" and 1.005 with two gives "1,01", as a person rounding by hand would.
/// Returns "" for NaN and infinities: there is nothing sensible to print.
std::string format_decimal(double value, int places);

/// "ngày 30 tháng 9 năm 2022", the date line of administrative documents. Following Decree
/// 30/2020/NĐ-CP (Appendix I), a day below 10 and the months 1 and 2 take a leading zero so
/// that nobody can add a digit later: "ngày 05 tháng 02 năm 2024", "ngày 09 tháng 6 năm 2022".
std::string long_date_vi(const Date& date);

/// "Cao Bằng, ngày 30 tháng 9 năm 2022": the place and date line under the national motto.
std::string place_date_vi(std::string_view place, const Date& date);

}  // namespace thidua::text
