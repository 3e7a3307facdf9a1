#pragma once
/// Password hashing with argon2id (libsodium, interactive limits: ~55 ms and 64 MiB each).
/// At most `max_parallel` hashes run at once, so a burst of logins cannot exhaust memory;
/// callers beyond that wait their turn.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

namespace thidua::services {

class PasswordHasher {
 public:
  explicit PasswordHasher(std::size_t max_parallel = 2) : max_(max_parallel == 0 ? 1 : max_parallel) {}

  /// The encoded argon2id hash, or nullopt when memory could not be had.
  std::optional<std::string> hash(const std::string& password);
  bool verify(const std::string& encoded, const std::string& password);
  /// A valid hash of a random password, used to spend the same time on unknown logins.
  const std::string& dummy_hash();

 private:
  class Slot;
  std::size_t max_;
  std::size_t running_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::once_flag dummy_once_;
  std::string dummy_;
};

/// A generated password that always meets the rules: three groups of four random
/// characters joined by '-' (72 random bits), e.g. "k3Fq-Zp0a-Hw_2".
std::string generate_password();

/// Rules for a new password: at least 10 characters, not all of one kind. Returns the
/// message key of the first broken rule, or empty.
std::string password_problem(const std::string& password);

}  // namespace thidua::services
