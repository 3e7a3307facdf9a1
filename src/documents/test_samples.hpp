#pragma once
/// Documents for the writers' tests (included by *_test.cpp only): the seed plan of Ban Dân
/// tộc tỉnh Cao Bằng as the plan feature will convert it (the text of
/// shared/seeds/000_14b7a7f18c7974af.txt), and a small decision that touches every part of
/// the model, whose outputs are the golden files.

#include "documents/document.hpp"

namespace thidua::documents::testing {

/// The header and closing block of Ban Dân tộc's documents signed by its deputy head.
inline Document ban_dan_toc_document() {
  Document doc;
  doc.header.parent_body = "UBND TỈNH CAO BẰNG";
  doc.header.agency = "BAN DÂN TỘC";
  doc.header.place = "Cao Bằng";
  doc.header.day = 30;
  doc.header.month = 9;
  doc.header.year = 2022;
  doc.signature = Signature{"KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Hà Văn Vui"};
  return doc;
}

/// The seed plan: "Kế hoạch thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông
/// thôn mới” giai đoạn 2021 - 2025", three pages and a half at 14 pt.
inline Document seed_plan() {
  Document doc = ban_dan_toc_document();
  doc.header.symbol = "KH-BDT";
  doc.type = "KẾ HOẠCH";
  doc.summary = "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025";
  doc.body = {
      body("Căn cứ Nghị quyết số 12-NQ/TU ngày 09/6/2022 của Ban chấp hành Đảng bộ tỉnh khoá XIX về lãnh đạo thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025; Kế hoạch số 2452/KH-UBND ngày 26/9/2022 của UBND tỉnh Cao Bằng thực hiện Phong trào thi đua \"Cả nước chung sức xây dựng nông thôn mới\" giai đoạn 2021 - 2025 trên địa bàn tỉnh Cao Bằng. Ban Dân tộc tỉnh Cao Bằng ban hành Kế hoạch thực hiện Phong trào thi đua \"Cả nước chung sức xây dựng nông thôn mới\" giai đoạn 2021 - 2025 (sau đây gọi tắt là Phong trào thi đua) với các nội dung, như sau:"),
      heading(1, "I. MỤC ĐÍCH, YÊU CẦU"),
      heading(2, "1. Mục đích"),
      body("- Đẩy mạnh công tác tuyên truyền, phổ biến, quán triệt các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về xây dựng nông thôn mới, nhất là thực hiện các Chỉ thị, Nghị quyết của Đảng về nông nghiệp, nông dân và nông thôn, nhằm nâng cao nhận thức, tinh thần chủ động, trách nhiệm, tích cực của mỗi tập thể, cá nhân, góp phần hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025."),
      body("- Tổ chức Phong trào thi đua thiết thực, hiệu quả gắn với địa chỉ xã được phân công phụ trách, giúp đỡ theo Quyết định số 1177/QĐ-UBND ngày 12/9/2022 của UBND tỉnh Cao Bằng v/v phân công cơ quan, đơn vị phụ trách, giúp đỡ xã phấn đấu đạt chuẩn nông thôn mới, nông thôn nâng cao, nông thôn mới kiểu mới giai đoạn 2021 - 2025."),
      heading(2, "2. Yêu cầu"),
      body("- Triển khai sâu rộng Phong trào thi đua trong Ban với nội dung, hình thức phong phú, đảm bảo tiết kiệm, hiệu quả, thực chất, phù hợp với thực tiễn tránh chạy theo thành tích; gắn triển khai Phong trào thi đua với Cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\" tránh trùng lặp, chồng chéo trong quá trình tổ chức thực hiện."),
      body("- Phong trào thi đua tiếp tục là trọng tâm trong các Phong trào thi đua của Ban; đánh giá kết quả Phong trào thi đua phải gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua hàng năm của Ban."),
      body("- Tiến hành sơ kết, tổng kết Phong trào thi đua; biểu dương, khen thưởng kịp thời các điển hình tiên tiến, các sáng kiến kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong xây dựng nông thôn mới giai đoạn 2021 - 2025."),
      heading(1, "II. NỘI DUNG THI ĐUA"),
      body("1. Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức thực hiện có hiệu quả Phong trào thi đua."),
      body("2. Đẩy mạnh công tác tuyên truyền, vận động, tạo sự đồng thuận cao trong công chức, người lao động Ban để chung sức xây dựng nông thôn mới; biểu dương, nhân rộng các điển hình tiên tiến trong phong trào thi đua."),
      body("3. Đẩy mạnh công tác vận động, huy động các doanh nghiệp, tổ chức, cá nhân trong và ngoài tỉnh tích cực tham gia, đóng góp trí tuệ, công sức, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới;"),
      heading(1, "III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA; TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG"),
      heading(2, "1. Đối tượng, tiêu chí thi đua"),
      body("a) Tập thể: Các phòng chuyên môn thuộc Ban, triển khai thực hiện có hiệu quả Phong trào thi đua, tích cực tuyên truyền, vận động công chức thực hiện tốt phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội; có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới."),
      body("b) Cá nhân: Công chức, người lao động Ban tích cực hưởng ứng, tham gia Phong trào thi đua với những việc làm thiết thực; có sáng kiến, giải pháp hữu ích trong xây dựng nông thôn mới."),
      heading(2, "2. Tiêu chuẩn, hình thức khen thưởng"),
      heading(3, "2.1. Khen thưởng từ cấp tỉnh trở lên"),
      body("Việc xem xét đề xuất khen thưởng từ cấp tỉnh trở lên cho các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện phong trào thi đua được thực hiện theo quy định của pháp luật về thi đua, khen thưởng."),
      heading(3, "2.2. Khen thưởng cấp Ban"),
      body("- Tiêu chuẩn khen thưởng tập thể và cá nhân dựa trên tiêu chí khen thưởng quy định tại Khoản 1 Mục III – Đối tượng, tiêu chí thi đua; tiêu chuẩn, hình thức khen thưởng của Kế hoạch này."),
      body("- Hình thức khen thưởng: Giấy khen của Thủ trưởng cơ quan; thực hiện hằng năm và vào dịp sơ kết, tổng kết Phong trào thi đua."),
      heading(1, "IV. TIẾN ĐỘ THỰC HIỆN"),
      body("1. Quý III năm 2022: Xây dựng kế hoạch và tổ chức thực hiện Phong trào thi đua hiệu quả, thiết thực;"),
      body("2. Năm 2023: Tổ chức sơ kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền."),
      body("3. Năm 2025: Tổ chức tổng kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền."),
      heading(1, "V. TỔ CHỨC THỰC HIỆN"),
      body("- Hội đồng thi đua khen thưởng tham mưu cho Lãnh đạo Ban phát động nội dung phong trào thi đua đến toàn thể công chức, người lao động trong Ban; hướng dẫn, tham mưu thực hiện khen thưởng phong trào thi đua các tập thể, cá nhân theo quy định."),
      body("- Các phòng chuyên môn quán triệt, cụ thể hóa, triển khai các nội dung phong trào thi đua."),
      body("- Các tổ chức đoàn thể vận động đoàn viên tích cực hưởng ứng tham gia phong trào thi đua."),
      body("- Văn phòng có trách nhiệm thường xuyên theo dõi, đôn đốc các phòng, công chức, người lao động trong Ban triển khai thực hiện phong trào thi đua; tham mưu sơ kết và tổng kết phong trào thi đua và gửi báo cáo theo quy định."),
      body("Trên đây là Kế hoạch thực hiện phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025 của Ban Dân tộc tỉnh Cao Bằng./."),
  };
  doc.recipients = recipient_lines({"UBND tỉnh", "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ", "Khối thi đua các cơ quan TMTH",
                                    "Lãnh đạo Ban", "Các phòng chuyên môn"},
                                   "TĐKT");
  return doc;
}

/// A small award decision that uses every part of the model: runs in bold, italic and
/// underline, every alignment, indents, a table with a header row and a spanned cell, a page
/// break, characters that need escaping, a numbered draft ("Số:      /QĐ-BDT" would be the
/// blank form; this one has its number), a landscape annex with a table. Its DOCX
/// document.xml and its PDF text are golden files.
inline Document small_decision() {
  Document doc = ban_dan_toc_document();
  doc.header.number = "15";
  doc.header.symbol = "QĐ-BDT";
  doc.header.day = 5;
  doc.header.month = 2;
  doc.header.year = 2024;
  doc.type = "QUYẾT ĐỊNH";
  doc.summary = "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc";
  Paragraph head = centered("TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG", true);
  head.space_after_pt = 12;
  Paragraph legal = body("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
  legal.runs.front().italic = true;
  Paragraph proposal = body(std::vector<Run>{{"Xét đề nghị của "}, {"Hội đồng Thi đua - Khen thưởng", true},
                                             {" & Chánh Văn phòng <Ban>.", false, false, true}});
  Paragraph decides = centered("QUYẾT ĐỊNH:", true);
  Paragraph right = body("Đoạn căn phải.");
  right.align = Align::right;
  right.first_line_indent_mm = 0;
  Paragraph hanging = body("Điều 2. Đoạn thụt treo: dòng đầu ra lề, các dòng sau thụt vào 10 mm, để số điều đứng riêng "
                           "bên trái khi đoạn văn dài hơn một dòng.");
  hanging.left_indent_mm = 10;
  hanging.first_line_indent_mm = -10;
  TableBlock table;
  table.column_widths = {1, 6, 3};
  table.rows.push_back(TableRow{{cell("TT", true, Align::center), cell("Họ và tên", true, Align::center),
                                 cell("Đơn vị", true, Align::center)},
                                true});
  table.rows.push_back(TableRow{{cell("1", false, Align::center), cell("Nông Thị Hoa"), cell("Văn phòng")}, false});
  table.rows.push_back(TableRow{{cell("2", false, Align::center), cell("Đàm Văn Đức"), cell("Phòng Chính sách")}, false});
  TableCell total = cell("Tổng cộng: 02 cá nhân", true);
  total.column_span = 3;
  table.rows.push_back(TableRow{{total}, false});
  doc.body = {head, legal, proposal, decides, heading(2, "Điều 1. Tặng Giấy khen cho 02 cá nhân:"), table,
              hanging, right, PageBreak{}, body("Điều 3. Quyết định có hiệu lực kể từ ngày ký \"ban hành\" 'nay'.")};
  doc.recipients = recipient_lines({"Như Điều 3", "Lãnh đạo Ban"}, "TĐKT");
  Annex annex;
  annex.heading = "Phụ lục";
  annex.title = "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN";
  annex.subtitle = "(Kèm theo Quyết định số 15/QĐ-BDT ngày 05/02/2024 của Trưởng Ban Dân tộc)";
  annex.orientation = Orientation::landscape;
  annex.body = {table, body("Danh sách gồm 02 cá nhân.")};
  doc.annexes.push_back(annex);
  return doc;
}

}  // namespace thidua::documents::testing
