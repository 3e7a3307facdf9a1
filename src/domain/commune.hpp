#pragma once
/// The communes an agency supports on the way to the new-rural standard (nông thôn mới):
/// the catalogue of communes with their history (renamed, merged into another, dissolved),
/// the agency's assignments, the criteria sets in force over periods, assessments of every
/// criterion on a date, and recognition events. Dates are ISO "YYYY-MM-DD"; a dated row holds
/// from `valid_from` until the day before `valid_to` (empty: still holds).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace thidua {

/// xã, phường, thị trấn.
enum class CommuneKind { xa, phuong, thi_tran };
std::string_view to_string(CommuneKind k);
std::optional<CommuneKind> parse_commune_kind(std::string_view s);

enum class CommuneStatus { active, merged, dissolved };
std::string_view to_string(CommuneStatus s);
std::optional<CommuneStatus> parse_commune_status(std::string_view s);

/// The standard a commune aims for: NTM, NTM nâng cao, NTM kiểu mẫu.
enum class TargetLevel { ntm, ntm_advanced, ntm_model };
inline constexpr TargetLevel kTargetLevels[] = {TargetLevel::ntm, TargetLevel::ntm_advanced, TargetLevel::ntm_model};
std::string_view to_string(TargetLevel l);
std::optional<TargetLevel> parse_target_level(std::string_view s);

enum class LineageEvent { renamed, merged, split, dissolved };
std::string_view to_string(LineageEvent e);
std::optional<LineageEvent> parse_lineage_event(std::string_view s);

enum class AssessmentKind { half_year, annual, ad_hoc };
inline constexpr AssessmentKind kAssessmentKinds[] = {AssessmentKind::half_year, AssessmentKind::annual,
                                                      AssessmentKind::ad_hoc};
std::string_view to_string(AssessmentKind k);
std::optional<AssessmentKind> parse_assessment_kind(std::string_view s);

enum class RecognitionEvent { recognised, revoked };
std::string_view to_string(RecognitionEvent e);
std::optional<RecognitionEvent> parse_recognition_event(std::string_view s);

/// The first day of a period whose start is not known (a catalogue entry imported without
/// the date its name was given): sorts before every real date, shown as blank.
inline constexpr const char* kUnknownSince = "1900-01-01";

/// A name (with kind and district) that held over a period.
struct CommuneVersion {
  std::int64_t id = 0;
  std::string name;
  CommuneKind kind = CommuneKind::xa;
  std::string district;  ///< empty once districts were abolished (from 2025-07-01)
  std::string valid_from;
  std::string valid_to;  ///< exclusive; empty while current
};

struct Commune {
  std::int64_t id = 0;
  std::string code;  ///< the official administrative code (mã đơn vị hành chính)
  std::string province;
  CommuneStatus status = CommuneStatus::active;
  std::string created_at;
  std::int64_t version = 1;
  /// The latest name, kind and district (the current ones, or the last before a merger).
  std::string name;
  CommuneKind kind = CommuneKind::xa;
  std::string district;
};

/// A change in the catalogue: `from` renamed, merged into `to`, split off, or dissolved.
struct CommuneLineage {
  std::int64_t id = 0;
  std::int64_t from_id = 0;
  std::optional<std::int64_t> to_id;
  LineageEvent event = LineageEvent::renamed;
  std::string effective_date;
  std::string decision_ref;
  std::string note;
  std::string from_name;  ///< the names as they were just before the change
  std::string to_name;
  CommuneKind from_kind = CommuneKind::xa;
  CommuneKind to_kind = CommuneKind::xa;
};

/// A classification of a commune over a period (scheme "ntm2026_group": "1", "2", "3").
struct CommuneClass {
  std::int64_t id = 0;
  std::string scheme;
  std::string value;
  std::string valid_from;
  std::string valid_to;
  std::string note;
};

struct AssignmentContact {
  std::int64_t person_id = 0;
  std::string person_name;
  std::string role;  ///< e.g. "Trưởng đoàn công tác"
};

