#include "http/parse/multipart.hpp"

#include <algorithm>
#include <utility>

#include "http/parse/utf8_check.hpp"

namespace thidua::http {
namespace {

// Input is copied into the parser's buffer at most this much at a time, which is what keeps
// its memory bounded however large the chunks handed to feed() are.
constexpr std::size_t kSlice = 64 * 1024;
constexpr std::size_t kMaxBoundary = 70;  // RFC 2046 §5.1.1

bool is_tchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

bool is_bchar(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

bool valid_boundary(std::string_view b) {
  return !b.empty() && b.size() <= kMaxBoundary && b.back() != ' ' &&
         std::all_of(b.begin(), b.end(), is_bchar);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool is_ows(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

struct HeaderValue {
  std::string type;  // lower case
  std::vector<std::pair<std::string, std::string>> params;  // keys in lower case
};

// Parses `type; key=value; key="quoted value"` as used by Content-Type and
// Content-Disposition. Duplicate keys are rejected: `name="a"; name="b"` means different
// things to different parsers, and such disagreements are how filters get bypassed.
std::optional<HeaderValue> parse_header_value(std::string_view s) {
  HeaderValue out;
  std::size_t i = 0;
  const auto skip_ows = [&] {
    while (i < s.size() && is_ows(s[i])) ++i;
  };
  skip_ows();
  const std::size_t type_start = i;
  while (i < s.size() && (is_tchar(static_cast<unsigned char>(s[i])) || s[i] == '/')) ++i;
  if (i == type_start) return std::nullopt;
  out.type = to_lower(s.substr(type_start, i - type_start));
  for (;;) {
    skip_ows();
    if (i == s.size()) return out;
    if (s[i] != ';') return std::nullopt;
    ++i;
    skip_ows();
    if (i == s.size()) return out;  // a trailing ';' is harmless
    const std::size_t key_start = i;
    while (i < s.size() && is_tchar(static_cast<unsigned char>(s[i]))) ++i;
    if (i == key_start || i == s.size() || s[i] != '=') return std::nullopt;
    std::string key = to_lower(s.substr(key_start, i - key_start));
    ++i;
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        // Only \" and \\ are taken as escapes: browsers send file names with bare
        // backslashes (old Windows paths), which a full RFC 7230 unescape would mangle.
        if (c == '\\' && i + 1 < s.size() && (s[i + 1] == '"' || s[i + 1] == '\\')) {
          value.push_back(s[i + 1]);
          i += 2;
          continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F) return std::nullopt;
        value.push_back(c);
        ++i;
      }
      if (!closed) return std::nullopt;
    } else {
      const std::size_t start = i;
      while (i < s.size() && s[i] != ';' && !is_ows(s[i])) {
        const auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x20 || u == 0x7F || s[i] == '"') return std::nullopt;
        ++i;
      }
      if (i == start) return std::nullopt;
      value.assign(s.substr(start, i - start));
    }
    const bool duplicate = std::any_of(out.params.begin(), out.params.end(),
                                       [&](const auto& p) { return p.first == key; });
    if (duplicate) return std::nullopt;
    out.params.emplace_back(std::move(key), std::move(value));
  }
}

const std::string* find_param(const HeaderValue& h, std::string_view key) {
  for (const auto& [k, v] : h.params) {
    if (k == key) return &v;
  }
  return nullptr;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 8187 ext-value `UTF-8'lang'%E1%BA%A1.txt`. nullopt for a charset we do not know, so
// that the plain filename is used instead; an error for a malformed value.
Result<std::optional<std::string>> decode_ext_value(std::string_view v) {
  const auto q1 = v.find('\'');
  const auto q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return fail(ErrorKind::validation, "request.bad_multipart", "bad filename*");
  if (!iequals(v.substr(0, q1), "utf-8")) return std::optional<std::string>{};
  const auto pct = v.substr(q2 + 1);
  std::string out;
  for (std::size_t i = 0; i < pct.size(); ++i) {
    if (pct[i] != '%') {
      out.push_back(pct[i]);
      continue;
    }
    if (pct.size() - i < 3 || hex_value(pct[i + 1]) < 0 || hex_value(pct[i + 2]) < 0) {
      return fail(ErrorKind::validation, "request.bad_multipart", "bad %-escape in filename*");
    }
    out.push_back(static_cast<char>(hex_value(pct[i + 1]) * 16 + hex_value(pct[i + 2])));
    i += 2;
  }
  return std::optional<std::string>(std::move(out));
}

tl::unexpected<Error> bad(std::string detail) {
  return fail(ErrorKind::validation, "request.bad_multipart", std::move(detail));
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const auto h = parse_header_value(content_type);
  if (!h || h->type != "multipart/form-data") return std::nullopt;
  const auto* b = find_param(*h, "boundary");
  if (b == nullptr || !valid_boundary(*b)) return std::nullopt;
  return *b;
}

MultipartParser::MultipartParser(std::string boundary, Callbacks cb, Limits limits)
    : delimiter_("\r\n--" + boundary), cb_(std::move(cb)), limits_(limits) {
  // The first delimiter may open the body without a preceding line break; pretending one
  // was there lets the preamble and the parts be searched for the same byte string.
  buf_ = "\r\n";
  if (!valid_boundary(boundary)) {
    state_ = State::failed;
    error_ = bad("invalid boundary").value();
  }
}

Result<void> MultipartParser::fail_with(Error error) {
  state_ = State::failed;
  error_ = error;
  return fail(std::move(error));
}

Result<void> MultipartParser::feed(std::string_view chunk) {
  if (error_) return fail(*error_);
  while (!chunk.empty() && state_ != State::epilogue) {
    const auto n = std::min(chunk.size(), kSlice);
    buf_.append(chunk.substr(0, n));
    chunk.remove_prefix(n);
    auto r = process();
    buf_.erase(0, pos_);
    pos_ = 0;
    if (!r) return fail_with(std::move(r.error()));
  }
  if (state_ == State::epilogue) buf_.clear();
  return {};
}

Result<void> MultipartParser::finish() {
  if (error_) return fail(*error_);
  if (state_ != State::epilogue) return fail_with(bad("closing delimiter not seen").value());
  return {};
}

Result<void> MultipartParser::process() {
  for (;;) {
    const std::string_view avail(buf_.data() + pos_, buf_.size() - pos_);
    switch (state_) {
      case State::preamble:
      case State::body: {
        const auto at = avail.find(delimiter_);
        if (at == std::string_view::npos) {
          // Hold back what could be the start of a delimiter cut by the chunk boundary.
          const auto keep = std::min(avail.size(), delimiter_.size() - 1);
          const auto ready = avail.size() - keep;
          if (state_ == State::body && ready > 0 && cb_.on_part_data) {
            if (auto r = cb_.on_part_data(avail.substr(0, ready)); !r) return r;
          }
          pos_ += ready;
          return {};
        }
        if (state_ == State::body && at > 0 && cb_.on_part_data) {
          if (auto r = cb_.on_part_data(avail.substr(0, at)); !r) return r;
        }
        pos_ += at + delimiter_.size();
        state_ = State::after_delimiter;
        break;
      }
      case State::after_delimiter: {
        if (avail.empty()) return {};
        if (avail[0] == '-') {
          if (avail.size() < 2) return {};
          if (avail[1] != '-') return bad("boundary followed by a single '-'");
          pos_ += 2;
          if (auto r = end_part(); !r) return r;
          state_ = State::epilogue;
        } else if (is_ows(avail[0])) {
          state_ = State::padding;
        } else if (avail[0] == '\r') {
          ++pos_;
          state_ = State::expect_lf;
        } else {
          // RFC 2046 forbids the delimiter inside a part, so a longer line starting with it
          // is malformed rather than data.
          return bad("boundary followed by other text");
        }
        break;
      }
      case State::padding: {
        std::size_t n = 0;
        while (n < avail.size() && is_ows(avail[n])) ++n;
        pos_ += n;
        if (n == avail.size()) return {};
        if (avail[n] != '\r') return bad("text after boundary");
        ++pos_;
        state_ = State::expect_lf;
        break;
      }
      case State::expect_lf: {
        if (avail.empty()) return {};
        if (avail[0] != '\n') return bad("boundary line not ended by CRLF");
        ++pos_;
        if (auto r = end_part(); !r) return r;
        state_ = State::headers;
        header_bytes_ = 0;
        scanned_ = 0;
        pending_ = PartHeaders{};
        seen_disposition_ = false;
        seen_content_type_ = false;
        break;
      }
      case State::headers: {
        // Resume the search where the last one stopped (less one byte, for a CR waiting for
        // its LF): rescanning the line on every call would make a client that sends one
        // byte at a time cost us quadratic time.
        const auto eol = avail.find("\r\n", scanned_ > 0 ? scanned_ - 1 : 0);
        if (eol == std::string_view::npos) {
          if (header_bytes_ + avail.size() > limits_.max_header_bytes) {
            return fail(ErrorKind::too_large, "request.part_header_too_large");
          }
          scanned_ = avail.size();
          return {};
        }
        scanned_ = 0;
        header_bytes_ += eol + 2;
        if (header_bytes_ > limits_.max_header_bytes) {
          return fail(ErrorKind::too_large, "request.part_header_too_large");
        }
        const auto line = avail.substr(0, eol);
        pos_ += eol + 2;
        if (line.empty()) {
          if (auto r = begin_part(); !r) return r;
          state_ = State::body;
        } else if (auto r = header_line(line); !r) {
          return r;
        }
        break;
      }
      case State::epilogue:
        // Whatever follows the closing delimiter is ignored (RFC 2046 epilogue).
        pos_ = buf_.size();
        return {};
      case State::failed:
        return bad("parser already failed");
    }
  }
}

Result<void> MultipartParser::header_line(std::string_view line) {
  const bool has_ctl = std::any_of(line.begin(), line.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7F;
  });
  if (has_ctl) return bad("control character in part header");
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return bad("part header without ':'");
  // A name that is not a token also catches obsolete line folding (a leading space).
  const auto name = line.substr(0, colon);
  if (!is_token(name)) return bad("bad part header name");
  const auto value = trim_ows(line.substr(colon + 1));

  if (iequals(name, "content-disposition")) {
    if (seen_disposition_) return bad("two Content-Disposition headers");
    seen_disposition_ = true;
    const auto h = parse_header_value(value);
    if (!h || h->type != "form-data") return bad("Content-Disposition is not form-data");
    const auto* n = find_param(*h, "name");
    if (n == nullptr) return bad("Content-Disposition without name");
    pending_.name = *n;
    if (const auto* f = find_param(*h, "filename")) pending_.filename = *f;
    if (const auto* fx = find_param(*h, "filename*")) {
      auto decoded = decode_ext_value(*fx);
      if (!decoded) return fail(std::move(decoded.error()));
      if (*decoded) pending_.filename = std::move(**decoded);
    }
    if (!valid_utf8(pending_.name) || (pending_.filename && !valid_utf8(*pending_.filename))) {
      return fail(ErrorKind::validation, "request.bad_utf8", "part name or filename is not UTF-8");
    }
  } else if (iequals(name, "content-type")) {
    if (seen_content_type_) return bad("two Content-Type headers");
    seen_content_type_ = true;
    const bool printable = std::all_of(value.begin(), value.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x20 && u < 0x7F;
    });
    if (value.empty() || !printable) return bad("bad part Content-Type");
    pending_.content_type = std::string(value);
  }
  return {};
}

Result<void> MultipartParser::begin_part() {
  if (!seen_disposition_) return bad("part without Content-Disposition");
  if (++parts_ > limits_.max_parts) {
    return fail(ErrorKind::too_large, "request.too_many_parts",
                "more than " + std::to_string(limits_.max_parts) + " parts");
  }
  in_part_ = true;
  if (cb_.on_part_begin) return cb_.on_part_begin(pending_);
  return {};
}

Result<void> MultipartParser::end_part() {
  if (!in_part_) return {};
  in_part_ = false;
  if (cb_.on_part_end) return cb_.on_part_end();
  return {};
}

Result<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body,
                                          MultipartParser::Limits limits, std::size_t max_total) {
  if (body.size() > max_total) return fail(ErrorKind::too_large, "request.too_large", "multipart body");
  auto boundary = multipart_boundary(content_type);
  if (!boundary) return bad("no multipart/form-data boundary");
  std::vector<Part> parts;
  MultipartParser parser(
      std::move(*boundary),
      MultipartParser::Callbacks{
          .on_part_begin = [&](const PartHeaders& h) -> Result<void> {
            parts.push_back(Part{h, {}});
            return {};
          },
          .on_part_data = [&](std::string_view d) -> Result<void> {
            parts.back().data.append(d);
            return {};
          },
          .on_part_end = [] () -> Result<void> { return {}; },
      },
      limits);
  if (auto r = parser.feed(body); !r) return fail(std::move(r.error()));
  if (auto r = parser.finish(); !r) return fail(std::move(r.error()));
  return parts;
}

}  // namespace thidua::http
