#pragma once
/// QR codes (libqrencode) as a square of modules, to be drawn by a writer (the certificates'
/// PDF) or as SVG (the verification page).

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
/// The code as an SVG image `side` units wide, with a quiet zone of 4 modules; one path.
std::string qr_svg(const QrCode& qr, int side, const std::string& title);

}  // namespace thidua::documents
