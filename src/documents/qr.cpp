#include "documents/qr.hpp"

#include <qrencode.h>

#include <memory>

namespace thidua::documents {

Result<QrCode> qr_encode(std::string_view text) {
  const std::string s(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                  QRcode_free);
  if (!code) return fail(ErrorKind::internal, "internal", "qrencode failed for a text of " + std::to_string(s.size()));
  QrCode q;
  q.size = code->width;
  q.dark.resize(static_cast<std::size_t>(q.size) * q.size);
  for (int i = 0; i < q.size * q.size; ++i) q.dark[static_cast<std::size_t>(i)] = (code->data[i] & 1) != 0;
  return q;
}

std::string qr_svg(const QrCode& qr, int side, const std::string& title) {
  const int full = qr.size + 8;
  std::string path;
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (qr.at(x, y)) path += "M" + std::to_string(x + 4) + " " + std::to_string(y + 4) + "h1v1h-1z";
    }
  }
  std::string escaped;
  for (char c : title) {
    if (c == '<') escaped += "&lt;";
    else if (c == '>') escaped += "&gt;";
    else if (c == '&') escaped += "&amp;";
    else if (c == '"') escaped += "&quot;";
    else escaped += c;
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(side) + "\" height=\"" +
         std::to_string(side) + "\" viewBox=\"0 0 " + std::to_string(full) + " " + std::to_string(full) +
         "\" shape-rendering=\"crispEdges\"><title>" + escaped + "</title><rect width=\"" + std::to_string(full) +
         "\" height=\"" + std::to_string(full) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace thidua::documents
