#include "http/parse/multipart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace thidua::http {
namespace {

constexpr const char* kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

// A real browser upload: one text field with Vietnamese text and one small file.
std::string two_part_body() {
  const std::string b = kBoundary;
  return "--" + b + "\r\n" +
         "Content-Disposition: form-data; name=\"ho_ten\"\r\n"
         "\r\n"
         "H\xC3\xA0 V\xC4\x83n Vui\r\n"
         "--" + b + "\r\n" +
         "Content-Disposition: form-data; name=\"minh_chung\"; filename=\"b\xC3\xA1o c\xC3\xA1o.txt\"\r\n"
         "Content-Type: text/plain\r\n"
         "\r\n"
         "line 1\r\nline 2\r\n-- not a boundary\r\n--" + b.substr(0, 10) + "\r\n"
         "\r\n"
         "--" + b + "--\r\n";
}

// Records callbacks as text so that whole runs can be compared.
struct Recorder {
  std::string log;
  std::vector<Part> parts;
  bool open = false;

  MultipartParser::Callbacks callbacks() {
    return {
        .on_part_begin = [this](const PartHeaders& h) -> Result<void> {
          EXPECT_FALSE(open);
          open = true;
          parts.push_back(Part{h, {}});
          return {};
        },
        .on_part_data = [this](std::string_view d) -> Result<void> {
          EXPECT_TRUE(open);
          EXPECT_FALSE(d.empty());
          parts.back().data.append(d);
          return {};
        },
        .on_part_end = [this]() -> Result<void> {
          EXPECT_TRUE(open);
          open = false;
          return {};
        },
    };
  }

  std::string summary() const {
    std::string s;
    for (const auto& p : parts) {
      s += "[" + p.headers.name + "|" + p.headers.filename.value_or("<none>") + "|" + p.headers.content_type +
           "|" + p.data + "]";
    }
    return s;
  }
};

// Feeds `body` cut at `cuts` and returns the summary, or "error:<code>".
std::string run(std::string_view body, const std::vector<std::size_t>& cuts,
                MultipartParser::Limits limits = {}, std::string boundary = kBoundary) {
  Recorder rec;
  MultipartParser parser(std::move(boundary), rec.callbacks(), limits);
  std::size_t at = 0;
  auto cut_points = cuts;
  cut_points.push_back(body.size());
  for (auto cut : cut_points) {
    if (auto r = parser.feed(body.substr(at, cut - at)); !r) return "error:" + r.error().code;
    at = cut;
  }
  if (auto r = parser.finish(); !r) return "error:" + r.error().code;
  EXPECT_FALSE(rec.open);
  return rec.summary();
}

std::string run_whole(std::string_view body, MultipartParser::Limits limits = {}) { return run(body, {}, limits); }

std::string part(std::string_view disposition_params, std::string_view data, std::string_view extra_headers = "") {
  return std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; " + std::string(disposition_params) +
         "\r\n" + std::string(extra_headers) + "\r\n" + std::string(data) + "\r\n";
}

std::string closing() { return std::string("--") + kBoundary + "--\r\n"; }

TEST(MultipartBoundary, ReadsPlainAndQuotedBoundaries) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"a b:c?d\""), "a b:c?d");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;BOUNDARY=x"), "x");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; boundary=----WebKitFormBoundaryX ;"),
            "----WebKitFormBoundaryX");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'b')), std::string(70, 'b'));
}

TEST(MultipartBoundary, RejectsOtherTypesAndBadBoundaries) {
  for (const std::string& ct : std::vector<std::string>{
           "", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded", "multipart/form-data",
        "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=" + std::string(71, 'b'), "multipart/form-data; boundary=\"ab \"",
        "multipart/form-data; boundary=\"a;b\"", "multipart/form-data; boundary=\"a\\\"b\"",
        "multipart/form-data; boundary=\"abc", "multipart/form-data; boundary=a; boundary=b",
        "multipart/form-data; boundary=a\x01", "multipart/form-data boundary=a",
        "multipart/form-data; boundary =a", "multipart/form-data-x; boundary=a"}) {
    EXPECT_FALSE(multipart_boundary(ct).has_value()) << ct;
  }
}

TEST(MultipartParser, ParsesABrowserUpload) {
  EXPECT_EQ(run_whole(two_part_body()),
            "[ho_ten|<none>|text/plain|H\xC3\xA0 V\xC4\x83n Vui]"
            "[minh_chung|b\xC3\xA1o c\xC3\xA1o.txt|text/plain|line 1\r\nline 2\r\n-- not a boundary\r\n--" +
                std::string(kBoundary).substr(0, 10) + "\r\n]");
}

