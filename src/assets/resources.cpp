#include "assets/resources.hpp"

namespace thidua {

std::optional<std::string_view> find_resource(std::string_view path) {
  for (const auto& r : embedded_resources()) {
    if (r.path == path) return r.data;
  }
  return std::nullopt;
}

}  // namespace thidua
