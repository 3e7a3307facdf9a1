#pragma once
/// The register of initiatives (sáng kiến) and research topics: registered by the Office, or
/// by a member of staff who is one of the authors; edited version-checked with before/after in
/// the audit log; withdrawn, never deleted. And what each initiative was used as a basis for:
/// the same initiative serves one title or form per author (official letter 5007/BNV-TĐKT),
/// until that use is released.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/audit.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/initiative.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"
#include "storage/initiative_repo.hpp"

namespace thidua::services {

/// One author as typed: `person_id` (the API), or `person` as a form shows it ("Nông Thị Hoa
/// (BDT003)", the code alone, or the full name when only one person of the agency has it).
struct InitiativeAuthorInput {
  std::string person_id;
  std::string person;
  std::string share;  ///< whole percent
};

/// The register's fields as typed; validated and normalised by the service.
struct InitiativeInput {
  std::string kind = "initiative";  ///< initiative / research_topic
  std::string title;
  std::string field;
  std::string summary;
  std::string applied_from;  ///< dd/mm/yyyy or ISO
  std::string scope;
  std::string effect;
  std::string recognition_level = "none";  ///< none / base / province / national
  std::string recognition_body;
  std::string recognition_number;
  std::string recognition_date;
  std::string movement_id;  ///< empty: none
  /// Rows with neither a person nor a share are skipped (a form's spare rows).
  std::vector<InitiativeAuthorInput> authors;
};

struct InitiativeFilter {
  std::int64_t agency_id = 0;
  std::string text;  ///< any spelling: diacritics and case are ignored
  int year = 0;
  std::string level;   ///< a RecognitionLevel; empty: any
  std::string field;   ///< exact; empty: any
  std::optional<std::int64_t> author_id;
  std::string status;  ///< empty: active ones; "withdrawn"; "all"
  int page = 1;
  int per_page = 50;
};

struct InitiativeList {
  std::vector<Initiative> items;
  std::map<std::int64_t, int> live_uses;  ///< initiative id → live uses (only those with any)
  long long total = 0;
  int page = 1;
  int per_page = 50;
  std::vector<std::string> fields;  ///< the agency's fields, for the filter
  std::vector<int> years;           ///< the years with initiatives, newest first
  std::vector<std::pair<std::int64_t, std::string>> authors;  ///< everyone with an initiative, for the filter
  bool can_create = false;          ///< the Office, or staff with a person record in the agency
  bool can_manage = false;          ///< the Office: every initiative, recognition, uses
};

struct InitiativeDetail {
  Initiative initiative;
  std::string agency_name;
  std::vector<InitiativeUse> uses;   ///< live and released, oldest first
  std::vector<AuditEntry> history;   ///< every change, oldest first
  bool can_edit = false;             ///< the Office, or an author while it is active
  bool can_edit_recognition = false; ///< the Office
  bool can_withdraw = false;
  bool can_record_use = false;       ///< the Office (imported history, corrections)
};

/// A use recorded by hand (page or API) as typed.
struct InitiativeUseInput {
  std::string person_id;   ///< an author's id; empty: the collective
  std::string basis_kind;  ///< title / form / nomination / other
  std::string basis_ref;   ///< a title or form code, a nomination's id, or text for other
  std::string year;
  std::string note;
};

class InitiativeService {
 public:
  InitiativeService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  Result<InitiativeList> list(const Principal& actor, const InitiativeFilter& filter);
  /// Every initiative the filter matches (no paging) with every use, for the export.
  Result<std::pair<std::vector<Initiative>, std::vector<InitiativeUse>>> all_for_export(const Principal& actor,
                                                                                        InitiativeFilter filter);
  Result<InitiativeDetail> get(const Principal& actor, std::int64_t id);
  /// The initiatives `person_id` is an author of (for the person's page); errors as get().
  Result<std::vector<Initiative>> of_person(const Principal& actor, std::int64_t person_id);
  /// What a new form starts from for the actor: the actor's own person as the sole author
  /// (100%) when they are not the Office.
  Result<InitiativeInput> blank_input(const Principal& actor, std::int64_t agency_id);
  /// People of the agency to choose authors from: (id, "Name (CODE)").
  Result<std::vector<std::pair<std::int64_t, std::string>>> author_choices(const Principal& actor,
                                                                           std::int64_t agency_id);

  Result<Initiative> create(const Principal& actor, std::int64_t agency_id, const InitiativeInput& input);
  /// Fails with conflict "edit.stale" when the initiative changed since `version` was read.
  Result<Initiative> update(const Principal& actor, std::int64_t id, std::int64_t version, const InitiativeInput& input);
  /// Registered in error: kept, marked withdrawn with who, when and why. Refused while a use is live.
  Result<Initiative> withdraw(const Principal& actor, std::int64_t id, std::int64_t version, const std::string& reason);

  /// Records, inside the caller's transaction, that the initiative is the basis of something
  /// (a title or form for `person_id`, one of its authors; none: the collective). Refuses a
  /// second live use for the same author (conflict "initiative.already_used", naming what it
  /// was used for), a withdrawn or unrecognised initiative, and an initiative the actor may not
  /// read (not found). Which roles may nominate is the caller's use case to check; this one
  /// audits the use in the same transaction. The commendation workflow calls it.
  Result<InitiativeUse> record_use(storage::Tx& tx, const Principal& actor, std::int64_t initiative_id,
                                   std::optional<std::int64_t> person_id, BasisKind basis_kind,
                                   const std::string& basis_ref, int year, const std::string& note);
  /// Frees a live use (the nomination was rejected or withdrawn), with the reason; audited.
  Result<InitiativeUse> release_use(storage::Tx& tx, const Principal& actor, std::int64_t use_id,
                                    const std::string& reason);

  /// The same, each in its own transaction, for the Office (page or API): imported history and
  /// corrections. `initiative_id` must be the use's initiative.
  Result<InitiativeUse> record_use_by_hand(const Principal& actor, std::int64_t initiative_id,
                                           const InitiativeUseInput& input);
  Result<InitiativeUse> release_use_by_hand(const Principal& actor, std::int64_t initiative_id, std::int64_t use_id,
                                            const std::string& reason);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

/// The initiative's fields as JSON (for the audit log's before/after and the API).
boost::json::object initiative_fields(const Initiative& i);
boost::json::object initiative_use_fields(const InitiativeUse& u);

/// The official Vietnamese name of a title or form code ("grassroots_fighter" → "Chiến sĩ thi
/// đua cơ sở"); other text as it is.
std::string basis_ref_name(const std::string& ref);
/// Title and form codes a use may name, in the order forms list them: (code, name, is_form).
struct BasisRefChoice {
  const char* code;
  const char* name;
  BasisKind kind;
};
const std::vector<BasisRefChoice>& basis_ref_choices();

}  // namespace thidua::services
