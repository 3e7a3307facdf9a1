#include "storage/people_repo.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_sql.hpp"

namespace thidua::storage {

namespace {

struct PersonRow {
  long long id = 0, agency = 0, user = 0, version = 0, unit = 0;
  soci::indicator user_ind = soci::i_null;
  std::string code, name, gender, birth, employment, start, status, unit_name, position;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(code));
    st.exchange(soci::into(name));
    st.exchange(soci::into(gender));
    st.exchange(soci::into(birth));
    st.exchange(soci::into(employment));
    st.exchange(soci::into(start));
    st.exchange(soci::into(status));
    st.exchange(soci::into(user, user_ind));
    st.exchange(soci::into(version));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(position));
  }
  Person to_person() const {
    Person p;
    p.id = id;
    p.agency_id = agency;
    p.code = code;
    p.full_name = name;
    p.gender = parse_gender(gender).value_or(Gender::male);
    p.birth_date = birth;
    p.employment = parse_employment_kind(employment).value_or(EmploymentKind::civil_servant);
    p.start_date = start;
    p.status = parse_person_status(status).value_or(PersonStatus::active);
    if (user_ind == soci::i_ok) p.user_id = user;
    p.version = version;
    p.unit_id = unit;
    p.unit_name = unit_name;
    p.position = position;
    return p;
  }
};

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);  // integers from our own rows: safe to inline
  }
  return out.empty() ? "0" : out;
}

}  // namespace

std::int64_t insert_person(Tx& tx, const Person& p, const PersonKeys& keys, const std::string& at) {
  long long a = p.agency_id;
  soci::indicator ci = p.code.empty() ? soci::i_null : soci::i_ok;
  soci::indicator bi = p.birth_date.empty() ? soci::i_null : soci::i_ok;
  soci::indicator si = p.start_date.empty() ? soci::i_null : soci::i_ok;
  std::string g(to_string(p.gender)), e(to_string(p.employment)), s(to_string(p.status));
  tx.sql() << sql::kInsertPerson, soci::use(a), soci::use(p.code, ci), soci::use(p.full_name),
      soci::use(keys.name_key), soci::use(keys.sort_key), soci::use(g), soci::use(p.birth_date, bi), soci::use(e),
      soci::use(p.start_date, si), soci::use(s), soci::use(at), soci::use(at);
  return last_insert_id(tx, "person");
}

