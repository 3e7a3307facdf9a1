// Ranked lists of a template's sheets, and clusters' cross-scoring.

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/evaluation_rules.hpp"
#include "services/evaluation_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/audit_repo.hpp"
#include "storage/org_repo.hpp"
#include "text/collation.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace evaluation_rules;

namespace {

/// The Vietnamese order of a sheet's subject: the person's stored key, or the unit's name.
std::string name_key(const storage::SheetRow& s) {
  return s.subject == RecordSubject::person && !s.sort_key.empty() ? s.sort_key : text::sort_key(s.subject_name);
}

/// The cluster the template's agency is in that year, with the actor's agency a member of it.
struct ClusterContext {
  ScoreTemplate tmpl;
  std::int64_t cluster_id = 0;
  std::vector<storage::ClusterMemberRow> members;
};

Result<ClusterContext> cluster_context(storage::Tx& tx, const Principal& actor, std::int64_t template_id) {
  auto t = storage::find_template(tx, template_id);
  if (!t || t->subject != EvalSubject::cluster_agency) return fail(ErrorKind::not_found, "evaluation.template_not_found");
  for (auto cluster : storage::agency_cluster_ids(tx, t->agency_id, t->year)) {
    auto members = storage::cluster_members(tx, cluster, t->year);
    // Members of the cluster (and whoever may read one of them: an authority) see it; others
    // are told it does not exist.
    bool readable = false;
    for (const auto& m : members) readable = readable || can_read_agency(tx, actor, m.agency_id);
    if (readable) return ClusterContext{std::move(*t), cluster, std::move(members)};
  }
  return fail(ErrorKind::not_found, "evaluation.template_not_found");
}

}  // namespace

namespace {

/// Whether the actor may read the ranking of a template of `agency_id`: overseers read every
/// list; a unit head the list of their unit; nobody else any.
Result<void> may_read_ranking(storage::Tx& tx, const Principal& actor, std::int64_t agency_id,
                              std::optional<std::int64_t> unit_id) {
  auto rights = record_rights(tx, actor, agency_id);
  if (!rights.oversees && !(unit_id && rights.heads(*unit_id))) {
    return fail(ErrorKind::forbidden, "evaluation.ranking_forbidden");
  }
  return {};
}

}  // namespace

Result<RankingStamp> EvaluationService::ranking_stamp(const Principal& actor, std::int64_t template_id,
                                                      std::optional<std::int64_t> unit_id) {
  return db_->read([&](storage::Tx& tx) -> Result<RankingStamp> {
    auto t = storage::find_template_header(tx, template_id);
    if (!t || !can_read_agency(tx, actor, t->agency_id)) return fail(ErrorKind::not_found, "evaluation.template_not_found");
    if (t->subject == EvalSubject::cluster_agency) return RankingStamp{0, true};
    if (auto ok = may_read_ranking(tx, actor, t->agency_id, unit_id); !ok) return fail(ok.error());
    return RankingStamp{storage::audit_head(tx).first, false};
  });
}

