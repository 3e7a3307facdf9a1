#include "services/file_store.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "documents/docx_writer.hpp"
#include "documents/test_samples.hpp"
#include "services/crypto.hpp"

namespace thidua::services {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Store : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto_init());
    root_ = fs::temp_directory_path() / ("thidua-store-" + random_token(6));
    fs::create_directories(root_ / "tmp");
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path temp(const std::string& name, const std::string& content) {
    auto p = root_ / "tmp" / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  fs::path root_;
};

TEST_F(Store, AdoptsAFinishedUploadUnderItsHash) {
  FileStore store(root_ / "files");
  std::string content = "%PDF-1.7 biên bản";
  auto sha = sha256_hex(content);
  auto t = temp("upload-a", content);
  auto r = store.adopt(t, sha);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(*r, sha);
  EXPECT_FALSE(fs::exists(t));
  EXPECT_TRUE(store.has(sha));
  EXPECT_EQ(read(store.path_of(sha)), content);
  EXPECT_EQ(store.path_of(sha).parent_path().filename(), sha.substr(0, 2));
}

TEST_F(Store, NeverOverwritesWhatItKeeps) {
  FileStore store(root_ / "files");
  std::string content = "the first bytes kept";
  auto sha = sha256_hex(content);
  ASSERT_TRUE(store.put(content));
  // The same hash again (the same content): the temporary file is dropped, the kept one stays.
  auto t = temp("upload-b", "something else that claims the same hash");
  auto r = store.adopt(t, sha);
  ASSERT_TRUE(r);
  EXPECT_FALSE(fs::exists(t));
  EXPECT_EQ(read(store.path_of(sha)), content);
}

TEST_F(Store, RefusesANameThatIsNotAHash) {
  FileStore store(root_ / "files");
  auto t = temp("upload-c", "x");
  for (const std::string& bad : std::vector<std::string>{"../../etc/passwd", "", std::string(64, 'G'), std::string(63, 'a')}) {
    auto r = store.adopt(t, bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::internal);
  }
  EXPECT_TRUE(fs::exists(t));
  EXPECT_FALSE(store.has("../../etc/passwd"));
}

TEST_F(Store, TellsAFileFromItsBytesNotItsName) {
  EXPECT_EQ(sniff_file(temp("x.jpg", "%PDF-1.4 a pdf named .jpg")), "application/pdf");
  EXPECT_EQ(sniff_file(temp("y.pdf", "MZ\x90\0 an exe named .pdf")), std::nullopt);
  EXPECT_EQ(sniff_file(temp("z.pdf", "<!doctype html><script>alert(1)</script>")), std::nullopt);
  EXPECT_EQ(sniff_file(temp("p.bin", std::string("\x89PNG\r\n\x1a\n", 8) + "...")), "image/png");
  EXPECT_EQ(sniff_file(root_ / "missing"), std::nullopt);
  auto docx = documents::write_docx(documents::testing::small_decision());
  ASSERT_TRUE(docx);
  EXPECT_EQ(sniff_file(temp("d.bin", *docx)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  // A ZIP that is not an office document.
  EXPECT_EQ(sniff_file(temp("e.docx", std::string("PK\x03\x04", 4) + std::string(100, 'z'))), std::nullopt);
}

}  // namespace
}  // namespace thidua::services
