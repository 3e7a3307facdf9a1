#include "documents/xml_part.hpp"

#include <expat.h>

#include <cstring>
#include <memory>
#include <string>

namespace thidua::documents {
namespace {

struct ParserFree {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

struct Context {
  XML_Parser parser;
  XmlHandler* handler;
};

Context& context(void* user_data) { return *static_cast<Context*>(user_data); }

// After each callback: a handler that failed stops the parse, so that no further events
// arrive and XML_Parse returns at once.
void stop_if_failed(Context& ctx) {
  if (ctx.handler->error()) XML_StopParser(ctx.parser, XML_FALSE);
}

void on_start(void* user_data, const XML_Char* name, const XML_Char** attrs) {
  Context& ctx = context(user_data);
  ctx.handler->start(local_name(name), XmlAttributes(attrs));
  stop_if_failed(ctx);
}

void on_end(void* user_data, const XML_Char* name) {
  Context& ctx = context(user_data);
  ctx.handler->end(local_name(name));
  stop_if_failed(ctx);
}

void on_text(void* user_data, const XML_Char* s, int len) {
  Context& ctx = context(user_data);
  ctx.handler->text(std::string_view(s, static_cast<std::size_t>(len)));
  stop_if_failed(ctx);
}

void on_doctype(void* user_data, const XML_Char* /*name*/, const XML_Char* /*sysid*/, const XML_Char* /*pubid*/,
                int /*has_internal_subset*/) {
  Context& ctx = context(user_data);
  ctx.handler->fail(Error{ErrorKind::validation, "import.not_xlsx", {}, {}, "DOCTYPE in an OOXML part"});
  stop_if_failed(ctx);
}

}  // namespace

std::string_view local_name(std::string_view name) {
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* XmlAttributes::find(std::string_view local) const {
  for (const char** a = attrs_; *a != nullptr; a += 2) {
    if (local_name(*a) == local) return a[1];
  }
  return nullptr;
}

Result<void> parse_xml_part(ZipReader& zip, std::string_view name, XmlHandler& handler) {
  // Encoding from the XML declaration (UTF-8 or UTF-16); expat reports text as UTF-8.
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate(nullptr));
  if (!parser) return fail(ErrorKind::internal, "internal", "XML_ParserCreate failed");
  Context ctx{parser.get(), &handler};
  XML_SetUserData(parser.get(), &ctx);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);

  const auto xml_error = [&]() -> Error {
    if (handler.error()) return *handler.error();
    return Error{ErrorKind::validation,
                 "import.not_xlsx",
                 {},
                 {},
                 std::string(name) + ": line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                     XML_ErrorString(XML_GetErrorCode(parser.get()))};
  };
  auto fed = zip.read(name, [&](std::string_view chunk) -> Result<void> {
    if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(chunk.size()), XML_FALSE) != XML_STATUS_OK) {
      return tl::unexpected(xml_error());
    }
    return {};
  });
  if (!fed) return fed;
  if (XML_Parse(parser.get(), nullptr, 0, XML_TRUE) != XML_STATUS_OK) return tl::unexpected(xml_error());
  return {};
}

}  // namespace thidua::documents
