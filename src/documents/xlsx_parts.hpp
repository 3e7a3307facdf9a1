#pragma once
/// Readers for the package-level parts of an .xlsx that the worksheet depends on:
/// relationships (which part is where), the workbook (sheet order, names, date system),
/// styles (which cell formats are dates) and the shared string table.

#include <string>
#include <string_view>
#include <vector>

#include "documents/zip_reader.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// One internal relationship; external ones (links to other files) are left out.
struct Relationship {
  std::string id;
  std::string type;    ///< a URI ending in e.g. "/worksheet"
  std::string target;  ///< resolved to a part name such as "xl/worksheets/sheet1.xml"
};

/// The relationships of `part` ("" for the package itself) from its .rels part; empty when
/// it has none.
Result<std::vector<Relationship>> read_relationships(ZipReader& zip, std::string_view part);

/// True when the relationship's type ends with "/" + `kind`, e.g. "worksheet" (transitional
/// and strict OOXML differ only in the URI before it).
bool has_type(const Relationship& rel, std::string_view kind);

/// The first relationship of type `kind` (see has_type), or nullptr.
const Relationship* find_relationship(const std::vector<Relationship>& rels, std::string_view kind);

struct WorkbookInfo {
  struct Entry {
    std::string name;
    std::string rel_id;
    bool hidden = false;
  };
  bool date1904 = false;
  std::vector<Entry> sheets;  ///< in tab order
};

Result<WorkbookInfo> read_workbook(ZipReader& zip, std::string_view part);

/// For each cell format (a cell's s attribute indexes this), whether it shows a date.
Result<std::vector<bool>> read_date_styles(ZipReader& zip, std::string_view part);

/// The shared string table: rich text runs joined, phonetic guides left out, _xHHHH_
/// escapes decoded.
Result<std::vector<std::string>> read_shared_strings(ZipReader& zip, std::string_view part);

/// Decodes OOXML's _xHHHH_ escapes (how Excel stores characters XML cannot carry, such as
/// the CR of a CRLF typed into a cell) in place.
void decode_ooxml_escapes(std::string& s);

}  // namespace thidua::documents
