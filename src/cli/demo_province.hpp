#pragma once
/// Demo of the province mode (issue 7, part h7sf): Sở Nội vụ tỉnh Cao Bằng as the authority
/// above Ban Dân tộc, a second small agency under it, and the authority's login.

#include <cstdint>
#include <string>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

/// Login of the authority's account, printed with the demo's accounts.
inline constexpr const char* kProvinceLogin = "tinh";

/// `bdt_id`: Ban Dân tộc, put under the authority; `password`: the demo's shared password.
Result<void> load_demo_province(app::Services& s, std::int64_t bdt_id, const std::string& password);

}  // namespace thidua::cli
