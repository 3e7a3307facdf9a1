#pragma once
/// Internal to the initiative services (initiative_*.cpp): who acts, ids typed as text, and
/// the initiative a change is about. Not for other layers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/error.hpp"
#include "domain/initiative.hpp"
#include "domain/organisation.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services::initiative_rules {

inline constexpr std::size_t kLine = 300;   // a title, a deciding body
inline constexpr std::size_t kText = 4000;  // a paragraph

/// The acting account, for "who did it" columns: none for an operator at the command line.
std::optional<std::int64_t> account_of(const Principal& p);
/// The actor's own person record in `agency_id`, if any.
std::optional<Person> own_person(storage::Tx& tx, const Principal& actor, std::int64_t agency_id);
/// A positive id typed as text (spaces around allowed); nullopt otherwise.
std::optional<std::int64_t> parse_id(std::string_view text);
/// The initiative a change is about: "not found" when it does not exist or the actor may not
/// read its agency (the same answer for both).
Result<Initiative> for_change(storage::Tx& tx, const Principal& actor, std::int64_t id);

}  // namespace thidua::services::initiative_rules
