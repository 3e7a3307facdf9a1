#include "http/message.hpp"

namespace thidua::http {

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

Response Response::html(std::string body, unsigned status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::json(std::string body, unsigned status) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Response::redirect(std::string location, unsigned status) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

Response Response::stored_file(std::filesystem::path path, std::string content_type, std::string_view file_name,
                               bool inline_) {
  Response r;
  r.content_type = std::move(content_type);
  r.file = std::move(path);
  r.headers.emplace_back("Content-Disposition", content_disposition(inline_, file_name));
  // What a user uploaded runs nothing and loads nothing, even opened on its own: an image may
  // only be shown (the browser's viewer styles it inline); a PDF may be shown by the
  // browser's viewer but not framed by a page.
  const bool image = r.content_type.rfind("image/", 0) == 0;
  r.headers.emplace_back("Content-Security-Policy",
                         image ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                                 "frame-ancestors 'none'; sandbox"
                               : "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'; "
                                 "frame-ancestors 'none'");
  return r;
}

std::string content_disposition(bool inline_, std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii, ext;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = c > 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';' && c != ',';
    if (c < 0x80 || c >= 0xC0) ascii += plain || c == ' ' ? ch : '_';  // one '_' per character
    // attr-char of RFC 8187: ALPHA / DIGIT / "!#$&+-.^_`|~"
    bool attr = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (attr) {
      ext += ch;
    } else {
      ext += '%';
      ext += kHex[c >> 4];
      ext += kHex[c & 15];
    }
  }
  if (ascii.empty()) ascii = "file";
  return std::string(inline_ ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + ext;
}

bool is_unsafe_method(std::string_view m) { return !(m == "GET" || m == "HEAD" || m == "OPTIONS"); }

}  // namespace thidua::http
