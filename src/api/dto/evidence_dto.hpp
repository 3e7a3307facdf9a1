#pragma once
/// Wire form of an evidence file of a record: what it is, who added (or withdrew) it, where to
/// fetch it (`url`: /evidence/{id} for browsers; `file_url`: /api/v1/evidence/{id}/file for API
/// clients; both for users allowed to read the record).

#include <boost/json.hpp>

#include "domain/evidence.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const EvidenceRow& e);

}  // namespace thidua::api::dto
