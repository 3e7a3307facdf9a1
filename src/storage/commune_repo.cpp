#include "storage/commune_repo.hpp"

#include <memory>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/commune_sql.hpp"

namespace thidua::storage {

namespace {

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }
soci::indicator null_unless(bool set) { return set ? soci::i_ok : soci::i_null; }

struct CommuneBind {
  long long id = 0, version = 0;
  std::string code, province, status, created_at, name, kind, district;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(province));
    st.exchange(soci::into(status));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(version));
    st.exchange(soci::into(name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(district));
  }
  Commune get() const {
    Commune c;
    c.id = id;
    c.code = code;
    c.province = province;
    c.status = parse_commune_status(status).value_or(CommuneStatus::active);
    c.created_at = created_at;
    c.version = version;
    c.name = name;
    c.kind = parse_commune_kind(kind).value_or(CommuneKind::xa);
    c.district = district;
    return c;
  }
};

/// Communes matching `where`, which binds `:p` to `id` or `code` when given (cached), else has
/// ids spliced in (uncached).
std::vector<Commune> query_communes(Tx& tx, const std::string& where, std::optional<long long> id,
                                    const std::string* code) {
  CommuneBind b;
  RowQuery st(tx, std::string(sql::kCommuneColumns) + where, id || code);
  b.bind(*st);
  long long idv = id.value_or(0);
  std::string codev = code ? *code : std::string();
  if (id) st->exchange(soci::use(idv));
  if (code) st->exchange(soci::use(codev));
  st->define_and_bind();
  std::vector<Commune> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

struct AssignmentBind {
  long long id = 0, agency = 0, commune = 0, version = 0;
  int year = 0;
  soci::indicator year_ind = soci::i_null;
  std::string agency_name, ref, dd, level, vf, vt, note, created_at;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(agency_name));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(ref));
    st.exchange(soci::into(dd));
    st.exchange(soci::into(level));
    st.exchange(soci::into(year, year_ind));
    st.exchange(soci::into(vf));
    st.exchange(soci::into(vt));
    st.exchange(soci::into(note));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(version));
  }
  CommuneAssignment get() const {
    CommuneAssignment a;
    a.id = id;
    a.agency_id = agency;
    a.agency_name = agency_name;
    a.commune_id = commune;
    a.decision_ref = ref;
    a.decision_date = dd;
    a.target_level = parse_target_level(level).value_or(TargetLevel::ntm);
    if (year_ind == soci::i_ok) a.target_year = year;
    a.valid_from = vf;
    a.valid_to = vt;
    a.note = note;
    a.created_at = created_at;
    a.version = version;
    return a;
  }
};

/// Assignments matching `where` (binding `:p` to `param` when given, else with ids spliced in
/// by the caller from our own rows, run uncached), with their contacts.
/// What the bound value of query_assignments names, for finding the contacts the same way.
enum class ContactsBy { assignment, commune };

std::vector<CommuneAssignment> query_assignments(Tx& tx, const std::string& where, std::optional<long long> param,
                                                 ContactsBy contacts_by = ContactsBy::assignment) {
  AssignmentBind b;
  std::vector<CommuneAssignment> out;
  {
    RowQuery st(tx, std::string(sql::kAssignmentColumns) + where, param.has_value());
    b.bind(*st);
    long long p = param.value_or(0);
    if (param) st->exchange(soci::use(p));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        out.push_back(b.get());
      } while (st->fetch());
    }
  }
  if (out.empty()) return out;
  // The contacts: by the same bound value when there is one (a cached statement), else by the
  // ids found.
  std::map<long long, std::vector<AssignmentContact>> contacts;
  long long assignment = 0, person = 0;
  std::string name, role;
  std::string text = std::string(sql::kAssignmentContacts);
  if (param && contacts_by == ContactsBy::assignment) {
    text += "WHERE ac.assignment_id = :p ";
  } else if (param && contacts_by == ContactsBy::commune) {
    text += "JOIN commune_assignment s ON s.id = ac.assignment_id WHERE s.commune_id = :p ";
  } else {
    std::vector<std::int64_t> ids;
    for (const auto& a : out) ids.push_back(a.id);
    text += "WHERE ac.assignment_id IN (" + id_list(ids) + ") ";
  }
  RowQuery st(tx, text + "ORDER BY ac.assignment_id, p.sort_key, p.id", param.has_value());
  st->exchange(soci::into(assignment));
  st->exchange(soci::into(person));
  st->exchange(soci::into(name));
  st->exchange(soci::into(role));
  long long p = param.value_or(0);
  if (param) st->exchange(soci::use(p));
  st->define_and_bind();
  if (st->execute(true)) {
    do {
      contacts[assignment].push_back({person, name, role});
    } while (st->fetch());
  }
  for (auto& a : out) {
    if (auto it = contacts.find(a.id); it != contacts.end()) a.contacts = it->second;
  }
  return out;
}

