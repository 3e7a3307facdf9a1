#include "documents/csv.hpp"

#include <array>
#include <optional>

namespace thidua::documents {
namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// UTF-16 without its byte order mark to UTF-8; unpaired surrogates and an odd last byte
// become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    const auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    return static_cast<char32_t>(hi << 8 | lo);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t next = unit(i + 2);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (next - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? char32_t{0xFFFD} : u);
  }
  if (i < bytes.size()) append_utf8(out, 0xFFFD);
  return out;
}

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Excel writes "sep=;" as a first line to name the delimiter; it is not data.
std::optional<char> sep_line(std::string_view& text) {
  if (text.size() < 5 || text.substr(0, 4) != "sep=") return std::nullopt;
  if (text.size() > 5 && !is_line_end(text[5])) return std::nullopt;
  const char sep = text[4];
  std::size_t skip = 5;
  if (skip < text.size() && text[skip] == '\r') ++skip;
  if (skip < text.size() && text[skip] == '\n') ++skip;
  text.remove_prefix(skip);
  return sep;
}

char detect_delimiter(std::string_view text) {
  constexpr std::array<char, 3> kCandidates = {'\t', ';', ','};  // ties go to the earlier
  std::array<std::size_t, 3> counts{};
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;  // "" inside quotes toggles twice, which is what we want
    } else if (!quoted) {
      if (is_line_end(c)) break;
      for (std::size_t k = 0; k < kCandidates.size(); ++k) counts[k] += c == kCandidates[k];
    }
  }
  std::size_t best = 2;  // ',' when there is a single column
  for (std::size_t k = 0; k < kCandidates.size(); ++k) {
    if (counts[k] > counts[best] || (counts[k] == counts[best] && counts[k] > 0 && k < best)) best = k;
  }
  return kCandidates[best];
}

Error limit_error(const char* code, std::size_t max, std::string detail) {
  Error e{ErrorKind::too_large, code, {}, {}, std::move(detail)};
  e.with("max", std::to_string(max));
  return e;
}

class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter, std::size_t max_rows, std::size_t max_columns)
      : text_(text), delimiter_(delimiter), max_rows_(max_rows), max_columns_(max_columns) {}

  Result<std::vector<std::vector<std::string>>> parse() {
    while (pos_ < text_.size()) {
      if (auto r = field(); !r) return tl::unexpected(std::move(r.error()));
    }
    // A final record without a line break still counts; a final line break ends nothing new.
    if (!record_open_) return std::move(rows_);
    if (auto r = end_record(); !r) return tl::unexpected(std::move(r.error()));
    return std::move(rows_);
  }

 private:
  // Reads one field and the delimiter or line break after it.
  Result<void> field() {
    record_open_ = true;
    std::string value;
    if (text_[pos_] == '"') {
      const std::size_t start_record = record_;
      ++pos_;
      for (;;) {
        const auto quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          Error e{ErrorKind::validation, "import.csv_quote", {}, {}, "unclosed quote"};
          e.with("row", std::to_string(start_record + 1));
          return tl::unexpected(std::move(e));
        }
        value.append(text_.substr(pos_, quote - pos_));
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
          value += '"';
          ++pos_;
          continue;
        }
        break;
      }
      // Excel keeps whatever stray text follows the closing quote, so do we.
    }
    const auto stop = text_.find_first_of(stops_, pos_);
    const auto end = stop == std::string_view::npos ? text_.size() : stop;
    value.append(text_.substr(pos_, end - pos_));
    pos_ = end;
    if (auto r = add(std::move(value)); !r) return r;
    if (pos_ >= text_.size()) return {};
    const char c = text_[pos_++];
    if (c == delimiter_) {
      if (pos_ >= text_.size()) return add({});  // "a," at the very end has two fields
      return {};
    }
    if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    return end_record();
  }

  Result<void> add(std::string value) {
    const std::size_t column = column_++;
    if (value.empty()) return {};
    if (column >= max_columns_) {
      return tl::unexpected(
          limit_error("import.too_many_columns", max_columns_, "value in column " + std::to_string(column + 1)));
    }
    // Empty cells before a value are materialised only now, so a line of a million
    // delimiters costs nothing.
    row_.resize(column);
    row_.push_back(std::move(value));
    return {};
  }

  Result<void> end_record() {
    const std::size_t index = record_++;
    record_open_ = false;
    column_ = 0;
    if (row_.empty()) return {};
    if (index >= max_rows_) {
      return tl::unexpected(
          limit_error("import.too_many_rows", max_rows_, "value in record " + std::to_string(index + 1)));
    }
    rows_.resize(index);
    rows_.push_back(std::move(row_));
    row_.clear();
    return {};
  }

  std::string_view text_;
  char delimiter_;
  std::size_t max_rows_;
  std::size_t max_columns_;
  char stops_[4] = {delimiter_, '\r', '\n', '\0'};
  std::size_t pos_ = 0;
  std::size_t record_ = 0;
  std::size_t column_ = 0;
  bool record_open_ = false;
  std::vector<std::string> row_;
  std::vector<std::vector<std::string>> rows_;
};

bool is_plain_number(std::string_view s) {
  std::size_t i = (s.starts_with('-') || s.starts_with('+')) ? 1 : 0;
  bool digits = false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if ((s[i] == '.' || s[i] == ',') && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

void append_field(std::string& out, std::string_view value) {
  std::string guarded;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
      !is_plain_number(value)) {
    guarded.reserve(value.size() + 1);
    guarded += '\'';
    guarded.append(value);
    value = guarded;
  }
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) {
    out.append(value);
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Result<Sheet> read_csv(std::string_view bytes, std::size_t max_rows, std::size_t max_columns) {
  std::string converted;
  std::string_view text = bytes;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    converted = utf16_to_utf8(text.substr(2), text[0] == '\xFF');
    text = converted;
  } else if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  const auto sep = sep_line(text);
  const char delimiter = sep ? *sep : detect_delimiter(text);
  auto rows = CsvParser(text, delimiter, max_rows, max_columns).parse();
  if (!rows) return tl::unexpected(std::move(rows.error()));
  Sheet sheet;
  sheet.rows = std::move(*rows);
  return sheet;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      append_field(out, row[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace thidua::documents
