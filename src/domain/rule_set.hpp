#pragma once
/// Rule sets of commendation as data (rules/commendation/*.toml): each file is one layer
/// (national, sector, province, agency) in force over a period, with, per title or form, the
/// conditions a subject must meet, each with its citation, and the council's data (quorum,
/// ballot threshold counted on the total membership) and the dossier checklist the other parts
/// of commendation use. `rule_set_in_force` merges the layers in force on a date into one
/// `RuleSet`. The files are parsed in services (rule_set_files); this header is the model only.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/award.hpp"
#include "domain/error.hpp"

namespace thidua {

/// Yearly task-completion rating (mức độ hoàn thành nhiệm vụ), lowest first.
enum class Rating { not_completed, completed, good, excellent };
std::string_view to_string(Rating r);
std::optional<Rating> parse_rating(std::string_view s);

/// Disciplinary sanctions of civil servants, in order of severity.
enum class SanctionLevel { reprimand, warning, demotion, downgrade, removal, dismissal };
std::string_view to_string(SanctionLevel l);
std::optional<SanctionLevel> parse_sanction_level(std::string_view s);

/// Recognition level of an initiative (initiative.recognition_level), lowest first.
enum class InitiativeLevel { none, base, province, national };
std::string_view to_string(InitiativeLevel l);
std::optional<InitiativeLevel> parse_initiative_level(std::string_view s);

enum class RuleLayer { national, sector, province, agency };
std::string_view to_string(RuleLayer l);
std::optional<RuleLayer> parse_rule_layer(std::string_view s);

/// The closed set of condition types a rule file may use (`type = "…"`).
enum class ConditionType {
  meets,                           ///< meets the rule of another form (form) this year
  rating_at_least,                 ///< the year's rating is at least `rating`
  no_pending_case,                 ///< no discipline, inspection, investigation or complaint pending
  no_sanction_at_or_above,         ///< no sanction of `level` or above in force during the year
  initiative_recognised,           ///< an initiative recognised at `level` or above, not used for another award
  any_of,                          ///< one of `any_of` holds
  previous_titles_consecutive,     ///< `form` held `years` consecutive years up to this one
  members_share_with,              ///< at least / more than `percent` of the members meet `form`
  members_all_rating_at_least,     ///< every member rated at least `rating`
  members_at_least_one,            ///< at least one member meets `form`
  no_member_sanction_at_or_above,  ///< no member sanctioned at `level` or above during the year
  list_cap,                        ///< at most `percent` of the holders of `form` (per agency or unit)
  worked_months_at_least,          ///< worked `months` of the year (maternity leave counts if said)
  achievements_at_least,           ///< `count` verified achievements in the year (or the movement)
  not_awarded_yet,                 ///< the same form was not already given for this year (or movement)
  household_contribution,          ///< the household gave labour, land or assets to supported communes
  council_judgement,               ///< a judgement the data cannot make (e.g. influence at province level)
};
std::string_view to_string(ConditionType t);
std::optional<ConditionType> parse_condition_type(std::string_view s);

/// A share such as 2/3 or 80% (4/5), compared exactly: `reached(6, 9)` for 2/3 is true.
struct Share {
  int numerator = 0;
  int denominator = 1;
  bool reached(long long count, long long total) const {
    return count * denominator >= static_cast<long long>(numerator) * total;
  }
  /// "2/3" or "80%" (when the denominator divides 100).
  std::string text() const;
  bool operator==(const Share&) const = default;
};
/// Parses "2/3", "80%", "80"; nullopt when malformed or above 1.
std::optional<Share> parse_share(std::string_view s);

struct Condition {
  ConditionType type = ConditionType::rating_at_least;
  std::string citation;   ///< "Điều 24 khoản 1, Luật TĐKT 2022"
  bool verified = true;   ///< false: seen only in secondary copies (legal-facts.md)
  std::optional<Rating> rating;
  std::optional<SanctionLevel> level;
  std::optional<InitiativeLevel> initiative_level;
  std::optional<AwardForm> form;
  int years = 0;          ///< previous_titles_consecutive; initiative_recognised: within the last N years
  int percent = 0;        ///< members_share_with, list_cap
  bool strictly_more = false;  ///< members_share_with: "more than" instead of "at least"
  bool per_unit = false;       ///< list_cap: counted per unit instead of per agency
  int months = 0;
  bool maternity_counts = true;
  int count = 0;
  std::string note;       ///< council_judgement: what the council must judge (Vietnamese)
  std::vector<Condition> any_of;
};

struct Rule {
  AwardForm form = AwardForm::advanced_worker;
  AwardSubject subject = AwardSubject::person;
  std::string citation;
  bool verified = true;
  std::vector<Condition> conditions;
  bool ballot = false;         ///< the council votes on it
  Share threshold;             ///< approval share counted on the total membership
  std::string threshold_citation;
  bool threshold_verified = true;
  std::vector<std::string> dossier;  ///< document codes of the dossier checklist
  std::string layer_code;      ///< the file that gave the rule (after merging)
};

/// One rule file.
struct RuleSetLayer {
  std::string code;        ///< "national-2024-98"
  std::string name;
  RuleLayer layer = RuleLayer::national;
  std::string scope;       ///< province / sector / agency code the layer applies to ("" national)
  std::string valid_from;  ///< ISO date, inclusive
  std::string valid_to;    ///< ISO date, inclusive; "" open
  std::string citation;
  bool verified = true;
  std::optional<Share> quorum;  ///< council attendance needed for an award session
  std::string quorum_citation;
  bool quorum_verified = true;
  std::string path;        ///< the file it came from
  std::vector<Rule> rules;
  /// Province and lower layers: "replace" a national rule of the same form and subject, or
  /// "extend" it (conditions appended); per rule.
  std::vector<bool> extends;
};

/// The merged rule set in force on a date.
class RuleSet {
 public:
  RuleSet() = default;
  RuleSet(std::vector<std::string> layer_codes, std::vector<Rule> rules, Share quorum, std::string citation);

  const Rule* rule_for(AwardForm form, AwardSubject subject) const;
  /// The first rule for `form` (any subject).
  const Rule* rule_for(AwardForm form) const;
  /// Share of the council's members that must be present.
  Share council_quorum() const { return quorum_; }
  /// Approval share needed, on the total membership; empty when no ballot is required.
  std::optional<Share> ballot_threshold(AwardForm form) const;
  std::span<const std::string> dossier(AwardForm form) const;
  std::span<const Rule> rules() const { return rules_; }
  std::span<const std::string> layers() const { return layer_codes_; }
  const std::string& citation() const { return citation_; }
  const std::string& quorum_citation() const { return quorum_citation_; }
  bool quorum_verified() const { return quorum_verified_; }
  void set_quorum_source(std::string citation, bool verified) {
    quorum_citation_ = std::move(citation);
    quorum_verified_ = verified;
  }

 private:
  std::vector<std::string> layer_codes_;
  std::vector<Rule> rules_;
  Share quorum_{2, 3};
  std::string citation_;
  std::string quorum_citation_;
  bool quorum_verified_ = true;
};

/// The layers in force on `date` (ISO) merged: one national layer (exactly one must be in
/// force), then sector, province and agency layers whose scope is in `scopes` (e.g. the
/// agency's province "cao_bang"), in that order. Error validation "rule_set.none_in_force".
Result<RuleSet> rule_set_in_force(std::span<const RuleSetLayer> layers, std::string_view date,
                                  std::span<const std::string> scopes);

/// Dossier document codes a rule file may name.
bool known_dossier_document(std::string_view code);

}  // namespace thidua
