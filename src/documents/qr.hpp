#pragma once
/// QR codes (libqrencode) as a square of modules, to be drawn by a writer (the certificates'
/// PDF).

#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace thidua::documents {

struct QrCode {
  int size = 0;                ///< modules per side, without the quiet zone
  std::vector<bool> dark;      ///< row by row, size × size

  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

/// `text` (a URL) as a QR code at error-correction level M. Errors: internal when it does not fit.
Result<QrCode> qr_encode(std::string_view text);

}  // namespace thidua::documents
