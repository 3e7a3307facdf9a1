#pragma once
/// Internal to the nomination and council services: who may do what with a nomination, read
/// inside the caller's transaction. Not for other layers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/achievement_rights.hpp"
#include "storage/database.hpp"
#include "storage/nomination_repo.hpp"

namespace thidua::services::nomination_access {

inline constexpr std::size_t kNominationText = 8000;    // a justification, a reason
inline constexpr std::size_t kNominationReport = 60000;  // an achievement report
inline constexpr std::size_t kNominationLine = 300;      // a title, a place

/// The acting account, for "who did it" columns: none for an operator at the command line.
std::optional<std::int64_t> account_of(const Principal& p);

struct NominationRights {
  RecordRights rights;
  bool reads = false;    ///< overseers, the head of its unit, its author, the nominee
  bool changes = false;  ///< its author, the head of its unit, the Office
  bool reviews = false;  ///< the Office
};
NominationRights nomination_rights(storage::Tx& tx, const Principal& actor, const storage::NominationRow& n);

/// The nomination when the actor may read it; "nominations.not_found" otherwise.
Result<std::pair<storage::NominationRow, NominationRights>> nomination_for(storage::Tx& tx, const Principal& actor,
                                                                           std::int64_t id);

}  // namespace thidua::services::nomination_access
