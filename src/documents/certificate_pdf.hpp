#pragma once
/// Certificates (Giấy khen, and the certificates of titles) as PDF, one A4 landscape page
/// each: on plain paper with the whole design (a decorative double border, the national name
/// and motto, the agency head's title, the heading, the name in large type, the unit, the
/// achievement, place and date, the decision, the signer, the QR code with its verification
/// code), or on an agency's pre-printed blank, where only the variable fields are printed at
/// the positions of its CertificateLayout. Text is set with Pango in Liberation Serif at 72 dpi
/// as the other writers do.

#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/error.hpp"

namespace thidua::documents {

struct CertificateSheet {
  std::string national_name = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  std::string motto = "Độc lập - Tự do - Hạnh phúc";
  std::string head_title;     ///< "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG"
  std::string heading;        ///< "GIẤY KHEN", "GIẤY CHỨNG NHẬN"
  std::string title_line;     ///< for a title: "Danh hiệu “Lao động tiên tiến” năm 2025"; may be empty
  std::string name;           ///< "Ông Nông Văn Chiến"
  std::string unit;           ///< "Phòng Chính sách Dân tộc"; may be empty
  std::string achievement;    ///< "Đã có thành tích …"
  std::string place_date;     ///< "Cao Bằng, ngày 15 tháng 11 năm 2025"
  std::string decision_line;  ///< "Quyết định số 12/QĐ-BDT ngày 15/11/2025"
  std::string signer_mark;    ///< "KT. TRƯỞNG BAN"
  std::string signer_title;   ///< "PHÓ TRƯỞNG BAN"
  std::string signer_name;
  std::string code_line;      ///< "Mã xác thực: ABCDE-FGHJK"
  std::string qr_text;        ///< the verification URL the QR encodes
};

enum class CertificatePaper { plain, preprinted };

struct CertificateOptions {
  CertificatePaper paper = CertificatePaper::plain;
  CertificateLayout layout;  ///< for preprinted paper
  /// Preprinted: also draw a light frame and crosses at each field's position (the sample
  /// print that checks the layout against a blank held to the light).
  bool guides = false;
  std::string created;  ///< "YYYY-MM-DDThh:mm:ss" written into the file; empty: 2000-01-01
  std::string author;
};

/// One page per sheet, in order. Errors: internal when the font is missing or cairo fails;
/// validation when there is no sheet.
Result<std::string> write_certificates_pdf(const std::vector<CertificateSheet>& sheets,
                                           const CertificateOptions& options);

}  // namespace thidua::documents
