#pragma once
/// Wire form of an evidence file of a record: what it is, who added (or withdrew) it, where to
/// fetch it (`url`: /evidence/{id} for browsers; `file_url`: /api/v1/evidence/{id}/file for API
/// clients; both for users allowed to read the record).

#include <vector>

#include <boost/json.hpp>

#include "domain/evidence.hpp"
#include "http/upload.hpp"
#include "services/evidence_service.hpp"

namespace thidua::api::dto {

boost::json::object to_json(const EvidenceRow& e);

/// The files an API client sent in the multipart field "file", each with the form's "caption".
std::vector<services::EvidenceUpload> evidence_uploads(const http::UploadForm& form);

}  // namespace thidua::api::dto
