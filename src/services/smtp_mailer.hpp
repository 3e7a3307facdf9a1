#pragma once
/// E-mail over SMTP through libcurl (issue 7 reminders): no protocol code of our own. TLS:
/// "starttls" (submission, port 587), "implicit" (smtps, port 465) or "none" (a relay on the
/// same host, or a test server). The password comes from THIDUA_SMTP_PASSWORD only and is
/// never logged.

#include <atomic>
#include <string>

#include "services/mailer.hpp"

namespace thidua::services {

struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string tls = "starttls";  ///< starttls / implicit / none
  std::string user;
  std::string password;
  std::string from;               ///< the sender's address
  std::string from_name = "Thi đua - Khen thưởng";
  long timeout_seconds = 30;
};

class SmtpMailer : public Mailer {
 public:
  /// `stop`, when given, aborts a transfer in progress once set (the server is shutting down).
  explicit SmtpMailer(SmtpSettings settings, const std::atomic<bool>* stop = nullptr);
  Result<void> send(const MailMessage& message) override;

 private:
  SmtpSettings s_;
  const std::atomic<bool>* stop_;
};

/// "=?UTF-8?B?…?=" words for a header value that is not plain ASCII (RFC 2047), folded so no
/// encoded word is longer than 75 characters and no character is split between two words.
std::string rfc2047(const std::string& utf8);

/// The whole message as sent: headers (From, To, Subject, Date, Message-ID, MIME) and the
/// body in base64 UTF-8, lines ending in CRLF.
std::string mail_text(const MailMessage& m, const std::string& from, const std::string& from_name,
                      const std::string& date_rfc5322, const std::string& message_id);

}  // namespace thidua::services
