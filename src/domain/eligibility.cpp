#include "domain/eligibility.hpp"

#include <algorithm>
#include <unordered_map>

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<CaseKind, 4> kCaseKinds{{
    {CaseKind::discipline, "discipline"},
    {CaseKind::inspection, "inspection"},
    {CaseKind::investigation, "investigation"},
    {CaseKind::complaint, "complaint"},
}};
constexpr detail::EnumNames<LeaveKind, 2> kLeaveKinds{{
    {LeaveKind::maternity, "maternity"},
    {LeaveKind::unpaid, "unpaid"},
}};
constexpr detail::EnumNames<Verdict, 3> kVerdicts{{
    {Verdict::eligible, "eligible"},
    {Verdict::not_eligible, "not_eligible"},
    {Verdict::cannot_tell, "cannot_tell"},
}};
constexpr detail::EnumNames<Outcome, 3> kOutcomes{{
    {Outcome::met, "met"},
    {Outcome::not_met, "not_met"},
    {Outcome::unknown, "unknown"},
}};

/// Days since 1970-01-01 of an ISO date (proleptic Gregorian); nullopt when malformed.
std::optional<long> day_number(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len) {
    long v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1L;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  long y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string year_start(int y) { return std::to_string(y) + "-01-01"; }
std::string year_end(int y) { return std::to_string(y) + "-12-31"; }

int year_of(std::string_view iso) {
  if (iso.size() < 4) return 0;
  int y = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (iso[i] < '0' || iso[i] > '9') return 0;
    y = y * 10 + (iso[i] - '0');
  }
  return y;
}

using Params = std::vector<std::pair<std::string, std::string>>;

ConditionResult result(const Condition& c, Outcome o, std::string message, Params params = {}) {
  ConditionResult r;
  r.type = c.type;
  r.outcome = o;
  r.message = std::move(message);
  r.params = std::move(params);
  r.citation = c.citation;
  r.verified = c.verified;
  return r;
}

Verdict combine(const std::vector<ConditionResult>& cs) {
  bool unknown = false;
  for (const auto& c : cs) {
    if (c.outcome == Outcome::not_met) return Verdict::not_eligible;
    if (c.outcome == Outcome::unknown) unknown = true;
  }
  return unknown ? Verdict::cannot_tell : Verdict::eligible;
}

FormVerdict* find_form(SubjectVerdicts& v, AwardForm f) {
  for (auto& x : v.forms) {
    if (x.form == f) return &x;
  }
  return nullptr;
}

bool sanction_in_year(const SanctionFact& s, SanctionLevel at_least, int year) {
  if (s.level < at_least) return false;
  return s.decided_on <= year_end(year) && (s.ended_on.empty() || s.ended_on >= year_start(year));
}

bool holds_award(const std::vector<AwardFact>& awards, AwardForm form, int year) {
  return std::any_of(awards.begin(), awards.end(), [&](const AwardFact& a) {
    return a.form == form && a.year == year && basis_counts_for_merit(a.basis);
  });
}

/// What one subject is, for the evaluator: its facts, and where its verdicts are kept.
struct Subject {
  AwardSubject kind = AwardSubject::person;
  const PersonFacts* person = nullptr;
  const UnitFacts* unit = nullptr;
  const HouseholdFacts* household = nullptr;
  SubjectVerdicts* out = nullptr;
  std::vector<AwardForm> in_progress;

  const std::vector<AwardFact>& awards() const {
    static const std::vector<AwardFact> kNone;
    if (person) return person->awards;
    if (unit) return unit->awards;
    if (household) return household->awards;
    return kNone;
  }
};

class Evaluator {
 public:
  Evaluator(const RuleSet& rules, const EligibilityInput& in, EligibilityReport& out)
      : rules_(rules), in_(in), out_(out) {}

  void run();

