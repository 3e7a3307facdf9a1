#pragma once
/// The parts of a .docx around word/document.xml: content types, relationships, styles,
/// settings, the page-number header and the document properties. Internal to documents/.

#include <string>

#include "documents/document.hpp"

namespace thidua::documents::docx {

/// Relationship ids of word/document.xml's parts.
inline constexpr const char* kHeaderDefaultId = "rIdHeaderDefault";
inline constexpr const char* kHeaderFirstId = "rIdHeaderFirst";

std::string content_types();
std::string package_relationships();
std::string document_relationships();
/// Liberation Serif metrics, the base size and spacing, the heading styles.
std::string styles(const PageSetup& page);
std::string settings();
/// The header of every page but the first: the PAGE field, centred.
std::string page_number_header(const PageSetup& page);
/// The first page's header: empty, so that page 1 has no number.
std::string empty_header();
std::string core_properties(const Document& doc);
std::string app_properties(const Document& doc);

}  // namespace thidua::documents::docx
