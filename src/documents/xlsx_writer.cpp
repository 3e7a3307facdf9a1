#include "documents/xlsx_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <set>
#include <utility>

namespace thidua::documents {
namespace {

constexpr std::size_t kMaxRows = 1'048'576;  // Excel's limits
constexpr std::size_t kMaxColumns = 16'384;
constexpr std::size_t kMaxSheetName = 31;
constexpr double kMaxExactInteger = 9'007'199'254'740'992.0;  // 2^53
constexpr const char* kMoneyFormat = "#,##0 \"đ\"";
constexpr const char* kDateFormat = "dd/mm/yyyy";

Error internal(std::string detail) { return Error{ErrorKind::internal, "internal", {}, {}, std::move(detail)}; }

// The file libxlsxwriter writes to (1.1.4 cannot write to memory), removed however we leave.
class TempFile {
 public:
  static Result<TempFile> create() {
    const char* env = std::getenv("TMPDIR");
    std::string dir = (env != nullptr && *env != '\0') ? env : "/tmp";
    std::string path = dir + "/thidua-xlsx-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) return tl::unexpected(internal("mkstemp in " + dir + ": " + std::strerror(errno)));
    return TempFile(fd, std::move(dir), std::move(path));
  }
  TempFile(TempFile&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)), dir_(std::move(other.dir_)), path_(std::move(other.path_)) {}
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(path_.c_str());
  }

  const std::string& path() const { return path_; }
  std::string& dir() { return dir_; }

  // libxlsxwriter reopens the path with fopen("wb"), which truncates the same inode, so
  // our descriptor sees what it wrote.
  Result<std::string> read() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) return tl::unexpected(internal(std::string("fstat: ") + std::strerror(errno)));
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return tl::unexpected(internal(std::string("pread: ") + std::strerror(errno)));
      done += static_cast<std::size_t>(n);
    }
    return out;
  }

 private:
  TempFile(int fd, std::string dir, std::string path) : fd_(fd), dir_(std::move(dir)), path_(std::move(path)) {}
  int fd_;
  std::string dir_;
  std::string path_;
};

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  std::array<lxw_format*, 4> cell{};     // by Column::Kind
  std::array<lxw_format*, 4> example{};  // the same in grey italics
  lxw_format* instructions = nullptr;
};

void set_kind_format(lxw_format* f, Column::Kind kind) {
  switch (kind) {
    // Built-in ids rather than codes: libxlsxwriter 1.1.4 would store "@" and "0" as custom
    // formats, which Excel shows under "Custom" instead of "Text" and "Number".
    case Column::text:
      format_set_num_format_index(f, 49);  // "@"
      break;
    case Column::integer:
      format_set_num_format_index(f, 1);  // "0"
      break;
    case Column::money:
      format_set_num_format(f, kMoneyFormat);
      break;
    case Column::date:
      format_set_num_format(f, kDateFormat);
      break;
  }
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  for (int k = Column::text; k <= Column::date; ++k) {
    const auto kind = static_cast<Column::Kind>(k);
    f.cell[k] = workbook_add_format(wb);
    set_kind_format(f.cell[k], kind);
    f.example[k] = workbook_add_format(wb);
    set_kind_format(f.example[k], kind);
    format_set_italic(f.example[k]);
    format_set_font_color(f.example[k], LXW_COLOR_GRAY);
  }
  f.instructions = workbook_add_format(wb);
  format_set_text_wrap(f.instructions);
  format_set_align(f.instructions, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

// The first `max_chars` code points of `s`. Excel counts UTF-16 units, the same thing for
// Vietnamese, which lies wholly in the BMP.
std::string utf8_prefix(std::string_view s, std::size_t max_chars) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (n++ == max_chars) return std::string(s.substr(0, i));
  }
  return std::string(s);
}

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A name Excel accepts: none of []:*?/\, no apostrophe at either end, at most 31
// characters, unique in the workbook (compared without case, as Excel does).
std::string valid_sheet_name(std::string_view wanted, std::size_t index, std::set<std::string>& used) {
  std::string name;
  for (const char c : wanted) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet" + std::to_string(index + 1);
  std::string candidate = utf8_prefix(name, kMaxSheetName);
  for (int n = 2; used.count(ascii_lower(candidate)) > 0; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    candidate = utf8_prefix(name, kMaxSheetName - suffix.size()) + suffix;
  }
  used.insert(ascii_lower(candidate));
  return candidate;
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::optional<double> parse_number(std::string_view s, bool whole) {
  s = trim(s);
  if (s.starts_with('+')) s.remove_prefix(1);
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  if (whole && (v != std::floor(v) || std::fabs(v) > kMaxExactInteger)) return std::nullopt;
  return v;
}

std::optional<lxw_datetime> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const auto num = [&](std::size_t at, std::size_t len, auto& out) {
    const auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
    return ec == std::errc() && p == s.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  // Excel has no dates before 1900; such a date stays text rather than turning into nonsense.
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 1900) return std::nullopt;
  return lxw_datetime{y, static_cast<int>(m), static_cast<int>(d), 0, 0, 0};
}

