#include "domain/evaluation.hpp"

#include <algorithm>
#include <set>

#include "domain/enum_names.hpp"

namespace thidua {

namespace {

using detail::EnumNames;
using detail::name_of;
using detail::parse_from;

constexpr EnumNames<EvalSubject, 3> kSubjects{{{EvalSubject::unit, "unit"},
                                               {EvalSubject::person, "person"},
                                               {EvalSubject::cluster_agency, "cluster_agency"}}};
constexpr EnumNames<CriterionKind, 3> kKinds{{{CriterionKind::normal, "normal"},
                                              {CriterionKind::bonus, "bonus"},
                                              {CriterionKind::penalty, "penalty"}}};
constexpr EnumNames<Aggregate, 2> kAggregates{{{Aggregate::count, "count"}, {Aggregate::sum, "sum"}}};
constexpr EnumNames<Mapping, 2> kMappings{{{Mapping::linear, "linear"}, {Mapping::thresholds, "thresholds"}}};

std::size_t index_of(Measure m) { return static_cast<std::size_t>(m); }

void check_formula(std::vector<FieldError>& out, const std::string& at, const ScoreFormula& f, Points max) {
  if (!parse_measure(f.measure)) out.push_back({at + ".measure", "evaluation.measure_unknown"});
  if (f.mapping == Mapping::linear) {
    if (f.per_unit <= 0) out.push_back({at + ".per_unit", "evaluation.per_unit_positive"});
    return;
  }
  if (f.thresholds.empty()) {
    out.push_back({at + ".thresholds", "evaluation.thresholds_required"});
    return;
  }
  for (std::size_t i = 0; i < f.thresholds.size(); ++i) {
    const auto& t = f.thresholds[i];
    const std::string here = at + ".thresholds." + std::to_string(i);
    if (t.at_least < 0 || t.points < 0) {
      out.push_back({here, "evaluation.threshold_negative"});
    } else if (t.points > max) {
      out.push_back({here, "evaluation.threshold_above_max"});
    }
    if (i > 0) {
      const auto& prev = f.thresholds[i - 1];
      if (t.at_least <= prev.at_least || t.points < prev.points) {
        out.push_back({here, "evaluation.thresholds_ascending"});
      }
    }
  }
}

/// a/an ⋚ b/bn for non-negative sums and positive counts, exactly.
int compare_fractions(long long a, int an, long long b, int bn) {
  // Sums of scores stay far below 2^63 / count (points are bounded by kMaxCriterionPoints).
  const long long l = a * bn;
  const long long r = b * an;
  return l < r ? -1 : (l > r ? 1 : 0);
}

}  // namespace

std::vector<const ScoreCriterion*> ScoreTemplate::criteria() const {
  std::vector<const ScoreCriterion*> out;
  for (const auto& g : groups) {
    for (const auto& c : g.criteria) out.push_back(&c);
  }
  return out;
}

const ScoreCriterion* ScoreTemplate::criterion(std::int64_t criterion_id) const {
  for (const auto* c : criteria()) {
    if (c->id == criterion_id) return c;
  }
  return nullptr;
}

Points ScoreTemplate::potential() const {
  Points sum = 0;
  for (const auto* c : criteria()) {
    if (c->kind == CriterionKind::normal && c->max_points > 0) sum += std::min(c->max_points, kMaxCriterionPoints);
  }
  return sum;
}

long long MeasureTotals::value(Measure m, Aggregate a) const {
  const auto i = index_of(m);
  if (i >= kSize) return 0;
  return a == Aggregate::sum ? sums[i] : counts[i];
}

std::vector<FieldError> validate_template(const ScoreTemplate& t) {
  std::vector<FieldError> out;
  if (t.title.empty()) out.push_back({"title", "validation.required"});
  std::size_t criteria = 0;
  for (std::size_t g = 0; g < t.groups.size(); ++g) {
    const auto& group = t.groups[g];
    const std::string gat = "groups." + std::to_string(g);
    if (group.title.empty()) out.push_back({gat + ".title", "validation.required"});
    if (group.criteria.empty()) out.push_back({gat + ".criteria", "evaluation.group_empty"});
    for (std::size_t c = 0; c < group.criteria.size(); ++c) {
      ++criteria;
      const auto& cr = group.criteria[c];
      const std::string at = gat + ".criteria." + std::to_string(c);
      if (cr.title.empty()) out.push_back({at + ".title", "validation.required"});
      if (cr.max_points <= 0) {
        out.push_back({at + ".max_points", "evaluation.max_positive"});
      } else if (cr.max_points > kMaxCriterionPoints) {
        out.push_back({at + ".max_points", "evaluation.max_too_large"});
      }
      if (cr.formula) check_formula(out, at + ".formula", *cr.formula, cr.max_points);
    }
  }
  if (criteria == 0) out.push_back({"groups", "evaluation.no_criteria"});

  const Points potential = t.potential();
  std::set<std::string> codes;
  for (std::size_t b = 0; b < t.bands.size(); ++b) {
    const auto& band = t.bands[b];
    const std::string at = "bands." + std::to_string(b);
    if (band.code.empty()) {
      out.push_back({at + ".code", "validation.required"});
    } else if (!codes.insert(band.code).second) {
      out.push_back({at + ".code", "evaluation.band_code_duplicate"});
    }
    if (band.name.empty()) out.push_back({at + ".name", "validation.required"});
    if (band.at_least < 0) {
      out.push_back({at + ".at_least", "evaluation.band_negative"});
    } else if (band.at_least > potential) {
      out.push_back({at + ".at_least", "evaluation.band_above_potential"});
    }
    if (b > 0 && band.at_least >= t.bands[b - 1].at_least) {
      out.push_back({at + ".at_least", "evaluation.bands_descending"});
    }
  }
  return out;
}

Points formula_points(const ScoreFormula& f, long long value, Points max) {
  if (max <= 0) return 0;
  if (f.mapping == Mapping::linear) {
    if (value <= 0 || f.per_unit <= 0) return 0;
    // value × per_unit may not fit in 64 bits for money; anything past max / per_unit is max.
    if (value > max / f.per_unit) return max;
    return std::min(value * f.per_unit, max);
  }
  Points best = 0;
  for (const auto& t : f.thresholds) {
    if (value >= t.at_least) best = std::max(best, t.points);
  }
  return std::clamp<Points>(best, 0, max);
}

Points computed_points(const ScoreCriterion& c, const MeasureTotals& totals) {
  if (!c.formula) return 0;
  auto m = parse_measure(c.formula->measure);
  if (!m) return 0;
  return formula_points(*c.formula, totals.value(*m, c.formula->aggregate), c.max_points);
}

bool points_in_range(Points p, Points max) { return p >= 0 && p <= max; }

SheetTotal total_of(std::span<const SheetLine> lines) {
  SheetTotal t;
  for (const auto& l : lines) {
    switch (l.kind) {
      case CriterionKind::normal:
        t.normal += l.points;
        break;
      case CriterionKind::bonus:
        t.bonus += l.points;
        break;
      case CriterionKind::penalty:
        t.penalty += l.points;
        break;
    }
  }
  t.total = std::max<Points>(0, t.normal + t.bonus - t.penalty);
  return t;
}

std::optional<std::size_t> band_of(std::span<const ScoreBand> bands, Points total) {
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (total >= bands[i].at_least) return i;
  }
  return std::nullopt;
}

