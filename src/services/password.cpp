#include "services/password.hpp"

#include <sodium.h>

#include "services/crypto.hpp"

namespace thidua::services {

class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher& h) : h_(h) {
    std::unique_lock lock(h_.mu_);
    h_.cv_.wait(lock, [&] { return h_.running_ < h_.max_; });
    ++h_.running_;
  }
  ~Slot() {
    {
      std::lock_guard lock(h_.mu_);
      --h_.running_;
    }
    h_.cv_.notify_one();
  }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;

 private:
  PasswordHasher& h_;
};

std::optional<std::string> PasswordHasher::hash(const std::string& password) {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return std::nullopt;
  }
  return std::string(out);
}

bool PasswordHasher::verify(const std::string& encoded, const std::string& password) {
  Slot slot(*this);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

const std::string& PasswordHasher::dummy_hash() {
  std::call_once(dummy_once_, [&] { dummy_ = hash(random_token(16)).value_or(""); });
  return dummy_;
}

std::string generate_password() {
  return random_token(3) + "-" + random_token(3) + "-" + random_token(3);
}

std::string password_problem(const std::string& password) {
  // Count characters, not bytes: "Hà Nội" is 6 characters.
  std::size_t chars = 0;
  for (unsigned char c : password) chars += (c & 0xC0) != 0x80;
  if (chars < 10) return "password.too_short";
  if (chars > 256) return "password.too_long";
  bool letter = false, other = false;
  for (unsigned char c : password) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
      letter = true;
    } else {
      other = true;
    }
  }
  if (!letter || !other) return "password.too_simple";
  return {};
}

}  // namespace thidua::services
