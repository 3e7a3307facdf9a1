// Sheets, their entries and events, verified achievements per subject, clusters' cross-scores
// (declared in evaluation_repo.hpp).

#include <algorithm>
#include <unordered_set>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/evaluation_repo.hpp"
#include "storage/evaluation_sql.hpp"

namespace thidua::storage {

namespace {

/// Rows per multi-row INSERT when a template is applied to a whole agency.
constexpr std::size_t kInsertChunk = 500;

struct SheetBind {
  long long id = 0, evaluation = 0, tmpl = 0, agency = 0, unit = 0, person = 0, version = 0;
  std::string subject, status, submitted_at, name, sort_key, unit_name;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(evaluation));
    st.exchange(soci::into(tmpl));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(person));
    st.exchange(soci::into(status));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(version));
    st.exchange(soci::into(name));
    st.exchange(soci::into(sort_key));
    st.exchange(soci::into(unit_name));
  }
  SheetRow get() const {
    SheetRow s;
    s.id = id;
    s.evaluation_id = evaluation;
    s.template_id = tmpl;
    s.agency_id = agency;
    s.subject = parse_record_subject(subject).value_or(RecordSubject::person);
    s.unit_id = unit;
    if (person != 0) s.person_id = person;
    s.status = parse_sheet_status(status).value_or(SheetStatus::draft);
    s.submitted_at = submitted_at;
    s.version = version;
    s.subject_name = name;
    s.sort_key = sort_key;
    s.unit_name = unit_name;
    return s;
  }
};

std::vector<SheetRow> query_sheets(Tx& tx, const std::string& where, long long param) {
  SheetBind b;
  auto st = tx.prepared(std::string(sql::kSheetColumns) + where);
  b.bind(*st);
  st->exchange(soci::use(param));
  st->define_and_bind();
  std::vector<SheetRow> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

struct UserId {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  explicit UserId(std::optional<std::int64_t> user) {
    if (user) {
      id = *user;
      ind = soci::i_ok;
    }
  }
};

/// Runs "SELECT key, <measures> … GROUP BY key" with the movement, the year and perhaps a subject.
std::unordered_map<std::int64_t, MeasureTotals> measures(Tx& tx, const char* key, const char* where,
                                                         long long movement, int year,
                                                         std::optional<long long> subject) {
  long long k = 0;
  MeasureTotals m;
  // The six summed measures have a count of their own; the counted ones are their own count.
  std::array<long long, 6> counts{};
  auto st = tx.prepared(std::string("SELECT ") + key + ", " + sql::kMeasureSelect + where);
  st->exchange(soci::into(k));
  for (auto& v : m.sums) st->exchange(soci::into(v));
  for (auto& v : counts) st->exchange(soci::into(v));
  st->exchange(soci::use(movement));
  st->exchange(soci::use(year));
  long long s = subject.value_or(0);
  if (subject) st->exchange(soci::use(s));
  st->define_and_bind();
  std::unordered_map<std::int64_t, MeasureTotals> out;
  if (st->execute(true)) {
    do {
      MeasureTotals row;
      row.sums = m.sums;
      row.counts = m.sums;  // counted measures: the records
      for (std::size_t i = 0; i < counts.size(); ++i) row.counts[i] = counts[i];
      out.emplace(k, row);
    } while (st->fetch());
  }
  return out;
}

}  // namespace

