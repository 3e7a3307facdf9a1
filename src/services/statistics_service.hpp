#pragma once
/// The statutory statistical forms of Circular 02/2023/TT-BNV that an agency reports to the
/// provincial Home Affairs department (Ban Thi đua - Khen thưởng), and the province mode's
/// totals across the agencies under an authority (issue 7).
///
/// Forms (computed from the register, never typed):
///  - 0601.N/BNV-TĐKT: emulation movements by launching level (and so scope), by nature
///    (regular / thematic) and duration (thematic: short under a year, long from a year);
///  - 0602.N/BNV-TĐKT: emulation titles (danh hiệu thi đua) by level and subject;
///  - 0603.N/BNV-TĐKT: forms of commendation (hình thức khen thưởng) by level and subject.
/// The statistical year runs from 15 December of the year before to 14 December (the cut-off
/// of periodic administrative reports), and the form is due on 15 December. A breakdown the
/// register does not hold (leaders and managers, ethnic minorities) is an empty column with a
/// footnote, never a number made up. The row and column layout was designed from the
/// Circular's description and is marked as such in each form's notes (`unverified`).
///
/// Rights: the agency's Office, leaders, council and administrator, and the authority above
/// it; the province totals and the province-wide forms: an authority, over the agencies whose
/// parent it is.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/award.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/report.hpp"
#include "domain/role.hpp"
#include "storage/database.hpp"

namespace thidua::services {

enum class StatFormCode { f0601, f0602, f0603 };
inline constexpr StatFormCode kStatForms[] = {StatFormCode::f0601, StatFormCode::f0602, StatFormCode::f0603};
/// "0601" / "0602" / "0603".
std::string_view to_string(StatFormCode f);
/// Accepts "0601", "0601.N/BNV-TĐKT" and the like.
std::optional<StatFormCode> parse_stat_form(std::string_view s);
/// The report kind a sending of the form is recorded under.
ReportKind report_kind_of(StatFormCode f);

/// A heading cell over `span` value columns.
struct StatHeading {
  std::string text;
  int span = 1;
};

/// One line (chỉ tiêu) of a form. A section line has a label only.
struct StatRow {
  std::string label;
  std::string code;  ///< mã số "01"; empty for a section line
  bool section = false;
  bool bold = false;
  int indent = 0;
  /// One per value column; none: not recorded in the register (printed empty, see notes).
  std::vector<std::optional<long long>> values;
};

struct StatisticalForm {
  StatFormCode form = StatFormCode::f0601;
  std::string form_code;  ///< "0601.N/BNV-TĐKT"
  std::string circular;   ///< "Ban hành kèm theo Thông tư số 02/2023/TT-BNV …"
  std::string title;      ///< "SỐ PHONG TRÀO THI ĐUA"
  std::string name;       ///< the same in sentence case, for lists: "Số phong trào thi đua"
  int year = 0;
  std::string period_from;  ///< ISO, the statistical year's first day
  std::string period_to;    ///< ISO, its last day
  std::string due;          ///< "15/12/2025"
  std::string reporting_unit;
  std::string receiving_unit;
  std::optional<std::int64_t> receiving_agency_id;  ///< the parent authority on this installation
  /// The heading over the value columns: groups (spans adding up to the number of value
  /// columns), then each column's own heading.
  std::vector<StatHeading> groups;
  std::vector<std::string> columns;
  std::vector<StatRow> rows;
  std::vector<std::string> footnotes;   ///< "(1) …": why a column is empty
  std::vector<std::string> unverified;  ///< what of the layout could not be checked against the Circular
  std::vector<Agency> agencies;         ///< the agencies summed (one for an agency's own form)

  /// "0601-2025-BDT.xlsx" and the like.
  std::string file_name(std::string_view ext) const;
};

/// One agency's line of the province totals (or the total line).
struct AgencyTotals {
  Agency agency;
  long long movements = 0;  ///< launched and running in the year
  long long movements_agency = 0;
  long long movements_province = 0;
  long long movements_national = 0;
  long long achievements = 0;  ///< verified, of the year
  long long cash_vnd = 0;
  long long goods_vnd = 0;
  long long workdays = 0;
  long long land_m2 = 0;
  long long initiatives = 0;  ///< recognised in the year
  long long awards = 0;       ///< decided in the year, in force
};

struct ClusterTemplateRef {
  std::int64_t template_id = 0;
  std::string title;
  Agency agency;  ///< whose evaluation holds it
};

struct ProvinceTotals {
  Agency authority;
  int year = 0;
  std::vector<AgencyTotals> agencies;  ///< by code
  AgencyTotals total;
  std::vector<std::pair<AwardForm, long long>> awards_by_form;  ///< forms with any, in all_award_forms() order
  std::vector<ClusterTemplateRef> clusters;
};

class StatisticsService {
 public:
  StatisticsService(std::shared_ptr<storage::Database> db, Clock clock = system_clock());

  /// The form of one agency for a statistical year (0: this year). not_found for an agency
  /// the actor cannot oversee; validation statistics.year_invalid for a year out of range.
  Result<StatisticalForm> form(const Principal& actor, std::int64_t agency_id, StatFormCode f, int year);
  /// The same summed over the agencies under the actor's authority.
  Result<StatisticalForm> province_form(const Principal& actor, StatFormCode f, int year);
  /// Totals across the agencies under the actor's authority: forbidden without one.
  Result<ProvinceTotals> province_totals(const Principal& actor, int year);
  /// The authority agency the actor holds (the first authority grant); none: not in province mode.
  static std::optional<std::int64_t> authority_of(const Principal& actor);

  /// The form as files: an XLSX (one sheet) and a PDF (A4 landscape).
  static Result<std::string> form_xlsx(const StatisticalForm& f);
  static Result<std::string> form_pdf(const StatisticalForm& f);
  /// The province totals as an XLSX: per agency, awards by form, and the three forms summed.
  static Result<std::string> totals_xlsx(const ProvinceTotals& t, const std::vector<StatisticalForm>& forms);

 private:
  std::shared_ptr<storage::Database> db_;
  Clock clock_;
};

}  // namespace thidua::services
