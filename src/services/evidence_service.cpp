#include "services/evidence_service.hpp"

#include <algorithm>
#include <mutex>

#include <boost/json.hpp>

#include "documents/thumbnail.hpp"
#include "services/audit_service.hpp"
#include "services/file_store.hpp"
#include "services/scope.hpp"
#include "storage/evidence_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr const char* kPdf = "application/pdf";
constexpr const char* kJpeg = "image/jpeg";
constexpr const char* kPng = "image/png";
constexpr const char* kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kMaxName = 255;
constexpr std::size_t kMaxCaption = 500;
constexpr std::size_t kMaxReason = 1000;

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

/// The user's file name made safe to keep and to send back: NFC, no directory, no control
/// characters, at most 255 bytes (cut on a character boundary).
std::string clean_file_name(std::string_view raw) {
  auto cut = raw.find_last_of("/\\");
  if (cut != std::string_view::npos) raw.remove_prefix(cut + 1);
  std::string name = text::is_valid_utf8(raw) ? text::to_nfc(raw) : std::string();
  name.erase(std::remove_if(name.begin(), name.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }),
             name.end());
  name = std::string(text::trim(name));
  if (name.size() > kMaxName) {
    std::size_t n = kMaxName;
    while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;
    name.resize(n);
  }
  return name;
}

std::string megabytes(std::uint64_t bytes) {
  auto tenths = (bytes * 10 + (1u << 19)) >> 20;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(tenths % 10);
  return s + " MB";
}

Error file_error(const char* code, const char* field_code, const std::string& name) {
  Error e{ErrorKind::validation, code, {}, {}, ""};
  e.with("name", name);
  e.field("file", field_code);
  return e;
}

}  // namespace

const std::vector<std::string>& default_evidence_types() {
  static const std::vector<std::string> types{kPdf, kJpeg, kPng, kDocx, kXlsx};
  return types;
}

const std::vector<std::string>& image_and_pdf_types() {
  static const std::vector<std::string> types{kPdf, kJpeg, kPng};
  return types;
}

bool shown_inline(const std::string& t) { return t == kPdf || t == kJpeg || t == kPng; }

std::string type_names(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) {
    if (!out.empty()) out += ", ";
    std::string ext = extension_for(t);
    if (ext == "jpg") ext = "jpeg";
    for (auto& c : ext) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out += ext;
  }
  return out;
}

EvidenceService::EvidenceService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                                 EvidenceConfig config, Clock clock)
    : db_(std::move(db)), files_(std::move(files)), config_(config), clock_(std::move(clock)) {}

void EvidenceService::register_subject(std::string subject, EvidenceReadCheck can_read) {
  std::unique_lock lock(mu_);
  subjects_[std::move(subject)] = std::move(can_read);
}

Result<std::string> EvidenceService::check(const EvidenceUpload& f, const std::vector<std::string>& allowed) const {
  std::string name = clean_file_name(f.file_name);
  if (f.size == 0) return fail(file_error("evidence.empty", "evidence.field_empty", name));
  if (f.size > config_.max_bytes) {
    auto e = file_error("evidence.too_large", "evidence.field_too_large", name);
    e.with("size", megabytes(f.size)).with("max", megabytes(config_.max_bytes));
    return fail(e);
  }
  // PDF, JPEG and PNG are told from their first bytes; a ZIP needs its directory, read from
  // the file itself.
  auto type = sniff_content_type(f.head);
  if (!type || f.head.rfind("PK\x03\x04", 0) == 0) type = sniff_file(f.path);
  if (!type || std::find(allowed.begin(), allowed.end(), *type) == allowed.end()) {
    auto e = file_error("evidence.bad_type", "evidence.field_bad_type", name);
    e.with("types", type_names(allowed));
    return fail(e);
  }
  return *type;
}

Result<EvidenceRow> EvidenceService::attach(storage::Tx& tx, const Principal& actor, std::int64_t agency_id,
                                            std::string_view subject, std::int64_t subject_id,
                                            const EvidenceUpload& f, const std::vector<std::string>& allowed) const {
  auto type = check(f, allowed);
  if (!type) return fail(type.error());
  if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "evidence.not_found");
  EvidenceRow row;
  row.file_name = clean_file_name(f.file_name);
  if (row.file_name.empty()) row.file_name = "tep." + extension_for(*type);
  std::string caption = text::to_nfc(text::trim(f.caption));
  if (caption.size() > kMaxCaption || !text::is_valid_utf8(f.caption)) {
    Error e{ErrorKind::validation, "validation.invalid", {}, {}, ""};
    e.field("caption", "validation.too_long");
    return fail(e);
  }
  // The bytes first: if the transaction then fails, an unreferenced file is left, which
  // nothing shows and a later upload of the same content reuses.
  auto stored = files_->adopt(f.path, f.sha256);
  if (!stored) return fail(stored.error());
  const auto now = clock_();
  const auto ts = to_iso(now);
  storage::put_stored_file(tx, f.sha256, static_cast<std::int64_t>(f.size), *type, ts);
  row.agency_id = agency_id;
  row.subject = std::string(subject);
  row.subject_id = subject_id;
  row.file_sha256 = f.sha256;
  row.content_type = *type;
  row.size = static_cast<std::int64_t>(f.size);
  row.caption = caption;
  row.added_by = account_of(actor);
  row.added_at = ts;
  row.id = storage::insert_evidence(tx, row);
  json::object after{{"evidence_id", row.id},          {"file_name", row.file_name}, {"sha256", row.file_sha256},
                     {"content_type", row.content_type}, {"size", row.size},           {"caption", row.caption}};
  record_audit(tx, actor, {"evidence.attach", row.subject, std::to_string(subject_id), "", json::serialize(after)},
               now);
  return *storage::find_evidence(tx, row.id);
}

