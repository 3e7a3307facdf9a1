#include "storage/assessment_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/commune_repo.hpp"
#include "storage/commune_sql.hpp"

namespace thidua::storage {

namespace {

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }

std::vector<CriteriaSet> query_sets(Tx& tx, const std::string& where, const std::string* text_param,
                                    const long long* id_param) {
  long long id = 0;
  std::string code, name, level, vf, vt, citation, hash;
  auto st = tx.prepared(std::string(sql::kCriteriaSetColumns) + where);
  st->exchange(soci::into(id));
  st->exchange(soci::into(code));
  st->exchange(soci::into(name));
  st->exchange(soci::into(level));
  st->exchange(soci::into(vf));
  st->exchange(soci::into(vt));
  st->exchange(soci::into(citation));
  st->exchange(soci::into(hash));
  std::string tp = text_param ? *text_param : std::string();
  long long ip = id_param ? *id_param : 0;
  if (text_param) st->exchange(soci::use(tp));
  if (id_param) st->exchange(soci::use(ip));
  st->define_and_bind();
  std::vector<CriteriaSet> out;
  if (st->execute(true)) {
    do {
      CriteriaSet s;
      s.id = id;
      s.code = code;
      s.name = name;
      s.level = level;
      s.valid_from = vf;
      s.valid_to = vt;
      s.citation = citation;
      s.source_hash = hash;
      out.push_back(std::move(s));
    } while (st->fetch());
  }
  return out;
}

std::vector<Indicator> query_indicators(Tx& tx, const std::string& where, long long param) {
  long long id = 0, criterion = 0;
  int position = 0;
  std::string code, name, unit, target, group, status;
  auto st = tx.prepared(std::string(sql::kIndicatorColumns) + where);
  st->exchange(soci::into(id));
  st->exchange(soci::into(criterion));
  st->exchange(soci::into(code));
  st->exchange(soci::into(name));
  st->exchange(soci::into(unit));
  st->exchange(soci::into(target));
  st->exchange(soci::into(group));
  st->exchange(soci::into(position));
  st->exchange(soci::into(status));
  st->exchange(soci::use(param));
  st->define_and_bind();
  std::vector<Indicator> out;
  if (st->execute(true)) {
    do {
      out.push_back({id, criterion, code, name, unit, target, group, position, status == "active"});
    } while (st->fetch());
  }
  return out;
}

struct AssessmentBind {
  long long id = 0, commune = 0, set = 0, agency = 0;
  int met = 0, total = 0;
  std::string set_name, agency_name, on, kind, note, status, by, created_at, withdrawn_by, withdrawn_at, why;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(set));
    st.exchange(soci::into(set_name));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(agency_name));
    st.exchange(soci::into(on));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(met));
    st.exchange(soci::into(total));
    st.exchange(soci::into(note));
    st.exchange(soci::into(status));
    st.exchange(soci::into(by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(withdrawn_by));
    st.exchange(soci::into(withdrawn_at));
    st.exchange(soci::into(why));
  }
  Assessment get() const {
    Assessment a;
    a.id = id;
    a.commune_id = commune;
    a.set_id = set;
    a.set_name = set_name;
    a.agency_id = agency;
    a.agency_name = agency_name;
    a.assessed_on = on;
    a.kind = parse_assessment_kind(kind).value_or(AssessmentKind::half_year);
    a.criteria_met = met;
    a.criteria_total = total;
    a.note = note;
    a.withdrawn = status == "withdrawn";
    a.assessed_by = by;
    a.created_at = created_at;
    a.withdrawn_by = withdrawn_by;
    a.withdrawn_at = withdrawn_at;
    a.withdrawn_reason = why;
    return a;
  }
};

/// Assessments matching `where`: bound `:p` to `param` when given (cached), else with ids
/// spliced in from our own rows (uncached).
std::vector<Assessment> query_assessments(Tx& tx, const std::string& where, std::optional<long long> param) {
  AssessmentBind b;
  RowQuery st(tx, std::string(sql::kAssessmentColumns) + where, param.has_value());
  b.bind(*st);
  long long p = param.value_or(0);
  if (param) st->exchange(soci::use(p));
  st->define_and_bind();
  std::vector<Assessment> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

void add_totals(SupportTotals& t, long long records, long long cash, long long goods, long long workdays,
                long long land) {
  t.records += records;
  t.cash_vnd += cash;
  t.goods_vnd += goods;
  t.workdays += workdays;
  t.land_m2 += land;
}

}  // namespace

