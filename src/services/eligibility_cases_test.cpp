// The rules engine over the shipped rule files (rules/commendation/), case by case: every
// title and form under each regime, with the verdict the law gives. Each case starts from an
// ordinary person (rated "good", placed the whole year, nothing pending) or unit and changes
// one thing.

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/eligibility.hpp"
#include "services/rule_set_files.hpp"

namespace thidua {
namespace {

const std::vector<std::string> kCaoBang{"cao_bang"};

RuleSet rules(int year) {
  auto r = services::rule_set_for_year(year, kCaoBang);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().detail);
  return r ? *r : RuleSet();
}

PersonFacts person(std::int64_t id, int year, Rating rating = Rating::good) {
  PersonFacts p;
  p.id = id;
  p.name = "Người " + std::to_string(id);
  p.sort_key = std::to_string(1000 + id);
  p.unit_id = 1;
  p.rating = rating;
  p.placements.push_back({std::to_string(year - 5) + "-01-01", ""});
  return p;
}

EligibilityInput input(int year) {
  EligibilityInput in;
  in.year = year;
  in.as_of = std::to_string(year + 1) + "-01-15";
  return in;
}

InitiativeFact initiative(std::int64_t id, InitiativeLevel level, std::string on) {
  InitiativeFact i;
  i.id = id;
  i.level = level;
  i.recognised_on = std::move(on);
  return i;
}

AwardFact award(AwardForm form, int year, AwardBasis basis = AwardBasis::yearly) {
  AwardFact a;
  a.form = form;
  a.year = year;
  a.basis = basis;
  return a;
}

struct PersonCase {
  const char* name;
  int year;
  AwardForm form;
  Verdict expected;
  std::function<void(PersonFacts&)> change;
  int fillers = 0;  ///< other people of the list, rated "good" (for list caps)
};

using F = AwardForm;
using V = Verdict;
const auto kNothing = [](PersonFacts&) {};

const PersonCase kPersonCases[] = {
    // Lao động tiên tiến, all three regimes.
    {"LDTT 2023 good", 2023, F::advanced_worker, V::eligible, kNothing},
    {"LDTT 2024 good", 2024, F::advanced_worker, V::eligible, kNothing},
    {"LDTT 2025 good", 2025, F::advanced_worker, V::eligible, kNothing},
    {"LDTT 2024 only completed", 2024, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.rating = Rating::completed; }},
    {"LDTT 2023 no rating", 2023, F::advanced_worker, V::cannot_tell, [](PersonFacts& p) { p.rating.reset(); }},
    {"LDTT 2025 no rating", 2025, F::advanced_worker, V::cannot_tell, [](PersonFacts& p) { p.rating.reset(); }},
    {"LDTT 2024 pending complaint blocks", 2024, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.cases.push_back({CaseKind::complaint, "2024-11-02", ""}); }},
    {"LDTT 2024 complaint closed before the evaluation", 2024, F::advanced_worker, V::eligible,
     [](PersonFacts& p) { p.cases.push_back({CaseKind::complaint, "2024-03-02", "2024-06-30"}); }},
    {"LDTT 2025 pending inspection blocks", 2025, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.cases.push_back({CaseKind::inspection, "2025-12-01", ""}); }},
    {"LDTT 2024 reprimand in the year", 2024, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.sanctions.push_back({SanctionLevel::reprimand, "2024-04-10", "2025-04-09"}); }},
    {"LDTT 2024 sanction served in 2022", 2024, F::advanced_worker, V::eligible,
     [](PersonFacts& p) { p.sanctions.push_back({SanctionLevel::warning, "2021-05-01", "2022-05-01"}); }},
    {"LDTT 2023 sanction still in force", 2023, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.sanctions.push_back({SanctionLevel::reprimand, "2022-09-01", ""}); }},
    {"LDTT 2024 six months of maternity leave count", 2024, F::advanced_worker, V::eligible,
     [](PersonFacts& p) { p.leaves.push_back({LeaveKind::maternity, "2024-02-01", "2024-07-31"}); }},
    {"LDTT 2024 four months of unpaid leave do not", 2024, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.leaves.push_back({LeaveKind::unpaid, "2024-03-01", "2024-06-30"}); }},
    {"LDTT 2025 recruited in June", 2025, F::advanced_worker, V::not_eligible,
     [](PersonFacts& p) { p.placements = {{"2025-06-01", ""}}; }},
    {"LDTT 2025 no placement known", 2025, F::advanced_worker, V::cannot_tell,
     [](PersonFacts& p) { p.placements.clear(); }},
    // Chiến sĩ thi đua cơ sở: an initiative was mandatory until 2023, one of several since 2024.
    {"CSTDCS 2023 excellent without initiative", 2023, F::grassroots_fighter, V::not_eligible,
     [](PersonFacts& p) { p.rating = Rating::excellent; }, 9},
    {"CSTDCS 2024 excellent without initiative", 2024, F::grassroots_fighter, V::eligible,
     [](PersonFacts& p) { p.rating = Rating::excellent; }},
    {"CSTDCS 2025 excellent without initiative", 2025, F::grassroots_fighter, V::eligible,
     [](PersonFacts& p) { p.rating = Rating::excellent; }},
    {"CSTDCS 2023 initiative within the 15% cap", 2023, F::grassroots_fighter, V::eligible,
     [](PersonFacts& p) { p.initiatives.push_back(initiative(1, InitiativeLevel::base, "2023-08-01")); }, 9},
    {"CSTDCS 2023 initiative but the cap is 0 of 3", 2023, F::grassroots_fighter, V::not_eligible,
     [](PersonFacts& p) { p.initiatives.push_back(initiative(1, InitiativeLevel::base, "2023-08-01")); }, 2},
    {"CSTDCS 2024 good with initiative", 2024, F::grassroots_fighter, V::eligible,
     [](PersonFacts& p) { p.initiatives.push_back(initiative(1, InitiativeLevel::base, "2024-08-01")); }},
    {"CSTDCS 2024 good without initiative", 2024, F::grassroots_fighter, V::not_eligible, kNothing},
    {"CSTDCS 2024 initiative of 2022 is too old", 2024, F::grassroots_fighter, V::not_eligible,
     [](PersonFacts& p) { p.initiatives.push_back(initiative(1, InitiativeLevel::base, "2022-08-01")); }},
    {"CSTDCS 2024 initiative already used for a Giấy khen", 2024, F::grassroots_fighter, V::not_eligible,
     [](PersonFacts& p) {
       auto i = initiative(1, InitiativeLevel::base, "2024-08-01");
       i.uses.push_back({"certificate_of_merit", 2024});
       p.initiatives.push_back(i);
     }},
    {"CSTDCS 2024 initiative used for this very title", 2024, F::grassroots_fighter, V::eligible,
     [](PersonFacts& p) {
       auto i = initiative(1, InitiativeLevel::base, "2024-08-01");
       i.uses.push_back({"grassroots_fighter", 2024});
       p.initiatives.push_back(i);
     }},
    {"CSTDCS 2025 not LDTT (pending discipline)", 2025, F::grassroots_fighter, V::not_eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.cases.push_back({CaseKind::discipline, "2025-10-01", ""});
     }},
    {"CSTDCS 2024 no rating", 2024, F::grassroots_fighter, V::cannot_tell, [](PersonFacts& p) { p.rating.reset(); }},
    // Chiến sĩ thi đua cấp tỉnh: three consecutive CSTĐCS and a province-level initiative.
    {"CSTD tinh 2024 three in a row and initiative", 2024, F::provincial_fighter, V::eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2022), award(F::grassroots_fighter, 2023)};
       p.initiatives.push_back(initiative(1, InitiativeLevel::province, "2023-05-01"));
     }},
    {"CSTD tinh 2024 without province initiative", 2024, F::provincial_fighter, V::not_eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2022), award(F::grassroots_fighter, 2023)};
       p.initiatives.push_back(initiative(1, InitiativeLevel::base, "2023-05-01"));
     }},
    {"CSTD tinh 2025 gap in 2023", 2025, F::provincial_fighter, V::not_eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2024), award(F::grassroots_fighter, 2022)};
       p.initiatives.push_back(initiative(1, InitiativeLevel::province, "2024-05-01"));
     }},
    {"CSTD tinh 2024 thematic award does not count", 2024, F::provincial_fighter, V::not_eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2022, AwardBasis::thematic), award(F::grassroots_fighter, 2023)};
       p.initiatives.push_back(initiative(1, InitiativeLevel::province, "2023-05-01"));
     }},
    {"CSTD tinh 2023 old regime three in a row", 2023, F::provincial_fighter, V::eligible,
     [](PersonFacts& p) {
       p.awards = {award(F::grassroots_fighter, 2021), award(F::grassroots_fighter, 2022),
                   award(F::grassroots_fighter, 2023)};
       p.initiatives.push_back(initiative(1, InitiativeLevel::province, "2022-05-01"));
     }},
    // Chiến sĩ thi đua toàn quốc: the council judges the national influence.
    {"CSTD toan quoc 2025 two provincial in a row", 2025, F::national_fighter, V::cannot_tell,
     [](PersonFacts& p) { p.awards = {award(F::provincial_fighter, 2024), award(F::provincial_fighter, 2025)}; }},
    {"CSTD toan quoc 2025 one provincial", 2025, F::national_fighter, V::not_eligible,
     [](PersonFacts& p) { p.awards = {award(F::provincial_fighter, 2025)}; }},
    {"CSTD toan quoc 2023 old regime", 2023, F::national_fighter, V::cannot_tell,
     [](PersonFacts& p) { p.awards = {award(F::provincial_fighter, 2022), award(F::provincial_fighter, 2023)}; }},
    // Bằng khen of the provincial chairman.
    {"Bang khen 2025 two CSTDCS in a row", 2025, F::diploma_of_merit, V::eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2024)};
     }},
    {"Bang khen 2025 otherwise the council judges", 2025, F::diploma_of_merit, V::cannot_tell, kNothing},
    {"Bang khen 2024 pending investigation", 2024, F::diploma_of_merit, V::not_eligible,
     [](PersonFacts& p) {
       p.rating = Rating::excellent;
       p.awards = {award(F::grassroots_fighter, 2023)};
       p.cases.push_back({CaseKind::investigation, "2024-12-20", ""});
     }},
    {"Bang khen 2023 two CSTDCS in a row", 2023, F::diploma_of_merit, V::eligible,
     [](PersonFacts& p) { p.awards = {award(F::grassroots_fighter, 2022), award(F::grassroots_fighter, 2023)}; }},
    // Giấy khen of the agency's head (and Cao Bằng's layer from 2024-05-24).
    {"Giay khen 2024 good with an achievement", 2024, F::certificate_of_merit, V::eligible,
     [](PersonFacts& p) { p.achievements = 2; }},
    {"Giay khen 2024 no achievement", 2024, F::certificate_of_merit, V::not_eligible, kNothing},
    {"Giay khen 2025 already given this year", 2025, F::certificate_of_merit, V::not_eligible,
     [](PersonFacts& p) {
       p.achievements = 1;
       p.awards = {award(F::certificate_of_merit, 2025, AwardBasis::movement)};
     }},
    {"Giay khen 2023 reprimand: the old rule does not ask", 2023, F::certificate_of_merit, V::eligible,
     [](PersonFacts& p) {
       p.achievements = 1;
       p.sanctions.push_back({SanctionLevel::reprimand, "2023-02-01", "2024-01-31"});
     }},
    {"Giay khen 2024 reprimand: Cao Bang's layer does", 2024, F::certificate_of_merit, V::not_eligible,
     [](PersonFacts& p) {
       p.achievements = 1;
       p.sanctions.push_back({SanctionLevel::reprimand, "2024-02-01", "2025-01-31"});
     }},
};