 private:
  const FormVerdict* verdict(Subject& s, AwardForm form);
  ConditionResult check(Subject& s, const Rule& rule, const Condition& c);
  ConditionResult check_members(Subject& s, const Condition& c);
  ConditionResult check_initiative(const Subject& s, const Rule& rule, const Condition& c) const;
  ConditionResult check_worked(const Subject& s, const Condition& c) const;
  void apply_cap(const Rule& rule, const Condition& cap);
  const FormVerdict* person_verdict(std::int64_t person_id, AwardForm form);

  const RuleSet& rules_;
  const EligibilityInput& in_;
  EligibilityReport& out_;
  std::vector<Subject> people_;
  std::unordered_map<std::int64_t, std::size_t> person_index_;
};

const FormVerdict* Evaluator::verdict(Subject& s, AwardForm form) {
  if (const FormVerdict* v = s.out->find(form)) return v;
  const Rule* rule = rules_.rule_for(form, s.kind);
  if (!rule) return nullptr;
  if (std::find(s.in_progress.begin(), s.in_progress.end(), form) != s.in_progress.end()) return nullptr;
  s.in_progress.push_back(form);
  FormVerdict v;
  v.form = form;
  v.citation = rule->citation;
  v.verified = rule->verified;
  for (const auto& c : rule->conditions) {
    if (c.type == ConditionType::list_cap) continue;  // across the list, afterwards
    v.conditions.push_back(check(s, *rule, c));
  }
  v.verdict = combine(v.conditions);
  s.in_progress.pop_back();
  s.out->forms.push_back(std::move(v));
  return &s.out->forms.back();
}

const FormVerdict* Evaluator::person_verdict(std::int64_t person_id, AwardForm form) {
  auto it = person_index_.find(person_id);
  if (it == person_index_.end()) return nullptr;
  return verdict(people_[it->second], form);
}