std::optional<SheetRow> find_sheet(Tx& tx, std::int64_t id) {
  auto rows = query_sheets(tx, "WHERE s.id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SheetRow> sheets_of_template(Tx& tx, std::int64_t template_id) {
  return query_sheets(tx, "WHERE s.template_id = :t ORDER BY s.id", template_id);
}

std::vector<std::pair<std::int64_t, std::int64_t>> subjects_without_sheet(Tx& tx, std::int64_t agency_id,
                                                                          std::int64_t template_id,
                                                                          RecordSubject subject) {
  long long t = template_id, a = agency_id;
  std::unordered_set<long long> have;
  {
    long long key = 0;
    soci::statement st = (tx.sql().prepare << sql::kSheetSubjects, soci::into(key), soci::use(t));
    st.execute();
    while (st.fetch()) have.insert(key);
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  long long id = 0, unit = 0;
  soci::statement st = (tx.sql().prepare << (subject == RecordSubject::unit ? sql::kActiveUnits : sql::kActivePeople),
                        soci::into(id), soci::into(unit), soci::use(a));
  st.execute();
  while (st.fetch()) {
    if (!have.count(id)) out.emplace_back(id, unit);
  }
  return out;
}

long long insert_sheets(Tx& tx, const ScoreTemplate& t, std::int64_t evaluation_id, RecordSubject subject,
                        const std::vector<std::pair<std::int64_t, std::int64_t>>& subjects,
                        std::optional<std::int64_t> user_id, const std::string& at) {
  // Every value is an id read from the database or our own ISO timestamp, so the rows are
  // written inline, a chunk per statement (one statement per sheet costs a round trip each on
  // PostgreSQL: seconds for a province).
  const std::string kind(to_string(subject));
  const std::string head =
      "INSERT INTO score_sheet (evaluation_id, template_id, agency_id, subject_kind, unit_id, person_id, subject_key, "
      "status, created_at, updated_at, version) VALUES ";
  const std::string fixed = std::to_string(evaluation_id) + ", " + std::to_string(t.id) + ", " +
                            std::to_string(t.agency_id) + ", '" + kind + "', ";
  const std::string tail = ", 'draft', '" + at + "', '" + at + "', 1)";
  for (std::size_t from = 0; from < subjects.size(); from += kInsertChunk) {
    std::string q = head;
    const auto to = std::min(subjects.size(), from + kInsertChunk);
    for (std::size_t i = from; i < to; ++i) {
      const auto& [id, unit] = subjects[i];
      if (i > from) q += ", ";
      q += "(" + fixed + std::to_string(unit) + ", " +
           (subject == RecordSubject::person ? std::to_string(id) : std::string("NULL")) + ", " +
           std::to_string(id) + tail;
    }
    tx.sql() << q;
  }
  UserId by(user_id);
  long long tid = t.id;
  tx.sql() << sql::kSheetAppliedEvents, soci::use(by.id, by.ind), soci::use(at), soci::use(tid);
  return static_cast<long long>(subjects.size());
}

bool set_sheet_status(Tx& tx, std::int64_t id, std::int64_t version, SheetStatus status,
                      const std::string& submitted_at, const std::string& at) {
  long long i = id, v = version;
  std::string s(to_string(status)), sub = submitted_at;
  soci::indicator sub_ind = sub.empty() ? soci::i_null : soci::i_ok;
  soci::statement st = (tx.sql().prepare << sql::kSetSheetStatus, soci::use(s), soci::use(sub, sub_ind),
                        soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<std::int64_t> insert_entries(Tx& tx, std::int64_t sheet_id, const std::vector<NewEntry>& entries,
                                         std::optional<std::int64_t> user_id, const std::string& at) {
  UserId by(user_id);
  std::vector<std::int64_t> ids;
  for (const auto& e : entries) {
    long long s = sheet_id, c = e.criterion_id, p = e.points, v = e.value.value_or(0);
    soci::indicator v_ind = e.value ? soci::i_ok : soci::i_null;
    std::string round(to_string(e.round));
    auto st = tx.prepared(sql::kInsertEntry);
    st->exchange(soci::use(s));
    st->exchange(soci::use(c));
    st->exchange(soci::use(round));
    st->exchange(soci::use(p));
    st->exchange(soci::use(v, v_ind));
    st->exchange(soci::use(e.comment));
    st->exchange(soci::use(e.reason));
    st->exchange(soci::use(by.id, by.ind));
    st->exchange(soci::use(at));
    st->define_and_bind();
    st->execute(true);
    ids.push_back(last_insert_id(tx, "score_entry"));
  }
  return ids;
}

std::optional<std::int64_t> sheet_of_entry(Tx& tx, std::int64_t entry_id) {
  long long e = entry_id, s = 0;
  tx.sql() << sql::kSheetOfEntry, soci::into(s), soci::use(e);
  if (!tx.sql().got_data()) return std::nullopt;
  return s;
}

std::vector<EntryRow> entries_of_sheet(Tx& tx, std::int64_t sheet_id) {
  long long s = sheet_id, id = 0, criterion = 0, points = 0, value = 0;
  soci::indicator value_ind = soci::i_null;
  std::string round;
  EntryRow r;
  std::vector<EntryRow> out;
  soci::statement st = (tx.sql().prepare << sql::kEntriesOf, soci::into(id), soci::into(criterion), soci::into(round),
                        soci::into(points), soci::into(value, value_ind), soci::into(r.comment),
                        soci::into(r.reason), soci::into(r.scored_by), soci::into(r.scored_at), soci::use(s));
  st.execute();
  while (st.fetch()) {
    r.id = id;
    r.criterion_id = criterion;
    r.round = parse_score_round(round).value_or(ScoreRound::self);
    r.points = points;
    r.value = value_ind == soci::i_ok ? std::optional<long long>(value) : std::nullopt;
    out.push_back(r);
  }
  return out;
}

std::unordered_map<std::int64_t, std::map<std::int64_t, Points>> current_points(Tx& tx, std::int64_t template_id) {
  long long t = template_id, sheet = 0, criterion = 0, points = 0;
  std::unordered_map<std::int64_t, std::map<std::int64_t, Points>> out;
  auto st = tx.prepared(sql::kTemplateEntries);
  st->exchange(soci::into(sheet));
  st->exchange(soci::into(criterion));
  st->exchange(soci::into(points));
  st->exchange(soci::use(t));
  st->define_and_bind();
  if (st->execute(true)) {
    do {
      out[sheet][criterion] = points;  // oldest first: the newest stays
    } while (st->fetch());
  }
  return out;
}

void insert_sheet_event(Tx& tx, std::int64_t sheet_id, const std::string& event, std::optional<ScoreRound> round,
                        const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at) {
  long long s = sheet_id;
  std::string r = round ? std::string(to_string(*round)) : std::string();
  soci::indicator r_ind = round ? soci::i_ok : soci::i_null;
  UserId by(user_id);
  tx.sql() << sql::kInsertSheetEvent, soci::use(s), soci::use(event), soci::use(r, r_ind), soci::use(comment),
      soci::use(by.id, by.ind), soci::use(at);
}

std::vector<SheetEventRow> sheet_events(Tx& tx, std::int64_t sheet_id) {
  long long s = sheet_id;
  SheetEventRow r;
  std::vector<SheetEventRow> out;
  soci::statement st = (tx.sql().prepare << sql::kSheetEvents, soci::into(r.event), soci::into(r.round),
                        soci::into(r.comment), soci::into(r.actor), soci::into(r.at), soci::use(s));
  st.execute();
  while (st.fetch()) out.push_back(r);
  return out;
}

std::unordered_map<std::int64_t, MeasureTotals> measures_by_person(Tx& tx, std::int64_t movement_id, int year) {
  return measures(tx, "a.person_id", sql::kMeasuresByPerson, movement_id, year, std::nullopt);
}

std::unordered_map<std::int64_t, MeasureTotals> measures_by_unit(Tx& tx, std::int64_t movement_id, int year) {
  return measures(tx, "a.unit_id", sql::kMeasuresByUnit, movement_id, year, std::nullopt);
}

MeasureTotals measures_of(Tx& tx, RecordSubject subject, std::int64_t subject_id, std::int64_t movement_id, int year) {
  const bool unit = subject == RecordSubject::unit;
  auto rows = measures(tx, unit ? "a.unit_id" : "a.person_id", unit ? sql::kMeasuresOfUnit : sql::kMeasuresOfPerson,
                       movement_id, year, subject_id);
  auto it = rows.find(subject_id);
  return it == rows.end() ? MeasureTotals{} : it->second;
}

void insert_cluster_score(Tx& tx, std::int64_t template_id, std::int64_t cluster_id, const ClusterScore& s,
                          const std::string& comment, std::optional<std::int64_t> user_id, const std::string& at) {
  long long t = template_id, c = cluster_id, from = s.scorer_agency, to = s.scored_agency, p = s.points;
  UserId by(user_id);
  tx.sql() << sql::kInsertClusterScore, soci::use(t), soci::use(c), soci::use(from), soci::use(to), soci::use(p),
      soci::use(comment), soci::use(by.id, by.ind), soci::use(at);
}

std::vector<ClusterScore> cluster_scores(Tx& tx, std::int64_t template_id) {
  long long t = template_id, from = 0, to = 0, points = 0;
  std::map<std::pair<long long, long long>, long long> newest;
  soci::statement st = (tx.sql().prepare << sql::kClusterScores, soci::into(from), soci::into(to),
                        soci::into(points), soci::use(t));
  st.execute();
  while (st.fetch()) newest[{from, to}] = points;
  std::vector<ClusterScore> out;
  for (const auto& [pair, p] : newest) out.push_back({pair.first, pair.second, p});
  return out;
}

}  // namespace thidua::storage
