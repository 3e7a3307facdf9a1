#include "storage/evidence_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/evidence_sql.hpp"

namespace thidua::storage {

namespace {

struct EvidenceBind {
  long long id = 0, agency = 0, subject_id = 0, size = 0, added_by = 0, withdrawn_by = 0;
  std::string subject, sha, name, type, caption, status, added_by_name, added_at, withdrawn_by_name, withdrawn_at,
      reason;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(subject_id));
    st.exchange(soci::into(sha));
    st.exchange(soci::into(name));
    st.exchange(soci::into(type));
    st.exchange(soci::into(size));
    st.exchange(soci::into(caption));
    st.exchange(soci::into(status));
    st.exchange(soci::into(added_by));
    st.exchange(soci::into(added_by_name));
    st.exchange(soci::into(added_at));
    st.exchange(soci::into(withdrawn_by));
    st.exchange(soci::into(withdrawn_by_name));
    st.exchange(soci::into(withdrawn_at));
    st.exchange(soci::into(reason));
  }
  EvidenceRow get() const {
    EvidenceRow e;
    e.id = id;
    e.agency_id = agency;
    e.subject = subject;
    e.subject_id = subject_id;
    e.file_sha256 = sha;
    e.file_name = name;
    e.content_type = type;
    e.size = size;
    e.caption = caption;
    e.status = status;
    if (added_by > 0) e.added_by = added_by;
    e.added_by_name = added_by_name;
    e.added_at = added_at;
    if (withdrawn_by > 0) e.withdrawn_by = withdrawn_by;
    e.withdrawn_by_name = withdrawn_by_name;
    e.withdrawn_at = withdrawn_at;
    e.withdrawn_reason = reason;
    return e;
  }
};

template <class BindParams>
std::vector<EvidenceRow> query_evidence(Tx& tx, const char* where, BindParams&& params) {
  EvidenceBind b;
  auto st = tx.prepared(std::string(sql::kEvidenceColumns) + where);
  b.bind(*st);
  params(*st);
  st->define_and_bind();
  std::vector<EvidenceRow> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

}  // namespace

std::int64_t insert_evidence(Tx& tx, const EvidenceRow& e) {
  long long agency = e.agency_id, sid = e.subject_id, size = e.size, by = e.added_by.value_or(0);
  soci::indicator bi = e.added_by ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertEvidence, soci::use(agency), soci::use(e.subject), soci::use(sid),
      soci::use(e.file_sha256), soci::use(e.file_name), soci::use(e.content_type), soci::use(size),
      soci::use(e.caption), soci::use(by, bi), soci::use(e.added_at);
  return last_insert_id(tx, "evidence");
}

std::optional<EvidenceRow> find_evidence(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  auto rows = query_evidence(tx, sql::kEvidenceById, [&](soci::statement& st) { st.exchange(soci::use(id)); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<EvidenceRow> list_evidence(Tx& tx, const std::string& subject, std::int64_t subject_id) {
  long long sid = subject_id;
  return query_evidence(tx, sql::kEvidenceOfSubject, [&](soci::statement& st) {
    st.exchange(soci::use(subject));
    st.exchange(soci::use(sid));
  });
}

std::map<std::int64_t, long long> evidence_counts(Tx& tx, const std::string& subject,
                                                  const std::vector<std::int64_t>& subject_ids) {
  std::map<std::int64_t, long long> out;
  if (subject_ids.empty()) return out;
  std::string in = "(";
  for (auto id : subject_ids) {
    if (in.size() > 1) in += ',';
    in += std::to_string(id);  // integers from our own rows: safe to inline
  }
  in += ") GROUP BY e.subject_id";
  long long sid = 0, n = 0;
  soci::statement st = (tx.sql().prepare << std::string(sql::kEvidenceCounts) + in, soci::use(subject),
                        soci::into(sid), soci::into(n));
  if (st.execute(true)) {
    do {
      out[sid] = n;
    } while (st.fetch());
  }
  return out;
}

bool withdraw_evidence(Tx& tx, std::int64_t id_in, std::optional<std::int64_t> by_in, const std::string& at,
                       const std::string& reason) {
  long long id = id_in, by = by_in.value_or(0);
  soci::indicator bi = by_in ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kWithdrawEvidence, soci::use(by, bi), soci::use(at),
                        soci::use(reason), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void put_stored_file(Tx& tx, const std::string& sha256, std::int64_t size_in, const std::string& content_type,
                     const std::string& at) {
  long long size = size_in;
  tx.sql() << sql::kInsertStoredFile, soci::use(sha256), soci::use(size), soci::use(content_type), soci::use(at);
}

std::optional<ThumbnailRow> find_thumbnail(Tx& tx, const std::string& of_sha256) {
  ThumbnailRow t;
  soci::indicator ind = soci::i_null;
  tx.sql() << sql::kThumbnailOf, soci::into(t.sha256, ind), soci::into(t.width), soci::into(t.height),
      soci::into(t.content_type), soci::use(of_sha256);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return t;
}

void put_thumbnail(Tx& tx, const std::string& of_sha256, const ThumbnailRow& thumb) {
  int w = thumb.width, h = thumb.height;
  tx.sql() << sql::kInsertThumbnail, soci::use(of_sha256), soci::use(thumb.sha256), soci::use(w), soci::use(h);
}

}  // namespace thidua::storage
