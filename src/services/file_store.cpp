#include "services/file_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "documents/file_magic.hpp"
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

bool sync_path(const std::filesystem::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

/// Copies `from` to a new file `to` (which must not exist), synced.
bool copy_synced(const std::filesystem::path& from, const std::filesystem::path& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (out < 0) {
    ::close(in);
    return false;
  }
  char buf[64 * 1024];
  bool ok = true;
  for (;;) {
    auto n = ::read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    for (ssize_t done = 0; done < n;) {
      auto w = ::write(out, buf + done, static_cast<std::size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        ok = false;
        break;
      }
      done += w;
    }
    if (!ok) break;
  }
  ok = ok && ::fsync(out) == 0;
  ::close(in);
  ::close(out);
  return ok;
}

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

bool FileStore::has(const std::string& sha256) const {
  std::error_code ec;
  return valid_hash(sha256) && std::filesystem::exists(path_of(sha256), ec);
}

Result<std::string> FileStore::adopt(const std::filesystem::path& temp, const std::string& sha256) const {
  if (!valid_hash(sha256)) return fail(store_error("adopt: not a SHA-256: " + sha256));
  auto target = path_of(sha256);
  std::error_code ec;
  if (std::filesystem::exists(target, ec)) {
    std::filesystem::remove(temp, ec);  // the same content is kept already
    return sha256;
  }
  std::filesystem::create_directories(target.parent_path(), ec);
  if (ec) return fail(store_error("cannot create " + target.parent_path().string() + ": " + ec.message()));
  // Synced before it gets its name, so a name in the store always has its bytes on disk
  // (cheap when the upload was synced as it finished).
  if (!sync_path(temp, O_RDONLY)) return fail(store_error("cannot sync " + temp.string()));
  // link(2), unlike rename(2), fails rather than replace a file already there.
  if (::link(temp.c_str(), target.c_str()) != 0) {
    int err = errno;
    if (err == EEXIST) {
      std::filesystem::remove(temp, ec);  // written meanwhile by another request
      return sha256;
    }
    if (err != EXDEV && err != EPERM && err != EMLINK) {
      return fail(store_error("cannot link " + temp.string() + " to " + target.string() + ": " + std::strerror(err)));
    }
    // Another file system, or one without hard links: copy next to the target first.
    auto tmp = target;
    tmp += ".tmp-" + random_token(6);
    bool ok = copy_synced(temp, tmp);
    if (ok && ::link(tmp.c_str(), target.c_str()) != 0 && errno != EEXIST) ok = false;
    std::filesystem::remove(tmp, ec);
    if (!ok) return fail(store_error("cannot copy " + temp.string() + " into " + target.string()));
  }
  std::filesystem::remove(temp, ec);
  sync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
  return sha256;
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

std::optional<std::string> sniff_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  auto read_at = [&](std::size_t n, off_t at) {
    std::string buf(n, '\0');
    std::size_t got = 0;
    while (got < n) {
      auto r = ::pread(fd, buf.data() + got, n - got, at + static_cast<off_t>(got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    buf.resize(got);
    return buf;
  };
  std::string head = read_at(8192, 0);
  std::optional<std::string> type;
  if (head.rfind("PK\x03\x04", 0) == 0) {
    // An OOXML package says what it is in its central directory, at the end of the file.
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      const auto size = static_cast<std::size_t>(st.st_size);
      const std::size_t n = std::min<std::size_t>(size, 1u << 20);
      type = documents::ooxml_type_in_zip_tail(read_at(n, static_cast<off_t>(size - n)));
    }
  } else {
    type = sniff_content_type(head);
  }
  ::close(fd);
  return type;
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
