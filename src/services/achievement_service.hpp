#pragma once
/// Achievements (kết quả thực hiện): units and people record what they did for a content item
/// of a launched movement — propaganda sessions, resources mobilised, support visits to an
/// assigned commune, role models found, initiatives, other work — and the Office verifies
/// them or returns them with a comment. Statuses: draft → submitted → verified / returned →
/// resubmitted …; withdrawn by those who keep the record (never deleted). Every change is one
/// transaction, version-checked, audited, and kept in the record's history (an edit keeps the
/// values it replaced). Only verified records count in progress, scores and reports.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/achievement.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/evidence.hpp"
#include "domain/movement.hpp"
#include "domain/role.hpp"
#include "services/achievement_rights.hpp"
#include "storage/achievement_repo.hpp"
#include "storage/database.hpp"

namespace thidua::services {

class EvidenceService;
struct EvidenceUpload;

/// A record as typed (form or API); validated and normalised by the service. Numbers may be
/// typed with "." or spaces between thousands ("1.250.000").
struct AchievementInput {
  std::string movement_id;
  std::string item_id;
  std::string subject = "unit";  ///< unit / person
  std::string unit_id;           ///< for a unit record
  std::string person_id;         ///< for a person record (their unit on the day is found)
  std::string kind;              ///< propaganda / resource / support_visit / role_model / initiative / other
  std::string occurred_on;       ///< dd/mm/yyyy
  std::string title;
  std::string description;
  std::string place;
  std::string commune_id;
  std::string audience;
  std::string sessions;
  std::string participants;
  std::string cash_vnd;
  std::string goods_vnd;
  std::string goods_note;
  std::string workdays;
  std::string land_m2;
  std::string donor_kind;
  std::string donor_name;
  std::string donor_scope;
  std::string model_kind;
  std::string model_name;
  std::string initiative_id;
};

/// The form's fields, in order (also the names of the fields in errors).
inline constexpr const char* kAchievementFields[] = {
    "movement_id", "item_id",  "subject",  "unit_id",     "person_id",  "kind",        "occurred_on",
    "title",       "description", "place", "commune_id",  "audience",   "sessions",    "participants",
    "cash_vnd",    "goods_vnd", "goods_note", "workdays", "land_m2",    "donor_kind",  "donor_name",
    "donor_scope", "model_kind", "model_name", "initiative_id"};

struct AchievementDetail {
  Achievement achievement;
  std::vector<AchievementEvent> events;  ///< oldest first
  std::vector<EvidenceRow> evidence;     ///< every file, active and withdrawn, oldest first
  bool can_edit = false;      ///< not withdrawn; the actor keeps it (a verified one: the Office)
  bool can_submit = false;    ///< a draft or a returned record the actor keeps
  bool can_withdraw = false;
  bool can_verify = false;    ///< submitted, and the actor is the Office
};

struct AchievementFilter {
  std::int64_t agency_id = 0;
  /// mine: written by me or about me; unit: of the units I head (or mine); all: every record
  /// I may read. Empty: all for those who oversee, unit for unit heads, mine otherwise.
  std::string scope;
  std::optional<std::int64_t> movement_id;
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> item_id;
  std::optional<std::int64_t> commune_id;
  std::string kind;
  std::string status;
  int page = 1;
  int page_size = 50;
};

struct AchievementList {
  std::vector<Achievement> items;
  long long total = 0;
  int page = 1;
  int page_size = 50;
  std::string scope;  ///< the scope applied
  RecordRights rights;
  std::map<std::int64_t, long long> evidence_counts;  ///< active files per record
  /// The queue only: each record's active files (for thumbnails).
  std::map<std::int64_t, std::vector<EvidenceRow>> evidence;
};

/// What the record form offers the actor: the launched movements with their contents, the
/// units and people they may record for, the communes assigned to the agency, its initiatives.
struct AchievementChoices {
  struct Content {
    std::int64_t id = 0;
    int number = 0;
    std::string text;
  };
  struct MovementChoice {
    Movement movement;
    std::vector<Content> contents;
  };
  struct PersonChoice {
    std::int64_t id = 0;
    std::string name;
    std::int64_t unit_id = 0;
    std::string unit_name;
  };
  std::vector<MovementChoice> movements;
  std::vector<std::pair<std::int64_t, std::string>> units;
  std::vector<PersonChoice> people;
  std::vector<storage::AssignedCommune> communes;
  std::vector<std::pair<std::int64_t, std::string>> initiatives;
  RecordRights rights;
  std::string today;  ///< ISO, Vietnam time
};

/// One record of a bulk verification: its id and the version the Office saw.
struct VersionedId {
  std::int64_t id = 0;
  std::int64_t version = 0;
};

class AchievementService {
 public:
  /// With `evidence`, records take files, and the evidence of a record is served to those
  /// who may read the record (the subject "achievement" is registered here).
  AchievementService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence = nullptr,
                     Clock clock = system_clock());

