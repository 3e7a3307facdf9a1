#pragma once
/// Writing a ZIP archive in memory with libzip (the container of a .docx).

#include <ctime>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace thidua::documents {

struct ZipEntry {
  std::string name;     ///< path inside the archive, '/'-separated
  std::string content;  ///< the bytes
};

/// The bytes of a ZIP archive holding `entries` in order, deflated, each stamped with
/// `modified` (a fixed time rather than now, so the same content gives the same archive).
/// Errors: internal when libzip fails.
Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::time_t modified);

}  // namespace thidua::documents
