#include "documents/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "documents/excel_date.hpp"
#include "documents/xlsx_parts.hpp"
#include "documents/xml_part.hpp"
#include "documents/zip_reader.hpp"

namespace thidua::documents {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kMaxNotedRanges = 10;

Error make_error(ErrorKind kind, std::string code, std::string detail) {
  return Error{kind, std::move(code), {}, {}, std::move(detail)};
}

Error too_large(std::size_t max_bytes, std::string detail) {
  Error e = make_error(ErrorKind::too_large, "import.too_large", std::move(detail));
  e.with("max_mb", std::to_string(max_bytes / kMiB));
  return e;
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return upper(a) == upper(b); }) != haystack.end();
}

// An OLE2 compound file: Excel 97-2003 .xls, or a password-protected .xlsx (which Office
// wraps in the same container around a stream named "EncryptedPackage").
bool is_ole2(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

bool is_encrypted_ooxml(std::string_view bytes) {
  static constexpr char kName[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  return bytes.find(std::string_view(kName, sizeof kName - 1)) != std::string_view::npos;
}

// Web applications commonly export an HTML table, or Excel 2003 XML, under an .xls name;
// Excel opens them, so clerks believe they have a spreadsheet.
bool is_markup_spreadsheet(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 64 * 1024);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head[first] != '<') return false;
  return contains_ci(head, "<html") || contains_ci(head, "<table") ||
         contains_ci(head, "urn:schemas-microsoft-com:office:spreadsheet");
}

// "C7" -> column 2, row 6 (both 0-based). False for anything else.
bool parse_cell_ref(std::string_view ref, std::size_t& row, std::size_t& column) {
  std::size_t i = 0;
  std::size_t col = 0;
  while (i < ref.size() && i < 3) {
    const char c = upper(ref[i]);
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  std::size_t r = 0;
  const auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || p != ref.data() + ref.size() || r == 0) return false;
  row = r - 1;
  column = col - 1;
  return true;
}

std::string cell_ref(std::size_t row, std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters + std::to_string(row + 1);
}

