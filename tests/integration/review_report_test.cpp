// Review reports and the record of reports sent (issue 7) on a real SQLite and PostgreSQL:
// drafts versioned with 409 on a stale save and every version kept, bad periods refused, an
// honest empty report, sendings kept with their exact file and never changed, and who sees
// what — the agency's readers, the authority it was sent to, nobody else.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "documents/document.hpp"
#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/file_store.hpp"
#include "services/follow_up.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/report_sending_service.hpp"
#include "services/review_report_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class ReviewReportTest : public DbTest {
 protected:
  // 01/06/2026, 07:00 in Cao Bằng.
  ReviewReportTest() : clock_(std::chrono::system_clock::from_time_t(1780272000)) {}

  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    files_ = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
    movements_ = std::make_shared<services::MovementService>(db_, files_, clock_.clock());
    reports_ = std::make_shared<services::ReviewReportService>(
        db_, std::make_shared<services::FollowUpService>(db_, clock_.clock()), clock_.clock());
    sendings_ = std::make_shared<services::ReportSendingService>(db_, files_, clock_.clock());
    root_ = services::operator_principal("test");
    snv_ = agency("SNV", "Sở Nội vụ tỉnh Cao Bằng", "authority", "");
    agency_ = agency("BDT", "Ban Dân tộc tỉnh Cao Bằng", "agency", "SNV");
    sibling_ = agency("SKH", "Sở Khoa học và Công nghệ", "agency", "SNV");
    far_ = agency("BTD", "Ban Thi đua tỉnh khác", "authority", "");
    office_ = principal(Role::office, agency_);
    leader_ = principal(Role::leader, agency_);
    staff_ = principal(Role::staff, agency_);
    authority_ = principal(Role::authority, snv_);
    sibling_office_ = principal(Role::office, sibling_);
    far_authority_ = principal(Role::authority, far_);

    services::MovementInput in;
    in.title = "Cả nước chung sức xây dựng nông thôn mới";
    in.period_from = "2021";
    in.period_to = "2025";
    in.summary = "Thực hiện Phong trào thi đua giai đoạn 2021 - 2025";
    in.place = "Cao Bằng";
    in.doc_number = "12";
    in.doc_symbol = "KH-BDT";
    in.doc_date = "30/09/2022";
    in.header_parent = "UBND TỈNH CAO BẰNG";
    in.header_name = "BAN DÂN TỘC";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    auto m = movements_->create(root_, agency_, in);
    ASSERT_TRUE(m.has_value()) << (m ? "" : m.error().code);
    movement_ = m->id;
    auto v = m->version;
    v = *movements_->add_item(root_, movement_, v, {"content", "", "Tuyên truyền, vận động.", "", "", "", "", {}});
    v = *movements_->add_item(root_, movement_, v,
                              {"milestone", "Năm 2023", "Sơ kết.", "", "31/12/2023", "", "midterm", {}});
    v = *movements_->add_item(root_, movement_, v, {"recipient", "", "UBND tỉnh", "", "", "", "", {}});
    v = *movements_->add_item(root_, movement_, v,
                              {"recipient", "", "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ", "", "", "", "", {}});
    v = *movements_->add_item(root_, movement_, v, {"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}});
    auto launched = movements_->launch(root_, movement_, v);
    ASSERT_TRUE(launched.has_value()) << (launched ? "" : launched.error().code);
  }

  std::int64_t agency(const char* code, const char* name, const char* kind, const char* parent) {
    services::AgencyInput in;
    in.code = code;
    in.name = name;
    in.kind = kind;
    in.parent_code = parent;
    auto a = org_->create_agency(root_, in);
    EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().code);
    return a ? a->agency.id : 0;
  }

  static Principal principal(Role role, std::int64_t agency) {
    Principal p;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, std::nullopt});
    return p;
  }

  static bool has_field(const Error& e, const std::string& field, const std::string& code) {
    for (const auto& f : e.fields) {
      if (f.field == field && f.code == code) return true;
    }
    return false;
  }

  services::SendingDraft draft(const std::string& bytes) {
    services::SendingDraft d;
    d.agency_id = agency_;
    d.kind = ReportKind::review_final;
    d.movement_id = movement_;
    d.year = 2025;
    d.title = "Báo cáo tổng kết phong trào thi đua";
    d.recipient = "Sở Nội vụ tỉnh Cao Bằng";
    d.recipient_agency_id = snv_;
    d.channel = SendChannel::system;
    d.sent_on = "20/05/2026";
    d.file_name = "bao-cao.pdf";
    d.file_bytes = bytes;
    return d;
  }

  ManualClock clock_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::MovementService> movements_;
  std::shared_ptr<services::ReviewReportService> reports_;
  std::shared_ptr<services::ReportSendingService> sendings_;
  Principal root_, office_, leader_, staff_, authority_, sibling_office_, far_authority_;
  std::int64_t snv_ = 0, agency_ = 0, sibling_ = 0, far_ = 0, movement_ = 0;
};

