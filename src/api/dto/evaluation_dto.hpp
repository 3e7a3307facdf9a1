#pragma once
/// JSON of the yearly evaluation: templates in and out, sheets, entries typed on a sheet, and
/// ranked lists. Points go out as JSON numbers of points (9.5) and come in as numbers or as
/// text as people type them ("9,5").

#include <boost/json.hpp>

#include "services/evaluation_service.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const ScoreTemplate& t);
boost::json::object to_json(const storage::EvaluationRow& e);
boost::json::object to_json(const services::SheetView& v);
boost::json::object to_json(const services::RankingView& v);

/// A points value as typed: a string as it is, an integer or a number with at most two
/// decimals as its digits; anything else as a value the service refuses on the field.
std::string points_field(const boost::json::object& o, std::string_view name);
services::TemplateInput template_input_from_json(const boost::json::object& body);
/// `entries`: [{criterion_id, points, comment, reason}]; a non-object becomes an entry of
/// criterion 0, which the service refuses.
std::vector<services::EntryInput> entries_from_json(const boost::json::object& body);

}  // namespace thidua::api::dto