std::string_view trim_space(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Numbers as the file writes them, but "12.0" or "12.000" as "12": some writers store every
// number as a float, and an integer such as a year or a count should read as one.
std::string normalize_number(std::string_view v) {
  const auto dot = v.find('.');
  if (dot != std::string_view::npos && dot > 0 && v.find_first_not_of('0', dot + 1) == std::string_view::npos) {
    return std::string(v.substr(0, dot));
  }
  return std::string(v);
}

class WorksheetHandler : public XmlHandler {
 public:
  WorksheetHandler(const std::vector<std::string>& shared, const std::vector<bool>& date_styles, bool date1904,
                   const XlsxLimits& limits, Sheet& sheet)
      : shared_(shared), date_styles_(date_styles), date1904_(date1904), limits_(limits), sheet_(sheet) {}

  void start(std::string_view name, const XmlAttributes& attrs) override {
    if (in_cell_) {
      if (name == "f") {
        Error e = make_error(ErrorKind::validation, "import.formula", "formula in " + cell_ref(row_, column_));
        e.with("cell", cell_ref(row_, column_));
        fail(std::move(e));
      } else if (name == "v") {
        collecting_ = true;
      } else if (name == "is") {
        in_inline_ = true;
      } else if (name == "rPh") {
        ++phonetic_depth_;
      } else if (name == "t" && in_inline_ && phonetic_depth_ == 0) {
        collecting_ = true;
      }
    } else if (name == "c" && in_sheet_data_) {
      begin_cell(attrs);
    } else if (name == "row" && in_sheet_data_) {
      begin_row(attrs);
    } else if (name == "sheetData") {
      in_sheet_data_ = true;
    } else if (name == "mergeCell") {
      sheet_.merged_ranges.emplace_back(attrs.get("ref"));
    }
  }

  void end(std::string_view name) override {
    if (!in_cell_) {
      if (name == "sheetData") in_sheet_data_ = false;
      return;
    }
    if (name == "c") {
      end_cell();
    } else if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "is") {
      in_inline_ = false;
    }
  }

  void text(std::string_view data) override {
    if (collecting_) value_.append(data);
  }

 private:
  enum class Type { number, shared, inline_string, formula_string, boolean, error, date };

  // A non-negative decimal, or nullopt.
  static std::optional<std::size_t> parse_index(std::string_view s) {
    std::size_t r = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), r);
    if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
    return r;
  }

  static Type parse_type(std::string_view t) {
    if (t.empty() || t == "n") return Type::number;
    if (t == "s") return Type::shared;
    if (t == "inlineStr") return Type::inline_string;
    if (t == "str") return Type::formula_string;
    if (t == "b") return Type::boolean;
    if (t == "e") return Type::error;
    if (t == "d") return Type::date;
    return Type::formula_string;  // unknown: keep the text as written
  }

  void begin_row(const XmlAttributes& attrs) {
    // A row without a number follows the previous one (the r attribute is optional).
    const auto number = parse_index(attrs.get("r"));
    row_ = number.value_or(0) > 0 ? *number - 1 : next_row_;
    next_row_ = row_ + 1;
    next_column_ = 0;
  }

  void begin_cell(const XmlAttributes& attrs) {
    std::size_t row = 0;
    std::size_t column = 0;
    if (parse_cell_ref(attrs.get("r"), row, column)) {
      row_ = row;
      column_ = column;
    } else {
      column_ = next_column_;
    }
    next_column_ = column_ + 1;
    type_ = parse_type(attrs.get("t"));
    style_ = parse_index(attrs.get("s")).value_or(0);
    value_.clear();
    in_cell_ = true;
    in_inline_ = false;
    collecting_ = false;
    phonetic_depth_ = 0;
  }

  void end_cell() {
    in_cell_ = false;
    collecting_ = false;
    switch (type_) {
      case Type::number:
        if (value_.empty()) return;
        if (style_ < date_styles_.size() && date_styles_[style_]) {
          double serial = 0;
          const std::string_view v = trim_space(value_);
          const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
          if (ec == std::errc() && p == v.data() + v.size()) {
            if (auto date = excel_serial_to_iso(serial, date1904_)) return place(std::move(*date));
          }
        }
        return place(normalize_number(trim_space(value_)));
      case Type::shared: {
        const auto index = parse_index(trim_space(value_));
        if (!index || *index >= shared_.size()) {
          return fail(make_error(ErrorKind::validation, "import.not_xlsx",
                                 "bad shared string index at " + cell_ref(row_, column_)));
        }
        return place(std::string(shared_[*index]));
      }
      case Type::inline_string:
        decode_ooxml_escapes(value_);
        return place(std::move(value_));
      case Type::boolean:
        if (value_.empty()) return;
        return place(trim_space(value_) == "1" ? "TRUE" : "FALSE");
      case Type::date:
        // ISO 8601 in the cell itself (strict OOXML); keep the date part.
        if (value_.size() >= 10 && value_[4] == '-' && value_[7] == '-') value_.resize(10);
        return place(std::move(value_));
      case Type::formula_string:
      case Type::error:
        return place(std::move(value_));
    }
  }

  void place(std::string value) {
    if (value.empty()) return;
    if (row_ >= limits_.max_rows) {
      Error e = make_error(ErrorKind::too_large, "import.too_many_rows", "value at " + cell_ref(row_, column_));
      e.with("max", std::to_string(limits_.max_rows));
      return fail(std::move(e));
    }
    if (column_ >= limits_.max_columns) {
      Error e = make_error(ErrorKind::too_large, "import.too_many_columns", "value at " + cell_ref(row_, column_));
      e.with("max", std::to_string(limits_.max_columns));
      return fail(std::move(e));
    }
    auto& rows = sheet_.rows;
    if (rows.size() <= row_) rows.resize(row_ + 1);
    auto& cells = rows[row_];
    if (cells.size() <= column_) {
      cells_held_ += column_ + 1 - cells.size();
      if (cells_held_ > limits_.max_cells) {
        Error e = make_error(ErrorKind::too_large, "import.too_many_cells", "value at " + cell_ref(row_, column_));
        e.with("max", std::to_string(limits_.max_cells));
        return fail(std::move(e));
      }
      cells.resize(column_ + 1);
    }
    cells[column_] = std::move(value);
  }

  const std::vector<std::string>& shared_;
  const std::vector<bool>& date_styles_;
  bool date1904_;
  const XlsxLimits& limits_;
  Sheet& sheet_;

  bool in_sheet_data_ = false;
  bool in_cell_ = false;
  bool in_inline_ = false;
  bool collecting_ = false;
  int phonetic_depth_ = 0;
  std::size_t row_ = 0;
  std::size_t next_row_ = 0;
  std::size_t column_ = 0;
  std::size_t next_column_ = 0;
  std::size_t style_ = 0;
  std::size_t cells_held_ = 0;
  Type type_ = Type::number;
  std::string value_;
};

struct ChosenSheet {
  std::string name;
  std::string part;
};

