#include "http/upload.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "http/message.hpp"
#include "services/crypto.hpp"

namespace thidua::http {
namespace {

namespace fs = std::filesystem;

constexpr const char* kType = "multipart/form-data; boundary=XyZ";

std::string part(const std::string& disposition, const std::string& data, const std::string& type = "") {
  std::string s = "--XyZ\r\nContent-Disposition: form-data; " + disposition + "\r\n";
  if (!type.empty()) s += "Content-Type: " + type + "\r\n";
  return s + "\r\n" + data + "\r\n";
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Upload : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    dir_ = fs::temp_directory_path() / ("thidua-upload-test-" + services::random_token(6));
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t files_left() const {
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir_, ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
  }
  fs::path dir_;
};

TEST_F(Upload, KeepsFieldsInMemoryAndFilesOnDiskWithTheirHash) {
  std::string pdf = "%PDF-1.7\n" + std::string(100000, 'x');
  std::string body = part("name=\"_csrf\"", "tok") + part("name=\"title\"", "Báo cáo") +
                     part("name=\"tag\"", "a") + part("name=\"tag\"", "b") +
                     part("name=\"evidence\"; filename=\"C:\\\\Users\\\\An\\\\bi\xC3\xAAn b\xE1\xBA\xA3n.pdf\"", pdf,
                          "application/pdf") +
                     "--XyZ--\r\n";
  UploadReceiver r(kType, dir_);
  // Fed in awkward pieces, as the network delivers it.
  for (std::size_t i = 0; i < body.size(); i += 7) r.feed(std::string_view(body).substr(i, 7));
  auto form = r.finish();
  ASSERT_TRUE(form) << form.error().code;
  EXPECT_EQ(form->field("_csrf"), "tok");
  EXPECT_EQ(form->field("title"), "Báo cáo");
  EXPECT_EQ(form->all("tag"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(form->field("missing"), "");
  ASSERT_EQ(form->files.size(), 1u);
  const auto& f = form->files[0];
  EXPECT_EQ(f.field, "evidence");
  EXPECT_EQ(f.filename, "bi\xC3\xAAn b\xE1\xBA\xA3n.pdf");  // no directory part
  EXPECT_EQ(f.declared_type, "application/pdf");
  EXPECT_EQ(f.size, pdf.size());
  EXPECT_EQ(f.sha256, services::sha256_hex(pdf));
  EXPECT_EQ(f.head, pdf.substr(0, 8192));
  EXPECT_EQ(f.path.parent_path(), dir_);
  EXPECT_EQ(read(f.path), pdf);
  EXPECT_EQ(form->file("evidence"), &form->files[0]);
  EXPECT_EQ(form->file("other"), nullptr);
}

TEST_F(Upload, TemporaryFilesGoWithTheLastCopyOfTheForm) {
  std::string body = part("name=\"a\"; filename=\"a.jpg\"", "\xFF\xD8\xFF jpeg") +
                     part("name=\"b\"; filename=\"b.png\"", "\x89PNG\r\n\x1A\n png") + "--XyZ--\r\n";
  fs::path a, b;
  {
    auto form = receive_upload(kType, body, dir_);
    ASSERT_TRUE(form);
    ASSERT_EQ(form->files.size(), 2u);
    a = form->files[0].path;
    b = form->files[1].path;
    EXPECT_TRUE(fs::exists(a));
    {
      UploadForm copy = *form;  // a handler may copy it; the files stay while any copy lives
      EXPECT_TRUE(fs::exists(b));
    }
    EXPECT_TRUE(fs::exists(b));
    // A file moved away (adopted by the store) is simply not there to remove.
    fs::rename(b, dir_ / "kept");
  }
  EXPECT_FALSE(fs::exists(a));
  EXPECT_TRUE(fs::exists(dir_ / "kept"));
  EXPECT_EQ(files_left(), 1u);
}

TEST_F(Upload, ABlankFileInputIsNotAFileButAnEmptyFileIs) {
  std::string body = part("name=\"f\"; filename=\"\"", "", "application/octet-stream") +
                     part("name=\"g\"; filename=\"rong.pdf\"", "") + "--XyZ--\r\n";
  auto form = receive_upload(kType, body, dir_);
  ASSERT_TRUE(form);
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, "rong.pdf");
  EXPECT_EQ(form->files[0].size, 0u);
  EXPECT_EQ(files_left(), 1u);  // the blank input's file was removed at once
}

TEST_F(Upload, MalformedBodiesFailAndLeaveNoFiles) {
  struct Case {
    std::string type, body, code;
  };
  std::string file = part("name=\"f\"; filename=\"x.pdf\"", std::string(70000, 'p'));
  const Case cases[] = {
      {kType, file, "request.bad_multipart"},                              // no closing delimiter
      {kType, file + "--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--", "request.bad_multipart"},
      {"multipart/form-data", file + "--XyZ--", "request.bad_multipart"},  // no boundary
      {"application/x-www-form-urlencoded", "a=b", "request.bad_content_type"},
      {kType, part("name=\"t\"", std::string(70 * 1024, 't')) + "--XyZ--\r\n", "request.field_too_large"},
      {kType, part("name=\"t\"", "\xC3(") + "--XyZ--\r\n", "request.bad_utf8"},
  };
  for (const auto& c : cases) {
    {
      UploadReceiver r(c.type, dir_);
      r.feed(c.body);
      r.feed("more bytes after the failure are dropped");
      auto form = r.finish();
      ASSERT_FALSE(form) << c.code;
      EXPECT_EQ(form.error().code, c.code);
    }
    EXPECT_EQ(files_left(), 0u) << c.code;
  }
}

TEST_F(Upload, StatusOfErrors) {
  auto big = receive_upload(kType, part("name=\"t\"", std::string(70 * 1024, 't')) + "--XyZ--\r\n", dir_);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().kind, ErrorKind::too_large);
  auto bad = receive_upload(kType, "garbage", dir_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::validation);
}

TEST_F(Upload, ADirectoryThatCannotBeWrittenIsAnInternalError) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";
  auto form = receive_upload(kType, part("name=\"f\"; filename=\"x.pdf\"", "%PDF") + "--XyZ--\r\n", dir_ / "file");
  ASSERT_FALSE(form);
  EXPECT_EQ(form.error().kind, ErrorKind::internal);
}

TEST(BaseFileName, DropsDirectories) {
  EXPECT_EQ(base_file_name("a.pdf"), "a.pdf");
  EXPECT_EQ(base_file_name("C:\\x\\y\\b.pdf"), "b.pdf");
  EXPECT_EQ(base_file_name("/etc/passwd"), "passwd");
  EXPECT_EQ(base_file_name("../../x"), "x");
  EXPECT_EQ(base_file_name("dir/"), "");
}

TEST(ContentDisposition, KeepsVietnameseNamesAndCannotBeBroken) {
  EXPECT_EQ(content_disposition(true, "report.pdf"),
            "inline; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  EXPECT_EQ(content_disposition(false, "Báo cáo.pdf"),
            "attachment; filename=\"B_o c_o.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf");
  auto evil = content_disposition(true, "a\"; filename=x.html\r\nSet-Cookie: y.pdf");
  EXPECT_EQ(evil.find('\r'), std::string::npos);
  EXPECT_EQ(evil.find('\n'), std::string::npos);
  EXPECT_EQ(std::count(evil.begin(), evil.end(), '"'), 2);  // one quoted fallback, nothing after it
  EXPECT_EQ(std::count(evil.begin(), evil.end(), ';'), 2);
  EXPECT_EQ(content_disposition(true, ""), "inline; filename=\"file\"; filename*=UTF-8''");
}

}  // namespace
}  // namespace thidua::http
