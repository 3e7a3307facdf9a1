#include "http/parse/cookie.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thidua::http {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(ParseCookieHeader, ReadsPairsInOrder) {
  EXPECT_EQ(parse_cookie_header("a=b; c=d"), (Pairs{{"a", "b"}, {"c", "d"}}));
}

TEST(ParseCookieHeader, ReadsARealBrowserHeader) {
  const auto got = parse_cookie_header(
      "thidua_lang=vi; thidua_session=Zm9vYmFy-_.~; thidua_csrf=4f1c2a9e0b7d; _ga=GA1.1.123.456");
  EXPECT_EQ(got, (Pairs{{"thidua_lang", "vi"},
                        {"thidua_session", "Zm9vYmFy-_.~"},
                        {"thidua_csrf", "4f1c2a9e0b7d"},
                        {"_ga", "GA1.1.123.456"}}));
}

TEST(ParseCookieHeader, TrimsSpacesAndTabs) {
  EXPECT_EQ(parse_cookie_header("  a = b  ;\tc=d\t;  "), (Pairs{{"a", "b"}, {"c", "d"}}));
}

TEST(ParseCookieHeader, StripsOnePairOfQuotes) {
  EXPECT_EQ(parse_cookie_header(R"(c="d"; e=""x""; f="; g="")"),
            (Pairs{{"c", "d"}, {"e", "\"x\""}, {"f", "\""}, {"g", ""}}));
}

TEST(ParseCookieHeader, KeepsEmptyValuesAndEqualsInValues) {
  EXPECT_EQ(parse_cookie_header("a=; b==x=="), (Pairs{{"a", ""}, {"b", "=x=="}}));
}

TEST(ParseCookieHeader, SkipsMalformedPieces) {
  EXPECT_EQ(parse_cookie_header("novalue; =x; a b=1; a,b=2; (x)=3; a\"=4; ok=1; ;;"),
            (Pairs{{"ok", "1"}}));
}

TEST(ParseCookieHeader, SkipsControlCharactersAndBadUtf8InValues) {
  using namespace std::string_literals;
  EXPECT_EQ(parse_cookie_header("a=x\x01y; b=\x7f; c=\xC3\x28; d=x\0y; e=ok"s),
            (Pairs{{"e", "ok"}}));
  EXPECT_EQ(parse_cookie_header("n\x01=1; \xC3\xA0=2; f=3"), (Pairs{{"f", "3"}}));
}

TEST(ParseCookieHeader, AcceptsUtf8Values) {
  EXPECT_EQ(parse_cookie_header("name=H\xC3\xA0 V\xC4\x83n"), (Pairs{{"name", "H\xC3\xA0 V\xC4\x83n"}}));
}

TEST(ParseCookieHeader, KeepsDuplicates) {
  EXPECT_EQ(parse_cookie_header("a=1; a=2"), (Pairs{{"a", "1"}, {"a", "2"}}));
}

TEST(ParseCookieHeader, HandlesEmptyAndDegenerateInput) {
  EXPECT_TRUE(parse_cookie_header("").empty());
  EXPECT_TRUE(parse_cookie_header(";").empty());
  EXPECT_TRUE(parse_cookie_header("=").empty());
  EXPECT_TRUE(parse_cookie_header("   ").empty());
}

TEST(ParseCookieHeader, StopsAtSixtyFourCookies) {
  std::string h;
  for (int i = 0; i < 100; ++i) h += "c" + std::to_string(i) + "=v; ";
  const auto got = parse_cookie_header(h);
  ASSERT_EQ(got.size(), kMaxCookies);
  EXPECT_EQ(got.back().first, "c63");
}

TEST(ParseCookieHeader, MalformedPiecesDoNotCountTowardsTheCap) {
  std::string h;
  for (int i = 0; i < 100; ++i) h += "junk; ";
  h += "a=1";
  EXPECT_EQ(parse_cookie_header(h), (Pairs{{"a", "1"}}));
}

TEST(FindCookie, ReturnsTheFirstMatch) {
  EXPECT_EQ(find_cookie("a=1; b=2; b=3", "b"), "2");
  EXPECT_EQ(find_cookie(R"(s="tok")", "s"), "tok");
  EXPECT_EQ(find_cookie("a=", "a"), "");
}

TEST(FindCookie, IsCaseSensitiveAndMissingIsNullopt) {
  EXPECT_FALSE(find_cookie("A=1", "a").has_value());
  EXPECT_FALSE(find_cookie("", "a").has_value());
  EXPECT_FALSE(find_cookie("a", "a").has_value());
  EXPECT_FALSE(find_cookie("ab=1", "a").has_value());
}

