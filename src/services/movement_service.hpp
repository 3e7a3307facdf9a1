#pragma once
/// Emulation movements and their plans: draft (header fields and ordered items of each
/// section), copy from an earlier movement, launch (milestones and responsibilities become
/// dated tasks for the agency and its units), follow the tasks, and units' own sub-plans and
/// targets. Every change is one transaction, version-checked against the movement and
/// audited with what was there before.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "documents/document.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/movement.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"
#include "storage/movement_repo.hpp"

namespace thidua::services {

class FileStore;

/// The plan's header fields as typed; validated and normalised by the service.
struct MovementInput {
  std::string title;
  std::string kind = "thematic";  ///< regular / thematic
  std::string level = "agency";   ///< agency / province / national
  std::string period_from;        ///< a year ("2021") or a date (dd/mm/yyyy)
  std::string period_to;          ///< a year ("2025") or a date
  std::string summary;
  std::string header_parent;
  std::string header_name;
  std::string doc_number;
  std::string doc_symbol;
  std::string place;
  std::string doc_date;  ///< dd/mm/yyyy; may be empty in a draft
  std::string preamble;
  std::string closing;
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
};

/// One item of a section as typed. Which fields matter depends on the section (see PlanItem).
struct PlanItemInput {
  std::string section;
  std::string label;
  std::string body;
  std::string ref_number;
  std::string ref_date;  ///< dd/mm/yyyy
  std::string issuer;
  std::string code;
  std::vector<std::string> unit_ids;
};

/// What a movement's page depends on besides its data: the data version (the audit chain's
/// head) and the reader's rights on it.
struct MovementStamp {
  std::int64_t data_version = 0;
  bool can_edit = false;
  bool can_launch = false;
  bool can_follow = false;
  bool can_copy = false;
};

struct MovementDetail {
  Movement movement;
  std::string agency_name;
  std::vector<PlanItem> items;  ///< by section, then position
  std::vector<MovementTask> tasks;
  std::vector<UnitPlan> unit_plans;
  std::vector<Unit> units;  ///< the agency's active units (for choosing responsibilities)
  bool can_edit = false;    ///< a draft, and the actor manages the agency
  bool can_launch = false;  ///< a draft, and the actor leads the agency
  bool can_follow = false;  ///< may mark tasks done and attach units' sub-plans
};

/// A file a unit attaches (its sub-plan).
/// A file sent with a form: its bytes in memory (`content`), or, from a streamed upload,
/// already on disk (`path`, with its size, SHA-256 and first bytes).
struct UploadedFile {
  std::string name;
  std::string content;
  std::filesystem::path path{};
  std::uint64_t size = 0;
  std::string sha256{};
  std::string head{};

  bool on_disk() const { return !path.empty(); }
  std::uint64_t length() const { return on_disk() ? size : content.size(); }
};

struct UnitPlanInput {
  std::string unit_id;
  std::string kind;  ///< subplan / target
  std::string title;
  std::string body;
  std::optional<UploadedFile> file;
};

enum class ItemMove { up, down };

class MovementService {
 public:
  MovementService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                  Clock clock = system_clock());

  /// Movements of the agency (drafts only for those who may edit or launch them).
  Result<std::vector<storage::MovementRow>> list(const Principal& actor, std::int64_t agency_id);
  Result<MovementDetail> get(const Principal& actor, std::int64_t id);
  /// The stamp of movement `id` for `actor`: errors as get().
  Result<MovementStamp> stamp(const Principal& actor, std::int64_t id);
  /// The plan as an official document, for whoever may read the movement.
  Result<documents::Document> document(const Principal& actor, std::int64_t id);
  /// A new draft; the header block starts from the agency's names.
  Result<Movement> create(const Principal& actor, std::int64_t agency_id, const MovementInput& input);
  Result<Movement> update(const Principal& actor, std::int64_t id, std::int64_t version, const MovementInput& input);

  /// Each returns the movement's new version.
  Result<std::int64_t> add_item(const Principal& actor, std::int64_t movement_id, std::int64_t version,
                                const PlanItemInput& input);
  Result<std::int64_t> update_item(const Principal& actor, std::int64_t item_id, std::int64_t version,
                                   const PlanItemInput& input);
  Result<std::int64_t> move_item(const Principal& actor, std::int64_t item_id, std::int64_t version, ItemMove move);
  Result<std::int64_t> delete_item(const Principal& actor, std::int64_t item_id, std::int64_t version);

  /// A leader approves and launches a complete draft: every milestone becomes a dated task
  /// of the agency, every responsibility a task of each unit it names.
  Result<Movement> launch(const Principal& actor, std::int64_t id, std::int64_t version);
  /// A new draft with the same plan, its period and dates moved on by the period's length
  /// (2021–2025 → 2026–2030); number and date cleared.
  Result<Movement> copy(const Principal& actor, std::int64_t id);

  Result<MovementTask> set_task(const Principal& actor, std::int64_t task_id, std::int64_t version, bool done,
                                const std::string& note);
  /// The data version (the audit chain's head): what a cached page of the actor's own tasks
  /// is keyed by, with the actor and the day.
  Result<std::int64_t> data_version();
  /// Open tasks for the actor's home page: their units' tasks, and the agency's for the Office
  /// and the leaders.
  Result<std::vector<MovementTask>> my_tasks(const Principal& actor, int limit = 20);

  Result<UnitPlan> add_unit_plan(const Principal& actor, std::int64_t movement_id, const UnitPlanInput& input);
  /// A unit plan's file, for those who may read the movement: content type and bytes.
  Result<std::pair<std::string, std::string>> unit_plan_file(const Principal& actor, std::int64_t plan_id);

 private:
  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<FileStore> files_;
  Clock clock_;
};

/// The movement's plan fields as JSON (for the audit log's before/after and the API).
boost::json::object movement_fields(const Movement& m);

/// "2021" → 2021-01-01 (or 2021-12-31 as the end), dd/mm/yyyy → ISO; empty for a bad value.
std::string period_bound(const std::string& text, bool end);

}  // namespace thidua::services
