// One movement per agency: its plan for "Cả nước chung sức xây dựng nông thôn mới" 2021–2025,
// launched in 2021 and reviewed at mid-term, with the plan's legal bases, five content items
// (what pledges and achievements are tied to), milestones and recipients.

#include <array>

#include "generators.hpp"
#include "text/utf8.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

struct ItemText {
  const char* section;
  const char* label;
  const char* body;
  const char* ref_number;
  const char* ref_date;
  const char* issuer;
  const char* code;
};

constexpr std::array<ItemText, 12> kItems{{
    {"legal_basis", "Nghị quyết", "về lãnh đạo thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025",
     "12-NQ/TU", "2022-06-09", "Ban chấp hành Đảng bộ tỉnh khoá XIX", ""},
    {"legal_basis", "Kế hoạch",
     "thực hiện Phong trào thi đua \"Cả nước chung sức xây dựng nông thôn mới\" giai đoạn 2021 - 2025 trên địa bàn "
     "tỉnh Cao Bằng",
     "2452/KH-UBND", "2022-09-26", "UBND tỉnh Cao Bằng", ""},
    {"content", "", "Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức thực hiện có hiệu quả Phong trào thi đua.",
     "", nullptr, "", ""},
    {"content", "",
     "Đẩy mạnh công tác tuyên truyền, vận động, tạo sự đồng thuận cao trong cán bộ, công chức, viên chức, người lao "
     "động để chung sức xây dựng nông thôn mới; biểu dương, nhân rộng các điển hình tiên tiến.",
     "", nullptr, "", ""},
    {"content", "",
     "Đẩy mạnh công tác vận động, huy động các doanh nghiệp, tổ chức, cá nhân trong và ngoài tỉnh tích cực tham gia, "
     "đóng góp trí tuệ, công sức, phát huy nội lực và đẩy mạnh xã hội hóa xây dựng nông thôn mới.",
     "", nullptr, "", ""},
    {"content", "",
     "Phụ trách, giúp đỡ các xã được phân công theo Quyết định số 1177/QĐ-UBND ngày 12/9/2022 của UBND tỉnh hoàn "
     "thành các tiêu chí nông thôn mới còn thiếu.",
     "", nullptr, "", ""},
    {"content", "",
     "Đổi mới, sáng tạo trong thực hiện nhiệm vụ chuyên môn; có sáng kiến, giải pháp hữu ích góp phần xây dựng nông "
     "thôn mới.",
     "", nullptr, "", ""},
    {"milestone", "Quý III năm 2021", "Xây dựng kế hoạch và phát động Phong trào thi đua.", "", "2021-09-30", "", "plan"},
    {"milestone", "Năm 2023", "Tổ chức sơ kết Phong trào thi đua; khen thưởng theo thẩm quyền.", "", "2023-12-31", "",
     "midterm"},
    {"milestone", "Năm 2025", "Tổ chức tổng kết Phong trào thi đua; khen thưởng theo thẩm quyền.", "", "2025-12-31", "",
     "final"},
    {"recipient", "", "UBND tỉnh; Ban Thi đua - Khen thưởng tỉnh, Sở Nội vụ", "", nullptr, "", ""},
    {"recipient", "", "Lưu: VT, TĐKT", "", nullptr, "", ""},
}};

}  // namespace

TableGroup generate_movements(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table movement("movement", {{"id", ColumnType::integer},         {"agency_id", ColumnType::integer},
                              {"title", ColumnType::text},         {"kind", ColumnType::text},
                              {"level", ColumnType::text},         {"period_from", ColumnType::text},
                              {"period_to", ColumnType::text},     {"summary", ColumnType::text},
                              {"header_parent", ColumnType::text}, {"header_name", ColumnType::text},
                              {"doc_number", ColumnType::text},    {"doc_symbol", ColumnType::text},
                              {"place", ColumnType::text},         {"doc_date", ColumnType::text},
                              {"preamble", ColumnType::text},      {"closing", ColumnType::text},
                              {"signer_mark", ColumnType::text},   {"signer_title", ColumnType::text},
                              {"signer_name", ColumnType::text},   {"status", ColumnType::text},
                              {"launched_by", ColumnType::integer}, {"launched_at", ColumnType::text},
                              {"created_at", ColumnType::text},    {"updated_at", ColumnType::text},
                              {"version", ColumnType::integer}});
  Table item("movement_item", {{"id", ColumnType::integer},
                               {"movement_id", ColumnType::integer},
                               {"section", ColumnType::text},
                               {"position", ColumnType::integer},
                               {"label", ColumnType::text},
                               {"body", ColumnType::text},
                               {"ref_number", ColumnType::text},
                               {"ref_date", ColumnType::text},
                               {"issuer", ColumnType::text},
                               {"code", ColumnType::text}});
  const std::string title = "Cả nước chung sức xây dựng nông thôn mới";
  for (auto& a : ctx.data.agencies) {
    a.movement_id = ctx.ids.next("movement");
    const int month = rng.between(3, 9);
    const std::string doc_date = date(2021, month, rng.between(10, 28));
    std::string head;
    for (std::size_t p : a.people) {
      if (ctx.data.people[p].rank == Rank::head) {
        head = ctx.data.people[p].full_name;
        break;
      }
    }
    movement.add({a.movement_id, a.id, title, "thematic", "province", "2021-01-01", "2025-12-31",
                  "Thực hiện Phong trào thi đua “" + title + "” giai đoạn 2021 - 2025", "UBND TỈNH CAO BẰNG",
                  text::upper_vi(a.name), std::to_string(rng.between(5, 120)), "KH-" + a.code, "Cao Bằng", doc_date,
                  a.name + " ban hành Kế hoạch thực hiện Phong trào thi đua “" + title +
                      "” giai đoạn 2021 - 2025 với các nội dung như sau:",
                  "Trên đây là Kế hoạch thực hiện Phong trào thi đua của " + a.name + "./.", "", "THỦ TRƯỞNG", head,
                  "midterm_reviewed", a.office_user ? Value{a.office_user} : kNull, doc_date + "T02:00:00Z", at, at,
                  std::int64_t{3}});
    std::int64_t position = 0;
    std::string section;
    for (const auto& t : kItems) {
      position = section == t.section ? position + 1 : 1;
      section = t.section;
      const std::int64_t id = ctx.ids.next("movement_item");
      item.add({id, a.movement_id, t.section, position, t.label, t.body, t.ref_number,
                t.ref_date ? Value{std::string(t.ref_date)} : kNull, t.issuer, t.code});
      if (section == "content") a.content_items.push_back(id);
    }
  }
  return {"movements", {std::move(movement), std::move(item)}};
}

}  // namespace thidua::gen
