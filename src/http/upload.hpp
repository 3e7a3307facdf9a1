#pragma once
/// Uploaded forms with their files on disk. On routes marked `stream_upload` the server feeds
/// the body to an UploadReceiver as it arrives: file parts go straight to temporary files
/// (hashed with SHA-256 on the way), text fields stay in memory (each capped), so a 20 MB
/// upload never sits whole in memory. On ordinary multipart routes Context::upload_form()
/// does the same from the body already read. The temporary files are removed when the last
/// copy of the form goes (the end of the request) unless they were moved away
/// (services::FileStore::adopt).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.hpp"
#include "http/parse/multipart.hpp"

namespace thidua::http {

/// One file part, already on disk.
struct UploadedFile {
  std::string field;             ///< form field name
  std::string filename;          ///< as the client sent it, without any directory part (never a path)
  std::string declared_type;     ///< the part's Content-Type as sent (not trusted)
  std::filesystem::path path;    ///< temporary file; removed when the request ends unless moved away
  std::uint64_t size = 0;
  std::string sha256;            ///< hex
  std::string head;              ///< first bytes (up to 8 KiB) for sniffing
};

/// Temporary files removed when this goes (shared by every copy of an UploadForm).
class TempFiles {
 public:
  TempFiles() = default;
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles();
  void add(std::filesystem::path p) { paths_.push_back(std::move(p)); }
  const std::vector<std::filesystem::path>& paths() const { return paths_; }

 private:
  std::vector<std::filesystem::path> paths_;
};

struct UploadForm {
  std::vector<std::pair<std::string, std::string>> fields;  ///< text fields in order
  /// File parts that carry a file: a file name or some bytes. The empty part a browser sends
  /// for a file input left blank is not here; an empty file the user picked is (size 0).
  std::vector<UploadedFile> files;
  /// Owns the temporary files behind `files`.
  std::shared_ptr<TempFiles> temp;

  std::string field(std::string_view name) const;  ///< first value or ""
  std::vector<std::string> all(std::string_view name) const;
  /// The first file of this field, or nullptr.
  const UploadedFile* file(std::string_view name) const;
};

struct UploadLimits {
  std::size_t max_field_bytes = 64 * 1024;  ///< a longer text field is too_large "request.field_too_large"
  std::size_t head_bytes = 8 * 1024;
  MultipartLimits parts;
};

/// Receives a multipart/form-data body in chunks of any size. Never throws; after the first
/// error it drops the rest of the body and finish() returns that error: malformed multipart
/// is validation "request.bad_multipart" (400), a field or part count over the limits
/// too_large (413), a disk that will not take the file internal "request.upload_failed".
class UploadReceiver {
 public:
  /// `dir`: where temporary files go (created if missing; must be on the same file system as
  /// the file store for a cheap adopt). Empty: the system's temporary directory.
  UploadReceiver(std::string_view content_type, std::filesystem::path dir, UploadLimits limits = {});
  ~UploadReceiver();
  UploadReceiver(const UploadReceiver&) = delete;
  UploadReceiver& operator=(const UploadReceiver&) = delete;

  void feed(std::string_view chunk);
  bool failed() const;
  /// The form, or the first error. Call once.
  Result<UploadForm> finish();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// The same from a body held in memory (ordinary multipart routes).
Result<UploadForm> receive_upload(std::string_view content_type, std::string_view body,
                                  const std::filesystem::path& dir, UploadLimits limits = {});

/// The last path component of a client's file name ("C:\a\b.pdf" → "b.pdf"), since
/// browsers and old clients sometimes send whole paths.
std::string base_file_name(std::string_view name);

}  // namespace thidua::http
