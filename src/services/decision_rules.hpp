#pragma once
/// Internal to the decision services (decision_*.cpp, certificate_*.cpp, higher_award_*.cpp):
/// who acts and what they may do. Not for other layers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/decision.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services::decision_rules {

inline constexpr std::size_t kLine = 300;
inline constexpr std::size_t kText = 8000;

std::optional<std::int64_t> account_of(const Principal& p);
/// The Office of the agency (and its administrator): drafts.
bool may_draft(const Principal& p, std::int64_t agency_id);
/// The Office or a leader of the agency: issue and withdraw.
bool may_sign(const Principal& p, std::int64_t agency_id);
/// The decision when the actor may read its agency; "decision.not_found" otherwise.
Result<Decision> decision_for(storage::Tx& tx, const Principal& actor, std::int64_t decision_id);
/// "Bằng khen …": the form's name as printed (Vietnamese).
std::string form_name_vi(AwardForm f);
/// "Ông Nông Văn Chiến" is not known without the gender: the subject's name as printed,
/// "Hộ ông/bà …" for a household.
std::string printed_name(AwardSubject subject, const std::string& name);
/// "05/09/2022" for an ISO date ("" stays "").
std::string vn_date(const std::string& iso);

}  // namespace thidua::services::decision_rules
