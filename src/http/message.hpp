#pragma once
/// Requests and responses as handlers see them: plain strings, no Beast types, so that the
/// web and API layers compile without the networking headers.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thidua::http {

struct Request {
  std::string method;  ///< "GET", "POST", …
  std::string target;  ///< as sent: path and query
  std::string path;    ///< decoded path, without the query
  std::string query;   ///< raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  ///< names in lower case
  std::string body;
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
  bool close = false;  ///< close the connection after this response

  static Response html(std::string body, unsigned status = 200);
  static Response json(std::string body, unsigned status = 200);
  static Response redirect(std::string location, unsigned status = 303);
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

/// True for methods that change state and so need a CSRF token.
bool is_unsafe_method(std::string_view method);

}  // namespace thidua::http