ConditionResult Evaluator::check(Subject& s, const Rule& rule, const Condition& c) {
  const int y = in_.year;
  switch (c.type) {
    case ConditionType::meets: {
      const FormVerdict* v = c.form ? verdict(s, *c.form) : nullptr;
      const std::string f(c.form ? to_string(*c.form) : "");
      if (!v) return result(c, Outcome::unknown, "no_rule", {{"form", f}});
      switch (v->verdict) {
        case Verdict::eligible: return result(c, Outcome::met, "meets_met", {{"form", f}});
        case Verdict::not_eligible: return result(c, Outcome::not_met, "meets_not_met", {{"form", f}});
        case Verdict::cannot_tell: return result(c, Outcome::unknown, "meets_unknown", {{"form", f}});
      }
      break;
    }
    case ConditionType::rating_at_least: {
      std::optional<Rating> r = s.person ? s.person->rating : s.unit ? s.unit->rating : std::nullopt;
      const std::string need(to_string(c.rating.value_or(Rating::completed)));
      if (!r) return result(c, Outcome::unknown, "rating_missing", {{"year", std::to_string(y)}, {"rating", need}});
      Params p{{"actual", std::string(to_string(*r))}, {"rating", need}};
      return *r >= c.rating.value_or(Rating::completed) ? result(c, Outcome::met, "rating_met", std::move(p))
                                                        : result(c, Outcome::not_met, "rating_not_met", std::move(p));
    }
    case ConditionType::no_pending_case: {
      static const std::vector<CaseFact> kNone;
      const auto& cases = s.person ? s.person->cases : s.unit ? s.unit->cases : kNone;
      for (const auto& k : cases) {
        if (k.opened_on <= in_.as_of && (k.closed_on.empty() || k.closed_on > in_.as_of)) {
          return result(c, Outcome::not_met, "case_pending",
                        {{"case", std::string(to_string(k.kind))}, {"opened", k.opened_on}});
        }
      }
      return result(c, Outcome::met, "no_case_pending", {{"as_of", in_.as_of}});
    }
    case ConditionType::no_sanction_at_or_above: {
      const auto level = c.level.value_or(SanctionLevel::reprimand);
      const std::string l(to_string(level));
      if (s.person) {
        for (const auto& x : s.person->sanctions) {
          if (sanction_in_year(x, level, y)) {
            return result(c, Outcome::not_met, "sanction_in_year",
                          {{"actual", std::string(to_string(x.level))}, {"decided", x.decided_on}, {"level", l}});
          }
        }
      }
      return result(c, Outcome::met, "no_sanction", {{"level", l}, {"year", std::to_string(y)}});
    }
    case ConditionType::initiative_recognised: return check_initiative(s, rule, c);
    case ConditionType::any_of: {
      ConditionResult r = result(c, Outcome::not_met, "any_of_not_met");
      bool unknown = false, met = false;
      for (const auto& a : c.any_of) {
        r.alternatives.push_back(check(s, rule, a));
        if (r.alternatives.back().outcome == Outcome::met) met = true;
        if (r.alternatives.back().outcome == Outcome::unknown) unknown = true;
      }
      if (met) {
        r.outcome = Outcome::met;
        r.message = "any_of_met";
      } else if (unknown) {
        r.outcome = Outcome::unknown;
        r.message = "any_of_unknown";
      }
      return r;
    }
    case ConditionType::previous_titles_consecutive: {
      const AwardForm form = c.form.value_or(AwardForm::grassroots_fighter);
      Params p{{"form", std::string(to_string(form))}, {"years", std::to_string(c.years)}};
      for (int k = 1; k < c.years; ++k) {
        if (!holds_award(s.awards(), form, y - k)) {
          p.emplace_back("missing", std::to_string(y - k));
          return result(c, Outcome::not_met, "consecutive_missing", std::move(p));
        }
      }
      if (holds_award(s.awards(), form, y)) return result(c, Outcome::met, "consecutive_met", std::move(p));
      const FormVerdict* v = verdict(s, form);
      if (v && v->verdict == Verdict::eligible) return result(c, Outcome::met, "consecutive_met_now", std::move(p));
      if (v && v->verdict == Verdict::cannot_tell) return result(c, Outcome::unknown, "consecutive_unknown", std::move(p));
      p.emplace_back("missing", std::to_string(y));
      return result(c, Outcome::not_met, "consecutive_missing", std::move(p));
    }
    case ConditionType::members_share_with:
    case ConditionType::members_all_rating_at_least:
    case ConditionType::members_at_least_one:
    case ConditionType::no_member_sanction_at_or_above: return check_members(s, c);
    case ConditionType::list_cap: return result(c, Outcome::unknown, "cap_not_ranked");
    case ConditionType::worked_months_at_least: return check_worked(s, c);
    case ConditionType::achievements_at_least: {
      const int have = s.person ? s.person->achievements : s.unit ? s.unit->achievements : 0;
      Params p{{"count", std::to_string(have)}, {"required", std::to_string(c.count)}};
      if (in_.movement_id) p.emplace_back("movement", std::to_string(*in_.movement_id));
      return have >= c.count ? result(c, Outcome::met, "achievements_met", std::move(p))
                             : result(c, Outcome::not_met, "achievements_not_met", std::move(p));
    }
    case ConditionType::not_awarded_yet: {
      for (const auto& a : s.awards()) {
        if (a.form != rule.form || a.year != y) continue;
        if (in_.movement_id && a.movement_id && *a.movement_id != *in_.movement_id) continue;
        return result(c, Outcome::not_met, "already_awarded",
                      {{"form", std::string(to_string(rule.form))}, {"year", std::to_string(y)}});
      }
      return result(c, Outcome::met, "not_awarded_yet",
                    {{"form", std::string(to_string(rule.form))}, {"year", std::to_string(y)}});
    }
    case ConditionType::household_contribution: {
      if (!s.household || !s.household->contributions) return result(c, Outcome::unknown, "household_unrecorded");
      Params p{{"count", std::to_string(*s.household->contributions)}};
      return *s.household->contributions > 0 ? result(c, Outcome::met, "household_contributed", std::move(p))
                                              : result(c, Outcome::not_met, "household_none", std::move(p));
    }
    case ConditionType::council_judgement:
      return result(c, Outcome::unknown, "council_judgement", {{"note", c.note}});
  }
  return result(c, Outcome::unknown, "no_rule");
}

