#pragma once
/// JSON of the follow-up figures (issue 7): codes for states, measures, donors and forms
/// (the reader translates them), money in đồng, dates ISO.

#include <boost/json.hpp>

#include "services/follow_up.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const services::MovementFigures& f);

}  // namespace thidua::api::dto
