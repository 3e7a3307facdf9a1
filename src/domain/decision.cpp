#include "domain/decision.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<DecisionStatus, 3> kDecisionStatuses{{
    {DecisionStatus::draft, "draft"},
    {DecisionStatus::issued, "issued"},
    {DecisionStatus::withdrawn, "withdrawn"},
}};

constexpr detail::EnumNames<HigherAwardStatus, 4> kHigherStatuses{{
    {HigherAwardStatus::draft, "draft"},
    {HigherAwardStatus::sent, "sent"},
    {HigherAwardStatus::returned, "returned"},
    {HigherAwardStatus::decided, "decided"},
}};

bool in_period(std::string_view date, const std::string& from, const std::string& to) {
  return date >= from && (to.empty() || date <= to);
}

}  // namespace

std::string_view to_string(DecisionStatus s) { return detail::name_of(kDecisionStatuses, s); }
std::optional<DecisionStatus> parse_decision_status(std::string_view s) {
  return detail::parse_from(kDecisionStatuses, s);
}

long long Decision::total_bonus() const {
  long long total = 0;
  for (const auto& a : awardees) total += a.bonus;
  return total;
}

std::string decision_ref(int number, std::string_view symbol) {
  return std::to_string(number) + "/" + std::string(symbol);
}

long long round_up(long long amount, long long step) {
  if (step <= 0 || amount <= 0) return amount;
  return (amount + step - 1) / step * step;
}

std::optional<BonusQuote> compute_bonus(const BonusTables& tables, AwardForm form, AwardSubject subject,
                                        std::string_view date) {
  const BaseSalaryPeriod* base = nullptr;
  for (const auto& p : tables.base_salary) {
    if (in_period(date, p.from, p.to)) base = &p;
  }
  const BonusRules* rules = nullptr;
  for (const auto& r : tables.rules) {
    if (in_period(date, r.from, r.to)) rules = &r;
  }
  if (!base || !rules) return std::nullopt;
  for (const auto& m : rules->multiples) {
    if (m.form != form || m.subject != subject) continue;
    BonusQuote q;
    q.thousandths = m.thousandths;
    q.base_salary = base->amount;
    // Whole đồng: the product is exact in thousandths, rounded up to the đồng before the step.
    q.amount = round_up((base->amount * m.thousandths + 999) / 1000, rules->round_up_to);
    q.citation = rules->citation;
    q.verified = m.verified && base->verified && rules->round_verified;
    return q;
  }
  return std::nullopt;
}

std::string_view to_string(HigherAwardStatus s) { return detail::name_of(kHigherStatuses, s); }
std::optional<HigherAwardStatus> parse_higher_award_status(std::string_view s) {
  return detail::parse_from(kHigherStatuses, s);
}

std::optional<HigherAwardStatus> higher_award_next(HigherAwardStatus from, HigherAwardEvent event) {
  switch (event) {
    case HigherAwardEvent::send:
      if (from == HigherAwardStatus::draft || from == HigherAwardStatus::returned) return HigherAwardStatus::sent;
      return std::nullopt;
    case HigherAwardEvent::give_back:
      if (from == HigherAwardStatus::sent) return HigherAwardStatus::returned;
      return std::nullopt;
    case HigherAwardEvent::decide:
      if (from == HigherAwardStatus::sent) return HigherAwardStatus::decided;
      return std::nullopt;
  }
  return std::nullopt;
}

bool higher_award_editable(HigherAwardStatus s) {
  return s == HigherAwardStatus::draft || s == HigherAwardStatus::returned;
}

}  // namespace thidua
