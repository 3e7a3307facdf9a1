#pragma once
/// Nominations (đề nghị khen thưởng) and the council's secret ballot, as values and pure rules:
///  - a nomination's statuses and the steps between them (draft → submitted → returned ↔
///    resubmitted → accepted → approved / rejected → decided);
///  - what the rules say of a nomination (eligible / not eligible / cannot tell), the council
///    rule of a form (ballot, threshold on the membership, quorum, written opinions, recusal)
///    and the dossier's checklist — the shapes the rules engine answers in;
///  - the ballot's result: approvals against the threshold, counted on the membership.
/// Names carry a Nomination/Ballot prefix: the rules engine has its own verdicts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/award.hpp"

namespace thidua {

enum class NominationStatus { draft, submitted, returned, resubmitted, accepted, approved, rejected, decided };
enum class NominationAction { submit, return_back, resubmit, accept, approve, reject, decide, edit };

std::string_view to_string(NominationStatus s);
std::optional<NominationStatus> parse_nomination_status(std::string_view s);
std::string_view to_string(NominationAction a);
/// The status after `a`, or none when `a` is not allowed from `s`. `edit` keeps the status
/// (allowed while draft or returned).
std::optional<NominationStatus> nomination_next(NominationStatus s, NominationAction a);
/// Returning and rejecting say why.
bool nomination_action_needs_reason(NominationAction a);

/// What the rules say of a subject and a form for a year.
enum class NominationVerdict { eligible, not_eligible, unknown };
std::string_view to_string(NominationVerdict v);
std::optional<NominationVerdict> parse_nomination_verdict(std::string_view s);

struct NominationCheck {
  NominationVerdict verdict = NominationVerdict::unknown;
  std::vector<std::string> reasons;  ///< each condition with its outcome and citation, Vietnamese
};

/// How the council decides a form, as the rule set in force on the session's date says.
struct BallotRule {
  bool ballot_required = false;  ///< a (secret) vote is required for the form
  int threshold_percent = 50;    ///< approvals needed, in percent of the base
  bool threshold_strict = true;  ///< more than (a majority) rather than at least
  int quorum_percent = 80;       ///< members present, in percent of the membership
  bool count_written = true;     ///< absent members' written opinions count as votes
  bool recuse_unit_head = true;  ///< the head of the nominee's unit does not vote on it
  std::string citation;
};

/// One entry of a dossier's checklist.
struct NominationDossierItem {
  std::string code;  ///< submission / achievement_report / council_minutes / ballot_result / initiative_certificate / justification
  std::string name;  ///< Vietnamese, as the rule set words it
  bool required = true;
  bool drafted = false;  ///< the system writes it from the record (the achievement report)
};

/// The legal defaults (Decree 98/2023 art. 30.7; Law 2022 art. 84.1): a ballot for CSTĐCS,
/// flags and above; 80% of the membership for CSTĐCS and flags, 90% for province-level and
/// national fighters, a majority otherwise; award sessions need 80% present.
BallotRule default_ballot_rule(AwardForm form);
std::vector<NominationDossierItem> default_dossier(AwardForm form);

/// The counted result of an item.
struct BallotTally {
  int approvals = 0;     ///< secret ballots approving, plus counted written opinions
  int disapprovals = 0;
  int base = 0;          ///< the membership less recused members
  bool passed = false;
  /// approvals / base in tenths of a percent (875 is 87,5%); 0 when base is 0.
  int permille = 0;
};
/// `approvals` ballots and `written_approvals` opinions (counted when the rule says so)
/// against `threshold_percent` of `base`.
BallotTally ballot_tally(const BallotRule& rule, int approvals, int disapprovals, int written_approvals,
                         int written_disapprovals, int base);
/// Members needed present for `membership` under `quorum_percent` (rounded up).
int quorum_needed(int membership, int quorum_percent);

}  // namespace thidua
