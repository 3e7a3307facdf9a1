#include "storage/org_repo.hpp"

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/org_sql.hpp"

namespace thidua::storage {

namespace {

std::optional<std::int64_t> opt_id(long long v, soci::indicator ind) {
  return ind == soci::i_ok ? std::optional<std::int64_t>(v) : std::nullopt;
}

std::string opt_text(const std::string& v, soci::indicator ind) { return ind == soci::i_ok ? v : std::string(); }

template <class Visit>
void agency_rows(Tx& tx, const char* query, std::optional<long long> id, Visit&& visit) {
  AgencyRow r;
  long long aid = 0, parent = 0, version = 0;
  soci::indicator pi = soci::i_null;
  std::string status;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  st.exchange(soci::into(aid));
  st.exchange(soci::into(r.agency.code));
  st.exchange(soci::into(r.agency.name));
  st.exchange(soci::into(r.kind));
  st.exchange(soci::into(parent, pi));
  st.exchange(soci::into(r.address));
  st.exchange(soci::into(status));
  st.exchange(soci::into(version));
  long long idv = id.value_or(0);
  if (id) st.exchange(soci::use(idv));
  st.define_and_bind();
  if (!st.execute(true)) return;
  do {
    r.agency.id = aid;
    r.parent_id = opt_id(parent, pi);
    r.active = status == "active";
    r.version = version;
    visit(r);
  } while (st.fetch());
}

template <class Bind>
std::vector<Unit> query_units(Tx& tx, const std::string& query, Bind&& bind) {
  Unit u;
  long long id = 0, agency = 0, version = 0;
  std::string kind, status;
  auto prepared = tx.prepared(query);
  soci::statement& st = *prepared;
  st.exchange(soci::into(id));
  st.exchange(soci::into(agency));
  st.exchange(soci::into(u.code));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(status));
  st.exchange(soci::into(version));
  st.exchange(soci::into(u.name));
  bind(st);
  st.define_and_bind();
  std::vector<Unit> out;
  if (st.execute(true)) {
    do {
      u.id = id;
      u.agency_id = agency;
      u.kind = parse_unit_kind(kind).value_or(UnitKind::department);
      u.active = status == "active";
      u.version = version;
      out.push_back(u);
    } while (st.fetch());
  }
  return out;
}

std::vector<NameVersion> versions(Tx& tx, const char* query, std::int64_t owner, bool with_parent) {
  long long id = owner, parent = 0;
  soci::indicator pi = soci::i_null, ti = soci::i_null;
  NameVersion v;
  std::string to;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  st.exchange(soci::into(v.name));
  if (with_parent) st.exchange(soci::into(parent, pi));
  st.exchange(soci::into(v.valid_from));
  st.exchange(soci::into(to, ti));
  st.exchange(soci::use(id));
  st.define_and_bind();
  std::vector<NameVersion> out;
  if (st.execute(true)) {
    do {
      v.parent_unit_id = with_parent ? opt_id(parent, pi) : std::nullopt;
      v.valid_to = opt_text(to, ti);
      out.push_back(v);
    } while (st.fetch());
  }
  return out;
}

}  // namespace

std::optional<AgencyRow> find_agency_row(Tx& tx, std::int64_t id) {
  std::optional<AgencyRow> out;
  agency_rows(tx, sql::kAgencyFull, id, [&](const AgencyRow& r) { out = r; });
  return out;
}

namespace {
std::vector<std::int64_t> ids_of(Tx& tx, const char* query, std::vector<long long> keys) {
  long long id = 0;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  st.exchange(soci::into(id));
  for (auto& k : keys) st.exchange(soci::use(k));
  st.define_and_bind();
  std::vector<std::int64_t> out;
  if (st.execute(true)) {
    do {
      out.push_back(id);
    } while (st.fetch());
  }
  return out;
}
}  // namespace

std::vector<std::int64_t> all_agency_ids(Tx& tx) { return ids_of(tx, "SELECT id FROM agency ORDER BY id", {}); }

std::vector<std::int64_t> child_agency_ids(Tx& tx, std::int64_t parent_id) {
  return ids_of(tx, "SELECT id FROM agency WHERE parent_id = :p ORDER BY id", {parent_id});
}

std::vector<AgencyRow> list_agency_rows(Tx& tx) {
  std::vector<AgencyRow> out;
  agency_rows(tx, sql::kAgencyList, std::nullopt, [&](const AgencyRow& r) { out.push_back(r); });
  return out;
}

