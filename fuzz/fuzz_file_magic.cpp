// Fuzzes the binary parsers that tell what an uploaded file is: the ZIP central-directory
// reader behind DOCX/XLSX sniffing and the EXIF orientation reader behind thumbnails. Both
// read attacker-chosen bytes with attacker-chosen offsets and lengths.
// Input: the end of a file (ZIP) and, the same bytes, a JPEG APP1 payload; also with
// "Exif\0\0II*\0" put in front, so the EXIF reader gets past its signature.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "documents/file_magic.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto t = thidua::documents::ooxml_type_in_zip_tail(in)) {
    check(t->find("openxmlformats") != std::string::npos);
  }
  int o = thidua::documents::exif_orientation(in);
  check(o >= 1 && o <= 8);
  std::string le = std::string("Exif\0\0II*\0", 10) + std::string(in);
  o = thidua::documents::exif_orientation(le);
  check(o >= 1 && o <= 8);
  std::string be = std::string("Exif\0\0MM\0*", 10) + std::string(in);
  o = thidua::documents::exif_orientation(be);
  check(o >= 1 && o <= 8);
  return 0;
}
