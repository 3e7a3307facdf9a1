#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <optional>
#include <string>

#include "assets/resources.hpp"

namespace thidua::http {
namespace {

Request get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}, std::string query = {}) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.query = std::move(query);
  r.target = r.path + (r.query.empty() ? "" : "?" + r.query);
  r.headers = std::move(headers);
  return r;
}

std::optional<std::string> header(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

/// Inflates a gzip (RFC 1952) member; nullopt when it is not valid gzip.
std::optional<std::string> gunzip(const std::string& in) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  bool all_consumed = zs.avail_in == 0;
  inflateEnd(&zs);
  if (rc != Z_STREAM_END || !all_consumed) return std::nullopt;
  return out;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFiles files_ = StaticFiles::from_resources("static/");
  std::string app_css_ = std::string(find_resource("static/app.css").value_or(""));
};

TEST_F(StaticFilesTest, ServesAppCssWithItsTypeAndAnETag) {
  ASSERT_FALSE(app_css_.empty());
  auto r = files_.serve(get("/static/app.css"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(r->body, app_css_);
  auto etag = header(*r, "ETag");
  ASSERT_TRUE(etag.has_value());
  ASSERT_GE(etag->size(), 3u);
  EXPECT_EQ(etag->front(), '"');  // a strong ETag is a quoted string
  EXPECT_EQ(etag->back(), '"');
  EXPECT_EQ(header(*r, "Content-Encoding"), std::nullopt);
  EXPECT_EQ(header(*r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(header(*r, "Cache-Control"), "public, max-age=300");
}

TEST_F(StaticFilesTest, EtagAccessorNamesTheSameVersion) {
  auto r = files_.serve(get("/static/app.css"));
  ASSERT_TRUE(r.has_value());
  auto v = files_.etag("/static/app.css");
  ASSERT_FALSE(v.empty());
  EXPECT_NE(header(*r, "ETag")->find(v), std::string::npos);
  EXPECT_EQ(files_.etag("/static/nope.css"), "");
}

TEST_F(StaticFilesTest, EtagsDifferBetweenFiles) {
  EXPECT_NE(files_.etag("/static/app.css"), files_.etag("/static/app.js"));
}

TEST_F(StaticFilesTest, VersionedUrlsAreCachedForAYear) {
  auto r = files_.serve(get("/static/app.css", {}, "v=" + files_.etag("/static/app.css")));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(header(*r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchGives304WithoutBody) {
  auto first = files_.serve(get("/static/app.css"));
  ASSERT_TRUE(first.has_value());
  auto etag = *header(*first, "ETag");
  auto r = files_.serve(get("/static/app.css", {{"if-none-match", etag}, {"accept-encoding", "gzip"}}));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 304u);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(header(*r, "ETag"), etag);
}

TEST_F(StaticFilesTest, StaleIfNoneMatchGivesTheFile) {
  auto r = files_.serve(get("/static/app.css", {{"if-none-match", "\"0000000000000000\""}}));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->body, app_css_);
}

TEST_F(StaticFilesTest, GzipWhenAcceptedAndItInflatesToTheOriginal) {
  auto r = files_.serve(get("/static/app.css", {{"accept-encoding", "gzip, deflate, br"}}));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(header(*r, "Content-Encoding"), "gzip");
  ASSERT_GE(r->body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(r->body[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(r->body[1]), 0x8b);
  EXPECT_LT(r->body.size(), app_css_.size());
  auto plain = gunzip(r->body);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(*plain, app_css_);
  // The ETag names the resource, whichever encoding goes out.
  EXPECT_EQ(header(*r, "ETag"), header(*files_.serve(get("/static/app.css")), "ETag"));
}

TEST_F(StaticFilesTest, NoGzipWithoutAcceptEncoding) {
  auto r = files_.serve(get("/static/app.css", {{"accept-encoding", "identity"}}));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(header(*r, "Content-Encoding"), std::nullopt);
  EXPECT_EQ(r->body, app_css_);
}

TEST_F(StaticFilesTest, ServesVendorAssets) {
  auto css = files_.serve(get("/static/vendor/bootstrap.min.css", {{"accept-encoding", "gzip"}}));
  ASSERT_TRUE(css.has_value());
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  auto plain = gunzip(css->body);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(*plain, find_resource("static/vendor/bootstrap.min.css").value_or("missing"));
  auto js = files_.serve(get("/static/vendor/htmx.min.js"));
  ASSERT_TRUE(js.has_value());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_FALSE(js->body.empty());
}

TEST_F(StaticFilesTest, UnknownPathsAreNotServed) {
  EXPECT_EQ(files_.serve(get("/static/nope.css")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/static/")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/static")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/app.css")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/static/APP.CSS")), std::nullopt);
  // Other embedded resources are not reachable from /static/.
  EXPECT_EQ(files_.serve(get("/static/../migrations/0001_accounts.sql")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/migrations/0001_accounts.sql")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/static/../templates/layouts/base.mustache")), std::nullopt);
  EXPECT_EQ(files_.serve(get("/templates/layouts/base.mustache")), std::nullopt);
}

TEST(GzipCompress, RoundTrips) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Thi đua – Khen thưởng " + std::to_string(i) + "\n";
  auto gz = gzip_compress(text);
  ASSERT_FALSE(gz.empty());
  EXPECT_LT(gz.size(), text.size());
  EXPECT_EQ(gunzip(gz), text);
  EXPECT_EQ(gunzip(gzip_compress("")), "");
}

TEST(ContentTypeFor, KnowsTheCommonTypes) {
  EXPECT_EQ(content_type_for("/static/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("a.png"), "image/png");
  EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("a.json"), "application/json");
  EXPECT_EQ(content_type_for("a.exe"), "application/octet-stream");
  EXPECT_EQ(content_type_for("css"), "application/octet-stream");
}

}  // namespace
}  // namespace thidua::http
