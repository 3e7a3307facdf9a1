#pragma once
/// What a file is, read from its bytes: the small binary parsers behind the file store's
/// sniffing and the thumbnails. Standard library only (fuzzed on their own: fuzz/).

#include <optional>
#include <string>
#include <string_view>

namespace thidua::documents {

/// The OOXML type a ZIP archive's central directory names — DOCX when it holds
/// word/document.xml, XLSX when it holds xl/workbook.xml — or nothing. `tail` is the end of
/// the file (the directory and the end-of-directory record; 1 MiB is plenty). Offsets in the
/// archive are not trusted: the directory is found from the end record, and every name is
/// bounds-checked.
std::optional<std::string> ooxml_type_in_zip_tail(std::string_view tail);

/// The EXIF orientation (1–8) in a JPEG APP1 segment's payload ("Exif\0\0" then TIFF), or 1
/// when there is none or the segment is malformed.
int exif_orientation(std::string_view app1);

}  // namespace thidua::documents
