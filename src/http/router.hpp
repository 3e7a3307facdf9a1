#pragma once
/// Routes and the router. The route table itself is one file read top to bottom
/// (src/app/routes.cpp); this is the machinery behind it.

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "http/context.hpp"
#include "http/message.hpp"

namespace thidua::http {

using Handler = std::function<Result<Response>(Context&)>;

enum class RouteKind { page, api };

struct Access {
  bool sign_in = true;      ///< false: anyone, signed in or not
  std::vector<Role> roles;  ///< any of these (empty: any signed-in user)

  static Access anyone() { return {false, {}}; }
  static Access signed_in() { return {true, {}}; }
  static Access any_of(std::vector<Role> r) { return {true, std::move(r)}; }
};

struct Route {
  std::string method;
  std::string pattern;  ///< "/api/v1/users/{login}"
  RouteKind kind = RouteKind::page;
  Access access;
  Handler handler;
  std::string summary;                ///< what it does, for `thidua routes` and the docs
  std::size_t max_body = 1 << 20;     ///< bytes
  bool needs_session = true;          ///< false for routes that never look at the user
  /// multipart/form-data read as it arrives: files to temporary files on disk, never the
  /// whole body in memory; handlers read it with Context::upload_form().
  bool stream_upload = false;
  std::vector<std::string> segments;  ///< pattern split on '/'
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
  bool method_mismatch = false;  ///< the path exists with another method
};

class Router {
 public:
  void add(Route route);
  Match match(std::string_view method, std::string_view path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace thidua::http
