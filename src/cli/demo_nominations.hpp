#pragma once
/// The demo's nominations and council sessions of 2025 (issue 6, part h6c): nominations at every
/// step (LĐTT, CSTĐCS, TTLĐTT, a household's Giấy khen), one session held and closed with its
/// ballots counted, and one session in progress with an item open for a member to vote on.

#include <cstdint>

#include "app/app.hpp"
#include "domain/error.hpp"

namespace thidua::cli {

/// `password`: the demo's shared password, for the chair's account (he votes in the sessions).
Result<void> load_demo_nominations(app::Services& s, std::int64_t agency_id, const std::string& password);

}  // namespace thidua::cli
