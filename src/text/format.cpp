#include "text/format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "text/utf8.hpp"

namespace thidua::text {

namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

std::string pad2(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// Digits with a dot before every group of three, counted from the right.
std::string group_thousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

std::string format_signed(long long value) {
  // Work on the magnitude as unsigned so that LLONG_MIN has a positive counterpart.
  unsigned long long magnitude =
      value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
  std::string digits = std::to_string(magnitude);
  return (value < 0 ? "-" : "") + group_thousands(digits);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Splits "a<sep>b<sep>c" where both separators are the same character from `allowed`.
bool split3(std::string_view s, std::string_view allowed, std::string_view parts[3]) {
  size_t first = s.find_first_of(allowed);
  if (first == std::string_view::npos) return false;
  char sep = s[first];
  size_t second = s.find(sep, first + 1);
  if (second == std::string_view::npos) return false;
  parts[0] = s.substr(0, first);
  parts[1] = s.substr(first + 1, second - first - 1);
  parts[2] = s.substr(second + 1);
  for (int i = 0; i < 3; ++i) {
    if (!all_digits(parts[i])) return false;  // also rejects a third separator or mixed ones
  }
  return true;
}

std::optional<Date> make_date(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

// Rounds a plain decimal string ("-12.345", no exponent) to `places` decimals, half away from
// zero, and returns the integer and fraction digits separately.
void round_decimal(std::string_view fixed, int places, bool& negative, std::string& int_part,
                   std::string& frac_part) {
  negative = !fixed.empty() && fixed.front() == '-';
  if (negative) fixed.remove_prefix(1);
  size_t dot = fixed.find('.');
  int_part = std::string(fixed.substr(0, dot));
  std::string frac = dot == std::string_view::npos ? std::string() : std::string(fixed.substr(dot + 1));
  bool round_up = frac.size() > static_cast<size_t>(places) && frac[static_cast<size_t>(places)] >= '5';
  frac.resize(static_cast<size_t>(places), '0');
  std::string all = int_part + frac;
  if (round_up) {
    size_t i = all.size();
    while (i > 0) {
      --i;
      if (all[i] == '9') {
        all[i] = '0';
      } else {
        ++all[i];
        break;
      }
      if (i == 0) all.insert(all.begin(), '1');
    }
  }
  int_part = all.substr(0, all.size() - static_cast<size_t>(places));
  frac_part = all.substr(all.size() - static_cast<size_t>(places));
}

}  // namespace

static int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

Date previous_day(const Date& date) {
  if (date.day > 1) return {date.year, date.month, date.day - 1};
  if (date.month > 1) return {date.year, date.month - 1, days_in_month(date.year, date.month - 1)};
  return {date.year - 1, 12, 31};
}

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string format_date(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

std::string format_date(const Date& date) { return format_date(date.year, date.month, date.day); }

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::string_view y = text.substr(0, 4);
  std::string_view m = text.substr(5, 2);
  std::string_view d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  int year = to_int(y);
  if (year < 1) return std::nullopt;
  return make_date(year, to_int(m), to_int(d));
}

Result<Date> parse_date_vn(std::string_view text) {
  std::string_view s = trim(text);
  std::string_view parts[3];
  std::optional<Date> date;
  if (s.size() <= 10 && split3(s, "/-.", parts)) {
    if (parts[0].size() == 4 && s[4] == '-' && parts[1].size() <= 2 && parts[2].size() <= 2) {
      date = make_date(to_int(parts[0]), to_int(parts[1]), to_int(parts[2]));  // ISO, year first
    } else if (parts[0].size() <= 2 && parts[1].size() <= 2 && parts[2].size() == 4) {
      date = make_date(to_int(parts[2]), to_int(parts[1]), to_int(parts[0]));  // day first
    }
  }
  if (!date || date->year < kMinYear || date->year > kMaxYear) {
    return fail(ErrorKind::validation, "date.invalid", "unparseable date: " + std::string(s.substr(0, 40)));
  }
  return *date;
}

std::string format_number(long long value) { return format_signed(value); }

std::string format_money(long long vnd) { return format_signed(vnd) + " đ"; }

std::string format_decimal(double value, int places) {
  if (!std::isfinite(value)) return {};
  if (places < 0) places = 0;
  if (places > 15) places = 15;
  // The shortest decimal form that reads back as the same double: 8.25 stays "8.25" rather
  // than becoming 8.2499999..., so rounding matches what the user sees and typed.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return {};
  bool negative = false;
  std::string int_part;
  std::string frac_part;
  round_decimal(std::string_view(buf, static_cast<size_t>(end - buf)), places, negative, int_part,
                frac_part);
  bool zero = int_part.find_first_not_of('0') == std::string::npos &&
              frac_part.find_first_not_of('0') == std::string::npos;
  std::string out = (negative && !zero) ? "-" : "";
  out += group_thousands(int_part);
  if (places > 0) out += "," + frac_part;
  return out;
}

std::string long_date_vi(const Date& date) {
  std::string day = date.day < 10 ? pad2(date.day) : std::to_string(date.day);
  std::string month = date.month < 3 ? pad2(date.month) : std::to_string(date.month);
  return "ngày " + day + " tháng " + month + " năm " + std::to_string(date.year);
}

std::string place_date_vi(std::string_view place, const Date& date) {
  return std::string(place) + ", " + long_date_vi(date);
}

}  // namespace thidua::text
