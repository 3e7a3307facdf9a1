#pragma once
/// Wire form of accounts. Wire types are not domain types: fields are chosen for clients.

#include <boost/json.hpp>

#include "domain/role.hpp"
#include "services/user_service.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const services::UserSummary& u);
boost::json::object to_json(const Principal& p);
/// Reads a create-user body; unknown roles become field errors.
Result<services::NewUserInput> new_user_from_json(const boost::json::object& body);
/// The body's "roles" array as names (a value that is not text becomes an unknown role).
std::vector<std::string> role_names(const boost::json::object& body);
/// A new account for a person: login, password (empty: generated), roles, lang.
services::PersonAccountInput person_account_from_json(const boost::json::object& body);
/// The account, with the generated password when there is one (shown this once).
boost::json::object to_json(const services::PersonAccount& a);

}  // namespace thidua::api::dto
