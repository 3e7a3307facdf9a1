// Fuzzes the streaming multipart parser.
// Input layout: byte 0 = k (low 4 bits) and limit flags (high bits); then k chunk sizes, one
// byte each; then a Content-Type line ending in '\n'; then the body.
// The body is parsed with a fixed boundary twice, once whole and once fed in chunks of the
// given sizes (cycled), and both runs must report exactly the same parts or the same error.
// The Content-Type line goes through multipart_boundary and, when it yields a boundary,
// through parse_multipart as well.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/parse/multipart.hpp"
#include "http/parse/utf8_check.hpp"

namespace {

constexpr const char* kBoundary = "----fuzzboundary";

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool is_bchar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// Everything the callbacks saw, in order, so that two runs can be compared. Data is
// gathered per part because chunking legitimately changes how it is split across calls.
struct Log {
  std::string events;
  std::string data;
  bool open = false;
  std::size_t parts = 0;
};

thidua::http::MultipartParser::Callbacks record(Log& log) {
  using thidua::Result;
  return {
      .on_part_begin = [&log](const thidua::http::PartHeaders& h) -> Result<void> {
        check(!log.open);
        check(thidua::http::valid_utf8(h.name));
        check(!h.filename || thidua::http::valid_utf8(*h.filename));
        check(!h.content_type.empty());
        log.open = true;
        ++log.parts;
        log.events += "B" + std::to_string(h.name.size()) + ":" + h.name + "|" +
                      (h.filename ? "f" + *h.filename : "-") + "|" + h.content_type + "\n";
        return {};
      },
      .on_part_data = [&log](std::string_view d) -> Result<void> {
        check(log.open);
        check(!d.empty());
        log.data.append(d);
        return {};
      },
      .on_part_end = [&log]() -> Result<void> {
        check(log.open);
        log.open = false;
        log.events += "D" + std::to_string(log.data.size()) + ":" + log.data + "E\n";
        log.data.clear();
        return {};
      },
  };
}

std::string run(std::string_view body, const std::vector<std::size_t>& sizes,
                thidua::http::MultipartParser::Limits limits) {
  Log log;
  thidua::http::MultipartParser parser(kBoundary, record(log), limits);
  std::string outcome;
  std::size_t at = 0;
  std::size_t i = 0;
  bool failed = false;
  while (at < body.size()) {
    std::size_t n = body.size() - at;
    if (!sizes.empty()) {
      n = std::min(n, sizes[i++ % sizes.size()]);
      // A whole cycle of zero sizes would never finish.
      if (i % sizes.size() == 0 && n == 0) n = 1;
    }
    auto r = parser.feed(body.substr(at, n));
    at += n;
    if (!r) {
      outcome = "error:" + r.error().code;
      failed = true;
      // A failed parser must keep failing with the same error.
      auto again = parser.feed("x");
      check(!again && again.error().code == r.error().code);
      break;
    }
  }
  if (!failed) {
    auto r = parser.finish();
    outcome = r ? "ok" : "error:" + r.error().code;
    if (r) check(!log.open);
  }
  check(log.parts <= limits.max_parts);
  // Compare data up to the point of an error only when both runs fail the same way; a
  // chunked run may have handed on less data before failing.
  return failed ? outcome : log.events + outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t k = data[0] & 15;
  if (size < 1 + k) return 0;
  thidua::http::MultipartParser::Limits limits;
  if ((data[0] & 0x10) != 0) limits.max_parts = 2;
  if ((data[0] & 0x20) != 0) limits.max_header_bytes = 64;
  std::vector<std::size_t> sizes(data + 1, data + 1 + k);
  std::string_view rest(reinterpret_cast<const char*>(data) + 1 + k, size - 1 - k);

  const auto nl = rest.find('\n');
  const auto content_type = nl == std::string_view::npos ? std::string_view{} : rest.substr(0, nl);
  const auto body = nl == std::string_view::npos ? rest : rest.substr(nl + 1);

  if (const auto b = thidua::http::multipart_boundary(content_type)) {
    check(!b->empty() && b->size() <= 70 && b->back() != ' ');
    for (char c : *b) check(is_bchar(c));
    const auto parts = thidua::http::parse_multipart(content_type, body, limits);
    if (parts) {
      check(parts->size() <= limits.max_parts);
      for (const auto& p : *parts) check(thidua::http::valid_utf8(p.headers.name));
    }
  }

  const auto whole = run(body, {}, limits);
  const auto chunked = run(body, sizes, limits);
  check(whole == chunked);
  return 0;
}
