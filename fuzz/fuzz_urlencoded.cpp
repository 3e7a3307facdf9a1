// Fuzzes parse_urlencoded. Input: one byte giving max_fields, then the body.
// Checks that every name and value is valid UTF-8, that the limit holds, that errors come
// from the documented set, and that re-encoding the result parses back to the same fields.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/parse/form.hpp"
#include "http/parse/utf8_check.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

std::string encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t max_fields = data[0] == 0 ? 1000 : data[0];
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);

  const auto form = thidua::http::parse_urlencoded(body, max_fields);
  if (!form) {
    const auto& e = form.error();
    check((e.kind == thidua::ErrorKind::validation &&
           (e.code == "request.bad_encoding" || e.code == "request.bad_utf8")) ||
          (e.kind == thidua::ErrorKind::too_large && e.code == "request.too_many_fields"));
    return 0;
  }
  check(form->items().size() <= max_fields);
  std::string again;
  for (const auto& [name, value] : form->items()) {
    check(thidua::http::valid_utf8(name));
    check(thidua::http::valid_utf8(value));
    check(form->has(name));
    check(form->get(name).has_value());
    if (!again.empty()) again.push_back('&');
    again += encode(name) + "=" + encode(value);
  }
  const auto reparsed = thidua::http::parse_urlencoded(again, max_fields);
  check(reparsed.has_value() && reparsed->items() == form->items());
  return 0;
}
