// Evidence files on a real SQLite and PostgreSQL: attached inside the caller's transaction,
// typed by content, limited in size, withdrawn but never deleted, read only by those who may
// read the record, thumbnails kept as stored files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <vector>
#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/evidence_service.hpp"
#include "services/file_store.hpp"
#include "services/user_service.hpp"
#include "storage/evidence_repo.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

namespace fs = std::filesystem;

// A 4×2 red PNG.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00\x00\x02\x08\x06\x00"
    "\x00\x00\x7f\xa8\x7d\x63\x00\x00\x00\x12\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\xf0\x1f\x19\x33\xa0\x0b\x00"
    "\x00\x0f\x21\x0f\xf1\x04\x37\xc6\x9f\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    75);
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

class EvidenceServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    auto hasher = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher, clock_.clock());
    tmp_ = test_db_->scratch_path("tmp");
    fs::create_directories(tmp_);
    files_ = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
    evidence_ = std::make_shared<services::EvidenceService>(db_, files_, services::EvidenceConfig{64 * 1024},
                                                            clock_.clock());
    // Records 1–99 of "achievement" are readable by anyone who may read the agency; 99 is not.
    evidence_->register_subject("achievement", [](storage::Tx&, const Principal&, std::int64_t id) { return id != 99; });
    auto root = services::operator_principal("test");
    agency_ = users_->ensure_agency(root, "BDT", "Ban Dân tộc tỉnh Cao Bằng")->id;
    other_ = users_->ensure_agency(root, "SKH", "Sở Khoa học và Công nghệ")->id;
    office_ = user("vanphong", "Nông Thị Hoa", "BDT", Role::office, agency_);
    stranger_ = user("skh", "Lý Văn Tám", "SKH", Role::office, other_);
  }

  Principal user(const std::string& login, const std::string& name, const std::string& agency_code, Role role,
                 std::int64_t agency) {
    services::NewUserInput in{login, name, "Mat-khau-thu-2024!", agency_code, {std::string(to_string(role))}, "vi"};
    auto u = users_->add_user(services::operator_principal("test"), in);
    EXPECT_TRUE(u) << (u ? "" : u.error().code);
    Principal p;
    p.user_id = u ? u->id : 0;
    p.login = login;
    p.display_name = name;
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, std::nullopt});
    return p;
  }

  /// A finished upload of `content`, as the HTTP layer leaves it in the temporary folder.
  services::EvidenceUpload upload(const std::string& name, const std::string& content) {
    auto path = fs::path(tmp_) / ("upload-" + services::random_token(8));
    std::ofstream(path, std::ios::binary) << content;
    return {name, path, content.size(), services::sha256_hex(content), content.substr(0, 8192), ""};
  }

  Result<EvidenceRow> attach(const Principal& who, std::int64_t record, const services::EvidenceUpload& f,
                             const std::vector<std::string>& types = services::default_evidence_types()) {
    return db_->write([&](storage::Tx& tx) {
      return evidence_->attach(tx, who, agency_, "achievement", record, f, types);
    });
  }

  std::vector<EvidenceRow> listed(std::int64_t record) {
    auto r = db_->read([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
      return evidence_->list(tx, "achievement", record);
    });
    return r.value_or(std::vector<EvidenceRow>{});
  }
  std::map<std::int64_t, long long> counted(const std::vector<std::int64_t>& records) {
    auto r = db_->read([&](storage::Tx& tx) -> Result<std::map<std::int64_t, long long>> {
      return evidence_->counts(tx, "achievement", records);
    });
    return r.value_or(std::map<std::int64_t, long long>{});
  }

  ManualClock clock_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::EvidenceService> evidence_;
  std::string tmp_;
  std::int64_t agency_ = 0, other_ = 0;
  Principal office_, stranger_;
};

