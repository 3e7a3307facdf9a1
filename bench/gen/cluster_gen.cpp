// Emulation clusters (khối thi đua) of the province, their members and leads, 2021–2025.

#include "catalogue.hpp"
#include "generators.hpp"

namespace thidua::gen {

namespace {
constexpr int kFirstYear = 2021;
constexpr int kLastYear = 2025;
}  // namespace

TableGroup generate_clusters(Context& ctx, Rng& rng) {
  Table cluster("cluster", {{"id", ColumnType::integer},
                            {"code", ColumnType::text},
                            {"name", ColumnType::text},
                            {"authority_id", ColumnType::integer},
                            {"created_at", ColumnType::text}});
  Table member("cluster_member",
               {{"cluster_id", ColumnType::integer},
                {"agency_id", ColumnType::integer},
                {"year", ColumnType::integer},
                {"is_lead", ColumnType::integer}},
               /*has_id=*/false);
  const auto& specs = cluster_catalogue();
  for (std::size_t c = 0; c < specs.size(); ++c) {
    const std::int64_t id = ctx.ids.next("cluster");
    cluster.add({id, std::string(specs[c].code), std::string(specs[c].name), ctx.data.authority.id, ctx.options.now});
    std::vector<std::int64_t> members;
    for (const auto& a : ctx.data.agencies) {
      if (a.cluster == static_cast<int>(c)) members.push_back(a.id);
    }
    if (members.empty()) continue;  // only with very few agencies
    // The lead rotates through the members year by year, from a random starting point.
    const std::size_t first_lead = rng.below(members.size());
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      const std::size_t lead = (first_lead + static_cast<std::size_t>(year - kFirstYear)) % members.size();
      for (std::size_t m = 0; m < members.size(); ++m) {
        member.add({id, members[m], std::int64_t{year}, std::int64_t{m == lead ? 1 : 0}});
      }
    }
  }
  return {"clusters", {std::move(cluster), std::move(member)}};
}

}  // namespace thidua::gen
