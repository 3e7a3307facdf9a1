// What units and people did for their agency's movement, 2021–2025 (--achievements, a million
// by default), spread over the agencies by head count and rising year by year as the movement
// took hold. The mix: propaganda sessions (~38%), resources mobilised (~18%: cash with a long
// tail — most a few hundred thousand to a few million đồng, a rare few billion — goods,
// workdays, land), support visits to the supported communes (~16%), role models (~6%),
// initiatives from the register (~4%), other (~18%). Roughly 30% are tied to a supported
// commune (a merged commune's work from 2025-07-01 goes to the commune it was merged into).
// Up to 2024 almost all are verified by the Office; 2025 still has records waiting, sent
// back and drafts. Each keeps the event that brought it to its status.
//
// A million rows do not fit in memory as Values at once, so they are emitted in chunks, each
// loaded in its own transaction. The unit and the commune with the most records are noted for
// the summary: the benchmarks' pages.

#include <algorithm>
#include <map>

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

constexpr std::size_t kChunk = 50'000;

Table achievement_table() {
  return Table("achievement", {{"id", ColumnType::integer},           {"agency_id", ColumnType::integer},
                               {"movement_id", ColumnType::integer},  {"item_id", ColumnType::integer},
                               {"subject_kind", ColumnType::text},    {"unit_id", ColumnType::integer},
                               {"person_id", ColumnType::integer},    {"kind", ColumnType::text},
                               {"year", ColumnType::integer},         {"occurred_on", ColumnType::text},
                               {"title", ColumnType::text},           {"place", ColumnType::text},
                               {"commune_id", ColumnType::integer},   {"audience", ColumnType::text},
                               {"sessions", ColumnType::integer},     {"participants", ColumnType::integer},
                               {"cash_vnd", ColumnType::integer},     {"goods_vnd", ColumnType::integer},
                               {"goods_note", ColumnType::text},      {"workdays", ColumnType::integer},
                               {"land_m2", ColumnType::integer},      {"donor_kind", ColumnType::text},
                               {"donor_name", ColumnType::text},      {"donor_scope", ColumnType::text},
                               {"model_kind", ColumnType::text},      {"model_name", ColumnType::text},
                               {"initiative_id", ColumnType::integer}, {"status", ColumnType::text},
                               {"last_comment", ColumnType::text},    {"submitted_at", ColumnType::text},
                               {"verified_by", ColumnType::integer},  {"verified_at", ColumnType::text},
                               {"created_by", ColumnType::integer},   {"created_at", ColumnType::text},
                               {"updated_at", ColumnType::text},      {"version", ColumnType::integer}});
}

Table event_table() {
  return Table("achievement_event", {{"id", ColumnType::integer},
                                     {"achievement_id", ColumnType::integer},
                                     {"event", ColumnType::text},
                                     {"comment", ColumnType::text},
                                     {"actor_id", ColumnType::integer},
                                     {"at", ColumnType::text}});
}

/// Money mobilised, đồng: log-uniform over 200 thousand – 20 million, one in fifty ten to a
/// hundred times more (an enterprise's road), rounded to the thousand.
std::int64_t money(Rng& rng) {
  // 10^(5.3 + 2u) by integer steps: 2,000 steps over two decades.
  const int step = rng.between(0, 1999);
  double v = 200'000.0;
  for (int i = 0; i < step / 100; ++i) v *= 1.2589254117941673;  // 10^0.1
  v *= 1.0 + (step % 100) * 0.0023;
  if (rng.chance(20)) v *= rng.between(10, 100);
  return static_cast<std::int64_t>(v / 1000) * 1000;
}

constexpr const char* kAudience[] = {"Cán bộ, đảng viên và nhân dân", "Hội viên phụ nữ", "Đoàn viên thanh niên",
                                     "Người có uy tín trong đồng bào dân tộc thiểu số", "Học sinh và phụ huynh",
                                     "Hội viên nông dân"};
