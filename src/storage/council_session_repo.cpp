#include "storage/council_session_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/council_session_sql.hpp"

namespace thidua::storage {

namespace {

struct SessionBind {
  long long id = 0, agency = 0, term = 0, version = 0;
  int disclosure = 0;
  std::string term_name, title, held_on, place, status;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(term));
    st.exchange(soci::into(term_name));
    st.exchange(soci::into(title));
    st.exchange(soci::into(held_on));
    st.exchange(soci::into(place));
    st.exchange(soci::into(status));
    st.exchange(soci::into(disclosure));
    st.exchange(soci::into(version));
  }
  CouncilSessionRow row() const {
    return CouncilSessionRow{id, agency, term, term_name, title, held_on, place, status, disclosure != 0, version};
  }
};

struct ItemBind {
  long long id = 0, session = 0, nomination = 0, version = 0;
  int position = 0, ballot = 0, threshold = 0, strict = 0, quorum = 0, written = 0, recuse = 0, approvals = 0,
      disapprovals = 0, membership = -1, recused = -1;
  std::string status, citation, result;
  void into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(session));
    st.exchange(soci::into(nomination));
    st.exchange(soci::into(position));
    st.exchange(soci::into(status));
    st.exchange(soci::into(ballot));
    st.exchange(soci::into(threshold));
    st.exchange(soci::into(strict));
    st.exchange(soci::into(quorum));
    st.exchange(soci::into(written));
    st.exchange(soci::into(recuse));
    st.exchange(soci::into(citation));
    st.exchange(soci::into(approvals));
    st.exchange(soci::into(disapprovals));
    st.exchange(soci::into(membership));
    st.exchange(soci::into(recused));
    st.exchange(soci::into(result));
    st.exchange(soci::into(version));
  }
  CouncilItemRow row() const {
    CouncilItemRow r;
    r.id = id;
    r.session_id = session;
    r.nomination_id = nomination;
    r.position = position;
    r.status = status;
    r.rule.ballot_required = ballot != 0;
    r.rule.threshold_percent = threshold;
    r.rule.threshold_strict = strict != 0;
    r.rule.quorum_percent = quorum;
    r.rule.count_written = written != 0;
    r.rule.recuse_unit_head = recuse != 0;
    r.rule.citation = citation;
    r.approvals = approvals;
    r.disapprovals = disapprovals;
    if (membership >= 0) r.membership = membership;
    if (recused >= 0) r.recused = recused;
    r.result = result;
    r.version = version;
    return r;
  }
};

template <class Bind, class Row = decltype(std::declval<Bind>().row()), class F>
std::vector<Row> query_rows(Tx& tx, const std::string& query, F&& bind) {
  Bind b;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  b.into(st);
  bind(st);
  st.define_and_bind();
  std::vector<Row> out;
  if (st.execute(true)) {
    do {
      out.push_back(b.row());
    } while (st.fetch());
  }
  return out;
}

bool affected(Tx& tx, const char* query, auto&&... uses) {
  soci::statement st = ((tx.sql().prepare << query), ..., uses);
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::map<std::int64_t, std::string> person_map(Tx& tx, const char* query, long long key) {
  long long person = 0;
  std::string value;
  soci::statement st = (tx.sql().prepare << query, soci::into(person), soci::into(value), soci::use(key));
  st.execute();
  std::map<std::int64_t, std::string> out;
  while (st.fetch()) out[person] = value;
  return out;
}

}  // namespace

std::int64_t insert_council_session(Tx& tx, const CouncilSessionRow& s, std::optional<std::int64_t> user_id,
                                    const std::string& at) {
  long long agency = s.agency_id, term = s.term_id, by = user_id.value_or(0);
  int disclosure = s.disclosure ? 1 : 0;
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertCouncilSession, soci::use(agency), soci::use(term), soci::use(s.title), soci::use(s.held_on),
      soci::use(s.place), soci::use(disclosure), soci::use(by, by_ind), soci::use(at);
  return last_insert_id(tx, "council_session");
}

