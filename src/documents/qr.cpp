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

}  // namespace thidua::documents