TEST(MultipartParser, SameResultForEveryCutPosition) {
  const auto body = two_part_body();
  const auto expected = run_whole(body);
  for (std::size_t i = 0; i <= body.size(); ++i) {
    ASSERT_EQ(run(body, {i}), expected) << "cut at " << i;
  }
}

TEST(MultipartParser, SameResultForEveryPairOfCutsAroundTheDelimiters) {
  const auto body = two_part_body();
  const auto expected = run_whole(body);
  const std::string delimiter = std::string("\r\n--") + kBoundary;
  for (auto at = body.find(delimiter); at != std::string::npos; at = body.find(delimiter, at + 1)) {
    for (std::size_t i = at; i <= at + delimiter.size() + 4 && i <= body.size(); ++i) {
      for (std::size_t j = i; j <= at + delimiter.size() + 4 && j <= body.size(); ++j) {
        ASSERT_EQ(run(body, {i, j}), expected) << "cuts at " << i << ", " << j;
      }
    }
  }
}

TEST(MultipartParser, ByteByByte) {
  const auto body = two_part_body();
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < body.size(); ++i) cuts.push_back(i);
  EXPECT_EQ(run(body, cuts), run_whole(body));
}

TEST(MultipartParser, SkipsPreambleAndEpilogue) {
  const auto body = "This is a preamble.\r\n--x\r\n" + std::string(kBoundary) + "\r\n" + part("name=\"a\"", "1") +
                    closing() + "epilogue --" + kBoundary + "\r\ngarbage";
  EXPECT_EQ(run_whole(body), "[a|<none>|text/plain|1]");
}

TEST(MultipartParser, AcceptsALeadingCrlfAndNoFinalCrlf) {
  EXPECT_EQ(run_whole("\r\n" + part("name=\"a\"", "1") + "--" + kBoundary + "--"), "[a|<none>|text/plain|1]");
}

TEST(MultipartParser, AcceptsTransportPadding) {
  const std::string b = kBoundary;
  const auto body = "--" + b + " \t \r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + b + "--  \r\n";
  EXPECT_EQ(run_whole(body), "[a|<none>|text/plain|1]");
}

TEST(MultipartParser, AcceptsAnEmptyForm) { EXPECT_EQ(run_whole(closing()), ""); }

TEST(MultipartParser, KeepsEmptyPartsAndBinaryData) {
  const std::string binary("\0\r\n\r\x00\xFF--\r\n-", 12);
  const auto body = part("name=\"empty\"", "") + part("name=\"bin\"; filename=\"x.bin\"", binary,
                                                     "Content-Type: application/octet-stream\r\n") +
                    closing();
  EXPECT_EQ(run_whole(body), "[empty|<none>|text/plain|][bin|x.bin|application/octet-stream|" + binary + "]");
}

TEST(MultipartParser, ReadsHeadersCaseInsensitively) {
  const std::string b = kBoundary;
  const auto body = "--" + b + "\r\ncontent-disposition:Form-Data;NAME=a;  Filename=\"f.pdf\"\r\n" +
                    "CONTENT-TYPE:  application/pdf \r\nX-Other: ignored\r\n\r\n%PDF\r\n" + closing();
  EXPECT_EQ(run_whole(body), "[a|f.pdf|application/pdf|%PDF]");
}

TEST(MultipartParser, DecodesExtendedFilenames) {
  const auto body =
      part("name=\"f\"; filename=\"fallback.txt\"; filename*=UTF-8''H%C3%A0%20V%C4%83n.docx", "x") +
      part("name=\"g\"; filename=\"keep.txt\"; filename*=ISO-8859-1'en'caf%E9.txt", "y") + closing();
  EXPECT_EQ(run_whole(body), "[f|H\xC3\xA0 V\xC4\x83n.docx|text/plain|x][g|keep.txt|text/plain|y]");
}

TEST(MultipartParser, KeepsBackslashesInFilenamesButUnescapesQuotes) {
  const auto body = part(R"(name="f"; filename="C:\fakepath\a\"b\\.txt")", "x") + closing();
  EXPECT_EQ(run_whole(body), R"([f|C:\fakepath\a"b\.txt|text/plain|x])");
}

TEST(MultipartParser, ReportsMissingClosingDelimiter) {
  EXPECT_EQ(run_whole(part("name=\"a\"", "1")), "error:request.bad_multipart");
  EXPECT_EQ(run_whole(""), "error:request.bad_multipart");
  EXPECT_EQ(run_whole("no delimiter at all"), "error:request.bad_multipart");
  const auto body = two_part_body();
  EXPECT_EQ(run_whole(body.substr(0, body.size() - 4)), "error:request.bad_multipart");
  EXPECT_EQ(run_whole(body.substr(0, body.size() / 2)), "error:request.bad_multipart");
}

