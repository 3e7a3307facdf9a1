#include "storage/backup.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

namespace thidua::storage {

namespace {

Result<std::string> backup_sqlite(const std::string& src_path, const std::string& out_path) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto cleanup = [&] {
    if (dst) sqlite3_close(dst);
    if (src) sqlite3_close(src);
  };
  if (sqlite3_open_v2(src_path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(src);
    cleanup();
    return fail(ErrorKind::internal, "backup.failed", msg);
  }
  if (sqlite3_open_v2(out_path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(dst);
    cleanup();
    return fail(ErrorKind::internal, "backup.failed", msg);
  }
  sqlite3_busy_timeout(src, 10000);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) {
    std::string msg = sqlite3_errmsg(dst);
    cleanup();
    return fail(ErrorKind::internal, "backup.failed", msg);
  }
  int rc;
  // Copy in steps so writers are not blocked for the whole copy; restarts if they write.
  while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    sqlite3_sleep(5);
  }
  sqlite3_backup_finish(b);
  std::string msg = rc == SQLITE_DONE ? "" : sqlite3_errmsg(dst);
  cleanup();
  if (rc != SQLITE_DONE) return fail(ErrorKind::internal, "backup.failed", msg);
  return out_path;
}

Result<std::string> backup_postgres(const std::string& url, const std::string& out_path) {
  pid_t pid = fork();
  if (pid < 0) return fail(ErrorKind::internal, "backup.failed", "fork failed");
  if (pid == 0) {
    execlp("pg_dump", "pg_dump", "--format=custom", "--no-owner", "--file", out_path.c_str(), url.c_str(),
           static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::filesystem::remove(out_path);
    return fail(ErrorKind::internal, "backup.failed", "pg_dump exited with status " + std::to_string(status));
  }
  return out_path;
}

}  // namespace

Result<std::string> backup(const DbUrl& url, const std::string& out_path) {
  if (std::filesystem::exists(out_path)) {
    return fail(Error{ErrorKind::conflict, "backup.exists", {{"path", out_path}}, {}, ""});
  }
  if (url.dialect == Dialect::sqlite) return backup_sqlite(url.target, out_path);
  return backup_postgres(url.target, out_path);
}

}  // namespace thidua::storage