class PersonCases : public ::testing::TestWithParam<PersonCase> {};

TEST_P(PersonCases, Verdict) {
  const auto& c = GetParam();
  RuleSet rs = rules(c.year);
  EligibilityInput in = input(c.year);
  PersonFacts p = person(1, c.year);
  c.change(p);
  in.people.push_back(p);
  for (int i = 0; i < c.fillers; ++i) in.people.push_back(person(100 + i, c.year));
  auto report = evaluate_eligibility(rs, in);
  ASSERT_FALSE(report.people.empty());
  const FormVerdict* v = report.people[0].find(c.form);
  ASSERT_NE(v, nullptr) << "no verdict for " << to_string(c.form);
  std::string why;
  for (const auto& k : v->conditions) why += std::string(to_string(k.outcome)) + " " + k.message + "; ";
  EXPECT_EQ(to_string(v->verdict), to_string(c.expected)) << c.name << ": " << why;
  for (const auto& k : v->conditions) EXPECT_FALSE(k.citation.empty()) << c.name << " " << k.message;
}

std::string case_name(const ::testing::TestParamInfo<PersonCase>& info) {
  std::string out;
  for (char ch : std::string(info.param.name)) {
    out += (std::isalnum(static_cast<unsigned char>(ch)) != 0) ? ch : '_';
  }
  return out + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Regimes, PersonCases, ::testing::ValuesIn(kPersonCases), case_name);

