// The Emulation and Commendation Council of each agency: one term from 2021, still open.

#include <algorithm>
#include <set>

#include "generators.hpp"

namespace thidua::gen {

TableGroup generate_councils(Context& ctx, Rng& rng) {
  Table term("council_term", {{"id", ColumnType::integer},
                              {"agency_id", ColumnType::integer},
                              {"name", ColumnType::text},
                              {"decision_ref", ColumnType::text},
                              {"valid_from", ColumnType::text},
                              {"valid_to", ColumnType::text},
                              {"created_at", ColumnType::text}});
  Table seat("council_seat", {{"id", ColumnType::integer},
                              {"term_id", ColumnType::integer},
                              {"person_id", ColumnType::integer},
                              {"seat", ColumnType::text}});
  const auto& people = ctx.data.people;
  for (const auto& a : ctx.data.agencies) {
    const std::int64_t term_id = ctx.ids.next("council_term");
    term.add({term_id, a.id, "Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026",
              std::to_string(rng.between(1, 60)) + "/QĐ-" + a.code, "2021-01-01", kNull, ctx.options.now});

    std::set<std::size_t> seated;
    auto sit = [&](std::size_t person, CouncilSeatKind kind) {
      seated.insert(person);
      seat.add({ctx.ids.next("council_seat"), term_id, people[person].id, std::string(to_string(kind))});
    };
    auto active = [&](std::size_t i) { return people[i].status == PersonStatus::active && !seated.count(i); };

    std::vector<std::size_t> deputies, unit_heads, office_staff, others;
    for (std::size_t i : a.people) {
      const auto& p = people[i];
      if (p.status != PersonStatus::active) continue;
      if (p.rank == Rank::head) {
        sit(i, CouncilSeatKind::chair);  // the head chairs the council
      } else if (p.rank == Rank::deputy) {
        deputies.push_back(i);
      } else if (p.rank == Rank::unit_head) {
        unit_heads.push_back(i);
      } else if (p.rank == Rank::staff && a.units[p.unit].kind == UnitKind::office) {
        office_staff.push_back(i);
      } else {
        others.push_back(i);
      }
    }
    const auto vice = static_cast<std::size_t>(rng.between(1, 2));
    for (std::size_t k = 0; k < std::min(vice, deputies.size()); ++k) sit(deputies[k], CouncilSeatKind::vice_chair);
    // The secretary comes from the Office (it keeps the records), else from anyone left.
    rng.shuffle(office_staff);
    for (const auto* pool : {&office_staff, &others, &unit_heads}) {
      auto it = std::find_if(pool->begin(), pool->end(), active);
      if (it != pool->end()) {
        sit(*it, CouncilSeatKind::secretary);
        break;
      }
    }
    // Members: heads of units first (the union's chair among them in real councils), then staff.
    rng.shuffle(unit_heads);
    rng.shuffle(others);
    int members = rng.between(3, 8);
    for (const auto* pool : {&unit_heads, &others, &office_staff, &deputies}) {
      for (std::size_t i : *pool) {
        if (members == 0) break;
        if (!active(i)) continue;
        sit(i, CouncilSeatKind::member);
        --members;
      }
    }
  }
  return {"councils", {std::move(term), std::move(seat)}};
}

}  // namespace thidua::gen
