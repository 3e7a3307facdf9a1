#pragma once
/// Evidence: a file attached to a record (an achievement, an assessment item, a covenant …).
/// The bytes are a stored file (content-addressed); the row says which record it supports,
/// who added it and, once taken off, who withdrew it and why. Rows are never deleted.

#include <cstdint>
#include <optional>
#include <string>

namespace thidua {

struct EvidenceRow {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string subject;  ///< achievement / assessment_item / covenant / pledge / initiative / …
  std::int64_t subject_id = 0;
  std::string file_sha256;
  std::string file_name;     ///< as the user's file was called (NFC, no directory)
  std::string content_type;  ///< told from the bytes
  std::int64_t size = 0;
  std::string caption;
  std::string status = "active";  ///< active / withdrawn
  std::optional<std::int64_t> added_by;
  std::string added_by_name;
  std::string added_at;  ///< UTC ISO-8601
  std::optional<std::int64_t> withdrawn_by;
  std::string withdrawn_by_name;
  std::string withdrawn_at;
  std::string withdrawn_reason;

  bool active() const { return status == "active"; }
  bool is_image() const { return content_type == "image/jpeg" || content_type == "image/png"; }
};

}  // namespace thidua
