#include "text/catalogue.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thidua::text {
namespace {

constexpr const char* kVi = R"(
internal = "Lỗi"
[auth]
throttled = "Thử lại sau {minutes} phút."
[flash.success]
signed_out = "Đã đăng xuất."
[greet]
twice = "{name} và {name}"
two = "{a}-{b}"
)";

constexpr const char* kEn = R"(
internal = "Error"
[auth]
throttled = "Try again in {minutes} minutes."
[flash.success]
signed_out = "Signed out."
[greet]
twice = "{name} and {name}"
two = "{a}-{b}"
)";

Catalogue make() {
  auto c = Catalogue::create(kVi, kEn);
  EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().detail);
  return c ? std::move(*c) : Catalogue{};
}

TEST(Lang, ParsesAndPrints) {
  EXPECT_EQ(parse_lang("en"), Lang::en);
  EXPECT_EQ(parse_lang("vi"), Lang::vi);
  EXPECT_EQ(parse_lang(""), Lang::vi);
  EXPECT_EQ(parse_lang("fr"), Lang::vi);
  EXPECT_EQ(parse_lang("EN"), Lang::vi);
  EXPECT_EQ(to_string(Lang::vi), "vi");
  EXPECT_EQ(to_string(Lang::en), "en");
}

TEST(Catalogue, NestedTablesBecomeDottedKeys) {
  auto c = make();
  EXPECT_EQ(c.get(Lang::vi, "internal"), "Lỗi");
  EXPECT_EQ(c.get(Lang::en, "internal"), "Error");
  EXPECT_EQ(c.get(Lang::vi, "flash.success.signed_out"), "Đã đăng xuất.");
  EXPECT_EQ(c.get(Lang::en, "flash.success.signed_out"), "Signed out.");
  EXPECT_EQ(c.all(Lang::vi).size(), 5u);
  EXPECT_EQ(c.all(Lang::en).size(), 5u);
  EXPECT_EQ(c.all(Lang::en).count("auth.throttled"), 1u);
}

TEST(Catalogue, CreateRejectsAKeyMissingInEnglish) {
  auto c = Catalogue::create("a = \"A\"\nb = \"B\"\n", "a = \"A\"\n");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "catalogue.missing");
  EXPECT_NE(c.error().detail.find("b"), std::string::npos) << c.error().detail;
}

TEST(Catalogue, CreateRejectsAKeyMissingInVietnamese) {
  auto c = Catalogue::create("[x]\na = \"A\"\n", "[x]\na = \"A\"\nb = \"B\"\n");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "catalogue.missing");
  EXPECT_NE(c.error().detail.find("x.b"), std::string::npos) << c.error().detail;
}

TEST(Catalogue, CreateRejectsInvalidToml) {
  auto c = Catalogue::create("a = \"unterminated\n", "a = \"A\"\n");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().code, "catalogue.invalid");
}

TEST(Catalogue, FormatFillsParameters) {
  auto c = make();
  EXPECT_EQ(c.format(Lang::vi, "auth.throttled", {{"minutes", "15"}}), "Thử lại sau 15 phút.");
  EXPECT_EQ(c.format(Lang::en, "auth.throttled", {{"minutes", "15"}}), "Try again in 15 minutes.");
  EXPECT_EQ(c.format(Lang::en, "greet.two", {{"b", "2"}, {"a", "1"}}), "1-2");
}

TEST(Catalogue, FormatFillsEveryOccurrence) {
  auto c = make();
  EXPECT_EQ(c.format(Lang::en, "greet.twice", {{"name", "Lan"}}), "Lan and Lan");
}

TEST(Catalogue, FormatDoesNotReexpandValues) {
  auto c = make();
  // A value that looks like a placeholder is inserted literally, once (and never loops).
  EXPECT_EQ(c.format(Lang::en, "greet.twice", {{"name", "{name}"}}), "{name} and {name}");
  EXPECT_EQ(c.format(Lang::en, "greet.twice", {{"name", "{name}{name}"}}), "{name}{name} and {name}{name}");
}

TEST(Catalogue, FormatLeavesUnknownPlaceholdersVisible) {
  auto c = make();
  EXPECT_EQ(c.format(Lang::en, "auth.throttled", {}), "Try again in {minutes} minutes.");
  EXPECT_EQ(c.format(Lang::en, "auth.throttled", {{"other", "x"}}), "Try again in {minutes} minutes.");
}

TEST(Catalogue, UnknownKeyReturnsTheKey) {
  auto c = make();
  EXPECT_EQ(c.get(Lang::vi, "no.such.key"), "no.such.key");
  EXPECT_EQ(c.get(Lang::en, "auth"), "auth");  // a table, not a message
  EXPECT_EQ(c.format(Lang::en, "no.such.key", {{"x", "1"}}), "no.such.key");
}

TEST(Catalogue, UnknownKeyLookupsStayValidSideBySide) {
  auto c = make();
  // get() returns a reference; for known keys it stays valid for the catalogue's life, so
  // callers hold two at once (e.g. `t("a") + " " + t("b")`). Unknown keys must behave alike.
  const std::string& first = c.get(Lang::vi, "missing.first");
  const std::string& second = c.get(Lang::vi, "missing.second");
  EXPECT_EQ(first, "missing.first");
  EXPECT_EQ(second, "missing.second");
}

}  // namespace
}  // namespace thidua::text