ConditionResult Evaluator::check_initiative(const Subject& s, const Rule& rule, const Condition& c) const {
  const auto level = c.initiative_level.value_or(InitiativeLevel::base);
  const int within = std::max(1, c.years);
  const int y = in_.year;
  Params p{{"level", std::string(to_string(level))}, {"years", std::to_string(within)}};
  if (!s.person) return result(c, Outcome::unknown, "initiative_person_only", std::move(p));
  const std::string basis(to_string(rule.form));
  int usable = 0;
  const std::pair<std::string, int>* used = nullptr;
  for (const auto& i : s.person->initiatives) {
    if (i.level < level || i.recognised_on.empty()) continue;
    const int ry = year_of(i.recognised_on);
    if (ry > y || ry <= y - within) continue;
    auto other = std::find_if(i.uses.begin(), i.uses.end(),
                              [&](const auto& u) { return u.first != basis || u.second != y; });
    if (other != i.uses.end()) {
      used = &*other;
      continue;
    }
    ++usable;
  }
  if (usable > 0) {
    p.emplace_back("count", std::to_string(usable));
    return result(c, Outcome::met, "initiative_met", std::move(p));
  }
  if (used) {
    p.emplace_back("basis", used->first);
    p.emplace_back("used_year", std::to_string(used->second));
    return result(c, Outcome::not_met, "initiative_used", std::move(p));
  }
  return result(c, Outcome::not_met, "initiative_missing", std::move(p));
}

ConditionResult Evaluator::check_worked(const Subject& s, const Condition& c) const {
  const int y = in_.year;
  Params p{{"required", std::to_string(c.months)}};
  if (!s.person) return result(c, Outcome::unknown, "worked_person_only", std::move(p));
  if (s.person->placements.empty()) return result(c, Outcome::unknown, "worked_no_placement", std::move(p));
  const int year_days = days_in_year(year_start(y), year_end(y), y);
  int days = 0;
  for (const auto& pl : s.person->placements) {
    if (pl.until.empty()) {
      days += days_in_year(pl.from, year_end(y), y);
    } else if (pl.until > pl.from) {
      days += days_in_year(pl.from, pl.until, y) - days_in_year(pl.until, pl.until, y);
    }
  }
  days = std::min(days, year_days);
  int maternity = 0;
  for (const auto& l : s.person->leaves) {
    const int d = days_in_year(l.from, l.to, y);
    if (l.kind == LeaveKind::maternity && c.maternity_counts) {
      maternity += d;
    } else {
      days -= d;
    }
  }
  days = std::max(days, 0);
  const int months = days * 12 / year_days;
  p.emplace_back("months", std::to_string(months));
  const bool ok = days * 12 >= c.months * year_days;
  if (ok && maternity > 0) {
    p.emplace_back("maternity_days", std::to_string(maternity));
    return result(c, Outcome::met, "worked_met_maternity", std::move(p));
  }
  return ok ? result(c, Outcome::met, "worked_met", std::move(p))
            : result(c, Outcome::not_met, "worked_not_met", std::move(p));
}

