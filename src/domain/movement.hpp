#pragma once
/// Emulation movements (phong trào thi đua) and their plans (kế hoạch). The plan's header and
/// signature are fields of the movement; every other part of it is an ordered item of a
/// section. Launching turns milestones and responsibilities into dated tasks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

enum class MovementKind { regular, thematic };
std::string_view to_string(MovementKind k);
std::optional<MovementKind> parse_movement_kind(std::string_view s);

/// Who launched it: the agency itself, the province, or the nation.
enum class MovementLevel { agency, province, national };
std::string_view to_string(MovementLevel l);
std::optional<MovementLevel> parse_movement_level(std::string_view s);

enum class MovementStatus { draft, launched, midterm_reviewed, closed };
std::string_view to_string(MovementStatus s);
std::optional<MovementStatus> parse_movement_status(std::string_view s);

/// The parts of a plan, in the order the plan prints them (see the seed plan, I–V).
enum class PlanSection {
  legal_basis,     ///< Căn cứ …
  purpose,         ///< I.1 Mục đích
  requirement,     ///< I.2 Yêu cầu
  content,         ///< II. Nội dung thi đua
  subject,         ///< III.1 Đối tượng, tiêu chí thi đua
  award,           ///< III.2 Tiêu chuẩn, hình thức khen thưởng
  milestone,       ///< IV. Tiến độ thực hiện
  responsibility,  ///< V. Tổ chức thực hiện
  recipient,       ///< Nơi nhận
};
inline constexpr PlanSection kPlanSections[] = {
    PlanSection::legal_basis, PlanSection::purpose,   PlanSection::requirement,
    PlanSection::content,     PlanSection::subject,   PlanSection::award,
    PlanSection::milestone,   PlanSection::responsibility, PlanSection::recipient};
std::string_view to_string(PlanSection s);
std::optional<PlanSection> parse_plan_section(std::string_view s);

/// Subjects of a movement (III.1): a) Tập thể, b) Cá nhân, c) Hộ gia đình.
enum class SubjectKind { collective, individual, household };
std::string_view to_string(SubjectKind k);
std::optional<SubjectKind> parse_subject_kind(std::string_view s);

/// What a milestone is: drafting and launching, the mid-term review, the final review, other.
enum class MilestoneKind { plan, midterm, final_review, other };
std::string_view to_string(MilestoneKind k);
std::optional<MilestoneKind> parse_milestone_kind(std::string_view s);

struct PlanItem {
  std::int64_t id = 0;
  std::int64_t movement_id = 0;
  PlanSection section = PlanSection::content;
  int position = 0;
  /// legal_basis: kind of document ("Nghị quyết"); subject: a SubjectKind; award: the heading
  /// it sits under ("Khen thưởng cấp Ban"); milestone: when, as printed ("Quý III năm 2022").
  std::string label;
  std::string body;        ///< the sentence(s) as printed
  std::string ref_number;  ///< legal_basis: "12-NQ/TU"
  std::string ref_date;    ///< legal_basis: date of the document; milestone: due date (ISO)
  std::string issuer;      ///< legal_basis: "UBND tỉnh Cao Bằng"
  std::string code;        ///< award: level (agency / province); milestone: a MilestoneKind
  std::vector<std::int64_t> unit_ids;  ///< responsibility: the units it falls to
};

struct Movement {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string title;  ///< "Cả nước chung sức xây dựng nông thôn mới"
  MovementKind kind = MovementKind::thematic;
  MovementLevel level = MovementLevel::agency;
  std::string period_from;  ///< ISO date
  std::string period_to;
  std::string summary;        ///< trích yếu
  std::string header_parent;  ///< "UBND TỈNH CAO BẰNG"
  std::string header_name;    ///< "BAN DÂN TỘC"
  std::string doc_number;     ///< empty until numbered
  std::string doc_symbol;     ///< "KH-BDT"
  std::string place;
  std::string doc_date;  ///< ISO date, may be empty in a draft
  std::string preamble;
  std::string closing;
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
  std::optional<std::int64_t> signer_person_id;
  MovementStatus status = MovementStatus::draft;
  std::optional<std::int64_t> copied_from;
  std::string launched_at;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

enum class TaskStatus { open, done };
std::string_view to_string(TaskStatus s);
std::optional<TaskStatus> parse_task_status(std::string_view s);

struct MovementTask {
  std::int64_t id = 0;
  std::int64_t movement_id = 0;
  std::optional<std::int64_t> item_id;
  std::optional<std::int64_t> unit_id;  ///< empty: the agency's, followed by the Office
  std::string unit_name;
  std::string movement_title;
  std::string title;
  std::string due_date;
  TaskStatus status = TaskStatus::open;
  std::string done_at;
  std::string note;
  std::int64_t version = 1;
  bool late = false;  ///< open after its due date (set by the service from its clock)
};

/// A unit's own sub-plan (a stored file) or target for a movement.
struct UnitPlan {
  std::int64_t id = 0;
  std::int64_t movement_id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string kind;  ///< subplan / target
  std::string title;
  std::string body;
  std::string file_sha256;
  std::string file_name;
  std::string created_at;
  std::string created_by;
};

}  // namespace thidua
