#pragma once
/// Files kept by content: each under its SHA-256 in the data folder (files/ab/abcdef…),
/// written once (to a temporary name, synced, then renamed), never overwritten. The same
/// content sent twice is one file. What a file is, is told from its bytes, not its name.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace thidua::services {

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root);
  /// Stores `content`; returns its SHA-256 in hex.
  Result<std::string> put(std::string_view content) const;
  Result<std::string> get(const std::string& sha256) const;
  std::filesystem::path path_of(const std::string& sha256) const;
  /// Takes a finished temporary file (an upload already on disk, `sha256` its content's hash
  /// as computed while it was written) into the store: synced, then linked in under its hash
  /// (link(2) never replaces an existing name) and the temporary name removed. When the
  /// content is already kept the temporary file is simply dropped. Must be on the same file
  /// system as the store, else it is copied. Returns the hash.
  Result<std::string> adopt(const std::filesystem::path& temp, const std::string& sha256) const;
  /// Whether a file with this hash is kept.
  bool has(const std::string& sha256) const;

 private:
  std::filesystem::path root_;
};

/// The type of a document or image from its first bytes: application/pdf, image/png,
/// image/jpeg, the OOXML types (DOCX, XLSX: a zip whose parts say which), or nothing.
std::optional<std::string> sniff_content_type(std::string_view content);

/// The same for a file on disk, reading only its first bytes and, for a ZIP, its central
/// directory (so a DOCX whose parts come late in the archive is still recognised).
std::optional<std::string> sniff_file(const std::filesystem::path& path);

/// A file name's extension for a sniffed type ("pdf", "docx" …).
std::string extension_for(const std::string& content_type);

}  // namespace thidua::services
