#include "domain/movement.hpp"

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<MovementKind, 2> kKinds{{{MovementKind::regular, "regular"}, {MovementKind::thematic, "thematic"}}};
constexpr EnumNames<MovementLevel, 3> kLevels{
    {{MovementLevel::agency, "agency"}, {MovementLevel::province, "province"}, {MovementLevel::national, "national"}}};
constexpr EnumNames<MovementStatus, 4> kStatuses{{{MovementStatus::draft, "draft"},
                                                  {MovementStatus::launched, "launched"},
                                                  {MovementStatus::midterm_reviewed, "midterm_reviewed"},
                                                  {MovementStatus::closed, "closed"}}};
constexpr EnumNames<PlanSection, 9> kSections{{{PlanSection::legal_basis, "legal_basis"},
                                               {PlanSection::purpose, "purpose"},
                                               {PlanSection::requirement, "requirement"},
                                               {PlanSection::content, "content"},
                                               {PlanSection::subject, "subject"},
                                               {PlanSection::award, "award"},
                                               {PlanSection::milestone, "milestone"},
                                               {PlanSection::responsibility, "responsibility"},
                                               {PlanSection::recipient, "recipient"}}};
constexpr EnumNames<SubjectKind, 3> kSubjects{
    {{SubjectKind::collective, "collective"}, {SubjectKind::individual, "individual"}, {SubjectKind::household, "household"}}};
constexpr EnumNames<MilestoneKind, 4> kMilestones{{{MilestoneKind::plan, "plan"},
                                                   {MilestoneKind::midterm, "midterm"},
                                                   {MilestoneKind::final_review, "final"},
                                                   {MilestoneKind::other, "other"}}};
constexpr EnumNames<TaskStatus, 2> kTaskStatuses{{{TaskStatus::open, "open"}, {TaskStatus::done, "done"}}};

}  // namespace

std::string_view to_string(MovementKind k) { return name_of(kKinds, k); }
std::optional<MovementKind> parse_movement_kind(std::string_view s) { return parse_from(kKinds, s); }
std::string_view to_string(MovementLevel l) { return name_of(kLevels, l); }
std::optional<MovementLevel> parse_movement_level(std::string_view s) { return parse_from(kLevels, s); }
std::string_view to_string(MovementStatus s) { return name_of(kStatuses, s); }
std::optional<MovementStatus> parse_movement_status(std::string_view s) { return parse_from(kStatuses, s); }
std::string_view to_string(PlanSection s) { return name_of(kSections, s); }
std::optional<PlanSection> parse_plan_section(std::string_view s) { return parse_from(kSections, s); }
std::string_view to_string(SubjectKind k) { return name_of(kSubjects, k); }
std::optional<SubjectKind> parse_subject_kind(std::string_view s) { return parse_from(kSubjects, s); }
std::string_view to_string(MilestoneKind k) { return name_of(kMilestones, k); }
std::optional<MilestoneKind> parse_milestone_kind(std::string_view s) { return parse_from(kMilestones, s); }
std::string_view to_string(TaskStatus s) { return name_of(kTaskStatuses, s); }
std::optional<TaskStatus> parse_task_status(std::string_view s) { return parse_from(kTaskStatuses, s); }

}  // namespace thidua