TEST_F(EvidenceServiceTest, AttachesAFileToARecordInsideTheCallersTransaction) {
  auto audits = scalar("SELECT COUNT(*) FROM audit_log");
  auto f = upload("Biên bản buổi tuyên truyền.pdf", kPdf);
  f.caption = "Xã Quang Trung, 12/03/2025";
  auto row = attach(office_, 7, f);
  ASSERT_TRUE(row) << row.error().code;
  EXPECT_EQ(row->subject, "achievement");
  EXPECT_EQ(row->subject_id, 7);
  EXPECT_EQ(row->agency_id, agency_);
  EXPECT_EQ(row->file_name, "Biên bản buổi tuyên truyền.pdf");
  EXPECT_EQ(row->content_type, "application/pdf");
  EXPECT_EQ(row->size, static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(row->file_sha256, services::sha256_hex(kPdf));
  EXPECT_EQ(row->caption, "Xã Quang Trung, 12/03/2025");
  EXPECT_EQ(row->added_by_name, "Nông Thị Hoa");
  EXPECT_EQ(row->added_at, "2026-11-28T08:00:00Z");
  EXPECT_TRUE(row->active());
  // The temporary file became the stored file.
  EXPECT_FALSE(fs::exists(f.path));
  EXPECT_TRUE(files_->has(row->file_sha256));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audits + 1);
  EXPECT_EQ(text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "evidence.attach");
  auto list = listed(7);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, row->id);
  auto counts = counted({7, 8});
  EXPECT_EQ(counts[7], 1);
  EXPECT_EQ(counts.count(8), 0u);
  auto file = evidence_->file(office_, row->id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_EQ(file->file_name, "Biên bản buổi tuyên truyền.pdf");
  EXPECT_EQ(file->path, files_->path_of(row->file_sha256));
}

TEST_F(EvidenceServiceTest, TellsTheTypeFromTheBytesNotTheName) {
  auto row = attach(office_, 1, upload("anh-chup.jpg", kPdf));
  ASSERT_TRUE(row);
  EXPECT_EQ(row->content_type, "application/pdf");
  EXPECT_EQ(row->file_name, "anh-chup.jpg");
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"ke-hoach.pdf", std::string("MZ\x90\0\x03\0\0\0", 8) + "This program cannot be run in DOS mode"},
           {"bao-cao.pdf", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"},
           {"anh.png", "GIF89a not one of ours"}}) {
    auto f = upload(name, bytes);
    auto refused = attach(office_, 1, f);
    ASSERT_FALSE(refused) << name;
    EXPECT_EQ(refused.error().kind, ErrorKind::validation);
    EXPECT_EQ(refused.error().code, "evidence.bad_type");
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, "file");
    EXPECT_TRUE(fs::exists(f.path));  // left for the request to clean up
  }
  // A set of types narrower than the default: photos and scans only.
  auto docx = attach(office_, 1, upload("a.docx", std::string("PK\x03\x04", 4) + "word/"), services::image_and_pdf_types());
  ASSERT_FALSE(docx);
  EXPECT_EQ(docx.error().code, "evidence.bad_type");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 1);
}

TEST_F(EvidenceServiceTest, RefusesFilesTooLargeOrEmpty) {
  auto big = attach(office_, 1, upload("lon.pdf", "%PDF-1.4\n" + std::string(64 * 1024, 'x')));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, "evidence.too_large");
  EXPECT_EQ(big.error().fields[0].code, "evidence.field_too_large");
  auto empty = attach(office_, 1, upload("rong.pdf", ""));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, "evidence.empty");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 0);
}

TEST_F(EvidenceServiceTest, NothingIsRecordedWhenTheCallersTransactionFails) {
  auto r = db_->write([&](storage::Tx& tx) -> Result<EvidenceRow> {
    auto row = evidence_->attach(tx, office_, agency_, "achievement", 3, upload("a.pdf", kPdf));
    if (!row) return row;
    return fail(ErrorKind::validation, "achievement.invalid");  // the record itself is refused
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 0);
  // The bytes may stay in the store, unreferenced: the same content later is simply reused.
  auto again = attach(office_, 3, upload("a.pdf", kPdf));
  ASSERT_TRUE(again);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 1);
}

TEST_F(EvidenceServiceTest, TheSameContentTwiceIsOneStoredFile) {
  ASSERT_TRUE(attach(office_, 1, upload("a.pdf", kPdf)));
  ASSERT_TRUE(attach(office_, 2, upload("b.pdf", kPdf)));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 1);
}

