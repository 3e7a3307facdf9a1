#pragma once
/// An optional id (a user, a movement, a nomination…) bound to a statement as NULL when absent.

#include <cstdint>
#include <optional>

#include <soci/soci.h>

namespace thidua::storage {

struct NullableId {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  explicit NullableId(std::optional<std::int64_t> v) {
    if (v) {
      id = *v;
      ind = soci::i_ok;
    }
  }
};

}  // namespace thidua::storage
