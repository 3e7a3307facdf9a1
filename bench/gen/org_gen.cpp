// Agencies and their units.

#include <algorithm>
#include <cstdio>

#include "catalogue.hpp"
#include "generators.hpp"

namespace thidua::gen {

namespace {

/// The date from which the generated organisation exists (before the 2021 council terms
/// and cluster years, so every date those refer to finds a name).
constexpr std::string_view kSince = "2020-01-01";

std::string unit_code(std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "P%02zu", n);
  return buf;
}

/// Office, 1–10 departments (more for larger agencies), union: 3–12 units.
std::vector<GenUnit> plan_units(Rng& rng, const AgencySpec& spec) {
  const auto& pool = department_names(spec.profile);
  const int max_k = std::min<int>(10, static_cast<int>(pool.size()));
  const int upper = std::clamp(2 + spec.size_weight / 3, 1, max_k);
  const int lower = std::max(1, upper / 2);
  const int k = rng.between(lower, upper);
  std::vector<std::size_t> picks(pool.size());
  for (std::size_t i = 0; i < picks.size(); ++i) picks[i] = i;
  rng.shuffle(picks);
  picks.resize(static_cast<std::size_t>(k));
  std::sort(picks.begin(), picks.end());  // in the list's order, which reads naturally

  std::vector<GenUnit> units;
  units.push_back({0, "VP", UnitKind::office, "Văn phòng"});
  for (std::size_t i = 0; i < picks.size(); ++i) {
    units.push_back({0, unit_code(i + 1), UnitKind::department, std::string(pool[picks[i]])});
  }
  units.push_back({0, "CD", UnitKind::union_, "Công đoàn"});
  return units;
}

}  // namespace

TableGroup generate_organisation(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table agency("agency", {{"id", ColumnType::integer},
                          {"code", ColumnType::text},
                          {"name", ColumnType::text},
                          {"kind", ColumnType::text},
                          {"parent_id", ColumnType::integer},
                          {"address", ColumnType::text},
                          {"status", ColumnType::text},
                          {"version", ColumnType::integer},
                          {"created_at", ColumnType::text}});
  Table agency_version("agency_version", {{"id", ColumnType::integer},
                                          {"agency_id", ColumnType::integer},
                                          {"name", ColumnType::text},
                                          {"valid_from", ColumnType::text},
                                          {"valid_to", ColumnType::text}});
  Table unit("unit", {{"id", ColumnType::integer},
                      {"agency_id", ColumnType::integer},
                      {"code", ColumnType::text},
                      {"kind", ColumnType::text},
                      {"status", ColumnType::text},
                      {"created_at", ColumnType::text},
                      {"version", ColumnType::integer}});
  Table unit_version("unit_version", {{"id", ColumnType::integer},
                                      {"unit_id", ColumnType::integer},
                                      {"name", ColumnType::text},
                                      {"parent_unit_id", ColumnType::integer},
                                      {"valid_from", ColumnType::text},
                                      {"valid_to", ColumnType::text}});
  const std::string since(kSince);

  auto& authority = ctx.data.authority;
  authority.id = ctx.ids.next("agency");
  authority.code = kAuthorityCode;
  authority.name = kAuthorityName;
  agency.add({authority.id, authority.code, authority.name, "authority", kNull,
              "thành phố Cao Bằng, tỉnh Cao Bằng", "active", std::int64_t{1}, at});
  agency_version.add({ctx.ids.next("agency_version"), authority.id, authority.name, since, kNull});

  for (const auto& spec : agency_catalogue(ctx.options.agencies)) {
    GenAgency a;
    a.id = ctx.ids.next("agency");
    a.code = spec.code;
    a.name = spec.name;
    a.profile = spec.profile;
    a.cluster = spec.cluster;
    a.size_weight = spec.size_weight;
    agency.add({a.id, a.code, a.name, "agency", authority.id, spec.address, "active", std::int64_t{1}, at});
    agency_version.add({ctx.ids.next("agency_version"), a.id, a.name, since, kNull});
    a.units = plan_units(rng, spec);
    for (auto& u : a.units) {
      u.id = ctx.ids.next("unit");
      unit.add({u.id, a.id, u.code, std::string(to_string(u.kind)), "active", at, std::int64_t{1}});
      unit_version.add({ctx.ids.next("unit_version"), u.id, u.name, kNull, since, kNull});
    }
    ctx.data.agencies.push_back(std::move(a));
  }
  return {"organisation", {std::move(agency), std::move(agency_version), std::move(unit), std::move(unit_version)}};
}

}  // namespace thidua::gen