TEST(MultipartParser, RejectsMalformedInput) {
  const std::string b = kBoundary;
  const std::string cd = "Content-Disposition: form-data; name=\"a\"";
  for (const std::string& body : std::vector<std::string>{
           "--" + b + "X\r\n" + cd + "\r\n\r\n1\r\n" + closing(),            // longer boundary
           "--" + b + "-\r\n",                                               // single dash
           "--" + b + "\n" + cd + "\r\n\r\n1\r\n" + closing(),                // bare LF
           "--" + b + " x\r\n" + cd + "\r\n\r\n1\r\n" + closing(),            // text after padding
           "--" + b + "\r\n" + cd + "\r\n\r\n1\r\n--" + b + "oops\r\n",       // bad delimiter inside
           "--" + b + "\r\nNoColon\r\n\r\n1\r\n" + closing(),                  // header without ':'
           "--" + b + "\r\n" + cd + "\r\n folded\r\n\r\n1\r\n" + closing(),   // obsolete folding
           "--" + b + "\r\nBad Name: x\r\n" + cd + "\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\nContent-Type: text/plain\r\n\r\n1\r\n" + closing(),  // no disposition
           "--" + b + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\n" + cd + "\r\n" + cd + "\r\n\r\n1\r\n" + closing(),  // two dispositions
           "--" + b + "\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\n" + cd + "\r\nContent-Type: a\r\nContent-Type: b\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\n" + cd + "\r\nContent-Type:\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\n" + cd + "\rX: y\r\n\r\n1\r\n" + closing(),        // bare CR in a header
           "--" + b + "\r\n" + cd + "; filename*=UTF-8''%ZZ\r\n\r\n1\r\n" + closing(),
           "--" + b + "\r\n" + cd + "; filename*=UTF-8\r\n\r\n1\r\n" + closing(),
       }) {
    EXPECT_EQ(run_whole(body), "error:request.bad_multipart") << testing::PrintToString(body);
  }
}

TEST(MultipartParser, RejectsNamesAndFilenamesThatAreNotUtf8) {
  EXPECT_EQ(run_whole(part("name=\"\xC3\x28\"", "1") + closing()), "error:request.bad_utf8");
  EXPECT_EQ(run_whole(part("name=\"a\"; filename=\"\xED\xA0\x80.txt\"", "1") + closing()), "error:request.bad_utf8");
  EXPECT_EQ(run_whole(part("name=\"a\"; filename*=utf-8''%C0%AF", "1") + closing()), "error:request.bad_utf8");
}

TEST(MultipartParser, LimitsTheNumberOfParts) {
  std::string body;
  for (int i = 0; i < 3; ++i) body += part("name=\"p" + std::to_string(i) + "\"", "x");
  body += closing();
  EXPECT_EQ(run_whole(body, {.max_parts = 3, .max_header_bytes = 8192}).substr(0, 4), "[p0|");
  EXPECT_EQ(run_whole(body, {.max_parts = 2, .max_header_bytes = 8192}), "error:request.too_many_parts");
}

TEST(MultipartParser, LimitsHeaderSize) {
  const std::string header_block = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";
  const auto body = part("name=\"a\"", "1") + closing();
  EXPECT_EQ(run_whole(body, {.max_parts = 100, .max_header_bytes = header_block.size()}), "[a|<none>|text/plain|1]");
  EXPECT_EQ(run_whole(body, {.max_parts = 100, .max_header_bytes = header_block.size() - 1}),
            "error:request.part_header_too_large");

  // A header line that never ends must fail as soon as it passes the limit, not when the
  // body ends; otherwise the parser would buffer it all.
  Recorder rec;
  MultipartParser parser(kBoundary, rec.callbacks());
  ASSERT_TRUE(parser.feed("--" + std::string(kBoundary) + "\r\nX-Long: ").has_value());
  Result<void> r;
  std::size_t fed = 0;
  while (r && fed < 100000) {
    r = parser.feed(std::string(100, 'a'));
    fed += 100;
  }
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "request.part_header_too_large");
  EXPECT_LE(fed, 8192u + 100u);

  std::string many_lines = "--" + std::string(kBoundary) + "\r\n";
  for (int i = 0; i < 1100; ++i) many_lines += "X-A: b\r\n";  // 8800 bytes
  EXPECT_EQ(run_whole(many_lines + header_block + "1\r\n" + closing()), "error:request.part_header_too_large");
}

