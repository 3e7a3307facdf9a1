#pragma once
/// application/x-www-form-urlencoded bodies and query strings, decoded into an ordered list
/// of (name, value) pairs. Every name and value that comes out is valid UTF-8, so handlers
/// never see broken text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.hpp"

namespace thidua::http {

/// Decoded form fields in the order they were sent; a name may repeat (checkboxes,
/// multi-selects).
class FormData {
 public:
  using Item = std::pair<std::string, std::string>;

  /// The first value for `name`, or nullopt. The view lives as long as this FormData.
  std::optional<std::string_view> get(std::string_view name) const;
  /// The first value for `name`, or an empty string.
  std::string value(std::string_view name) const;
  /// Every value for `name`, in order.
  std::vector<std::string_view> all(std::string_view name) const;
  bool has(std::string_view name) const;
  const std::vector<Item>& items() const { return items_; }
  void add(std::string name, std::string value);

 private:
  std::vector<Item> items_;
};

/// Parses `a=1&b=H%C3%A0+V%C4%83n`: pieces are separated by '&' only, empty pieces are
/// skipped, a piece without '=' is a name with an empty value, '+' is a space and %XX is a
/// byte. Errors: a bad or truncated escape is validation "request.bad_encoding"; a decoded
/// name or value that is not valid UTF-8 is validation "request.bad_utf8"; more than
/// `max_fields` pieces is too_large "request.too_many_fields".
Result<FormData> parse_urlencoded(std::string_view body, std::size_t max_fields = 1000);

}  // namespace thidua::http
