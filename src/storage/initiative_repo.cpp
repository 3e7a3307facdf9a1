#include "storage/initiative_repo.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/initiative_sql.hpp"

namespace thidua::storage {

namespace {

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }

struct InitiativeBind {
  long long id = 0, agency = 0, movement = 0, created_by = 0, version = 0;
  soci::indicator movement_ind = soci::i_null, created_ind = soci::i_null;
  std::string kind, title, field, summary, applied, scope, effect, level, body, number, date, movement_title, status,
      withdrawn_at, withdrawn_reason, created_at, updated_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(title));
    st.exchange(soci::into(field));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(applied));
    st.exchange(soci::into(scope));
    st.exchange(soci::into(effect));
    st.exchange(soci::into(level));
    st.exchange(soci::into(body));
    st.exchange(soci::into(number));
    st.exchange(soci::into(date));
    st.exchange(soci::into(movement, movement_ind));
    st.exchange(soci::into(movement_title));
    st.exchange(soci::into(status));
    st.exchange(soci::into(withdrawn_at));
    st.exchange(soci::into(withdrawn_reason));
    st.exchange(soci::into(created_by, created_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(version));
  }
  Initiative get() const {
    Initiative i;
    i.id = id;
    i.agency_id = agency;
    i.kind = parse_initiative_kind(kind).value_or(InitiativeKind::initiative);
    i.title = title;
    i.field = field;
    i.summary = summary;
    i.applied_from = applied;
    i.scope = scope;
    i.effect = effect;
    i.recognition_level = parse_recognition_level(level).value_or(RecognitionLevel::none);
    i.recognition_body = body;
    i.recognition_number = number;
    i.recognition_date = date;
    if (movement_ind == soci::i_ok) i.movement_id = movement;
    i.movement_title = movement_title;
    i.status = parse_initiative_status(status).value_or(InitiativeStatus::active);
    i.withdrawn_at = withdrawn_at;
    i.withdrawn_reason = withdrawn_reason;
    if (created_ind == soci::i_ok) i.created_by = created_by;
    i.created_at = created_at;
    i.updated_at = updated_at;
    i.version = version;
    return i;
  }
};

struct UseBind {
  long long id = 0, initiative = 0, person = 0;
  int year = 0;
  soci::indicator person_ind = soci::i_null;
  std::string person_name, kind, ref, note, used_by, used_at, released_by, released_at, reason;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(initiative));
    st.exchange(soci::into(person, person_ind));
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(ref));
    st.exchange(soci::into(year));
    st.exchange(soci::into(note));
    st.exchange(soci::into(used_by));
    st.exchange(soci::into(used_at));
    st.exchange(soci::into(released_by));
    st.exchange(soci::into(released_at));
    st.exchange(soci::into(reason));
  }
  InitiativeUse get() const {
    InitiativeUse u;
    u.id = id;
    u.initiative_id = initiative;
    if (person_ind == soci::i_ok) u.person_id = person;
    u.person_name = person_name;
    u.basis_kind = parse_basis_kind(kind).value_or(BasisKind::other);
    u.basis_ref = ref;
    u.year = year;
    u.note = note;
    u.used_by = used_by;
    u.used_at = used_at;
    u.released_by = released_by;
    u.released_at = released_at;
    u.released_reason = reason;
    return u;
  }
};