Result<RankingView> EvaluationService::ranking(const Principal& actor, std::int64_t template_id,
                                               std::optional<std::int64_t> unit_id) {
  return db_->read([&](storage::Tx& tx) -> Result<RankingView> {
    auto t = template_for(tx, actor, template_id);
    if (!t) return fail(t.error());
    if (t->subject == EvalSubject::cluster_agency) return fail(ErrorKind::not_found, "evaluation.template_not_found");
    if (auto ok = may_read_ranking(tx, actor, t->agency_id, unit_id); !ok) return fail(ok.error());
    RankingView v;
    v.evaluation = *storage::find_evaluation(tx, *storage::template_evaluation(tx, template_id));
    const bool units = t->subject == EvalSubject::unit;
    // Two grouped reads for every sheet: the newest entries and the verified achievements.
    auto points = storage::current_points(tx, template_id);
    auto measures = units ? storage::measures_by_unit(tx, t->movement_id, t->year)
                          : storage::measures_by_person(tx, t->movement_id, t->year);
    const std::map<std::int64_t, Points> none;
    const MeasureTotals nothing;
    std::vector<RankInput> inputs;
    std::map<std::int64_t, storage::SheetRow> by_id;
    std::map<std::int64_t, std::vector<Points>> groups;
    for (auto& s : storage::sheets_of_template(tx, template_id)) {
      if (unit_id && s.unit_id != *unit_id) continue;
      if (!sheet_counts(s.status)) {
        v.not_submitted.push_back(std::move(s));
        continue;
      }
      auto p = points.find(s.id);
      auto m = measures.find(s.person_id.value_or(s.unit_id));
      RankInput in;
      in.subject_id = s.id;
      const auto& current = p == points.end() ? none : p->second;
      const auto& totals = m == measures.end() ? nothing : m->second;
      in.total = sheet_total(*t, current, totals);
      groups.emplace(s.id, group_points(*t, current, totals));
      in.submitted_at = s.submitted_at;
      in.name_key = name_key(s);
      inputs.push_back(std::move(in));
      by_id.emplace(s.id, std::move(s));
    }
    for (auto& r : rank_sheets(std::move(inputs), t->bands)) {
      v.ranked.push_back({std::move(by_id.at(r.input.subject_id)), r.input.total, r.rank, r.band,
                          std::move(groups.at(r.input.subject_id))});
    }
    std::vector<std::pair<std::string, storage::SheetRow>> waiting;
    for (auto& s : v.not_submitted) waiting.emplace_back(name_key(s), std::move(s));
    std::stable_sort(waiting.begin(), waiting.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    v.not_submitted.clear();
    for (auto& [key, s] : waiting) v.not_submitted.push_back(std::move(s));
    v.tmpl = std::move(*t);
    return v;
  });
}

Result<void> EvaluationService::score_cluster_member(const Principal& actor, std::int64_t template_id,
                                                     std::int64_t scored_agency, const std::string& points_in,
                                                     const std::string& comment_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = cluster_context(tx, actor, template_id);
    if (!c) return fail(c.error());
    auto is_member = [&](std::int64_t a) {
      return std::any_of(c->members.begin(), c->members.end(), [&](const auto& m) { return m.agency_id == a; });
    };
    // The scorer is the actor's own agency, scoring as its Office.
    if (!actor.agency_id || !is_member(*actor.agency_id) || !can_manage_agency(actor, *actor.agency_id)) {
      return fail(ErrorKind::forbidden, "evaluation.office_only");
    }
    if (!is_member(scored_agency)) return fail(ErrorKind::not_found, "agency.not_found");
    auto ev = storage::find_evaluation(tx, *storage::template_evaluation(tx, template_id));
    if (auto open = require_open(*ev); !open) return fail(open.error());
    Points most = 0;
    for (const auto* cr : c->tmpl.criteria()) {
      if (cr->kind != CriterionKind::penalty) most += cr->max_points;
    }
    Error e = invalid();
    const auto typed = text::trim(points_in);
    auto p = parse_points(typed);
    if (!typed.empty() && typed.front() == '-') {
      e.field("points", "evaluation.points_negative");
    } else if (!p) {
      e.field("points", typed.empty() ? "validation.required" : "evaluation.points_invalid");
    } else if (*p > most) {
      e.field("points", "evaluation.points_above_max");
      e.with("max", format_points(most));
    }
    std::string comment;
    optional_text(e, "comment", comment_in, kText, comment);
    if (!e.fields.empty()) return fail(e);
    ClusterScore s{*actor.agency_id, scored_agency, *p};
    storage::insert_cluster_score(tx, template_id, c->cluster_id, s, comment, account_of(actor), to_iso(now));
    record_audit(tx, actor,
                 {"evaluation.cluster_score", "score_template", std::to_string(template_id), "",
                  json::serialize(json::object{{"scorer", s.scorer_agency}, {"scored", s.scored_agency},
                                               {"points", s.points}})},
                 now);
    return {};
  });
}

Result<ClusterRankingView> EvaluationService::cluster_ranking(const Principal& actor, std::int64_t template_id) {
  return db_->read([&](storage::Tx& tx) -> Result<ClusterRankingView> {
    auto c = cluster_context(tx, actor, template_id);
    if (!c) return fail(c.error());
    ClusterRankingView v;
    std::vector<ClusterMember> members;
    for (const auto& m : c->members) {
      members.push_back({m.agency_id, text::sort_key(m.name)});
      v.agency_names[m.agency_id] = m.name;
    }
    auto scores = storage::cluster_scores(tx, template_id);
    v.rows = rank_cluster(members, scores, c->tmpl.bands);
    v.cluster_id = c->cluster_id;
    v.tmpl = std::move(c->tmpl);
    return v;
  });
}

Result<storage::EvaluationRow> EvaluationService::template_evaluation(const Principal& actor,
                                                                     std::int64_t template_id) {
  return db_->read([&](storage::Tx& tx) -> Result<storage::EvaluationRow> {
    auto t = template_for(tx, actor, template_id);
    if (!t) return fail(t.error());
    return *storage::find_evaluation(tx, *storage::template_evaluation(tx, template_id));
  });
}

Result<std::vector<ScoreTemplate>> EvaluationService::templates_of(const Principal& actor, std::int64_t agency_id,
                                                                   std::int64_t movement_id, int year) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ScoreTemplate>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    std::vector<ScoreTemplate> out;
    auto ev = storage::find_evaluation_for(tx, agency_id, movement_id, year);
    if (!ev) return out;
    for (auto kind : {EvalSubject::unit, EvalSubject::person, EvalSubject::cluster_agency}) {
      auto id = storage::template_id_for(tx, ev->id, kind);
      if (!id) continue;
      if (auto t = storage::find_template(tx, *id)) out.push_back(std::move(*t));
    }
    return out;
  });
}

}  // namespace thidua::services
