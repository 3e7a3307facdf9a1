#include "http/static_files.hpp"

#include <zlib.h>

#include "assets/resources.hpp"

namespace thidua::http {

std::string content_type_for(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".json")) return "application/json";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

namespace {

std::string fnv_etag(std::string_view data) {
  // FNV-1a 64: an ETag only needs to change when the bytes change.
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

StaticFiles StaticFiles::from_resources(std::string_view prefix) {
  StaticFiles s;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind(prefix, 0) != 0) continue;
    File f;
    f.data = r.data;
    f.etag = fnv_etag(r.data);
    f.content_type = content_type_for(r.path);
    bool text = f.content_type.rfind("text/", 0) == 0 || f.content_type.find("svg") != std::string::npos ||
                f.content_type.find("json") != std::string::npos;
    if (text && r.data.size() > 512) {
      f.gzip = gzip_compress(r.data);
      if (f.gzip.size() >= r.data.size()) f.gzip.clear();
    }
    s.files_.emplace("/static/" + std::string(r.path.substr(prefix.size())), std::move(f));
  }
  return s;
}

std::string StaticFiles::etag(std::string_view url_path) const {
  auto it = files_.find(std::string(url_path));
  return it == files_.end() ? std::string() : it->second.etag.substr(1, 8);
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
  auto it = files_.find(req.path);
  if (it == files_.end()) return std::nullopt;
  const File& f = it->second;
  Response r;
  r.content_type = f.content_type;
  r.header("ETag", f.etag);
  // Templates link assets with ?v=<etag>, so a long max-age is safe; plain URLs revalidate.
  r.header("Cache-Control", req.query.empty() ? "public, max-age=300" : "public, max-age=31536000, immutable");
  r.header("Vary", "Accept-Encoding");
  if (auto inm = req.header("if-none-match"); inm && *inm == f.etag) {
    r.status = 304;
    return r;
  }
  auto ae = req.header("accept-encoding").value_or("");
  if (!f.gzip.empty() && ae.find("gzip") != std::string_view::npos) {
    r.header("Content-Encoding", "gzip");
    r.body = f.gzip;
  } else {
    r.body = std::string(f.data);
  }
  return r;
}

}  // namespace thidua::http
