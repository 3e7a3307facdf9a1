#include "documents/docx_parts.hpp"

#include <cmath>

#include "documents/layout.hpp"
#include "documents/markup.hpp"
#include "documents/ooxml.hpp"

namespace thidua::documents::docx {
namespace {

using ooxml::kXmlDeclaration;

// The font every run uses. Decree 30 practice is Times New Roman, which every Word in the
// agencies has; LibreOffice on Debian renders it with Liberation Serif, whose metrics are
// the same (fontconfig's metric alias), so lines break where they break in our PDF. Naming
// Liberation Serif instead would make Word substitute a face of its own choosing. One
// w:rFonts cannot carry a fallback list, so Times New Roman it is.
constexpr const char* kDocxFont = "Times New Roman";

const std::string kW = std::string("xmlns:w=\"") + ooxml::kWordNamespace + "\"";
const std::string kR = std::string("xmlns:r=\"") + ooxml::kRelNamespace + "\"";

std::string heading_style(int level) {
  const std::string n = std::to_string(level);
  std::string s = "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + n + "\"><w:name w:val=\"heading " + n +
                  "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
                  "<w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"" +
                  std::to_string(level - 1) + "\"/></w:pPr><w:rPr><w:b/><w:bCs/>";
  if (level >= 4) s += "<w:i/><w:iCs/>";
  return s + "</w:rPr></w:style>\n";
}

}  // namespace

std::string content_types() {
  constexpr const char* kMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string s = kXmlDeclaration;
  s += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n";
  const auto part = [&](const char* name, const std::string& type) {
    s += "<Override PartName=\"" + std::string(name) + "\" ContentType=\"" + type + "\"/>\n";
  };
  part("/word/document.xml", std::string(kMain) + "document.main+xml");
  part("/word/styles.xml", std::string(kMain) + "styles+xml");
  part("/word/settings.xml", std::string(kMain) + "settings+xml");
  part("/word/header1.xml", std::string(kMain) + "header+xml");
  part("/word/header2.xml", std::string(kMain) + "header+xml");
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return s + "</Types>\n";
}

std::string package_relationships() {
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"word/document.xml\"/>\n"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
         "Target=\"docProps/core.xml\"/>\n"
         "<Relationship Id=\"rId3\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
         "Target=\"docProps/app.xml\"/>\n"
         "</Relationships>\n";
}

std::string document_relationships() {
  const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return std::string(kXmlDeclaration) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
         "<Relationship Id=\"rIdStyles\" Type=\"" + base + "styles\" Target=\"styles.xml\"/>\n"
         "<Relationship Id=\"rIdSettings\" Type=\"" + base + "settings\" Target=\"settings.xml\"/>\n"
         "<Relationship Id=\"" + kHeaderDefaultId + "\" Type=\"" + base + "header\" Target=\"header1.xml\"/>\n"
         "<Relationship Id=\"" + kHeaderFirstId + "\" Type=\"" + base + "header\" Target=\"header2.xml\"/>\n"
         "</Relationships>\n";
}

std::string styles(const PageSetup& page) {
  const std::string size = std::to_string(ooxml::half_points(page.font_size_pt));
  const std::string font = kDocxFont;
  std::string s = kXmlDeclaration;
  s += "<w:styles " + kW + ">\n<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" +
       font + "\" w:eastAsia=\"" + font + "\" w:cs=\"" + font + "\"/><w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" +
       size + "\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>" +
       "<w:pPrDefault><w:pPr><w:spacing w:after=\"" +
       std::to_string(ooxml::twips_from_pt(page.paragraph_spacing_pt)) + "\" w:line=\"" +
       std::to_string(std::lround(page.line_spacing * 240)) +
       "\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n"
       "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
       "<w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>\n";
  for (int level = 1; level <= 4; ++level) s += heading_style(level);
  s += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
       "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr></w:style>\n"
       "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
       "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\n"
       "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
       "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
       "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
       "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
       "</w:styles>\n";
  return s;
}

std::string settings() {
  return std::string(kXmlDeclaration) + "<w:settings " + kW +
         ">\n<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
         "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
         "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
         "</w:compat>\n</w:settings>\n";
}

std::string page_number_header(const PageSetup& page) {
  const std::string size = std::to_string(ooxml::half_points(page.font_size_pt));
  const std::string rpr = "<w:rPr><w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size + "\"/></w:rPr>";
  // A complex field: begin, the instruction, separate, the last value shown, end. The
  // value is recomputed on opening; "2" stands in for it.
  return std::string(kXmlDeclaration) + "<w:hdr " + kW + " " + kR +
         ">\n<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"begin\"/></w:r>"
         "<w:r>" + rpr + "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"separate\"/></w:r>"
         "<w:r>" + rpr + "<w:t>2</w:t></w:r>"
         "<w:r>" + rpr + "<w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n</w:hdr>\n";
}

std::string empty_header() {
  return std::string(kXmlDeclaration) + "<w:hdr " + kW + " " + kR +
         ">\n<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>\n</w:hdr>\n";
}

std::string core_properties(const Document& doc) {
  const std::string created = metadata_created(doc) + "Z";
  std::string s = kXmlDeclaration;
  s += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
       "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";
  s += "<dc:title>" + escape_markup(metadata_title(doc)) + "</dc:title>\n";
  if (!doc.metadata.subject.empty()) s += "<dc:subject>" + escape_markup(doc.metadata.subject) + "</dc:subject>\n";
  s += "<dc:creator>" + escape_markup(metadata_author(doc)) + "</dc:creator>\n";
  s += "<dc:language>vi-VN</dc:language>\n";
  s += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created + "</dcterms:created>\n";
  s += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + created + "</dcterms:modified>\n";
  return s + "</cp:coreProperties>\n";
}

std::string app_properties(const Document& doc) {
  return std::string(kXmlDeclaration) +
         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\n"
         "<Application>thidua</Application>\n<Company>" +
         escape_markup(metadata_author(doc)) + "</Company>\n</Properties>\n";
}

}  // namespace thidua::documents::docx
