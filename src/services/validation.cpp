#include "services/validation.hpp"

#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

Error invalid() { return Error{ErrorKind::validation, "validation.invalid", {}, {}, ""}; }

void optional_text(Error& e, const std::string& field, const std::string& value, std::size_t max, std::string& out) {
  if (!text::is_valid_utf8(value)) {
    e.field(field, "validation.bad_utf8");
    return;
  }
  out = text::clean_input(value);
  if (out.size() > max) e.field(field, "validation.too_long");
}

void required_text(Error& e, const std::string& field, const std::string& value, std::size_t max, std::string& out) {
  if (!text::is_valid_utf8(value)) {
    e.field(field, "validation.bad_utf8");
    return;
  }
  optional_text(e, field, value, max, out);
  if (out.empty()) e.field(field, "validation.required");
}

std::string date_field(Error& e, const std::string& field, const std::string& value, bool required) {
  auto t = text::trim(value);
  if (t.empty()) {
    if (required) e.field(field, "validation.required");
    return {};
  }
  auto d = text::parse_date_vn(t);
  if (!d) {
    e.field(field, "date.invalid");
    return {};
  }
  return d->iso();
}

std::string today_iso(TimePoint now) { return to_iso(now).substr(0, 10); }

}  // namespace thidua::services