// ---- units ---------------------------------------------------------------------------------

struct UnitCase {
  const char* name;
  int year;
  AwardForm form;
  Verdict expected;
  int members;
  int advanced;  ///< members rated "good" (LĐTT); the others "completed"
  std::function<void(EligibilityInput&)> change;
};

const auto kAsIs = [](EligibilityInput&) {};

EligibilityInput unit_input(const UnitCase& c) {
  EligibilityInput in = input(c.year);
  UnitFacts u;
  u.id = 1;
  u.name = "Phòng Chính sách dân tộc";
  u.rating = Rating::good;
  for (int i = 0; i < c.members; ++i) {
    in.people.push_back(person(i + 1, c.year, i < c.advanced ? Rating::good : Rating::completed));
    u.members.push_back(i + 1);
  }
  in.units.push_back(u);
  c.change(in);
  return in;
}

const UnitCase kUnitCases[] = {
    // Tập thể lao động tiên tiến: more than 50% LĐTT until 2023, at least 70% since 2024.
    {"TTLDTT 2023 with 60% LDTT", 2023, F::advanced_collective, V::eligible, 10, 6, kAsIs},
    {"TTLDTT 2024 with 60% LDTT", 2024, F::advanced_collective, V::not_eligible, 10, 6, kAsIs},
    {"TTLDTT 2023 with exactly 50%", 2023, F::advanced_collective, V::not_eligible, 10, 5, kAsIs},
    {"TTLDTT 2024 with exactly 70%", 2024, F::advanced_collective, V::eligible, 10, 7, kAsIs},
    {"TTLDTT 2025 with 80%", 2025, F::advanced_collective, V::eligible, 10, 8, kAsIs},
    {"TTLDTT 2024 a member warned", 2024, F::advanced_collective, V::not_eligible, 10, 9,
     [](EligibilityInput& in) { in.people[9].sanctions.push_back({SanctionLevel::warning, "2024-03-01", ""}); }},
    {"TTLDTT 2024 a member reprimanded only", 2024, F::advanced_collective, V::eligible, 10, 9,
     [](EligibilityInput& in) { in.people[0].sanctions.push_back({SanctionLevel::reprimand, "2024-03-01", ""}); }},
    {"TTLDTT 2024 members without rating", 2024, F::advanced_collective, V::cannot_tell, 10, 6,
     [](EligibilityInput& in) {
       in.people[8].rating.reset();
       in.people[9].rating.reset();
     }},
    {"TTLDTT 2024 unit not rated", 2024, F::advanced_collective, V::cannot_tell, 10, 9,
     [](EligibilityInput& in) { in.units[0].rating.reset(); }},
    {"TTLDTT 2025 pending inspection of the unit", 2025, F::advanced_collective, V::not_eligible, 10, 9,
     [](EligibilityInput& in) { in.units[0].cases.push_back({CaseKind::inspection, "2025-09-01", ""}); }},
    {"TTLDTT 2024 no members", 2024, F::advanced_collective, V::cannot_tell, 0, 0, kAsIs},
    // Tập thể lao động xuất sắc.
    {"TTLDXS 2024 with a CSTDCS", 2024, F::excellent_collective, V::eligible, 10, 10,
     [](EligibilityInput& in) {
       in.units[0].rating = Rating::excellent;
       in.people[0].rating = Rating::excellent;
     }},
    {"TTLDXS 2024 no CSTDCS", 2024, F::excellent_collective, V::not_eligible, 10, 10,
     [](EligibilityInput& in) { in.units[0].rating = Rating::excellent; }},
    {"TTLDXS 2025 a member did not complete", 2025, F::excellent_collective, V::not_eligible, 10, 9,
     [](EligibilityInput& in) {
       in.units[0].rating = Rating::excellent;
       in.people[0].rating = Rating::excellent;
       in.people[9].rating = Rating::not_completed;
     }},
    {"TTLDXS 2024 unit only good", 2024, F::excellent_collective, V::not_eligible, 10, 10,
     [](EligibilityInput& in) { in.people[0].rating = Rating::excellent; }},
    {"TTLDXS 2023 old regime with a CSTDCS", 2023, F::excellent_collective, V::eligible, 10, 10,
     [](EligibilityInput& in) {
       in.units[0].rating = Rating::excellent;
       in.people[0].initiatives.push_back(initiative(1, InitiativeLevel::base, "2023-04-01"));
     }},
    // Cờ thi đua: the cluster's leader is judged by the council.
    {"Co thi dua 2024 excellent collective", 2024, F::flag, V::cannot_tell, 10, 10,
     [](EligibilityInput& in) {
       in.units[0].rating = Rating::excellent;
       in.people[0].rating = Rating::excellent;
     }},
    {"Co thi dua 2024 not excellent", 2024, F::flag, V::not_eligible, 10, 10, kAsIs},
    // Giấy khen for a unit.
    {"Giay khen unit 2025 with achievements", 2025, F::certificate_of_merit, V::eligible, 5, 5,
     [](EligibilityInput& in) { in.units[0].achievements = 3; }},
    {"Giay khen unit 2024 member warned", 2024, F::certificate_of_merit, V::not_eligible, 5, 5,
     [](EligibilityInput& in) {
       in.units[0].achievements = 3;
       in.people[2].sanctions.push_back({SanctionLevel::warning, "2024-03-01", ""});
     }},
};

