#pragma once
/// Excel stores a date as a plain number (days since an epoch) and says it is a date only
/// through the cell's number format. These helpers turn such numbers into ISO dates and tell
/// date formats from other number formats.

#include <optional>
#include <string>
#include <string_view>

namespace thidua::documents {

/// "yyyy-mm-dd" for an Excel serial date; the time of day, if any, is dropped. In the 1900
/// system serial 1 is 1900-01-01 and serial 60 is the 1900-02-29 that Excel shows (Lotus
/// 1-2-3's leap-year bug, kept for compatibility); in the 1904 system serial 0 is
/// 1904-01-01. nullopt when Excel would show no date: below serial 1 (1900) or 0 (1904),
/// after 9999-12-31, or not a finite number.
std::optional<std::string> excel_serial_to_iso(double serial, bool date1904);

/// True when the built-in number format `id` shows a date: 14-17 and 22, plus the East Asian
/// locale dates 27-36 and 50-58. The time-only formats 18-21 and 45-47 are not dates.
bool is_builtin_date_format(int id);

/// True when a custom format code shows a date, that is, has a day or year token (d, y in
/// either case) outside quoted text, backslash escapes and [...] sections, in any of its
/// sections. "dd/mm/yyyy", "[$-42A]d mmmm yyyy" and "yyyy-mm-dd;@" are dates;
/// "#,##0 \"đ\"", "0.00" and "h:mm" are not.
bool is_date_format_code(std::string_view code);

}  // namespace thidua::documents
