#include "documents/excel_date.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace thidua::documents {
namespace {

constexpr double kMaxSerial1900 = 2958465;  // 9999-12-31
constexpr double kMaxSerial1904 = kMaxSerial1900 - 1462;

std::string iso(int year, unsigned month, unsigned day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

}  // namespace

std::optional<std::string> excel_serial_to_iso(double serial, bool date1904) {
  using namespace std::chrono;
  if (!std::isfinite(serial)) return std::nullopt;
  const double whole = std::floor(serial);
  long days = 0;
  sys_days epoch;
  if (date1904) {
    if (whole < 0 || whole > kMaxSerial1904) return std::nullopt;
    epoch = sys_days{year{1904} / January / 1};
    days = static_cast<long>(whole);
  } else {
    if (whole < 1 || whole > kMaxSerial1900) return std::nullopt;
    if (whole == 60) return "1900-02-29";
    // Excel counts a 29 February 1900 that never was, so serials from 61 on are one day
    // ahead of a plain count from 1899-12-31.
    epoch = sys_days{year{1899} / December / 31};
    days = static_cast<long>(whole) - (whole > 60 ? 1 : 0);
  }
  const year_month_day ymd{epoch + std::chrono::days{days}};
  return iso(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    switch (code[i]) {
      case '"': {  // literal text
        const auto close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '[': {  // colour, condition, locale ([$-42A]) or elapsed time ([h])
        const auto close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '\\':  // the next character is literal
      case '_':   // the next character's width as padding
      case '*':   // the next character repeated as fill
        ++i;
        break;
      case 'd':
      case 'D':
      case 'y':
      case 'Y':
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace thidua::documents