ConditionResult Evaluator::check_members(Subject& s, const Condition& c) {
  if (!s.unit) return result(c, Outcome::unknown, "members_unit_only");
  const auto& members = s.unit->members;
  const int n = static_cast<int>(members.size());
  if (n == 0) return result(c, Outcome::unknown, "members_none");
  switch (c.type) {
    case ConditionType::members_share_with: {
      const AwardForm form = c.form.value_or(AwardForm::advanced_worker);
      int yes = 0, unknown = 0;
      for (auto id : members) {
        const FormVerdict* v = person_verdict(id, form);
        if (!v || v->verdict == Verdict::cannot_tell) ++unknown;
        else if (v->verdict == Verdict::eligible) ++yes;
      }
      auto enough = [&](int x) { return c.strictly_more ? x * 100 > c.percent * n : x * 100 >= c.percent * n; };
      Params p{{"form", std::string(to_string(form))}, {"percent", std::to_string(c.percent)},
               {"count", std::to_string(yes)},        {"members", std::to_string(n)},
               {"share", std::to_string(yes * 100 / n)}, {"unknown", std::to_string(unknown)}};
      const std::string suffix = c.strictly_more ? "_more" : "";
      if (enough(yes)) return result(c, Outcome::met, "share_met" + suffix, std::move(p));
      if (!enough(yes + unknown)) return result(c, Outcome::not_met, "share_not_met" + suffix, std::move(p));
      return result(c, Outcome::unknown, "share_unknown" + suffix, std::move(p));
    }
    case ConditionType::members_all_rating_at_least: {
      const Rating need = c.rating.value_or(Rating::completed);
      int missing = 0;
      for (auto id : members) {
        auto it = person_index_.find(id);
        const PersonFacts* m = it == person_index_.end() ? nullptr : people_[it->second].person;
        if (!m || !m->rating) {
          ++missing;
          continue;
        }
        if (*m->rating < need) {
          return result(c, Outcome::not_met, "members_rating_not_met",
                        {{"name", m->name}, {"actual", std::string(to_string(*m->rating))},
                         {"rating", std::string(to_string(need))}});
        }
      }
      if (missing > 0) {
        return result(c, Outcome::unknown, "members_rating_missing",
                      {{"missing", std::to_string(missing)}, {"rating", std::string(to_string(need))}});
      }
      return result(c, Outcome::met, "members_rating_met",
                    {{"members", std::to_string(n)}, {"rating", std::string(to_string(need))}});
    }
    case ConditionType::members_at_least_one: {
      const AwardForm form = c.form.value_or(AwardForm::grassroots_fighter);
      const std::string f(to_string(form));
      bool unknown = false;
      for (auto id : members) {
        const FormVerdict* v = person_verdict(id, form);
        if (v && v->verdict == Verdict::eligible) {
          auto it = person_index_.find(id);
          return result(c, Outcome::met, "member_one_met", {{"form", f}, {"name", people_[it->second].person->name}});
        }
        if (!v || v->verdict == Verdict::cannot_tell) unknown = true;
      }
      return unknown ? result(c, Outcome::unknown, "member_one_unknown", {{"form", f}})
                     : result(c, Outcome::not_met, "member_one_not_met", {{"form", f}});
    }
    case ConditionType::no_member_sanction_at_or_above: {
      const auto level = c.level.value_or(SanctionLevel::warning);
      for (auto id : members) {
        auto it = person_index_.find(id);
        if (it == person_index_.end()) continue;
        const PersonFacts* m = people_[it->second].person;
        for (const auto& x : m->sanctions) {
          if (sanction_in_year(x, level, in_.year)) {
            return result(c, Outcome::not_met, "member_sanctioned",
                          {{"name", m->name}, {"actual", std::string(to_string(x.level))},
                           {"level", std::string(to_string(level))}});
          }
        }
      }
      return result(c, Outcome::met, "members_not_sanctioned", {{"level", std::string(to_string(level))}});
    }
    default: break;
  }
  return result(c, Outcome::unknown, "no_rule");
}