std::vector<CriteriaSet> criteria_sets(Tx& tx) {
  return query_sets(tx, "ORDER BY valid_from, id", nullptr, nullptr);
}

std::optional<CriteriaSet> find_criteria_set(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  auto rows = query_sets(tx, "WHERE id = :id", nullptr, &id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<CriteriaSet> find_criteria_set_by_code(Tx& tx, const std::string& code) {
  auto rows = query_sets(tx, "WHERE code = :code", &code, nullptr);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::int64_t insert_criteria_set(Tx& tx, const CriteriaSet& s, const std::string& at) {
  soci::indicator vti = null_if_empty(s.valid_to);
  tx.sql() << sql::kInsertCriteriaSet, soci::use(s.code), soci::use(s.name), soci::use(s.level),
      soci::use(s.valid_from), soci::use(s.valid_to, vti), soci::use(s.citation), soci::use(s.source_hash),
      soci::use(at);
  return last_insert_id(tx, "criteria_set");
}

void update_criteria_set(Tx& tx, const CriteriaSet& s) {
  long long id = s.id;
  soci::indicator vti = null_if_empty(s.valid_to);
  tx.sql() << sql::kUpdateCriteriaSet, soci::use(s.name), soci::use(s.level), soci::use(s.valid_from),
      soci::use(s.valid_to, vti), soci::use(s.citation), soci::use(s.source_hash), soci::use(id);
}

std::vector<Criterion> set_criteria(Tx& tx, std::int64_t set_id) {
  long long s = set_id, id = 0, set = 0;
  int number = 0;
  std::string name, group;
  auto st = tx.prepared(sql::kCriteria);
  st->exchange(soci::into(id));
  st->exchange(soci::into(set));
  st->exchange(soci::into(number));
  st->exchange(soci::into(name));
  st->exchange(soci::into(group));
  st->exchange(soci::use(s));
  st->define_and_bind();
  std::vector<Criterion> out;
  if (st->execute(true)) {
    do {
      out.push_back({id, set, number, name, group, {}});
    } while (st->fetch());
  }
  return out;
}

std::optional<Criterion> find_criterion(Tx& tx, std::int64_t id_in) {
  long long id = id_in, set = 0;
  int number = 0;
  std::string name, group;
  tx.sql() << "SELECT set_id, number, name, grp FROM criterion WHERE id = :id", soci::into(set), soci::into(number),
      soci::into(name), soci::into(group), soci::use(id);
  if (!tx.sql().got_data()) return std::nullopt;
  return Criterion{id, set, number, name, group, {}};
}

std::int64_t insert_criterion(Tx& tx, const Criterion& c) {
  long long set = c.set_id;
  tx.sql() << "INSERT INTO criterion (set_id, number, name, grp) VALUES (:s, :n, :name, :grp)", soci::use(set),
      soci::use(c.number), soci::use(c.name), soci::use(c.group);
  return last_insert_id(tx, "criterion");
}

void update_criterion(Tx& tx, std::int64_t id_in, const std::string& name, const std::string& group) {
  long long id = id_in;
  tx.sql() << "UPDATE criterion SET name = :name, grp = :grp WHERE id = :id", soci::use(name), soci::use(group),
      soci::use(id);
}

std::vector<Indicator> set_indicators(Tx& tx, std::int64_t set_id) {
  return query_indicators(
      tx, "JOIN criterion c ON c.id = i.criterion_id WHERE c.set_id = :s ORDER BY c.number, i.position, i.id", set_id);
}

std::optional<Indicator> find_indicator(Tx& tx, std::int64_t id) {
  auto rows = query_indicators(tx, "WHERE i.id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::int64_t insert_indicator(Tx& tx, const Indicator& i, std::optional<std::int64_t> user_id, const std::string& at) {
  long long c = i.criterion_id, by = user_id.value_or(0);
  soci::indicator byi = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertIndicator, soci::use(c), soci::use(i.code), soci::use(i.name), soci::use(i.measure_unit),
      soci::use(i.target), soci::use(i.commune_group), soci::use(i.position), soci::use(by, byi), soci::use(at);
  return last_insert_id(tx, "indicator");
}

void set_indicator_status(Tx& tx, std::int64_t id_in, bool active) {
  long long id = id_in;
  std::string status = active ? "active" : "retired";
  tx.sql() << "UPDATE indicator SET status = :s WHERE id = :id", soci::use(status), soci::use(id);
}

int next_indicator_position(Tx& tx, std::int64_t criterion_id) {
  long long c = criterion_id, top = 0;
  tx.sql() << "SELECT CAST(COALESCE(MAX(position), 0) AS BIGINT) FROM indicator WHERE criterion_id = :c",
      soci::into(top), soci::use(c);
  return static_cast<int>(top) + 1;
}

bool criterion_assessed(Tx& tx, std::int64_t criterion_id) {
  long long c = criterion_id, n = 0;
  tx.sql() << "SELECT CAST(COUNT(*) AS BIGINT) FROM assessment_item i JOIN assessment a ON a.id = i.assessment_id "
              "WHERE i.criterion_id = :c AND a.status = 'recorded'",
      soci::into(n), soci::use(c);
  return n > 0;
}

std::int64_t insert_assessment(Tx& tx, const Assessment& a, std::optional<std::int64_t> user_id,
                               const std::string& at) {
  long long commune = a.commune_id, set = a.set_id, agency = a.agency_id, by = user_id.value_or(0);
  std::string kind(to_string(a.kind));
  soci::indicator byi = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertAssessment, soci::use(commune), soci::use(set), soci::use(agency), soci::use(a.assessed_on),
      soci::use(kind), soci::use(a.criteria_met), soci::use(a.criteria_total), soci::use(a.note), soci::use(by, byi),
      soci::use(at);
  auto id = last_insert_id(tx, "assessment");
  long long aid = id;
  for (const auto& i : a.items) {
    long long c = i.criterion_id;
    int met = i.met ? 1 : 0;
    auto st = tx.prepared(sql::kInsertAssessmentItem);
    st->exchange(soci::use(aid));
    st->exchange(soci::use(c));
    st->exchange(soci::use(met));
    st->exchange(soci::use(i.value));
    st->exchange(soci::use(i.note));
    st->define_and_bind();
    st->execute(true);
  }
  return id;
}

std::optional<Assessment> find_assessment(Tx& tx, std::int64_t id) {
  auto rows = query_assessments(tx, "WHERE s.id = :p", id);
  if (rows.empty()) return std::nullopt;
  auto items = assessment_items(tx, {id});
  if (auto it = items.find(id); it != items.end()) rows.front().items = std::move(it->second);
  return rows.front();
}

std::vector<Assessment> commune_assessments(Tx& tx, std::int64_t commune_id,
                                            const std::vector<std::int64_t>& agency_ids) {
  return query_assessments(tx,
                           "WHERE s.commune_id = " + std::to_string(commune_id) + " AND s.agency_id IN (" +
                               id_list(agency_ids) + ") ORDER BY s.assessed_on, s.id",
                           std::nullopt);
}

std::map<std::int64_t, std::vector<AssessmentItem>> assessment_items(Tx& tx, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<AssessmentItem>> out;
  if (ids.empty()) return out;
  if (ids.size() == 1) {
    long long a = ids.front(), id = 0, criterion = 0;
    int number = 0, met = 0;
    std::string name, value, note;
    auto st = tx.prepared(sql::kAssessmentItems);
    st->exchange(soci::into(id));
    st->exchange(soci::into(criterion));
    st->exchange(soci::into(number));
    st->exchange(soci::into(name));
    st->exchange(soci::into(met));
    st->exchange(soci::into(value));
    st->exchange(soci::into(note));
    st->exchange(soci::use(a));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        out[a].push_back({id, criterion, number, name, met != 0, value, note});
      } while (st->fetch());
    }
    return out;
  }
  long long a = 0, id = 0, criterion = 0;
  int number = 0, met = 0;
  std::string name, value, note;
  soci::statement st =
      (tx.sql().prepare << "SELECT i.assessment_id, i.id, i.criterion_id, c.number, c.name, i.met, i.value, i.note "
                           "FROM assessment_item i JOIN criterion c ON c.id = i.criterion_id "
                           "WHERE i.assessment_id IN (" + id_list(ids) + ") ORDER BY i.assessment_id, c.number",
       soci::into(a), soci::into(id), soci::into(criterion), soci::into(number), soci::into(name), soci::into(met),
       soci::into(value), soci::into(note));
  st.execute();
  while (st.fetch()) out[a].push_back({id, criterion, number, name, met != 0, value, note});
  return out;
}

std::vector<Assessment> recorded_assessments(Tx& tx, const std::vector<std::int64_t>& commune_ids,
                                             const std::vector<std::int64_t>& agency_ids) {
  if (commune_ids.empty()) return {};
  return query_assessments(tx,
                           "WHERE s.status = 'recorded' AND s.commune_id IN (" + id_list(commune_ids) +
                               ") AND s.agency_id IN (" + id_list(agency_ids) + ") ORDER BY s.assessed_on, s.id",
                           std::nullopt);
}

bool assessment_on(Tx& tx, std::int64_t commune_id, std::int64_t agency_id, const std::string& date) {
  long long c = commune_id, a = agency_id, n = 0;
  tx.sql() << "SELECT CAST(COUNT(*) AS BIGINT) FROM assessment WHERE commune_id = :c AND agency_id = :a "
              "AND assessed_on = :d AND status = 'recorded'",
      soci::into(n), soci::use(c), soci::use(a), soci::use(date);
  return n > 0;
}

bool withdraw_assessment(Tx& tx, std::int64_t id_in, std::optional<std::int64_t> user_id, const std::string& reason,
                         const std::string& at) {
  long long id = id_in, by = user_id.value_or(0);
  soci::indicator byi = user_id ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kWithdrawAssessment, soci::use(by, byi), soci::use(at),
                        soci::use(reason), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<SupportEntry> support_ledger(Tx& tx, std::int64_t commune_id, const std::vector<std::int64_t>& agency_ids,
                                         int limit) {
  long long c = commune_id, id = 0, cash = 0, goods = 0, workdays = 0, land = 0;
  soci::indicator ci = soci::i_null, gi = soci::i_null, wi = soci::i_null, li = soci::i_null;
  std::string on, unit, person, kind, title;
  // achievement_commune (commune_id, occurred_on) serves the order and the limit.
  soci::statement st =
      (tx.sql().prepare << std::string(sql::kSupportColumns) +
                               "WHERE ac.commune_id = :c AND ac.status = 'verified' AND ac.agency_id IN (" +
                               id_list(agency_ids) + ") ORDER BY ac.occurred_on DESC, ac.id DESC LIMIT " +
                               std::to_string(limit),
       soci::into(id), soci::into(on), soci::into(unit), soci::into(person), soci::into(kind), soci::into(title),
       soci::into(cash, ci), soci::into(goods, gi), soci::into(workdays, wi), soci::into(land, li), soci::use(c));
  st.execute();
  std::vector<SupportEntry> out;
  auto opt = [](long long v, soci::indicator i) { return i == soci::i_ok ? std::optional<long long>(v) : std::nullopt; };
  while (st.fetch()) {
    out.push_back({id, on, unit, person, kind, title, opt(cash, ci), opt(goods, gi), opt(workdays, wi), opt(land, li)});
  }
  return out;
}

std::map<std::int64_t, SupportTotals> support_totals(Tx& tx, const std::vector<std::int64_t>& commune_ids,
                                                     const std::vector<std::int64_t>& agency_ids) {
  std::map<std::int64_t, SupportTotals> out;
  if (commune_ids.empty()) return out;
  long long c = 0, n = 0, cash = 0, goods = 0, workdays = 0, land = 0;
  soci::statement st =
      (tx.sql().prepare << std::string(sql::kSupportTotals) + "WHERE ac.commune_id IN (" + id_list(commune_ids) +
                               ") AND ac.status = 'verified' AND ac.agency_id IN (" + id_list(agency_ids) +
                               ") GROUP BY ac.commune_id",
       soci::into(c), soci::into(n), soci::into(cash), soci::into(goods), soci::into(workdays), soci::into(land));
  st.execute();
  while (st.fetch()) add_totals(out[c], n, cash, goods, workdays, land);
  return out;
}

}  // namespace thidua::storage