/// An agency assigned to take charge of and help a commune.
struct CommuneAssignment {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::int64_t commune_id = 0;
  std::string decision_ref;   ///< "1177/QĐ-UBND"
  std::string decision_date;  ///< may be empty
  TargetLevel target_level = TargetLevel::ntm;
  std::optional<int> target_year;
  std::string valid_from;
  std::string valid_to;  ///< exclusive; empty while in force
  std::string note;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<AssignmentContact> contacts;
};

struct Indicator {
  std::int64_t id = 0;
  std::int64_t criterion_id = 0;
  std::string code;
  std::string name;
  std::string measure_unit;
  std::string target;
  std::string commune_group;  ///< empty: every group
  int position = 0;
  bool active = true;
};

struct Criterion {
  std::int64_t id = 0;
  std::int64_t set_id = 0;
  int number = 0;
  std::string name;
  std::string group;
  std::vector<Indicator> indicators;  ///< filled on request
};

/// A set of criteria with the period it is in force and its legal source. `level` is a
/// TargetLevel name, or "commune" for a set that applies whatever the target (2026–2030).
struct CriteriaSet {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string level;
  std::string valid_from;
  std::string valid_to;  ///< exclusive; empty: no end set
  std::string citation;
  std::string source_hash;
  std::vector<Criterion> criteria;  ///< filled on request, by number
};

/// True when `date` falls in [valid_from, valid_to).
bool holds_on(const std::string& valid_from, const std::string& valid_to, const std::string& date);

/// The set in force on `date` for a commune aiming at `level`: a set of that level, else one
/// for every commune ("commune"); a model-commune target is assessed on the advanced set when
/// no model set exists. Null when none holds on that date.
const CriteriaSet* set_in_force(const std::vector<CriteriaSet>& sets, TargetLevel level, const std::string& date);

struct AssessmentItem {
  std::int64_t id = 0;
  std::int64_t criterion_id = 0;
  int number = 0;  ///< the criterion's number and name, for display
  std::string criterion_name;
  bool met = false;
  std::string value;
  std::string note;
};

struct Assessment {
  std::int64_t id = 0;
  std::int64_t commune_id = 0;
  std::int64_t set_id = 0;
  std::string set_name;
  std::int64_t agency_id = 0;
  std::string agency_name;
  std::string assessed_on;
  AssessmentKind kind = AssessmentKind::half_year;
  int criteria_met = 0;
  int criteria_total = 0;
  std::string note;
  bool withdrawn = false;
  std::string assessed_by;  ///< the account's display name
  std::string created_at;
  std::string withdrawn_by;
  std::string withdrawn_at;
  std::string withdrawn_reason;
  std::vector<AssessmentItem> items;  ///< filled on request, by criterion number
};

struct Recognition {
  std::int64_t id = 0;
  std::int64_t commune_id = 0;
  TargetLevel level = TargetLevel::ntm;
  RecognitionEvent event = RecognitionEvent::recognised;
  int year = 0;
  std::string decision_ref;
  std::string decision_date;
  std::string issuer;
  std::string note;
  std::string created_by;
  std::string created_at;
  bool withdrawn = false;
  std::string withdrawn_by;
  std::string withdrawn_at;
  std::string withdrawn_reason;
};

/// One verified achievement of the agency for a commune: the support ledger's row.
struct SupportEntry {
  std::int64_t achievement_id = 0;
  std::string occurred_on;
  std::string unit_name;
  std::string person_name;  ///< empty for a unit's record
  std::string kind;         ///< achievement kind: propaganda, resource, support_visit, …
  std::string title;
  std::optional<long long> cash_vnd;
  std::optional<long long> goods_vnd;
  std::optional<long long> workdays;
  std::optional<long long> land_m2;
};

struct SupportTotals {
  long long records = 0;
  long long cash_vnd = 0;
  long long goods_vnd = 0;
  long long workdays = 0;
  long long land_m2 = 0;
};

/// The programme's yardsticks (national programme 2021–2025, Decision 263/QĐ-TTg): no
/// commune below 15 criteria; at least 80% of communes NTM, about 40% advanced, at least 10%
/// model.
inline constexpr int kMinCriteriaYardstick = 15;
inline constexpr int kShareNtmPercent = 80;
inline constexpr int kShareAdvancedPercent = 40;
inline constexpr int kShareModelPercent = 10;

}  // namespace thidua
