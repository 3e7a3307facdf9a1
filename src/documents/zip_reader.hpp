#pragma once
/// Read-only access to a ZIP archive held in memory (an uploaded .xlsx), with one budget of
/// uncompressed bytes shared by every entry read: a few hundred kilobytes of deflated zeros
/// can claim gigabytes, and the sizes in the ZIP headers are the attacker's to choose, so we
/// count what actually comes out of the decompressor.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "domain/error.hpp"

struct zip;  // libzip's zip_t, kept out of our headers

namespace thidua::documents {

class ZipReader {
 public:
  /// Opens `bytes`, which must outlive the reader. Errors: validation "import.not_xlsx" when
  /// the bytes are not a ZIP archive.
  static Result<ZipReader> open(std::string_view bytes, std::size_t max_uncompressed);

  ZipReader(ZipReader&&) noexcept = default;
  ZipReader& operator=(ZipReader&&) noexcept = default;
  ~ZipReader();

  /// True when the archive holds `name`, compared without regard to case as OPC part names are.
  bool contains(std::string_view name) const;

  /// Streams the entry `name` to `sink` in chunks. Errors: validation "import.not_xlsx" when
  /// the entry is missing, encrypted or corrupt (a bad CRC included); too_large
  /// "import.too_large" (param max_mb) once the budget is spent; any error `sink` returns.
  Result<void> read(std::string_view name, const std::function<Result<void>(std::string_view)>& sink);

  /// The whole entry as a string; errors as read().
  Result<std::string> read_all(std::string_view name);

  /// Uncompressed bytes read so far, over all entries.
  std::size_t bytes_read() const { return used_; }

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipReader(zip* archive, std::size_t budget) : archive_(archive), budget_(budget) {}

  std::unique_ptr<zip, Closer> archive_;
  std::size_t budget_;
  std::size_t used_ = 0;
};

}  // namespace thidua::documents
