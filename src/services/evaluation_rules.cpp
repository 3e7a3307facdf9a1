#include "services/evaluation_rules.hpp"

#include <charconv>

#include "services/scope.hpp"
#include "text/utf8.hpp"

namespace thidua::services::evaluation_rules {

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

std::optional<long long> parse_whole(std::string_view text, long long min, long long max) {
  text = text::trim(text);
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < min || v > max) return std::nullopt;
  return v;
}

Result<ScoreTemplate> template_for(storage::Tx& tx, const Principal& actor, std::int64_t template_id) {
  auto t = storage::find_template(tx, template_id);
  if (!t || !can_read_agency(tx, actor, t->agency_id)) {
    return fail(ErrorKind::not_found, "evaluation.template_not_found");
  }
  return std::move(*t);
}

Result<SheetContext> sheet_for(storage::Tx& tx, const Principal& actor, std::int64_t sheet_id) {
  auto s = storage::find_sheet(tx, sheet_id);
  if (!s) return fail(ErrorKind::not_found, "evaluation.sheet_not_found");
  auto rights = record_rights(tx, actor, s->agency_id);
  // Another agency's sheet, or one the actor has no part in, is a sheet that does not exist.
  if (!rights.readable || !may_read_sheet(rights, *s)) return fail(ErrorKind::not_found, "evaluation.sheet_not_found");
  auto t = storage::find_template(tx, s->template_id);
  auto e = storage::find_evaluation(tx, s->evaluation_id);
  if (!t || !e) return fail(ErrorKind::internal, "internal", "sheet without template or evaluation");
  return SheetContext{std::move(*s), std::move(*t), *e, std::move(rights)};
}

bool is_subject(const RecordRights& r, const storage::SheetRow& s) {
  if (s.subject == RecordSubject::person) return s.person_id && r.person_id && *s.person_id == *r.person_id;
  return r.heads(s.unit_id);
}

std::optional<ScoreRound> review_round(const RecordRights& r, const storage::SheetRow& s) {
  // Nobody reviews their own sheet: their person's, or a unit they head (they scored it).
  if (is_subject(r, s)) return std::nullopt;
  if (s.subject == RecordSubject::person && r.heads(s.unit_id)) return ScoreRound::unit_review;
  if (r.manages) return ScoreRound::office_review;
  return std::nullopt;
}

bool may_read_sheet(const RecordRights& r, const storage::SheetRow& s) {
  return r.oversees || r.heads(s.unit_id) || is_subject(r, s);
}

Result<void> require_open(const storage::EvaluationRow& e) {
  if (e.status == EvaluationStatus::closed) return fail(ErrorKind::conflict, "evaluation.closed");
  return {};
}

SheetTotal sheet_total(const ScoreTemplate& t, const std::map<std::int64_t, Points>& current,
                       const MeasureTotals& measures) {
  std::vector<SheetLine> lines;
  for (const auto* c : t.criteria()) {
    Points p = 0;
    if (auto it = current.find(c->id); it != current.end()) {
      p = it->second;
    } else if (c->formula) {
      p = computed_points(*c, measures);
    }
    lines.push_back({c->kind, p});
  }
  return total_of(lines);
}

std::vector<Points> group_points(const ScoreTemplate& t, const std::map<std::int64_t, Points>& current,
                                 const MeasureTotals& measures) {
  std::vector<Points> out;
  out.reserve(t.groups.size());
  for (const auto& g : t.groups) {
    Points sum = 0;
    for (const auto& c : g.criteria) {
      if (c.kind != CriterionKind::normal) continue;
      if (auto it = current.find(c.id); it != current.end()) {
        sum += it->second;
      } else if (c.formula) {
        sum += computed_points(c, measures);
      }
    }
    out.push_back(sum);
  }
  return out;
}

}  // namespace thidua::services::evaluation_rules
