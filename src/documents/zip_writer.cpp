#include "documents/zip_writer.hpp"

#include <zip.h>

#include <array>

namespace thidua::documents {
namespace {

tl::unexpected<Error> zip_failure(const std::string& what, const char* detail) {
  return fail(ErrorKind::internal, "internal", "zip: " + what + ": " + (detail ? detail : "?"));
}

/// The bytes libzip wrote into `buffer`, an in-memory source.
Result<std::string> read_source(zip_source_t* buffer) {
  if (zip_source_open(buffer) < 0) return zip_failure("reopen", zip_error_strerror(zip_source_error(buffer)));
  std::string out;
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    const zip_int64_t n = zip_source_read(buffer, chunk.data(), chunk.size());
    if (n < 0) {
      zip_source_close(buffer);
      return zip_failure("read back", zip_error_strerror(zip_source_error(buffer)));
    }
    if (n == 0) break;
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  zip_source_close(buffer);
  return out;
}

}  // namespace

Result<std::string> write_zip(const std::vector<ZipEntry>& entries, std::time_t modified) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) {
    auto e = zip_failure("buffer", zip_error_strerror(&error));
    zip_error_fini(&error);
    return e;
  }
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    auto e = zip_failure("open", zip_error_strerror(&error));
    zip_error_fini(&error);
    return e;
  }
  zip_error_fini(&error);
  // zip_close() would free the source it writes into; keep it to read the archive back.
  zip_source_keep(buffer);

  for (const ZipEntry& entry : entries) {
    // The entries' strings outlive zip_close(), which is when libzip reads them.
    zip_source_t* source = zip_source_buffer(archive, entry.content.data(), entry.content.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      auto e = zip_failure("add " + entry.name, zip_strerror(archive));
      zip_discard(archive);
      zip_source_free(buffer);
      return e;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 0);
    zip_file_set_mtime(archive, i, modified, 0);
  }
  if (zip_close(archive) < 0) {
    auto e = zip_failure("close", zip_strerror(archive));
    zip_discard(archive);
    zip_source_free(buffer);
    return e;
  }
  auto bytes = read_source(buffer);
  zip_source_free(buffer);
  return bytes;
}

}  // namespace thidua::documents