constexpr const char* kTopic[] = {"xây dựng nông thôn mới", "chính sách dân tộc", "phòng, chống dịch bệnh",
                                  "bảo vệ môi trường", "phổ biến pháp luật", "an toàn giao thông"};
constexpr const char* kDonors[] = {"Công ty Cổ phần Xi măng Cao Bằng", "Ngân hàng Nông nghiệp chi nhánh Cao Bằng",
                                   "Công ty TNHH Khoáng sản Hà Quảng", "Hội Doanh nghiệp tỉnh Cao Bằng",
                                   "Quỹ Vì người nghèo tỉnh", "Công đoàn cơ quan"};
constexpr const char* kWork[] = {"làm đường bê tông xóm", "sửa nhà văn hóa xóm", "xây nhà vệ sinh cho hộ nghèo",
                                 "trồng cây xanh", "dọn vệ sinh đường làng", "xóa nhà tạm cho hộ nghèo"};
constexpr const char* kOther[] = {"Tham gia hội thi tìm hiểu về xây dựng nông thôn mới",
                                  "Viết bài về gương người tốt việc tốt", "Tham gia ngày hội đại đoàn kết toàn dân tộc",
                                  "Hướng dẫn hộ gia đình làm hồ sơ vay vốn", "Tặng quà học sinh nghèo vượt khó"};

}  // namespace