std::vector<RankedRow> rank_sheets(std::vector<RankInput> rows, std::span<const ScoreBand> bands) {
  // The part of the order that decides the rank; name and id only order the listing.
  auto before = [](const RankInput& a, const RankInput& b) {
    if (a.total.total != b.total.total) return a.total.total > b.total.total;
    if (a.total.normal != b.total.normal) return a.total.normal > b.total.normal;
    if (a.total.penalty != b.total.penalty) return a.total.penalty < b.total.penalty;
    if (a.submitted_at != b.submitted_at) {
      // Never submitted comes after any submission.
      if (a.submitted_at.empty() || b.submitted_at.empty()) return b.submitted_at.empty();
      return a.submitted_at < b.submitted_at;
    }
    return false;
  };
  std::sort(rows.begin(), rows.end(), [&](const RankInput& a, const RankInput& b) {
    if (before(a, b)) return true;
    if (before(b, a)) return false;
    if (a.name_key != b.name_key) return a.name_key < b.name_key;
    return a.subject_id < b.subject_id;
  });
  std::vector<RankedRow> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RankedRow r;
    r.input = std::move(rows[i]);
    const bool shares = i > 0 && !before(out.back().input, r.input);
    r.rank = shares ? out.back().rank : static_cast<int>(i) + 1;
    r.band = band_of(bands, r.input.total.total);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ClusterRankedRow> rank_cluster(std::span<const ClusterMember> members,
                                           std::span<const ClusterScore> scores, std::span<const ScoreBand> bands) {
  std::vector<ClusterRankedRow> rows;
  std::vector<std::string> keys;
  for (const auto& m : members) {
    ClusterRankedRow r;
    r.agency_id = m.agency_id;
    for (const auto& s : scores) {
      if (s.scored_agency != m.agency_id || s.scorer_agency == m.agency_id) continue;
      ++r.scorers;
      r.sum += s.points;
    }
    if (r.scorers > 0) {
      r.average = (2 * r.sum + r.scorers) / (2 * static_cast<long long>(r.scorers));
      r.band = band_of(bands, r.average);
    }
    rows.push_back(r);
    keys.push_back(m.name_key);
  }
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto cmp = [&](std::size_t a, std::size_t b) {
    const auto& x = rows[a];
    const auto& y = rows[b];
    if ((x.scorers > 0) != (y.scorers > 0)) return x.scorers > 0 ? -1 : 1;
    if (x.scorers == 0) return 0;
    return -compare_fractions(x.sum, x.scorers, y.sum, y.scorers);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (int c = cmp(a, b); c != 0) return c < 0;
    if (keys[a] != keys[b]) return keys[a] < keys[b];
    return rows[a].agency_id < rows[b].agency_id;
  });
  std::vector<ClusterRankedRow> out;
  out.reserve(rows.size());
  std::size_t prev = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    ClusterRankedRow r = rows[order[i]];
    if (r.scorers > 0) r.rank = (i > 0 && cmp(prev, order[i]) == 0) ? out.back().rank : static_cast<int>(i) + 1;
    prev = order[i];
    out.push_back(r);
  }
  return out;
}