class UnitCases : public ::testing::TestWithParam<UnitCase> {};

TEST_P(UnitCases, Verdict) {
  const auto& c = GetParam();
  auto in = unit_input(c);
  auto report = evaluate_eligibility(rules(c.year), in);
  ASSERT_EQ(report.units.size(), 1u);
  const FormVerdict* v = report.units[0].find(c.form);
  ASSERT_NE(v, nullptr);
  std::string why;
  for (const auto& k : v->conditions) why += std::string(to_string(k.outcome)) + " " + k.message + "; ";
  EXPECT_EQ(to_string(v->verdict), to_string(c.expected)) << c.name << ": " << why;
}

std::string unit_case_name(const ::testing::TestParamInfo<UnitCase>& info) {
  std::string out;
  for (char ch : std::string(info.param.name)) {
    out += (std::isalnum(static_cast<unsigned char>(ch)) != 0) ? ch : '_';
  }
  return out + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Regimes, UnitCases, ::testing::ValuesIn(kUnitCases), unit_case_name);

// ---- households ----------------------------------------------------------------------------

TEST(EligibilityHouseholds, CannotTellWithoutRecordsEligibleWithContributions) {
  for (int year : {2023, 2024, 2025}) {
    EligibilityInput in = input(year);
    HouseholdFacts unknown;
    unknown.id = 1;
    HouseholdFacts gave;
    gave.id = 2;
    gave.contributions = 2;
    HouseholdFacts none;
    none.id = 3;
    none.contributions = 0;
    in.households = {unknown, gave, none};
    auto r = evaluate_eligibility(rules(year), in);
    ASSERT_EQ(r.households.size(), 3u);
    EXPECT_EQ(r.households[0].find(F::certificate_of_merit)->verdict, V::cannot_tell) << year;
    EXPECT_EQ(r.households[0].find(F::certificate_of_merit)->conditions[0].message, "household_unrecorded");
    EXPECT_EQ(r.households[1].find(F::certificate_of_merit)->verdict, V::eligible) << year;
    EXPECT_EQ(r.households[2].find(F::certificate_of_merit)->verdict, V::not_eligible) << year;
  }
}

