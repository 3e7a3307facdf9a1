// The communes of the province (catalogue with history) and the communes each agency is
// assigned to support.
//
// About --communes communes (2,000 by default) in the ten districts of Cao Bằng: a few wards
// (phường) in the city, a township (thị trấn) per district, the rest communes (xã), named as
// communes there are (Quang Trung, Hưng Đạo, Ca Thành, Lũng Nặm…) and, past the list, from the
// syllables such names are made of. Codes are five digits, as administrative codes are.
// On 2025-07-01 districts end (every commune's name carries on without one, a new version) and
// about one commune in seven is merged into a neighbour of its district, which sometimes takes
// a new name; lineage rows say so, with the deciding resolution.
// Each agency supports about four communes (Decision 1177/QĐ-UBND of 2022-09-12 style), with
// one or two contact people; assignments of merged communes end on the merger and carry on
// with the commune they were merged into.

#include <algorithm>
#include <cstdio>
#include <set>

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

constexpr const char* kDistricts[] = {"Thành phố Cao Bằng", "Huyện Bảo Lâm",    "Huyện Bảo Lạc",    "Huyện Hà Quảng",
                                      "Huyện Trùng Khánh", "Huyện Hạ Lang",    "Huyện Quảng Hòa",  "Huyện Hòa An",
                                      "Huyện Nguyên Bình", "Huyện Thạch An"};
constexpr const char* kMerger = "2025-07-01";
constexpr const char* kMergerRef = "1657/NQ-UBTVQH15";
/// A name whose start is not known (the catalogue's convention, domain/commune.hpp).
constexpr const char* kUnknownSince = "1900-01-01";

// Names communes of the province have, or had.
constexpr const char* kNames[] = {
    "Quang Trung",  "Vĩnh Quang",  "Hưng Đạo",    "Chu Trinh",   "Lê Chung",    "Nam Tuấn",    "Đức Long",
    "Dân Chủ",      "Bạch Đằng",   "Nguyễn Huệ",  "Trương Lương", "Hồng Việt",  "Hoàng Tung",  "Bế Triều",
    "Đại Tiến",     "Ngũ Lão",     "Ca Thành",    "Phan Thanh",  "Mai Long",    "Hoa Thám",    "Quang Thành",
    "Tam Kim",      "Thành Công",  "Vũ Minh",     "Triệu Nguyên", "Yên Lạc",    "Minh Tâm",    "Thể Dục",
    "Tĩnh Túc",     "Minh Khai",   "Thái Học",    "Lý Bôn",      "Vĩnh Phong",  "Nam Cao",     "Mông Ân",
    "Thái Sơn",     "Quảng Lâm",   "Thạch Lâm",   "Nam Quang",   "Đức Hạnh",    "Yên Thổ",     "Lý Quốc",
    "Cô Ba",        "Khánh Xuân",  "Xuân Trường", "Hưng Thịnh",  "Hồng Trị",    "Bảo Toàn",    "Sơn Lộ",
    "Sơn Lập",      "Cốc Pàng",    "Thượng Hà",   "Đình Phùng",  "Huy Giáp",    "Kim Cúc",     "Hồng An",
    "Trường Hà",    "Quý Quân",    "Lũng Nặm",    "Kéo Yên",     "Vân An",      "Cải Viên",    "Nội Thôn",
    "Tổng Cọt",     "Sóc Hà",      "Thượng Thôn", "Hồng Sỹ",     "Sĩ Hai",      "Mã Ba",       "Phù Ngọc",
    "Đào Ngạn",     "Hạ Thôn",     "Nà Sác",      "Lương Can",   "Lương Thông", "Đa Thông",    "Ngọc Động",
    "Yên Sơn",      "Cần Yên",     "Cần Nông",    "Thanh Long",  "Ngọc Khê",    "Phong Châu",  "Đình Minh",
    "Cảnh Tiên",    "Đức Hồng",    "Đàm Thủy",    "Chí Viễn",    "Khâm Thành",  "Lăng Hiếu",   "Ngọc Côn",
    "Phong Nậm",    "Trung Phúc",  "Thông Huề",   "Cao Chương",  "Quang Hán",   "Quang Vinh",  "Xuân Nội",
    "Thị Hoa",      "Thắng Lợi",   "Cô Ngân",     "Minh Long",   "Đồng Loan",   "Đức Quang",   "Kim Loan",
    "Quang Long",   "An Lạc",      "Thanh Nhật",  "Vinh Quý",    "Phúc Sen",    "Chí Thảo",    "Tự Do",
    "Hồng Quang",   "Hạnh Phúc",   "Cai Bộ",      "Phi Hải",     "Quảng Hưng",  "Độc Lập",     "Cách Linh",
    "Đại Sơn",      "Tiên Thành",  "Hòa Thuận",   "Mỹ Hưng",     "Bế Văn Đàn",  "Quốc Toản",   "Quốc Dân",
    "Thái Cường",   "Canh Tân",    "Kim Đồng",    "Đức Thông",   "Thụy Hùng",   "Lê Lai",      "Đức Xuân",
    "Trọng Con",    "Lê Lợi",      "Thị Ngân",    "Vân Trình",   "Đông Khê",    "Thượng Thôn", "Bình Lãng",
    "Hà Trì",       "Hồng Nam",    "Bình Long",   "Nam Tuấn",    "Đoài Dương",  "Hưng Đạo",    "Xuân Hòa",
};
// Syllables such names are made of, for the communes past the list.
constexpr const char* kFirst[] = {"Quang", "Hưng", "Minh", "Đức", "Vĩnh", "Hồng", "Thanh", "Kim",   "Ngọc", "Phúc",
                                  "Yên",   "Xuân", "Thái", "Bình", "Đại", "Trung", "Nam",  "Đông", "Tân",  "Lũng",
                                  "Nà",    "Cốc",  "Bản",  "Phong", "Thượng", "Hạ",  "Cao",  "Vân",  "Chí",  "Sơn"};
