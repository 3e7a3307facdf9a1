#pragma once
/// Certificates (Giấy khen) and their verification codes. A code is ten characters of a
/// 32-letter alphabet without the look-alikes 0/O and 1/I, drawn from random bytes (50 bits:
/// unguessable at the verification page's rate limit), printed as "ABCDE-FGHJK". Standard
/// library only: the random bytes come from the caller.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace thidua {

inline constexpr std::string_view kCertificateAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr std::size_t kCertificateCodeLength = 10;

/// A code from `random` (at least kCertificateCodeLength bytes; each byte's low five bits pick a
/// letter, so every letter is equally likely).
std::string certificate_code_from(std::span<const std::uint8_t> random);
/// A code as typed ("abcde-fghjk", spaces, lower case) in its stored form, or none when it
/// cannot be one.
std::optional<std::string> normalize_certificate_code(std::string_view typed);
/// "ABCDE-FGHJK".
std::string display_certificate_code(std::string_view code);

/// Where the variable fields go on an agency's pre-printed blank (A4 landscape), in millimetres
/// from the top left corner; text sizes in points. The defaults suit the usual provincial blank.
struct CertificateLayout {
  double name_x = 148.5, name_y = 98, name_size = 26;  ///< the name, centred on name_x
  double unit_x = 148.5, unit_y = 112;                 ///< the unit, centred
  double achievement_x = 148.5, achievement_y = 124, achievement_width = 200;  ///< centred, wrapped
  double date_x = 210, date_y = 158;                   ///< place and date, centred
  double decision_x = 30, decision_y = 178;            ///< "Quyết định số …", left
  double qr_x = 30, qr_y = 150, qr_size = 22;          ///< the QR's top left and side
  double text_size = 15;
  std::int64_t version = 0;  ///< 0: the defaults, never saved
};

/// The field names of a layout that are out of the page (mm) or of sane sizes (pt), in order.
std::string layout_problem(const CertificateLayout& l);

}  // namespace thidua
