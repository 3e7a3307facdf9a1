#include "http/parse/form.hpp"

#include "http/parse/utf8_check.hpp"

namespace thidua::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// '+' is a space only in this format (not in paths), which is why the decoder lives here.
Result<std::string> decode_component(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (s.size() - i < 3) return fail(ErrorKind::validation, "request.bad_encoding", "truncated %-escape");
      const int hi = hex_value(s[i + 1]);
      const int lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return fail(ErrorKind::validation, "request.bad_encoding", "bad %-escape");
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  if (!valid_utf8(out)) return fail(ErrorKind::validation, "request.bad_utf8", "form field is not UTF-8");
  return out;
}

}  // namespace

std::optional<std::string_view> FormData::get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::string FormData::value(std::string_view name) const {
  auto v = get(name);
  return v ? std::string(*v) : std::string();
}

std::vector<std::string_view> FormData::all(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& [n, v] : items_) {
    if (n == name) out.emplace_back(v);
  }
  return out;
}

bool FormData::has(std::string_view name) const { return get(name).has_value(); }

void FormData::add(std::string name, std::string value) {
  items_.emplace_back(std::move(name), std::move(value));
}

Result<FormData> parse_urlencoded(std::string_view body, std::size_t max_fields) {
  FormData form;
  std::size_t count = 0;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto piece = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (piece.empty()) continue;
    // Counted before decoding so that a flood of fields costs no more than the scan.
    if (++count > max_fields) {
      return fail(ErrorKind::too_large, "request.too_many_fields",
                  "more than " + std::to_string(max_fields) + " fields");
    }
    const auto eq = piece.find('=');
    auto name = decode_component(piece.substr(0, eq));
    if (!name) return fail(std::move(name.error()));
    auto value = decode_component(eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1));
    if (!value) return fail(std::move(value.error()));
    form.add(std::move(*name), std::move(*value));
  }
  return form;
}

}  // namespace thidua::http
