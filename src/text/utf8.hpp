#pragma once
/// UTF-8 checks and Unicode normalisation. All user input is validated and stored as NFC so
/// that "Hà" typed with combining marks and "Hà" typed precomposed are the same text.

#include <string>
#include <string_view>
#include <vector>

namespace thidua::text {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// NFC form of valid UTF-8 text. Precondition: is_valid_utf8(s).
std::string to_nfc(std::string_view s);

/// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// The lines of `s`, each trimmed, blank ones dropped: a text block typed one paragraph a line.
std::vector<std::string> nonblank_lines(std::string_view s);

/// Capitals the Vietnamese way ("Ban Dân tộc" → "BAN DÂN TỘC"), NFC.
std::string upper_vi(std::string_view s);

/// Trims, drops zero-width and control characters (except tab and newline) and returns NFC.
/// Precondition: is_valid_utf8(s).
std::string clean_input(std::string_view s);

/// Lower-case, diacritics removed, đ → d: the key used to search Vietnamese text.
std::string fold(std::string_view s);

}  // namespace thidua::text
