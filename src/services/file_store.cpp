#include "services/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "services/crypto.hpp"

namespace thidua::services {

namespace {

bool valid_hash(const std::string& h) {
  if (h.size() != 64) return false;
  for (char c : h) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Error store_error(const std::string& what) { return Error{ErrorKind::internal, "file.store_failed", {}, {}, what}; }

}  // namespace

FileStore::FileStore(std::filesystem::path root) : root_(std::move(root)) {}

std::filesystem::path FileStore::path_of(const std::string& sha256) const {
  return root_ / sha256.substr(0, 2) / sha256;
}

Result<std::string> FileStore::put(std::string_view content) const {
  std::string hash = sha256_hex(content);
  auto target = path_of(hash);
  std::error_code ec;
  if (std::filesystem::exists(target, ec)) return hash;  // same bytes, same name: already kept
  std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) return fail(store_error("cannot create " + target.parent_path().string() + ": " + ec.message()));
  auto tmp = target;
  tmp += ".tmp-" + random_token(6);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return fail(store_error("cannot create " + tmp.string()));
  std::size_t done = 0;
  while (done < content.size()) {
    auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      std::filesystem::remove(tmp, ec);
      return fail(store_error("cannot write " + tmp.string()));
    }
    done += static_cast<std::size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) {
    std::filesystem::remove(tmp, ec);
    return fail(store_error("cannot sync " + tmp.string()));
  }
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail(store_error("cannot rename into " + target.string()));
  }
  return hash;
}

Result<std::string> FileStore::get(const std::string& sha256) const {
  if (!valid_hash(sha256)) return fail(ErrorKind::not_found, "file.not_found");
  std::ifstream in(path_of(sha256), std::ios::binary);
  if (!in) return fail(ErrorKind::not_found, "file.not_found");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::optional<std::string> sniff_content_type(std::string_view c) {
  auto starts = [&](std::string_view magic) { return c.substr(0, magic.size()) == magic; };
  if (starts("%PDF-")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xff\xd8\xff")) return "image/jpeg";
  if (starts("PK\x03\x04")) {
    // An OOXML package names its main part near the start of the archive's directory; the
    // part names are stored uncompressed, so a byte search is enough to tell them apart.
    if (c.find("word/") != std::string_view::npos) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (c.find("xl/") != std::string_view::npos) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
  }
  return std::nullopt;
}

std::string extension_for(const std::string& t) {
  if (t == "application/pdf") return "pdf";
  if (t == "image/png") return "png";
  if (t == "image/jpeg") return "jpg";
  if (t.find("wordprocessingml") != std::string::npos) return "docx";
  if (t.find("spreadsheetml") != std::string::npos) return "xlsx";
  return "bin";
}

}  // namespace thidua::services
