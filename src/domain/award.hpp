#pragma once
/// The vocabulary of commendation (khen thưởng) shared by the rules engine, nominations, the
/// council, decisions and certificates: who can be commended (`AwardSubject`), the titles and
/// forms (`AwardForm`, codes as the glossary), what an award was for (`AwardBasis`), and an
/// award as it enters a subject's history (`AwardRecord`, imported or decided).
///
/// The conditions of each title live in rule-set data files (rules/commendation/), never here:
/// this file only says what a form is and who decides it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace thidua {

/// Who receives an award.
enum class AwardSubject { person, unit, household };

/// Emulation titles (danh hiệu thi đua) and forms of commendation (hình thức khen thưởng).
/// The first codes are those of `AwardAim` (record.hpp), so a pledge's aim names a form.
enum class AwardForm {
  advanced_worker,       ///< Lao động tiên tiến (LĐTT), yearly, person
  grassroots_fighter,    ///< Chiến sĩ thi đua cơ sở (CSTĐCS), yearly, person
  provincial_fighter,    ///< Chiến sĩ thi đua cấp tỉnh, person
  advanced_collective,   ///< Tập thể lao động tiên tiến (TTLĐTT), yearly, unit
  excellent_collective,  ///< Tập thể lao động xuất sắc (TTLĐXS), yearly, unit
  flag,                  ///< Cờ thi đua of the province (UBND tỉnh), unit
  certificate_of_merit,  ///< Giấy khen of the head of the agency: person, unit or household
  diploma_of_merit,      ///< Bằng khen of the Chairman of the provincial People's Committee
  national_fighter,      ///< Chiến sĩ thi đua toàn quốc, person
  government_flag,       ///< Cờ thi đua of the Government, unit
  pm_diploma,            ///< Bằng khen of the Prime Minister
};

/// A title (danh hiệu, yearly) or a form (hình thức khen thưởng).
enum class FormKind { title, form };
/// Who decides the form: the head of the agency, the province, or the State.
enum class FormLevel { agency, province, national };

/// What an award recognises (Law 2022 art. 8). Thematic and sudden awards are not a basis for a
/// merit proposal; yearly titles and movement awards are.
enum class AwardBasis { yearly, movement, thematic, sudden, merit, service };

/// Where a history entry came from.
enum class AwardSource { imported, decided };

std::string_view to_string(AwardSubject s);
std::optional<AwardSubject> parse_award_subject(std::string_view s);

std::string_view to_string(AwardForm f);
std::optional<AwardForm> parse_award_form(std::string_view s);
std::span<const AwardForm> all_award_forms();
FormKind form_kind(AwardForm f);
FormLevel form_level(AwardForm f);
/// True when the form can be given to that kind of subject.
bool form_fits(AwardForm f, AwardSubject s);

std::string_view to_string(AwardBasis b);
std::optional<AwardBasis> parse_award_basis(std::string_view s);
/// True when an award of this basis may count towards a merit (công trạng) proposal.
bool basis_counts_for_merit(AwardBasis b);

std::string_view to_string(AwardSource s);
std::optional<AwardSource> parse_award_source(std::string_view s);

/// An award in a subject's history (table `award`). Decided awards carry the decision's id;
/// imported ones only its number, date and issuer as typed from the paper record.
struct AwardRecord {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;     ///< person, unit or household id
  std::string subject_name;        ///< as on the decision (people and units change names)
  AwardForm form = AwardForm::certificate_of_merit;
  AwardBasis basis = AwardBasis::yearly;
  int year = 0;                    ///< the year the achievement is for
  std::optional<std::int64_t> movement_id;
  std::string decision_ref;        ///< "Số: 12/QĐ-BDT"
  std::string decision_date;       ///< YYYY-MM-DD
  std::string issuer;              ///< "Ban Dân tộc tỉnh Cao Bằng", "UBND tỉnh Cao Bằng"
  AwardSource source = AwardSource::imported;
  std::optional<std::int64_t> decision_id;  ///< decided here: the decision register's row
  std::string note;
};

}  // namespace thidua
