#include "domain/rule_set.hpp"

#include <algorithm>

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

constexpr detail::EnumNames<Rating, 4> kRatings{{
    {Rating::not_completed, "not_completed"},
    {Rating::completed, "completed"},
    {Rating::good, "good"},
    {Rating::excellent, "excellent"},
}};

constexpr detail::EnumNames<SanctionLevel, 6> kLevels{{
    {SanctionLevel::reprimand, "reprimand"},
    {SanctionLevel::warning, "warning"},
    {SanctionLevel::demotion, "demotion"},
    {SanctionLevel::downgrade, "downgrade"},
    {SanctionLevel::removal, "removal"},
    {SanctionLevel::dismissal, "dismissal"},
}};

constexpr detail::EnumNames<InitiativeLevel, 4> kInitiativeLevels{{
    {InitiativeLevel::none, "none"},
    {InitiativeLevel::base, "base"},
    {InitiativeLevel::province, "province"},
    {InitiativeLevel::national, "national"},
}};

constexpr detail::EnumNames<RuleLayer, 4> kLayers{{
    {RuleLayer::national, "national"},
    {RuleLayer::sector, "sector"},
    {RuleLayer::province, "province"},
    {RuleLayer::agency, "agency"},
}};

constexpr detail::EnumNames<ConditionType, 17> kConditionTypes{{
    {ConditionType::meets, "meets"},
    {ConditionType::rating_at_least, "rating_at_least"},
    {ConditionType::no_pending_case, "no_pending_case"},
    {ConditionType::no_sanction_at_or_above, "no_sanction_at_or_above"},
    {ConditionType::initiative_recognised, "initiative_recognised"},
    {ConditionType::any_of, "any_of"},
    {ConditionType::previous_titles_consecutive, "previous_titles_consecutive"},
    {ConditionType::members_share_with, "members_share_with"},
    {ConditionType::members_all_rating_at_least, "members_all_rating_at_least"},
    {ConditionType::members_at_least_one, "members_at_least_one"},
    {ConditionType::no_member_sanction_at_or_above, "no_member_sanction_at_or_above"},
    {ConditionType::list_cap, "list_cap"},
    {ConditionType::worked_months_at_least, "worked_months_at_least"},
    {ConditionType::achievements_at_least, "achievements_at_least"},
    {ConditionType::not_awarded_yet, "not_awarded_yet"},
    {ConditionType::household_contribution, "household_contribution"},
    {ConditionType::council_judgement, "council_judgement"},
}};

constexpr std::string_view kDossierDocuments[] = {
    "submission",         // tờ trình
    "achievement_report", // báo cáo thành tích
    "council_minutes",    // biên bản họp hội đồng
    "ballot_result",      // kết quả bỏ phiếu
    "initiative_certificate",  // chứng nhận sáng kiến / đề tài
    "excellent_rating",   // văn bản công nhận hoàn thành xuất sắc nhiệm vụ
    "contribution_proof", // xác nhận đóng góp (hộ gia đình)
    "cluster_result",     // kết quả bình xét của khối thi đua
};

int layer_rank(RuleLayer l) { return static_cast<int>(l); }

}  // namespace

std::string_view to_string(Rating r) { return detail::name_of(kRatings, r); }
std::optional<Rating> parse_rating(std::string_view s) { return detail::parse_from(kRatings, s); }
std::string_view to_string(SanctionLevel l) { return detail::name_of(kLevels, l); }
std::optional<SanctionLevel> parse_sanction_level(std::string_view s) { return detail::parse_from(kLevels, s); }
std::string_view to_string(InitiativeLevel l) { return detail::name_of(kInitiativeLevels, l); }
std::optional<InitiativeLevel> parse_initiative_level(std::string_view s) {
  return detail::parse_from(kInitiativeLevels, s);
}
std::string_view to_string(RuleLayer l) { return detail::name_of(kLayers, l); }
std::optional<RuleLayer> parse_rule_layer(std::string_view s) { return detail::parse_from(kLayers, s); }
std::string_view to_string(ConditionType t) { return detail::name_of(kConditionTypes, t); }
std::optional<ConditionType> parse_condition_type(std::string_view s) {
  return detail::parse_from(kConditionTypes, s);
}

bool known_dossier_document(std::string_view code) {
  return std::find(std::begin(kDossierDocuments), std::end(kDossierDocuments), code) != std::end(kDossierDocuments);
}

std::string Share::text() const {
  if (denominator > 0 && 100 % denominator == 0) return std::to_string(numerator * (100 / denominator)) + "%";
  return std::to_string(numerator) + "/" + std::to_string(denominator);
}

