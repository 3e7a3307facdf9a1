// People, their placements, and the accounts of some of them.

#include <algorithm>
#include <cstdio>

#include "catalogue.hpp"
#include "generators.hpp"
#include "names.hpp"
#include "util.hpp"
#include "text/collation.hpp"
#include "text/utf8.hpp"

namespace thidua::gen {

namespace {

/// Splits `total` people over agencies in proportion to their (jittered) size weights, with
/// at least `floor` each; largest remainders take the leftover, so the sum is exact.
std::vector<int> head_counts(Rng& rng, const std::vector<GenAgency>& agencies, int total) {
  const auto n = static_cast<int>(agencies.size());
  const int floor = std::clamp(total / std::max(n, 1), 1, 12);
  std::vector<std::int64_t> weight(agencies.size());
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    weight[i] = static_cast<std::int64_t>(agencies[i].size_weight) * rng.between(70, 130);
    sum += weight[i];
  }
  const std::int64_t spare = std::max<std::int64_t>(0, total - static_cast<std::int64_t>(floor) * n);
  std::vector<int> counts(agencies.size(), floor);
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    const std::int64_t share = spare * weight[i];
    counts[i] += static_cast<int>(share / sum);
    given += share / sum;
    remainders.push_back({share % sum, i});
  }
  std::sort(remainders.begin(), remainders.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (std::int64_t k = 0; k < spare - given; ++k) ++counts[remainders[static_cast<std::size_t>(k)].second];
  return counts;
}

struct Role {
  std::size_t unit = 0;
  Rank rank = Rank::staff;
  std::string position;
};

/// Who works where: the head and deputies (placed in the Office), a head and often a deputy
/// for each unit, then staff spread over the Office and the departments.
std::vector<Role> plan_roles(Rng& rng, const GenAgency& a, int n) {
  std::vector<Role> roles;
  const auto want = static_cast<std::size_t>(n);
  auto add = [&](std::size_t unit, Rank rank, std::string_view position) {
    if (roles.size() < want) roles.push_back({unit, rank, std::string(position)});
  };
  const auto titles = agency_titles(a.profile);
  add(0, Rank::head, titles.head);
  const int deputies = std::clamp(1 + n / 80 + rng.between(0, 1), 1, 3);
  for (int i = 0; i < deputies; ++i) add(0, Rank::deputy, titles.deputy);
  const bool teaching = a.profile == Profile::school || a.profile == Profile::college;
  for (std::size_t u = 0; u < a.units.size(); ++u) {
    const auto& unit = a.units[u];
    if (unit.kind == UnitKind::union_) continue;  // union office-holders serve alongside their post
    if (unit.kind == UnitKind::office && (teaching || a.profile == Profile::office)) continue;
    const auto ut = unit_titles(unit.name);
    add(u, Rank::unit_head, ut.head);
    if (rng.chance(600)) add(u, Rank::unit_deputy, ut.deputy);
  }
  std::vector<std::size_t> staff_units;
  std::vector<int> staff_weights;
  for (std::size_t u = 0; u < a.units.size(); ++u) {
    if (a.units[u].kind == UnitKind::union_) continue;
    staff_units.push_back(u);
    staff_weights.push_back(a.units[u].kind == UnitKind::office ? 2 : rng.between(3, 8));
  }
  while (roles.size() < want) {
    const std::size_t u = staff_units[rng.weighted(staff_weights)];
    add(u, Rank::staff, staff_position(rng, a.profile, a.units[u].kind));
  }
  return roles;
}

struct Tables {
  Table user_account = user_account_table();
  Table role_grant = role_grant_table();
  Table person{"person", {{"id", ColumnType::integer},
                          {"agency_id", ColumnType::integer},
                          {"code", ColumnType::text},
                          {"full_name", ColumnType::text},
                          {"name_key", ColumnType::text},
                          {"sort_key", ColumnType::text},
                          {"gender", ColumnType::text},
                          {"birth_date", ColumnType::text},
                          {"employment_kind", ColumnType::text},
                          {"start_date", ColumnType::text},
                          {"status", ColumnType::text},
                          {"user_id", ColumnType::integer},
                          {"created_at", ColumnType::text},
                          {"updated_at", ColumnType::text},
                          {"version", ColumnType::integer}}};
  Table placement{"person_placement", {{"id", ColumnType::integer},
                                       {"person_id", ColumnType::integer},
                                       {"unit_id", ColumnType::integer},
                                       {"position", ColumnType::text},
                                       {"valid_from", ColumnType::text},
                                       {"valid_to", ColumnType::text}}};
};

void add_person(Context& ctx, Rng& rng, Tables& t, std::size_t agency_index, const Role& role, int serial) {
  GenAgency& a = ctx.data.agencies[agency_index];
  const std::string& at = ctx.options.now;
  GenPerson p;
  p.id = ctx.ids.next("person");
  p.agency = agency_index;
  p.unit = role.unit;
  p.rank = role.rank;
  p.position = role.position;
  char code[32];
  std::snprintf(code, sizeof code, "CB%05d", serial);
  p.code = code;
  const int female = a.profile == Profile::school ? 680 : a.profile == Profile::health ? 620 : 480;
  p.gender = rng.chance(female) ? Gender::female : Gender::male;
  p.full_name = person_name(rng, p.gender);

  const bool leader = role.rank == Rank::head || role.rank == Rank::deputy;
  const int birth_year = leader                         ? rng.between(1965, 1980)
                         : role.rank == Rank::staff ? rng.between(1965, 2002)
                                                        : rng.between(1966, 1988);
  const std::string birth = random_date(rng, birth_year);
  const int start_year = rng.between(std::min(std::max(birth_year + 22, 1988), 2024), 2024);
  const std::string start = random_date(rng, start_year);
  const EmploymentKind employment = employment_for(rng, a.profile, role.position);

  // Staff born in 1965–66 have mostly reached retirement age; a few others moved away. They
  // left after their first full year, and before the data set's "now" (early 2025).
  std::string left;
  if (role.rank == Rank::staff && start_year <= 2023) {
    if (birth_year <= 1966 && rng.chance(500)) {
      p.status = PersonStatus::retired;
    } else if (rng.chance(25)) {
      p.status = PersonStatus::transferred;
    }
    if (p.status != PersonStatus::active) left = random_date(rng, rng.between(std::max(start_year + 1, 2021), 2024));
  }

  if (p.status == PersonStatus::active && rng.chance(50)) {
    p.user_id = ctx.ids.next("user_account");
    const std::string login = lower_ascii(a.code) + "." + lower_ascii(p.code);
    t.user_account.add({p.user_id, login, p.full_name, ctx.password_hash, "active", a.id, "vi", at, at,
                        std::int64_t{1}});
    t.role_grant.add({ctx.ids.next("role_grant"), p.user_id, "staff", a.id, kNull, at});
  }

  t.person.add({p.id, a.id, p.code, p.full_name, text::fold(p.full_name), text::person_sort_key(p.full_name),
                std::string(to_string(p.gender)), birth, std::string(to_string(employment)), start,
                std::string(to_string(p.status)), p.user_id ? Value{p.user_id} : kNull, at, at, std::int64_t{1}});

  // Unit heads and deputies appointed after a few years began as staff, often elsewhere:
  // their earlier placement is closed on the day of the appointment.
  std::string current_from = start;
  if (!leader && role.rank != Rank::staff && start_year <= 2020 && rng.chance(600)) {
    const std::string promoted = random_date(rng, rng.between(start_year + 2, 2023));
    const std::size_t earlier = rng.below(a.units.size() - 1);  // any unit but the union (last)
    t.placement.add({ctx.ids.next("person_placement"), p.id, a.units[earlier].id,
                     std::string(staff_position(rng, a.profile, a.units[earlier].kind)), start, promoted});
    current_from = promoted;
  }
  t.placement.add({ctx.ids.next("person_placement"), p.id, a.units[role.unit].id, role.position, current_from,
                   left.empty() ? kNull : Value{left}});

  a.people.push_back(ctx.data.people.size());
  ctx.data.people.push_back(std::move(p));
}

}  // namespace

TableGroup generate_people(Context& ctx, Rng& rng) {
  Tables t;
  const auto counts = head_counts(rng, ctx.data.agencies, ctx.options.people);
  ctx.data.people.reserve(static_cast<std::size_t>(ctx.options.people));
  for (std::size_t i = 0; i < ctx.data.agencies.size(); ++i) {
    const auto roles = plan_roles(rng, ctx.data.agencies[i], counts[i]);
    int serial = 0;
    for (const auto& role : roles) add_person(ctx, rng, t, i, role, ++serial);
  }
  return {"people",
          {std::move(t.user_account), std::move(t.role_grant), std::move(t.person), std::move(t.placement)}};
}

}  // namespace thidua::gen