TEST_F(ReviewReportTest, DraftIsVersionedWithEverySaveKeptAndStaleSavesRefused) {
  auto r = reports_->create(office_, movement_, "final", "");
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_EQ(r->year, 2025);
  EXPECT_EQ(r->period_from, "2021-01-01");
  EXPECT_EQ(r->period_to, "2025-12-31");
  EXPECT_EQ(r->version, 1);
  EXPECT_NE(r->text.title.find("Tổng kết phong trào thi đua"), std::string::npos);
  EXPECT_EQ(r->text.doc_symbol, "BC-BDT");

  auto again = reports_->create(office_, movement_, "final", "2025");
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);

  ReviewText t = r->text;
  t.shortcomings = "Một số đơn vị báo cáo chậm.";
  auto saved = reports_->save(office_, r->id, 1, t);
  ASSERT_TRUE(saved.has_value()) << saved.error().code;
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->text.shortcomings, "Một số đơn vị báo cáo chậm.");

  t.lessons = "Bài học.";
  auto stale = reports_->save(office_, r->id, 1, t);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().code, "edit.stale");

  auto history = reports_->history(leader_, r->id);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 2);
  EXPECT_NE((*history)[0].content.find("Một số đơn vị báo cáo chậm."), std::string::npos);
  EXPECT_EQ((*history)[1].content.find("Một số đơn vị báo cáo chậm."), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'review_report'"), 2);

  // The leader reads but does not write; staff and another agency do not see it.
  auto by_leader = reports_->save(leader_, r->id, 2, t);
  ASSERT_FALSE(by_leader.has_value());
  EXPECT_EQ(by_leader.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(reports_->get(staff_, r->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(reports_->get(sibling_office_, r->id).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(reports_->get(authority_, r->id).has_value());
}

TEST_F(ReviewReportTest, PeriodsAndBadInput) {
  auto mid = reports_->create(office_, movement_, "midterm", "");
  ASSERT_TRUE(mid.has_value()) << mid.error().code;
  EXPECT_EQ(mid->year, 2023);
  EXPECT_EQ(mid->period_to, "2023-12-31");
  auto annual = reports_->create(office_, movement_, "annual", "2024");
  ASSERT_TRUE(annual.has_value());
  EXPECT_EQ(annual->period_from, "2024-01-01");
  EXPECT_EQ(annual->period_to, "2024-12-31");

  auto kind = reports_->create(office_, movement_, "weekly", "2024");
  ASSERT_FALSE(kind.has_value());
  EXPECT_TRUE(has_field(kind.error(), "kind", "review_report.kind_invalid"));
  auto outside = reports_->create(office_, movement_, "annual", "2030");
  ASSERT_FALSE(outside.has_value());
  EXPECT_TRUE(has_field(outside.error(), "year", "review_report.year_outside"));
  auto final_year = reports_->create(office_, movement_, "final", "2024");
  ASSERT_FALSE(final_year.has_value());
  EXPECT_TRUE(has_field(final_year.error(), "year", "review_report.final_year"));
  auto no_year = reports_->create(office_, movement_, "annual", "");
  ASSERT_FALSE(no_year.has_value());
  EXPECT_EQ(no_year.error().kind, ErrorKind::validation);
  EXPECT_EQ(reports_->create(staff_, movement_, "annual", "2022").error().kind, ErrorKind::not_found);
  EXPECT_EQ(reports_->create(leader_, movement_, "annual", "2022").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(reports_->create(sibling_office_, movement_, "annual", "2022").error().kind, ErrorKind::not_found);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM review_report"), 2);
}

TEST_F(ReviewReportTest, EmptyPeriodGivesAnHonestReport) {
  auto r = reports_->create(office_, movement_, "annual", "2021");
  ASSERT_TRUE(r.has_value());
  auto content = reports_->content(office_, r->id);
  ASSERT_TRUE(content.has_value()) << content.error().code << " " << content.error().detail;
  EXPECT_TRUE(content->figures.empty());
  const std::string text = documents::plain_text(services::review_document(*content));
  EXPECT_NE(text.find("chưa có kết quả thực hiện"), std::string::npos) << text;
  EXPECT_NE(text.find("- Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ;"), std::string::npos);
  for (const char* format : {"pdf", "docx", "xlsx"}) {
    auto file = services::ReviewReportService::render(*content, format);
    ASSERT_TRUE(file.has_value()) << format;
    EXPECT_FALSE(file->bytes.empty());
  }
  EXPECT_FALSE(services::ReviewReportService::render(*content, "odt").has_value());
  // The recipients offered: the parent authority on this installation first, the plan's after.
  auto recipients = reports_->recipients(office_, r->id);
  ASSERT_TRUE(recipients.has_value());
  ASSERT_GE(recipients->size(), 3u);
  EXPECT_EQ((*recipients)[0].agency_id, std::optional<std::int64_t>(snv_));
  EXPECT_EQ((*recipients)[1].name, "UBND tỉnh");
}

TEST_F(ReviewReportTest, SendingKeepsTheExactFileAndNeverChanges) {
  auto r = reports_->create(office_, movement_, "final", "");
  ASSERT_TRUE(r.has_value());
  auto content = reports_->content(office_, r->id);
  ASSERT_TRUE(content.has_value());
  auto pdf = services::ReviewReportService::render(*content, "pdf");
  ASSERT_TRUE(pdf.has_value());
  auto sent = sendings_->record(office_, draft(pdf->bytes));
  ASSERT_TRUE(sent.has_value()) << sent.error().code;
  EXPECT_EQ(sent->sent_on, "2026-05-20");
  EXPECT_EQ(sent->content_type, "application/pdf");
  EXPECT_EQ(sent->file_sha256, services::sha256_hex(pdf->bytes));
  EXPECT_EQ(sent->file_size, static_cast<long long>(pdf->bytes.size()));
  auto bytes = sendings_->file(leader_, sent->id);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(*bytes, pdf->bytes);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'report_sending'"), 1);

  // Refused: a date in the future, a recipient agency that is not the parent, a file that is
  // no document, a staff member; nothing is written.
  auto future = draft(pdf->bytes);
  future.sent_on = "02/06/2026";
  auto f = sendings_->record(office_, future);
  ASSERT_FALSE(f.has_value());
  EXPECT_TRUE(has_field(f.error(), "sent_on", "report_sending.sent_future"));
  auto wrong = draft(pdf->bytes);
  wrong.recipient_agency_id = far_;
  auto w = sendings_->record(office_, wrong);
  ASSERT_FALSE(w.has_value());
  EXPECT_TRUE(has_field(w.error(), "recipient_agency_id", "report_sending.recipient_not_parent"));
  auto text_file = sendings_->record(office_, draft("chỉ là chữ"));
  ASSERT_FALSE(text_file.has_value());
  EXPECT_TRUE(has_field(text_file.error(), "file", "report_sending.file_type"));
  EXPECT_EQ(sendings_->record(staff_, draft(pdf->bytes)).error().kind, ErrorKind::not_found);
  EXPECT_EQ(sendings_->record(leader_, draft(pdf->bytes)).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM report_sending"), 1);

  // A correction is a new sending; the first stays as it was.
  auto docx = services::ReviewReportService::render(*content, "docx");
  ASSERT_TRUE(docx.has_value());
  auto second = draft(docx->bytes);
  second.file_name = "bao-cao.docx";
  ASSERT_TRUE(sendings_->record(office_, second).has_value());
  auto list = sendings_->list(leader_, agency_, {});
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->back().file_sha256, sent->file_sha256);

  // A stored file changed behind our back is refused, not served.
  {
    std::ofstream tamper(files_->path_of(sent->file_sha256), std::ios::binary | std::ios::trunc);
    std::filesystem::permissions(files_->path_of(sent->file_sha256), std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    tamper << "%PDF-1.5 changed";
  }
  EXPECT_FALSE(sendings_->file(leader_, sent->id).has_value());
}

TEST_F(ReviewReportTest, ReceivedIsWhatTheAuthorityWasSentOnly) {
  auto r = reports_->create(office_, movement_, "final", "");
  ASSERT_TRUE(r.has_value());
  auto content = reports_->content(office_, r->id);
  ASSERT_TRUE(content.has_value());
  auto pdf = services::ReviewReportService::render(*content, "pdf");
  ASSERT_TRUE(pdf.has_value());
  auto to_authority = sendings_->record(office_, draft(pdf->bytes));
  ASSERT_TRUE(to_authority.has_value());
  auto by_post = draft(pdf->bytes);
  by_post.recipient = "UBND tỉnh";
  by_post.recipient_agency_id.reset();
  by_post.channel = SendChannel::post;
  ASSERT_TRUE(sendings_->record(office_, by_post).has_value());

  auto received = sendings_->received(authority_, {});
  ASSERT_TRUE(received.has_value());
  // The authority reads the agency below it: both are listed as the agency's, one as received.
  ASSERT_EQ(received->size(), 1u);
  EXPECT_EQ(received->front().id, to_authority->id);
  EXPECT_EQ(received->front().agency_name, "Ban Dân tộc tỉnh Cao Bằng");
  EXPECT_TRUE(sendings_->file(authority_, to_authority->id).has_value());

  auto far = sendings_->received(far_authority_, {});
  ASSERT_TRUE(far.has_value());
  EXPECT_TRUE(far->empty());
  EXPECT_EQ(sendings_->get(far_authority_, to_authority->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(sendings_->received(office_, {}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(sendings_->get(sibling_office_, to_authority->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(sendings_->list(sibling_office_, agency_, {}).error().kind, ErrorKind::not_found);
  services::SendingFilter only_final;
  only_final.kind = ReportKind::review_final;
  only_final.year = 2024;
  EXPECT_TRUE(sendings_->received(authority_, only_final)->empty());
}

}  // namespace
}  // namespace thidua::it
