#include "domain/certificate.hpp"

namespace thidua {

std::string certificate_code_from(std::span<const std::uint8_t> random) {
  std::string code;
  for (std::size_t i = 0; i < kCertificateCodeLength && i < random.size(); ++i) {
    code += kCertificateAlphabet[random[i] & 31u];
  }
  return code;
}

std::optional<std::string> normalize_certificate_code(std::string_view typed) {
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCertificateAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    code += c;
    if (code.size() > kCertificateCodeLength) return std::nullopt;
  }
  if (code.size() != kCertificateCodeLength) return std::nullopt;
  return code;
}

std::string display_certificate_code(std::string_view code) {
  if (code.size() != kCertificateCodeLength) return std::string(code);
  return std::string(code.substr(0, 5)) + "-" + std::string(code.substr(5));
}

std::string layout_problem(const CertificateLayout& l) {
  auto x_ok = [](double v) { return v >= 0 && v <= 297; };
  auto y_ok = [](double v) { return v >= 0 && v <= 210; };
  if (!x_ok(l.name_x)) return "name_x";
  if (!y_ok(l.name_y)) return "name_y";
  if (l.name_size < 8 || l.name_size > 72) return "name_size";
  if (!x_ok(l.unit_x)) return "unit_x";
  if (!y_ok(l.unit_y)) return "unit_y";
  if (!x_ok(l.achievement_x)) return "achievement_x";
  if (!y_ok(l.achievement_y)) return "achievement_y";
  if (l.achievement_width < 20 || l.achievement_width > 297) return "achievement_width";
  if (!x_ok(l.date_x)) return "date_x";
  if (!y_ok(l.date_y)) return "date_y";
  if (!x_ok(l.decision_x)) return "decision_x";
  if (!y_ok(l.decision_y)) return "decision_y";
  if (!x_ok(l.qr_x)) return "qr_x";
  if (!y_ok(l.qr_y)) return "qr_y";
  if (l.qr_size < 10 || l.qr_size > 60) return "qr_size";
  if (l.text_size < 8 || l.text_size > 36) return "text_size";
  return {};
}

}  // namespace thidua