// ---- the 15% cap names who exceeds it -----------------------------------------------------

TEST(EligibilityCap, OldRegimeRanksCandidatesAndNamesThoseBeyondTheCap) {
  EligibilityInput in = input(2023);
  for (int i = 1; i <= 14; ++i) in.people.push_back(person(i, 2023));
  // Fourteen LĐTT: the cap is floor(14 × 15%) = 2. Four candidates with an initiative.
  auto with_initiative = [&](int index, Rating r, bool female) {
    in.people[index].rating = r;
    in.people[index].female = female;
    in.people[index].initiatives.push_back(initiative(index, InitiativeLevel::base, "2023-06-01"));
  };
  with_initiative(3, Rating::good, false);       // rank 3 (a man, name 1004)
  with_initiative(5, Rating::excellent, false);  // rank 1: the better rating
  with_initiative(7, Rating::good, true);        // rank 2: a woman when otherwise equal
  with_initiative(9, Rating::good, false);       // rank 4 (name 1010)
  auto r = evaluate_eligibility(rules(2023), in);
  auto verdict = [&](int index) { return r.people[index].find(F::grassroots_fighter)->verdict; };
  EXPECT_EQ(verdict(5), V::eligible);
  EXPECT_EQ(verdict(7), V::eligible);
  EXPECT_EQ(verdict(3), V::not_eligible);
  EXPECT_EQ(verdict(9), V::not_eligible);
  const auto& cap = r.people[9].find(F::grassroots_fighter)->conditions.back();
  EXPECT_EQ(cap.type, ConditionType::list_cap);
  EXPECT_EQ(cap.message, "cap_exceeded");
  auto param = [&](const ConditionResult& c, const std::string& k) {
    for (const auto& [n, v] : c.params) {
      if (n == k) return v;
    }
    return std::string();
  };
  EXPECT_EQ(param(cap, "rank"), "4");
  EXPECT_EQ(param(cap, "cap"), "2");
  EXPECT_EQ(param(cap, "holders"), "14");
  EXPECT_EQ(param(r.people[3].find(F::grassroots_fighter)->conditions.back(), "rank"), "3");
  // People without an initiative are not ranked; their verdict is their own.
  EXPECT_EQ(verdict(0), V::not_eligible);
  // No cap since 2024: all four candidates are eligible.
  EligibilityInput in24 = in;
  in24.year = 2024;
  for (auto& p : in24.people) {
    for (auto& i : p.initiatives) i.recognised_on = "2024-06-01";
  }
  auto r24 = evaluate_eligibility(rules(2024), in24);
  for (int i : {3, 5, 7, 9}) EXPECT_EQ(r24.people[i].find(F::grassroots_fighter)->verdict, V::eligible) << i;
}

