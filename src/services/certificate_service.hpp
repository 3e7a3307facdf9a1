#pragma once
/// Certificates of issued decisions: printed as PDF on plain paper or on the agency's
/// pre-printed blanks (one, or a whole decision as one batch), the layout of those blanks per
/// agency (with a sample print), and the public verification of a code: who, what form, which
/// decision, valid or withdrawn — nothing else of the agency. Lookups of unknown codes are
/// rate-limited per client address.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "documents/certificate_pdf.hpp"
#include "domain/certificate.hpp"
#include "domain/clock.hpp"
#include "domain/decision.hpp"
#include "domain/error.hpp"
#include "domain/role.hpp"
#include "services/throttle.hpp"
#include "storage/database.hpp"
#include "storage/decision_repo.hpp"

namespace thidua::services {

/// What the public page shows of a certificate.
struct CertificateCheck {
  std::string code;  ///< as printed: "ABCDE-FGHJK"
  AwardSubject subject = AwardSubject::person;
  std::string subject_name;
  std::string unit_name;
  AwardForm form = AwardForm::certificate_of_merit;
  std::string achievement;
  std::string decision_ref;
  std::string decision_date;  ///< ISO
  std::string issuer;
  bool valid = true;  ///< false: the decision was withdrawn
};

/// A layout as typed (millimetres, "12,5" or "12.5").
struct LayoutInput {
  std::string name_x, name_y, name_size, unit_x, unit_y, achievement_x, achievement_y, achievement_width, date_x,
      date_y, decision_x, decision_y, qr_x, qr_y, qr_size, text_size;
};

struct CertificateFile {
  std::string bytes;
  std::string file_name;
};

class CertificateService {
 public:
  /// `public_base_url` ("https://thidua.example.vn") prefixes /verify/<code> in the QR codes.
  CertificateService(std::shared_ptr<storage::Database> db, std::string public_base_url,
                     Clock clock = system_clock());

  /// Readers of the decision's agency. `certificate_id`: that one only; otherwise every
  /// certificate of the decision in one PDF. Refused while the decision is a draft.
  Result<CertificateFile> pdf(const Principal& actor, std::int64_t decision_id,
                              std::optional<std::int64_t> certificate_id, documents::CertificatePaper paper);
  Result<CertificateLayout> layout(const Principal& actor, std::int64_t agency_id);
  /// The Office; version-checked (0 for the first save).
  Result<CertificateLayout> save_layout(const Principal& actor, std::int64_t agency_id, std::int64_t version,
                                        const LayoutInput& input);
  /// A sample sheet on the agency's layout with guide crosses, to hold against a blank.
  Result<CertificateFile> sample(const Principal& actor, std::int64_t agency_id);

  /// Anyone, signed in or not. `client` keys the rate limit (the client's address): at most 20
  /// unknown codes in 10 minutes. Errors: not_found "certificate.code_unknown", rate_limited.
  Result<CertificateCheck> verify(const std::string& typed_code, const std::string& client);

  /// The verification URL of a code.
  std::string verify_url(const std::string& code) const;

  /// The sheets of certificates as printed (shared with the benchmark and the demo).
  static documents::CertificateSheet sheet_of(const storage::CertificateRow& c, const Decision& d,
                                              const std::string& url);

 private:
  std::shared_ptr<storage::Database> db_;
  std::string base_url_;
  Clock clock_;
  Throttle lookups_;
};

}  // namespace thidua::services
