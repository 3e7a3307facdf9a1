// SMTP through libcurl: the message is built here, the protocol is libcurl's.

#include "services/smtp_mailer.hpp"

#include <chrono>
#include <cstring>
#include <ctime>
#include <mutex>

#include <curl/curl.h>
#include <sodium.h>

#include "services/crypto.hpp"

namespace thidua::services {

namespace {

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool ascii_printable(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/// Drops CR and LF so a value cannot add a header.
std::string one_line(std::string s) {
  for (auto& c : s) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

std::string rfc5322_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

std::size_t read_cb(char* ptr, std::size_t size, std::size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  std::size_t len = std::min(size * n, u->data.size() - u->pos);
  std::memcpy(ptr, u->data.data() + u->pos, len);
  u->pos += len;
  return len;
}

int progress_cb(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* stop = static_cast<const std::atomic<bool>*>(user);
  return stop && stop->load() ? 1 : 0;
}

std::once_flag curl_once;

}  // namespace

std::string rfc2047(const std::string& utf8) {
  if (ascii_printable(utf8)) return utf8;
  // 45 bytes of text → 60 base64 characters, + 12 of "=?UTF-8?B?…?=" stays under 75.
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t end = std::min(utf8.size(), i + 45);
    while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;  // whole characters
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(utf8).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string mail_text(const MailMessage& m, const std::string& from, const std::string& from_name,
                      const std::string& date_rfc5322, const std::string& message_id) {
  std::string h;
  h += "Date: " + date_rfc5322 + "\r\n";
  h += "From: " + rfc2047(one_line(from_name)) + " <" + one_line(from) + ">\r\n";
  h += "To: " + (m.to_name.empty() ? "" : rfc2047(one_line(m.to_name)) + " ") + "<" + one_line(m.to) + ">\r\n";
  h += "Subject: " + rfc2047(one_line(m.subject)) + "\r\n";
  h += "Message-ID: <" + message_id + ">\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=UTF-8\r\n";
  h += "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string b = base64(m.body);
  for (std::size_t i = 0; i < b.size(); i += 76) h += b.substr(i, 76) + "\r\n";
  return h;
}

SmtpMailer::SmtpMailer(SmtpSettings settings, const std::atomic<bool>* stop) : s_(std::move(settings)), stop_(stop) {
  std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<void> SmtpMailer::send(const MailMessage& message) {
  if (s_.host.empty() || s_.from.empty()) return fail(ErrorKind::internal, "smtp.not_configured", "smtp.host or smtp.from is empty");
  CURL* curl = curl_easy_init();
  if (!curl) return fail(ErrorKind::internal, "smtp.failed", "curl_easy_init failed");
  const bool implicit = s_.tls == "implicit";
  const std::string url = std::string(implicit ? "smtps://" : "smtp://") + s_.host + ":" + std::to_string(s_.port);
  const std::string domain = s_.from.substr(s_.from.find('@') + 1);
  Upload up{mail_text(message, s_.from, s_.from_name, rfc5322_now(), random_token(18) + "@" + domain), 0};
  const std::string from = "<" + s_.from + ">", to = "<" + message.to + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, s_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (s_.tls == "starttls") curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!s_.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s_.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, stop_);
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return fail(ErrorKind::internal, "smtp.failed", curl_easy_strerror(rc));
  return {};
}

}  // namespace thidua::services