  /// A new record (a draft; `submit` sends it to the Office at once), with its evidence
  /// files: the record and every file are written together, or nothing is.
  Result<Achievement> create(const Principal& actor, std::int64_t agency_id, const AchievementInput& input,
                             bool submit = false, const std::vector<EvidenceUpload>& files = {});
  /// Changes the fields; the status stays (a verified record stays verified, changed by the
  /// Office only). The values replaced are kept in the history.
  Result<Achievement> update(const Principal& actor, std::int64_t id, std::int64_t version,
                             const AchievementInput& input);
  /// Draft or returned → submitted (resubmitted).
  Result<Achievement> submit(const Principal& actor, std::int64_t id, std::int64_t version);
  /// Submitted → verified (the Office).
  Result<Achievement> verify(const Principal& actor, std::int64_t id, std::int64_t version,
                             const std::string& comment = {});
  /// Submitted → returned with a comment (required) saying what to fix (the Office).
  Result<Achievement> send_back(const Principal& actor, std::int64_t id, std::int64_t version,
                                const std::string& comment);
  /// Any status but withdrawn → withdrawn, by those who keep the record (a verified one: the Office).
  Result<Achievement> withdraw(const Principal& actor, std::int64_t id, std::int64_t version,
                               const std::string& comment = {});
  /// Verifies every record listed, all or none: a record no longer submitted, or changed
  /// since the Office saw it, refuses the whole batch (conflict). Returns how many.
  Result<int> verify_many(const Principal& actor, std::int64_t agency_id, const std::vector<VersionedId>& ids);

  /// More evidence for a record, by those who keep it (a verified one: the Office). Returns
  /// the files added.
  Result<std::vector<EvidenceRow>> add_evidence(const Principal& actor, std::int64_t id,
                                                const std::vector<EvidenceUpload>& files);
  /// Takes a file off a record (kept, marked withdrawn with who, when and why).
  Result<EvidenceRow> withdraw_evidence(const Principal& actor, std::int64_t id, std::int64_t evidence_id,
                                        const std::string& reason);

  Result<AchievementDetail> get(const Principal& actor, std::int64_t id);
  Result<AchievementList> list(const Principal& actor, const AchievementFilter& filter);
  /// The Office's queue: submitted records, oldest submission first.
  Result<AchievementList> queue(const Principal& actor, const AchievementFilter& filter);
  /// Every record of the filtered list (up to 100,000) as XLSX.
  Result<std::string> export_xlsx(const Principal& actor, const AchievementFilter& filter);
  Result<AchievementChoices> choices(const Principal& actor, std::int64_t agency_id);
  /// The actor's rights in the agency (for pages deciding what to offer).
  Result<RecordRights> rights(const Principal& actor, std::int64_t agency_id);

 private:
  /// Runs a status change of record `id`: `check` says whether the actor may and the record
  /// can; `apply` sets the new status fields; the event and the audit row follow.
  template <class Check, class Apply>
  Result<Achievement> transition(const Principal& actor, std::int64_t id, std::int64_t version, const char* event,
                                 const std::string& comment, Check&& check, Apply&& apply);

  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<EvidenceService> evidence_;
  Clock clock_;
};

/// Whether `actor` may read achievement `id` (inside the caller's transaction): the check
/// behind /evidence/{id} for files of achievements.
bool can_read_achievement(storage::Tx& tx, const Principal& actor, std::int64_t id);

/// The record's fields as JSON (the audit's before/after, an edit's before_json, the API).
boost::json::object achievement_fields(const Achievement& a);
std::string achievement_fields_json(const Achievement& a);
/// Today's date in Vietnam (UTC+7) as ISO.
std::string today_vn(TimePoint now);

}  // namespace thidua::services
