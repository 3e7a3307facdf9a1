#include "cli/demo_plan.hpp"

#include <vector>

// The seed plan (../shared/seeds/000_14b7a7f18c7974af.txt) entered as data: Ban Dân tộc tỉnh
// Cao Bằng's plan for the movement "Cả nước chung sức xây dựng nông thôn mới" 2021–2025. The
// plan printed from these rows must read as the seed does (tests/functional/movements checks it).

namespace thidua::cli {

namespace {

struct Item {
  const char* section;
  const char* label;
  const char* body;
  const char* ref_number;
  const char* ref_date;
  const char* issuer;
  const char* code;
  std::vector<const char*> units;
};

const std::vector<Item>& seed_items() {
  static const std::vector<Item> items = {
      {"legal_basis", "Nghị quyết", "về lãnh đạo thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025", "12-NQ/TU", "09/06/2022", "Ban chấp hành Đảng bộ tỉnh khoá XIX", "", {}},
      {"legal_basis", "Kế hoạch", "thực hiện Phong trào thi đua \"Cả nước chung sức xây dựng nông thôn mới\" giai đoạn 2021 - 2025 trên địa bàn tỉnh Cao Bằng", "2452/KH-UBND", "26/09/2022", "UBND tỉnh Cao Bằng", "", {}},
      {"purpose", "", "Đẩy mạnh công tác tuyên truyền, phổ biến, quán triệt các chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về xây dựng nông thôn mới, nhất là thực hiện các Chỉ thị, Nghị quyết của Đảng về nông nghiệp, nông dân và nông thôn, nhằm nâng cao nhận thức, tinh thần chủ động, trách nhiệm, tích cực của mỗi tập thể, cá nhân, góp phần hoàn thành và hoàn thành vượt mức các chỉ tiêu chủ yếu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025.", "", "", "", "", {}},
      {"purpose", "", "Tổ chức Phong trào thi đua thiết thực, hiệu quả gắn với địa chỉ xã được phân công phụ trách, giúp đỡ theo Quyết định số 1177/QĐ-UBND ngày 12/9/2022 của UBND tỉnh Cao Bằng v/v phân công cơ quan, đơn vị phụ trách, giúp đỡ xã phấn đấu đạt chuẩn nông thôn mới, nông thôn nâng cao, nông thôn mới kiểu mới giai đoạn 2021 - 2025.", "", "", "", "", {}},
      {"requirement", "", "Triển khai sâu rộng Phong trào thi đua trong Ban với nội dung, hình thức phong phú, đảm bảo tiết kiệm, hiệu quả, thực chất, phù hợp với thực tiễn tránh chạy theo thành tích; gắn triển khai Phong trào thi đua với Cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\" tránh trùng lặp, chồng chéo trong quá trình tổ chức thực hiện.", "", "", "", "", {}},
      {"requirement", "", "Phong trào thi đua tiếp tục là trọng tâm trong các Phong trào thi đua của Ban; đánh giá kết quả Phong trào thi đua phải gắn với kết quả thực hiện nhiệm vụ chính trị và bình xét thi đua hàng năm của Ban.", "", "", "", "", {}},
      {"requirement", "", "Tiến hành sơ kết, tổng kết Phong trào thi đua; biểu dương, khen thưởng kịp thời các điển hình tiên tiến, các sáng kiến kinh nghiệm hay, các mô hình, cách làm sáng tạo, hiệu quả trong xây dựng nông thôn mới giai đoạn 2021 - 2025.", "", "", "", "", {}},
      {"content", "", "Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức thực hiện có hiệu quả Phong trào thi đua.", "", "", "", "", {}},
      {"content", "", "Đẩy mạnh công tác tuyên truyền, vận động, tạo sự đồng thuận cao trong công chức, người lao động Ban để chung sức xây dựng nông thôn mới; biểu dương, nhân rộng các điển hình tiên tiến trong phong trào thi đua.", "", "", "", "", {}},
      {"content", "", "Đẩy mạnh công tác vận động, huy động các doanh nghiệp, tổ chức, cá nhân trong và ngoài tỉnh tích cực tham gia, đóng góp trí tuệ, công sức, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới;", "", "", "", "", {}},
      {"subject", "collective", "Các phòng chuyên môn thuộc Ban, triển khai thực hiện có hiệu quả Phong trào thi đua, tích cực tuyên truyền, vận động công chức thực hiện tốt phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội; có những đóng góp cụ thể, thiết thực trong xây dựng nông thôn mới.", "", "", "", "", {}},
      {"subject", "individual", "Công chức, người lao động Ban tích cực hưởng ứng, tham gia Phong trào thi đua với những việc làm thiết thực; có sáng kiến, giải pháp hữu ích trong xây dựng nông thôn mới.", "", "", "", "", {}},
      {"award", "Khen thưởng từ cấp tỉnh trở lên", "Việc xem xét đề xuất khen thưởng từ cấp tỉnh trở lên cho các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện phong trào thi đua được thực hiện theo quy định của pháp luật về thi đua, khen thưởng.", "", "", "", "province", {}},
      {"award", "Khen thưởng cấp Ban", "Tiêu chuẩn khen thưởng tập thể và cá nhân dựa trên tiêu chí khen thưởng quy định tại Khoản 1 Mục III – Đối tượng, tiêu chí thi đua; tiêu chuẩn, hình thức khen thưởng của Kế hoạch này.", "", "", "", "agency", {}},
      {"award", "Khen thưởng cấp Ban", "Hình thức khen thưởng: Giấy khen của Thủ trưởng cơ quan; thực hiện hằng năm và vào dịp sơ kết, tổng kết Phong trào thi đua.", "", "", "", "agency", {}},
      {"milestone", "Quý III năm 2022", "Xây dựng kế hoạch và tổ chức thực hiện Phong trào thi đua hiệu quả, thiết thực;", "", "30/09/2022", "", "plan", {}},
      {"milestone", "Năm 2023", "Tổ chức sơ kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền.", "", "31/12/2023", "", "midterm", {}},
      {"milestone", "Năm 2025", "Tổ chức tổng kết Phong trào thi đua; thực hiện công tác khen thưởng và trình khen thưởng theo thẩm quyền.", "", "31/12/2025", "", "final", {}},
      {"responsibility", "", "Hội đồng thi đua khen thưởng tham mưu cho Lãnh đạo Ban phát động nội dung phong trào thi đua đến toàn thể công chức, người lao động trong Ban; hướng dẫn, tham mưu thực hiện khen thưởng phong trào thi đua các tập thể, cá nhân theo quy định.", "", "", "", "", {}},
      {"responsibility", "", "Các phòng chuyên môn quán triệt, cụ thể hóa, triển khai các nội dung phong trào thi đua.", "", "", "", "", {"CSDT", "KHTH", "TTRA"}},
      {"responsibility", "", "Các tổ chức đoàn thể vận động đoàn viên tích cực hưởng ứng tham gia phong trào thi đua.", "", "", "", "", {"CD"}},
      {"responsibility", "", "Văn phòng có trách nhiệm thường xuyên theo dõi, đôn đốc các phòng, công chức, người lao động trong Ban triển khai thực hiện phong trào thi đua; tham mưu sơ kết và tổng kết phong trào thi đua và gửi báo cáo theo quy định.", "", "", "", "", {"VP"}},
      {"recipient", "", "UBND tỉnh", "", "", "", "", {}},
      {"recipient", "", "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ", "", "", "", "", {}},
      {"recipient", "", "Khối thi đua các cơ quan TMTH", "", "", "", "", {}},
      {"recipient", "", "Lãnh đạo Ban", "", "", "", "", {}},
      {"recipient", "", "Các phòng chuyên môn", "", "", "", "", {}},
      {"recipient", "", "Lưu: VT, TĐKT", "", "", "", "", {}},
  };
  return items;
}

}  // namespace

services::MovementInput seed_plan_header() {
  services::MovementInput in;
  in.title = "Cả nước chung sức xây dựng nông thôn mới";
  in.kind = "thematic";
  in.level = "province";
  in.period_from = "2021";
  in.period_to = "2025";
  in.summary = "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025";
  in.header_parent = "UBND TỈNH CAO BẰNG";
  in.header_name = "BAN DÂN TỘC";
  in.doc_number = "";
  in.doc_symbol = "KH-BDT";
  in.place = "Cao Bằng";
  in.doc_date = "30/09/2022";
  in.preamble = "Ban Dân tộc tỉnh Cao Bằng ban hành Kế hoạch thực hiện Phong trào thi đua \"Cả nước chung sức xây dựng nông thôn mới\" giai đoạn 2021 - 2025 (sau đây gọi tắt là Phong trào thi đua) với các nội dung, như sau:";
  in.closing = "Trên đây là Kế hoạch thực hiện phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025 của Ban Dân tộc tỉnh Cao Bằng./.";
  in.signer_mark = "KT. TRƯỞNG BAN";
  in.signer_title = "PHÓ TRƯỞNG BAN";
  in.signer_name = "Hà Văn Vui";
  return in;
}

Result<Movement> load_seed_plan(services::MovementService& movements, const Principal& actor, std::int64_t agency_id,
                                const std::map<std::string, std::int64_t>& unit_ids) {
  auto m = movements.create(actor, agency_id, seed_plan_header());
  if (!m) return fail(m.error());
  std::int64_t version = m->version;
  for (const auto& i : seed_items()) {
    services::PlanItemInput in{i.section, i.label, i.body, i.ref_number, i.ref_date, i.issuer, i.code, {}};
    for (const char* code : i.units) in.unit_ids.push_back(std::to_string(unit_ids.at(code)));
    auto v = movements.add_item(actor, m->id, version, in);
    if (!v) return fail(v.error());
    version = *v;
  }
  Movement out = *m;
  out.version = version;
  return out;
}

}  // namespace thidua::cli
