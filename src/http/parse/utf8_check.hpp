#pragma once
/// A standalone UTF-8 validator for the request parsers. text/utf8.hpp has one too, but it
/// pulls in ICU; the parsers must build (and be fuzzed) with the standard library alone.

#include <string_view>

namespace thidua::http {

/// True when `s` is well-formed UTF-8 as defined by Unicode (table 3-7): no overlong forms,
/// no surrogates (U+D800..U+DFFF), nothing past U+10FFFF, no truncated sequences and no
/// stray continuation bytes. NUL and other control characters are valid UTF-8.
bool valid_utf8(std::string_view s);

}  // namespace thidua::http