void Evaluator::apply_cap(const Rule& rule, const Condition& cap) {
  const AwardForm of = cap.form.value_or(AwardForm::advanced_worker);
  struct Candidate {
    std::size_t index;
    std::int64_t scope;
    int rating;
    int initiatives;
  };
  std::unordered_map<std::int64_t, int> holders;
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < people_.size(); ++i) {
    Subject& s = people_[i];
    const std::int64_t scope = cap.per_unit ? s.person->unit_id : 0;
    const FormVerdict* h = verdict(s, of);
    if (h && h->verdict == Verdict::eligible) ++holders[scope];
    const FormVerdict* v = verdict(s, rule.form);
    if (!v) continue;
    if (v->verdict != Verdict::eligible) {
      find_form(*s.out, rule.form)->conditions.push_back(result(cap, Outcome::unknown, "cap_not_ranked",
                                      {{"form", std::string(to_string(of))}, {"percent", std::to_string(cap.percent)}}));
      continue;
    }
    int recognised = 0;
    for (const auto& k : s.person->initiatives) {
      if (k.level >= InitiativeLevel::base && year_of(k.recognised_on) == in_.year) ++recognised;
    }
    candidates.push_back({i, scope, static_cast<int>(s.person->rating.value_or(Rating::not_completed)), recognised});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.scope != b.scope) return a.scope < b.scope;
    if (a.rating != b.rating) return a.rating > b.rating;
    if (a.initiatives != b.initiatives) return a.initiatives > b.initiatives;
    const PersonFacts& pa = *people_[a.index].person;
    const PersonFacts& pb = *people_[b.index].person;
    if (pa.female != pb.female) return pa.female;
    if (pa.sort_key != pb.sort_key) return pa.sort_key < pb.sort_key;
    return pa.id < pb.id;
  });
  std::unordered_map<std::int64_t, int> ranked, totals;
  for (const auto& c : candidates) ++totals[c.scope];
  for (const auto& c : candidates) {
    const int rank = ++ranked[c.scope];
    const int h = holders[c.scope];
    const int limit = h * cap.percent / 100;
    FormVerdict* v = find_form(*people_[c.index].out, rule.form);
    Params p{{"form", std::string(to_string(of))},   {"percent", std::to_string(cap.percent)},
             {"holders", std::to_string(h)},          {"cap", std::to_string(limit)},
             {"rank", std::to_string(rank)},          {"candidates", std::to_string(totals[c.scope])}};
    if (rank <= limit) {
      v->conditions.push_back(result(cap, Outcome::met, "cap_within", std::move(p)));
    } else {
      v->conditions.push_back(result(cap, Outcome::not_met, "cap_exceeded", std::move(p)));
      v->verdict = Verdict::not_eligible;
    }
  }
}

