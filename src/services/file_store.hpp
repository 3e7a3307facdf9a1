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

 private:
  std::filesystem::path root_;
};

/// The type of a document or image from its first bytes: application/pdf, image/png,
/// image/jpeg, the OOXML types (DOCX, XLSX: a zip whose parts say which), or nothing.
std::optional<std::string> sniff_content_type(std::string_view content);

/// A file name's extension for a sniffed type ("pdf", "docx" …).
std::string extension_for(const std::string& content_type);

}  // namespace thidua::services
