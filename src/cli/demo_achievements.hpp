#pragma once
/// Demo achievements of the seed movement, Q4 2022 – 2025: propaganda sessions in hamlets of
/// the supported communes, money, goods, workdays and land mobilised from enterprises,
/// organisations and people inside and outside the province, support visits, role models,
/// initiatives from the register, other work; mostly verified, some waiting in the Office's
/// queue, one returned with a comment, one withdrawn, a few drafts; photos and minutes as
/// evidence.

#include <cstdint>
#include <map>
#include <string>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

struct DemoAchievements {
  int records = 0;
  int verified = 0;
  int waiting = 0;
  int files = 0;
};

/// Recorded by the demo accounts as they would: canbo their own, truongphong for Phòng Kế
/// hoạch - Tổng hợp and its people, vanphong for the other units and people; verified by
/// vanphong. Deterministic: the same data every time. `unit_ids` maps the demo units' codes
/// to their ids.
Result<DemoAchievements> load_demo_achievements(app::Services& s, std::int64_t agency_id, std::int64_t movement_id,
                                                const std::map<std::string, std::int64_t>& unit_ids);

}  // namespace thidua::cli
