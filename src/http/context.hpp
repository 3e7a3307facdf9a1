#pragma once
/// What a handler gets: the request, route parameters, the signed-in user, the language,
/// the CSRF token to embed in forms, and a place to set cookies.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/role.hpp"
#include "http/message.hpp"
#include "http/parse/cookie.hpp"
#include "http/parse/form.hpp"
#include "http/parse/multipart.hpp"
#include "http/upload.hpp"
#include "text/catalogue.hpp"

namespace thidua::http {

inline constexpr const char* kSessionCookie = "thidua_session";
inline constexpr const char* kCsrfCookie = "thidua_csrf";
inline constexpr const char* kLangCookie = "thidua_lang";
inline constexpr const char* kFlashCookie = "thidua_flash";

/// The HTTP status for an error kind (the one mapping, used by pages and the API).
unsigned status_for(const Error& e);

class Context {
 public:
  Context(const Request& request, const text::Catalogue& catalogue) : req(request), catalogue_(catalogue) {}

  const Request& req;
  std::map<std::string, std::string, std::less<>> params;
  text::Lang lang = text::Lang::vi;
  std::optional<Principal> principal;
  std::string session_token;  ///< the cookie's token, when signed in by cookie
  std::string csrf_token;     ///< embed in every form and in <meta name="csrf-token">
  std::string flash;          ///< message key to show once, from the previous response
  bool cookie_secure = false;
  /// The data version (audit head) a handler already read, if any: the layout reuses values
  /// kept for it (the unread-notification count) instead of asking the database again.
  std::optional<std::int64_t> data_version;
  std::filesystem::path upload_dir;  ///< where upload_form() writes files (empty: system temp)

  /// The urlencoded body (parsed once); an error for malformed bodies.
  const Result<FormData>& form();
  /// The multipart/form-data body (parsed once); an error when it is not multipart.
  const Result<std::vector<Part>>& parts();
  /// The multipart/form-data body with its file parts in temporary files (removed at the
  /// end of the request unless adopted by the file store). On stream_upload routes the server
  /// has done this while reading; on other multipart routes it is done here, once, from the
  /// body in memory. An error when the body is not multipart (400) or breaks a limit (413).
  const Result<UploadForm>& upload_form();
  /// The query string (parsed once).
  const Result<FormData>& query();
  std::optional<std::string> cookie(std::string_view name) const;

  void set_cookie(std::string_view name, std::string_view value, CookieOptions options = {});
  void clear_cookie(std::string_view name);
  /// Shows `key` (a catalogue key under "flash.") once on the next page.
  void set_flash(std::string_view key);

  std::string t(std::string_view key) const { return catalogue_.get(lang, key); }
  std::string message(const Error& e) const { return catalogue_.format(lang, e.code, e.params); }
  /// A field's message of `e`, its placeholders filled from the error's parameters ("{max}").
  std::string field_message(const Error& e, const FieldError& f) const {
    return catalogue_.format(lang, f.code, e.params);
  }
  const text::Catalogue& catalogue() const { return catalogue_; }

  const std::vector<std::string>& cookies_to_set() const { return set_cookies_; }

 private:
  const text::Catalogue& catalogue_;
  std::optional<Result<FormData>> form_;
  std::optional<Result<FormData>> query_;
  std::optional<Result<std::vector<Part>>> parts_;
  std::optional<Result<UploadForm>> upload_;
  std::vector<std::string> set_cookies_;
};

}  // namespace thidua::http