Summary generate_achievements(Context& ctx, Rng& rng, const Emit& emit) {
  auto& agencies = ctx.data.agencies;
  const auto& people = ctx.data.people;
  const auto& communes = ctx.data.communes;
  std::int64_t total_people = 0;
  for (const auto& a : agencies) total_people += static_cast<std::int64_t>(a.people.size());
  const std::int64_t wanted = ctx.options.achievements;
  // Weights of the draws made for every record, built once.
  const std::vector<int> year_weight(std::begin(kYearShare), std::end(kYearShare)), kind_weight{38, 18, 16, 6, 4, 18},
      resource_weight{55, 20, 20, 5}, fate_until_2024{920, 20, 10, 20, 30}, fate_2025{700, 150, 40, 80, 30};

  Table ach = achievement_table(), ev = event_table();
  std::map<std::int64_t, std::int64_t> per_unit, per_commune;
  std::map<std::int64_t, std::size_t> unit_agency;
  std::int64_t made = 0;
  std::int64_t owed = 0;  // carries the rounding of each agency's share to the next

  for (std::size_t ai = 0; ai < agencies.size(); ++ai) {
    const GenAgency& a = agencies[ai];
    if (a.content_items.size() < 5 || a.people.empty()) continue;
    owed += wanted * static_cast<std::int64_t>(a.people.size());
    const std::int64_t share = owed / std::max<std::int64_t>(total_people, 1);
    owed %= std::max<std::int64_t>(total_people, 1);
    std::vector<std::size_t> active;
    for (std::size_t p : a.people) {
      if (people[p].status == PersonStatus::active) active.push_back(p);
    }
    if (active.empty()) active = a.people;
    std::vector<int> unit_weight;
    for (const auto& u : a.units) unit_weight.push_back(achievement_unit_weight(u.kind));
    for (const auto& u : a.units) unit_agency[u.id] = ai;
    const Value office = a.office_user ? Value{a.office_user} : kNull;

    for (std::int64_t n = 0; n < share; ++n) {
      const int year = 2021 + static_cast<int>(rng.weighted(year_weight));
      const std::string on = random_date(rng, year);
      const bool by_unit = rng.chance(350);
      const std::size_t pi = active[rng.below(active.size())];
      const std::int64_t unit = by_unit ? a.units[rng.weighted(unit_weight)].id : a.units[people[pi].unit].id;
      const std::size_t kind = rng.weighted(kind_weight);
      static constexpr const char* kKinds[] = {"propaganda", "resource", "support_visit", "role_model", "initiative", "other"};
      static constexpr std::size_t kItem[] = {1, 2, 3, 1, 4, 0};

      // The commune: every visit, a quarter of the rest (when the agency supports any).
      Value commune = kNull;
      std::string commune_name;
      if (!a.communes.empty() && (kind == 2 || rng.chance(160))) {
        std::size_t ci = a.communes[rng.below(a.communes.size())];
        if (communes[ci].merged && on >= "2025-07-01") ci = communes[ci].into;
        commune = Value{communes[ci].id};
        commune_name = on >= "2025-07-01" && !communes[ci].new_name.empty() ? communes[ci].new_name : communes[ci].name;
        ++per_commune[communes[ci].id];
      }
      const std::string at_commune = commune_name.empty() ? "" : " tại xã " + commune_name;

      std::string title, place = commune_name.empty() ? "" : "Xã " + commune_name, audience, goods_note, donor_name,
                         model_name;
      Value sessions = kNull, participants = kNull, cash = kNull, goods = kNull, workdays = kNull, land = kNull;
      Value donor_kind = kNull, donor_scope = kNull, model_kind = kNull, initiative = kNull;
      switch (kind) {
        case 0: {
          const char* topic = kTopic[rng.below(std::size(kTopic))];
          title = std::string("Tuyên truyền về ") + topic + at_commune;
          audience = kAudience[rng.below(std::size(kAudience))];
          sessions = std::int64_t{rng.chance(800) ? 1 : rng.between(2, 6)};
          participants = std::int64_t{rng.chance(900) ? rng.between(15, 150) : rng.between(150, 1200)};
          break;
        }
        case 1: {
          const std::size_t what = rng.weighted(resource_weight);
          const std::size_t donor = rng.below(std::size(kDonors));
          donor_kind = Value{std::string(donor < 3 ? "enterprise" : donor < 5 ? "organisation" : "agency")};
          donor_name = kDonors[donor];
          donor_scope = Value{std::string(rng.chance(850) ? "inside" : "outside")};
          if (what == 0) {
            cash = money(rng);
            title = "Vận động ủng hộ tiền xây dựng nông thôn mới" + at_commune;
          } else if (what == 1) {
            goods = money(rng);
            goods_note = "Xi măng, cây giống, vật tư";
            title = "Vận động ủng hộ hiện vật" + at_commune;
          } else if (what == 2) {
            workdays = std::int64_t{rng.chance(900) ? rng.between(1, 20) : rng.between(20, 300)};
            title = std::string("Huy động ngày công ") + kWork[rng.below(std::size(kWork))] + at_commune;
          } else {
            land = std::int64_t{rng.chance(900) ? rng.between(20, 500) : rng.between(500, 5000)};
            title = "Vận động hiến đất làm đường" + at_commune;
          }
          break;
        }
        case 2:
          title = "Thăm, làm việc, giúp xã rà soát tiêu chí nông thôn mới" + at_commune;
          if (rng.chance(300)) workdays = std::int64_t{rng.between(1, 10)};
          break;
        case 3:
        {
          const bool someone = rng.chance(600);
          model_kind = Value{std::string(someone ? "person" : "collective")};
          model_name = someone ? people[pi].full_name : "Tổ hợp tác chăn nuôi" + at_commune;
          title = "Phát hiện, giới thiệu điển hình tiên tiến: " + model_name;
          break;
        }
        case 4:
          title = "Áp dụng sáng kiến trong thực hiện nhiệm vụ" + at_commune;
          for (std::size_t gi : a.initiatives) {
            if (ctx.data.initiatives[gi].year <= year) {
              initiative = Value{ctx.data.initiatives[gi].id};
              if (rng.chance(500)) break;
            }
          }
          break;
        default:
          title = std::string(kOther[rng.below(std::size(kOther))]) + at_commune;
          break;
      }

      // Status: verified almost always up to 2024; 2025 still has work in the Office's queue.
      const std::size_t fate = rng.weighted(year < 2025 ? fate_until_2024 : fate_2025);
      static constexpr const char* kStatus[] = {"verified", "submitted", "returned", "draft", "withdrawn"};
      const std::int64_t author = by_unit || !people[pi].user_id ? a.office_user : people[pi].user_id;
      const std::string created = on + "T09:00:00Z";
      const std::string submitted = days_after(on, rng.between(0, 5)) + "T10:00:00Z";
      const std::string verified = days_after(submitted.substr(0, 10), rng.between(1, 20)) + "T03:00:00Z";
      const std::int64_t id = ctx.ids.next("achievement");
      ach.add({id, a.id, a.movement_id, a.content_items[kItem[kind]], by_unit ? "unit" : "person", unit,
               by_unit ? kNull : Value{people[pi].id}, kKinds[kind], std::int64_t{year}, on, title, place, commune,
               audience, sessions, participants, cash, goods, goods_note, workdays, land, donor_kind, donor_name,
               donor_scope, model_kind, model_name, initiative, kStatus[fate],
               fate == 2 ? "Đề nghị bổ sung ảnh, danh sách người tham dự." : "",
               fate == 3 ? kNull : Value{submitted}, fate == 0 ? office : kNull, fate == 0 ? Value{verified} : kNull,
               author ? Value{author} : kNull, created, fate == 0 ? verified : submitted,
               std::int64_t{fate == 0 ? 3 : fate == 3 ? 1 : 2}});
      static constexpr const char* kEvent[] = {"verified", "submitted", "returned", "created", "withdrawn"};
      ev.add({ctx.ids.next("achievement_event"), id, kEvent[fate],
              fate == 2 ? "Đề nghị bổ sung ảnh, danh sách người tham dự." : fate == 4 ? "Ghi trùng với bản ghi khác." : "",
              fate == 0 || fate == 2 ? office : (author ? Value{author} : kNull),
              fate == 0 ? verified : fate == 3 ? created : submitted});
      ++per_unit[unit];
      ++made;
      if (ach.rows() >= kChunk) {
        emit({"achievements", {std::move(ach), std::move(ev)}});
        ach = achievement_table();
        ev = event_table();
      }
    }
  }
  if (ach.rows() > 0) emit({"achievements", {std::move(ach), std::move(ev)}});

  // The unit and the commune with the most records: where the page benchmarks look.
  Summary s;
  auto top = [](const std::map<std::int64_t, std::int64_t>& m) {
    std::pair<std::int64_t, std::int64_t> best{0, -1};
    for (const auto& [id, n] : m) {
      if (n > best.second) best = {id, n};
    }
    return best;
  };
  const auto [unit_id, unit_n] = top(per_unit);
  // The commune: one still there after the 2025 mergers, with all its assessments.
  for (const auto& c : communes) {
    if (c.merged) per_commune.erase(c.id);
  }
  const auto [commune_id, commune_n] = top(per_commune);
  if (unit_n > 0) {
    const GenAgency& a = agencies[unit_agency[unit_id]];
    std::string name;
    for (const auto& u : a.units) {
      if (u.id == unit_id) name = u.name;
    }
    s.lines.push_back("bench unit: id " + std::to_string(unit_id) + " (" + name + ", " + a.code + " " + a.name + "), " +
                      std::to_string(unit_n) + " achievements; movement " + std::to_string(a.movement_id) +
                      "; sign in as " + lower_ascii(a.code) + ".vanphong");
  }
  for (const auto& a : agencies) {
    auto it = std::find_if(a.communes.begin(), a.communes.end(),
                           [&](std::size_t ci) { return commune_n > 0 && communes[ci].id == commune_id; });
    if (it == a.communes.end()) continue;
    const auto& c = communes[*it];
    s.lines.push_back("bench commune: id " + std::to_string(commune_id) + " (xã " +
                      (c.new_name.empty() ? c.name : c.new_name) + ", " + c.district + "), " +
                      std::to_string(commune_n) + " achievements, 10 assessments; supported by " + a.code +
                      "; sign in as " + lower_ascii(a.code) + ".vanphong");
    break;
  }
  s.lines.push_back("achievements: " + std::to_string(made));
  return s;
}

}  // namespace thidua::gen
