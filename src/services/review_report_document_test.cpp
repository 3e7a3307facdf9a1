// The review report's document from hand-made figures: headings, figures, recipients, the
// chart, the sentence and sub-period tables of a split period, an honest empty report.

#include "services/review_report_document.hpp"

#include <gtest/gtest.h>

#include "documents/docx_writer.hpp"
#include "documents/pdf_writer.hpp"

namespace thidua::services {
namespace {

Movement seed_movement() {
  Movement m;
  m.id = 1;
  m.agency_id = 1;
  m.title = "Cả nước chung sức xây dựng nông thôn mới";
  m.period_from = "2021-01-01";
  m.period_to = "2025-12-31";
  m.header_parent = "UBND TỈNH CAO BẰNG";
  m.header_name = "BAN DÂN TỘC";
  m.doc_number = "12";
  m.doc_symbol = "KH-BDT";
  m.doc_date = "2022-02-05";
  m.place = "Cao Bằng";
  m.signer_mark = "KT. TRƯỞNG BAN";
  m.signer_title = "PHÓ TRƯỞNG BAN";
  m.signer_name = "Hà Văn Vui";
  return m;
}

MovementFigures figures(const std::string& from, const std::string& to) {
  MovementFigures f;
  f.agency_name = "Ban Dân tộc";
  f.from = from;
  f.to = to;
  ItemFigures item;
  item.item_id = 7;
  item.item_number = 1;
  item.item_text = "Tuyên truyền, vận động đồng bào tham gia xây dựng nông thôn mới";
  item.records = 3;
  item.sessions = 12;
  item.participants = 1450;
  item.mobilised.cash_vnd = 150000000;
  item.mobilised.goods_vnd = 20000000;
  item.targets.push_back({Measure::sessions, 10, 12});
  f.items.push_back(item);
  UnitFigures u;
  u.unit_id = 3;
  u.unit_name = "Phòng Chính sách dân tộc";
  u.targets = 2;
  u.targets_met = 1;
  u.average_percent = 80;
  u.records = 3;
  f.units.push_back(u);
  f.mobilised = item.mobilised;
  f.by_donor_kind.push_back({"enterprise", "Doanh nghiệp", std::nullopt, item.mobilised});
  CommuneFigures c;
  c.commune_id = 9;
  c.name = "Xã Đức Long";
  c.district = "Huyện Hòa An";
  c.criteria_set = "Bộ tiêu chí 2021-2025";
  c.criteria_met = 16;
  c.criteria_total = 19;
  c.criteria_met_at_start = 11;
  f.communes.push_back(c);
  f.awards.push_back({AwardForm::certificate_of_merit, 4, 1, 1, 2});
  f.records = 3;
  return f;
}

ReviewContent content(ReviewKind kind) {
  ReviewContent c;
  c.movement = seed_movement();
  c.agency_name = "Ban Dân tộc";
  c.report.kind = kind;
  c.report.year = 2025;
  c.report.period_from = "2021-01-01";
  c.report.period_to = "2025-12-31";
  c.report.text = default_review_text(c.movement, c.agency_name, kind, 2025);
  c.report.text.shortcomings = "Một số đơn vị báo cáo chậm.";
  c.recipients = {"UBND tỉnh", "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ", "Lưu: VT, TĐKT"};
  c.figures = figures("2021-01-01", "2025-12-31");
  return c;
}

TEST(ReviewReportDocument, HeadingsFiguresAndRecipients) {
  auto doc = review_document(content(ReviewKind::final_review));
  const std::string text = documents::plain_text(doc);
  EXPECT_EQ(doc.type, "BÁO CÁO");
  EXPECT_NE(text.find("Tổng kết phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025"),
            std::string::npos);
  EXPECT_NE(text.find("/BC-BDT"), std::string::npos) << text;
  for (const char* h : {"I. CÔNG TÁC TRIỂN KHAI, TỔ CHỨC THỰC HIỆN", "II. KẾT QUẢ THỰC HIỆN", "III. CÔNG TÁC KHEN THƯỞNG",
                        "IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "V. BÀI HỌC KINH NGHIỆM",
                        "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ ĐỀ XUẤT, KIẾN NGHỊ"}) {
    EXPECT_NE(text.find(h), std::string::npos) << h;
  }
  EXPECT_NE(text.find("Thực hiện Kế hoạch số 12/KH-BDT ngày 05/02/2022"), std::string::npos);
  EXPECT_NE(text.find("tổ chức 12 buổi tuyên truyền với 1.450 lượt người tham dự"), std::string::npos);
  EXPECT_NE(text.find("170.000.000"), std::string::npos);
  EXPECT_NE(text.find("Xã Đức Long"), std::string::npos);
  EXPECT_NE(text.find("16/19"), std::string::npos);
  EXPECT_NE(text.find("Giấy khen"), std::string::npos);
  EXPECT_NE(text.find("Một số đơn vị báo cáo chậm."), std::string::npos);
  EXPECT_NE(text.find("Phòng Chính sách dân tộc: 80%"), std::string::npos) << "the chart";
  ASSERT_EQ(doc.recipients.size(), 3u);
  EXPECT_EQ(doc.recipients[0], "- UBND tỉnh;");
  EXPECT_EQ(doc.recipients[2], "- Lưu: VT, TĐKT.");
  EXPECT_EQ(doc.signature.name, "Hà Văn Vui");
}

TEST(ReviewReportDocument, SplitPeriodSaysSoAndSplitsTables) {
  auto c = content(ReviewKind::final_review);
  c.figures.splits = {{"criteria_set", "Bộ tiêu chí 2016-2020", "2021-01-01", "2021-12-31"},
                      {"criteria_set", "Bộ tiêu chí 2021-2025", "2022-01-01", "2025-12-31"}};
  c.parts = {figures("2021-01-01", "2021-12-31"), figures("2022-01-01", "2025-12-31")};
  c.part_labels = {"Bộ tiêu chí 2016-2020", "Bộ tiêu chí 2021-2025"};
  const std::string text = documents::plain_text(review_document(c));
  EXPECT_NE(text.find("được tách theo từng giai đoạn"), std::string::npos);
  EXPECT_NE(text.find("Giai đoạn 1: từ ngày 01/01/2021 đến ngày 31/12/2021 (Bộ tiêu chí 2016-2020)"),
            std::string::npos);
  EXPECT_NE(text.find("Giai đoạn 2: từ ngày 01/01/2022 đến ngày 31/12/2025"), std::string::npos);
  auto xlsx = review_xlsx(c);
  ASSERT_TRUE(xlsx) << xlsx.error().code;
}

TEST(ReviewReportDocument, EmptyPeriodIsAnHonestReport) {
  auto c = content(ReviewKind::annual);
  c.figures = MovementFigures{};
  c.figures.from = "2021-01-01";
  c.figures.to = "2021-12-31";
  auto doc = review_document(c);
  const std::string text = documents::plain_text(doc);
  EXPECT_NE(text.find("chưa có kết quả thực hiện"), std::string::npos);
  EXPECT_EQ(text.find("Biểu đồ"), std::string::npos);
  EXPECT_TRUE(documents::write_pdf(doc));
  EXPECT_TRUE(documents::write_docx(doc));
  EXPECT_TRUE(review_xlsx(c));
}

TEST(ReviewReportDocument, WritesPdfAndDocxWithTheChart) {
  auto doc = review_document(content(ReviewKind::final_review));
  auto pdf = documents::write_pdf(doc);
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  const std::string xml = documents::docx_document_xml(doc);
  EXPECT_NE(xml.find("w:fill=\"4A6FA5\""), std::string::npos);
  EXPECT_EQ(review_file_name(content(ReviewKind::final_review).report, "pdf"), "bao-cao-tong-ket-2021-2025.pdf");
}

}  // namespace
}  // namespace thidua::services
