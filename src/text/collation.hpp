#pragma once
/// Vietnamese sorting. Vietnamese order is not code-point order: a < ă < â < b, d < đ < e,
/// o < ô < ơ, and tones rank after the base letter (a < à < ả < ã < á < ạ). We use ICU's "vi"
/// collator, and give the database a sort key it can `ORDER BY` so that lists are paged in
/// the same order the collator would sort them.

#include <string>
#include <string_view>

namespace thidua::text {

/// The ICU "vi" (tertiary strength) sort key of UTF-8 text, as lower-case hex without the
/// key's trailing NUL. Hex keeps it safe to store as TEXT, and because '0'-'9' < 'a'-'f' in
/// ASCII, plain byte comparison of two keys (std::string <, SQLite BINARY, PostgreSQL
/// COLLATE "C") orders them exactly as compare_vi orders the texts.
/// Invalid UTF-8 sequences sort as U+FFFD.
std::string sort_key(std::string_view utf8);

/// The sort key for a person's full name in Vietnamese list order: by the given name (the
/// last word), then by the family and middle names in order. "Hà Văn Vui" sorts under V and
/// "Nông Thị Hoa" under H; two people called "… An" are ordered by what precedes "An".
/// Words are separated by any run of white space (ASCII or no-break space).
std::string person_sort_key(std::string_view full_name);

/// Separator between the two halves of person_sort_key. It is below every hex digit, so a
/// given name whose key is a prefix of another's still sorts first.
inline constexpr char kPersonKeySeparator = '!';

/// Three-way comparison in Vietnamese order: negative, zero or positive.
int compare_vi(std::string_view a, std::string_view b);

}  // namespace thidua::text
