#include "documents/xlsx_parts.hpp"

#include <charconv>
#include <map>

#include "documents/excel_date.hpp"
#include "documents/xml_part.hpp"

namespace thidua::documents {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Part names in relationships may be percent-encoded (RFC 3986), as ZIP entry names are not.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The folder of a part name, with its trailing slash: "xl/workbook.xml" -> "xl/".
std::string_view folder_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : part.substr(0, slash + 1);
}

// A relationship target relative to its source part's folder, or absolute from the package
// root, turned into a ZIP entry name with "." and ".." segments resolved.
std::string resolve_target(std::string_view source_part, std::string_view target) {
  std::string path = target.starts_with('/') ? std::string(target.substr(1))
                                             : std::string(folder_of(source_part)) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view seg(path.data() + start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.emplace_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return percent_decode(out);
}

std::string rels_part_of(std::string_view part) {
  const auto folder = folder_of(part);
  return std::string(folder) + "_rels/" + std::string(part.substr(folder.size())) + ".rels";
}

bool parse_int(std::string_view s, int& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

class RelationshipsHandler : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string_view source) : source_(source) {}
  void start(std::string_view name, const XmlAttributes& attrs) override {
    if (name != "Relationship" || attrs.get("TargetMode") == "External") return;
    rels.push_back(
        {std::string(attrs.get("Id")), std::string(attrs.get("Type")), resolve_target(source_, attrs.get("Target"))});
  }
  std::vector<Relationship> rels;

 private:
  std::string_view source_;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attrs) override {
    if (name == "workbookPr") {
      const auto v = attrs.get("date1904");
      info.date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      const auto state = attrs.get("state");
      info.sheets.push_back(
          {std::string(attrs.get("name")), std::string(attrs.get("id")), state == "hidden" || state == "veryHidden"});
    }
  }
  WorkbookInfo info;
};

class StylesHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attrs) override {
    if (name == "numFmt" && in_num_fmts_) {
      int id = 0;
      if (parse_int(attrs.get("numFmtId"), id)) custom_[id] = is_date_format_code(attrs.get("formatCode"));
    } else if (name == "xf" && in_cell_xfs_) {
      int id = 0;
      xf_formats.push_back(parse_int(attrs.get("numFmtId"), id) ? id : 0);
    } else if (name == "numFmts") {
      in_num_fmts_ = true;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "numFmts") in_num_fmts_ = false;
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<bool> date_styles() const {
    std::vector<bool> out;
    out.reserve(xf_formats.size());
    for (int id : xf_formats) {
      // A custom definition overrides the built-in meaning of its id.
      const auto it = custom_.find(id);
      out.push_back(it != custom_.end() ? it->second : is_builtin_date_format(id));
    }
    return out;
  }
  std::vector<int> xf_formats;

 private:
  std::map<int, bool> custom_;
  bool in_num_fmts_ = false;
  bool in_cell_xfs_ = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& /*attrs*/) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      decode_ooxml_escapes(current_);
      strings.push_back(std::move(current_));
      current_.clear();
    } else if (name == "rPh") {
      --phonetic_depth_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view data) override {
    if (in_text_) current_.append(data);
  }
  std::vector<std::string> strings;

 private:
  std::string current_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

}  // namespace

Result<std::vector<Relationship>> read_relationships(ZipReader& zip, std::string_view part) {
  const std::string rels_part = part.empty() ? "_rels/.rels" : rels_part_of(part);
  if (!zip.contains(rels_part)) return std::vector<Relationship>{};
  // Targets in the package's own .rels are relative to the package root.
  RelationshipsHandler handler(part);
  if (auto r = parse_xml_part(zip, rels_part, handler); !r) return tl::unexpected(std::move(r.error()));
  return std::move(handler.rels);
}

bool has_type(const Relationship& rel, std::string_view kind) {
  return rel.type.size() > kind.size() && ends_with(rel.type, kind) &&
         rel.type[rel.type.size() - kind.size() - 1] == '/';
}

const Relationship* find_relationship(const std::vector<Relationship>& rels, std::string_view kind) {
  for (const auto& rel : rels) {
    if (has_type(rel, kind)) return &rel;
  }
  return nullptr;
}

Result<WorkbookInfo> read_workbook(ZipReader& zip, std::string_view part) {
  WorkbookHandler handler;
  if (auto r = parse_xml_part(zip, part, handler); !r) return tl::unexpected(std::move(r.error()));
  return std::move(handler.info);
}

Result<std::vector<bool>> read_date_styles(ZipReader& zip, std::string_view part) {
  StylesHandler handler;
  if (auto r = parse_xml_part(zip, part, handler); !r) return tl::unexpected(std::move(r.error()));
  return handler.date_styles();
}

Result<std::vector<std::string>> read_shared_strings(ZipReader& zip, std::string_view part) {
  SharedStringsHandler handler;
  if (auto r = parse_xml_part(zip, part, handler); !r) return tl::unexpected(std::move(r.error()));
  return std::move(handler.strings);
}

void decode_ooxml_escapes(std::string& s) {
  auto pos = s.find("_x");
  if (pos == std::string::npos) return;
  std::string out(s.data(), pos);
  while (pos < s.size()) {
    if (s.compare(pos, 2, "_x") == 0 && pos + 6 < s.size() && s[pos + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (std::size_t k = pos + 2; k < pos + 6; ++k) {
        const int d = hex_digit(s[k]);
        if (d < 0) hex = false;
        cp = cp * 16 + static_cast<unsigned>(d < 0 ? 0 : d);
      }
      if (hex) {
        append_utf8(out, cp);
        pos += 7;
        continue;
      }
    }
    out += s[pos++];
  }
  s = std::move(out);
}

}  // namespace thidua::documents
