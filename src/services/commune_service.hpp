#pragma once
/// The communes an agency supports (nông thôn mới): the catalogue of communes with their
/// history, assignments of communes to agencies, criteria sets (loaded from rules/criteria/)
/// with indicators an administrator adds, assessments of every criterion on a date,
/// recognition events, and the agency's support ledger from its verified achievements.
///
/// Who may do what (checked here, inside each transaction):
/// - the catalogue: every signed-in user reads it; the installation administrator and
///   authorities change it (create, correct, rename, merge, dissolve, import);
/// - a commune's page: users of an agency that is or was assigned to it (an authority: of the
///   agencies under it; the installation administrator: all); anyone else gets "not found";
/// - assignments: the agency's administrator and Office, or the authority above it;
/// - assessments: the agency's administrator and Office, and the assignment's contact people;
/// - recognitions: whoever manages an agency assigned to the commune, and catalogue editors;
/// - indicators: the installation administrator.
/// Every change is one transaction, audited; edits are version-checked; nothing is deleted
/// (an assessment or a recognition typed in error is withdrawn with who, when and why).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/commune.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/criteria_files.hpp"
#include "services/evidence_service.hpp"
#include "services/import_service.hpp"
#include "storage/database.hpp"

namespace thidua::services {

// ---- inputs, as typed ------------------------------------------------------------------------

struct CommuneInput {
  std::string code;
  std::string name;
  std::string kind = "xa";  ///< xa / phuong / thi_tran (or Xã / Phường / Thị trấn)
  std::string district;
  std::string province;
  std::string since;  ///< the date the name holds from (dd/mm/yyyy); empty: not known
};

/// A change of a catalogue entry. `change`:
///   correct  — fix the current name, kind, district or province in place (a typo);
///   rename   — a new name (kind, district) from `effective_date`;
///   merge    — merged into the commune `into_code` from `effective_date` (its assignments in
///              force end that day and, with `carry_assignments`, continue on the new commune);
///   dissolve — no longer exists from `effective_date`;
///   group    — the commune's group under the 2026–2030 criteria (`group`: 1, 2 or 3) from
///              `effective_date`.
struct CommuneChangeInput {
  std::string change;
  std::string name;
  std::string kind;
  std::string district;
  std::string province;
  std::string effective_date;
  std::string into_code;
  std::string decision_ref;
  std::string note;
  std::string group;
  bool carry_assignments = true;
};

struct AssignmentInput {
  std::string commune_code;  ///< the official code of the commune (creating only)
  std::string decision_ref;  ///< "1177/QĐ-UBND"
  std::string decision_date;
  std::string target_level;  ///< ntm / ntm_advanced / ntm_model
  std::string target_year;
  std::string valid_from;  ///< empty: the decision's date
  std::string note;
  std::vector<std::string> contact_ids;  ///< people of the agency
  std::string contact_role;              ///< e.g. "Thành viên Tổ công tác"
};

struct AssessmentItemInput {
  std::string criterion_id;
  std::string met;  ///< "1" met, "0" not met, "" not given
  std::string value;
  std::string note;
};

struct AssessmentInput {
  std::string assessed_on;
  std::string kind = "half_year";
  std::string note;
  std::string agency_id;  ///< empty: the agency whose assignment holds on the date
  std::vector<AssessmentItemInput> items;
};

struct RecognitionInput {
  std::string level;
  std::string event = "recognised";
  std::string year;
  std::string decision_ref;
  std::string decision_date;
  std::string issuer;
  std::string note;
};

struct IndicatorInput {
  std::string code;
  std::string name;
  std::string measure_unit;
  std::string target;
  std::string commune_group;
};

// ---- what the pages and the API get ----------------------------------------------------------

struct CatalogueFilter {
  std::string q;  ///< part of the name or the code, diacritics and case ignored
  std::string district;
  std::string status;  ///< "" all, active, merged, dissolved
  int page = 1;
  int per_page = 50;
};

struct CatalogueRow {
  Commune commune;
  std::string since;        ///< the current name's first day (empty: not known)
  std::string merged_into;  ///< for a merged commune: the name it was merged into
  std::string merged_on;
};

struct CataloguePage {
  std::vector<CatalogueRow> items;
  long long total = 0;
  int page = 1;
  int per_page = 50;
  std::vector<std::string> districts;  ///< every district named in the catalogue, for the filter
  bool can_edit = false;
  bool can_assign = false;  ///< the caller may assign communes to their agency
};

struct CatalogueEntry {
  Commune commune;
  std::vector<CommuneVersion> versions;
  std::vector<CommuneLineage> lineage;
  std::vector<CommuneClass> classes;
  bool can_edit = false;
  bool can_assign = false;
  bool has_page = false;  ///< the caller may open the commune's page (an assignment they see)
};

struct CriteriaSetView {
  CriteriaSet set;  ///< criteria with their indicators (retired ones too)
  std::string note;
  bool unverified = false;
  std::vector<CommuneGroup> groups;
  bool can_edit = false;
};

/// A commune the agency is (or was) assigned, as the overview lists it.
struct OverviewRow {
  Commune commune;
  CommuneAssignment assignment;  ///< the one in force, else the latest
  bool current = true;           ///< the assignment is still in force
  std::optional<Assessment> latest;
  std::vector<Assessment> by_set;  ///< the latest recorded assessment on each criteria set
  SupportTotals support;
  std::optional<Recognition> recognition;  ///< the latest recorded recognition event
  std::string merged_into;
};

struct OverviewFilter {
  std::string q;
  std::string district;
  std::string level;  ///< a target level
  std::string year;   ///< a target year
  std::string band;   ///< "below": under 15 criteria (or not assessed); "reached": 15 or more
  std::string sort = "name";  ///< name, district, level, year, met, assessed, support
  bool desc = false;
  bool ended = false;  ///< include ended assignments
};

/// A criteria set the agency's communes were assessed on, newest first.
struct OverviewSet {
  std::int64_t id = 0;
  std::string name;
  std::string valid_from;
  int criteria = 0;
};

struct Overview {
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::vector<OverviewRow> rows;  ///< filtered and sorted
  /// Programme yardsticks over the agency's communes in force (before filters).
  int communes = 0;
  int assessed = 0;
  int reaching_min = 0;  ///< the latest assessment on a 2021–2025 set (19 criteria) met ≥ 15
  std::vector<OverviewSet> sets;
  int recognised_ntm = 0;
  int recognised_advanced = 0;
  int recognised_model = 0;
  std::vector<std::string> districts;
  bool can_assign = false;
};

struct CommuneDetail {
  Commune commune;
  std::vector<CommuneVersion> versions;
  std::vector<CommuneLineage> lineage;
  std::vector<CommuneClass> classes;
  std::vector<CommuneAssignment> assignments;  ///< of agencies the caller reads, newest first
  std::vector<Assessment> assessments;         ///< of those agencies, oldest first, withdrawn too
  std::optional<Assessment> latest;            ///< the latest recorded one, with items
  std::vector<EvidenceRow> latest_evidence;    ///< its active evidence files
  std::vector<Recognition> recognitions;
  std::vector<SupportEntry> ledger;  ///< newest first, at most kLedgerRows
  SupportTotals support;
  std::string group;  ///< the commune's group under the 2026–2030 criteria, today
  bool can_assess = false;
  bool can_assign = false;
  bool can_recognise = false;
  bool can_edit_catalogue = false;
  /// The people the caller may name as contacts (of agencies whose assignments they manage).
  std::vector<std::pair<std::int64_t, std::string>> people;
};

/// What a commune's page depends on besides its data, for the page cache.
struct CommuneStamp {
  std::int64_t data_version = 0;
  std::string scope;  ///< the agencies the caller reads and their rights, as a key
};

/// The assessment form for a date: the set in force for the commune's target then.
struct AssessmentForm {
  Commune commune;
  std::string date;
  CommuneAssignment assignment;
  CriteriaSet set;  ///< criteria with their active indicators for the commune's group
  std::optional<Assessment> previous;  ///< the latest recorded one before the date, with items
  std::string group;
};

inline constexpr int kLedgerRows = 50;

class CommuneService {
 public:
  /// With `evidence`, assessments take evidence files (subject "assessment"; a file is read by
  /// whoever may read the assessment).
  CommuneService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence = nullptr,
                 Clock clock = system_clock());
  bool takes_files() const { return evidence_ != nullptr; }

