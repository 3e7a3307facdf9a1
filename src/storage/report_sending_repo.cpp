// The record of reports sent (report_sending_repo.hpp).

#include "storage/report_sending_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/nullable_id.hpp"
#include "storage/review_report_sql.hpp"

namespace thidua::storage {

namespace {

std::vector<ReportSending> query_sendings(Tx& tx, const std::string& where, long long p, long long movement,
                                          const std::string& kind, int year) {
  long long id = 0, agency = 0, mov = 0, recipient_agency = 0, size = 0, by = 0;
  int y = 0;
  std::string agency_name, k, from, to, title, recipient, channel, sent_on, doc_ref, sha, file_name, type, note,
      by_name, created_at;
  std::vector<ReportSending> out;
  soci::statement st =
      (tx.sql().prepare << std::string(sql::kSendingColumns) + where, soci::into(id), soci::into(agency),
       soci::into(agency_name), soci::into(k), soci::into(mov), soci::into(y), soci::into(from), soci::into(to),
       soci::into(title), soci::into(recipient), soci::into(recipient_agency), soci::into(channel),
       soci::into(sent_on), soci::into(doc_ref), soci::into(sha), soci::into(file_name), soci::into(type),
       soci::into(size), soci::into(note), soci::into(by), soci::into(by_name), soci::into(created_at), soci::use(p),
       soci::use(movement), soci::use(movement), soci::use(kind), soci::use(kind), soci::use(year), soci::use(year));
  st.execute();
  while (st.fetch()) {
    ReportSending s;
    s.id = id;
    s.agency_id = agency;
    s.agency_name = agency_name;
    s.kind = parse_report_kind(k).value_or(ReportKind::other);
    if (mov) s.movement_id = mov;
    s.year = y;
    s.period_from = from;
    s.period_to = to;
    s.title = title;
    s.recipient = recipient;
    if (recipient_agency) s.recipient_agency_id = recipient_agency;
    s.channel = parse_send_channel(channel).value_or(SendChannel::post);
    s.sent_on = sent_on;
    s.doc_ref = doc_ref;
    s.file_sha256 = sha;
    s.file_name = file_name;
    s.content_type = type;
    s.file_size = size;
    s.note = note;
    if (by) s.created_by = by;
    s.created_by_name = by_name;
    s.created_at = created_at;
    out.push_back(std::move(s));
  }
  return out;
}

constexpr const char* kFilters =
    " AND (:m = 0 OR s.movement_id = :m2) AND (:k = '' OR s.kind = :k2) AND (:y = 0 OR s.year = :y2)"
    " ORDER BY s.sent_on DESC, s.id DESC";

}  // namespace

std::int64_t insert_report_sending(Tx& tx, const ReportSending& s, const std::string& at) {
  long long agency = s.agency_id;
  NullableId movement(s.movement_id), recipient(s.recipient_agency_id), by(s.created_by);
  std::string kind(to_string(s.kind)), channel(to_string(s.channel));
  int year = s.year;
  tx.sql() << sql::kInsertSending, soci::use(agency), soci::use(kind), soci::use(movement.id, movement.ind),
      soci::use(year), soci::use(s.period_from), soci::use(s.period_to), soci::use(s.title), soci::use(s.recipient),
      soci::use(recipient.id, recipient.ind), soci::use(channel), soci::use(s.sent_on), soci::use(s.doc_ref),
      soci::use(s.file_sha256), soci::use(s.file_name), soci::use(s.content_type), soci::use(s.note),
      soci::use(by.id, by.ind), soci::use(at);
  return last_insert_id(tx, "report_sending");
}

std::optional<ReportSending> find_report_sending(Tx& tx, std::int64_t id) {
  auto rows = query_sendings(tx, std::string("WHERE s.id = :p") + kFilters, id, 0, "", 0);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ReportSending> list_report_sendings(Tx& tx, const SendingQuery& q) {
  const bool by_recipient = !q.agency_id && q.recipient_agency_id;
  const long long p = by_recipient ? *q.recipient_agency_id : q.agency_id.value_or(0);
  return query_sendings(tx, std::string(by_recipient ? "WHERE s.recipient_agency_id = :p" : "WHERE s.agency_id = :p") + kFilters,
                        p, q.movement_id, q.kind, q.year);
}

}  // namespace thidua::storage
