#pragma once
/// Small copies of images for lists of evidence: JPEG decoded at a reduced scale by
/// libjpeg-turbo (a 12-megapixel photo is never decoded whole), PNG through libpng by cairo,
/// scaled with cairo; a JPEG's EXIF orientation is applied. One thumbnail is made at a time
/// in the process, which bounds the memory a burst of first views can take.

#include <filesystem>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace thidua::documents {

struct Thumbnail {
  std::string bytes;
  std::string content_type;  ///< image/jpeg for JPEG sources, image/png for PNG (keeps transparency)
  int width = 0;
  int height = 0;
};

/// Errors: validation "evidence.no_thumbnail" for a type we do not thumbnail, a corrupt
/// image, or one too large to decode (PNG over 40 megapixels, JPEG over 30000 px a side).
Result<Thumbnail> make_thumbnail(const std::filesystem::path& file, std::string_view content_type, int max_px = 320);

}  // namespace thidua::documents