TEST(MultipartParser, StreamsLargePartsWithoutBuffering) {
  Recorder rec;
  std::size_t received = 0;
  auto cb = rec.callbacks();
  cb.on_part_data = [&](std::string_view d) -> Result<void> {
    received += d.size();
    return {};
  };
  const std::string prefix = part("name=\"f\"; filename=\"big.bin\"", "");
  MultipartParser streaming(kBoundary, cb);
  ASSERT_TRUE(streaming.feed(prefix.substr(0, prefix.size() - 2)).has_value());
  const std::string chunk(1000, 'z');
  for (int i = 1; i <= 1000; ++i) {
    ASSERT_TRUE(streaming.feed(chunk).has_value());
    // All but a delimiter's worth of look-behind has been handed on already.
    ASSERT_GE(received + std::string(kBoundary).size() + 4, static_cast<std::size_t>(i) * 1000);
  }
  ASSERT_TRUE(streaming.feed("\r\n" + closing()).has_value());
  ASSERT_TRUE(streaming.finish().has_value());
  EXPECT_EQ(received, 1000u * 1000u);
}

TEST(MultipartParser, HandlesOneHugeChunk) {
  const std::string big(3 * 1024 * 1024 + 17, 'q');
  const auto body = part("name=\"f\"; filename=\"big.bin\"", big) + closing();
  auto parts = parse_multipart(std::string("multipart/form-data; boundary=") + kBoundary, body);
  ASSERT_TRUE(parts.has_value());
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data, big);
}

TEST(MultipartParser, CallbackErrorsAbortAndStick) {
  int data_calls = 0;
  MultipartParser parser(kBoundary, {
                                        .on_part_begin = [](const PartHeaders& h) -> Result<void> {
                                          if (h.filename && h.filename->ends_with(".exe")) {
                                            return fail(ErrorKind::validation, "upload.bad_type");
                                          }
                                          return {};
                                        },
                                        .on_part_data = [&](std::string_view) -> Result<void> {
                                          ++data_calls;
                                          return {};
                                        },
                                        .on_part_end = {},
                                    });
  const auto body = part("name=\"a\"", "1") + part("name=\"f\"; filename=\"x.exe\"", "MZ") + closing();
  auto r = parser.feed(body);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "upload.bad_type");
  EXPECT_EQ(data_calls, 1);
  EXPECT_EQ(parser.feed("more").error().code, "upload.bad_type");
  EXPECT_EQ(parser.finish().error().code, "upload.bad_type");
}

TEST(MultipartParser, EmptyCallbacksAreAllowed) {
  MultipartParser parser(kBoundary, {});
  ASSERT_TRUE(parser.feed(two_part_body()).has_value());
  EXPECT_TRUE(parser.finish().has_value());
}

TEST(MultipartParser, RejectsAnInvalidBoundary) {
  for (const std::string& b : std::vector<std::string>{std::string(), std::string(71, 'x'), std::string("a\r\nb"), std::string("ab ")}) {
    MultipartParser parser(b, {});
    auto r = parser.feed("--" + b + "--\r\n");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "request.bad_multipart");
  }
}

TEST(MultipartParser, IgnoresInputAfterTheClosingDelimiter) {
  MultipartParser parser(kBoundary, {});
  ASSERT_TRUE(parser.feed(closing()).has_value());
  ASSERT_TRUE(parser.feed("whatever --" + std::string(kBoundary) + "\r\n").has_value());
  EXPECT_TRUE(parser.finish().has_value());
}

TEST(ParseMultipart, ParsesWithAQuotedBoundary) {
  auto parts = parse_multipart(std::string("multipart/form-data; boundary=\"") + kBoundary + "\"", two_part_body());
  ASSERT_TRUE(parts.has_value());
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].headers.name, "ho_ten");
  EXPECT_EQ((*parts)[0].data, "H\xC3\xA0 V\xC4\x83n Vui");
  EXPECT_FALSE((*parts)[0].headers.filename.has_value());
  EXPECT_EQ((*parts)[1].headers.filename, "b\xC3\xA1o c\xC3\xA1o.txt");
}

TEST(ParseMultipart, RejectsBadContentTypeAndOversizedBodies) {
  auto r = parse_multipart("text/plain", two_part_body());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "request.bad_multipart");

  r = parse_multipart(std::string("multipart/form-data; boundary=") + kBoundary, two_part_body(), {}, 10);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
  EXPECT_EQ(r.error().code, "request.too_large");

  r = parse_multipart(std::string("multipart/form-data; boundary=") + kBoundary, two_part_body(),
                      {.max_parts = 1, .max_header_bytes = 8192});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::too_large);
  EXPECT_EQ(r.error().code, "request.too_many_parts");
}

}  // namespace
}  // namespace thidua::http
