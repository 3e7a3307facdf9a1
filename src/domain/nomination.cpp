#include "domain/nomination.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<NominationStatus, 8> kStatusNames{{
    {NominationStatus::draft, "draft"},
    {NominationStatus::submitted, "submitted"},
    {NominationStatus::returned, "returned"},
    {NominationStatus::resubmitted, "resubmitted"},
    {NominationStatus::accepted, "accepted"},
    {NominationStatus::approved, "approved"},
    {NominationStatus::rejected, "rejected"},
    {NominationStatus::decided, "decided"},
}};
constexpr detail::EnumNames<NominationAction, 8> kActionNames{{
    {NominationAction::submit, "submitted"},
    {NominationAction::return_back, "returned"},
    {NominationAction::resubmit, "resubmitted"},
    {NominationAction::accept, "accepted"},
    {NominationAction::approve, "approved"},
    {NominationAction::reject, "rejected"},
    {NominationAction::decide, "decided"},
    {NominationAction::edit, "edited"},
}};
constexpr detail::EnumNames<NominationVerdict, 3> kVerdictNames{{
    {NominationVerdict::eligible, "eligible"},
    {NominationVerdict::not_eligible, "not_eligible"},
    {NominationVerdict::unknown, "unknown"},
}};

}  // namespace

std::string_view to_string(NominationStatus s) { return detail::name_of(kStatusNames, s); }
std::optional<NominationStatus> parse_nomination_status(std::string_view s) {
  return detail::parse_from(kStatusNames, s);
}
std::string_view to_string(NominationAction a) { return detail::name_of(kActionNames, a); }
std::string_view to_string(NominationVerdict v) { return detail::name_of(kVerdictNames, v); }
std::optional<NominationVerdict> parse_nomination_verdict(std::string_view s) {
  return detail::parse_from(kVerdictNames, s);
}

std::optional<NominationStatus> nomination_next(NominationStatus s, NominationAction a) {
  using S = NominationStatus;
  using A = NominationAction;
  switch (a) {
    case A::edit:
      if (s == S::draft || s == S::returned) return s;
      return std::nullopt;
    case A::submit:
      if (s == S::draft) return S::submitted;
      return std::nullopt;
    case A::resubmit:
      if (s == S::returned) return S::resubmitted;
      return std::nullopt;
    case A::return_back:
      if (s == S::submitted || s == S::resubmitted) return S::returned;
      return std::nullopt;
    case A::accept:
      if (s == S::submitted || s == S::resubmitted) return S::accepted;
      return std::nullopt;
    case A::approve:
      if (s == S::accepted) return S::approved;
      return std::nullopt;
    case A::reject:
      if (s == S::accepted) return S::rejected;
      return std::nullopt;
    case A::decide:
      if (s == S::approved) return S::decided;
      return std::nullopt;
  }
  return std::nullopt;
}

bool nomination_action_needs_reason(NominationAction a) {
  return a == NominationAction::return_back || a == NominationAction::reject;
}

BallotRule default_ballot_rule(AwardForm form) {
  BallotRule r;
  r.quorum_percent = 80;
  switch (form) {
    case AwardForm::grassroots_fighter:
    case AwardForm::flag:
    case AwardForm::government_flag:
      r.ballot_required = true;
      r.threshold_percent = 80;
      r.threshold_strict = false;
      r.citation = "Điều 30 khoản 7 Nghị định 98/2023/NĐ-CP";
      break;
    case AwardForm::provincial_fighter:
    case AwardForm::national_fighter:
      r.ballot_required = true;
      r.threshold_percent = 90;
      r.threshold_strict = false;
      r.citation = "Điều 30 khoản 7 Nghị định 98/2023/NĐ-CP";
      break;
    default:
      r.ballot_required = false;
      r.threshold_percent = 50;
      r.threshold_strict = true;
      r.citation = "Quy chế Hội đồng Thi đua - Khen thưởng (biểu quyết theo đa số)";
      break;
  }
  return r;
}

std::vector<NominationDossierItem> default_dossier(AwardForm form) {
  std::vector<NominationDossierItem> out{
      {"submission", "Tờ trình đề nghị khen thưởng", true, false},
      {"achievement_report", "Báo cáo thành tích", true, true},
      {"council_minutes", "Biên bản họp Hội đồng Thi đua - Khen thưởng", true, false},
  };
  if (default_ballot_rule(form).ballot_required) {
    out.push_back({"ballot_result", "Kết quả bỏ phiếu kín", true, false});
  }
  if (form == AwardForm::grassroots_fighter) {
    out.push_back({"initiative_certificate", "Giấy chứng nhận sáng kiến (nếu có)", false, false});
  }
  return out;
}

BallotTally ballot_tally(const BallotRule& rule, int approvals, int disapprovals, int written_approvals,
                         int written_disapprovals, int base) {
  BallotTally t;
  t.approvals = approvals + (rule.count_written ? written_approvals : 0);
  t.disapprovals = disapprovals + (rule.count_written ? written_disapprovals : 0);
  t.base = base;
  if (base <= 0) return t;
  t.permille = static_cast<int>((static_cast<long long>(t.approvals) * 1000) / base);
  const long long lhs = static_cast<long long>(t.approvals) * 100;
  const long long rhs = static_cast<long long>(rule.threshold_percent) * base;
  t.passed = rule.threshold_strict ? lhs > rhs : lhs >= rhs;
  return t;
}

int quorum_needed(int membership, int quorum_percent) {
  if (membership <= 0) return 0;
  return static_cast<int>((static_cast<long long>(membership) * quorum_percent + 99) / 100);
}

}  // namespace thidua
