#pragma once
/// A thin layer over expat for reading the XML parts of an OOXML package as a stream.
/// Element and attribute names reach handlers without their namespace prefix ("x:row" and
/// "row" alike, "r:id" as "id"): writers differ in the prefixes they choose, and strict OOXML
/// uses other namespace URIs for the same names, so matching on local names reads them all.

#include <optional>
#include <string_view>

#include "documents/zip_reader.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

/// The attributes of one start tag, as expat hands them over.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** attrs) : attrs_(attrs) {}
  /// The value of the attribute with this local name, or nullptr when absent.
  const char* find(std::string_view local_name) const;
  /// The value, or "" when absent.
  std::string_view get(std::string_view local_name) const {
    const char* v = find(local_name);
    return v == nullptr ? std::string_view{} : std::string_view(v);
  }

 private:
  const char** attrs_;
};

/// Receives the events of one part. A handler that finds the content wrong calls fail();
/// parsing stops at once and parse_xml_part() returns that error.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttributes& attrs) = 0;
  virtual void end(std::string_view /*name*/) {}
  /// Character data, in pieces of any size; entities already replaced, text in UTF-8.
  virtual void text(std::string_view /*data*/) {}

  void fail(Error error) {
    if (!error_) error_ = std::move(error);
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  std::optional<Error> error_;
};

/// The part of a name after its namespace prefix.
std::string_view local_name(std::string_view name);

/// Parses the part `name` of `zip` with `handler`. Errors: validation "import.not_xlsx" for
/// malformed XML or a DOCTYPE (OOXML parts never have one, and refusing it shuts out entity
/// tricks); the handler's own error; ZipReader::read's errors.
Result<void> parse_xml_part(ZipReader& zip, std::string_view name, XmlHandler& handler);

}  // namespace thidua::documents
