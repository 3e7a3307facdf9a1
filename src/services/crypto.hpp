#pragma once
/// Small cryptographic helpers over libsodium.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace thidua::services {

/// Initialises libsodium; call once at start-up (safe to call again).
bool crypto_init();
/// `bytes` random bytes as unpadded base64url text.
std::string random_token(std::size_t bytes = 32);
/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);
/// Constant-time comparison of two strings.
bool equal_constant_time(std::string_view a, std::string_view b);

/// SHA-256 of data that arrives in pieces (an upload written to disk as it comes).
class Sha256Stream {
 public:
  Sha256Stream();
  void update(std::string_view data);
  /// Lower-case hex of everything given so far; the stream is spent afterwards.
  std::string hex_final();

 private:
  // libsodium's crypto_hash_sha256_state (104 bytes), kept opaque so that this header does
  // not pull in sodium.h; crypto.cpp checks the size.
  alignas(8) std::array<unsigned char, 128> state_{};
};

}  // namespace thidua::services