std::optional<Share> parse_share(std::string_view s) {
  auto number = [](std::string_view t) -> std::optional<int> {
    if (t.empty() || t.size() > 4) return std::nullopt;
    int v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  Share out;
  if (auto slash = s.find('/'); slash != std::string_view::npos) {
    auto n = number(s.substr(0, slash));
    auto d = number(s.substr(slash + 1));
    if (!n || !d || *d == 0) return std::nullopt;
    out = {*n, *d};
  } else {
    if (!s.empty() && s.back() == '%') s.remove_suffix(1);
    auto n = number(s);
    if (!n) return std::nullopt;
    out = {*n, 100};
    for (int g : {20, 10, 5, 4, 2}) {
      if (out.numerator % g == 0 && out.denominator % g == 0) {
        out.numerator /= g;
        out.denominator /= g;
      }
    }
  }
  if (out.numerator > out.denominator) return std::nullopt;
  return out;
}

RuleSet::RuleSet(std::vector<std::string> layer_codes, std::vector<Rule> rules, Share quorum, std::string citation)
    : layer_codes_(std::move(layer_codes)),
      rules_(std::move(rules)),
      quorum_(quorum),
      citation_(std::move(citation)) {}

const Rule* RuleSet::rule_for(AwardForm form, AwardSubject subject) const {
  for (const auto& r : rules_) {
    if (r.form == form && r.subject == subject) return &r;
  }
  return nullptr;
}

const Rule* RuleSet::rule_for(AwardForm form) const {
  for (const auto& r : rules_) {
    if (r.form == form) return &r;
  }
  return nullptr;
}

std::optional<Share> RuleSet::ballot_threshold(AwardForm form) const {
  const Rule* r = rule_for(form);
  if (!r || !r->ballot) return std::nullopt;
  return r->threshold;
}

std::span<const std::string> RuleSet::dossier(AwardForm form) const {
  const Rule* r = rule_for(form);
  if (!r) return {};
  return r->dossier;
}

Result<RuleSet> rule_set_in_force(std::span<const RuleSetLayer> layers, std::string_view date,
                                  std::span<const std::string> scopes) {
  auto in_force = [&](const RuleSetLayer& l) {
    return l.valid_from <= date && (l.valid_to.empty() || date <= l.valid_to);
  };
  std::vector<const RuleSetLayer*> picked;
  for (const auto& l : layers) {
    if (!in_force(l)) continue;
    if (l.layer == RuleLayer::national) {
      picked.push_back(&l);
    } else if (std::find(scopes.begin(), scopes.end(), l.scope) != scopes.end()) {
      picked.push_back(&l);
    }
  }
  auto nationals = std::count_if(picked.begin(), picked.end(),
                                 [](const RuleSetLayer* l) { return l->layer == RuleLayer::national; });
  if (nationals != 1) {
    Error e{ErrorKind::validation, nationals == 0 ? "rule_set.none_in_force" : "rule_set.two_in_force", {}, {}, {}};
    e.with("date", std::string(date));
    return fail(std::move(e));
  }
  std::stable_sort(picked.begin(), picked.end(), [](const RuleSetLayer* a, const RuleSetLayer* b) {
    return layer_rank(a->layer) < layer_rank(b->layer);
  });
  std::vector<Rule> rules;
  std::vector<std::string> codes;
  Share quorum{2, 3};
  std::string quorum_citation;
  bool quorum_verified = true;
  std::string citation;
  for (const RuleSetLayer* l : picked) {
    codes.push_back(l->code);
    if (l->quorum) {
      quorum = *l->quorum;
      quorum_citation = l->quorum_citation;
      quorum_verified = l->quorum_verified;
    }
    citation += citation.empty() ? l->citation : "; " + l->citation;
    for (std::size_t i = 0; i < l->rules.size(); ++i) {
      Rule r = l->rules[i];
      r.layer_code = l->code;
      const bool extend = i < l->extends.size() && l->extends[i];
      auto it = std::find_if(rules.begin(), rules.end(),
                             [&](const Rule& x) { return x.form == r.form && x.subject == r.subject; });
      if (it == rules.end()) {
        rules.push_back(std::move(r));
      } else if (extend) {
        for (auto& c : r.conditions) it->conditions.push_back(std::move(c));
        if (!r.dossier.empty()) it->dossier = r.dossier;
        if (r.ballot) {
          it->ballot = true;
          it->threshold = r.threshold;
          it->threshold_citation = r.threshold_citation;
          it->threshold_verified = r.threshold_verified;
        }
        it->layer_code += "+" + l->code;
      } else {
        *it = std::move(r);
      }
    }
  }
  RuleSet out(std::move(codes), std::move(rules), quorum, std::move(citation));
  out.set_quorum_source(std::move(quorum_citation), quorum_verified);
  return out;
}

}  // namespace thidua
