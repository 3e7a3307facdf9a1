// Review report drafts and their saved versions (review_report_repo.hpp).

#include "storage/review_report_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/nullable_id.hpp"
#include "storage/review_report_sql.hpp"

namespace thidua::storage {

namespace {

std::vector<ReviewReport> query_reviews(Tx& tx, const std::string& where, long long p) {
  long long id = 0, agency = 0, movement = 0, by = 0, version = 0;
  int year = 0;
  std::string movement_title, kind, from, to, created_at, updated_by, updated_at;
  ReviewText t;
  std::vector<ReviewReport> out;
  soci::statement st =
      (tx.sql().prepare << std::string(sql::kReviewColumns) + where, soci::into(id), soci::into(agency),
       soci::into(movement), soci::into(movement_title), soci::into(kind), soci::into(year), soci::into(from),
       soci::into(to), soci::into(t.title), soci::into(t.doc_number), soci::into(t.doc_symbol),
       soci::into(t.doc_date), soci::into(t.place), soci::into(t.header_parent), soci::into(t.header_agency),
       soci::into(t.opening), soci::into(t.work_intro), soci::into(t.shortcomings), soci::into(t.lessons),
       soci::into(t.next_steps), soci::into(t.signer_mark), soci::into(t.signer_title), soci::into(t.signer_name),
       soci::into(by), soci::into(created_at), soci::into(updated_by), soci::into(updated_at), soci::into(version),
       soci::use(p));
  st.execute();
  while (st.fetch()) {
    ReviewReport r;
    r.id = id;
    r.agency_id = agency;
    r.movement_id = movement;
    r.movement_title = movement_title;
    r.kind = parse_review_kind(kind).value_or(ReviewKind::annual);
    r.year = year;
    r.period_from = from;
    r.period_to = to;
    r.text = t;
    if (by) r.created_by = by;
    r.created_at = created_at;
    r.updated_by_name = updated_by;
    r.updated_at = updated_at;
    r.version = version;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::int64_t insert_review_report(Tx& tx, const ReviewReport& r, std::optional<std::int64_t> by,
                                  const std::string& at) {
  long long agency = r.agency_id, movement = r.movement_id;
  std::string kind(to_string(r.kind));
  NullableId who(by), who2(by);
  const ReviewText& t = r.text;
  tx.sql() << sql::kInsertReview, soci::use(agency), soci::use(movement), soci::use(kind), soci::use(r.year),
      soci::use(r.period_from), soci::use(r.period_to), soci::use(t.title), soci::use(t.doc_number),
      soci::use(t.doc_symbol), soci::use(t.doc_date), soci::use(t.place), soci::use(t.header_parent),
      soci::use(t.header_agency), soci::use(t.opening), soci::use(t.work_intro), soci::use(t.shortcomings),
      soci::use(t.lessons), soci::use(t.next_steps), soci::use(t.signer_mark), soci::use(t.signer_title),
      soci::use(t.signer_name), soci::use(who.id, who.ind), soci::use(at), soci::use(who2.id, who2.ind),
      soci::use(at);
  return last_insert_id(tx, "review_report");
}

bool update_review_text(Tx& tx, std::int64_t id, std::int64_t version, const ReviewText& t,
                        std::optional<std::int64_t> by, const std::string& at) {
  long long i = id, v = version;
  NullableId who(by);
  soci::statement st =
      (tx.sql().prepare << sql::kUpdateReview, soci::use(t.title), soci::use(t.doc_number), soci::use(t.doc_symbol),
       soci::use(t.doc_date), soci::use(t.place), soci::use(t.header_parent), soci::use(t.header_agency),
       soci::use(t.opening), soci::use(t.work_intro), soci::use(t.shortcomings), soci::use(t.lessons),
       soci::use(t.next_steps), soci::use(t.signer_mark), soci::use(t.signer_title), soci::use(t.signer_name),
       soci::use(who.id, who.ind), soci::use(at), soci::use(i), soci::use(v));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<ReviewReport> find_review_report(Tx& tx, std::int64_t id) {
  auto rows = query_reviews(tx, "WHERE r.id = :p", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<std::int64_t> review_report_id(Tx& tx, std::int64_t movement_id, ReviewKind kind, int year) {
  long long m = movement_id, id = 0;
  std::string k(to_string(kind));
  soci::indicator ind = soci::i_null;
  tx.sql() << sql::kReviewByKey, soci::use(m), soci::use(k), soci::use(year), soci::into(id, ind);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return id;
}

std::vector<ReviewReport> list_review_reports(Tx& tx, std::int64_t movement_id) {
  return query_reviews(tx,
                       "WHERE r.movement_id = :p ORDER BY CASE r.kind WHEN 'final' THEN 0 WHEN 'midterm' THEN 1 "
                       "ELSE 2 END, r.year DESC, r.id",
                       movement_id);
}

void insert_review_revision(Tx& tx, std::int64_t report_id, std::int64_t version, const std::string& content,
                            std::optional<std::int64_t> by, const std::string& at) {
  long long r = report_id, v = version;
  NullableId who(by);
  tx.sql() << sql::kInsertRevision, soci::use(r), soci::use(v), soci::use(content), soci::use(who.id, who.ind),
      soci::use(at);
}

std::vector<ReviewRevision> review_revisions(Tx& tx, std::int64_t report_id) {
  long long r = report_id, version = 0;
  std::string content, by, at;
  std::vector<ReviewRevision> out;
  soci::statement st = (tx.sql().prepare << sql::kRevisionsOf, soci::into(version), soci::into(content),
                        soci::into(by), soci::into(at), soci::use(r));
  st.execute();
  while (st.fetch()) out.push_back({version, content, by, at});
  return out;
}

}  // namespace thidua::storage
