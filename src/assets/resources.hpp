#pragma once
/// Files compiled into the binary (templates, migrations, catalogues, static assets), so that
/// one executable is the whole installation. See cmake/Embed.cmake.

#include <optional>
#include <span>
#include <string_view>

namespace thidua {

struct Resource {
  std::string_view path;  ///< relative to the source tree, e.g. "migrations/0001_accounts.sql"
  std::string_view data;
};

std::span<const Resource> embedded_resources();

/// The resource at `path`, if any.
std::optional<std::string_view> find_resource(std::string_view path);

}  // namespace thidua