TEST(EligibilityCap, TheCappedVerdictFeedsTheUnitsTitles) {
  // Old regime: TTLĐXS needs a CSTĐCS member; the only candidate beyond the cap does not count.
  EligibilityInput in = input(2023);
  UnitFacts u;
  u.id = 1;
  u.rating = Rating::excellent;
  for (int i = 1; i <= 5; ++i) {
    in.people.push_back(person(i, 2023));
    u.members.push_back(i);
  }
  in.people[0].initiatives.push_back(initiative(1, InitiativeLevel::base, "2023-06-01"));
  in.units.push_back(u);
  auto r = evaluate_eligibility(rules(2023), in);
  EXPECT_EQ(r.people[0].find(F::grassroots_fighter)->verdict, V::not_eligible);  // cap floor(5 × 15%) = 0
  EXPECT_EQ(r.units[0].find(F::excellent_collective)->verdict, V::not_eligible);
}

TEST(EligibilityRules, TheRuleSetInForceFollowsTheDate) {
  EXPECT_EQ(rules(2023).layers()[0], "national-2017-91");
  EXPECT_EQ(rules(2024).layers()[0], "national-2024-98");
  EXPECT_EQ(rules(2025).layers()[0], "national-2025-152");
  ASSERT_EQ(rules(2024).layers().size(), 2u);
  EXPECT_EQ(rules(2024).layers()[1], "province-cao-bang-2024");
  EXPECT_EQ(rules(2023).layers().size(), 1u);
  // Council data for the council part.
  auto rs = rules(2024);
  ASSERT_TRUE(rs.ballot_threshold(F::grassroots_fighter));
  EXPECT_EQ(rs.ballot_threshold(F::grassroots_fighter)->text(), "80%");
  EXPECT_EQ(rs.ballot_threshold(F::provincial_fighter)->text(), "90%");
  EXPECT_FALSE(rs.ballot_threshold(F::advanced_worker));
  EXPECT_EQ(rs.council_quorum().text(), "80%");  // Cao Bằng's award sessions
  EXPECT_EQ(rules(2025).council_quorum().text(), "80%");
  EXPECT_TRUE(rs.council_quorum().reached(8, 10));
  EXPECT_FALSE(rs.council_quorum().reached(7, 10));
  auto dossier = rs.dossier(F::grassroots_fighter);
  EXPECT_NE(std::find(dossier.begin(), dossier.end(), "ballot_result"), dossier.end());
  EXPECT_TRUE(Share({2, 3}).reached(6, 9));
  EXPECT_FALSE(Share({2, 3}).reached(5, 9));
  // No national rule set before Decree 91/2017.
  EXPECT_FALSE(services::rule_set_for_year(2016, kCaoBang).has_value());
}

}  // namespace
}  // namespace thidua
