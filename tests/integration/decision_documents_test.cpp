// A decision as DOCX and PDF with its annex, and its certificates as PDF on plain paper and on
// pre-printed blanks, read back as a person's tools would (pdftotext, pdfinfo).

#include <fstream>

#include "documents/docx_writer.hpp"
#include "documents/document_test_support.hpp"
#include "documents/pdf_writer.hpp"
#include "documents/zip_reader.hpp"
#include "evaluation_fixture.hpp"
#include "services/certificate_service.hpp"
#include "services/decision_document.hpp"
#include "services/decision_service.hpp"

namespace thidua::it {
namespace {

namespace dt = documents::testing;

class DecisionDocumentsTest : public EvaluationTest {
 protected:
  void SetUp() override {
    EvaluationTest::SetUp();
    if (HasFatalFailure()) return;
    decisions_ = std::make_shared<services::DecisionService>(db_, clock_.clock());
    certificates_ = std::make_shared<services::CertificateService>(db_, "https://thidua.example.vn/", clock_.clock());
    services::DecisionInput in;
    in.number = "12";
    in.decision_date = "15/11/2026";
    in.place = "Cao Bằng";
    in.header_parent = "UBND TỈNH CAO BẰNG";
    in.header_agency = "BAN DÂN TỘC";
    in.head_title = "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG";
    in.title = "Về việc khen thưởng thành tích thực hiện nhiệm vụ năm 2026";
    in.award_year = "2026";
    in.legal_bases = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
    in.proposal = "Theo đề nghị của Chánh Văn phòng.";
    in.signer_mark = "KT. TRƯỞNG BAN";
    in.signer_title = "PHÓ TRƯỞNG BAN";
    in.signer_name = "Hà Văn Vui";
    in.recipients = "Như Điều 3\nLãnh đạo Ban";
    auto d = decisions_->create(office_, agency_, in);
    ASSERT_TRUE(d) << fields_of(d.error());
    services::AwardeeInput a;
    a.subject = "person";
    a.subject_id = staff_person_;
    a.form = "certificate_of_merit";
    a.achievement = "Đã có thành tích xuất sắc trong công tác tuyên truyền năm 2026";
    services::AwardeeInput b = a;
    b.subject_id = head_person_;
    b.form = "grassroots_fighter";
    b.achievement = "";
    services::AwardeeInput u;
    u.subject = "unit";
    u.subject_id = cs_;
    u.form = "advanced_collective";
    auto added = decisions_->add_awardees(office_, d->id, {a, b, u});
    ASSERT_TRUE(added) << fields_of(added.error());
    decision_id_ = d->id;
  }

  std::string text_of(const std::string& name, const std::string& pdf) {
    const auto path = test_db_->scratch_path(name);
    std::ofstream(path, std::ios::binary) << pdf;
    dt::keep(name, pdf);
    auto text = dt::run_command("pdftotext -layout '" + path + "' - 2>&1");
    EXPECT_EQ(text.status, 0) << text.output;
    return dt::normalise_space(text.output);
  }

  services::DecisionView issue() {
    auto v = decisions_->get(office_, decision_id_);
    EXPECT_TRUE(v);
    auto issued = decisions_->issue(leader_, decision_id_, v->decision.version);
    EXPECT_TRUE(issued) << fields_of(issued.error());
    return *issued;
  }

