// A ranking as files: the XLSX read back with our own reader (each group's points, bonus,
// penalty, total, band; who has not submitted on the second sheet) and the minutes' annex as
// PDF read by poppler (the Vietnamese names with their diacritics, bands, signatures) and DOCX.

#include <fstream>

#include "documents/docx_writer.hpp"
#include "documents/document_test_support.hpp"
#include "documents/pdf_writer.hpp"
#include "documents/xlsx_reader.hpp"
#include "documents/zip_reader.hpp"
#include "evaluation_fixture.hpp"
#include "services/evaluation_export.hpp"

namespace thidua::it {
namespace {

using services::EntryInput;
namespace dt = documents::testing;

class EvaluationExportTest : public EvaluationTest {
 protected:
  /// Đức 60 + 3 sessions; Hùng 58 + 5 bonus − 2 penalty; both submitted; the rest drafts.
  services::RankingView ranked() {
    auto t = service_->create_template(office_, agency_, person_template());
    EXPECT_TRUE(t.has_value()) << fields_of(t.error());
    EXPECT_TRUE(service_->apply_template(office_, t->id).has_value());
    template_id_ = t->id;
    const auto c = criteria_of(*t);
    achievement(staff_person_, cs_, 2025, 3, 10);
    auto submit = [&](const Principal& who, std::int64_t person, const std::vector<EntryInput>& entries) {
      const auto sheet = sheet_of(t->id, person);
      auto s = service_->self_assess(who, sheet, 1, entries);
      ASSERT_TRUE(s.has_value()) << fields_of(s.error());
      ASSERT_TRUE(service_->submit(who, sheet, s->sheet.version).has_value());
      clock_.advance(std::chrono::minutes(1));
    };
    submit(staff_, staff_person_, {EntryInput{c[0], "60", "", ""}});
    submit(staff2_, staff2_person_,
           {EntryInput{c[0], "58", "", ""}, EntryInput{c[3], "5", "", ""}, EntryInput{c[4], "2", "", ""}});
    auto r = service_->ranking(office_, t->id);
    EXPECT_TRUE(r.has_value());
    return *r;
  }
  std::int64_t template_id_ = 0;
};

TEST_F(EvaluationExportTest, XlsxListsGroupsBonusPenaltyBandAndWhoHasNotSubmitted) {
  auto v = ranked();
  ASSERT_EQ(v.ranked.size(), 2u);
  auto bytes = services::ranking_xlsx(v);
  ASSERT_TRUE(bytes.has_value()) << bytes.error().code;
  auto sheet = documents::read_xlsx(*bytes);
  ASSERT_TRUE(sheet.has_value()) << sheet.error().code;
  EXPECT_EQ(sheet->name, "Xếp hạng");
  // Row 1: the template's title; row 2: the header.
  EXPECT_EQ(sheet->cell(0, 0), "Bảng chấm điểm thi đua cá nhân năm 2025");
  EXPECT_EQ(sheet->cell(1, 1), "Họ và tên");
  EXPECT_EQ(sheet->cell(1, 3), "Thực hiện nhiệm vụ");
  EXPECT_EQ(sheet->cell(1, 4), "Điểm thưởng, điểm trừ");
  EXPECT_EQ(sheet->cell(1, 7), "Tổng điểm");
  // Đức 63 first (normal 63), Hùng 61 (58 + 5 − 2).
  EXPECT_EQ(sheet->cell(2, 0), "1");
  EXPECT_EQ(sheet->cell(2, 1), "Đàm Văn Đức");
  EXPECT_EQ(sheet->cell(2, 2), "Phòng Chính sách Dân tộc");
  EXPECT_EQ(sheet->cell(2, 3), "63");
  EXPECT_EQ(sheet->cell(2, 7), "63");
  EXPECT_EQ(sheet->cell(2, 8), "Hoàn thành nhiệm vụ");
  EXPECT_EQ(sheet->cell(2, 9), "Đã nộp");
  EXPECT_EQ(sheet->cell(3, 1), "Lâm Văn Hùng");
  EXPECT_EQ(sheet->cell(3, 3), "58");
  EXPECT_EQ(sheet->cell(3, 5), "5");
  EXPECT_EQ(sheet->cell(3, 6), "2");
  EXPECT_EQ(sheet->cell(3, 7), "61");

  // The second sheet: read by unzipping the workbook's second worksheet's shared strings.
  auto zip = documents::ZipReader::open(*bytes, 64u << 20);
  ASSERT_TRUE(zip.has_value());
  auto strings = zip->read_all("xl/sharedStrings.xml");
  ASSERT_TRUE(strings.has_value());
  for (const char* name : {"Chưa nộp bảng tự chấm điểm", "Nông Thị Hoa", "Hà Văn Vui", "Hoàng Thị Lan", "Triệu Thị Ánh"}) {
    EXPECT_NE(strings->find(name), std::string::npos) << name;
  }
  EXPECT_TRUE(zip->contains("xl/worksheets/sheet2.xml"));
}

TEST_F(EvaluationExportTest, AnnexAsPdfAndDocxCarriesTheNamesWithDiacritics) {
  if (!dt::have_tool("pdftotext")) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  auto v = ranked();
  auto detail = movements_->get(office_, movement_);
  ASSERT_TRUE(detail.has_value());
  services::AnnexContext context{detail->movement, detail->agency_name, ""};
  auto doc = services::ranking_annex(v, context);
  EXPECT_EQ(doc.type, "PHỤ LỤC");
  auto pdf = documents::write_pdf(doc);
  ASSERT_TRUE(pdf.has_value()) << pdf.error().code;
  const auto path = test_db_->scratch_path("annex.pdf");
  std::ofstream(path, std::ios::binary) << *pdf;
  auto text = dt::run_command("pdftotext -layout '" + path + "' - 2>&1");
  ASSERT_EQ(text.status, 0) << text.output;
  const auto flat = dt::normalise_space(text.output);
  for (const char* s : {"PHỤ LỤC", "KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI THI ĐUA CÁ NHÂN NĂM 2025", "Đàm Văn Đức",
                        "Lâm Văn Hùng", "Phòng Chính sách", "Hoàn thành nhiệm vụ",
                        "Biên bản họp bình xét thi đua năm 2025", "Ban Dân tộc tỉnh Cao Bằng", "THƯ KÝ HỘI ĐỒNG",
                        "CHỦ TỊCH", "Nông Thị Hoa", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}) {
    EXPECT_NE(flat.find(s), std::string::npos) << s << "\n" << text.output;
  }
  // Đức (63) above Hùng (61).
  EXPECT_LT(flat.find("Đàm Văn Đức"), flat.find("Lâm Văn Hùng"));

  auto docx = documents::write_docx(doc);
  ASSERT_TRUE(docx.has_value()) << docx.error().code;
  auto zip = documents::ZipReader::open(*docx, 64u << 20);
  ASSERT_TRUE(zip.has_value());
  auto xml = zip->read_all("word/document.xml");
  ASSERT_TRUE(xml.has_value());
  for (const char* s : {"PHỤ LỤC", "Đàm Văn Đức", "Lâm Văn Hùng", "Hoàn thành nhiệm vụ"}) {
    EXPECT_NE(xml->find(s), std::string::npos) << s;
  }
}

TEST_F(EvaluationExportTest, AnotherAgencysTemplateIsNotFoundAndAUnitListNamesTheUnit) {
  auto v = ranked();
  auto theirs = services::ranking_export(*service_, *movements_, stranger_, template_id_, std::nullopt);
  ASSERT_FALSE(theirs.has_value());
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  auto unit = services::ranking_export(*service_, *movements_, office_, template_id_, cs_);
  ASSERT_TRUE(unit.has_value()) << unit.error().code;
  EXPECT_EQ(unit->context.unit_name, "Phòng Chính sách Dân tộc");
  EXPECT_EQ(unit->ranking.ranked.size(), 2u);
  EXPECT_EQ(services::ranking_file_name(unit->ranking, "pdf"), "BXT_2025_ca-nhan_" + std::to_string(template_id_) + ".pdf");
}

}  // namespace
}  // namespace thidua::it