struct RecognitionBind {
  long long id = 0, commune = 0;
  int year = 0;
  std::string level, event, ref, dd, issuer, note, created_by, created_at, status, withdrawn_by, withdrawn_at, why;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(commune));
    st.exchange(soci::into(level));
    st.exchange(soci::into(event));
    st.exchange(soci::into(year));
    st.exchange(soci::into(ref));
    st.exchange(soci::into(dd));
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(note));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(status));
    st.exchange(soci::into(withdrawn_by));
    st.exchange(soci::into(withdrawn_at));
    st.exchange(soci::into(why));
  }
  Recognition get() const {
    Recognition r;
    r.id = id;
    r.commune_id = commune;
    r.level = parse_target_level(level).value_or(TargetLevel::ntm);
    r.event = parse_recognition_event(event).value_or(RecognitionEvent::recognised);
    r.year = year;
    r.decision_ref = ref;
    r.decision_date = dd;
    r.issuer = issuer;
    r.note = note;
    r.created_by = created_by;
    r.created_at = created_at;
    r.withdrawn = status == "withdrawn";
    r.withdrawn_by = withdrawn_by;
    r.withdrawn_at = withdrawn_at;
    r.withdrawn_reason = why;
    return r;
  }
};

std::vector<Recognition> query_recognitions(Tx& tx, const std::string& where) {
  RecognitionBind b;
  RowQuery st(tx, std::string(sql::kRecognitionColumns) + where, false);
  b.bind(*st);
  st->define_and_bind();
  std::vector<Recognition> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

}  // namespace

RowQuery::RowQuery(Tx& tx, const std::string& text, bool cached) {
  if (cached) {
    cached_.emplace(tx.prepared(text));
    st_ = &**cached_;
  } else {
    own_ = std::make_unique<soci::statement>(tx.sql());
    own_->alloc();
    own_->prepare(text);
    st_ = own_.get();
  }
}

RowQuery::~RowQuery() = default;

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out.empty() ? "0" : out;
}

std::int64_t insert_commune(Tx& tx, const std::string& code, const std::string& province, const CommuneVersion& first,
                            const std::string& at) {
  tx.sql() << sql::kInsertCommune, soci::use(code), soci::use(province), soci::use(at);
  auto id = last_insert_id(tx, "commune");
  insert_commune_version(tx, id, first);
  return id;
}

