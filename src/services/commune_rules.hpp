#pragma once
/// Internal to the commune services (commune_*.cpp): who may see and change what, and the
/// JSON written to the audit log. Not for other layers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/commune.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services::commune_rules {

inline constexpr std::size_t kLine = 300;
inline constexpr std::size_t kText = 2000;

/// The acting account, for "who did it" columns: none for an operator at the command line.
std::optional<std::int64_t> account_of(const Principal& p);
/// The installation administrator and authorities keep the catalogue.
bool edits_catalogue(const Principal& p);
/// The agency's administrator and Office, the authority above it, the installation administrator.
bool manages_assignments(storage::Tx& tx, const Principal& p, std::int64_t agency_id);
/// May record (and withdraw) assessments under this assignment: those who manage the agency,
/// and the assignment's contact people.
bool may_assess(storage::Tx& tx, const Principal& p, const CommuneAssignment& a);
/// The commune and the agencies whose view of it the caller gets: "not found" unless an agency
/// the caller reads is or was assigned to it (the installation administrator sees every commune).
struct ReaderView {
  Commune commune;
  std::vector<std::int64_t> agencies;          ///< readable agencies (for assessments, the ledger)
  std::vector<CommuneAssignment> assignments;  ///< of those agencies, newest first
};
Result<ReaderView> reader_view(storage::Tx& tx, const Principal& p, std::int64_t commune_id);
/// May `p` read assessment `id` (an agency they read assessed it, of a commune they see)? The
/// evidence service's check for subject "assessment".
bool can_read_assessment(storage::Tx& tx, const Principal& p, std::int64_t id);
/// The commune's group under the 2026–2030 criteria on `date` ("" when not set).
std::string group_on(const std::vector<CommuneClass>& classes, const std::string& date);

boost::json::object to_audit(const CommuneAssignment& a);
boost::json::object to_audit(const Assessment& a);
boost::json::object to_audit(const Recognition& r);
boost::json::object to_audit(const Commune& c, const std::string& since);

/// "1177/QĐ-UBND": no control characters, at most 60 characters; empty allowed.
void decision_ref_field(Error& e, const std::string& field, const std::string& value, bool required, std::string& out);
/// A year typed in a form: nullopt when empty; adds a field error when not 1990–2100.
std::optional<int> year_field(Error& e, const std::string& field, const std::string& value);

}  // namespace thidua::services::commune_rules
