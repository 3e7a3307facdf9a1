// Initiatives (sáng kiến) and research topics of the agencies, 2021–2025 (--initiatives, 3,000
// by default), spread over the agencies by head count: one to three authors of the agency with
// shares adding up to 100, a field, dates, and for most a recognition (base level by the
// agency, some by the province, a few nationally). About one in five recognised ones is already
// the basis of its first author's Chiến sĩ thi đua cơ sở; a few of those uses were released
// (the council did not pass the nomination) and used again for a Giấy khen.

#include <algorithm>

#include "generators.hpp"
#include "text/utf8.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

constexpr const char* kFields[] = {"Công tác chuyên môn", "Cải cách hành chính, chuyển đổi số", "Công tác tuyên truyền",
                                   "Xây dựng nông thôn mới", "Quản lý tài chính, tài sản", "Giáo dục - đào tạo",
                                   "Y tế, chăm sóc sức khỏe", "Nông nghiệp, lâm nghiệp"};
constexpr const char* kWhat[] = {"Ứng dụng phần mềm", "Giải pháp nâng cao hiệu quả", "Đổi mới phương pháp",
                                 "Số hóa quy trình", "Mô hình", "Biện pháp tăng cường", "Cách làm mới trong"};
constexpr const char* kAbout[] = {"tổng hợp báo cáo định kỳ", "tiếp nhận, xử lý văn bản đến",
                                  "tuyên truyền chính sách tại thôn, bản", "quản lý hồ sơ cán bộ",
                                  "giúp đỡ xã phụ trách xây dựng nông thôn mới", "huy động nguồn lực xã hội hóa",
                                  "theo dõi các tiêu chí nông thôn mới", "kiểm soát thủ tục hành chính",
                                  "phổ biến pháp luật cho đồng bào dân tộc thiểu số", "quản lý tài sản công"};

}  // namespace

