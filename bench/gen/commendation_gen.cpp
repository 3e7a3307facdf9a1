// The commendation inputs (issue 6, migration 0013) for 2023 and 2024: every active person's
// and every unit's yearly task-completion rating (about 15% excellent, 60% good, 20% completed,
// 3% not completed, 2% not entered; about 2% corrected later with a reason), sanctions for about
// 1% of people (a few at warning or above), pending cases for about 0.5%, maternity leave for
// about 3% of women, and the imported award history (CSTĐCS 2022 and 2023 for about 8% of people,
// LĐTT 2023 for most, TTLĐTT 2023 for most units), so that every condition of the rules engine
// has data to read.

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

const char* rating_for(Rng& rng) {
  const int r = rng.between(1, 100);
  if (r <= 15) return "excellent";
  if (r <= 75) return "good";
  if (r <= 95) return "completed";
  if (r <= 98) return "not_completed";
  return nullptr;
}

}  // namespace

TableGroup generate_commendation(Context& ctx, Rng& rng) {
  const std::string& at = ctx.options.now;
  Table rating("task_rating", {{"id", ColumnType::integer},
                               {"agency_id", ColumnType::integer},
                               {"subject_kind", ColumnType::text},
                               {"subject_id", ColumnType::integer},
                               {"year", ColumnType::integer},
                               {"rating", ColumnType::text},
                               {"reason", ColumnType::text},
                               {"source", ColumnType::text},
                               {"created_at", ColumnType::text}});
  Table sanction("sanction", {{"id", ColumnType::integer},
                              {"agency_id", ColumnType::integer},
                              {"person_id", ColumnType::integer},
                              {"level", ColumnType::text},
                              {"decided_on", ColumnType::text},
                              {"ended_on", ColumnType::text},
                              {"decision_ref", ColumnType::text},
                              {"created_at", ColumnType::text}});
  Table pending("pending_case", {{"id", ColumnType::integer},
                                 {"agency_id", ColumnType::integer},
                                 {"subject_kind", ColumnType::text},
                                 {"subject_id", ColumnType::integer},
                                 {"kind", ColumnType::text},
                                 {"opened_on", ColumnType::text},
                                 {"closed_on", ColumnType::text},
                                 {"created_at", ColumnType::text}});
  Table leave("leave_period", {{"id", ColumnType::integer},
                               {"agency_id", ColumnType::integer},
                               {"person_id", ColumnType::integer},
                               {"kind", ColumnType::text},
                               {"from_date", ColumnType::text},
                               {"to_date", ColumnType::text},
                               {"created_at", ColumnType::text}});
  Table award("award", {{"id", ColumnType::integer},
                        {"agency_id", ColumnType::integer},
                        {"subject_kind", ColumnType::text},
                        {"subject_id", ColumnType::integer},
                        {"subject_name", ColumnType::text},
                        {"form", ColumnType::text},
                        {"basis", ColumnType::text},
                        {"year", ColumnType::integer},
                        {"decision_ref", ColumnType::text},
                        {"decision_date", ColumnType::text},
                        {"issuer", ColumnType::text},
                        {"source", ColumnType::text},
                        {"created_at", ColumnType::text}});
  auto add_rating = [&](std::int64_t agency, const char* kind, std::int64_t id, int year) {
    const char* r = rating_for(rng);
    if (!r) return;
    rating.add({ctx.ids.next("task_rating"), agency, std::string(kind), id, std::int64_t{year}, std::string(r),
                std::string(), std::string("imported"), at});
    if (rng.chance(20)) {
      const char* again = rating_for(rng);
      if (again && std::string_view(again) != r) {
        rating.add({ctx.ids.next("task_rating"), agency, std::string(kind), id, std::int64_t{year},
                    std::string(again), std::string("Đính chính theo kết quả đánh giá được phê duyệt lại"),
                    std::string("typed"), at});
      }
    }
  };
  auto add_award = [&](const GenAgency& a, const char* kind, std::int64_t id, const std::string& name,
                       const char* form, int year) {
    award.add({ctx.ids.next("award"), a.id, std::string(kind), id, name, std::string(form), std::string("yearly"),
               std::int64_t{year}, std::to_string(rng.between(10, 300)) + "/QĐ-" + a.code,
               std::to_string(year) + "-12-" + std::to_string(rng.between(10, 28)), a.name, std::string("imported"),
               at});
  };
  for (const auto& a : ctx.data.agencies) {
    for (const auto& u : a.units) {
      for (int year : {2023, 2024}) add_rating(a.id, "unit", u.id, year);
      if (rng.chance(700)) add_award(a, "unit", u.id, u.name, "advanced_collective", 2023);
    }
    for (std::size_t pi : a.people) {
      const GenPerson& p = ctx.data.people[pi];
      if (p.status != PersonStatus::active) continue;
      for (int year : {2023, 2024}) add_rating(a.id, "person", p.id, year);
      if (rng.chance(750)) add_award(a, "person", p.id, p.full_name, "advanced_worker", 2023);
      if (rng.chance(80)) {
        add_award(a, "person", p.id, p.full_name, "grassroots_fighter", 2022);
        add_award(a, "person", p.id, p.full_name, "grassroots_fighter", 2023);
      }
      if (rng.chance(10)) {
        const int r = rng.between(1, 10);
        const char* level = r <= 6 ? "reprimand" : r <= 9 ? "warning" : "demotion";
        const int month = rng.between(1, 12);
        sanction.add({ctx.ids.next("sanction"), a.id, p.id, std::string(level), date(2024, month, 5),
                      rng.chance(500) ? Value(date(2025, month, 4)) : kNull,
                      std::to_string(rng.between(1, 99)) + "/QĐ-KL", at});
      }
      if (rng.chance(5)) {
        static constexpr const char* kKinds[] = {"discipline", "inspection", "investigation", "complaint"};
        pending.add({ctx.ids.next("pending_case"), a.id, std::string("person"), p.id,
                     std::string(kKinds[rng.below(4)]), date(2024, rng.between(6, 12), 1),
                     rng.chance(400) ? Value(std::string("2024-12-20")) : kNull, at});
      }
      if (p.gender == Gender::female && rng.chance(60)) {
        const int from = rng.between(1, 7);
        leave.add({ctx.ids.next("leave_period"), a.id, p.id, std::string("maternity"),
                   date(2024, from, 1), date(2024, from + 5, 28), at});
      }
    }
  }
  return {"commendation", {std::move(rating), std::move(sanction), std::move(pending), std::move(leave),
                           std::move(award)}};
}

}  // namespace thidua::gen