std::optional<Commune> find_commune(Tx& tx, std::int64_t id) {
  auto rows = query_communes(tx, "WHERE c.id = :p", id, nullptr);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<Commune> find_commune_by_code(Tx& tx, const std::string& code) {
  auto rows = query_communes(tx, "WHERE c.code = :p", std::nullopt, &code);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Commune> list_communes(Tx& tx) { return query_communes(tx, "ORDER BY c.id", std::nullopt, nullptr); }

std::map<std::int64_t, Commune> communes_by_id(Tx& tx, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Commune> out;
  if (ids.empty()) return out;
  for (auto& c : query_communes(tx, "WHERE c.id IN (" + id_list(ids) + ")", std::nullopt, nullptr)) out[c.id] = std::move(c);
  return out;
}

std::vector<CommuneVersion> commune_versions(Tx& tx, std::int64_t commune_id) {
  long long c = commune_id, id = 0;
  std::string name, kind, district, vf, vt;
  auto st = tx.prepared(sql::kCommuneVersions);
  st->exchange(soci::into(id));
  st->exchange(soci::into(name));
  st->exchange(soci::into(kind));
  st->exchange(soci::into(district));
  st->exchange(soci::into(vf));
  st->exchange(soci::into(vt));
  st->exchange(soci::use(c));
  st->define_and_bind();
  std::vector<CommuneVersion> out;
  if (st->execute(true)) {
    do {
      out.push_back({id, name, parse_commune_kind(kind).value_or(CommuneKind::xa), district, vf, vt});
    } while (st->fetch());
  }
  return out;
}

void insert_commune_version(Tx& tx, std::int64_t commune_id, const CommuneVersion& v) {
  long long c = commune_id;
  std::string kind(to_string(v.kind));
  tx.sql() << sql::kInsertCommuneVersion, soci::use(c), soci::use(v.name), soci::use(kind), soci::use(v.district),
      soci::use(v.valid_from);
}

void close_commune_version(Tx& tx, std::int64_t version_id, const std::string& valid_to) {
  long long id = version_id;
  tx.sql() << sql::kCloseCommuneVersion, soci::use(valid_to), soci::use(id);
}

void correct_commune_version(Tx& tx, const CommuneVersion& v) {
  long long id = v.id;
  std::string kind(to_string(v.kind));
  tx.sql() << sql::kCorrectCommuneVersion, soci::use(v.name), soci::use(kind), soci::use(v.district), soci::use(id);
}

bool bump_commune(Tx& tx, std::int64_t id_in, std::int64_t version_in, CommuneStatus status,
                  const std::string& province) {
  long long id = id_in, version = version_in;
  std::string s(to_string(status));
  soci::statement st = (tx.sql().prepare << sql::kBumpCommune, soci::use(s), soci::use(province), soci::use(id),
                        soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<CommuneLineage> commune_lineage(Tx& tx, std::int64_t commune_id) {
  long long a = commune_id, b = commune_id, id = 0, from = 0, to = 0;
  soci::indicator to_ind = soci::i_null;
  std::string event, date, ref, note, from_name, from_kind, to_name, to_kind;
  soci::statement st =
      (tx.sql().prepare << sql::kCommuneLineage, soci::into(id), soci::into(from), soci::into(to, to_ind),
       soci::into(event), soci::into(date), soci::into(ref), soci::into(note), soci::into(from_name),
       soci::into(from_kind), soci::into(to_name), soci::into(to_kind), soci::use(a), soci::use(b));
  st.execute();
  std::vector<CommuneLineage> out;
  while (st.fetch()) {
    CommuneLineage l;
    l.id = id;
    l.from_id = from;
    if (to_ind == soci::i_ok) l.to_id = to;
    l.event = parse_lineage_event(event).value_or(LineageEvent::renamed);
    l.effective_date = date;
    l.decision_ref = ref;
    l.note = note;
    l.from_name = from_name;
    l.from_kind = parse_commune_kind(from_kind).value_or(CommuneKind::xa);
    l.to_name = to_name;
    l.to_kind = parse_commune_kind(to_kind).value_or(CommuneKind::xa);
    out.push_back(std::move(l));
  }
  return out;
}

void insert_lineage(Tx& tx, const CommuneLineage& l, const std::string& at) {
  long long from = l.from_id, to = l.to_id.value_or(0);
  soci::indicator ti = null_unless(l.to_id.has_value());
  std::string event(to_string(l.event));
  tx.sql() << sql::kInsertCommuneLineage, soci::use(from), soci::use(to, ti), soci::use(event), soci::use(l.effective_date),
      soci::use(l.decision_ref), soci::use(l.note), soci::use(at);
}

std::vector<CommuneClass> commune_classes(Tx& tx, std::int64_t commune_id) {
  long long c = commune_id, id = 0;
  std::string scheme, value, vf, vt, note;
  soci::statement st = (tx.sql().prepare << sql::kCommuneClasses, soci::into(id), soci::into(scheme), soci::into(value),
                        soci::into(vf), soci::into(vt), soci::into(note), soci::use(c));
  st.execute();
  std::vector<CommuneClass> out;
  while (st.fetch()) out.push_back({id, scheme, value, vf, vt, note});
  return out;
}

void insert_commune_class(Tx& tx, std::int64_t commune_id, const CommuneClass& k) {
  long long c = commune_id;
  tx.sql() << sql::kInsertCommuneClass, soci::use(c), soci::use(k.scheme), soci::use(k.value), soci::use(k.valid_from),
      soci::use(k.note);
}

void close_commune_class(Tx& tx, std::int64_t class_id, const std::string& valid_to) {
  long long id = class_id;
  tx.sql() << sql::kCloseCommuneClass, soci::use(valid_to), soci::use(id);
}

std::int64_t insert_assignment(Tx& tx, const CommuneAssignment& a, std::optional<std::int64_t> user_id,
                               const std::string& at) {
  long long agency = a.agency_id, commune = a.commune_id, by = user_id.value_or(0);
  int year = a.target_year.value_or(0);
  std::string level(to_string(a.target_level));
  soci::indicator ddi = null_if_empty(a.decision_date), yi = null_unless(a.target_year.has_value()),
                  vti = null_if_empty(a.valid_to), byi = null_unless(user_id.has_value());
  tx.sql() << sql::kInsertAssignment, soci::use(agency), soci::use(commune), soci::use(a.decision_ref),
      soci::use(a.decision_date, ddi), soci::use(level), soci::use(year, yi), soci::use(a.valid_from),
      soci::use(a.valid_to, vti), soci::use(a.note), soci::use(by, byi), soci::use(at);
  auto id = last_insert_id(tx, "commune_assignment");
  set_assignment_contacts(tx, id, a.contacts);
  return id;
}

bool update_assignment(Tx& tx, const CommuneAssignment& a) {
  long long id = a.id, version = a.version;
  int year = a.target_year.value_or(0);
  std::string level(to_string(a.target_level));
  soci::indicator ddi = null_if_empty(a.decision_date), yi = null_unless(a.target_year.has_value()),
                  vti = null_if_empty(a.valid_to);
  soci::statement st = (tx.sql().prepare << sql::kUpdateAssignment, soci::use(a.decision_ref),
                        soci::use(a.decision_date, ddi), soci::use(level), soci::use(year, yi), soci::use(a.valid_from),
                        soci::use(a.valid_to, vti), soci::use(a.note), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void set_assignment_contacts(Tx& tx, std::int64_t assignment_id, const std::vector<AssignmentContact>& contacts) {
  long long a = assignment_id;
  // The contacts are a link table; the audit log keeps the earlier list.
  tx.sql() << "DELETE FROM commune_assignment_contact WHERE assignment_id = :a", soci::use(a);
  for (const auto& c : contacts) {
    long long p = c.person_id;
    tx.sql() << "INSERT INTO commune_assignment_contact (assignment_id, person_id, role) VALUES (:a, :p, :r)",
        soci::use(a), soci::use(p), soci::use(c.role);
  }
}

std::optional<CommuneAssignment> find_assignment(Tx& tx, std::int64_t id) {
  auto rows = query_assignments(tx, "WHERE s.id = :p", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<CommuneAssignment> commune_assignments(Tx& tx, std::int64_t commune_id) {
  return query_assignments(tx, "WHERE s.commune_id = :p ORDER BY s.valid_from DESC, s.id DESC", commune_id,
                           ContactsBy::commune);
}

std::vector<CommuneAssignment> agency_assignments(Tx& tx, const std::vector<std::int64_t>& agency_ids) {
  return query_assignments(
      tx, "WHERE s.agency_id IN (" + id_list(agency_ids) + ") ORDER BY s.commune_id, s.valid_from DESC, s.id DESC",
      std::nullopt);
}

std::int64_t insert_recognition(Tx& tx, const Recognition& r, std::optional<std::int64_t> user_id,
                                const std::string& at) {
  long long c = r.commune_id, by = user_id.value_or(0);
  std::string level(to_string(r.level)), event(to_string(r.event));
  soci::indicator ddi = null_if_empty(r.decision_date), byi = null_unless(user_id.has_value());
  tx.sql() << sql::kInsertRecognition, soci::use(c), soci::use(level), soci::use(event), soci::use(r.year),
      soci::use(r.decision_ref), soci::use(r.decision_date, ddi), soci::use(r.issuer), soci::use(r.note),
      soci::use(by, byi), soci::use(at);
  return last_insert_id(tx, "commune_recognition");
}

std::optional<Recognition> find_recognition(Tx& tx, std::int64_t id) {
  auto rows = query_recognitions(tx, "WHERE r.id = " + std::to_string(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Recognition> commune_recognitions(Tx& tx, std::int64_t commune_id) {
  return query_recognitions(tx, "WHERE r.commune_id = " + std::to_string(commune_id) + " ORDER BY r.year, r.id");
}

std::vector<Recognition> recognitions_of(Tx& tx, const std::vector<std::int64_t>& commune_ids) {
  return query_recognitions(tx, "WHERE r.status = 'recorded' AND r.commune_id IN (" + id_list(commune_ids) +
                                    ") ORDER BY r.year, r.id");
}

bool withdraw_recognition(Tx& tx, std::int64_t id_in, std::optional<std::int64_t> user_id, const std::string& reason,
                          const std::string& at) {
  long long id = id_in, by = user_id.value_or(0);
  soci::indicator byi = null_unless(user_id.has_value());
  soci::statement st = (tx.sql().prepare << sql::kWithdrawRecognition, soci::use(by, byi), soci::use(at),
                        soci::use(reason), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<std::pair<std::int64_t, std::string>> agency_people(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, id = 0;
  std::string name;
  auto st = tx.prepared("SELECT id, full_name FROM person WHERE agency_id = :a AND status = 'active' "
                        "ORDER BY sort_key, id");
  st->exchange(soci::into(id));
  st->exchange(soci::into(name));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (st->execute(true)) {
    do {
      out.emplace_back(id, name);
    } while (st->fetch());
  }
  return out;
}

}  // namespace thidua::storage
