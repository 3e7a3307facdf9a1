#pragma once
/// Escaping text for XML (the DOCX parts) and HTML (the preview). Internal to documents/.

#include <string>
#include <string_view>

namespace thidua::documents {

/// `text` with & < > " ' replaced by entities, so that it is safe in element content and in
/// attribute values alike. Characters XML 1.0 forbids (C0 controls other than tab, line feed
/// and carriage return, which no typed text needs) are dropped: one of them would make Word
/// refuse the whole file. Bytes that are not well-formed UTF-8 become U+FFFD, for the same
/// reason.
std::string escape_markup(std::string_view text);

}  // namespace thidua::documents
