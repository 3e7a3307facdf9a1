#include "web/views.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/app.hpp"
#include "web/pages.hpp"

namespace thidua::web {
namespace {

// ---- safe_next -----------------------------------------------------------------------------

TEST(SafeNext, AcceptsPathsOnThisSite) {
  EXPECT_EQ(safe_next("/admin/users"), "/admin/users");
  EXPECT_EQ(safe_next("/"), "/");
  EXPECT_EQ(safe_next("/admin/users?page=2&q=h%C3%A0"), "/admin/users?page=2&q=h%C3%A0");
  EXPECT_EQ(safe_next("/a/b#frag"), "/a/b#frag");
}

TEST(SafeNext, RejectsOtherHosts) {
  EXPECT_EQ(safe_next("//evil.com"), "/");
  EXPECT_EQ(safe_next("//evil.com/admin"), "/");
  EXPECT_EQ(safe_next("/\\evil.com"), "/");
  EXPECT_EQ(safe_next("/\\/evil.com"), "/");
  EXPECT_EQ(safe_next("https://x"), "/");
  EXPECT_EQ(safe_next("http://evil.com/"), "/");
  EXPECT_EQ(safe_next("javascript:alert(1)"), "/");
  EXPECT_EQ(safe_next("javascript:"), "/");
  EXPECT_EQ(safe_next("evil.com"), "/");
  EXPECT_EQ(safe_next("\\\\evil.com"), "/");
}

TEST(SafeNext, RejectsBackslashesAndControlCharactersAnywhere) {
  // Browsers treat '\' as '/' and drop tab/newline from URLs: "/\t/evil.com" is "//evil.com".
  EXPECT_EQ(safe_next("/\t/evil.com"), "/");
  EXPECT_EQ(safe_next("/\n/evil.com"), "/");
  EXPECT_EQ(safe_next("/a\\b"), "/");
  EXPECT_EQ(safe_next(std::string("/a\0b", 4)), "/");
}

TEST(SafeNext, RejectsEmptyAndOverlongValues) {
  EXPECT_EQ(safe_next(""), "/");
  EXPECT_EQ(safe_next("/" + std::string(600, 'a')), "/");
}

// ---- html_escape ---------------------------------------------------------------------------

TEST(HtmlEscape, EscapesTheFiveCharacters) {
  EXPECT_EQ(html_escape(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(html_escape("Hà Nội"), "Hà Nội");
  EXPECT_EQ(html_escape(""), "");
}

// ---- Views: the login page in both languages ------------------------------------------------

class ViewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cat = app::load_catalogue();
    ASSERT_TRUE(cat.has_value()) << cat.error().detail;
    catalogue_ = *cat;
    auto files = std::make_shared<const http::StaticFiles>(http::StaticFiles::from_resources("static/"));
    auto views = Views::create(catalogue_, files);
    ASSERT_TRUE(views.has_value()) << views.error().detail;
    deps_.views = *views;
  }

  http::Response login_page(text::Lang lang, std::string query = {}) {
    http::Request req;
    req.method = "GET";
    req.path = "/login";
    req.query = std::move(query);
    req.target = "/login" + (req.query.empty() ? "" : "?" + req.query);
    http::Context ctx(req, *catalogue_);
    ctx.lang = lang;
    ctx.csrf_token = "csrf-token-value";
    auto r = login_form(deps_, ctx);
    EXPECT_TRUE(r.has_value());
    return r ? *r : http::Response{};
  }

  std::shared_ptr<const text::Catalogue> catalogue_;
  WebDeps deps_;
};

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

TEST_F(ViewsTest, LoginPageInVietnamese) {
  auto r = login_page(text::Lang::vi);
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(contains(r.body, "<html lang=\"vi\">")) << r.body.substr(0, 200);
  EXPECT_TRUE(contains(r.body, "Đăng nhập"));
  EXPECT_TRUE(contains(r.body, "Mật khẩu"));
  EXPECT_FALSE(contains(r.body, "Password"));
  EXPECT_TRUE(contains(r.body, "csrf-token-value"));
}

TEST_F(ViewsTest, LoginPageInEnglish) {
  auto r = login_page(text::Lang::en);
  EXPECT_EQ(r.status, 200u);
  EXPECT_TRUE(contains(r.body, "<html lang=\"en\">")) << r.body.substr(0, 200);
  EXPECT_TRUE(contains(r.body, "Sign in"));
  EXPECT_TRUE(contains(r.body, "Password"));
  EXPECT_FALSE(contains(r.body, "Mật khẩu"));
  // The language switch offers the other language.
  EXPECT_TRUE(contains(r.body, "name=\"lang\" value=\"vi\""));
}

TEST_F(ViewsTest, NoTemplateMarkersLeft) {
  for (auto lang : {text::Lang::vi, text::Lang::en}) {
    auto r = login_page(lang);
    EXPECT_FALSE(contains(r.body, "[[")) << text::to_string(lang);
    EXPECT_FALSE(contains(r.body, "]]")) << text::to_string(lang);
    EXPECT_FALSE(contains(r.body, "{{")) << text::to_string(lang);
    EXPECT_FALSE(contains(r.body, "}}")) << text::to_string(lang);
    EXPECT_TRUE(contains(r.body, "</html>"));
  }
}

TEST_F(ViewsTest, LoginPageKeepsASafeNext) {
  auto ok = login_page(text::Lang::vi, "next=%2Fadmin%2Fusers");
  EXPECT_TRUE(contains(ok.body, "name=\"next\" value=\"/admin/users\"")) << ok.body;
  auto evil = login_page(text::Lang::vi, "next=%2F%2Fevil.com");
  EXPECT_FALSE(contains(evil.body, "evil.com"));
  EXPECT_TRUE(contains(evil.body, "name=\"next\" value=\"/\""));
}

TEST_F(ViewsTest, LoginPageNeverSendsBackToLoginOrLogout) {
  for (const char* q : {"next=%2Flogin", "next=%2Flogin%3Fnext%3D%2Fadmin", "next=%2Flogout"}) {
    auto r = login_page(text::Lang::vi, q);
    EXPECT_TRUE(contains(r.body, "name=\"next\" value=\"/\"")) << q;
  }
}

TEST_F(ViewsTest, RenderEscapesData) {
  mustache::data d;
  d.set("error", "<script>alert(1)</script>");
  auto html = deps_.views->render("pages/login", text::Lang::en, d);
  EXPECT_FALSE(contains(html, "<script>alert(1)</script>"));
  EXPECT_TRUE(contains(html, "&lt;script&gt;"));
}

TEST_F(ViewsTest, UnknownTemplateRendersAComment) {
  auto html = deps_.views->render("pages/none", text::Lang::vi, {});
  EXPECT_TRUE(contains(html, "missing template"));
}

}  // namespace
}  // namespace thidua::web