TEST_F(EvidenceServiceTest, WithdrawingKeepsTheRowWithWhoWhenAndWhy) {
  auto row = attach(office_, 4, upload("a.pdf", kPdf));
  ASSERT_TRUE(row);
  clock_.advance(std::chrono::hours(2));
  auto w = db_->write([&](storage::Tx& tx) { return evidence_->withdraw(tx, office_, row->id, " Nhầm tệp "); });
  ASSERT_TRUE(w) << w.error().code;
  EXPECT_EQ(w->status, "withdrawn");
  EXPECT_EQ(w->withdrawn_by_name, "Nông Thị Hoa");
  EXPECT_EQ(w->withdrawn_at, "2026-11-28T10:00:00Z");
  EXPECT_EQ(w->withdrawn_reason, "Nhầm tệp");
  EXPECT_EQ(text("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "evidence.withdraw");
  auto again = db_->write([&](storage::Tx& tx) { return evidence_->withdraw(tx, office_, row->id, ""); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  auto list = listed(4);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(list[0].active());
  auto counts = counted({4});
  EXPECT_EQ(counts.count(4), 0u);
  // Still part of the record's history: its file can be opened.
  EXPECT_TRUE(evidence_->file(office_, row->id));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM evidence"), 1);
}

TEST_F(EvidenceServiceTest, AnotherAgencysUserFindsNothing) {
  auto row = attach(office_, 5, upload("a.pdf", kPdf));
  ASSERT_TRUE(row);
  auto missing = evidence_->file(office_, row->id + 1000);
  ASSERT_FALSE(missing);
  auto theirs = evidence_->file(stranger_, row->id);
  ASSERT_FALSE(theirs);
  EXPECT_EQ(theirs.error().kind, missing.error().kind);
  EXPECT_EQ(theirs.error().code, missing.error().code);
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(evidence_->thumbnail(stranger_, row->id));
  auto w = db_->write([&](storage::Tx& tx) { return evidence_->withdraw(tx, stranger_, row->id, "x"); });
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().kind, ErrorKind::not_found);
  // Nor can one attach to another agency's record.
  auto f = upload("b.pdf", kPdf);
  auto into = db_->write([&](storage::Tx& tx) {
    return evidence_->attach(tx, stranger_, agency_, "achievement", 5, f);
  });
  ASSERT_FALSE(into);
  EXPECT_EQ(into.error().kind, ErrorKind::not_found);
}

TEST_F(EvidenceServiceTest, ASubjectsOwnCheckDecidesWhoReads) {
  auto hidden = attach(office_, 99, upload("a.pdf", kPdf));
  ASSERT_TRUE(hidden);
  auto r = evidence_->file(office_, hidden->id);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::not_found);
  // A subject nobody registered is never served.
  auto orphan = db_->write([&](storage::Tx& tx) {
    return evidence_->attach(tx, office_, agency_, "unknown_subject", 1, upload("b.pdf", kPdf));
  });
  ASSERT_TRUE(orphan);
  EXPECT_FALSE(evidence_->file(office_, orphan->id));
}

TEST_F(EvidenceServiceTest, ImagesGetAThumbnailKeptAsAStoredFile) {
  auto row = attach(office_, 6, upload("anh.png", kPng));
  ASSERT_TRUE(row) << row.error().code;
  EXPECT_EQ(row->content_type, "image/png");
  auto t = evidence_->thumbnail(office_, row->id);
  ASSERT_TRUE(t) << t.error().code << " " << t.error().detail;
  EXPECT_EQ(t->content_type, "image/png");
  EXPECT_TRUE(fs::exists(t->path));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM file_thumbnail"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 2);
  EXPECT_EQ(scalar("SELECT width FROM file_thumbnail"), 4);
  // Made once: the second request finds it.
  auto again = evidence_->thumbnail(office_, row->id);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->path, t->path);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM stored_file"), 2);
  // A PDF has none (pages show an icon).
  auto pdf = attach(office_, 6, upload("a.pdf", kPdf));
  ASSERT_TRUE(pdf);
  auto none = evidence_->thumbnail(office_, pdf->id);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace thidua::it
