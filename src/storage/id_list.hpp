#pragma once
/// Ids of our own rows written into an SQL `IN (…)` list.

#include <cstdint>
#include <string>
#include <vector>

namespace thidua::storage {

/// "3,5,8" ("0" for none, which matches no row). Only for ids read from the database: they
/// are integers, so inlining them is safe.
inline std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out.empty() ? "0" : out;
}

}  // namespace thidua::storage
