// The catalogues compiled into the binary: they load, both languages agree, every message a
// template or a user-facing error names exists.

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "assets/resources.hpp"
#include "http/static_files.hpp"
#include "web/views.hpp"

namespace thidua::app {
namespace {

std::shared_ptr<const text::Catalogue> catalogue() {
  auto c = load_catalogue();
  EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().detail);
  return c ? *c : nullptr;
}

TEST(EmbeddedCatalogue, Loads) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  EXPECT_GT(c->all(text::Lang::vi).size(), 50u);
  EXPECT_EQ(c->all(text::Lang::vi).size(), c->all(text::Lang::en).size());
  EXPECT_EQ(c->get(text::Lang::vi, "login.title"), "Đăng nhập");
  EXPECT_EQ(c->get(text::Lang::en, "login.title"), "Sign in");
}

TEST(EmbeddedCatalogue, EveryMessageIsTranslatedAndNotEmpty) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  for (const auto& [key, vi] : c->all(text::Lang::vi)) {
    EXPECT_FALSE(vi.empty()) << "vi " << key;
    EXPECT_FALSE(c->get(text::Lang::en, key).empty()) << "en " << key;
  }
}

TEST(EmbeddedCatalogue, PlaceholdersAgreeBetweenLanguages) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  auto placeholders = [](const std::string& s) {
    std::set<std::string> out;
    for (auto open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      auto close = s.find('}', open);
      if (close == std::string::npos) break;
      out.insert(s.substr(open, close - open + 1));
    }
    return out;
  };
  for (const auto& [key, vi] : c->all(text::Lang::vi)) {
    EXPECT_EQ(placeholders(vi), placeholders(c->get(text::Lang::en, key))) << key;
  }
}

TEST(EmbeddedCatalogue, EveryTemplateMessageExists) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  int templates = 0, keys = 0;
  for (const auto& r : embedded_resources()) {
    if (r.path.rfind("templates/", 0) != 0) continue;
    ++templates;
    for (auto open = r.data.find("[["); open != std::string_view::npos; open = r.data.find("[[", open + 2)) {
      auto close = r.data.find("]]", open);
      ASSERT_NE(close, std::string_view::npos) << r.path << ": unclosed [[";
      std::string key(r.data.substr(open + 2, close - open - 2));
      ++keys;
      EXPECT_EQ(c->all(text::Lang::vi).count(key), 1u) << r.path << ": " << key;
      EXPECT_EQ(c->all(text::Lang::en).count(key), 1u) << r.path << ": " << key;
    }
  }
  EXPECT_GE(templates, 5);  // base layout + login, home, admin_users, error
  EXPECT_GT(keys, 20);
}

TEST(EmbeddedCatalogue, ViewsCreateFromTheEmbeddedTemplates) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  auto files = std::make_shared<const http::StaticFiles>(http::StaticFiles::from_resources("static/"));
  auto views = web::Views::create(c, files);
  ASSERT_TRUE(views.has_value()) << views.error().detail;
  EXPECT_NE((*views)->render("pages/login", text::Lang::vi, {}).find("Đăng nhập"), std::string::npos);
}

TEST(EmbeddedCatalogue, ViewsCreateFailsOnAnUnknownTemplateMessage) {
  // The guard the test above relies on: a catalogue lacking a key a template uses stops start-up.
  auto small = text::Catalogue::create("x = \"x\"\n", "x = \"x\"\n");
  ASSERT_TRUE(small.has_value());
  auto files = std::make_shared<const http::StaticFiles>(http::StaticFiles::from_resources("static/"));
  auto views = web::Views::create(std::make_shared<const text::Catalogue>(std::move(*small)), files);
  ASSERT_FALSE(views.has_value());
  EXPECT_EQ(views.error().code, "template.unknown_message");
}

TEST(EmbeddedCatalogue, EveryUserFacingErrorCodeExists) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  // Codes that services, storage and the HTTP layer return with a kind other than internal:
  // the user reads them, so an untranslated key would show as "request.xyz".
  const char* codes[] = {
      "auth.account_disabled", "auth.bad_credentials", "auth.bad_token", "auth.forbidden",
      "auth.missing_credentials", "auth.required", "auth.session_expired", "auth.throttled",
      "agency.not_found", "backup.exists", "config.bad_listen", "config.invalid", "csrf.invalid",
      "db.bad_url", "db.duplicate", "db.retry", "edit.stale", "http.method_not_allowed", "http.not_found",
      "password.too_long", "password.too_short", "password.too_simple", "request.bad_content_type",
      "request.bad_encoding", "request.bad_json", "request.bad_multipart", "request.headers_too_large",
      "request.malformed", "request.too_large", "request.too_many_fields", "request.part_header_too_large",
      "request.too_many_parts", "user.agency_required", "user.login_invalid", "user.login_taken",
      "user.not_found", "user.role_invalid", "user.role_required", "validation.bad_utf8", "validation.invalid",
      "validation.required", "validation.too_long", "flash.success.signed_out", "flash.warning.session_expired",
  };
  for (const char* code : codes) {
    EXPECT_EQ(c->all(text::Lang::vi).count(code), 1u) << code;
  }
}

TEST(EmbeddedCatalogue, EveryEvaluationMessageExistsInBothLanguages) {
  auto c = catalogue();
  ASSERT_NE(c, nullptr);
  // The codes the evaluation domain and services refuse with (domain/evaluation.cpp,
  // services/evaluation_*.cpp), and the names pages will show.
  const char* codes[] = {
      "evaluation.not_found", "evaluation.template_not_found", "evaluation.sheet_not_found",
      "evaluation.office_only", "evaluation.closed", "evaluation.already_closed", "evaluation.already_open",
      "evaluation.template_exists", "evaluation.template_in_use", "evaluation.no_previous_template",
      "evaluation.cluster_not_applied", "evaluation.year_outside_period", "evaluation.subject_only",
      "evaluation.own_sheet", "evaluation.reviewer_only", "evaluation.status_invalid",
      "evaluation.ranking_forbidden", "evaluation.nothing_to_score", "evaluation.criterion_unknown",
      "evaluation.criterion_twice", "evaluation.criterion_computed", "evaluation.points_invalid",
      "evaluation.points_negative", "evaluation.points_above_max", "evaluation.reason_required",
      "evaluation.no_criteria", "evaluation.group_empty", "evaluation.max_positive", "evaluation.max_too_large",
      "evaluation.measure_unknown", "evaluation.per_unit_positive", "evaluation.thresholds_required",
      "evaluation.thresholds_ascending", "evaluation.threshold_above_max", "evaluation.threshold_negative",
      "evaluation.bands_descending", "evaluation.band_above_potential", "evaluation.band_negative",
      "evaluation.band_code_duplicate", "sheet_status.final", "score_round.unit_review", "criterion_kind.penalty",
      "eval_subject.cluster_agency", "evaluation_status.closed",
  };
  for (const char* code : codes) {
    EXPECT_EQ(c->all(text::Lang::vi).count(code), 1u) << code;
    EXPECT_EQ(c->all(text::Lang::en).count(code), 1u) << code;
  }
  EXPECT_EQ(c->get(text::Lang::vi, "evaluation.points_negative"), "Điểm không được nhỏ hơn 0.");
}

}  // namespace
}  // namespace thidua::app
