#pragma once
/// Mustache templates, parsed once at start-up for each language.
///
/// Templates say `[[key]]` for a catalogue message; at start-up each template is expanded
/// once per language with the (HTML-escaped) messages and parsed, so rendering a page costs
/// no lookups. An unknown key or a template syntax error stops the start-up.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "domain/error.hpp"
#include "http/context.hpp"
#include "http/static_files.hpp"
#include "text/catalogue.hpp"

namespace thidua::web {

namespace mustache = kainjow::mustache;

class Views {
 public:
  static Result<std::shared_ptr<Views>> create(std::shared_ptr<const text::Catalogue> catalogue,
                                              std::shared_ptr<const http::StaticFiles> static_files);

  /// Renders `name` ("pages/home") in `lang`.
  std::string render(const std::string& name, text::Lang lang, const mustache::data& data) const;

  /// A full page: the body template inside the base layout, with navigation for the user.
  http::Response page(http::Context& ctx, const std::string& name, const std::string& title,
                      mustache::data body, unsigned status = 200) const;
  /// The body template alone, for the page cache: forms carry PageCache::kCsrfPlaceholder
  /// instead of this session's token.
  std::string body_for_cache(http::Context& ctx, const std::string& name, mustache::data body) const;
  /// A full page around an already rendered body (its CSRF placeholders filled in).
  http::Response page_around(http::Context& ctx, const std::string& title, const std::string& body_html,
                             unsigned status = 200) const;

  const text::Catalogue& catalogue() const { return *catalogue_; }

  /// The signed-in user's unread-notification count for the header (unset: no badge). Set
  /// once at start-up, before serving.
  void set_unread_counter(std::function<long long(http::Context&)> counter) { unread_ = std::move(counter); }

 private:
  Views() = default;
  mustache::data layout_data(http::Context& ctx, const std::string& title) const;

  std::shared_ptr<const text::Catalogue> catalogue_;
  std::shared_ptr<const http::StaticFiles> static_;
  std::vector<std::string> names_;
  std::vector<mustache::mustache> parsed_;  ///< index: name_index * 2 + lang
  std::map<std::string, std::size_t> index_;
  std::function<long long(http::Context&)> unread_;
};

/// kainjow's set() copies what it is given, and a list of rows grows by copying every row
/// (its move constructor is not noexcept). These move instead; a long list costs one pass.
inline void put(mustache::data& d, const std::string& key, mustache::data value) { d[key] = std::move(value); }
/// A list value made from `rows` without copying them.
inline mustache::data list_data(mustache::list&& rows) {
  mustache::data out(mustache::data::type::list);
  // list_value() is the data's own vector, which is not const: moving into it is sound.
  const_cast<mustache::list&>(out.list_value()) = std::move(rows);
  return out;
}

/// HTML-escapes text for templates that build markup in code.
std::string html_escape(std::string_view s);

}  // namespace thidua::web