std::optional<Points> parse_points(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  Points whole = 0, frac = 0;
  std::size_t i = 0, digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    if (digits >= 9) return std::nullopt;
    whole = whole * 10 + (text[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != ',' && text[i] != '.') return std::nullopt;
    ++i;
    std::size_t decimals = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
      if (decimals >= 2) return std::nullopt;
      frac = frac * 10 + (text[i] - '0');
    }
    if (decimals == 0 || i != text.size()) return std::nullopt;
    if (decimals == 1) frac *= 10;
  }
  return whole * kPointScale + frac;
}

std::string format_points(Points p) {
  std::string out = p < 0 ? "-" : "";
  const Points a = p < 0 ? -p : p;
  out += std::to_string(a / kPointScale);
  const Points frac = a % kPointScale;
  if (frac != 0) {
    out += ',';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::string_view to_string(EvalSubject s) { return name_of(kSubjects, s); }
std::optional<EvalSubject> parse_eval_subject(std::string_view s) { return parse_from(kSubjects, s); }
std::string_view to_string(CriterionKind k) { return name_of(kKinds, k); }
std::optional<CriterionKind> parse_criterion_kind(std::string_view s) { return parse_from(kKinds, s); }
std::string_view to_string(Aggregate a) { return name_of(kAggregates, a); }
std::optional<Aggregate> parse_aggregate(std::string_view s) { return parse_from(kAggregates, s); }
std::string_view to_string(Mapping m) { return name_of(kMappings, m); }
std::optional<Mapping> parse_mapping(std::string_view s) { return parse_from(kMappings, s); }

}  // namespace thidua
