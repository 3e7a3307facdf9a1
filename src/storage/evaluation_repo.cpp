#include "storage/evaluation_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/evaluation_sql.hpp"
#include "storage/nullable_id.hpp"

namespace thidua::storage {

namespace {

std::optional<EvaluationRow> one_evaluation(Tx& tx, const std::string& query, auto&& bind) {
  long long id = 0, agency = 0, movement = 0, version = 0;
  int year = 0;
  std::string status;
  tx.sql() << query, soci::into(id), soci::into(agency), soci::into(movement), soci::into(year), soci::into(status),
      soci::into(version), bind;
  if (!tx.sql().got_data()) return std::nullopt;
  return EvaluationRow{id, agency, movement, year,
                       parse_evaluation_status(status).value_or(EvaluationStatus::open), version};
}

void insert_content(Tx& tx, const ScoreTemplate& t, long long template_id) {
  int group_pos = 0, criterion_pos = 0;
  for (const auto& g : t.groups) {
    int gp = group_pos++;
    tx.sql() << sql::kInsertGroup, soci::use(template_id), soci::use(gp), soci::use(g.title);
    long long group_id = last_insert_id(tx, "template_group");
    for (const auto& c : g.criteria) {
      int cp = criterion_pos++;
      std::string kind(to_string(c.kind)), measure, aggregate, mapping;
      long long max = c.max_points, per_unit = 0;
      soci::indicator formula_ind = c.formula ? soci::i_ok : soci::i_null;
      if (c.formula) {
        measure = c.formula->measure;
        aggregate = std::string(to_string(c.formula->aggregate));
        mapping = std::string(to_string(c.formula->mapping));
        per_unit = c.formula->per_unit;
      }
      tx.sql() << sql::kInsertCriterion, soci::use(template_id), soci::use(group_id), soci::use(cp),
          soci::use(c.title), soci::use(c.guidance), soci::use(c.evidence_expected), soci::use(kind), soci::use(max),
          soci::use(measure, formula_ind), soci::use(aggregate, formula_ind), soci::use(mapping, formula_ind),
          soci::use(per_unit);
      if (!c.formula || c.formula->mapping != Mapping::thresholds) continue;
      long long criterion_id = last_insert_id(tx, "template_criterion");
      int tp = 0;
      for (const auto& th : c.formula->thresholds) {
        long long at_least = th.at_least, points = th.points;
        int p = tp++;
        tx.sql() << sql::kInsertThreshold, soci::use(criterion_id), soci::use(p), soci::use(at_least),
            soci::use(points);
      }
    }
  }
  int band_pos = 0;
  for (const auto& b : t.bands) {
    long long at_least = b.at_least;
    int p = band_pos++;
    tx.sql() << sql::kInsertBand, soci::use(template_id), soci::use(p), soci::use(b.code), soci::use(b.name),
        soci::use(at_least);
  }
}

void load_content(Tx& tx, ScoreTemplate& t) {
  long long tid = t.id;
  {
    long long id = 0;
    std::string title;
    soci::statement st = (tx.sql().prepare << sql::kGroupsOf, soci::into(id), soci::into(title), soci::use(tid));
    st.execute();
    while (st.fetch()) t.groups.push_back({id, title, {}});
  }
  std::map<long long, std::vector<ScoreThreshold>> thresholds;
  {
    long long criterion = 0, at_least = 0, points = 0;
    soci::statement st = (tx.sql().prepare << sql::kThresholdsOf, soci::into(criterion), soci::into(at_least),
                          soci::into(points), soci::use(tid));
    st.execute();
    while (st.fetch()) thresholds[criterion].push_back({at_least, points});
  }
  {
    long long id = 0, group = 0, max = 0, per_unit = 0;
    std::string title, guidance, evidence, kind, measure, aggregate, mapping;
    soci::statement st = (tx.sql().prepare << sql::kCriteriaOf, soci::into(id), soci::into(group), soci::into(title),
                          soci::into(guidance), soci::into(evidence), soci::into(kind), soci::into(max),
                          soci::into(measure), soci::into(aggregate), soci::into(mapping), soci::into(per_unit),
                          soci::use(tid));
    st.execute();
    while (st.fetch()) {
      ScoreCriterion c;
      c.id = id;
      c.title = title;
      c.guidance = guidance;
      c.evidence_expected = evidence;
      c.kind = parse_criterion_kind(kind).value_or(CriterionKind::normal);
      c.max_points = max;
      if (!measure.empty()) {
        ScoreFormula f;
        f.measure = measure;
        f.aggregate = parse_aggregate(aggregate).value_or(Aggregate::sum);
        f.mapping = parse_mapping(mapping).value_or(Mapping::linear);
        f.per_unit = per_unit;
        if (auto it = thresholds.find(id); it != thresholds.end()) f.thresholds = it->second;
        c.formula = std::move(f);
      }
      for (auto& g : t.groups) {
        if (g.id == group) g.criteria.push_back(std::move(c));
      }
    }
  }
  {
    long long at_least = 0;
    std::string code, name;
    soci::statement st = (tx.sql().prepare << sql::kBandsOf, soci::into(code), soci::into(name),
                          soci::into(at_least), soci::use(tid));
    st.execute();
    while (st.fetch()) t.bands.push_back({code, name, at_least});
  }
}

}  // namespace

std::optional<EvaluationRow> find_evaluation(Tx& tx, std::int64_t id) {
  long long v = id;
  return one_evaluation(tx, std::string(sql::kEvaluationColumns) + "WHERE id = :id", soci::use(v));
}

std::optional<EvaluationRow> find_evaluation_for(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year) {
  long long a = agency_id, m = movement_id;
  std::string q = std::string(sql::kEvaluationColumns) + "WHERE agency_id = :a AND movement_id = :m AND year = :y";
  long long id = 0, agency = 0, movement = 0, version = 0;
  int y = 0;
  std::string status;
  tx.sql() << q, soci::into(id), soci::into(agency), soci::into(movement), soci::into(y), soci::into(status),
      soci::into(version), soci::use(a), soci::use(m), soci::use(year);
  if (!tx.sql().got_data()) return std::nullopt;
  return EvaluationRow{id, agency, movement, y, parse_evaluation_status(status).value_or(EvaluationStatus::open),
                       version};
}

std::int64_t insert_evaluation(Tx& tx, std::int64_t agency_id, std::int64_t movement_id, int year,
                               std::optional<std::int64_t> user_id, const std::string& at) {
  long long a = agency_id, m = movement_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertEvaluation, soci::use(a), soci::use(m), soci::use(year), soci::use(by.id, by.ind),
      soci::use(at);
  return last_insert_id(tx, "evaluation");
}

bool set_evaluation_status(Tx& tx, std::int64_t id, std::int64_t version, EvaluationStatus status) {
  long long i = id, v = version;
  std::string s(to_string(status));
  soci::statement st = (tx.sql().prepare << sql::kSetEvaluationStatus, soci::use(s), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void insert_evaluation_event(Tx& tx, std::int64_t evaluation_id, const std::string& event, const std::string& reason,
                             std::optional<std::int64_t> user_id, const std::string& at) {
  long long e = evaluation_id;
  NullableId by(user_id);
  tx.sql() << sql::kInsertEvaluationEvent, soci::use(e), soci::use(event), soci::use(reason),
      soci::use(by.id, by.ind), soci::use(at);
}

std::vector<EvaluationEventRow> evaluation_events(Tx& tx, std::int64_t evaluation_id) {
  long long e = evaluation_id;
  EvaluationEventRow r;
  std::vector<EvaluationEventRow> out;
  soci::statement st = (tx.sql().prepare << sql::kEvaluationEvents, soci::into(r.event), soci::into(r.reason),
                        soci::into(r.actor), soci::into(r.at), soci::use(e));
  st.execute();
  while (st.fetch()) out.push_back(r);
  return out;
}

std::int64_t insert_template(Tx& tx, const ScoreTemplate& t, std::int64_t evaluation_id,
                             std::optional<std::int64_t> user_id, const std::string& at) {
  long long e = evaluation_id, copied = t.copied_from.value_or(0);
  soci::indicator copied_ind = t.copied_from ? soci::i_ok : soci::i_null;
  std::string kind(to_string(t.subject));
  NullableId by(user_id);
  tx.sql() << sql::kInsertTemplate, soci::use(e), soci::use(kind), soci::use(t.title), soci::use(copied, copied_ind),
      soci::use(by.id, by.ind), soci::use(at), soci::use(at);
  long long id = last_insert_id(tx, "score_template");
  insert_content(tx, t, id);
  return id;
}

bool replace_template(Tx& tx, const ScoreTemplate& t, const std::string& at) {
  long long id = t.id, v = t.version;
  soci::statement st =
      (tx.sql().prepare << sql::kTouchTemplate, soci::use(t.title), soci::use(at), soci::use(id), soci::use(v));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  for (const char* q : {sql::kDeleteThresholds, sql::kDeleteCriteria, sql::kDeleteGroups, sql::kDeleteBands}) {
    tx.sql() << q, soci::use(id);
  }
  insert_content(tx, t, id);
  return true;
}

std::optional<ScoreTemplate> find_template_header(Tx& tx, std::int64_t id) {
  long long tid = id, agency = 0, movement = 0, version = 0, copied = 0, evaluation = 0;
  int year = 0;
  soci::indicator copied_ind = soci::i_null;
  std::string kind, title;
  tx.sql() << std::string(sql::kTemplateColumns) + "WHERE t.id = :id", soci::into(tid), soci::into(agency),
      soci::into(movement), soci::into(year), soci::into(kind), soci::into(title), soci::into(version),
      soci::into(copied, copied_ind), soci::into(evaluation), soci::use(tid);
  if (!tx.sql().got_data()) return std::nullopt;
  ScoreTemplate t;
  t.id = tid;
  t.agency_id = agency;
  t.movement_id = movement;
  t.year = year;
  t.subject = parse_eval_subject(kind).value_or(EvalSubject::person);
  t.title = title;
  t.version = version;
  if (copied_ind == soci::i_ok) t.copied_from = copied;
  return t;
}

std::optional<ScoreTemplate> find_template(Tx& tx, std::int64_t id) {
  auto t = find_template_header(tx, id);
  if (t) load_content(tx, *t);
  return t;
}

std::optional<std::int64_t> template_id_for(Tx& tx, std::int64_t evaluation_id, EvalSubject subject) {
  long long e = evaluation_id, id = 0;
  std::string kind(to_string(subject));
  tx.sql() << sql::kTemplateFor, soci::into(id), soci::use(e), soci::use(kind);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> template_evaluation(Tx& tx, std::int64_t template_id) {
  long long t = template_id, e = 0;
  tx.sql() << sql::kTemplateEvaluation, soci::into(e), soci::use(t);
  if (!tx.sql().got_data()) return std::nullopt;
  return e;
}

long long template_uses(Tx& tx, std::int64_t template_id) {
  long long t = template_id, n = 0;
  tx.sql() << sql::kTemplateUses, soci::into(n), soci::use(t), soci::use(t);
  return n;
}

}  // namespace thidua::storage
