// Pledges (đăng ký thi đua) 2021–2025 of every unit and every person still working, for their
// agency's movement: targets per content item (sessions, participants, money, workdays,
// commune tasks, initiatives) and the titles they aim for. Years up to 2024 are approved by the
// Office; in 2025 some still wait, were sent back with a comment, or are drafts. Each pledge
// keeps the event that brought it to its status.

#include <algorithm>
#include <cmath>

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

TableGroup generate_pledges(Context& ctx, Rng& rng) {
  Table window("pledge_window",
               {{"movement_id", ColumnType::integer},
                {"year", ColumnType::integer},
                {"deadline", ColumnType::text},
                {"set_by", ColumnType::integer},
                {"set_at", ColumnType::text}},
               /*has_id=*/false);
  Table pledge("pledge", {{"id", ColumnType::integer},         {"agency_id", ColumnType::integer},
                          {"movement_id", ColumnType::integer}, {"year", ColumnType::integer},
                          {"subject_kind", ColumnType::text},   {"unit_id", ColumnType::integer},
                          {"person_id", ColumnType::integer},   {"subject_key", ColumnType::integer},
                          {"status", ColumnType::text},         {"note", ColumnType::text},
                          {"last_comment", ColumnType::text},   {"submitted_at", ColumnType::text},
                          {"decided_by", ColumnType::integer},  {"decided_at", ColumnType::text},
                          {"created_by", ColumnType::integer},  {"created_at", ColumnType::text},
                          {"updated_at", ColumnType::text},     {"version", ColumnType::integer}});
  Table target("pledge_target", {{"id", ColumnType::integer},
                                 {"pledge_id", ColumnType::integer},
                                 {"item_id", ColumnType::integer},
                                 {"measure", ColumnType::text},
                                 {"target", ColumnType::integer},
                                 {"commune_id", ColumnType::integer},
                                 {"note", ColumnType::text},
                                 {"position", ColumnType::integer}});
  Table title("pledge_title", {{"pledge_id", ColumnType::integer}, {"title", ColumnType::text}}, /*has_id=*/false);
  Table event("pledge_event", {{"id", ColumnType::integer},
                               {"pledge_id", ColumnType::integer},
                               {"event", ColumnType::text},
                               {"comment", ColumnType::text},
                               {"actor_id", ColumnType::integer},
                               {"at", ColumnType::text}});
  const auto& people = ctx.data.people;
  const auto& communes = ctx.data.communes;
  std::int64_t total_people = 0;
  for (const auto& a : ctx.data.agencies) total_people += static_cast<std::int64_t>(a.people.size());
  for (const auto& a : ctx.data.agencies) {
    if (a.content_items.size() < 5) continue;
    const Value office = a.office_user ? Value{a.office_user} : kNull;
    // The weights the achievements generator gives units, and who works in each.
    std::vector<int> unit_weight;
    int weight_sum = 0;
    for (const auto& u : a.units) {
      unit_weight.push_back(achievement_unit_weight(u.kind));
      weight_sum += unit_weight.back();
    }
    std::vector<std::size_t> in_unit(a.units.size(), 0);
    std::size_t active = 0;
    for (std::size_t p : a.people) {
      if (people[p].status != PersonStatus::active) continue;
      ++in_unit[people[p].unit];
      ++active;
    }
    for (int year = 2021; year <= 2025; ++year) {
      window.add({a.movement_id, std::int64_t{year}, date(year, 3, 31), office, date(year, 1, 15) + "T02:00:00Z"});
      // The commune a target is for: the first supported commune still there that year.
      Value commune = kNull;
      std::size_t commune_count = 0;
      for (std::size_t ci : a.communes) {
        if (communes[ci].merged && year == 2025) continue;
        if (commune_count++ == 0) commune = Value{communes[ci].id};
      }
      // Targets are sized on what the subject will be seen to do (the achievements generator's
      // mix: records a year × each measure per record), give or take 30%: progress pages then
      // read from well short to well over, as real ones do.
      const double records = static_cast<double>(ctx.options.achievements) * static_cast<double>(a.people.size()) /
                             static_cast<double>(std::max<std::int64_t>(total_people, 1)) * kYearShare[year - 2021] /
                             100.0 * (year < 2025 ? 0.92 : 0.70);
      auto add = [&](bool unit_subject, std::int64_t unit_id, std::int64_t person_id, std::int64_t author, double expected,
                     bool aims_high) {
        const std::int64_t id = ctx.ids.next("pledge");
        // Status: approved up to 2024; 2025 mostly approved, some waiting, returned or drafts.
        const std::size_t fate = year < 2025 ? 0 : rng.weighted({78, 12, 4, 6});
        static constexpr const char* kStatus[] = {"approved", "submitted", "returned", "draft"};
        // Draws are made one statement at a time: argument order is not fixed by C++.
        const int sm = rng.between(1, 3);
        const std::string submitted = date(year, sm, rng.between(2, 28)) + "T02:30:00Z";
        const std::string decided = date(year, 4, rng.between(1, 25)) + "T03:00:00Z";
        const std::string comment = fate == 2 ? "Đề nghị bổ sung chỉ tiêu giúp đỡ xã phụ trách." : "";
        pledge.add({id, a.id, a.movement_id, std::int64_t{year}, unit_subject ? "unit" : "person", unit_id,
                    unit_subject ? kNull : Value{person_id}, unit_subject ? unit_id : person_id, kStatus[fate], "",
                    comment, fate == 3 ? kNull : Value{submitted}, fate == 0 || fate == 2 ? office : kNull,
                    fate == 0 || fate == 2 ? Value{decided} : kNull, author ? Value{author} : office, submitted, submitted,
                    std::int64_t{fate == 0 ? 3 : 2}});
        std::int64_t pos = 0;
        auto t = [&](std::size_t item, const char* measure, std::int64_t value, const Value& c, const char* note) {
          target.add({ctx.ids.next("pledge_target"), id, a.content_items[item], measure, value, c, note, ++pos});
        };
        auto about = [&](double v, std::int64_t round_to) {
          const double x = v * rng.between(70, 130) / 100.0 / static_cast<double>(round_to);
          return std::max<std::int64_t>(1, std::llround(x)) * round_to;
        };
        t(1, "sessions", about(expected * 0.61, 1), kNull, "");
        t(1, "participants", about(expected * 44, 1), kNull, "");
        if (unit_subject || rng.chance(500)) {
          t(2, "cash_vnd", about(expected * 860'000, 100'000), kNull, "");
        } else {
          t(2, "workdays", about(expected * 0.9, 1), kNull, "");
        }
        if (commune_count > 0 && (unit_subject || rng.chance(300))) {
          t(3, "commune_tasks", about(expected * 0.16 / commune_count, 1), commune, "Việc giúp xã phụ trách");
        }
        if (aims_high) t(4, "initiatives", about(expected * 0.04, 1), kNull, "");
        title.add({id, unit_subject ? (aims_high ? "excellent_collective" : "advanced_collective")
                                    : (aims_high ? "grassroots_fighter" : "advanced_worker")});
        static constexpr const char* kEvent[] = {"approved", "submitted", "returned", "created"};
        event.add({ctx.ids.next("pledge_event"), id, kEvent[fate], comment,
                   fate == 0 || fate == 2 ? office : (author ? Value{author} : office),
                   fate == 0 || fate == 2 ? decided : submitted});
      };
      // A unit's progress counts its own records (a third of the agency's, by the unit's weight)
      // and its people's (two thirds, by head count).
      for (std::size_t u = 0; u < a.units.size(); ++u) {
        const double own = 0.35 * unit_weight[u] / static_cast<double>(weight_sum);
        const double staff = 0.65 * static_cast<double>(in_unit[u]) / static_cast<double>(std::max<std::size_t>(active, 1));
        add(true, a.units[u].id, 0, a.office_user, records * (own + staff), rng.chance(300));
      }
      for (std::size_t p : a.people) {
        const auto& person = people[p];
        if (person.status != PersonStatus::active) continue;
        const bool leads = person.rank != Rank::staff;
        add(false, a.units[person.unit].id, person.id, person.user_id,
            records * 0.65 / static_cast<double>(std::max<std::size_t>(active, 1)),
            leads ? rng.chance(400) : rng.chance(120));
      }
    }
  }
  return {"pledges", {std::move(window), std::move(pledge), std::move(target), std::move(title), std::move(event)}};
}

}  // namespace thidua::gen