  // The catalogue.
  Result<CataloguePage> catalogue(const Principal& actor, const CatalogueFilter& filter);
  Result<CatalogueEntry> catalogue_entry(const Principal& actor, std::int64_t id);
  Result<CatalogueEntry> catalogue_entry_by_code(const Principal& actor, const std::string& code);
  Result<Commune> create_commune(const Principal& actor, const CommuneInput& input);
  Result<Commune> change_commune(const Principal& actor, std::int64_t id, std::int64_t version,
                                 const CommuneChangeInput& input);
  /// Reads a catalogue file (XLSX or CSV: code, name, kind, district, province[, since]) and
  /// checks every row; `write` imports every row in one transaction, or none when any row has
  /// a problem (validation "import.has_problems"; `problems` receives the preview). Rows are
  /// matched by code: new ones created, changed ones corrected, the same ones left alone.
  Result<ImportPreview> import_catalogue(const Principal& actor, std::string_view bytes, std::string_view file_name,
                                         bool write, ImportPreview* problems = nullptr);
  Result<std::string> catalogue_template();
  Result<std::string> export_catalogue(const Principal& actor, const CatalogueFilter& filter);

  // Criteria sets.
  Result<std::vector<CriteriaSetView>> criteria_sets(const Principal& actor);
  Result<CriteriaSetView> criteria_set(const Principal& actor, std::int64_t id);
  Result<Indicator> add_indicator(const Principal& actor, std::int64_t criterion_id, const IndicatorInput& input);
  Result<Indicator> retire_indicator(const Principal& actor, std::int64_t indicator_id);

