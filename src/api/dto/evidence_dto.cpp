#include "api/dto/evidence_dto.hpp"

#include <string>

namespace thidua::api::dto {

boost::json::object to_json(const EvidenceRow& e) {
  auto id = std::to_string(e.id);
  return {{"id", e.id},
          {"subject", e.subject},
          {"subject_id", e.subject_id},
          {"file_name", e.file_name},
          {"content_type", e.content_type},
          {"size", e.size},
          {"sha256", e.file_sha256},
          {"caption", e.caption},
          {"status", e.status},
          {"added_by", e.added_by_name},
          {"added_at", e.added_at},
          {"withdrawn_by", e.withdrawn_by_name},
          {"withdrawn_at", e.withdrawn_at},
          {"withdrawn_reason", e.withdrawn_reason},
          {"url", "/evidence/" + id},
          {"file_url", "/api/v1/evidence/" + id + "/file"}};
}

}  // namespace thidua::api::dto

namespace thidua::api::dto {

std::vector<services::EvidenceUpload> evidence_uploads(const http::UploadForm& form) {
  std::vector<services::EvidenceUpload> files;
  std::string caption = form.field("caption");
  for (const auto& f : form.files) {
    if (f.field == "file") files.push_back({f.filename, f.path, f.size, f.sha256, f.head, caption});
  }
  return files;
}

}  // namespace thidua::api::dto