Result<void> check(lxw_error rc, std::size_t row, std::size_t column) {
  if (rc == LXW_NO_ERROR) return {};
  char ref[16];
  lxw_rowcol_to_cell(ref, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
  if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    Error e{ErrorKind::validation, "export.cell_too_long", {}, {}, std::string("text too long at ") + ref};
    e.with("cell", ref);
    return tl::unexpected(std::move(e));
  }
  return tl::unexpected(internal(std::string("libxlsxwriter at ") + ref + ": " + lxw_strerror(rc)));
}

Result<void> write_cell(lxw_worksheet* ws, std::size_t row, std::size_t column, const std::string& value,
                        Column::Kind kind, const std::array<lxw_format*, 4>& formats) {
  const auto r = static_cast<lxw_row_t>(row);
  const auto c = static_cast<lxw_col_t>(column);
  switch (kind) {
    case Column::integer:
    case Column::money:
      if (auto v = parse_number(value, kind == Column::integer)) {
        return check(worksheet_write_number(ws, r, c, *v, formats[kind]), row, column);
      }
      break;
    case Column::date:
      if (auto d = parse_date(value)) return check(worksheet_write_datetime(ws, r, c, &*d, formats[kind]), row, column);
      break;
    case Column::text:
      break;
  }
  return check(worksheet_write_string(ws, r, c, value.c_str(), formats[Column::text]), row, column);
}

Error limit(const char* code, std::size_t max, std::string detail) {
  Error e{ErrorKind::too_large, code, {}, {}, std::move(detail)};
  e.with("max", std::to_string(max));
  return e;
}

struct Layout {
  bool examples = false;  // grey italics for the template's example rows
  bool autofilter = true;
};

const std::vector<std::string> kNoLines;

Result<void> write_table(lxw_workbook* wb, const Formats& formats, const Table& table, const std::string& name,
                         Layout layout, const std::vector<std::string>& above = kNoLines,
                         const std::vector<std::string>& below = kNoLines) {
  const std::size_t header_row = above.size() + (table.title.empty() ? 0 : 1);
  std::size_t width = table.columns.size();
  for (const auto& row : table.rows) width = std::max(width, row.size());
  if (header_row + 2 + table.rows.size() + below.size() > kMaxRows) {
    return tl::unexpected(limit("export.too_many_rows", kMaxRows, std::to_string(table.rows.size()) + " rows"));
  }
  if (width > kMaxColumns) {
    return tl::unexpected(limit("export.too_many_columns", kMaxColumns, std::to_string(width) + " columns"));
  }

  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) return tl::unexpected(internal("workbook_add_worksheet refused '" + name + "'"));
  const auto& cell_formats = layout.examples ? formats.example : formats.cell;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    // The column format also covers the empty cells below the data, where clerks type.
    if (auto r = check(worksheet_set_column(ws, col, col, table.columns[c].width, formats.cell[table.columns[c].kind]),
                       0, c);
        !r) {
      return r;
    }
  }
  for (std::size_t i = 0; i < above.size(); ++i) {
    if (auto r = check(worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, above[i].c_str(), nullptr), i, 0); !r) {
      return r;
    }
  }
  if (!table.title.empty()) {
    const auto at = static_cast<lxw_row_t>(above.size());
    if (auto r = check(worksheet_write_string(ws, at, 0, table.title.c_str(), formats.title), above.size(), 0); !r) {
      return r;
    }
  }
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const auto& header = table.columns[c].header;
    if (auto r = check(worksheet_write_string(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_col_t>(c),
                                              header.c_str(), formats.header),
                       header_row, c);
        !r) {
      return r;
    }
  }
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      const auto kind = c < table.columns.size() ? table.columns[c].kind : Column::text;
      if (auto r = write_cell(ws, header_row + 1 + i, c, row[c], kind, cell_formats); !r) return r;
    }
  }
  for (std::size_t i = 0; i < below.size(); ++i) {
    const std::size_t row = header_row + 2 + table.rows.size() + i;  // a blank row after the data
    if (auto r = check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0, below[i].c_str(), nullptr), row, 0);
        !r) {
      return r;
    }
  }
  worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header_row + 1), 0);
  if (layout.autofilter && width > 0) {
    const auto last_row = static_cast<lxw_row_t>(header_row + table.rows.size());
    if (auto r = check(worksheet_autofilter(ws, static_cast<lxw_row_t>(header_row), 0, last_row,
                                            static_cast<lxw_col_t>(width - 1)),
                       header_row, 0);
        !r) {
      return r;
    }
  }
  return {};
}

