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

}  // namespace thidua::api::dto