/// The rows of `query` (kInitiativeColumns + a WHERE), each bound param given by `bind_params`.
template <class BindParams>
std::vector<Initiative> query_initiatives(Tx& tx, const std::string& query, BindParams bind_params) {
  InitiativeBind b;
  auto st = tx.prepared(query);
  b.bind(*st);
  bind_params(*st);
  st->define_and_bind();
  std::vector<Initiative> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

/// Fills the authors of `items` (one query for all of them).
void fill_authors(Tx& tx, std::vector<Initiative>& items) {
  if (items.empty()) return;
  std::vector<std::int64_t> ids;
  ids.reserve(items.size());
  for (const auto& i : items) ids.push_back(i.id);
  std::map<std::int64_t, std::vector<InitiativeAuthor>> by_id;
  long long initiative = 0, person = 0;
  int share = 0;
  std::string name, code;
  // Ids are integers from our own rows: safe to inline.
  soci::statement st = (tx.sql().prepare << std::string(sql::kAuthorColumns) + "WHERE ia.initiative_id IN (" +
                                                fmt::format("{}", fmt::join(ids, ",")) +
                                                ") ORDER BY ia.initiative_id, ia.position, ia.person_id",
                        soci::into(initiative), soci::into(person), soci::into(name), soci::into(code),
                        soci::into(share));
  if (st.execute(true)) {
    do {
      by_id[initiative].push_back(InitiativeAuthor{person, name, code, share});
    } while (st.fetch());
  }
  for (auto& i : items) {
    if (auto it = by_id.find(i.id); it != by_id.end()) i.authors = std::move(it->second);
  }
}

void write_authors(Tx& tx, std::int64_t initiative_id, const std::vector<InitiativeAuthor>& authors) {
  long long id = initiative_id;
  tx.sql() << "DELETE FROM initiative_author WHERE initiative_id = :i", soci::use(id);
  int position = 0;
  for (const auto& a : authors) {
    long long person = a.person_id;
    int share = a.share_pct;
    ++position;
    tx.sql() << sql::kInsertAuthor, soci::use(id), soci::use(person), soci::use(share), soci::use(position);
  }
}

/// The header fields of `i` bound in kInsertInitiative / kUpdateInitiative order.
struct InitiativeValues {
  std::string kind, level;
  long long movement = 0;
  soci::indicator applied_ind, date_ind, movement_ind;
  explicit InitiativeValues(const Initiative& i)
      : kind(to_string(i.kind)),
        level(to_string(i.recognition_level)),
        movement(i.movement_id.value_or(0)),
        applied_ind(null_if_empty(i.applied_from)),
        date_ind(null_if_empty(i.recognition_date)),
        movement_ind(i.movement_id ? soci::i_ok : soci::i_null) {}
};

}  // namespace

std::int64_t insert_initiative(Tx& tx, const Initiative& i, const std::string& title_key,
                               std::optional<std::int64_t> user_id, const std::string& at) {
  InitiativeValues v(i);
  long long agency = i.agency_id, by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertInitiative, soci::use(agency), soci::use(v.kind), soci::use(i.title), soci::use(title_key),
      soci::use(i.field), soci::use(i.summary), soci::use(i.applied_from, v.applied_ind), soci::use(i.scope),
      soci::use(i.effect), soci::use(v.level), soci::use(i.recognition_body), soci::use(i.recognition_number),
      soci::use(i.recognition_date, v.date_ind), soci::use(v.movement, v.movement_ind), soci::use(by, by_ind),
      soci::use(at), soci::use(at);
  auto id = last_insert_id(tx, "initiative");
  write_authors(tx, id, i.authors);
  return id;
}