bool update_agency(Tx& tx, const AgencyRow& r, std::int64_t expected_version) {
  long long id = r.agency.id, version = expected_version, parent = r.parent_id.value_or(0);
  soci::indicator pi = r.parent_id ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kUpdateAgency, soci::use(r.agency.code), soci::use(r.agency.name),
                        soci::use(r.kind),
                        soci::use(parent, pi), soci::use(r.address), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void record_agency_name(Tx& tx, std::int64_t agency_id, const std::string& name, const std::string& from) {
  long long id = agency_id;
  tx.sql() << sql::kCloseAgencyName, soci::use(from), soci::use(id);
  tx.sql() << sql::kInsertAgencyName, soci::use(id), soci::use(name), soci::use(from);
}

std::vector<NameVersion> agency_names(Tx& tx, std::int64_t agency_id) {
  return versions(tx, sql::kAgencyNames, agency_id, false);
}

std::vector<Unit> list_units(Tx& tx, std::int64_t agency_id, bool include_closed) {
  long long a = agency_id;
  std::string q = std::string(sql::kUnitColumns) + "WHERE u.agency_id = :a" +
                  (include_closed ? "" : " AND u.status = 'active'") + " ORDER BY u.kind, v.name";
  // Closed units have no current version row; show them under their last name.
  if (include_closed) {
    q = "SELECT u.id, u.agency_id, u.code, u.kind, u.status, u.version, "
        "(SELECT v.name FROM unit_version v WHERE v.unit_id = u.id ORDER BY v.valid_from DESC, v.id DESC LIMIT 1) "
        "FROM unit u WHERE u.agency_id = :a ORDER BY u.status, u.kind, u.code";
  }
  return query_units(tx, q, [&](soci::statement& st) { st.exchange(soci::use(a)); });
}

std::optional<Unit> find_unit(Tx& tx, std::int64_t id) {
  long long v = id;
  auto units = query_units(tx,
                           "SELECT u.id, u.agency_id, u.code, u.kind, u.status, u.version, "
                           "(SELECT v.name FROM unit_version v WHERE v.unit_id = u.id "
                           "ORDER BY v.valid_from DESC, v.id DESC LIMIT 1) FROM unit u WHERE u.id = :id",
                           [&](soci::statement& st) { st.exchange(soci::use(v)); });
  if (units.empty()) return std::nullopt;
  return units.front();
}

std::int64_t insert_unit(Tx& tx, std::int64_t agency_id, const std::string& code, UnitKind kind,
                         const std::string& name, const std::string& valid_from, const std::string& at) {
  long long a = agency_id;
  std::string k(to_string(kind));
  tx.sql() << sql::kInsertUnit, soci::use(a), soci::use(code), soci::use(k), soci::use(at);
  long long id = last_insert_id(tx, "unit");
  long long parent = 0;
  soci::indicator pi = soci::i_null;
  tx.sql() << sql::kInsertUnitVersion, soci::use(id), soci::use(name), soci::use(parent, pi), soci::use(valid_from);
  return id;
}

namespace {
bool bump_unit(Tx& tx, const Unit& unit, const std::string& status) {
  long long id = unit.id, version = unit.version;
  soci::statement st =
      (tx.sql().prepare << sql::kBumpUnit, soci::use(status), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}
}  // namespace

bool rename_unit(Tx& tx, const Unit& unit, const std::string& name, const std::string& date) {
  if (!bump_unit(tx, unit, "active")) return false;
  long long id = unit.id, parent = 0;
  soci::indicator pi = soci::i_null;
  tx.sql() << sql::kCloseUnitVersion, soci::use(date), soci::use(id);
  tx.sql() << sql::kInsertUnitVersion, soci::use(id), soci::use(name), soci::use(parent, pi), soci::use(date);
  return true;
}

bool close_unit(Tx& tx, const Unit& unit, const std::string& date) {
  if (!bump_unit(tx, unit, "closed")) return false;
  long long id = unit.id;
  tx.sql() << sql::kCloseUnitVersion, soci::use(date), soci::use(id);
  return true;
}

std::vector<NameVersion> unit_history(Tx& tx, std::int64_t unit_id) {
  return versions(tx, sql::kUnitVersions, unit_id, true);
}

std::string unit_name_on(Tx& tx, std::int64_t unit_id, const std::string& date) {
  long long id = unit_id;
  std::string name;
  tx.sql() << sql::kUnitNameOn, soci::into(name), soci::use(id), soci::use(date), soci::use(date);
  if (tx.sql().got_data()) return name;
  auto u = find_unit(tx, unit_id);
  return u ? u->name : std::string();
}

void insert_lineage(Tx& tx, const std::string& subject, std::int64_t from, std::optional<std::int64_t> to,
                    const std::string& event, const std::string& date, const std::string& note,
                    const std::string& at) {
  long long f = from, t = to.value_or(0);
  soci::indicator ti = to ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertLineage, soci::use(subject), soci::use(f), soci::use(t, ti), soci::use(event),
      soci::use(date), soci::use(note), soci::use(at);
}

std::int64_t insert_council_term(Tx& tx, const CouncilTerm& t, const std::string& at) {
  long long a = t.agency_id;
  soci::indicator ti = t.valid_to.empty() ? soci::i_null : soci::i_ok;
  tx.sql() << sql::kInsertCouncilTerm, soci::use(a), soci::use(t.name), soci::use(t.decision_ref),
      soci::use(t.valid_from), soci::use(t.valid_to, ti), soci::use(at);
  return last_insert_id(tx, "council_term");
}

namespace {
std::vector<CouncilTerm> terms(Tx& tx, const char* query, long long key) {
  CouncilTerm t;
  long long id = 0, agency = 0;
  std::string to;
  soci::indicator ti = soci::i_null;
  soci::statement st = (tx.sql().prepare << query, soci::into(id), soci::into(agency), soci::into(t.name),
                        soci::into(t.decision_ref), soci::into(t.valid_from), soci::into(to, ti), soci::use(key));
  std::vector<CouncilTerm> out;
  if (st.execute(true)) {
    do {
      t.id = id;
      t.agency_id = agency;
      t.valid_to = opt_text(to, ti);
      out.push_back(t);
    } while (st.fetch());
  }
  for (auto& term : out) {
    long long tid = term.id;
    CouncilSeat s;
    long long pid = 0;
    std::string seat;
    soci::statement ss = (tx.sql().prepare << sql::kCouncilSeats, soci::into(pid), soci::into(s.person_name),
                          soci::into(seat), soci::use(tid));
    if (ss.execute(true)) {
      do {
        s.person_id = pid;
        s.seat = parse_seat(seat).value_or(CouncilSeatKind::member);
        term.seats.push_back(s);
      } while (ss.fetch());
    }
  }
  return out;
}
}  // namespace

std::vector<CouncilTerm> council_terms(Tx& tx, std::int64_t agency_id) {
  return terms(tx, sql::kCouncilTerms, agency_id);
}

std::optional<CouncilTerm> find_council_term(Tx& tx, std::int64_t id) {
  auto t = terms(tx, sql::kCouncilTerm, id);
  if (t.empty()) return std::nullopt;
  return t.front();
}

void insert_council_seat(Tx& tx, std::int64_t term_id, std::int64_t person_id, CouncilSeatKind seat) {
  long long t = term_id, p = person_id;
  std::string s(to_string(seat));
  tx.sql() << sql::kInsertSeat, soci::use(t), soci::use(p), soci::use(s);
}

void delete_council_seat(Tx& tx, std::int64_t term_id, std::int64_t person_id) {
  long long t = term_id, p = person_id;
  tx.sql() << sql::kDeleteSeat, soci::use(t), soci::use(p);
}

std::int64_t insert_cluster(Tx& tx, const ClusterRow& c, const std::string& at) {
  long long auth = c.authority_id.value_or(0);
  soci::indicator ai = c.authority_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertCluster, soci::use(c.code), soci::use(c.name), soci::use(auth, ai), soci::use(at);
  return last_insert_id(tx, "cluster");
}

namespace {
std::vector<ClusterRow> query_clusters(Tx& tx, const char* query, std::optional<long long> key) {
  ClusterRow c;
  long long id = 0, auth = 0, k = key.value_or(0);
  soci::indicator ai = soci::i_null;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(query);
  st.exchange(soci::into(id));
  st.exchange(soci::into(c.code));
  st.exchange(soci::into(c.name));
  st.exchange(soci::into(auth, ai));
  if (key) st.exchange(soci::use(k));
  st.define_and_bind();
  std::vector<ClusterRow> out;
  if (st.execute(true)) {
    do {
      c.id = id;
      c.authority_id = opt_id(auth, ai);
      out.push_back(c);
    } while (st.fetch());
  }
  return out;
}
}  // namespace

std::vector<ClusterRow> list_clusters(Tx& tx) { return query_clusters(tx, sql::kClusters, std::nullopt); }

std::optional<ClusterRow> find_cluster(Tx& tx, std::int64_t id) {
  auto found = query_clusters(tx, sql::kClusterById, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<ClusterMemberRow> cluster_members(Tx& tx, std::int64_t cluster_id, int year) {
  ClusterMemberRow m;
  long long c = cluster_id, aid = 0;
  int lead = 0;
  soci::statement st = (tx.sql().prepare << sql::kClusterMembers, soci::into(aid), soci::into(m.code),
                        soci::into(m.name), soci::into(lead), soci::use(c), soci::use(year));
  std::vector<ClusterMemberRow> out;
  if (st.execute(true)) {
    do {
      m.agency_id = aid;
      m.lead = lead != 0;
      out.push_back(m);
    } while (st.fetch());
  }
  return out;
}

void insert_cluster_member(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year, bool lead) {
  long long c = cluster_id, a = agency_id;
  int l = lead ? 1 : 0;
  tx.sql() << sql::kInsertClusterMember, soci::use(c), soci::use(a), soci::use(year), soci::use(l);
}

void delete_cluster_member(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year) {
  long long c = cluster_id, a = agency_id;
  tx.sql() << sql::kDeleteClusterMember, soci::use(c), soci::use(a), soci::use(year);
}

std::vector<std::int64_t> agency_cluster_ids(Tx& tx, std::int64_t agency_id, int year) {
  return ids_of(tx, sql::kAgencyClusters, {agency_id, year});
}

void set_cluster_lead(Tx& tx, std::int64_t cluster_id, std::int64_t agency_id, int year) {
  long long c = cluster_id, a = agency_id;
  tx.sql() << sql::kClearClusterLead, soci::use(c), soci::use(year);
  tx.sql() << sql::kSetClusterLead, soci::use(c), soci::use(year), soci::use(a);
}

}  // namespace thidua::storage