std::optional<CouncilSessionRow> find_council_session(Tx& tx, std::int64_t id) {
  long long key = id;
  auto rows = query_rows<SessionBind>(tx, std::string(sql::kCouncilSessionColumns) + "WHERE s.id = :id",
                                      [&](soci::statement& st) { st.exchange(soci::use(key)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<CouncilSessionRow> council_sessions(Tx& tx, std::int64_t agency_id) {
  long long key = agency_id;
  return query_rows<SessionBind>(tx,
                                 std::string(sql::kCouncilSessionColumns) +
                                     "WHERE s.agency_id = :a ORDER BY s.held_on DESC, s.id DESC",
                                 [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

bool set_council_session_status(Tx& tx, std::int64_t id, std::int64_t version, const std::string& status) {
  long long key = id, v = version;
  return affected(tx, sql::kSetCouncilSessionStatus, soci::use(status), soci::use(key), soci::use(v));
}

bool set_council_session_disclosure(Tx& tx, std::int64_t id, std::int64_t version, bool disclosure) {
  long long key = id, v = version;
  int d = disclosure ? 1 : 0;
  return affected(tx, sql::kSetCouncilSessionDisclosure, soci::use(d), soci::use(key), soci::use(v));
}

void set_attendance(Tx& tx, std::int64_t session_id, std::int64_t person_id, const std::string& presence) {
  long long s = session_id, p = person_id;
  tx.sql() << sql::kDeleteCouncilAttendance, soci::use(s), soci::use(p);
  tx.sql() << sql::kInsertCouncilAttendance, soci::use(s), soci::use(p), soci::use(presence);
}

std::map<std::int64_t, std::string> attendance(Tx& tx, std::int64_t session_id) {
  return person_map(tx, sql::kCouncilAttendance, session_id);
}

std::int64_t insert_council_item(Tx& tx, std::int64_t session_id, std::int64_t nomination_id, const BallotRule& rule) {
  long long s = session_id, n = nomination_id;
  int position = 0;
  tx.sql() << sql::kMaxCouncilItemPosition, soci::into(position), soci::use(s);
  ++position;
  int b = rule.ballot_required ? 1 : 0, t = rule.threshold_percent, ts = rule.threshold_strict ? 1 : 0,
      q = rule.quorum_percent, cw = rule.count_written ? 1 : 0, ru = rule.recuse_unit_head ? 1 : 0;
  tx.sql() << sql::kInsertCouncilItem, soci::use(s), soci::use(n), soci::use(position), soci::use(b), soci::use(t),
      soci::use(ts), soci::use(q), soci::use(cw), soci::use(ru), soci::use(rule.citation);
  return last_insert_id(tx, "council_item");
}

std::optional<CouncilItemRow> find_council_item(Tx& tx, std::int64_t id) {
  long long key = id;
  auto rows = query_rows<ItemBind>(tx, std::string(sql::kCouncilItemColumns) + "WHERE id = :id",
                                   [&](soci::statement& st) { st.exchange(soci::use(key)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<CouncilItemRow> council_items(Tx& tx, std::int64_t session_id) {
  long long key = session_id;
  return query_rows<ItemBind>(tx, std::string(sql::kCouncilItemColumns) + "WHERE session_id = :s ORDER BY position, id",
                              [&](soci::statement& st) { st.exchange(soci::use(key)); });
}

std::optional<CouncilItemRow> council_item_of(Tx& tx, std::int64_t nomination_id) {
  long long key = nomination_id;
  auto rows = query_rows<ItemBind>(tx, std::string(sql::kCouncilItemColumns) + "WHERE nomination_id = :n",
                                   [&](soci::statement& st) { st.exchange(soci::use(key)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool set_council_item_status(Tx& tx, std::int64_t id, std::int64_t version, const std::string& status) {
  long long key = id, v = version;
  return affected(tx, sql::kSetCouncilItemStatus, soci::use(status), soci::use(key), soci::use(v));
}

bool close_council_item(Tx& tx, std::int64_t id, std::int64_t version, int membership, int recused,
                        const std::string& result) {
  long long key = id, v = version;
  return affected(tx, sql::kCloseCouncilItem, soci::use(membership), soci::use(recused), soci::use(result), soci::use(key),
                  soci::use(v));
}

bool cast_ballot(Tx& tx, std::int64_t item_id, std::int64_t person_id, bool approve) {
  long long i = item_id, p = person_id;
  tx.sql() << sql::kInsertCouncilVoted, soci::use(i), soci::use(p);
  return affected(tx, approve ? sql::kCountCouncilApproval : sql::kCountCouncilDisapproval, soci::use(i));
}

std::vector<std::int64_t> voters(Tx& tx, std::int64_t item_id) {
  long long key = item_id, person = 0;
  soci::statement st = (tx.sql().prepare << sql::kCouncilVoters, soci::into(person), soci::use(key));
  st.execute();
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(person);
  return out;
}

void set_written_opinion(Tx& tx, std::int64_t item_id, std::int64_t person_id, const std::string& opinion) {
  long long i = item_id, p = person_id;
  tx.sql() << sql::kDeleteCouncilOpinion, soci::use(i), soci::use(p);
  if (!opinion.empty()) tx.sql() << sql::kInsertCouncilOpinion, soci::use(i), soci::use(p), soci::use(opinion);
}

std::map<std::int64_t, std::string> written_opinions(Tx& tx, std::int64_t item_id) {
  return person_map(tx, sql::kCouncilOpinions, item_id);
}

}  // namespace thidua::storage
