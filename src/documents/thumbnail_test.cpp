#include "documents/thumbnail.hpp"

#include <gtest/gtest.h>

#include <cairo.h>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <jpeglib.h>

namespace thidua::documents {
namespace {

namespace fs = std::filesystem;
using std::string_literals::operator""s;

/// An image w×h, left half red and right half blue, as RGB bytes.
std::vector<unsigned char> halves(int w, int h) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      auto* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
      p[0] = x < w / 2 ? 220 : 20;
      p[2] = x < w / 2 ? 20 : 220;
    }
  }
  return px;
}

std::string exif_app1(int orientation) {
  std::string tiff = "II*\0\x08\0\0\0\x01\0"s;
  tiff += "\x12\x01\x03\0\x01\0\0\0"s + std::string(1, static_cast<char>(orientation)) + "\0\0\0"s;
  tiff += "\0\0\0\0"s;
  return "Exif\0\0"s + tiff;
}

void write_jpeg(const fs::path& path, int w, int h, int orientation) {
  auto px = halves(w, h);
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  jpeg_stdio_dest(&c, f);
  c.image_width = static_cast<JDIMENSION>(w);
  c.image_height = static_cast<JDIMENSION>(h);
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_start_compress(&c, TRUE);
  if (orientation != 1) {
    auto app1 = exif_app1(orientation);
    jpeg_write_marker(&c, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(app1.data()),
                      static_cast<unsigned>(app1.size()));
  }
  while (c.next_scanline < c.image_height) {
    JSAMPROW row = &px[static_cast<std::size_t>(c.next_scanline) * w * 3];
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::fclose(f);
}

/// Decodes a JPEG held in memory into RGB rows.
std::vector<unsigned char> decode(const std::string& jpeg, int& w, int& h) {
  jpeg_decompress_struct d;
  jpeg_error_mgr err;
  d.err = jpeg_std_error(&err);
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size());
  jpeg_read_header(&d, TRUE);
  d.out_color_space = JCS_RGB;
  jpeg_start_decompress(&d);
  w = static_cast<int>(d.output_width);
  h = static_cast<int>(d.output_height);
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
  while (d.output_scanline < d.output_height) {
    JSAMPROW row = &px[static_cast<std::size_t>(d.output_scanline) * w * 3];
    jpeg_read_scanlines(&d, &row, 1);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);
  return px;
}

bool red_at(const std::vector<unsigned char>& px, int w, int x, int y) {
  const auto* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
  return p[0] > 150 && p[2] < 80;
}
bool blue_at(const std::vector<unsigned char>& px, int w, int x, int y) {
  const auto* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
  return p[2] > 150 && p[0] < 80;
}

class Thumbnails : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("thidua-thumb-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(Thumbnails, ReduceAPhotoToAtMost320PixelsAsJpeg) {
  write_jpeg(dir_ / "a.jpg", 2000, 1000, 1);
  auto t = make_thumbnail(dir_ / "a.jpg", "image/jpeg");
  ASSERT_TRUE(t) << t.error().detail;
  EXPECT_EQ(t->content_type, "image/jpeg");
  EXPECT_EQ(t->width, 320);
  EXPECT_EQ(t->height, 160);
  int w = 0, h = 0;
  auto px = decode(t->bytes, w, h);
  EXPECT_EQ(w, 320);
  EXPECT_EQ(h, 160);
  EXPECT_TRUE(red_at(px, w, 40, 80));
  EXPECT_TRUE(blue_at(px, w, 280, 80));
  EXPECT_LT(t->bytes.size(), 40000u);
}

TEST_F(Thumbnails, TurnAPhotoUprightByItsExifOrientation) {
  // 6: the camera was turned clockwise; the stored left edge is the picture's top.
  write_jpeg(dir_ / "six.jpg", 800, 400, 6);
  auto t = make_thumbnail(dir_ / "six.jpg", "image/jpeg");
  ASSERT_TRUE(t) << t.error().detail;
  EXPECT_EQ(t->width, 160);
  EXPECT_EQ(t->height, 320);
  int w = 0, h = 0;
  auto px = decode(t->bytes, w, h);
  EXPECT_TRUE(red_at(px, w, 80, 40));
  EXPECT_TRUE(blue_at(px, w, 80, 280));
  // 8: the other way.
  write_jpeg(dir_ / "eight.jpg", 800, 400, 8);
  t = make_thumbnail(dir_ / "eight.jpg", "image/jpeg");
  ASSERT_TRUE(t);
  px = decode(t->bytes, w, h);
  EXPECT_EQ(w, 160);
  EXPECT_TRUE(blue_at(px, w, 80, 40));
  EXPECT_TRUE(red_at(px, w, 80, 280));
  // 3: upside down, so red is on the right.
  write_jpeg(dir_ / "three.jpg", 800, 400, 3);
  t = make_thumbnail(dir_ / "three.jpg", "image/jpeg");
  ASSERT_TRUE(t);
  px = decode(t->bytes, w, h);
  EXPECT_EQ(w, 320);
  EXPECT_TRUE(blue_at(px, w, 40, 80));
  EXPECT_TRUE(red_at(px, w, 280, 80));
}

TEST_F(Thumbnails, KeepSmallImagesAtTheirSize) {
  write_jpeg(dir_ / "s.jpg", 100, 60, 1);
  auto t = make_thumbnail(dir_ / "s.jpg", "image/jpeg");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->width, 100);
  EXPECT_EQ(t->height, 60);
}

TEST_F(Thumbnails, ReducePngsToPng) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1000, 2000);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgba(cr, 0, 0.5, 0, 0.5);
  cairo_paint(cr);
  cairo_destroy(cr);
  ASSERT_EQ(cairo_surface_write_to_png(s, (dir_ / "p.png").c_str()), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  auto t = make_thumbnail(dir_ / "p.png", "image/png");
  ASSERT_TRUE(t) << t.error().detail;
  EXPECT_EQ(t->content_type, "image/png");
  EXPECT_EQ(t->width, 160);
  EXPECT_EQ(t->height, 320);
  EXPECT_EQ(t->bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST_F(Thumbnails, RefuseWhatTheyCannotOrShouldNotDecode) {
  std::ofstream(dir_ / "bad.jpg") << "\xFF\xD8\xFF\xE0 this is not really a JPEG";
  auto t = make_thumbnail(dir_ / "bad.jpg", "image/jpeg");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, "evidence.no_thumbnail");
  // A PNG that claims 100000 × 100000 pixels is not decoded at all.
  std::string ihdr = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x06\0\0\0"s;
  std::ofstream(dir_ / "bomb.png", std::ios::binary) << ihdr;
  t = make_thumbnail(dir_ / "bomb.png", "image/png");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, "evidence.no_thumbnail");
  EXPECT_FALSE(make_thumbnail(dir_ / "missing.jpg", "image/jpeg"));
  EXPECT_FALSE(make_thumbnail(dir_ / "bad.jpg", "application/pdf"));
}

}  // namespace
}  // namespace thidua::documents