bool update_initiative(Tx& tx, const Initiative& i, const std::string& title_key, const std::string& at) {
  InitiativeValues v(i);
  long long id = i.id, version = i.version;
  soci::statement st = (tx.sql().prepare << sql::kUpdateInitiative, soci::use(v.kind), soci::use(i.title),
                        soci::use(title_key), soci::use(i.field), soci::use(i.summary),
                        soci::use(i.applied_from, v.applied_ind), soci::use(i.scope), soci::use(i.effect),
                        soci::use(v.level), soci::use(i.recognition_body), soci::use(i.recognition_number),
                        soci::use(i.recognition_date, v.date_ind), soci::use(v.movement, v.movement_ind),
                        soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  write_authors(tx, i.id, i.authors);
  return true;
}

bool withdraw_initiative(Tx& tx, std::int64_t id_in, std::int64_t version_in, std::optional<std::int64_t> user_id,
                         const std::string& reason, const std::string& at) {
  long long id = id_in, version = version_in, by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kWithdrawInitiative, soci::use(by, by_ind), soci::use(at),
                        soci::use(reason), soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Initiative> find_initiative(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  auto rows = query_initiatives(tx, std::string(sql::kInitiativeColumns) + "WHERE i.id = :id",
                                [&](soci::statement& st) { st.exchange(soci::use(id)); });
  if (rows.empty()) return std::nullopt;
  fill_authors(tx, rows);
  return rows.front();
}

InitiativePage search_initiatives(Tx& tx, const InitiativeQuery& q) {
  // A plain substring test on folded text, as the people search does: what the user typed is
  // matched literally (no LIKE wildcards).
  const char* contains = tx.dialect() == Dialect::sqlite ? "instr" : "strpos";
  std::string where = "WHERE i.agency_id = :a";
  if (!q.text.empty()) {
    where += fmt::format(
        " AND ({0}(i.title_key, :t) > 0 OR EXISTS (SELECT 1 FROM initiative_author ta JOIN person tp ON "
        "tp.id = ta.person_id WHERE ta.initiative_id = i.id AND {0}(tp.name_key, :t2) > 0))",
        contains);
  }
  std::string year = q.year > 0 ? std::to_string(q.year) : "";
  if (q.year > 0) where += std::string(" AND ") + sql::kInitiativeYear + " = :y";
  std::string level = q.level ? std::string(to_string(*q.level)) : "";
  if (q.level) where += " AND i.recognition_level = :l";
  if (!q.field.empty()) where += " AND i.field = :f";
  long long author = q.author_id.value_or(0);
  if (q.author_id) {
    where += " AND EXISTS (SELECT 1 FROM initiative_author fa WHERE fa.initiative_id = i.id AND fa.person_id = :p)";
  }
  std::string status = q.status ? std::string(to_string(*q.status)) : "";
  if (q.status) where += " AND i.status = :s";
  long long agency = q.agency_id;
  auto bind_filters = [&](soci::statement& st) {
    st.exchange(soci::use(agency));
    if (!q.text.empty()) {
      st.exchange(soci::use(q.text));
      st.exchange(soci::use(q.text));
    }
    if (q.year > 0) st.exchange(soci::use(year));
    if (q.level) st.exchange(soci::use(level));
    if (!q.field.empty()) st.exchange(soci::use(q.field));
    if (q.author_id) st.exchange(soci::use(author));
    if (q.status) st.exchange(soci::use(status));
  };

  InitiativePage page;
  {
    auto st = tx.prepared("SELECT CAST(COUNT(*) AS BIGINT) FROM initiative i " + where);
    st->exchange(soci::into(page.total));
    bind_filters(*st);
    st->define_and_bind();
    st->execute(true);
  }
  long long limit = std::max(1, q.limit), offset = std::max(0, q.offset);
  page.items = query_initiatives(
      tx,
      std::string(sql::kInitiativeColumns) + where + " ORDER BY " + sql::kInitiativeYear +
          " DESC, COALESCE(i.recognition_date, i.applied_from, '') DESC, i.id DESC LIMIT :limit OFFSET :offset",
      [&](soci::statement& st) {
        bind_filters(st);
        st.exchange(soci::use(limit));
        st.exchange(soci::use(offset));
      });
  fill_authors(tx, page.items);
  return page;
}

std::vector<std::string> initiative_fields(Tx& tx, std::int64_t agency_id) {
  long long agency = agency_id;
  std::string f;
  std::vector<std::string> out;
  soci::statement st = (tx.sql().prepare << "SELECT DISTINCT field FROM initiative WHERE agency_id = :a AND "
                                            "field <> '' ORDER BY field",
                        soci::into(f), soci::use(agency));
  if (st.execute(true)) {
    do {
      out.push_back(f);
    } while (st.fetch());
  }
  return out;
}

std::vector<int> initiative_years(Tx& tx, std::int64_t agency_id) {
  long long agency = agency_id;
  std::string y;
  std::vector<int> out;
  soci::statement st = (tx.sql().prepare << std::string("SELECT DISTINCT ") + sql::kInitiativeYear +
                                                " FROM initiative i WHERE i.agency_id = :a ORDER BY 1 DESC",
                        soci::into(y), soci::use(agency));
  if (st.execute(true)) {
    do {
      if (y.size() == 4) out.push_back(std::stoi(y));
    } while (st.fetch());
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> initiative_author_people(Tx& tx, std::int64_t agency_id) {
  long long agency = agency_id, id = 0;
  std::string name, code;
  std::vector<std::pair<std::int64_t, std::string>> out;
  soci::statement st = (tx.sql().prepare << "SELECT p.id, p.full_name, COALESCE(p.code, '') FROM person p WHERE p.id IN "
                                            "(SELECT ia.person_id FROM initiative_author ia JOIN initiative i ON "
                                            "i.id = ia.initiative_id WHERE i.agency_id = :a) ORDER BY p.sort_key, p.id",
                        soci::into(id), soci::into(name), soci::into(code), soci::use(agency));
  if (st.execute(true)) {
    do {
      out.emplace_back(id, code.empty() ? name : name + " (" + code + ")");
    } while (st.fetch());
  }
  return out;
}

std::vector<Initiative> initiatives_of_person(Tx& tx, std::int64_t person_id) {
  long long person = person_id;
  auto rows = query_initiatives(
      tx,
      std::string(sql::kInitiativeColumns) +
          "WHERE i.id IN (SELECT initiative_id FROM initiative_author WHERE person_id = :p) ORDER BY " +
          sql::kInitiativeYear + " DESC, i.id DESC",
      [&](soci::statement& st) { st.exchange(soci::use(person)); });
  fill_authors(tx, rows);
  return rows;
}

std::int64_t insert_initiative_use(Tx& tx, const InitiativeUse& u, std::optional<std::int64_t> user_id,
                                   const std::string& at) {
  long long initiative = u.initiative_id, person = u.person_id.value_or(0), by = user_id.value_or(0);
  soci::indicator person_ind = u.person_id ? soci::i_ok : soci::i_null, by_ind = user_id ? soci::i_ok : soci::i_null;
  std::string kind(to_string(u.basis_kind));
  int year = u.year;
  tx.sql() << sql::kInsertUse, soci::use(initiative), soci::use(person, person_ind), soci::use(kind),
      soci::use(u.basis_ref), soci::use(year), soci::use(u.note), soci::use(by, by_ind), soci::use(at);
  return last_insert_id(tx, "initiative_use");
}

namespace {

std::vector<InitiativeUse> query_uses(Tx& tx, const std::string& where, const std::vector<long long>& params) {
  UseBind b;
  std::vector<long long> p = params;  // soci keeps pointers into it until the statement runs
  auto st = tx.prepared(std::string(sql::kUseColumns) + where);
  b.bind(*st);
  for (auto& v : p) st->exchange(soci::use(v));
  st->define_and_bind();
  std::vector<InitiativeUse> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

}  // namespace

std::optional<InitiativeUse> live_initiative_use(Tx& tx, std::int64_t initiative_id,
                                                 std::optional<std::int64_t> person_id) {
  auto rows = person_id ? query_uses(tx, "WHERE x.initiative_id = :i AND x.person_id = :p AND x.released_at IS NULL",
                                     {initiative_id, *person_id})
                        : query_uses(tx, "WHERE x.initiative_id = :i AND x.person_id IS NULL AND x.released_at IS NULL",
                                     {initiative_id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<InitiativeUse> find_initiative_use(Tx& tx, std::int64_t use_id) {
  auto rows = query_uses(tx, "WHERE x.id = :id", {use_id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<InitiativeUse> initiative_uses(Tx& tx, const std::vector<std::int64_t>& initiative_ids) {
  if (initiative_ids.empty()) return {};
  if (initiative_ids.size() == 1) {
    return query_uses(tx, "WHERE x.initiative_id = :i ORDER BY x.used_at, x.id", {initiative_ids.front()});
  }
  // Ids are integers from our own rows: safe to inline (not prepared: the list varies).
  UseBind b;
  soci::statement st(tx.sql());
  b.bind(st);
  st.alloc();
  st.prepare(std::string(sql::kUseColumns) + "WHERE x.initiative_id IN (" +
             fmt::format("{}", fmt::join(initiative_ids, ",")) + ") ORDER BY x.initiative_id, x.used_at, x.id");
  st.define_and_bind();
  std::vector<InitiativeUse> out;
  if (st.execute(true)) {
    do {
      out.push_back(b.get());
    } while (st.fetch());
  }
  return out;
}

bool release_initiative_use(Tx& tx, std::int64_t use_id, std::optional<std::int64_t> user_id,
                            const std::string& reason, const std::string& at) {
  long long id = use_id, by = user_id.value_or(0);
  soci::indicator by_ind = user_id ? soci::i_ok : soci::i_null;
  soci::statement st =
      (tx.sql().prepare << sql::kReleaseUse, soci::use(by, by_ind), soci::use(at), soci::use(reason), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace thidua::storage
