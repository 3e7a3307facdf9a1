#include "cli/demo_initiatives.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "services/auth_service.hpp"
#include "services/initiative_service.hpp"

// Initiatives of Ban Dân tộc as its register would hold them: propaganda in the ethnic
// minorities' own languages, reports put on a shared spreadsheet, a women's model in a
// supported commune (recognised by the province), a research topic on land for production,
// a petitions log of the Inspectorate waiting for recognition, and one a member of staff
// registered himself. Two of them already served as a basis: one for Chiến sĩ thi đua cơ sở
// 2024; one first for a CSTĐCS proposal the council did not pass (released), then for a
// Giấy khen. Decision numbers are illustrative, like the people. Written through the service
// by the Office on the dates it would have, so the histories read as real ones.

namespace thidua::cli {

namespace {

struct Author {
  const char* code;
  int share;
};

struct Recognition {
  const char* level;
  const char* body;
  const char* number;
  const char* date;  ///< dd/mm/yyyy
};

struct DemoInitiative {
  const char* registered;  ///< when the Office (or the author) wrote it down, ISO UTC
  const char* by;          ///< who registered it
  const char* kind;
  const char* title;
  const char* field;
  const char* summary;
  const char* applied;
  const char* scope;
  const char* effect;
  std::vector<Author> authors;
  std::optional<Recognition> recognised;  ///< recorded by the Office a few days after the decision
  const char* recognised_at;
  bool from_movement;
};

const std::vector<DemoInitiative>& initiatives() {
  static const std::vector<DemoInitiative> kList{
      {"2022-04-05T02:30:00Z", "vanphong", "initiative",
       "Tuyên truyền chính sách dân tộc bằng tiếng Tày, Nùng, Mông qua loa truyền thanh thôn, bản ở các xã đặc "
       "biệt khó khăn",
       "Công tác tuyên truyền",
       "Biên dịch nội dung chính sách hỗ trợ đồng bào dân tộc thiểu số sang tiếng Tày, Nùng, Mông; thu âm và gửi "
       "các xã phát trên loa truyền thanh thôn, bản vào buổi sáng và buổi tối, kèm tờ gấp song ngữ.",
       "01/03/2022", "24 xã đặc biệt khó khăn của các huyện Bảo Lâm, Hà Quảng, Nguyên Bình",
       "Hơn 18.000 lượt người dân được nghe; số hồ sơ đề nghị hỗ trợ nhà ở, nước sinh hoạt nộp đúng hạn tăng "
       "khoảng 30% so với năm 2021.",
       {{"BDT004", 50}, {"BDT006", 30}, {"BDT010", 20}},
       Recognition{"base", "Ban Dân tộc tỉnh Cao Bằng", "112/QĐ-BDT", "15/12/2022"}, "2022-12-19T03:00:00Z", true},
      {"2023-04-20T02:00:00Z", "vanphong", "initiative",
       "Số hóa quy trình tổng hợp báo cáo định kỳ công tác dân tộc trên bảng tính dùng chung với các huyện",
       "Cải cách hành chính, chuyển đổi số",
       "Thay các biểu mẫu báo cáo gửi bằng giấy bằng một bảng tính dùng chung có kiểm tra số liệu tự động; các "
       "phòng dân tộc cấp huyện cập nhật trực tiếp, Ban tổng hợp trong ngày.",
       "01/04/2023", "Ban Dân tộc và phòng Dân tộc 10 huyện, thành phố",
       "Thời gian tổng hợp báo cáo quý giảm từ 7 ngày xuống 2 ngày; sai sót số liệu giảm rõ rệt.",
       {{"BDT006", 70}, {"BDT009", 30}},
       Recognition{"base", "Ban Dân tộc tỉnh Cao Bằng", "98/QĐ-BDT", "20/11/2023"}, "2023-11-23T02:00:00Z", true},
      {"2024-03-12T03:00:00Z", "vanphong", "initiative",
       "Mô hình “Chi hội phụ nữ dân tộc thiểu số giúp nhau phát triển kinh tế” gắn với xây dựng nông thôn mới ở "
       "xã Ca Thành, huyện Nguyên Bình",
       "Xây dựng nông thôn mới",
       "Ban hướng dẫn các chi hội phụ nữ ở xóm lập tổ góp vốn xoay vòng, nuôi lợn đen, trồng dong riềng; cán bộ "
       "Ban phụ trách xã theo dõi, kết nối tiêu thụ sản phẩm.",
       "01/05/2023", "6 xóm của xã Ca Thành; đã nhân rộng ra 3 xã của huyện Nguyên Bình",
       "42 hộ thoát nghèo trong 2 năm; xã đạt thêm tiêu chí 10 (thu nhập) và 13 (tổ chức sản xuất).",
       {{"BDT005", 60}, {"BDT003", 40}},
       Recognition{"province", "UBND tỉnh Cao Bằng", "2150/QĐ-UBND", "27/12/2024"}, "2025-01-06T02:00:00Z", true},
      {"2024-07-01T02:00:00Z", "vanphong", "research_topic",
       "Thực trạng và giải pháp nâng cao hiệu quả chính sách hỗ trợ đất sản xuất cho đồng bào dân tộc thiểu số "
       "tỉnh Cao Bằng giai đoạn 2021 - 2025",
       "Chính sách dân tộc",
       "Khảo sát 600 hộ ở 12 xã về nhu cầu và việc sử dụng đất sản xuất được hỗ trợ; đề xuất chuyển hỗ trợ đất "
       "sang hỗ trợ chuyển đổi nghề ở nơi không còn quỹ đất.",
       "01/06/2024", "Tham mưu sửa đổi kế hoạch thực hiện Chương trình mục tiêu quốc gia 1719 của tỉnh",
       "Đề xuất được UBND tỉnh tiếp thu khi điều chỉnh kế hoạch năm 2025.",
       {{"BDT002", 40}, {"BDT004", 30}, {"BDT010", 30}},
       Recognition{"base", "Ban Dân tộc tỉnh Cao Bằng", "87/QĐ-BDT", "10/12/2024"}, "2024-12-12T02:00:00Z", false},
      {"2025-03-03T02:00:00Z", "vanphong", "initiative",
       "Sổ theo dõi điện tử việc tiếp nhận, xử lý đơn thư, kiến nghị của đồng bào dân tộc thiểu số",
       "Thanh tra, giải quyết khiếu nại, tố cáo",
       "Mỗi đơn thư được ghi một dòng với hạn xử lý và người phụ trách; Thanh tra Ban nhắc việc hằng tuần.",
       "15/02/2025", "Thanh tra Ban và Văn phòng", "Không còn đơn thư quá hạn xử lý trong 6 tháng đầu năm 2025.",
       {{"BDT008", 50}, {"BDT012", 50}}, std::nullopt, nullptr, false},
      {"2025-06-16T07:30:00Z", "canbo", "initiative",
       "Bộ câu hỏi - đáp song ngữ Việt - Tày về chính sách hỗ trợ nhà ở, nước sinh hoạt cho hộ nghèo dân tộc "
       "thiểu số",
       "Công tác tuyên truyền",
       "60 câu hỏi - đáp ngắn, in thành sổ tay bỏ túi và đăng trên trang thông tin của Ban.",
       "02/06/2025", "Các xã Ban được phân công phụ trách", "", {{"BDT006", 100}}, std::nullopt, nullptr, true},
  };
  return kList;
}

/// A clock the demo moves by hand.
struct DemoClock {
  std::shared_ptr<TimePoint> now = std::make_shared<TimePoint>();
  Clock clock() const {
    auto n = now;
    return [n] { return *n; };
  }
  void at(const char* iso) { *now = *parse_iso(iso); }
};

}  // namespace

Result<void> load_demo_initiatives(app::Services& s, std::int64_t agency_id, std::int64_t movement_id) {
  DemoClock clock;
  services::InitiativeService service(s.db, clock.clock());
  auto op = services::operator_principal("demo");
  auto principal = [&](const char* login) -> Result<Principal> {
    auto u = s.users->get_user(op, login);
    if (!u) return fail(u.error());
    return s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  };
  auto office = principal("vanphong");
  if (!office) return fail(office.error());
  std::vector<Initiative> made;
  for (const auto& d : initiatives()) {
    auto by = principal(d.by);
    if (!by) return fail(by.error());
    services::InitiativeInput in;
    in.kind = d.kind;
    in.title = d.title;
    in.field = d.field;
    in.summary = d.summary;
    in.applied_from = d.applied;
    in.scope = d.scope;
    in.effect = d.effect;
    if (d.from_movement) in.movement_id = std::to_string(movement_id);
    for (const auto& a : d.authors) in.authors.push_back({"", a.code, std::to_string(a.share)});
    clock.at(d.registered);
    auto i = service.create(*by, agency_id, in);
    if (!i) return fail(i.error());
    if (d.recognised) {
      // The Office records the decision once it arrives.
      in.recognition_level = d.recognised->level;
      in.recognition_body = d.recognised->body;
      in.recognition_number = d.recognised->number;
      in.recognition_date = d.recognised->date;
      clock.at(d.recognised_at);
      auto r = service.update(*office, i->id, i->version, in);
      if (!r) return fail(r.error());
      i = r;
    }
    made.push_back(*i);
  }
  auto author = [&](const Initiative& i, const char* code) -> std::optional<std::int64_t> {
    for (const auto& a : i.authors) {
      if (a.code == code) return a.person_id;
    }
    return std::nullopt;
  };
  auto use = [&](const char* at, const Initiative& i, const char* code, BasisKind kind, const char* ref, int year,
                 const char* note) -> Result<InitiativeUse> {
    clock.at(at);
    return s.db->write([&](storage::Tx& tx) {
      return service.record_use(tx, *office, i.id, author(i, code), kind, ref, year, note);
    });
  };
  // The 2023 proposal of Lương Văn Thành for CSTĐCS rested on the first initiative; the council
  // did not reach 80%, the use was released, and it then supported his Giấy khen of 2023.
  auto first = use("2023-11-28T02:00:00Z", made[0], "BDT004", BasisKind::title, "grassroots_fighter", 2023,
                   "Căn cứ đề nghị danh hiệu Chiến sĩ thi đua cơ sở năm 2023");
  if (!first) return fail(first.error());
  clock.at("2023-12-14T08:00:00Z");
  auto released = s.db->write([&](storage::Tx& tx) {
    return service.release_use(tx, *office, first->id,
                               "Hội đồng Thi đua - Khen thưởng không đề nghị (đạt 71% số phiếu, dưới 80%)");
  });
  if (!released) return fail(released.error());
  if (auto r = use("2023-12-15T02:00:00Z", made[0], "BDT004", BasisKind::form, "certificate_of_merit", 2023,
                   "Giấy khen của Trưởng ban năm 2023");
      !r) {
    return fail(r.error());
  }
  // Đàm Văn Đức's Chiến sĩ thi đua cơ sở 2024 rests on the reports spreadsheet.
  if (auto r = use("2024-12-02T02:00:00Z", made[1], "BDT006", BasisKind::title, "grassroots_fighter", 2024,
                   "Căn cứ xét tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2024");
      !r) {
    return fail(r.error());
  }
  return {};
}

}  // namespace thidua::cli
