#include "http/parse/form.hpp"

#include <gtest/gtest.h>

#include <string>

#include "http/parse/utf8_check.hpp"

namespace thidua::http {
namespace {

using Items = std::vector<FormData::Item>;

FormData parse_ok(std::string_view body) {
  auto r = parse_urlencoded(body);
  EXPECT_TRUE(r.has_value()) << body << ": " << (r ? "" : r.error().code);
  return r ? *r : FormData{};
}

void expect_error(std::string_view body, ErrorKind kind, std::string_view code) {
  auto r = parse_urlencoded(body);
  ASSERT_FALSE(r.has_value()) << body;
  EXPECT_EQ(r.error().kind, kind) << body;
  EXPECT_EQ(r.error().code, code) << body;
}

TEST(ParseUrlencoded, ReadsFieldsInOrder) {
  EXPECT_EQ(parse_ok("a=1&b=2&a=3").items(), (Items{{"a", "1"}, {"b", "2"}, {"a", "3"}}));
}

TEST(ParseUrlencoded, DecodesPlusAndPercent) {
  EXPECT_EQ(parse_ok("q=a+b%20c%2Bd%26e%3Df%25").value("q"), "a b c+d&e=f%");
  EXPECT_EQ(parse_ok("a%5B%5D=x").items(), (Items{{"a[]", "x"}}));
}

TEST(ParseUrlencoded, DecodesVietnameseNames) {
  // What a browser sends for "Hà Văn Vui" typed into a form.
  const auto form = parse_ok("ho_ten=H%C3%A0+V%C4%83n+Vui&don_vi=Ph%C3%B2ng+%C4%90%C3%A0o+t%E1%BA%A1o");
  EXPECT_EQ(form.value("ho_ten"), "H\xC3\xA0 V\xC4\x83n Vui");
  EXPECT_EQ(form.value("don_vi"), "Ph\xC3\xB2ng \xC4\x90\xC3\xA0o t\xE1\xBA\xA1o");
}

TEST(ParseUrlencoded, AcceptsLowerCaseHexAndRawUtf8) {
  EXPECT_EQ(parse_ok("a=%c3%a0").value("a"), "\xC3\xA0");
  EXPECT_EQ(parse_ok("a=H\xC3\xA0").value("a"), "H\xC3\xA0");
}

TEST(ParseUrlencoded, SkipsEmptyPiecesAndKeepsNamesWithoutValues) {
  EXPECT_EQ(parse_ok("&&a&b=&&c=1&").items(), (Items{{"a", ""}, {"b", ""}, {"c", "1"}}));
  EXPECT_EQ(parse_ok("=x").items(), (Items{{"", "x"}}));
  EXPECT_EQ(parse_ok("a==b").value("a"), "=b");
}

TEST(ParseUrlencoded, SemicolonIsNotASeparator) {
  EXPECT_EQ(parse_ok("a=1;b=2").items(), (Items{{"a", "1;b=2"}}));
}

TEST(ParseUrlencoded, EmptyBodyIsAnEmptyForm) {
  EXPECT_TRUE(parse_ok("").items().empty());
  EXPECT_TRUE(parse_ok("&&&").items().empty());
}

TEST(ParseUrlencoded, RejectsBadEscapes) {
  for (const char* body : {"a=%", "a=%4", "a=%G1", "a=%1G", "a=%%41", "%=1", "a=1&b=%zz", "a=% 1"}) {
    expect_error(body, ErrorKind::validation, "request.bad_encoding");
  }
}

TEST(ParseUrlencoded, RejectsInvalidUtf8) {
  for (const char* body : {"a=%C3%28", "a=%C0%AF", "a=%ED%A0%80", "a=%F4%90%80%80", "a=%E1%BA", "a=%80",
                           "%FF=1", "a=%F8%88%80%80%80", "a=%C1%BF", "a=%E0%80%AF", "a=%F0%80%80%AF"}) {
    expect_error(body, ErrorKind::validation, "request.bad_utf8");
  }
  expect_error("a=\xC3\x28", ErrorKind::validation, "request.bad_utf8");
}

TEST(ParseUrlencoded, AcceptsTheEdgesOfUnicode) {
  EXPECT_EQ(parse_ok("a=%F4%8F%BF%BF").value("a"), "\xF4\x8F\xBF\xBF");  // U+10FFFF
  EXPECT_EQ(parse_ok("a=%ED%9F%BF").value("a"), "\xED\x9F\xBF");        // U+D7FF
  EXPECT_EQ(parse_ok("a=%EE%80%80").value("a"), "\xEE\x80\x80");        // U+E000
  EXPECT_EQ(parse_ok("a=%00").value("a"), std::string(1, '\0'));
}

TEST(ParseUrlencoded, LimitsTheNumberOfFields) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "f=1&";
  EXPECT_EQ(parse_ok(body).items().size(), 1000u);
  body += "f=1";
  expect_error(body, ErrorKind::too_large, "request.too_many_fields");

  EXPECT_TRUE(parse_urlencoded("a=1&b=2", 2).has_value());
  auto r = parse_urlencoded("a=1&b=2&c=3", 2);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "request.too_many_fields");
  EXPECT_TRUE(parse_urlencoded("&&&a=1&&&", 1).has_value());
}

TEST(FormData, LooksUpValues) {
  FormData f;
  f.add("tag", "a");
  f.add("name", "B\xC3\xACnh");
  f.add("tag", "b");
  EXPECT_TRUE(f.has("tag"));
  EXPECT_FALSE(f.has("missing"));
  EXPECT_EQ(f.get("tag"), "a");
  EXPECT_FALSE(f.get("missing").has_value());
  EXPECT_EQ(f.value("name"), "B\xC3\xACnh");
  EXPECT_EQ(f.value("missing"), "");
  EXPECT_EQ(f.all("tag"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(f.all("missing").empty());
  EXPECT_EQ(f.items().size(), 3u);
}

TEST(FormData, AnEmptyValueIsPresent) {
  const auto f = parse_ok("agree=");
  EXPECT_TRUE(f.has("agree"));
  EXPECT_EQ(f.get("agree"), "");
}

TEST(Utf8Check, AcceptsWellFormedText) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("ascii"));
  EXPECT_TRUE(valid_utf8("H\xC3\xA0 V\xC4\x83n Vui"));
  EXPECT_TRUE(valid_utf8("\xE1\xBB\x87"));          // ệ
  EXPECT_TRUE(valid_utf8("\xF0\x9F\x8F\x86"));      // 🏆
  EXPECT_TRUE(valid_utf8("\xC2\x80\xDF\xBF"));      // U+0080, U+07FF
  EXPECT_TRUE(valid_utf8("\xE0\xA0\x80\xEF\xBF\xBF"));
  EXPECT_TRUE(valid_utf8("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"));
}

TEST(Utf8Check, RejectsMalformedText) {
  for (const char* s : {"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xC3", "\xC3\x28", "\xE0\x80\xAF", "\xE0\x9F\xBF",
                        "\xED\xA0\x80", "\xED\xBF\xBF", "\xE1\xBB", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF",
                        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xFE", "\xFF",
                        "ok\xE1\xBB", "\xF0\x9F\x8F"}) {
    EXPECT_FALSE(valid_utf8(s)) << testing::PrintToString(std::string(s));
  }
}

}  // namespace
}  // namespace thidua::http
