// Covenants (giao ước thi đua) of clusters, with the agencies that signed them.

#include <map>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/id_list.hpp"
#include "storage/pledge_repo.hpp"
#include "storage/pledge_sql.hpp"

namespace thidua::storage {

namespace {

std::vector<Covenant> query_covenants(Tx& tx, const std::string& where, long long p1, std::optional<int> year) {
  long long id = 0, cluster = 0, agency = 0, by = 0, version = 0;
  int y = 0, year_value = year.value_or(0);
  soci::indicator by_ind = soci::i_null;
  std::string cluster_name, title, signed_on, place, note, agency_name, status, withdrawn_at, reason, created_at;
  auto st = tx.prepared(std::string(sql::kCovenantColumns) + where);
  st->exchange(soci::into(id));
  st->exchange(soci::into(cluster));
  st->exchange(soci::into(cluster_name));
  st->exchange(soci::into(y));
  st->exchange(soci::into(title));
  st->exchange(soci::into(signed_on));
  st->exchange(soci::into(place));
  st->exchange(soci::into(note));
  st->exchange(soci::into(agency));
  st->exchange(soci::into(agency_name));
  st->exchange(soci::into(status));
  st->exchange(soci::into(withdrawn_at));
  st->exchange(soci::into(reason));
  st->exchange(soci::into(by, by_ind));
  st->exchange(soci::into(created_at));
  st->exchange(soci::into(version));
  st->exchange(soci::use(p1));
  if (year) st->exchange(soci::use(year_value));
  st->define_and_bind();
  std::vector<Covenant> out;
  if (st->execute(true)) {
    do {
      Covenant c;
      c.id = id;
      c.cluster_id = cluster;
      c.cluster_name = cluster_name;
      c.year = y;
      c.title = title;
      c.signed_on = signed_on;
      c.place = place;
      c.note = note;
      c.recorded_by_agency = agency;
      c.recorded_by_name = agency_name;
      c.active = status == "active";
      c.withdrawn_at = withdrawn_at;
      c.withdraw_reason = reason;
      if (by_ind == soci::i_ok) c.created_by = by;
      c.created_at = created_at;
      c.version = version;
      out.push_back(std::move(c));
    } while (st->fetch());
  }
  if (out.empty()) return out;
  std::map<long long, Covenant*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& c : out) {
    by_id[c.id] = &c;
    ids.push_back(c.id);
  }
  const std::string in = id_list(ids);
  long long covenant = 0, party = 0;
  std::string code, name;
  soci::statement ps = (tx.sql().prepare << std::string(sql::kCovenantParties) + "WHERE cp.covenant_id IN (" + in +
                                                ") ORDER BY cp.covenant_id, ag.code",
                        soci::into(covenant), soci::into(party), soci::into(code), soci::into(name));
  if (ps.execute(true)) {
    do {
      by_id[covenant]->parties.push_back({party, code, name});
    } while (ps.fetch());
  }
  return out;
}

}  // namespace

std::int64_t insert_covenant(Tx& tx, const Covenant& c, const std::string& at) {
  long long cluster = c.cluster_id, agency = c.recorded_by_agency, by = c.created_by.value_or(0);
  soci::indicator bi = c.created_by ? soci::i_ok : soci::i_null;
  int year = c.year;
  tx.sql() << sql::kInsertCovenant, soci::use(cluster), soci::use(year), soci::use(c.title), soci::use(c.signed_on),
      soci::use(c.place), soci::use(c.note), soci::use(agency), soci::use(by, bi), soci::use(at);
  long long id = last_insert_id(tx, "covenant");
  for (const auto& p : c.parties) {
    long long a = p.agency_id;
    tx.sql() << "INSERT INTO covenant_party (covenant_id, agency_id) VALUES (:c, :a)", soci::use(id), soci::use(a);
  }
  return id;
}

std::optional<Covenant> find_covenant(Tx& tx, std::int64_t id) {
  auto rows = query_covenants(tx, "WHERE c.id = :p", id, std::nullopt);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Covenant> list_covenants(Tx& tx, std::int64_t agency_id, std::optional<int> year) {
  // The recording agency is always one of the parties (it is a member of the cluster that year).
  std::string w = "WHERE c.id IN (SELECT cp.covenant_id FROM covenant_party cp WHERE cp.agency_id = :p)";
  if (year) w += " AND c.year = :y";
  w += " ORDER BY c.year DESC, c.signed_on DESC, c.id DESC";
  return query_covenants(tx, w, agency_id, year);
}

bool covenant_exists(Tx& tx, std::int64_t cluster_id, int year) {
  long long cluster = cluster_id, n = 0;
  tx.sql() << "SELECT CAST(COUNT(*) AS BIGINT) FROM covenant WHERE cluster_id = :c AND year = :y AND status = 'active'",
      soci::into(n), soci::use(cluster), soci::use(year);
  return n > 0;
}

bool withdraw_covenant(Tx& tx, std::int64_t id_in, std::int64_t version_in, std::optional<std::int64_t> by_in,
                       const std::string& reason, const std::string& at) {
  long long id = id_in, version = version_in, by = by_in.value_or(0);
  soci::indicator bi = by_in ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kWithdrawCovenant, soci::use(by, bi), soci::use(at),
                        soci::use(reason), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace thidua::storage
