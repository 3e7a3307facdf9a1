#pragma once
/// Sending e-mail (issue 7 reminders). The reminder service writes plain messages; how they
/// leave the server is a Mailer: SMTP through libcurl (smtp_mailer), or a fake in tests.

#include <atomic>
#include <string>

#include "domain/error.hpp"

namespace thidua::services {

struct MailMessage {
  std::string to;         ///< one address
  std::string to_name;    ///< display name, UTF-8
  std::string subject;    ///< UTF-8 (encoded on the wire as RFC 2047)
  std::string body;       ///< plain text, UTF-8
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  /// Sends one message; an error says why (the caller logs it and tries again later).
  virtual Result<void> send(const MailMessage& message) = 0;
};

}  // namespace thidua::services
