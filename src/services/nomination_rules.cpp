#include "services/nomination_rules.hpp"

#include <string>
#include <vector>

namespace thidua::services {

namespace {

NominationVerdict verdict_of(Verdict v) {
  switch (v) {
    case Verdict::eligible:
      return NominationVerdict::eligible;
    case Verdict::not_eligible:
      return NominationVerdict::not_eligible;
    case Verdict::cannot_tell:
      return NominationVerdict::unknown;
  }
  return NominationVerdict::unknown;
}

/// "Đạt: <sentence> (<citation>)" for a condition and, under an "any of", each alternative.
void add_reasons(const text::Catalogue& cat, const ConditionResult& c, const std::string& indent,
                 std::vector<std::string>& out) {
  std::string line = indent + cat.get(text::Lang::vi, "eligibility.outcome." + std::string(to_string(c.outcome))) +
                     ": " + explain(cat, text::Lang::vi, c);
  if (!c.citation.empty()) line += " (" + c.citation + (c.verified ? "" : "; chưa kiểm chứng") + ")";
  out.push_back(std::move(line));
  for (const auto& a : c.alternatives) add_reasons(cat, a, indent + "  ", out);
}

/// A share as whole percent, rounded up so that "at least" stays at least (2/3 → 67).
int percent_of(const Share& s) {
  if (s.denominator <= 0) return 100;
  return static_cast<int>((static_cast<long long>(s.numerator) * 100 + s.denominator - 1) / s.denominator);
}

int year_of_date(const std::string& date) { return date.size() >= 4 ? std::atoi(date.substr(0, 4).c_str()) : 0; }

}  // namespace

NominationRules nomination_rules_from(std::shared_ptr<const EligibilityService> eligibility,
                                      std::shared_ptr<const text::Catalogue> catalogue) {
  NominationRules r;
  r.check = [eligibility, catalogue](const NominationSubjectRef& s, AwardForm form, int year,
                                     std::optional<std::int64_t> movement) {
    NominationCheck out;
    auto v = eligibility->verdict_for(s.agency_id, s.kind, s.id, form, year, movement);
    if (!v) {
      out.reasons.push_back(catalogue->get(text::Lang::vi, "nomination_rules.no_verdict"));
      return out;
    }
    out.verdict = verdict_of(v->verdict);
    if (v->conditions.empty()) out.reasons.push_back(catalogue->get(text::Lang::vi, "nomination_rules.no_rule"));
    for (const auto& c : v->conditions) add_reasons(*catalogue, c, "", out.reasons);
    return out;
  };
  r.council = [eligibility](AwardForm form, const std::string& date) {
    BallotRule b = default_ballot_rule(form);
    auto rules = eligibility->rule_set(year_of_date(date));
    if (!rules) return b;
    b.quorum_percent = percent_of(rules->council_quorum());
    if (auto t = rules->ballot_threshold(form)) {
      b.ballot_required = true;
      b.threshold_percent = percent_of(*t);
      b.threshold_strict = false;  // "at least" the share of the membership
      if (const Rule* rule = rules->rule_for(form)) {
        b.citation = rule->threshold_citation + (rule->threshold_verified ? "" : " (chưa kiểm chứng)");
      }
    } else {
      b.ballot_required = false;  // a majority of the membership, as the default says
    }
    return b;
  };
  r.dossier = [eligibility, catalogue](AwardForm form, const std::string& date) {
    auto rules = eligibility->rule_set(year_of_date(date));
    if (!rules || rules->dossier(form).empty()) return default_dossier(form);
    std::vector<NominationDossierItem> items;
    for (const auto& code : rules->dossier(form)) {
      NominationDossierItem i;
      i.code = code;
      i.name = catalogue->get(text::Lang::vi, "dossier_document." + code);
      // Certificates of an initiative are asked only where the title rests on one.
      i.required = code != "initiative_certificate";
      i.drafted = code == "achievement_report";
      items.push_back(std::move(i));
    }
    return items;
  };
  return r;
}

}  // namespace thidua::services
