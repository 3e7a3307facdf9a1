#include "cli/demo_followup.hpp"

#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/movement_service.hpp"

// The seed plan's duties (section V) became tasks due 31/12/2025 when it was launched. By the
// end of 2025 the council's, the Office's and two units' were reported done, each on its own
// day with the note the unit wrote; the two departments' (Policy; Planning and Propaganda, whose
// head is `truongphong`) and the final review (tổng kết) were not, so the dashboard shows what
// the Office must chase and the reminders reach the department's head and the Office. Written through the service by
// the Office, on a clock set to the day each was marked.

namespace thidua::cli {

namespace {

struct DoneTask {
  const char* unit;  ///< the unit's code; nullptr: the agency's own task of that title
  const char* title_start;
  const char* at;    ///< when it was marked done, ISO UTC
  const char* note;
};

constexpr DoneTask kDone[] = {
    {nullptr, "Hội đồng thi đua khen thưởng", "2025-12-05T02:30:00Z",
     "Đã tham mưu phát động các đợt thi đua năm 2025 và tổng hợp kết quả."},
    {"VP", "Văn phòng có trách nhiệm", "2025-12-10T03:00:00Z",
     "Đã đôn đốc, tổng hợp kết quả các phòng hằng quý; báo cáo năm 2025 gửi Lãnh đạo Ban."},
    {"TTRA", "Các phòng chuyên môn", "2025-12-16T07:40:00Z", "Đã triển khai và báo cáo kết quả năm 2025."},
    {"CD", "Các tổ chức đoàn thể", "2025-12-19T09:00:00Z",
     "Công đoàn đã vận động đoàn viên tham gia; báo cáo kèm danh sách đoàn viên tiêu biểu."},
};

}  // namespace

Result<void> load_demo_followup(app::Services& s, std::int64_t movement_id) {
  auto now = std::make_shared<TimePoint>();
  services::MovementService movements(s.db, s.files, [now] { return *now; });
  auto op = services::operator_principal("demo");
  auto u = s.users->get_user(op, "vanphong");
  if (!u) return fail(u.error());
  auto office = s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  if (!office) return fail(office.error());
  auto units = s.org->list_units(*office, *office->agency_id, false);
  if (!units) return fail(units.error());
  for (const auto& d : kDone) {
    auto detail = movements.get(*office, movement_id);
    if (!detail) return fail(detail.error());
    for (const auto& t : detail->tasks) {
      if (t.status == TaskStatus::done || t.title.rfind(d.title_start, 0) != 0) continue;
      std::string code;
      for (const auto& unit : *units) {
        if (t.unit_id && unit.id == *t.unit_id) code = unit.code;
      }
      if ((d.unit == nullptr) != !t.unit_id || (d.unit && code != d.unit)) continue;
      *now = *parse_iso(d.at);
      auto done = movements.set_task(*office, t.id, t.version, true, d.note);
      if (!done) return fail(done.error());
      break;
    }
  }
  return {};
}

}  // namespace thidua::cli
