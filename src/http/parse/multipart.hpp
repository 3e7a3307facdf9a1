#pragma once
/// multipart/form-data (RFC 7578 on RFC 2046), parsed as a stream: the parser holds at most
/// one part's header block and a delimiter's worth of look-behind, never a whole part, so a
/// large upload can go straight to disk through the callbacks.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace thidua::http {

/// The boundary parameter of a `multipart/form-data` Content-Type (quoted or not), or
/// nullopt when the type is something else or the boundary breaks RFC 2046 (1 to 70
/// characters from its bchars set, not ending in a space).
std::optional<std::string> multipart_boundary(std::string_view content_type);

/// The headers of one part that we act on; others are ignored.
struct PartHeaders {
  std::string name;                       ///< Content-Disposition name; valid UTF-8
  std::optional<std::string> filename;    ///< as the client sent it; never use it as a path
  std::string content_type = "text/plain";  ///< the part's Content-Type, as sent
};

/// Limits for MultipartParser. Declared outside the class only so that it can be a default
/// argument of the constructor (a nested class's member initialisers are not usable there).
struct MultipartLimits {
  std::size_t max_parts = 100;          ///< more is too_large "request.too_many_parts"
  std::size_t max_header_bytes = 8192;  ///< per part, counting line ends and the blank line
};

/// Push parser: feed() the body in chunks of any size, finish() at the end. Each part is
/// reported as on_part_begin, zero or more on_part_data, on_part_end. Errors: malformed
/// input is validation "request.bad_multipart"; a part name or filename that is not UTF-8
/// is validation "request.bad_utf8"; a limit exceeded is too_large (see MultipartLimits);
/// an error returned by a callback is returned as is. After any error the parser stays
/// failed and returns the same error.
class MultipartParser {
 public:
  using Limits = MultipartLimits;
  struct Callbacks {
    std::function<Result<void>(const PartHeaders&)> on_part_begin;
    std::function<Result<void>(std::string_view)> on_part_data;
    std::function<Result<void>()> on_part_end;
  };

  /// `boundary` without the leading "--". An invalid boundary makes every feed() fail.
  MultipartParser(std::string boundary, Callbacks cb, Limits limits = {});

  Result<void> feed(std::string_view chunk);
  /// Fails unless the closing `--boundary--` has been seen.
  Result<void> finish();

 private:
  enum class State { preamble, after_delimiter, padding, expect_lf, headers, body, epilogue, failed };

  Result<void> process();
  Result<void> header_line(std::string_view line);
  Result<void> begin_part();
  Result<void> end_part();
  Result<void> fail_with(Error error);

  std::string delimiter_;  ///< "\r\n--" + boundary
  Callbacks cb_;
  Limits limits_;
  State state_ = State::preamble;
  std::string buf_;  ///< unconsumed input: a look-behind tail or an unfinished header line
  std::size_t pos_ = 0;
  std::size_t parts_ = 0;
  std::size_t header_bytes_ = 0;
  std::size_t scanned_ = 0;  ///< bytes of an unfinished header line already searched for CRLF
  PartHeaders pending_;
  bool seen_disposition_ = false;
  bool seen_content_type_ = false;
  bool in_part_ = false;
  std::optional<Error> error_;
};

/// One part held in memory, for small forms.
struct Part {
  PartHeaders headers;
  std::string data;
};

/// Parses a whole body held in memory. Errors as MultipartParser, plus validation
/// "request.bad_multipart" when `content_type` has no usable boundary and too_large
/// "request.too_large" when the body is longer than `max_total`.
Result<std::vector<Part>> parse_multipart(std::string_view content_type, std::string_view body,
                                          MultipartParser::Limits limits = {},
                                          std::size_t max_total = 10 * 1024 * 1024);

}  // namespace thidua::http