void Evaluator::run() {
  out_.year = in_.year;
  out_.rule_layers.assign(rules_.layers().begin(), rules_.layers().end());
  out_.people.reserve(in_.people.size());
  people_.reserve(in_.people.size());
  for (const auto& p : in_.people) {
    SubjectVerdicts v;
    v.subject = AwardSubject::person;
    v.id = p.id;
    v.name = p.name;
    v.unit_id = p.unit_id;
    out_.people.push_back(std::move(v));
  }
  for (std::size_t i = 0; i < in_.people.size(); ++i) {
    Subject s;
    s.kind = AwardSubject::person;
    s.person = &in_.people[i];
    s.out = &out_.people[i];
    s.out->forms.reserve(rules_.rules().size());
    people_.push_back(std::move(s));
    person_index_[in_.people[i].id] = i;
  }
  // 1–2. Capped forms first (with what they depend on), then the caps across the list, then
  // everything else, so that forms built on a capped one see the capped verdict.
  for (const auto& rule : rules_.rules()) {
    if (rule.subject != AwardSubject::person) continue;
    auto cap = std::find_if(rule.conditions.begin(), rule.conditions.end(),
                            [](const Condition& c) { return c.type == ConditionType::list_cap; });
    if (cap == rule.conditions.end()) continue;
    apply_cap(rule, *cap);
  }
  for (const auto& rule : rules_.rules()) {
    if (rule.subject != AwardSubject::person) continue;
    for (auto& s : people_) verdict(s, rule.form);
  }
  // 3. Units.
  out_.units.reserve(in_.units.size());
  for (const auto& u : in_.units) {
    SubjectVerdicts v;
    v.subject = AwardSubject::unit;
    v.id = u.id;
    v.name = u.name;
    v.unit_id = u.id;
    out_.units.push_back(std::move(v));
  }
  for (std::size_t i = 0; i < in_.units.size(); ++i) {
    Subject s;
    s.kind = AwardSubject::unit;
    s.unit = &in_.units[i];
    s.out = &out_.units[i];
    s.out->forms.reserve(rules_.rules().size());
    for (const auto& rule : rules_.rules()) {
      if (rule.subject == AwardSubject::unit) verdict(s, rule.form);
    }
  }
  // 4. Households.
  out_.households.reserve(in_.households.size());
  for (const auto& h : in_.households) {
    SubjectVerdicts v;
    v.subject = AwardSubject::household;
    v.id = h.id;
    v.name = h.name;
    out_.households.push_back(std::move(v));
  }
  for (std::size_t i = 0; i < in_.households.size(); ++i) {
    Subject s;
    s.kind = AwardSubject::household;
    s.household = &in_.households[i];
    s.out = &out_.households[i];
    s.out->forms.reserve(rules_.rules().size());
    for (const auto& rule : rules_.rules()) {
      if (rule.subject == AwardSubject::household) verdict(s, rule.form);
    }
  }
  // Forms in the rule set's order, whatever order recursion produced them in.
  std::unordered_map<int, long> position;  // (subject × 16 + form) → the rule's place
  {
    long i = 0;
    for (const auto& r : rules_.rules()) position[static_cast<int>(r.subject) * 16 + static_cast<int>(r.form)] = i++;
  }
  auto order = [&](SubjectVerdicts& v) {
    const int base = static_cast<int>(v.subject) * 16;
    std::sort(v.forms.begin(), v.forms.end(), [&](const FormVerdict& a, const FormVerdict& b) {
      return position[base + static_cast<int>(a.form)] < position[base + static_cast<int>(b.form)];
    });
  };
  for (auto& v : out_.people) order(v);
  for (auto& v : out_.units) order(v);
  for (auto& v : out_.households) order(v);
}

}  // namespace

std::string_view to_string(CaseKind k) { return detail::name_of(kCaseKinds, k); }
std::optional<CaseKind> parse_case_kind(std::string_view s) { return detail::parse_from(kCaseKinds, s); }
std::string_view to_string(LeaveKind k) { return detail::name_of(kLeaveKinds, k); }
std::optional<LeaveKind> parse_leave_kind(std::string_view s) { return detail::parse_from(kLeaveKinds, s); }
std::string_view to_string(Verdict v) { return detail::name_of(kVerdicts, v); }
std::string_view to_string(Outcome o) { return detail::name_of(kOutcomes, o); }

const FormVerdict* SubjectVerdicts::find(AwardForm f) const {
  for (const auto& v : forms) {
    if (v.form == f) return &v;
  }
  return nullptr;
}

int days_in_year(std::string_view from, std::string_view to, int year) {
  auto a = day_number(from);
  auto b = day_number(to);
  auto ys = day_number(year_start(year));
  auto ye = day_number(year_end(year));
  if (!a || !b || !ys || !ye) return 0;
  const long lo = std::max(*a, *ys);
  const long hi = std::min(*b, *ye);
  return hi < lo ? 0 : static_cast<int>(hi - lo + 1);
}

EligibilityReport evaluate_eligibility(const RuleSet& rules, const EligibilityInput& input) {
  EligibilityReport out;
  Evaluator(rules, input, out).run();
  return out;
}

}  // namespace thidua
