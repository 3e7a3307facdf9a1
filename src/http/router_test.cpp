#include "http/router.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thidua::http {
namespace {

Route route(std::string method, std::string pattern, std::string summary) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.summary = std::move(summary);
  r.handler = [](Context&) -> Result<Response> { return Response::html("ok"); };
  return r;
}

Router sample() {
  Router r;
  r.add(route("GET", "/", "home"));
  r.add(route("GET", "/login", "login form"));
  r.add(route("POST", "/login", "login submit"));
  r.add(route("GET", "/api/v1/users", "list users"));
  r.add(route("POST", "/api/v1/users", "add user"));
  r.add(route("GET", "/api/v1/users/{login}", "get user"));
  r.add(route("POST", "/api/v1/users/{login}/password", "set password"));
  r.add(route("GET", "/api/v1/agencies/{code}/users/{login}", "agency user"));
  r.add(route("POST", "/logout", "logout"));
  return r;
}

TEST(Router, SplitsPatternsIntoSegments) {
  auto r = sample();
  ASSERT_EQ(r.routes().size(), 9u);
  EXPECT_TRUE(r.routes()[0]->segments.empty());
  EXPECT_EQ(r.routes()[5]->segments, (std::vector<std::string>{"api", "v1", "users", "{login}"}));
}

TEST(Router, MatchesTheRoot) {
  auto r = sample();
  auto m = r.match("GET", "/");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->summary, "home");
  EXPECT_TRUE(m.params.empty());
}

TEST(Router, MatchesLiteralPathsByMethod) {
  auto r = sample();
  auto get = r.match("GET", "/login");
  ASSERT_NE(get.route, nullptr);
  EXPECT_EQ(get.route->summary, "login form");
  auto post = r.match("POST", "/login");
  ASSERT_NE(post.route, nullptr);
  EXPECT_EQ(post.route->summary, "login submit");
  EXPECT_FALSE(post.method_mismatch);
}

TEST(Router, CapturesParameters) {
  auto r = sample();
  auto m = r.match("GET", "/api/v1/users/nguyen.van-a_1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->summary, "get user");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params.at("login"), "nguyen.van-a_1");

  auto two = r.match("GET", "/api/v1/agencies/BDT/users/lan");
  ASSERT_NE(two.route, nullptr);
  EXPECT_EQ(two.route->summary, "agency user");
  EXPECT_EQ(two.params.at("code"), "BDT");
  EXPECT_EQ(two.params.at("login"), "lan");

  auto nested = r.match("POST", "/api/v1/users/hoa/password");
  ASSERT_NE(nested.route, nullptr);
  EXPECT_EQ(nested.route->summary, "set password");
  EXPECT_EQ(nested.params.at("login"), "hoa");
}

TEST(Router, ParametersKeepDecodedText) {
  auto r = sample();
  auto m = r.match("GET", "/api/v1/users/Hà Nội");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("login"), "Hà Nội");
}

TEST(Router, ReportsAMethodMismatch) {
  auto r = sample();
  auto m = r.match("DELETE", "/api/v1/users/lan");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.method_mismatch);
  auto post_only = r.match("GET", "/logout");
  EXPECT_EQ(post_only.route, nullptr);
  EXPECT_TRUE(post_only.method_mismatch);
}

TEST(Router, MethodsAreCaseSensitive) {
  auto r = sample();
  auto m = r.match("get", "/login");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.method_mismatch);
}

TEST(Router, HeadMatchesGet) {
  auto r = sample();
  auto m = r.match("HEAD", "/api/v1/users/lan");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->summary, "get user");
  EXPECT_EQ(m.params.at("login"), "lan");
  EXPECT_FALSE(m.method_mismatch);
}

TEST(Router, HeadDoesNotMatchPost) {
  auto r = sample();
  auto m = r.match("HEAD", "/logout");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.method_mismatch);
}

TEST(Router, UnknownPathIsNotAMismatch) {
  auto r = sample();
  auto m = r.match("GET", "/nope");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.method_mismatch);
  EXPECT_TRUE(m.params.empty());
}

TEST(Router, ExtraTrailingSegmentsDoNotMatch) {
  auto r = sample();
  auto extra = r.match("GET", "/api/v1/users/lan/extra");
  EXPECT_EQ(extra.route, nullptr);
  EXPECT_FALSE(extra.method_mismatch);
  auto deeper = r.match("GET", "/login/x/y");
  EXPECT_EQ(deeper.route, nullptr);
  auto trailing_slash = r.match("GET", "/login/");
  EXPECT_EQ(trailing_slash.route, nullptr);
}

TEST(Router, MissingSegmentsDoNotMatch) {
  auto r = sample();
  EXPECT_EQ(r.match("GET", "/api/v1").route, nullptr);
  EXPECT_EQ(r.match("GET", "/api/v1/agencies/BDT/users").route, nullptr);
}

TEST(Router, ParameterMustNotBeEmpty) {
  auto r = sample();
  // "/api/v1/users/" has an empty last segment: it is neither the list nor a user.
  auto m = r.match("GET", "/api/v1/users/");
  EXPECT_EQ(m.route, nullptr);
  auto mid = r.match("POST", "/api/v1/users//password");
  EXPECT_EQ(mid.route, nullptr);
}

TEST(Router, LiteralsMustMatchExactly) {
  auto r = sample();
  EXPECT_EQ(r.match("GET", "/Login").route, nullptr);
  EXPECT_EQ(r.match("GET", "/api/v2/users").route, nullptr);
  EXPECT_EQ(r.match("GET", "/loginx").route, nullptr);
}

TEST(Router, FirstRouteThatFitsWins) {
  Router r;
  r.add(route("GET", "/users/new", "new form"));
  r.add(route("GET", "/users/{login}", "show"));
  r.add(route("POST", "/users/{login}", "update"));
  auto literal = r.match("GET", "/users/new");
  ASSERT_NE(literal.route, nullptr);
  EXPECT_EQ(literal.route->summary, "new form");
  EXPECT_TRUE(literal.params.empty());
  auto param = r.match("GET", "/users/lan");
  ASSERT_NE(param.route, nullptr);
  EXPECT_EQ(param.route->summary, "show");
  // A later route with the right method wins over an earlier mismatch, which is then forgotten.
  auto post = r.match("POST", "/users/new");
  ASSERT_NE(post.route, nullptr);
  EXPECT_EQ(post.route->summary, "update");
  EXPECT_EQ(post.params.at("login"), "new");
  EXPECT_FALSE(post.method_mismatch);
}

TEST(Router, EmptyRouterMatchesNothing) {
  Router r;
  auto m = r.match("GET", "/");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.method_mismatch);
}

}  // namespace
}  // namespace thidua::http
