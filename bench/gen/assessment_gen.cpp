// Half-yearly assessments 2021–2025 of every commune against the 2021–2025 criteria set (the
// 19 criteria of Decision 318/QĐ-TTg, loaded from rules/criteria/ by the server's own loader
// before the generators run), and the recognitions that follow when a commune meets them all.
//
// A commune starts 2021 with a number of criteria met that depends on its difficult-area zone
// (zone I: 12–17, II: 8–13, III: 4–10; some zone I communes were recognised before 2021) and
// gains 0–2 a half-year, faster when an agency supports it; now and then one is lost again
// (poverty, income). Which criteria are met follows an order of how hard each is (electricity,
// information, defence first; income, poverty, production, environment last), shuffled a
// little per commune. The commune's first supporting agency records its assessments (the
// province's Office those of the others); June is "half_year", December "annual". Merged
// communes have none after 2025-06-30.

#include <algorithm>
#include <map>

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

/// Criteria numbers from the easiest to meet to the hardest.
constexpr int kEase[19] = {4, 8, 19, 18, 1, 6, 15, 12, 3, 5, 16, 14, 9, 7, 2, 17, 13, 11, 10};

}  // namespace

TableGroup generate_assessments(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table assessment("assessment", {{"id", ColumnType::integer},
                                  {"commune_id", ColumnType::integer},
                                  {"set_id", ColumnType::integer},
                                  {"agency_id", ColumnType::integer},
                                  {"assessed_on", ColumnType::text},
                                  {"kind", ColumnType::text},
                                  {"criteria_met", ColumnType::integer},
                                  {"criteria_total", ColumnType::integer},
                                  {"note", ColumnType::text},
                                  {"status", ColumnType::text},
                                  {"assessed_by", ColumnType::integer},
                                  {"created_at", ColumnType::text}});
  Table item("assessment_item", {{"id", ColumnType::integer},
                                 {"assessment_id", ColumnType::integer},
                                 {"criterion_id", ColumnType::integer},
                                 {"met", ColumnType::integer},
                                 {"value", ColumnType::text},
                                 {"note", ColumnType::text}});
  Table recognition("commune_recognition", {{"id", ColumnType::integer},
                                            {"commune_id", ColumnType::integer},
                                            {"level", ColumnType::text},
                                            {"event", ColumnType::text},
                                            {"year", ColumnType::integer},
                                            {"decision_ref", ColumnType::text},
                                            {"decision_date", ColumnType::text},
                                            {"issuer", ColumnType::text},
                                            {"created_by", ColumnType::integer},
                                            {"created_at", ColumnType::text}});
  const auto& criteria = ctx.data.criteria;
  if (criteria.size() != 19) return {"assessments", {}};  // no 2021–2025 set: nothing to assess against

  // Who assesses each commune: the first agency that supports it, else the province's Office.
  std::map<std::size_t, const GenAgency*> assessor;
  for (const auto& a : ctx.data.agencies) {
    for (std::size_t c : a.communes) assessor.emplace(c, &a);
  }
  const GenAgency& province = ctx.data.authority;
  int decision = 100;

  for (std::size_t ci = 0; ci < ctx.data.communes.size(); ++ci) {
    const auto& c = ctx.data.communes[ci];
    auto it = assessor.find(ci);
    const GenAgency& by = it == assessor.end() ? province : *it->second;
    const bool supported = it != assessor.end();
    // The order in which this commune meets its criteria: by ease, neighbours swapped at random.
    std::vector<int> order(std::begin(kEase), std::end(kEase));
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
      if (rng.chance(300)) std::swap(order[k], order[k + 1]);
    }
    int met = c.recognised_earlier ? 19
              : c.zone == 1        ? rng.between(12, 17)
              : c.zone == 2        ? rng.between(8, 13)
                                   : rng.between(4, 10);
    if (c.recognised_earlier) {
      const int year = rng.between(2018, 2020);
      recognition.add({ctx.ids.next("commune_recognition"), c.id, "ntm", "recognised", std::int64_t{year},
                       std::to_string(decision++) + "/QĐ-UBND", date(year, 12, rng.between(10, 28)),
                       "Chủ tịch UBND tỉnh Cao Bằng", province.office_user ? Value{province.office_user} : kNull, at});
    }
    bool recognised = c.recognised_earlier;
    for (int year = 2021; year <= 2025; ++year) {
      for (int half = 0; half < 2; ++half) {
        if (c.merged && year == 2025 && half == 1) break;  // merged on 2025-07-01
        if (!(year == 2021 && half == 0)) {
          const int gain = static_cast<int>(rng.weighted(supported ? std::vector<int>{15, 50, 35} : std::vector<int>{35, 45, 20}));
          met = std::min(19, met + gain);
          if (met > 4 && !recognised && rng.chance(40)) --met;  // a criterion lost again
        }
        const std::string on = half == 0 ? date(year, 6, 30) : date(year, 12, rng.between(15, 28));
        const std::int64_t id = ctx.ids.next("assessment");
        assessment.add({id, c.id, ctx.data.criteria_set, by.id, on, half == 0 ? "half_year" : "annual",
                        std::int64_t{met}, std::int64_t{19}, "", "recorded",
                        by.office_user ? Value{by.office_user} : kNull, at});
        std::vector<bool> is_met(20, false);
        for (int k = 0; k < met; ++k) is_met[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] = true;
        for (int n = 1; n <= 19; ++n) {
          item.add({ctx.ids.next("assessment_item"), id, criteria[static_cast<std::size_t>(n - 1)],
                    std::int64_t{is_met[static_cast<std::size_t>(n)] ? 1 : 0}, "", ""});
        }
        // A commune meeting every criterion at the year's review is recognised early next year.
        if (half == 1 && met == 19 && !recognised && year < 2025) {
          recognised = true;
          const int month = rng.between(1, 3);
          recognition.add({ctx.ids.next("commune_recognition"), c.id, "ntm", "recognised", std::int64_t{year},
                           std::to_string(decision++) + "/QĐ-UBND", date(year + 1, month, rng.between(5, 28)),
                           "Chủ tịch UBND tỉnh Cao Bằng", province.office_user ? Value{province.office_user} : kNull,
                           at});
        }
      }
    }
  }
  return {"assessments", {std::move(assessment), std::move(item), std::move(recognition)}};
}

}  // namespace thidua::gen
