#pragma once
/// Small cryptographic helpers over libsodium.

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

}  // namespace thidua::services
