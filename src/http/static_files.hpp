#pragma once
/// Static assets compiled into the binary, served with strong ETags, cache headers and a
/// gzip copy made once at start-up for text types.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.hpp"

namespace thidua::http {

class StaticFiles {
 public:
  /// Takes every embedded resource under `prefix` ("static/"), served at "/static/…".
  static StaticFiles from_resources(std::string_view prefix);

  /// The response for `path` ("/static/app.css"), or nullopt when there is no such file.
  std::optional<Response> serve(const Request& req) const;
  /// The ETag of `path`, for cache-busting URLs in templates (empty when unknown).
  std::string etag(std::string_view url_path) const;

 private:
  struct File {
    std::string_view data;
    std::string gzip;  ///< empty when not worth compressing
    std::string etag;
    std::string content_type;
  };
  std::unordered_map<std::string, File> files_;
};

std::string content_type_for(std::string_view path);
/// gzip (RFC 1952) of `data` at the best compression.
std::string gzip_compress(std::string_view data);

}  // namespace thidua::http
