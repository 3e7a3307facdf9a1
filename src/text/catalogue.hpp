#pragma once
/// The vi/en message catalogue. Vietnamese is the first language; English the second.
/// Messages may contain `{name}` placeholders filled from parameters.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.hpp"

namespace thidua::text {

enum class Lang { vi, en };

std::string_view to_string(Lang lang);
Lang parse_lang(std::string_view code);  ///< anything but "en" is Vietnamese

class Catalogue {
 public:
  /// Parses the two TOML catalogues (flat `key = "text"` tables, nested tables become
  /// dotted keys). Fails when a key exists in one language but not the other.
  static Result<Catalogue> create(std::string_view vi_toml, std::string_view en_toml);

  /// The message for `key`, or the key itself when unknown (visible, never a crash).
  std::string get(Lang lang, std::string_view key) const;
  std::string format(Lang lang, std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& params) const;
  const std::map<std::string, std::string, std::less<>>& all(Lang lang) const;

 private:
  std::map<std::string, std::string, std::less<>> vi_;
  std::map<std::string, std::string, std::less<>> en_;
};

}  // namespace thidua::text
