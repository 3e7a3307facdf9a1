#pragma once
/// JSON of the eligibility list: the rule set applied (its layers, citation, council quorum),
/// then people, units and households, each with every title or form: the verdict, the rule's
/// citation, and every condition with its outcome, its sentence in the reader's language, its
/// message key and params, its citation and whether the citation was verified.

#include <boost/json.hpp>

#include "services/eligibility_service.hpp"
#include "text/catalogue.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const services::EligibilityView& v, std::int64_t agency_id, const text::Catalogue& cat,
                            text::Lang lang);

}  // namespace thidua::api::dto