// The sheet the clerk sees first: the first visible worksheet, skipping chart sheets and
// hidden sheets (templates sometimes hide a lookup sheet in front).
Result<ChosenSheet> choose_sheet(const WorkbookInfo& workbook, const std::vector<Relationship>& rels,
                                 std::vector<std::string>& notes) {
  const WorkbookInfo::Entry* first_hidden = nullptr;
  const Relationship* first_hidden_rel = nullptr;
  for (const auto& entry : workbook.sheets) {
    const auto it = std::find_if(rels.begin(), rels.end(), [&](const auto& r) { return r.id == entry.rel_id; });
    if (it == rels.end() || !has_type(*it, "worksheet")) {
      notes.push_back("skipped sheet '" + entry.name + "': not a worksheet");
      continue;
    }
    if (entry.hidden) {
      notes.push_back("skipped sheet '" + entry.name + "': hidden");
      if (first_hidden == nullptr) {
        first_hidden = &entry;
        first_hidden_rel = &*it;
      }
      continue;
    }
    return ChosenSheet{entry.name, it->target};
  }
  if (first_hidden != nullptr) {
    notes.push_back("every worksheet is hidden; read '" + first_hidden->name + "'");
    return ChosenSheet{first_hidden->name, first_hidden_rel->target};
  }
  return tl::unexpected(make_error(ErrorKind::validation, "import.not_xlsx", "the workbook has no worksheet"));
}

void note_merges(Sheet& sheet) {
  if (sheet.merged_ranges.empty()) return;
  std::string note =
      std::to_string(sheet.merged_ranges.size()) + " merged range(s), only the top-left cell of each holds a value: ";
  for (std::size_t i = 0; i < sheet.merged_ranges.size() && i < kMaxNotedRanges; ++i) {
    note += (i > 0 ? ", " : "") + sheet.merged_ranges[i];
  }
  if (sheet.merged_ranges.size() > kMaxNotedRanges) note += ", ...";
  sheet.notes.push_back(std::move(note));
}

}  // namespace

Result<Sheet> read_xlsx(std::string_view bytes, const XlsxLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return tl::unexpected(too_large(limits.max_bytes, std::to_string(bytes.size()) + " bytes uploaded"));
  }
  if (is_ole2(bytes)) {
    if (is_encrypted_ooxml(bytes)) {
      return tl::unexpected(make_error(ErrorKind::validation, "import.encrypted", "password-protected workbook"));
    }
    return tl::unexpected(make_error(ErrorKind::validation, "import.old_xls", "OLE2 compound file (Excel 97-2003)"));
  }
  if (is_markup_spreadsheet(bytes)) {
    return tl::unexpected(make_error(ErrorKind::validation, "import.old_xls", "HTML or XML spreadsheet"));
  }

  auto zip = ZipReader::open(bytes, limits.max_uncompressed);
  if (!zip) return tl::unexpected(std::move(zip.error()));

  auto package_rels = read_relationships(*zip, "");
  if (!package_rels) return tl::unexpected(std::move(package_rels.error()));
  const Relationship* office = find_relationship(*package_rels, "officeDocument");
  const std::string workbook_part = office != nullptr ? office->target : "xl/workbook.xml";
  if (!zip->contains(workbook_part)) {
    const bool ods = zip->contains("content.xml") && zip->contains("mimetype");
    return tl::unexpected(make_error(ErrorKind::validation, "import.not_xlsx",
                                     ods ? "an OpenDocument file" : "no workbook part " + workbook_part));
  }

  auto rels = read_relationships(*zip, workbook_part);
  if (!rels) return tl::unexpected(std::move(rels.error()));
  auto workbook = read_workbook(*zip, workbook_part);
  if (!workbook) return tl::unexpected(std::move(workbook.error()));

  Sheet sheet;
  auto chosen = choose_sheet(*workbook, *rels, sheet.notes);
  if (!chosen) return tl::unexpected(std::move(chosen.error()));
  sheet.name = chosen->name;
  if (workbook->sheets.size() > 1) {
    sheet.notes.push_back("read sheet '" + sheet.name + "' of " + std::to_string(workbook->sheets.size()));
  }
  if (!zip->contains(chosen->part)) {
    return tl::unexpected(
        make_error(ErrorKind::validation, "import.not_xlsx", "missing worksheet part " + chosen->part));
  }

  std::vector<bool> date_styles;
  if (const auto* styles = find_relationship(*rels, "styles"); styles != nullptr && zip->contains(styles->target)) {
    auto r = read_date_styles(*zip, styles->target);
    if (!r) return tl::unexpected(std::move(r.error()));
    date_styles = std::move(*r);
  }
  std::vector<std::string> shared;
  if (const auto* sst = find_relationship(*rels, "sharedStrings"); sst != nullptr && zip->contains(sst->target)) {
    auto r = read_shared_strings(*zip, sst->target);
    if (!r) return tl::unexpected(std::move(r.error()));
    shared = std::move(*r);
  }

  WorksheetHandler handler(shared, date_styles, workbook->date1904, limits, sheet);
  if (auto r = parse_xml_part(*zip, chosen->part, handler); !r) return tl::unexpected(std::move(r.error()));
  note_merges(sheet);
  return sheet;
}

}  // namespace thidua::documents