TEST(FindCookie, AgreesWithTheCap) {
  std::string h;
  for (int i = 0; i < 64; ++i) h += "c" + std::to_string(i) + "=v; ";
  h += "late=1";
  EXPECT_FALSE(find_cookie(h, "late").has_value());
  EXPECT_EQ(find_cookie(h, "c63"), "v");
}

TEST(FindCookie, SkipsAMalformedPieceWithTheSameName) {
  EXPECT_EQ(find_cookie("s=\x01; s=good", "s"), "good");
}

TEST(FormatSetCookie, UsesSafeDefaults) {
  EXPECT_EQ(format_set_cookie("thidua_session", "abc", {}), "thidua_session=abc; Path=/; HttpOnly; SameSite=Lax");
}

TEST(FormatSetCookie, WritesEveryAttribute) {
  CookieOptions o;
  o.path = "/admin";
  o.secure = true;
  o.same_site = "Strict";
  o.max_age = 3600;
  EXPECT_EQ(format_set_cookie("a", "b", o), "a=b; Path=/admin; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
}

TEST(FormatSetCookie, OmitsEmptyPathAndSameSiteAndHttpOnlyWhenAsked) {
  CookieOptions o;
  o.path = "";
  o.same_site = "";
  o.http_only = false;
  EXPECT_EQ(format_set_cookie("a", "b", o), "a=b");
}

TEST(FormatSetCookie, DeletesWithMaxAgeZeroAndClampsNegatives) {
  CookieOptions o;
  o.max_age = 0;
  EXPECT_EQ(format_set_cookie("a", "", o), "a=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  o.max_age = -5;
  EXPECT_EQ(format_set_cookie("a", "", o), "a=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
}

TEST(FormatSetCookie, RejectsBadNames) {
  for (const char* name : {"", "a b", "a;b", "a=b", "a,b", "a\"b", "a\r\nSet-Cookie: x", "(a)", "\xC3\xA0"}) {
    EXPECT_EQ(format_set_cookie(name, "v", {}), "") << name;
  }
}

TEST(FormatSetCookie, RejectsValuesOutsideCookieOctet) {
  for (const char* value : {"a b", "a;b", "a,b", "a\"b", "a\\b", "x\r\nSet-Cookie: evil=1", "\x7f", "\xC3\xA0"}) {
    EXPECT_EQ(format_set_cookie("a", value, {}), "") << value;
  }
  EXPECT_NE(format_set_cookie("a", "!#$%&'()*+-./09:<=>?@AZ[]^_`az{|}~", {}), "");
}

TEST(FormatSetCookie, RejectsAttributeInjectionThroughThePath) {
  CookieOptions o;
  o.path = "/; Domain=evil.example";
  EXPECT_EQ(format_set_cookie("a", "b", o), "");
  o.path = "/\r\nX: y";
  EXPECT_EQ(format_set_cookie("a", "b", o), "");
}

TEST(FormatSetCookie, RejectsUnknownSameSiteAndNoneWithoutSecure) {
  CookieOptions o;
  o.same_site = "lax; Domain=x";
  EXPECT_EQ(format_set_cookie("a", "b", o), "");
  o.same_site = "None";
  EXPECT_EQ(format_set_cookie("a", "b", o), "");
  o.secure = true;
  EXPECT_EQ(format_set_cookie("a", "b", o), "a=b; Path=/; Secure; HttpOnly; SameSite=None");
}

TEST(FormatSetCookie, EnforcesCookiePrefixes) {
  CookieOptions o;
  EXPECT_EQ(format_set_cookie("__Host-s", "b", o), "");
  EXPECT_EQ(format_set_cookie("__secure-s", "b", o), "");
  o.secure = true;
  EXPECT_NE(format_set_cookie("__Secure-s", "b", o), "");
  EXPECT_NE(format_set_cookie("__Host-s", "b", o), "");
  o.path = "/x";
  EXPECT_EQ(format_set_cookie("__Host-s", "b", o), "");
  EXPECT_NE(format_set_cookie("__Secure-s", "b", o), "");
}

TEST(FormatSetCookie, RoundTripsThroughTheParser) {
  const auto header = format_set_cookie("thidua_csrf", "AbC-123_x.y~z", {});
  const auto cookie_part = header.substr(0, header.find(';'));
  EXPECT_EQ(find_cookie(cookie_part, "thidua_csrf"), "AbC-123_x.y~z");
}

}  // namespace
}  // namespace thidua::http