  std::shared_ptr<services::DecisionService> decisions_;
  std::shared_ptr<services::CertificateService> certificates_;
  std::int64_t decision_id_ = 0;
};

TEST_F(DecisionDocumentsTest, TheDecisionHasItsArticlesSignatureAndAnnexWithBonusesAndTotal) {
  if (!dt::have_tool("pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  auto v = issue();
  auto doc = services::decision_document(v.decision);
  auto pdf = documents::write_pdf(doc);
  ASSERT_TRUE(pdf) << pdf.error().detail;
  const auto flat = text_of("decision.pdf", *pdf);
  for (const char* s : {"UBND TỈNH CAO BẰNG", "BAN DÂN TỘC", "Số: 12/QĐ-BDT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Cao Bằng, ngày 15 tháng 11 năm 2026", "QUYẾT ĐỊNH", "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG",
                        "Căn cứ Luật Thi đua", "Điều 1.", "Điều 2.", "Điều 3.", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN",
                        "Hà Văn Vui", "Nơi nhận:", "- Lưu: VT, VP.", "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
                        "Đàm Văn Đức", "Hoàng Thị Lan", "Phòng Chính sách Dân tộc", "Chiến sĩ thi đua cơ sở", "STT",
                        "Tập thể lao động tiên tiến", "Giấy khen", "Tổng cộng", "710.000", "2.340.000", "1.880.000",
                        "4.930.000"}) {
    EXPECT_NE(flat.find(s), std::string::npos) << s << "\n" << flat;
  }
  auto docx = documents::write_docx(doc);
  ASSERT_TRUE(docx);
  dt::keep("decision.docx", *docx);
  auto zip = documents::ZipReader::open(*docx, 50u << 20);
  ASSERT_TRUE(zip);
  auto xml = zip->read_all("word/document.xml");
  ASSERT_TRUE(xml);
  EXPECT_NE(xml->find("Tổng cộng"), std::string::npos);
  EXPECT_NE(xml->find("12/QĐ-BDT"), std::string::npos);
}

TEST_F(DecisionDocumentsTest, CertificatesCarryNameDecisionCodeAndQrOnePagePerAwardee) {
  if (!dt::have_tool("pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  EXPECT_EQ(certificates_->pdf(office_, decision_id_, std::nullopt, documents::CertificatePaper::plain).error().code,
            "certificate.not_issued");
  auto v = issue();
  ASSERT_EQ(v.certificates.size(), 3u);
  auto batch = certificates_->pdf(staff_, decision_id_, std::nullopt, documents::CertificatePaper::plain);
  ASSERT_TRUE(batch) << batch.error().detail;
  const auto flat = text_of("certificates.pdf", batch->bytes);
  for (const char* s : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG", "GIẤY KHEN",
                        "GIẤY CHỨNG NHẬN", "Ông Đàm Văn Đức", "Ông Hoàng Thị Lan" /* the fixture registers everyone as male */, "Phòng Chính sách Dân tộc",
                        "Chiến sĩ thi đua cơ sở", "công tác tuyên truyền", "Quyết định số 12/QĐ-BDT ngày 15/11/2026",
                        "Cao Bằng, ngày 15 tháng 11 năm 2026", "Hà Văn Vui"}) {
    EXPECT_NE(flat.find(s), std::string::npos) << s << "\n" << flat;
  }
  for (const auto& c : v.certificates) {
    EXPECT_NE(flat.find(display_certificate_code(c.code)), std::string::npos) << c.code;
  }
  const auto path = test_db_->scratch_path("certificates.pdf");
  auto pages = dt::run_command("pdfinfo '" + path + "' | grep Pages");
  EXPECT_NE(pages.output.find("3"), std::string::npos) << pages.output;
  auto size = dt::run_command("pdfinfo '" + path + "' | grep 'Page size'");
  EXPECT_NE(size.output.find("841.89 x 595.2"), std::string::npos) << size.output;

  auto one = certificates_->pdf(office_, decision_id_, v.certificates[0].id, documents::CertificatePaper::preprinted);
  ASSERT_TRUE(one) << one.error().detail;
  const auto printed = text_of("certificate-blank.pdf", one->bytes);
  EXPECT_NE(printed.find("Ông Đàm Văn Đức"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("CỘNG HÒA"), std::string::npos) << "a blank has the motto printed already";
  EXPECT_EQ(printed.find("Hoàng Thị Lan"), std::string::npos);

  // Another agency's Office sees nothing.
  EXPECT_EQ(certificates_->pdf(stranger_, decision_id_, std::nullopt, documents::CertificatePaper::plain).error().kind,
            ErrorKind::not_found);
}

TEST_F(DecisionDocumentsTest, VerificationSaysWhoWhatWhichDecisionAndWithdrawnAndLimitsUnknownCodes) {
  auto v = issue();
  const auto code = v.certificates[0].code;
  auto lower = code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto check = certificates_->verify(lower.substr(0, 5) + "-" + lower.substr(5), "10.0.0.1");
  ASSERT_TRUE(check) << check.error().code;
  EXPECT_EQ(check->subject_name, "Ông Đàm Văn Đức");
  EXPECT_EQ(check->form, AwardForm::certificate_of_merit);
  EXPECT_EQ(check->decision_ref, "12/QĐ-BDT");
  EXPECT_EQ(check->issuer, "Ban Dân tộc tỉnh Cao Bằng");
  EXPECT_TRUE(check->valid);
  EXPECT_EQ(certificates_->verify_url(code), "https://thidua.example.vn/verify/" + code);

  auto withdrawn = decisions_->withdraw(leader_, decision_id_, v.decision.version, "Ban hành nhầm");
  ASSERT_TRUE(withdrawn);
  auto again = certificates_->verify(code, "10.0.0.1");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->valid);

  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(certificates_->verify("AAAAAAAAAA", "10.0.0.2").error().code, "certificate.code_unknown");
  }
  EXPECT_EQ(certificates_->verify("AAAAAAAAAA", "10.0.0.2").error().kind, ErrorKind::rate_limited);
  EXPECT_EQ(certificates_->verify(code, "10.0.0.2").error().kind, ErrorKind::rate_limited);
  EXPECT_TRUE(certificates_->verify(code, "10.0.0.3"));
}

TEST_F(DecisionDocumentsTest, TheLayoutOfBlanksIsSavedVersionCheckedAndSampled) {
  auto l = certificates_->layout(office_, agency_);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->version, 0);
  services::LayoutInput in{"150", "100", "28", "150", "114", "150", "126", "200", "210", "158",
                           "30", "178", "30", "150", "22", "15"};
  EXPECT_EQ(certificates_->save_layout(staff_, agency_, 0, in).error().kind, ErrorKind::forbidden);
  auto bad = in;
  bad.name_y = "400";
  EXPECT_TRUE(names_field(certificates_->save_layout(office_, agency_, 0, bad).error(), "name_y",
                          "certificate.layout_invalid"));
  auto saved = certificates_->save_layout(office_, agency_, 0, in);
  ASSERT_TRUE(saved) << fields_of(saved.error());
  EXPECT_EQ(saved->version, 1);
  EXPECT_DOUBLE_EQ(saved->name_x, 150);
  EXPECT_EQ(certificates_->save_layout(office_, agency_, 0, in).error().code, "edit.stale");
  in.name_size = "26,5";
  auto second = certificates_->save_layout(office_, agency_, 1, in);
  ASSERT_TRUE(second) << fields_of(second.error());
  EXPECT_DOUBLE_EQ(second->name_size, 26.5);
  auto sample = certificates_->sample(office_, agency_);
  ASSERT_TRUE(sample);
  EXPECT_EQ(sample->bytes.substr(0, 5), "%PDF-");
  dt::keep("certificate-sample.pdf", sample->bytes);
}

}  // namespace
}  // namespace thidua::it
