#pragma once
/// Generated rows, held in memory until they are loaded: a generator fills Tables, the loader
/// writes them. Keeping the two apart is what makes the output depend on the seed only.

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace thidua::gen {

enum class ColumnType { integer, text };

struct Column {
  std::string name;
  ColumnType type = ColumnType::text;
};

/// NULL, an integer or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;
inline const Value kNull{};

class Table {
 public:
  /// `has_id`: the first column is the table's identity `id`, whose sequence the loader resets
  /// on PostgreSQL after inserting explicit ids.
  Table(std::string name, std::vector<Column> columns, bool has_id = true)
      : name_(std::move(name)), columns_(std::move(columns)), has_id_(has_id) {}

  void add(std::initializer_list<Value> row) {
    if (row.size() != columns_.size()) {
      throw std::logic_error("table " + name_ + ": row has " + std::to_string(row.size()) + " values, expected " +
                             std::to_string(columns_.size()));
    }
    values_.insert(values_.end(), row.begin(), row.end());
  }

  const std::string& name() const { return name_; }
  const std::vector<Column>& columns() const { return columns_; }
  bool has_id() const { return has_id_; }
  std::size_t rows() const { return columns_.empty() ? 0 : values_.size() / columns_.size(); }
  const Value& at(std::size_t row, std::size_t col) const { return values_[row * columns_.size() + col]; }

 private:
  std::string name_;
  std::vector<Column> columns_;
  bool has_id_ = true;
  std::vector<Value> values_;  // row-major
};

/// The account tables, which two generators fill (people's accounts, the Offices').
inline Table user_account_table() {
  return Table("user_account", {{"id", ColumnType::integer},
                                {"login", ColumnType::text},
                                {"display_name", ColumnType::text},
                                {"password_hash", ColumnType::text},
                                {"status", ColumnType::text},
                                {"agency_id", ColumnType::integer},
                                {"lang", ColumnType::text},
                                {"created_at", ColumnType::text},
                                {"updated_at", ColumnType::text},
                                {"version", ColumnType::integer}});
}
inline Table role_grant_table() {
  return Table("role_grant", {{"id", ColumnType::integer},
                              {"user_id", ColumnType::integer},
                              {"role", ColumnType::text},
                              {"agency_id", ColumnType::integer},
                              {"unit_id", ColumnType::integer},
                              {"created_at", ColumnType::text}});
}

/// Tables written in one transaction, in order (parents before children).
struct TableGroup {
  std::string name;
  std::vector<Table> tables;
};

}  // namespace thidua::gen