constexpr const char* kSecond[] = {"Thành", "Long", "Khai", "Tiến", "Lợi", "Phong", "Hòa",  "Sơn", "Lâm",  "Thịnh",
                                   "Quang", "Việt", "Tâm",  "Xuân", "An",  "Trường", "Hưng", "Nặm", "Pàng", "Giàng",
                                   "Thông", "Động", "Khê",  "Lạc",  "Tuấn", "Minh",  "Vinh",  "Hà",  "Trì",  "Cường"};

/// `n` names for one district, distinct, from the list first (in a shuffled order), then made up.
std::vector<std::string> district_names(Rng& rng, std::size_t n) {
  std::vector<std::string> pool(std::begin(kNames), std::end(kNames));
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  rng.shuffle(pool);
  std::set<std::string> used(pool.begin(), pool.end());
  std::vector<std::string> made;
  for (const char* a : kFirst) {
    for (const char* b : kSecond) {
      std::string name = std::string(a) + " " + b;
      if (!used.count(name)) made.push_back(name);
    }
  }
  rng.shuffle(made);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i < pool.size() / 2) {
      out.push_back(pool[i]);  // half the list per district: the other districts share the rest
    } else {
      const std::size_t k = i - pool.size() / 2;
      out.push_back(k < made.size() ? made[k] : made[k % made.size()] + " " + std::to_string(k / made.size() + 1));
    }
  }
  return out;
}

}  // namespace