std::vector<EvidenceRow> EvidenceService::list(storage::Tx& tx, std::string_view subject,
                                               std::int64_t subject_id) const {
  return storage::list_evidence(tx, std::string(subject), subject_id);
}

std::map<std::int64_t, long long> EvidenceService::counts(storage::Tx& tx, std::string_view subject,
                                                          const std::vector<std::int64_t>& subject_ids) const {
  return storage::evidence_counts(tx, std::string(subject), subject_ids);
}

Result<EvidenceRow> EvidenceService::withdraw(storage::Tx& tx, const Principal& actor, std::int64_t evidence_id,
                                              std::string_view reason_in) const {
  auto row = storage::find_evidence(tx, evidence_id);
  if (!row || !can_read_agency(tx, actor, row->agency_id)) return fail(ErrorKind::not_found, "evidence.not_found");
  std::string reason = text::is_valid_utf8(reason_in) ? text::to_nfc(text::trim(reason_in)) : std::string();
  if (reason.size() > kMaxReason) {
    Error e{ErrorKind::validation, "validation.invalid", {}, {}, ""};
    e.field("reason", "validation.too_long");
    return fail(e);
  }
  const auto now = clock_();
  if (!storage::withdraw_evidence(tx, evidence_id, account_of(actor), to_iso(now), reason)) {
    return fail(ErrorKind::conflict, "evidence.already_withdrawn");
  }
  json::object before{{"evidence_id", row->id}, {"file_name", row->file_name}, {"status", row->status}};
  json::object after{{"evidence_id", row->id}, {"status", "withdrawn"}, {"reason", reason}};
  record_audit(tx, actor,
               {"evidence.withdraw", row->subject, std::to_string(row->subject_id), json::serialize(before),
                json::serialize(after)},
               now);
  return *storage::find_evidence(tx, evidence_id);
}

Result<EvidenceRow> EvidenceService::readable(storage::Tx& tx, const Principal& actor,
                                              std::int64_t evidence_id) const {
  auto row = storage::find_evidence(tx, evidence_id);
  if (!row || !can_read_agency(tx, actor, row->agency_id)) return fail(ErrorKind::not_found, "evidence.not_found");
  EvidenceReadCheck check;
  {
    std::shared_lock lock(mu_);
    auto it = subjects_.find(row->subject);
    if (it != subjects_.end()) check = it->second;
  }
  if (!check || !check(tx, actor, row->subject_id)) return fail(ErrorKind::not_found, "evidence.not_found");
  return *row;
}

Result<EvidenceRow> EvidenceService::get(const Principal& actor, std::int64_t evidence_id) {
  return db_->read([&](storage::Tx& tx) { return readable(tx, actor, evidence_id); });
}

Result<EvidenceFile> EvidenceService::file(const Principal& actor, std::int64_t evidence_id) {
  auto row = db_->read([&](storage::Tx& tx) { return readable(tx, actor, evidence_id); });
  if (!row) return fail(row.error());
  if (!files_->has(row->file_sha256)) {
    return fail(Error{ErrorKind::internal, "file.not_found", {}, {}, "stored file missing: " + row->file_sha256});
  }
  return EvidenceFile{files_->path_of(row->file_sha256), row->content_type, row->file_name,
                      static_cast<std::uint64_t>(row->size)};
}

Result<EvidenceFile> EvidenceService::thumbnail(const Principal& actor, std::int64_t evidence_id) {
  struct Found {
    EvidenceRow row;
    std::optional<storage::ThumbnailRow> thumb;
  };
  auto found = db_->read([&](storage::Tx& tx) -> Result<Found> {
    auto row = readable(tx, actor, evidence_id);
    if (!row) return fail(row.error());
    return Found{*row, storage::find_thumbnail(tx, row->file_sha256)};
  });
  if (!found) return fail(found.error());
  const auto& row = found->row;
  if (!row.is_image()) return fail(ErrorKind::not_found, "evidence.no_thumbnail");
  auto name = "thumb-" + row.file_name;
  if (found->thumb && files_->has(found->thumb->sha256)) {
    const auto& t = *found->thumb;
    return EvidenceFile{files_->path_of(t.sha256), t.content_type, name, 0};
  }
  auto made = documents::make_thumbnail(files_->path_of(row.file_sha256), row.content_type);
  if (!made) return fail(ErrorKind::not_found, "evidence.no_thumbnail", made.error().detail);
  auto sha = files_->put(made->bytes);
  if (!sha) return fail(sha.error());
  auto ts = to_iso(clock_());
  auto saved = db_->write([&](storage::Tx& tx) -> Result<bool> {
    storage::put_stored_file(tx, *sha, static_cast<std::int64_t>(made->bytes.size()), made->content_type, ts);
    storage::put_thumbnail(tx, row.file_sha256, {*sha, made->width, made->height, made->content_type});
    return true;
  });
  if (!saved) return fail(saved.error());
  return EvidenceFile{files_->path_of(*sha), made->content_type, name, made->bytes.size()};
}

}  // namespace thidua::services
