#include "documents/zip_reader.hpp"

#include <zip.h>

#include <array>

namespace thidua::documents {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kChunk = 64 * 1024;

Error not_xlsx(std::string detail) {
  return Error{ErrorKind::validation, "import.not_xlsx", {}, {}, std::move(detail)};
}

struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

void ZipReader::Closer::operator()(zip* archive) const {
  // Read-only: discard rather than close, so that libzip never tries to write anything back.
  zip_discard(archive);
}

ZipReader::~ZipReader() = default;

Result<ZipReader> ZipReader::open(std::string_view bytes, std::size_t max_uncompressed) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return tl::unexpected(not_xlsx("zip source: " + detail));
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    // On failure the source still belongs to us.
    zip_source_free(source);
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return tl::unexpected(not_xlsx("not a zip archive: " + detail));
  }
  zip_error_fini(&error);
  return ZipReader(archive, max_uncompressed);
}

bool ZipReader::contains(std::string_view name) const {
  return zip_name_locate(archive_.get(), std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<void> ZipReader::read(std::string_view name, const std::function<Result<void>(std::string_view)>& sink) {
  const std::string entry(name);
  std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen(archive_.get(), entry.c_str(), ZIP_FL_NOCASE));
  if (!file) {
    return tl::unexpected(not_xlsx(entry + ": " + zip_strerror(archive_.get())));
  }
  std::array<char, kChunk> buffer{};
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return tl::unexpected(not_xlsx(entry + ": " + zip_file_strerror(file.get())));
    if (n == 0) return {};
    used_ += static_cast<std::size_t>(n);
    if (used_ > budget_) {
      Error e{ErrorKind::too_large,
              "import.too_large",
              {},
              {},
              "more than " + std::to_string(budget_) + " bytes uncompressed (zip bomb?) at " + entry};
      e.with("max_mb", std::to_string(budget_ / kMiB));
      return tl::unexpected(std::move(e));
    }
    if (auto r = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n))); !r) return r;
  }
}

Result<std::string> ZipReader::read_all(std::string_view name) {
  std::string out;
  auto r = read(name, [&](std::string_view chunk) -> Result<void> {
    out.append(chunk);
    return {};
  });
  if (!r) return tl::unexpected(std::move(r.error()));
  return out;
}

}  // namespace thidua::documents
