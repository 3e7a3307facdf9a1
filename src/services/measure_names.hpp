#pragma once
/// The Vietnamese names of a pledge's measures, as the pledge list and the review reports print
/// them: "Số buổi tuyên truyền", and the unit counted ("buổi").

#include "domain/record.hpp"

namespace thidua::services {

const char* measure_vi(Measure m);
const char* unit_vi(Measure m);

}  // namespace thidua::services
