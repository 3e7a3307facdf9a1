#include "http/upload.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>

#include "http/parse/utf8_check.hpp"
#include "services/crypto.hpp"

namespace thidua::http {

namespace fs = std::filesystem;

TempFiles::~TempFiles() {
  for (const auto& p : paths_) {
    std::error_code ec;
    fs::remove(p, ec);  // gone already when the file store adopted it
  }
}

std::string UploadForm::field(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return {};
}

std::vector<std::string> UploadForm::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields) {
    if (k == name) out.push_back(v);
  }
  return out;
}

const UploadedFile* UploadForm::file(std::string_view name) const {
  for (const auto& f : files) {
    if (f.field == name) return &f;
  }
  return nullptr;
}

std::string base_file_name(std::string_view name) {
  auto cut = name.find_last_of("/\\");
  if (cut != std::string_view::npos) name.remove_prefix(cut + 1);
  return std::string(name);
}

struct UploadReceiver::Impl {
  UploadLimits limits;
  fs::path dir;
  std::optional<MultipartParser> parser;
  std::optional<Error> error;
  UploadForm form;
  bool finished = false;

  // The part being read.
  bool is_file = false;
  std::string name;
  std::string text;
  UploadedFile file;
  int fd = -1;
  std::optional<services::Sha256Stream> sha;

  ~Impl() { close_file(); }

  void close_file() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }

  Result<void> write_all(std::string_view d) {
    while (!d.empty()) {
      auto n = ::write(fd, d.data(), d.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return upload_failed("cannot write " + file.path.string() + ": " + std::strerror(errno));
      d.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
  }

  static tl::unexpected<Error> upload_failed(std::string detail) {
    return fail(ErrorKind::internal, "request.upload_failed", std::move(detail));
  }

  Result<void> begin(const PartHeaders& h) {
    name = h.name;
    text.clear();
    is_file = h.filename.has_value();
    if (!is_file) return {};
    file = UploadedFile{};
    file.field = h.name;
    file.filename = base_file_name(*h.filename);
    file.declared_type = h.content_type;
    file.path = dir / ("upload-" + services::random_token(12));
    fd = ::open(file.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return upload_failed("cannot create " + file.path.string() + ": " + std::strerror(errno));
    form.temp->add(file.path);
    sha.emplace();
    return {};
  }

  Result<void> data(std::string_view d) {
    if (!is_file) {
      if (text.size() + d.size() > limits.max_field_bytes) {
        return fail(Error{ErrorKind::too_large, "request.field_too_large", {}, {}, "field " + name});
      }
      text.append(d);
      return {};
    }
    if (file.head.size() < limits.head_bytes) file.head.append(d.substr(0, limits.head_bytes - file.head.size()));
    sha->update(d);
    file.size += d.size();
    return write_all(d);
  }

  Result<void> end() {
    if (!is_file) {
      if (!valid_utf8(text)) return fail(ErrorKind::validation, "request.bad_utf8", "field " + name);
      form.fields.emplace_back(std::move(name), std::move(text));
      return {};
    }
    // Synced now, outside any transaction, so that adopting it later is only a rename.
    bool synced = ::fsync(fd) == 0;
    close_file();
    if (!synced) return upload_failed("cannot sync " + file.path.string());
    file.sha256 = sha->hex_final();
    sha.reset();
    if (file.filename.empty() && file.size == 0) {
      std::error_code ec;
      fs::remove(file.path, ec);  // a file input left blank
      return {};
    }
    form.files.push_back(std::move(file));
    return {};
  }
};

UploadReceiver::UploadReceiver(std::string_view content_type, fs::path dir, UploadLimits limits)
    : impl_(std::make_unique<Impl>()) {
  auto& s = *impl_;
  s.limits = limits;
  s.dir = dir.empty() ? fs::temp_directory_path() : std::move(dir);
  s.form.temp = std::make_shared<TempFiles>();
  if (content_type.rfind("multipart/form-data", 0) != 0) {
    s.error = Error{ErrorKind::validation, "request.bad_content_type", {}, {}, "not multipart/form-data"};
    return;
  }
  auto boundary = multipart_boundary(content_type);
  if (!boundary) {
    s.error = Error{ErrorKind::validation, "request.bad_multipart", {}, {}, "no multipart/form-data boundary"};
    return;
  }
  std::error_code ec;
  fs::create_directories(s.dir, ec);
  if (ec) {
    s.error = Error{ErrorKind::internal, "request.upload_failed", {}, {}, "cannot create " + s.dir.string()};
    return;
  }
  Impl* p = impl_.get();
  s.parser.emplace(std::move(*boundary),
                   MultipartParser::Callbacks{
                       .on_part_begin = [p](const PartHeaders& h) { return p->begin(h); },
                       .on_part_data = [p](std::string_view d) { return p->data(d); },
                       .on_part_end = [p]() { return p->end(); },
                   },
                   limits.parts);
}

UploadReceiver::~UploadReceiver() = default;

bool UploadReceiver::failed() const { return impl_->error.has_value(); }

void UploadReceiver::feed(std::string_view chunk) {
  auto& s = *impl_;
  if (s.error || s.finished) return;
  if (auto r = s.parser->feed(chunk); !r) {
    s.error = std::move(r.error());
    s.close_file();
  }
}

Result<UploadForm> UploadReceiver::finish() {
  auto& s = *impl_;
  s.finished = true;
  if (s.error) return fail(*s.error);
  if (auto r = s.parser->finish(); !r) {
    s.close_file();
    return fail(std::move(r.error()));
  }
  return std::move(s.form);
}

Result<UploadForm> receive_upload(std::string_view content_type, std::string_view body, const fs::path& dir,
                                  UploadLimits limits) {
  UploadReceiver r(content_type, dir, limits);
  r.feed(body);
  return r.finish();
}

}  // namespace thidua::http