TableGroup generate_communes(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table commune("commune", {{"id", ColumnType::integer},
                            {"code", ColumnType::text},
                            {"province", ColumnType::text},
                            {"status", ColumnType::text},
                            {"created_at", ColumnType::text},
                            {"version", ColumnType::integer}});
  Table version("commune_version", {{"id", ColumnType::integer},
                                    {"commune_id", ColumnType::integer},
                                    {"name", ColumnType::text},
                                    {"kind", ColumnType::text},
                                    {"district", ColumnType::text},
                                    {"valid_from", ColumnType::text},
                                    {"valid_to", ColumnType::text}});
  Table lineage("commune_lineage", {{"id", ColumnType::integer},
                                    {"from_id", ColumnType::integer},
                                    {"to_id", ColumnType::integer},
                                    {"event", ColumnType::text},
                                    {"effective_date", ColumnType::text},
                                    {"decision_ref", ColumnType::text},
                                    {"note", ColumnType::text},
                                    {"created_at", ColumnType::text}});
  Table klass("commune_class", {{"id", ColumnType::integer},
                                {"commune_id", ColumnType::integer},
                                {"scheme", ColumnType::text},
                                {"value", ColumnType::text},
                                {"valid_from", ColumnType::text},
                                {"valid_to", ColumnType::text},
                                {"note", ColumnType::text}});
  Table assignment("commune_assignment", {{"id", ColumnType::integer},
                                          {"agency_id", ColumnType::integer},
                                          {"commune_id", ColumnType::integer},
                                          {"decision_ref", ColumnType::text},
                                          {"decision_date", ColumnType::text},
                                          {"target_level", ColumnType::text},
                                          {"target_year", ColumnType::integer},
                                          {"valid_from", ColumnType::text},
                                          {"valid_to", ColumnType::text},
                                          {"note", ColumnType::text},
                                          {"created_by", ColumnType::integer},
                                          {"created_at", ColumnType::text},
                                          {"version", ColumnType::integer}});
  Table contact("commune_assignment_contact",
                {{"assignment_id", ColumnType::integer}, {"person_id", ColumnType::integer}, {"role", ColumnType::text}},
                /*has_id=*/false);

  // The catalogue: every district gets its share; the city has wards, each district a township.
  auto& communes = ctx.data.communes;
  const std::size_t n = static_cast<std::size_t>(std::max(ctx.options.communes, 10));
  const std::size_t per = n / std::size(kDistricts);
  int code = 1000;
  std::vector<std::vector<std::size_t>> by_district(std::size(kDistricts));
  std::vector<const char*> kinds;
  for (std::size_t d = 0; d < std::size(kDistricts); ++d) {
    const std::size_t count = per + (d < n % std::size(kDistricts) ? 1 : 0);
    const auto names = district_names(rng, count);
    for (std::size_t i = 0; i < count; ++i) {
      GenCommune c;
      c.id = ctx.ids.next("commune");
      code += rng.between(1, 4);  // administrative codes leave gaps
      char buf[16];
      std::snprintf(buf, sizeof buf, "%05d", code);
      c.code = buf;
      c.name = names[i];
      c.district = kDistricts[d];
      c.zone = 1 + static_cast<int>(rng.weighted({20, 35, 45}));
      c.recognised_earlier = c.zone == 1 && rng.chance(300);
      kinds.push_back(d == 0 && i < 8 ? "phuong" : i == (d == 0 ? 8u : 0u) ? "thi_tran" : "xa");
      by_district[d].push_back(communes.size());
      communes.push_back(std::move(c));
    }
  }
  // 2025-07-01: about one in seven communes merged into a neighbour of its district, which
  // sometimes takes both names.
  for (auto& list : by_district) {
    std::vector<std::size_t> order = list;
    rng.shuffle(order);
    std::set<std::size_t> taken;
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
      const std::size_t from = order[k], into = order[k + 1];
      if (taken.count(from) || taken.count(into) || !rng.chance(280)) continue;
      communes[from].merged = true;
      communes[from].into = into;
      taken.insert(from);
      taken.insert(into);
      if (rng.chance(300)) communes[into].new_name = communes[into].name + " - " + communes[from].name;
    }
  }
  // Rows: every name (with its district) holds until 2025-07-01; the communes that remain carry
  // on from then without a district.
  for (std::size_t i = 0; i < communes.size(); ++i) {
    const auto& c = communes[i];
    commune.add({c.id, c.code, "Cao Bằng", c.merged ? "merged" : "active", at, std::int64_t{c.merged ? 2 : 1}});
    version.add({ctx.ids.next("commune_version"), c.id, c.name, kinds[i], c.district, kUnknownSince, kMerger});
    klass.add({ctx.ids.next("commune_class"), c.id, "difficult_area",
               c.zone == 1 ? "zone_i" : c.zone == 2 ? "zone_ii" : "zone_iii", "2021-06-04", kNull,
               "Quyết định 861/QĐ-TTg"});
  }
  for (std::size_t i = 0; i < communes.size(); ++i) {
    const auto& c = communes[i];
    if (c.merged) {
      lineage.add({ctx.ids.next("commune_lineage"), c.id, communes[c.into].id, "merged", kMerger, kMergerRef,
                   "Sắp xếp đơn vị hành chính cấp xã năm 2025", at});
      continue;
    }
    version.add({ctx.ids.next("commune_version"), c.id, c.new_name.empty() ? c.name : c.new_name, kinds[i], "",
                 kMerger, kNull});
    if (!c.new_name.empty()) {
      lineage.add({ctx.ids.next("commune_lineage"), c.id, c.id, "renamed", kMerger, kMergerRef,
                   "Đổi tên khi sắp xếp đơn vị hành chính", at});
    }
  }

  // Assignments: about four communes per agency, not yet new-rural, none twice; contacts from
  // the agency's unit heads and staff.
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < communes.size(); ++i) {
    if (!communes[i].recognised_earlier && communes[i].zone > 1) free.push_back(i);
  }
  rng.shuffle(free);
  std::size_t next = 0;
  const auto& people = ctx.data.people;
  for (auto& a : ctx.data.agencies) {
    const int k = std::clamp(static_cast<int>(rng.weighted({0, 0, 10, 25, 45, 15, 5})), 2, 6);
    std::vector<std::size_t> contacts;
    for (std::size_t p : a.people) {
      if (people[p].status == PersonStatus::active && people[p].rank != Rank::head) contacts.push_back(p);
    }
    for (int j = 0; j < k && next < free.size(); ++j) {
      const std::size_t ci = free[next++];
      a.communes.push_back(ci);
      const auto& c = communes[ci];
      const char* level = c.zone == 3 ? "ntm" : rng.chance(700) ? "ntm" : rng.chance(700) ? "ntm_advanced" : "ntm_model";
      const int target_year = rng.between(2023, 2025);
      auto add_assignment = [&](std::int64_t commune_id, const std::string& from, const Value& to, const std::string& note) {
        const std::int64_t id = ctx.ids.next("commune_assignment");
        assignment.add({id, a.id, commune_id, "1177/QĐ-UBND", "2022-09-12", level, std::int64_t{target_year}, from, to,
                        note, a.office_user ? Value{a.office_user} : kNull, at, std::int64_t{1}});
        if (!contacts.empty()) {
          std::set<std::size_t> chosen;
          const int m = rng.between(1, 2);
          for (int x = 0; x < m; ++x) chosen.insert(contacts[rng.below(contacts.size())]);
          bool first = true;
          for (std::size_t p : chosen) {
            contact.add({id, people[p].id, first ? "Tổ trưởng tổ công tác" : "Thành viên"});
            first = false;
          }
        }
      };
      if (!c.merged) {
        add_assignment(c.id, "2022-09-12", kNull, "");
        continue;
      }
      add_assignment(c.id, "2022-09-12", Value{std::string(kMerger)}, "");
      const auto& into = communes[c.into];
      const bool theirs_already = std::find(a.communes.begin(), a.communes.end(), c.into) != a.communes.end();
      if (!theirs_already) {
        add_assignment(into.id, kMerger, kNull, "Tiếp nối phân công xã " + c.name + " (sáp nhập từ 01/07/2025)");
        a.communes.push_back(c.into);
      }
    }
  }
  return {"communes",
          {std::move(commune), std::move(version), std::move(lineage), std::move(klass), std::move(assignment),
           std::move(contact)}};
}

}  // namespace thidua::gen
