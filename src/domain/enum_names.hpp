#pragma once
/// Enum ↔ name tables: each enum's names are written once, as a constexpr array of pairs.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace thidua::detail {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
std::optional<E> parse_from(const EnumNames<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table) {
    if (name == s) return e;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const EnumNames<E, N>& table, E e) {
  for (const auto& [x, name] : table) {
    if (x == e) return name;
  }
  return table[0].second;
}

}  // namespace thidua::detail
