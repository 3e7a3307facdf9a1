#include "http/router.hpp"

namespace thidua::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  if (path.empty() || path == "/") return out;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

void Router::add(Route route) {
  route.segments = split_path(route.pattern);
  routes_.push_back(std::make_unique<Route>(std::move(route)));
}

Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  auto parts = split_path(path);
  for (const auto& r : routes_) {
    if (r->segments.size() != parts.size()) continue;
    std::map<std::string, std::string, std::less<>> params;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = r->segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        if (parts[i].empty()) ok = false;
        else params[seg.substr(1, seg.size() - 2)] = parts[i];
      } else if (seg != parts[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    if (r->method != method && !(method == "HEAD" && r->method == "GET")) {
      m.method_mismatch = true;
      continue;
    }
    m.route = r.get();
    m.params = std::move(params);
    m.method_mismatch = false;
    return m;
  }
  return m;
}

}  // namespace thidua::http
