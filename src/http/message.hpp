#pragma once
/// Requests and responses as handlers see them: plain strings, no Beast types, so that the
/// web and API layers compile without the networking headers.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/upload.hpp"

namespace thidua::http {

struct Request {
  std::string method;  ///< "GET", "POST", …
  std::string target;  ///< as sent: path and query
  std::string path;    ///< decoded path, without the query
  std::string query;   ///< raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  ///< names in lower case
  std::string body;
  /// On `stream_upload` routes: the form as the server received it, files already on disk
  /// (the body itself is then empty).
  std::shared_ptr<const Result<UploadForm>> upload;
  std::string remote_addr;
  std::string request_id;

  /// The first header with this (lower-case) name.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// When set, the body is this file, sent from disk as it is read (for large stored files);
  /// `body` is then ignored. A file that cannot be opened gives 404.
  std::filesystem::path file;
  bool close = false;  ///< close the connection after this response

  static Response html(std::string body, unsigned status = 200);
  static Response json(std::string body, unsigned status = 200);
  static Response redirect(std::string location, unsigned status = 303);
  /// A file sent from disk as `file_name` (Content-Disposition with filename*), inline (shown
  /// by the browser) or as an attachment (saved), with a Content-Security-Policy that lets it
  /// run and load nothing.
  static Response stored_file(std::filesystem::path path, std::string content_type, std::string_view file_name,
                              bool inline_);
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

/// A Content-Disposition value for sending a file called `file_name` (RFC 6266): an ASCII
/// fallback in `filename` (other characters become '_') and the exact UTF-8 name in
/// `filename*` (RFC 8187 percent-encoding), so Vietnamese names survive and no quote or line
/// break in a user's file name can break the header.
std::string content_disposition(bool inline_, std::string_view file_name);

/// True for methods that change state and so need a CSRF token.
bool is_unsafe_method(std::string_view method);

}  // namespace thidua::http