Result<void> write_instructions(lxw_workbook* wb, const Formats& formats, std::string_view text) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Hướng dẫn");
  if (ws == nullptr) return tl::unexpected(internal("workbook_add_worksheet refused the instructions sheet"));
  if (auto r = check(worksheet_set_column(ws, 0, 0, 100, formats.instructions), 0, 0); !r) return r;
  std::size_t row = 0;
  for (std::size_t start = 0; start <= text.size(); ++row) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) {
      if (auto r = check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), 0, line.c_str(), formats.instructions),
                         row, 0);
          !r) {
        return r;
      }
    }
    start = end + 1;
  }
  return {};
}

// Runs `fill` on a new workbook and returns the bytes of the finished file.
Result<std::string> build(const std::function<Result<void>(lxw_workbook*, const Formats&)>& fill) {
  auto file = TempFile::create();
  if (!file) return tl::unexpected(std::move(file.error()));
  lxw_workbook_options options{};
  options.tmpdir = file->dir().data();  // libxlsxwriter's own scratch files go there too
  lxw_workbook* wb = workbook_new_opt(file->path().c_str(), &options);
  if (wb == nullptr) return tl::unexpected(internal("workbook_new_opt failed for " + file->path()));
  const Formats formats = make_formats(wb);
  if (auto r = fill(wb, formats); !r) {
    lxw_workbook_free(wb);
    return tl::unexpected(std::move(r.error()));
  }
  if (const lxw_error rc = workbook_close(wb); rc != LXW_NO_ERROR) {
    return tl::unexpected(internal(std::string("workbook_close: ") + lxw_strerror(rc)));
  }
  return file->read();
}

}  // namespace

Result<std::string> write_xlsx(const std::vector<Table>& sheets) {
  return build([&](lxw_workbook* wb, const Formats& formats) -> Result<void> {
    std::set<std::string> used;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const std::string name = valid_sheet_name(sheets[i].sheet_name, i, used);
      if (auto r = write_table(wb, formats, sheets[i], name, Layout{}); !r) return r;
    }
    // A workbook needs at least one sheet to open.
    if (sheets.empty() && workbook_add_worksheet(wb, nullptr) == nullptr) {
      return tl::unexpected(internal("workbook_add_worksheet failed"));
    }
    return {};
  });
}

Result<std::string> write_xlsx(const std::vector<AnnotatedTable>& sheets) {
  return build([&](lxw_workbook* wb, const Formats& formats) -> Result<void> {
    std::set<std::string> used;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const auto& s = sheets[i];
      const std::string name = valid_sheet_name(s.table.sheet_name, i, used);
      if (auto r = write_table(wb, formats, s.table, name, Layout{}, s.above, s.below); !r) return r;
    }
    if (sheets.empty() && workbook_add_worksheet(wb, nullptr) == nullptr) {
      return tl::unexpected(internal("workbook_add_worksheet failed"));
    }
    return {};
  });
}

Result<std::string> write_template(const std::vector<Column>& columns,
                                   const std::vector<std::vector<std::string>>& example_rows,
                                   std::string_view instructions) {
  return build([&](lxw_workbook* wb, const Formats& formats) -> Result<void> {
    const Table table{"Mẫu", "", columns, example_rows};
    // No autofilter: a filter left on while pasting hides rows from the clerk.
    if (auto r = write_table(wb, formats, table, table.sheet_name, Layout{true, false}); !r) return r;
    return write_instructions(wb, formats, instructions);
  });
}

}  // namespace thidua::documents