  // The agency's communes.
  Result<Overview> overview(const Principal& actor, std::int64_t agency_id, const OverviewFilter& filter);
  Result<std::string> export_overview(const Principal& actor, std::int64_t agency_id, const OverviewFilter& filter);
  Result<CommuneDetail> get(const Principal& actor, std::int64_t commune_id);
  Result<CommuneStamp> stamp(const Principal& actor, std::int64_t commune_id);

  Result<CommuneAssignment> assign(const Principal& actor, std::int64_t agency_id, const AssignmentInput& input);
  Result<CommuneAssignment> update_assignment(const Principal& actor, std::int64_t assignment_id, std::int64_t version,
                                              const AssignmentInput& input);
  /// Ends the assignment from `end_date` (the first day it no longer holds); kept in history.
  Result<CommuneAssignment> end_assignment(const Principal& actor, std::int64_t assignment_id, std::int64_t version,
                                           const std::string& end_date, const std::string& note);
  /// The people the caller may name as contacts of the agency's assignments (its people at
  /// work), for those who manage the agency's assignments.
  Result<std::vector<std::pair<std::int64_t, std::string>>> contact_choices(const Principal& actor,
                                                                             std::int64_t agency_id);
  /// The assignment if the caller may see it (its agency readable).
  Result<CommuneAssignment> assignment(const Principal& actor, std::int64_t assignment_id);

  Result<AssessmentForm> assessment_form(const Principal& actor, std::int64_t commune_id, const std::string& date);
  /// Records the assessment and attaches `files` (minutes, photos) in the same transaction.
  Result<Assessment> record_assessment(const Principal& actor, std::int64_t commune_id, const AssessmentInput& input,
                                       const std::vector<EvidenceUpload>& files = {});
  /// The evidence files of an assessment (withdrawn ones too), for whoever may read it.
  Result<std::vector<EvidenceRow>> assessment_files(const Principal& actor, std::int64_t commune_id,
                                                    std::int64_t assessment_id);
  /// More files for a recorded assessment (those who may assess for its agency).
  Result<std::vector<EvidenceRow>> add_assessment_files(const Principal& actor, std::int64_t commune_id,
                                                        std::int64_t assessment_id,
                                                        const std::vector<EvidenceUpload>& files);
  /// Takes a file off an assessment (kept, with who, when and why).
  Result<EvidenceRow> withdraw_assessment_file(const Principal& actor, std::int64_t commune_id,
                                               std::int64_t assessment_id, std::int64_t evidence_id,
                                               const std::string& reason);
  Result<Assessment> withdraw_assessment(const Principal& actor, std::int64_t commune_id, std::int64_t assessment_id,
                                         const std::string& reason);
  Result<Assessment> get_assessment(const Principal& actor, std::int64_t commune_id, std::int64_t assessment_id);
  /// The commune's assessments (withdrawn too) with their items, oldest first.
  Result<std::vector<Assessment>> assessments(const Principal& actor, std::int64_t commune_id);
  Result<std::string> export_assessments(const Principal& actor, std::int64_t commune_id);

  Result<Recognition> add_recognition(const Principal& actor, std::int64_t commune_id, const RecognitionInput& input);
  Result<Recognition> withdraw_recognition(const Principal& actor, std::int64_t commune_id,
                                           std::int64_t recognition_id, const std::string& reason);

 private:
  Result<std::vector<EvidenceRow>> attach_files(storage::Tx& tx, const Principal& actor, const Assessment& a,
                                                const std::vector<EvidenceUpload>& files, TimePoint now) const;
  Result<Assessment> assessment_for_files(storage::Tx& tx, const Principal& actor, std::int64_t commune_id,
                                          std::int64_t assessment_id) const;

  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<EvidenceService> evidence_;
  Clock clock_;
};

}  // namespace thidua::services
