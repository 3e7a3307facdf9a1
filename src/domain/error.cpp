#include "domain/error.hpp"

namespace thidua {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::validation: return "validation";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::conflict: return "conflict";
    case ErrorKind::forbidden: return "forbidden";
    case ErrorKind::unauthorized: return "unauthorized";
    case ErrorKind::rate_limited: return "rate_limited";
    case ErrorKind::too_large: return "too_large";
    case ErrorKind::internal: return "internal";
  }
  return "internal";
}

}  // namespace thidua