TableGroup generate_initiatives(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table initiative("initiative", {{"id", ColumnType::integer},
                                  {"agency_id", ColumnType::integer},
                                  {"kind", ColumnType::text},
                                  {"title", ColumnType::text},
                                  {"title_key", ColumnType::text},
                                  {"field", ColumnType::text},
                                  {"summary", ColumnType::text},
                                  {"applied_from", ColumnType::text},
                                  {"scope", ColumnType::text},
                                  {"effect", ColumnType::text},
                                  {"recognition_level", ColumnType::text},
                                  {"recognition_body", ColumnType::text},
                                  {"recognition_number", ColumnType::text},
                                  {"recognition_date", ColumnType::text},
                                  {"movement_id", ColumnType::integer},
                                  {"status", ColumnType::text},
                                  {"created_by", ColumnType::integer},
                                  {"created_at", ColumnType::text},
                                  {"updated_at", ColumnType::text},
                                  {"version", ColumnType::integer}});
  Table author("initiative_author",
               {{"initiative_id", ColumnType::integer},
                {"person_id", ColumnType::integer},
                {"share_pct", ColumnType::integer},
                {"position", ColumnType::integer}},
               /*has_id=*/false);
  Table use("initiative_use", {{"id", ColumnType::integer},
                               {"initiative_id", ColumnType::integer},
                               {"person_id", ColumnType::integer},
                               {"basis_kind", ColumnType::text},
                               {"basis_ref", ColumnType::text},
                               {"year", ColumnType::integer},
                               {"note", ColumnType::text},
                               {"used_by", ColumnType::integer},
                               {"used_at", ColumnType::text},
                               {"released_by", ColumnType::integer},
                               {"released_at", ColumnType::text},
                               {"released_reason", ColumnType::text}});
  auto& agencies = ctx.data.agencies;
  const auto& people = ctx.data.people;
  std::vector<int> weights;
  for (const auto& a : agencies) weights.push_back(static_cast<int>(a.people.size()));
  int number = 0;
  for (int n = 0; n < ctx.options.initiatives; ++n) {
    const std::size_t ai = rng.weighted(weights);
    GenAgency& a = agencies[ai];
    std::vector<std::size_t> pool;
    for (std::size_t p : a.people) {
      if (people[p].status == PersonStatus::active) pool.push_back(p);
    }
    if (pool.empty()) continue;
    GenInitiative g;
    g.id = ctx.ids.next("initiative");
    g.agency = ai;
    g.year = rng.between(2021, 2025);
    const int k = std::min<int>(static_cast<int>(pool.size()), 1 + static_cast<int>(rng.weighted({50, 35, 15})));
    while (static_cast<int>(g.authors.size()) < k) {
      const std::size_t p = pool[rng.below(pool.size())];
      if (std::find(g.authors.begin(), g.authors.end(), p) == g.authors.end()) g.authors.push_back(p);
    }
    static constexpr int kShares[3][3] = {{100, 0, 0}, {60, 40, 0}, {50, 30, 20}};
    for (int i = 0; i < k; ++i) {
      author.add({g.id, people[g.authors[static_cast<std::size_t>(i)]].id, std::int64_t{kShares[k - 1][i]},
                  std::int64_t{i + 1}});
    }
    const bool topic = rng.chance(80);
    const char* what = kWhat[rng.below(std::size(kWhat))];
    const char* about = kAbout[rng.below(std::size(kAbout))];
    const std::string title = topic ? std::string("Nghiên cứu giải pháp ") + about + " tại " + a.name
                                    : std::string(what) + " " + about + " tại " + a.name;
    const std::string applied = random_date_in(rng, g.year, 1, 8);
    const std::size_t level = rng.weighted({29, 64, 6, 1});
    static constexpr const char* kLevel[] = {"none", "base", "province", "national"};
    const std::string body = level == 1 ? a.name : level == 2 ? "UBND tỉnh Cao Bằng" : "Bộ Khoa học và Công nghệ";
    const std::string decided = level == 0 ? "" : days_after(applied, rng.between(60, 150));
    const std::string ref = level == 0   ? ""
                            : level == 1 ? std::to_string(++number % 300 + 1) + "/QĐ-" + a.code
                            : level == 2 ? std::to_string(2000 + number % 900) + "/QĐ-UBND"
                                         : std::to_string(100 + number % 800) + "/QĐ-BKHCN";
    initiative.add({g.id, a.id, topic ? "research_topic" : "initiative", title, text::fold(title),
                    kFields[rng.below(std::size(kFields))], "", applied, "Trong cơ quan và các đơn vị liên quan",
                    "Tiết kiệm thời gian, nâng cao chất lượng công việc", kLevel[level], level ? body : "", ref,
                    level ? Value{decided} : kNull, rng.chance(700) ? Value{a.movement_id} : kNull, "active",
                    a.office_user ? Value{a.office_user} : kNull, at, at, std::int64_t{level ? 2 : 1}});
    // Used as the basis of the first author's CSTĐCS of the year after; a few released and reused.
    if (level > 0 && g.year < 2025 && rng.chance(220)) {
      const std::int64_t person = people[g.authors.front()].id;
      const Value office = a.office_user ? Value{a.office_user} : kNull;
      const std::string used = date(g.year + 1, 11, rng.between(1, 28)) + "T02:00:00Z";
      if (rng.chance(100)) {
        use.add({ctx.ids.next("initiative_use"), g.id, person, "title", "grassroots_fighter", std::int64_t{g.year + 1},
                 "Căn cứ đề nghị danh hiệu Chiến sĩ thi đua cơ sở", office, used, office,
                 date(g.year + 1, 12, 10) + "T08:00:00Z", "Hội đồng TĐKT không đề nghị (dưới 80% số phiếu)"});
        use.add({ctx.ids.next("initiative_use"), g.id, person, "form", "certificate_of_merit", std::int64_t{g.year + 1},
                 "Giấy khen của Thủ trưởng cơ quan", office, date(g.year + 1, 12, 15) + "T02:00:00Z", kNull, kNull, ""});
      } else {
        use.add({ctx.ids.next("initiative_use"), g.id, person, "title", "grassroots_fighter", std::int64_t{g.year + 1},
                 "Căn cứ xét danh hiệu Chiến sĩ thi đua cơ sở", office, used, kNull, kNull, ""});
      }
    }
    a.initiatives.push_back(ctx.data.initiatives.size());
    ctx.data.initiatives.push_back(std::move(g));
  }
  return {"initiatives", {std::move(initiative), std::move(author), std::move(use)}};
}

}  // namespace thidua::gen
