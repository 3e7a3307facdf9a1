#pragma once
/// Nominations (đề nghị khen thưởng) and their dossiers:
///  - the head of the subject's unit, or the Office, nominates a person, a unit or (the Office
///    only) a household for a title or form and a year, from the eligible list or by hand; one
///    nomination per subject, form and year (a second is refused naming the first); a
///    nomination the rules say is not eligible needs a written justification, kept in the
///    dossier;
///  - draft → submitted → returned ↔ resubmitted → accepted (for the council) → approved /
///    rejected (the council's ballot, council_session_service) → decided (mark_decided, called
///    by the decisions); every step an event with who, when and why; edits version-checked;
///  - the dossier's checklist comes from the rules; each item is an uploaded file, except the
///    achievement report, which the system drafts from the record and people edit (each
///    version kept).
/// The rules engine is injected (`NominationRules`); the defaults hold the legal defaults and
/// answer "cannot tell" for eligibility. nomination_service.cpp and nomination_dossier.cpp
/// implement it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/award.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/evidence.hpp"
#include "domain/nomination.hpp"
#include "domain/role.hpp"
#include "services/evidence_service.hpp"
#include "storage/database.hpp"
#include "storage/nomination_repo.hpp"

namespace thidua::services {

/// Who a nomination is about, as the rules engine is asked.
struct NominationSubjectRef {
  AwardSubject kind = AwardSubject::person;
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
};

/// The rules engine as nominations and the council use it. Each function may be empty: the
/// default then answers.
struct NominationRules {
  /// Eligibility of a subject for a form in a year (movement: none for yearly titles).
  std::function<NominationCheck(const NominationSubjectRef&, AwardForm, int year, std::optional<std::int64_t> movement)>
      check;
  /// How the council decides a form on a date (YYYY-MM-DD).
  std::function<BallotRule(AwardForm, const std::string& date)> council;
  /// The dossier's checklist for a form on a date.
  std::function<std::vector<NominationDossierItem>(AwardForm, const std::string& date)> dossier;

  NominationCheck check_or_default(const NominationSubjectRef& s, AwardForm f, int year,
                                   std::optional<std::int64_t> movement) const;
  BallotRule council_or_default(AwardForm f, const std::string& date) const;
  std::vector<NominationDossierItem> dossier_or_default(AwardForm f, const std::string& date) const;
};

/// The legal defaults: eligibility "cannot tell" (no rules engine), the council and dossier of
/// default_ballot_rule and default_dossier.
NominationRules default_nomination_rules();

/// A nomination as typed. `subject` is "person:12", "unit:3" or "household:7".
struct NominationInput {
  std::string agency_id;  ///< empty: the actor's agency
  std::string subject;
  std::string form;
  std::string year;
  std::string movement_id;  ///< empty: none
  std::string justification;
};

/// One checklist entry with what the dossier holds for it.
struct DossierEntry {
  NominationDossierItem item;
  std::vector<EvidenceRow> files;  ///< uploaded (evidence subject "nomination", caption = the item's code)
  bool complete = false;           ///< a file, or the drafted report, or the justification
};

/// A nomination with everything its page shows.
struct NominationView {
  storage::NominationRow nomination;
  std::vector<storage::NominationEventRow> history;
  std::vector<storage::NominationReportRow> reports;  ///< the achievement report's versions, oldest first
  std::vector<DossierEntry> dossier;
  std::vector<EvidenceRow> other_files;
  /// The council: its session and item, and once the item is closed its result.
  std::optional<std::int64_t> session_id;
  std::optional<std::int64_t> item_id;
  std::string item_status;
  std::string item_result;
  bool can_edit = false;      ///< edit, report, files, submit / resubmit
  bool can_submit = false;
  bool can_resubmit = false;
  bool can_review = false;    ///< the Office: return or accept
};

struct NominationFilter {
  std::optional<int> year;
  std::string status;  ///< a status code or empty
  std::string form;    ///< a form code or empty
};

struct NominationList {
  std::int64_t agency_id = 0;
  std::vector<storage::NominationRow> items;
  bool can_nominate = false;  ///< the Office or a unit head
};

class NominationService {
 public:
  /// `evidence` may be empty: dossiers then take no files. With it, the subject "nomination"
  /// is registered: a dossier's files are read by those who read the nomination.
  NominationService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence = nullptr,
                    NominationRules rules = default_nomination_rules(), Clock clock = system_clock());

  /// The rules in use (the council's ballot reads them too).
  const NominationRules& rules() const { return rules_; }
  /// Replaces the rules (the integrator plugs the rules engine in at start-up).
  void set_rules(NominationRules rules) { rules_ = std::move(rules); }

  Result<NominationView> create(const Principal& actor, const NominationInput& in);
  Result<NominationView> get(const Principal& actor, std::int64_t id);
  Result<NominationList> list(const Principal& actor, std::optional<std::int64_t> agency_id,
                              const NominationFilter& filter);
  /// The justification and movement, while draft or returned.
  Result<NominationView> edit(const Principal& actor, std::int64_t id, std::int64_t version,
                              const std::string& justification, const std::string& movement_id);
  /// submit / resubmit (the nominator), return_back / accept (the Office). Returning says why.
  Result<NominationView> act(const Principal& actor, std::int64_t id, std::int64_t version, NominationAction action,
                             const std::string& reason);
  /// A new version of the achievement report, while draft or returned.
  Result<NominationView> save_report(const Principal& actor, std::int64_t id, const std::string& body);
  /// A file for a checklist item (`item_code`), while draft or returned (the Office: until decided).
  Result<NominationView> attach(const Principal& actor, std::int64_t id, const std::string& item_code,
                                const EvidenceUpload& file);

  /// The Office records a household (the head's name and address) so that it can be nominated
  /// for a Giấy khen; until households have their own register.
  Result<std::int64_t> add_household(const Principal& actor, std::int64_t agency_id, const std::string& head_name,
                                     const std::string& address);

  /// The decisions part: approved → decided, each with the decision's id, in one transaction.
  /// The Office (or the leader) of the nominations' agency. Refused (conflict
  /// "nominations.not_approved") when one is not approved.
  Result<void> mark_decided(const Principal& actor, const std::vector<std::int64_t>& nomination_ids,
                            std::int64_t decision_id);
  /// The same inside the caller's transaction (a decision and its nominations land together).
  Result<void> mark_decided(storage::Tx& tx, const Principal& actor, const std::vector<std::int64_t>& nomination_ids,
                            std::int64_t decision_id) const;

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<EvidenceService> evidence_;
  NominationRules rules_;
  Clock clock_;
};

/// "Lao động tiên tiến": a form's Vietnamese name, for documents.
std::string nomination_form_name(AwardForm f);
/// A list of nominations as XLSX (sheet "Đề nghị khen thưởng"): subject, kind, unit, title or
/// form, year, the rules' verdict, status; Vietnamese headers.
Result<std::string> nominations_xlsx(const NominationList& list);

}  // namespace thidua::services
