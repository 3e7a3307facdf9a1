#include "documents/thumbnail.hpp"

#include <cairo.h>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <numbers>
#include <vector>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include "documents/file_magic.hpp"

namespace thidua::documents {

namespace {

constexpr long long kMaxPngPixels = 40'000'000;
constexpr unsigned kMaxJpegSide = 30000;

tl::unexpected<Error> no_thumbnail(std::string detail) {
  return fail(ErrorKind::validation, "evidence.no_thumbnail", std::move(detail));
}

struct CairoSurface {
  cairo_surface_t* s = nullptr;
  ~CairoSurface() {
    if (s) cairo_surface_destroy(s);
  }
};

// ---- JPEG ---------------------------------------------------------------------------------

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void jpeg_fail(j_common_ptr c) {
  auto* e = reinterpret_cast<JpegError*>(c->err);
  (*c->err->format_message)(c, e->message);
  std::longjmp(e->jump, 1);
}

void jpeg_quiet(j_common_ptr, int) {}

/// A decoded, reduced JPEG: BGRX rows as cairo's RGB24 wants them on little-endian machines.
struct Decoded {
  unsigned width = 0, height = 0;
  int orientation = 1;
  unsigned char* pixels = nullptr;  // malloc'd; freed by the caller
};

/// Plain C-style on purpose: nothing here has a destructor that a longjmp would skip.
bool decode_jpeg(std::FILE* in, int max_px, Decoded* out, char* why) {
  jpeg_decompress_struct cinfo;
  JpegError err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  err.mgr.emit_message = jpeg_quiet;
  if (setjmp(err.jump)) {
    std::snprintf(why, JMSG_LENGTH_MAX, "%s", err.message);
    jpeg_destroy_decompress(&cinfo);
    std::free(out->pixels);
    out->pixels = nullptr;
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_stdio_src(&cinfo, in);
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
  for (auto* m = cinfo.marker_list; m; m = m->next) {
    if (m->marker == JPEG_APP0 + 1) {
      out->orientation = exif_orientation({reinterpret_cast<const char*>(m->data), m->data_length});
      if (out->orientation != 1) break;
    }
  }
  if (cinfo.image_width == 0 || cinfo.image_height == 0 || cinfo.image_width > kMaxJpegSide ||
      cinfo.image_height > kMaxJpegSide) {
    std::snprintf(why, JMSG_LENGTH_MAX, "JPEG of %ux%u", cinfo.image_width, cinfo.image_height);
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  // The smallest of libjpeg-turbo's scales (n/8) that still gives max_px on the long side;
  // cairo does the last step with a good filter.
  unsigned long_side = cinfo.image_width > cinfo.image_height ? cinfo.image_width : cinfo.image_height;
  unsigned num = (static_cast<unsigned>(max_px) * 8 + long_side - 1) / long_side;
  cinfo.scale_num = num < 1 ? 1 : (num > 8 ? 8 : num);
  cinfo.scale_denom = 8;
  cinfo.out_color_space = JCS_EXT_BGRX;
  cinfo.dct_method = JDCT_ISLOW;
  jpeg_start_decompress(&cinfo);
  out->width = cinfo.output_width;
  out->height = cinfo.output_height;
  std::size_t stride = static_cast<std::size_t>(out->width) * 4;
  out->pixels = static_cast<unsigned char*>(std::malloc(stride * out->height));
  if (!out->pixels) {
    std::snprintf(why, JMSG_LENGTH_MAX, "out of memory");
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out->pixels + stride * cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

/// Encodes cairo RGB24 pixels as a JPEG (quality 82).
bool encode_jpeg(cairo_surface_t* s, std::string& out, char* why) {
  jpeg_compress_struct cinfo;
  JpegError err;
  unsigned char* mem = nullptr;
  unsigned long mem_size = 0;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  if (setjmp(err.jump)) {
    std::snprintf(why, JMSG_LENGTH_MAX, "%s", err.message);
    jpeg_destroy_compress(&cinfo);
    std::free(mem);
    return false;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, &mem, &mem_size);
  cinfo.image_width = static_cast<JDIMENSION>(cairo_image_surface_get_width(s));
  cinfo.image_height = static_cast<JDIMENSION>(cairo_image_surface_get_height(s));
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_EXT_BGRX;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 82, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = data + static_cast<std::size_t>(stride) * cinfo.next_scanline;
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  out.assign(reinterpret_cast<const char*>(mem), mem_size);
  std::free(mem);
  return true;
}

// ---- PNG ----------------------------------------------------------------------------------

/// Width and height from a PNG's IHDR, read before cairo decodes the whole image.
bool png_size(std::FILE* in, long long& w, long long& h) {
  unsigned char b[24];
  if (std::fread(b, 1, sizeof b, in) != sizeof b) return false;
  std::rewind(in);
  if (std::memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0 || std::memcmp(b + 12, "IHDR", 4) != 0) return false;
  w = static_cast<long long>(b[16]) << 24 | b[17] << 16 | b[18] << 8 | b[19];
  h = static_cast<long long>(b[20]) << 24 | b[21] << 16 | b[22] << 8 | b[23];
  return true;
}

cairo_status_t read_file(void* closure, unsigned char* data, unsigned int length) {
  return std::fread(data, 1, length, static_cast<std::FILE*>(closure)) == length ? CAIRO_STATUS_SUCCESS
                                                                                  : CAIRO_STATUS_READ_ERROR;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// Draws `src` (w×h) into a new surface no larger than max_px, turned upright for an EXIF
/// orientation.
cairo_surface_t* scale(cairo_surface_t* src, int w, int h, int orientation, int max_px, cairo_format_t format) {
  const bool swap = orientation >= 5;  // 5–8 turn the picture a quarter
  const int ow = swap ? h : w, oh = swap ? w : h;
  double k = std::min(1.0, static_cast<double>(max_px) / std::max(ow, oh));
  int tw = std::max(1, static_cast<int>(ow * k + 0.5)), th = std::max(1, static_cast<int>(oh * k + 0.5));
  cairo_surface_t* dst = cairo_image_surface_create(format, tw, th);
  cairo_t* cr = cairo_create(dst);
  if (format == CAIRO_FORMAT_RGB24) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
  }
  cairo_scale(cr, static_cast<double>(tw) / ow, static_cast<double>(th) / oh);
  // Map the stored picture onto the upright one (EXIF 2.3, tag 0x0112).
  switch (orientation) {
    case 2: cairo_translate(cr, w, 0); cairo_scale(cr, -1, 1); break;
    case 3: cairo_translate(cr, w, h); cairo_rotate(cr, std::numbers::pi); break;
    case 4: cairo_translate(cr, 0, h); cairo_scale(cr, 1, -1); break;
    case 5: cairo_rotate(cr, std::numbers::pi / 2); cairo_scale(cr, 1, -1); break;
    case 6: cairo_translate(cr, h, 0); cairo_rotate(cr, std::numbers::pi / 2); break;
    case 7: cairo_translate(cr, h, w); cairo_rotate(cr, std::numbers::pi / 2); cairo_scale(cr, -1, 1); break;
    case 8: cairo_translate(cr, 0, w); cairo_rotate(cr, -std::numbers::pi / 2); break;
    default: break;
  }
  cairo_set_source_surface(cr, src, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(dst);
  return dst;
}

std::mutex one_at_a_time;

}  // namespace

Result<Thumbnail> make_thumbnail(const std::filesystem::path& file, std::string_view content_type, int max_px) {
  const bool jpeg = content_type == "image/jpeg";
  if (!jpeg && content_type != "image/png") return no_thumbnail("not an image: " + std::string(content_type));
  std::lock_guard lock(one_at_a_time);
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) return no_thumbnail("cannot open " + file.string());
  Thumbnail t;
  if (jpeg) {
    Decoded d;
    char why[JMSG_LENGTH_MAX] = "";
    bool ok = decode_jpeg(in, max_px, &d, why);
    std::fclose(in);
    if (!ok) return no_thumbnail(std::string("JPEG: ") + why);
    CairoSurface src{cairo_image_surface_create_for_data(d.pixels, CAIRO_FORMAT_RGB24, static_cast<int>(d.width),
                                                         static_cast<int>(d.height), static_cast<int>(d.width * 4))};
    CairoSurface dst{scale(src.s, static_cast<int>(d.width), static_cast<int>(d.height), d.orientation, max_px,
                           CAIRO_FORMAT_RGB24)};
    cairo_surface_destroy(src.s);
    src.s = nullptr;
    std::free(d.pixels);
    if (!encode_jpeg(dst.s, t.bytes, why)) return no_thumbnail(std::string("JPEG encode: ") + why);
    t.content_type = "image/jpeg";
    t.width = cairo_image_surface_get_width(dst.s);
    t.height = cairo_image_surface_get_height(dst.s);
    return t;
  }
  long long w = 0, h = 0;
  if (!png_size(in, w, h) || w <= 0 || h <= 0 || w * h > kMaxPngPixels) {
    std::fclose(in);
    return no_thumbnail("PNG too large or malformed");
  }
  CairoSurface src{cairo_image_surface_create_from_png_stream(read_file, in)};
  std::fclose(in);
  if (cairo_surface_status(src.s) != CAIRO_STATUS_SUCCESS) return no_thumbnail("PNG decode failed");
  CairoSurface dst{scale(src.s, cairo_image_surface_get_width(src.s), cairo_image_surface_get_height(src.s), 1,
                         max_px, CAIRO_FORMAT_ARGB32)};
  if (cairo_surface_write_to_png_stream(dst.s, append, &t.bytes) != CAIRO_STATUS_SUCCESS) {
    return no_thumbnail("PNG encode failed");
  }
  t.content_type = "image/png";
  t.width = cairo_image_surface_get_width(dst.s);
  t.height = cairo_image_surface_get_height(dst.s);
  return t;
}

}  // namespace thidua::documents
