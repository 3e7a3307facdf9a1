#pragma once
/// Award decisions (quyết định khen thưởng) of an agency and the proposals of higher awards to
/// the province (khen cao, Tờ trình): their statuses, their awardees, and the bonus that goes
/// with each award (a multiple of the base salary in force on the decision's date, both read
/// from rules/bonus/*.toml). Standard library only.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/award.hpp"

namespace thidua {

/// A decision is drafted, then issued (frozen: its awards enter the history and its
/// certificates are made), and may later be withdrawn (kept, with its number and history).
enum class DecisionStatus { draft, issued, withdrawn };
std::string_view to_string(DecisionStatus s);
std::optional<DecisionStatus> parse_decision_status(std::string_view s);

/// One awardee of a decision, as printed in its annex.
struct Awardee {
  std::int64_t id = 0;
  int position = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;
  std::string subject_name;  ///< "Ông Nông Văn Chiến" is printed from the name and kind
  std::string unit_name;     ///< a person's unit, or empty
  AwardForm form = AwardForm::certificate_of_merit;
  AwardBasis basis = AwardBasis::yearly;
  std::optional<std::int64_t> movement_id;
  std::string achievement;  ///< "Đã có thành tích xuất sắc trong …"; empty: the decision's title
  long long bonus = 0;      ///< đồng
  std::string bonus_note;   ///< "0,3 × 2.340.000 đ (Nghị định …)", or why there is none
  std::optional<std::int64_t> nomination_id;
};

struct Decision {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  int year = 0;       ///< the register's year: the decision date's
  int number = 0;     ///< in the agency's register of that year
  std::string symbol;  ///< "QĐ-BDT"
  std::string decision_date;  ///< ISO
  std::string place;          ///< "Cao Bằng"
  std::string header_parent;  ///< "UBND TỈNH CAO BẰNG"
  std::string header_agency;  ///< "BAN DÂN TỘC"
  std::string head_title;     ///< "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG": who decides (first line of the preamble)
  std::string title;          ///< "Về việc khen thưởng …"
  int award_year = 0;         ///< the year the achievements are for
  std::optional<std::int64_t> movement_id;
  std::string legal_bases;    ///< one "Căn cứ …;" a line
  std::string proposal;       ///< "Xét đề nghị của Chánh Văn phòng …", the last preamble line
  std::string signer_mark;    ///< "KT. TRƯỞNG BAN"
  std::string signer_title;   ///< "PHÓ TRƯỞNG BAN"
  std::string signer_name;
  std::string recipients;     ///< one a line, without "- " and ";"
  std::string issuer;         ///< the agency's name when issued
  DecisionStatus status = DecisionStatus::draft;
  std::string issued_at;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<Awardee> awardees;

  long long total_bonus() const;
};

/// "12/QĐ-BDT".
std::string decision_ref(int number, std::string_view symbol);

// ---- bonuses ---------------------------------------------------------------------------------

/// The base salary in force from a date (to a date, or open).
struct BaseSalaryPeriod {
  std::string from;  ///< ISO
  std::string to;    ///< ISO, inclusive; empty: open
  long long amount = 0;
  std::string citation;
  bool verified = true;
};
/// A form's bonus for a kind of subject, in thousandths of the base salary (0,3 is 300).
struct BonusMultiple {
  AwardForm form = AwardForm::certificate_of_merit;
  AwardSubject subject = AwardSubject::person;
  long long thousandths = 0;
  bool verified = true;
};
/// The multiples of one decree with its period and rounding.
struct BonusRules {
  std::string code;
  std::string citation;
  std::string from;
  std::string to;
  long long round_up_to = 0;  ///< đồng; 0: none
  bool round_verified = true;
  std::vector<BonusMultiple> multiples;
};
struct BonusTables {
  std::vector<BaseSalaryPeriod> base_salary;
  std::vector<BonusRules> rules;
};
/// A bonus computed for an award on a date, with what it was computed from.
struct BonusQuote {
  long long amount = 0;
  long long thousandths = 0;
  long long base_salary = 0;
  std::string citation;
  bool verified = true;  ///< false when the multiple, the base salary or the rounding is unverified
};
/// The bonus of `form` for `subject` on `date` (ISO): none when no rule set or base salary is in
/// force then, or the rule set has no multiple for that form and subject.
std::optional<BonusQuote> compute_bonus(const BonusTables& tables, AwardForm form, AwardSubject subject,
                                        std::string_view date);
/// `amount` rounded up to the next multiple of `step` (step ≤ 0: unchanged).
long long round_up(long long amount, long long step);

// ---- higher awards -----------------------------------------------------------------------------

/// A proposal to the province: drafted, sent, returned for changes (then edited and sent
/// again), decided when the province's decision is recorded.
enum class HigherAwardStatus { draft, sent, returned, decided };
std::string_view to_string(HigherAwardStatus s);
std::optional<HigherAwardStatus> parse_higher_award_status(std::string_view s);
enum class HigherAwardEvent { send, give_back, decide };
/// The status after `event`, or none when the event does not apply.
std::optional<HigherAwardStatus> higher_award_next(HigherAwardStatus from, HigherAwardEvent event);
/// Only drafts and returned proposals are edited.
bool higher_award_editable(HigherAwardStatus s);

struct ProposedSubject {
  std::int64_t id = 0;
  AwardSubject subject = AwardSubject::person;
  std::int64_t subject_id = 0;
  std::string subject_name;
  std::string unit_name;
  std::string achievement;
};

struct HigherAward {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  int year = 0;
  AwardForm form = AwardForm::diploma_of_merit;
  AwardBasis basis = AwardBasis::yearly;
  int award_year = 0;
  std::string number;   ///< of the Tờ trình; may be empty in a draft
  std::string symbol;   ///< "TTr-BDT"
  std::string submission_date;
  std::string place;
  std::string header_parent;
  std::string header_agency;
  std::string addressee;  ///< "Ủy ban nhân dân tỉnh Cao Bằng" (Kính gửi)
  std::string title;      ///< "Về việc đề nghị tặng Bằng khen …"
  std::string body;       ///< paragraphs, one a line
  std::string signer_mark;
  std::string signer_title;
  std::string signer_name;
  std::string decider;    ///< who decides: "UBND tỉnh Cao Bằng" (the history's issuer)
  HigherAwardStatus status = HigherAwardStatus::draft;
  std::string province_number;  ///< "1234/QĐ-UBND"
  std::string province_date;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::vector<ProposedSubject> subjects;
};

}  // namespace thidua
