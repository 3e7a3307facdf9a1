// Rule files are refused as a whole when malformed, with the file and the key named.

#include <string>

#include <gtest/gtest.h>

#include "services/rule_set_files.hpp"

namespace thidua::services {
namespace {

const char* kGood = R"(code = "test"
name = "Thử"
layer = "national"
in_force_from = 2024-01-01
citation = "Luật"
[council]
quorum = "2/3"
[[rule]]
form = "advanced_worker"
subject = "person"
citation = "Điều 24"
  [[rule.condition]]
  type = "rating_at_least"
  rating = "good"
  citation = "Điều 24 khoản 1"
)";

std::string param(const Error& e, const std::string& name) {
  for (const auto& [k, v] : e.params) {
    if (k == name) return v;
  }
  return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(RuleSetFiles, ShippedFilesParse) {
  auto layers = commendation_rule_layers();
  ASSERT_TRUE(layers.has_value()) << layers.error().detail;
  EXPECT_EQ((*layers)->size(), 4u);
  for (const auto& l : **layers) EXPECT_FALSE(l.rules.empty()) << l.code;
}

TEST(RuleSetFiles, AGoodFileParses) {
  auto l = parse_rule_file(kGood, "rules/commendation/test.toml");
  ASSERT_TRUE(l.has_value()) << l.error().detail;
  EXPECT_EQ(l->rules.size(), 1u);
  EXPECT_EQ(l->quorum->text(), "2/3");
}

struct Bad {
  const char* from;
  const char* to;
  const char* key;
};

TEST(RuleSetFiles, MalformedFilesNameFileAndKey) {
  const Bad cases[] = {
      {"type = \"rating_at_least\"", "type = \"rating_at_most\"", "rule[0].condition[0].type"},
      {"form = \"advanced_worker\"", "form = \"golden_star\"", "rule[0].form"},
      {"rating = \"good\"", "rating = \"great\"", "rule[0].condition[0].rating"},
      {"subject = \"person\"", "subject = \"unit\"", "rule[0].subject"},
      {"quorum = \"2/3\"", "quorum = \"3/2\"", "council.quorum"},
      {"citation = \"Điều 24 khoản 1\"", "citation = \"\"", "rule[0].condition[0].citation"},
      {"rating = \"good\"", "rating = \"good\"\n  colour = \"red\"", "rule[0].condition[0].colour"},
      {"in_force_from = 2024-01-01", "in_force_from = \"01/01/2024\"", "in_force_from"},
      {"layer = \"national\"", "layer = \"district\"", "layer"},
  };
  for (const auto& c : cases) {
    auto l = parse_rule_file(replaced(kGood, c.from, c.to), "rules/commendation/test.toml");
    ASSERT_FALSE(l.has_value()) << c.to;
    EXPECT_EQ(l.error().kind, ErrorKind::validation);
    EXPECT_EQ(l.error().code, "rule_set.bad_file");
    EXPECT_EQ(param(l.error(), "file"), "rules/commendation/test.toml");
    EXPECT_EQ(param(l.error(), "key"), c.key) << c.to;
  }
  auto broken = parse_rule_file("code = \"x\"\nname = ", "broken.toml");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(param(broken.error(), "key"), "line 2");
}

}  // namespace
}  // namespace thidua::services
