#pragma once
/// Errors are values of a closed set of kinds (house style §6). A message key (`code`) is
/// translated at the edge (HTML, JSON, CLI) from the vi/en catalogue; `params` fill its
/// placeholders and `fields` carry per-field messages for forms.

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace thidua {

enum class ErrorKind {
  validation,    ///< the input is wrong; the user can fix it (400/422)
  not_found,     ///< no such thing, or not visible to this user (404)
  conflict,      ///< duplicate or stale version (409)
  forbidden,     ///< signed in but not allowed (403)
  unauthorized,  ///< not signed in, bad credentials, expired session (401)
  rate_limited,  ///< too many attempts; try later (429)
  too_large,     ///< body or file larger than allowed (413)
  internal,      ///< a bug or infrastructure failure; details go to the log only (500)
};

const char* to_string(ErrorKind kind);

struct FieldError {
  std::string field;
  std::string code;  ///< message key
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;  ///< message key, e.g. "auth.bad_credentials"
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<FieldError> fields;
  std::string detail;  ///< for the log, never shown to users

  Error& with(std::string name, std::string value) {
    params.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  Error& field(std::string name, std::string key) {
    fields.push_back({std::move(name), std::move(key)});
    return *this;
  }
};

template <class T>
using Result = tl::expected<T, Error>;

/// `return fail(ErrorKind::validation, "user.login_taken");`
inline tl::unexpected<Error> fail(ErrorKind kind, std::string code, std::string detail = {}) {
  return tl::unexpected<Error>(Error{kind, std::move(code), {}, {}, std::move(detail)});
}
inline tl::unexpected<Error> fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

}  // namespace thidua
