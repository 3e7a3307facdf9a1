#include "documents/file_magic.hpp"

#include <gtest/gtest.h>

#include <string>

#include "documents/docx_writer.hpp"
#include "documents/test_samples.hpp"
#include "documents/xlsx_writer.hpp"

namespace thidua::documents {
namespace {

using std::string_literals::operator""s;

TEST(FileMagic, TellsDocxAndXlsxFromTheirDirectory) {
  auto docx = write_docx(testing::small_decision());
  ASSERT_TRUE(docx);
  EXPECT_EQ(ooxml_type_in_zip_tail(*docx),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  // Only the end of the file is needed.
  EXPECT_EQ(ooxml_type_in_zip_tail(std::string_view(*docx).substr(docx->size() - 1500)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  Table t{"Danh sách", "", {{"Họ và tên", 20, Column::text}}, {{"Nông Văn Dền"}}};
  auto xlsx = write_xlsx({t});
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(ooxml_type_in_zip_tail(*xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

TEST(FileMagic, RefusesWhatIsNotAnOfficeDocument) {
  EXPECT_EQ(ooxml_type_in_zip_tail(""), std::nullopt);
  EXPECT_EQ(ooxml_type_in_zip_tail("%PDF-1.7 not a zip at all, long enough to search"), std::nullopt);
  // An end record claiming a directory larger than what precedes it.
  std::string eocd = "PK\x05\x06"s + std::string(8, '\0') + "\xff\xff\xff\x7f"s + std::string(6, '\0');
  EXPECT_EQ(ooxml_type_in_zip_tail(eocd), std::nullopt);
  // A directory entry whose name runs past the end.
  std::string entry = "PK\x01\x02"s + std::string(24, '\0') + "\xff\x00"s + std::string(16, '\0') + "word/";
  std::string rec = "PK\x05\x06"s + std::string(8, '\0');
  auto size = static_cast<char>(entry.size());
  EXPECT_EQ(ooxml_type_in_zip_tail(entry + rec + std::string(1, size) + std::string(9, '\0')), std::nullopt);
}

std::string exif(bool le, int orientation) {
  auto u16 = [&](unsigned v) { return le ? std::string{char(v & 255), char(v >> 8)} : std::string{char(v >> 8), char(v & 255)}; };
  auto u32 = [&](unsigned v) { return le ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF); };
  std::string tiff = (le ? "II"s : "MM"s) + u16(42) + u32(8) + u16(2);
  tiff += u16(0x010F) + u16(2) + u32(4) + u32(0);                              // Make
  tiff += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);
  return "Exif\0\0"s + tiff + u32(0);
}

TEST(FileMagic, ReadsTheExifOrientationInEitherByteOrder) {
  EXPECT_EQ(exif_orientation(exif(true, 6)), 6);
  EXPECT_EQ(exif_orientation(exif(false, 8)), 8);
  EXPECT_EQ(exif_orientation(exif(true, 3)), 3);
  EXPECT_EQ(exif_orientation(exif(true, 9)), 1);     // out of range
  EXPECT_EQ(exif_orientation(exif(true, 6).substr(0, 30)), 1);  // cut short
  EXPECT_EQ(exif_orientation("Exif\0\0II*\0\xff\xff\xff\xff"s), 1);  // IFD beyond the end
  EXPECT_EQ(exif_orientation("JFIF"), 1);
  EXPECT_EQ(exif_orientation(""), 1);
}

}  // namespace
}  // namespace thidua::documents