bool update_person(Tx& tx, const Person& p, const PersonKeys& keys, const std::string& at) {
  long long id = p.id, version = p.version;
  soci::indicator ci = p.code.empty() ? soci::i_null : soci::i_ok;
  soci::indicator bi = p.birth_date.empty() ? soci::i_null : soci::i_ok;
  soci::indicator si = p.start_date.empty() ? soci::i_null : soci::i_ok;
  std::string g(to_string(p.gender)), e(to_string(p.employment)), s(to_string(p.status));
  soci::statement st = (tx.sql().prepare << sql::kUpdatePerson, soci::use(p.code, ci), soci::use(p.full_name),
                        soci::use(keys.name_key), soci::use(keys.sort_key), soci::use(g), soci::use(p.birth_date, bi),
                        soci::use(e), soci::use(p.start_date, si), soci::use(s), soci::use(at), soci::use(id),
                        soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void bump_person(Tx& tx, std::int64_t person_id, const std::string& at) {
  long long id = person_id;
  tx.sql() << sql::kBumpPerson, soci::use(at), soci::use(id);
}

void link_person_user(Tx& tx, std::int64_t person_id, std::optional<std::int64_t> user_id) {
  long long id = person_id, u = user_id.value_or(0);
  soci::indicator ui = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kLinkPersonUser, soci::use(u, ui), soci::use(id);
}

std::optional<Person> find_person(Tx& tx, std::int64_t id) {
  PersonRow row;
  long long key = id;
  soci::statement st(tx.sql());
  st.alloc();
  st.prepare(std::string(sql::kPersonSelect) + "WHERE p.id = :id");
  row.bind(st);
  st.exchange(soci::use(key));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return row.to_person();
}

std::optional<std::int64_t> find_person_by_user(Tx& tx, std::int64_t user_id) {
  long long u = user_id, id = 0;
  tx.sql() << sql::kPersonByUser, soci::into(id), soci::use(u);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> find_person_by_code(Tx& tx, std::int64_t agency_id, const std::string& code) {
  long long a = agency_id, id = 0;
  tx.sql() << sql::kPersonByCode, soci::into(id), soci::use(a), soci::use(code);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> find_person_by_natural_key(Tx& tx, std::int64_t agency_id, const std::string& name_key,
                                                        const std::string& birth_date) {
  long long a = agency_id, id = 0;
  tx.sql() << sql::kPersonByNaturalKey, soci::into(id), soci::use(a), soci::use(name_key), soci::use(birth_date);
  if (!tx.sql().got_data()) return std::nullopt;
  return id;
}

void place_person(Tx& tx, std::int64_t person_id, std::int64_t unit_id, const std::string& position,
                  const std::string& date, bool first) {
  long long p = person_id, u = unit_id;
  if (!first) tx.sql() << sql::kClosePlacement, soci::use(date), soci::use(p);
  tx.sql() << sql::kInsertPlacement, soci::use(p), soci::use(u), soci::use(position), soci::use(date);
}

void end_placement(Tx& tx, std::int64_t person_id, const std::string& date) {
  long long p = person_id;
  tx.sql() << sql::kClosePlacement, soci::use(date), soci::use(p);
}

std::vector<Placement> placements(Tx& tx, std::int64_t person_id) {
  long long p = person_id, id = 0, unit = 0;
  Placement pl;
  std::string to;
  soci::indicator ti = soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kPlacements, soci::into(id), soci::into(unit),
                        soci::into(pl.position), soci::into(pl.valid_from), soci::into(to, ti), soci::use(p));
  std::vector<Placement> out;
  if (st.execute(true)) {
    do {
      pl.id = id;
      pl.unit_id = unit;
      pl.valid_to = ti == soci::i_ok ? to : std::string();
      out.push_back(pl);
    } while (st.fetch());
  }
  for (auto& x : out) x.unit_name = unit_name_on(tx, x.unit_id, x.valid_from);
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> people_in_unit(Tx& tx, std::int64_t unit_id) {
  long long u = unit_id, pid = 0;
  std::string position;
  soci::statement st =
      (tx.sql().prepare << sql::kMovePlacements, soci::into(pid), soci::into(position), soci::use(u));
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (st.execute(true)) {
    do {
      out.emplace_back(pid, position);
    } while (st.fetch());
  }
  return out;
}

std::vector<PersonKeyRow> person_keys(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, id = 0;
  PersonKeyRow r;
  soci::statement st = (tx.sql().prepare << sql::kPersonKeys, soci::into(id), soci::into(r.code),
                        soci::into(r.name_key), soci::into(r.birth_date), soci::use(a));
  std::vector<PersonKeyRow> out;
  if (st.execute(true)) {
    do {
      r.id = id;
      out.push_back(r);
    } while (st.fetch());
  }
  return out;
}

PeoplePage search_people(Tx& tx, const PeopleQuery& q) {
  std::string where = "WHERE p.agency_id IN (" + id_list(q.agency_ids) + ")";
  // A plain substring test: what the user typed (%, _ and backslash included) is matched literally, and
  // SQLite need not re-prepare the statement for each bound pattern as it does for LIKE.
  const char* contains = tx.dialect() == Dialect::sqlite ? "instr" : "strpos";
  std::string text = q.text;
  if (!q.text.empty()) {
    where += fmt::format(" AND ({0}(p.name_key, :t) > 0 OR {0}(LOWER(COALESCE(p.code, '')), :t2) > 0)", contains);
  }
  long long unit = q.unit_id.value_or(0);
  if (q.unit_id) where += " AND pl.unit_id = :unit";
  std::string status = q.status.value_or("");
  if (q.status) where += " AND p.status = :status";
  std::string role = q.role.value_or("");
  if (q.role) where += " AND EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = p.user_id AND g.role = :role)";

  auto bind_filters = [&](soci::statement& st) {
    if (!q.text.empty()) {
      st.exchange(soci::use(text));
      st.exchange(soci::use(text));
    }
    if (q.unit_id) st.exchange(soci::use(unit));
    if (q.status) st.exchange(soci::use(status));
    if (q.role) st.exchange(soci::use(role));
  };

  PeoplePage page;
  {
    // The placement is joined only when the filter needs it: counting then reads one index.
    std::string join = q.unit_id ? "LEFT JOIN person_placement pl ON pl.person_id = p.id AND pl.valid_to IS NULL " : "";
    auto st = tx.prepared("SELECT CAST(COUNT(*) AS BIGINT) FROM person p " + join + where);
    st->exchange(soci::into(page.total));
    bind_filters(*st);
    st->define_and_bind();
    st->execute(true);
  }
  PersonRow row;
  long long limit = std::max(1, q.limit), offset = std::max(0, q.offset);
  auto st = tx.prepared(std::string(sql::kPersonSelect) + where + " ORDER BY p.sort_key, p.id LIMIT :limit OFFSET :offset");
  row.bind(*st);
  bind_filters(*st);
  st->exchange(soci::use(limit));
  st->exchange(soci::use(offset));
  st->define_and_bind();
  page.items.reserve(static_cast<std::size_t>(limit));
  if (st->execute(true)) {
    do {
      page.items.push_back(row.to_person());
    } while (st->fetch());
  }
  return page;
}

}  // namespace thidua::storage
