#pragma once
/// Vietnamese personal names as they occur in Cao Bằng: Kinh family names beside the Tày,
/// Nùng and Dao ones (Nông, Bế, Đàm, Lương, Triệu…), weighted roughly by frequency.

#include <string>

#include "domain/organisation.hpp"
#include "rng.hpp"

namespace thidua::gen {

/// "Family Middle [Middle] Given", NFC.
std::string person_name(Rng& rng, Gender gender);

}  // namespace thidua::gen
