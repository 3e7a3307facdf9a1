#pragma once
/// Wire form of the registry: people, their placements, units and their names over time,
/// council terms, agencies and clusters. Dates go out as ISO "YYYY-MM-DD"; a date that is not
/// set (no end yet, no birth date) is null.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "domain/audit.hpp"
#include "domain/organisation.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const Person& p);
boost::json::object to_json(const Placement& p);
boost::json::object to_json(const NameVersion& v);
boost::json::object to_json(const Unit& u);
boost::json::object to_json(const CouncilTerm& t);
boost::json::object to_json(const storage::AgencyRow& a);
boost::json::object to_json(const storage::ClusterRow& c);
boost::json::object to_json(const services::OrgService::ClusterView& c);
/// A person with their path (placements, oldest first) and the audit trail of their record.
boost::json::object to_json(const services::PersonDetail& d);
/// A unit with its names over time and the people working in it now.
boost::json::object to_json(const services::UnitDetail& d);
/// One audit entry as a record's history shows it: when, who, what.
boost::json::object history_json(const AuditEntry& e);

// ---- Reading request bodies -----------------------------------------------------------------

/// A text field; a missing field, null, or another type is empty (and so "required").
std::string text_field(const boost::json::object& o, std::string_view name);
/// An id as text for the services: a JSON integer or a string (clients send ids either way).
std::string id_text_field(const boost::json::object& o, std::string_view name);
/// True when the body has the field with a non-null value.
bool has_field(const boost::json::object& o, std::string_view name);
/// An integer field, given as a JSON integer or a string of digits; nullopt otherwise.
std::optional<std::int64_t> int_field(const boost::json::object& o, std::string_view name);
/// An integer in query-string text; nullopt unless the whole text is a decimal integer.
std::optional<std::int64_t> parse_int(std::string_view text);
/// A boolean field: true, 1, "1", "true"; anything else is false.
bool bool_field(const boost::json::object& o, std::string_view name);

/// A person's fields from a create or update body.
services::PersonInput person_input_from_json(const boost::json::object& body);
services::UnitInput unit_input_from_json(const boost::json::object& body);
services::CouncilTermInput council_term_input_from_json(const boost::json::object& body);
services::AgencyInput agency_input_from_json(const boost::json::object& body);
/// An agency change: fields absent from the body stay as they are; "parent_code" or
/// "cluster" given as null or "" mean none.
services::AgencyChange agency_change_from_json(const boost::json::object& body);

}  // namespace thidua::api::dto
