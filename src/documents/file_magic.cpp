#include "documents/file_magic.hpp"

#include <cctype>
#include <cstdint>

namespace thidua::documents {

namespace {

std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}

std::uint32_t le32(std::string_view s, std::size_t at) { return le16(s, at) | le16(s, at + 2) << 16; }

std::uint32_t u16(std::string_view s, std::size_t at, bool le) {
  auto a = static_cast<unsigned char>(s[at]), b = static_cast<unsigned char>(s[at + 1]);
  return le ? (a | b << 8) : (a << 8 | b);
}

std::uint32_t u32(std::string_view s, std::size_t at, bool le) {
  return le ? (u16(s, at, true) | u16(s, at + 2, true) << 16) : (u16(s, at, false) << 16 | u16(s, at + 2, false));
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> ooxml_type_in_zip_tail(std::string_view t) {
  constexpr std::size_t kEocd = 22;
  if (t.size() < kEocd) return std::nullopt;
  // The end-of-central-directory record: its fixed part, then a comment of up to 65535 bytes.
  const std::size_t lowest = t.size() > kEocd + 0xFFFF ? t.size() - kEocd - 0xFFFF : 0;
  std::size_t eocd = std::string_view::npos;
  for (std::size_t i = t.size() - kEocd + 1; i-- > lowest;) {
    if (t.compare(i, 4, "PK\x05\x06") == 0) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos) return std::nullopt;
  // The directory ends where the record starts.
  const std::size_t cd_size = le32(t, eocd + 12);
  if (cd_size > eocd) return std::nullopt;
  bool word = false, sheet = false;
  for (std::size_t p = eocd - cd_size; p + 46 <= eocd;) {
    if (t.compare(p, 4, "PK\x01\x02") != 0) break;
    const std::size_t n = le16(t, p + 28), extra = le16(t, p + 30), comment = le16(t, p + 32);
    if (p + 46 + n > eocd) break;
    auto name = t.substr(p + 46, n);
    word = word || iequals(name, "word/document.xml");
    sheet = sheet || iequals(name, "xl/workbook.xml");
    p += 46 + n + extra + comment;
  }
  if (word && !sheet) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (sheet && !word) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return std::nullopt;
}

int exif_orientation(std::string_view app1) {
  // "Exif\0\0", then TIFF: byte order, 42, offset of IFD0; IFD0: a count, then 12-byte entries.
  if (app1.size() < 14 || app1.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 1;
  const std::string_view tiff = app1.substr(6);
  bool le;
  if (tiff.substr(0, 2) == "II") le = true;
  else if (tiff.substr(0, 2) == "MM") le = false;
  else return 1;
  if (u16(tiff, 2, le) != 42) return 1;
  const std::size_t ifd = u32(tiff, 4, le);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return 1;
  const std::size_t count = u16(tiff, ifd, le);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t at = ifd + 2 + i * 12;
    if (at + 12 > tiff.size()) return 1;
    if (u16(tiff, at, le) != 0x0112) continue;
    if (u16(tiff, at + 2, le) != 3) return 1;  // the tag's type must be SHORT
    const auto v = static_cast<int>(u16(tiff, at + 8, le));
    return v >= 1 && v <= 8 ? v : 1;
  }
  return 1;
}

}  // namespace thidua::documents
