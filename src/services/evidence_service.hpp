#pragma once
/// Evidence files attached to records (achievements, assessment items, covenants, pledges …).
///
/// A feature that records something calls attach() INSIDE its own write transaction, so the
/// record and its files are one transaction: the bytes go into the content-addressed store
/// first (an orphan file without a row is harmless and invisible), then the stored_file and
/// evidence rows and the audit entry. Files are checked by content, never by name.
///
/// Reading is per subject: each feature registers a checker saying whether a user may read a
/// record; a subject with no checker, a record the user may not read and another agency's
/// evidence are all "not found", exactly like an id that does not exist.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/evidence.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

class FileStore;

/// A file already on disk (web handlers convert http::UploadedFile into this).
struct EvidenceUpload {
  std::string file_name;            ///< as the user's file was called
  std::filesystem::path path;       ///< the temporary file; adopted by the store on success
  std::uint64_t size = 0;
  std::string sha256;               ///< hex, computed while the file was written
  std::string head;                 ///< its first bytes (sniffing PDF/JPEG/PNG needs a few)
  std::string caption;
};

/// Types accepted by default: PDF, JPEG, PNG, DOCX, XLSX.
const std::vector<std::string>& default_evidence_types();
/// Photos and scans only: PDF, JPEG, PNG.
const std::vector<std::string>& image_and_pdf_types();

struct EvidenceConfig {
  std::uint64_t max_bytes = 20u << 20;  ///< config `evidence_max_bytes`
};

/// A file to send: where it is on disk, what it is, what to call it.
struct EvidenceFile {
  std::filesystem::path path;
  std::string content_type;
  std::string file_name;
  std::uint64_t size = 0;
};

/// May this user read record `subject_id` of the subject? Runs inside the service's read
/// transaction (agency visibility is checked before it is asked).
using EvidenceReadCheck = std::function<bool(storage::Tx&, const Principal&, std::int64_t subject_id)>;

class EvidenceService {
 public:
  EvidenceService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                  EvidenceConfig config = {}, Clock clock = system_clock());

  /// Call at start-up, once per subject ("achievement", "covenant" …).
  void register_subject(std::string subject, EvidenceReadCheck can_read);

  /// Checks a file without writing anything (type by content, size, not empty): its content
  /// type, or a validation error with a field error on "file". attach() checks again.
  Result<std::string> check(const EvidenceUpload& f,
                            const std::vector<std::string>& allowed = default_evidence_types()) const;

  /// Attaches `f` to record `subject_id` of `subject` in `agency_id`, inside the caller's
  /// transaction. The caller has checked that `actor` may change the record. Errors:
  /// validation evidence.bad_type / evidence.too_large / evidence.empty (with a field
  /// error on "file"), not_found when `actor` cannot see the agency, internal when the store
  /// fails.
  Result<EvidenceRow> attach(storage::Tx& tx, const Principal& actor, std::int64_t agency_id,
                             std::string_view subject, std::int64_t subject_id, const EvidenceUpload& f,
                             const std::vector<std::string>& allowed = default_evidence_types()) const;

  /// Every file of a record, active and withdrawn, with who and when (oldest first).
  std::vector<EvidenceRow> list(storage::Tx& tx, std::string_view subject, std::int64_t subject_id) const;
  /// Active files per record (for lists).
  std::map<std::int64_t, long long> counts(storage::Tx& tx, std::string_view subject,
                                           const std::vector<std::int64_t>& subject_ids) const;

  /// Takes a file off its record (the row stays, marked withdrawn with who, when, why), inside
  /// the caller's transaction; the caller has checked that `actor` may change the record.
  /// Errors: not_found (no such evidence, or not visible), conflict evidence.already_withdrawn,
  /// validation when the reason is too long.
  Result<EvidenceRow> withdraw(storage::Tx& tx, const Principal& actor, std::int64_t evidence_id,
                               std::string_view reason) const;

  /// One evidence row, for a user allowed to read its record (own read transaction).
  Result<EvidenceRow> get(const Principal& actor, std::int64_t evidence_id);
  /// The file behind an evidence row, for a user allowed to read its record (own read
  /// transaction). Withdrawn files are still served: they are part of the record's history.
  Result<EvidenceFile> file(const Principal& actor, std::int64_t evidence_id);
  /// A thumbnail (≤ 320 px, JPEG or PNG) of an image evidence, made on first request and kept
  /// as a stored file. not_found for PDFs and documents (pages show an icon instead).
  Result<EvidenceFile> thumbnail(const Principal& actor, std::int64_t evidence_id);

  const EvidenceConfig& config() const { return config_; }

 private:
  Result<EvidenceRow> readable(storage::Tx& tx, const Principal& actor, std::int64_t evidence_id) const;

  std::shared_ptr<storage::Database> db_;
  std::shared_ptr<FileStore> files_;
  EvidenceConfig config_;
  Clock clock_;
  mutable std::shared_mutex mu_;
  std::map<std::string, EvidenceReadCheck, std::less<>> subjects_;
};

/// Whether a browser should show a file of this type itself (PDF, images) rather than save it.
bool shown_inline(const std::string& content_type);

/// "PDF, JPEG, PNG" for a list of content types, for messages.
std::string type_names(const std::vector<std::string>& types);

}  // namespace thidua::services
