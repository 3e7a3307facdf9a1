#pragma once
/// Evidence rows, stored-file index rows and image thumbnails.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/evidence.hpp"
#include "storage/database.hpp"

namespace thidua::storage {

std::int64_t insert_evidence(Tx& tx, const EvidenceRow& e);
std::optional<EvidenceRow> find_evidence(Tx& tx, std::int64_t id);
/// Every file of a record, active and withdrawn, oldest first.
std::vector<EvidenceRow> list_evidence(Tx& tx, const std::string& subject, std::int64_t subject_id);
/// Active files per record, for lists that show a count.
std::map<std::int64_t, long long> evidence_counts(Tx& tx, const std::string& subject,
                                                  const std::vector<std::int64_t>& subject_ids);
/// Marks an active row withdrawn; false when it was not active.
bool withdraw_evidence(Tx& tx, std::int64_t id, std::optional<std::int64_t> by, const std::string& at,
                       const std::string& reason);

/// The stored-file index row, unless one is there already (safe when two writers race).
void put_stored_file(Tx& tx, const std::string& sha256, std::int64_t size, const std::string& content_type,
                     const std::string& at);

struct ThumbnailRow {
  std::string sha256;  ///< the thumbnail's own stored file
  int width = 0;
  int height = 0;
  std::string content_type;
};
std::optional<ThumbnailRow> find_thumbnail(Tx& tx, const std::string& of_sha256);
/// Records `thumb` as the thumbnail of `of_sha256` unless one is recorded already.
void put_thumbnail(Tx& tx, const std::string& of_sha256, const ThumbnailRow& thumb);

}  // namespace thidua::storage
