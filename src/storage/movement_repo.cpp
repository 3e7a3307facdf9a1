#include "storage/movement_repo.hpp"

#include <map>

#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/movement_sql.hpp"

namespace thidua::storage {

namespace {

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }

std::string in_list(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);  // integers from our own rows: safe to inline
  }
  return out.empty() ? "0" : out;
}

struct MovementBind {
  long long id = 0, agency = 0, signer = 0, copied = 0, version = 0;
  soci::indicator signer_ind = soci::i_null, copied_ind = soci::i_null;
  std::string title, kind, level, pf, pt, summary, hp, hn, num, sym, place, dd, pre, clo, smark, stitle, sname,
      status, launched_at, created_at, updated_at;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(title));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(level));
    st.exchange(soci::into(pf));
    st.exchange(soci::into(pt));
    st.exchange(soci::into(summary));
    st.exchange(soci::into(hp));
    st.exchange(soci::into(hn));
    st.exchange(soci::into(num));
    st.exchange(soci::into(sym));
    st.exchange(soci::into(place));
    st.exchange(soci::into(dd));
    st.exchange(soci::into(pre));
    st.exchange(soci::into(clo));
    st.exchange(soci::into(smark));
    st.exchange(soci::into(stitle));
    st.exchange(soci::into(sname));
    st.exchange(soci::into(signer, signer_ind));
    st.exchange(soci::into(status));
    st.exchange(soci::into(copied, copied_ind));
    st.exchange(soci::into(launched_at));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(version));
  }
  Movement get() const {
    Movement m;
    m.id = id;
    m.agency_id = agency;
    m.title = title;
    m.kind = parse_movement_kind(kind).value_or(MovementKind::thematic);
    m.level = parse_movement_level(level).value_or(MovementLevel::agency);
    m.period_from = pf;
    m.period_to = pt;
    m.summary = summary;
    m.header_parent = hp;
    m.header_name = hn;
    m.doc_number = num;
    m.doc_symbol = sym;
    m.place = place;
    m.doc_date = dd;
    m.preamble = pre;
    m.closing = clo;
    m.signer_mark = smark;
    m.signer_title = stitle;
    m.signer_name = sname;
    if (signer_ind == soci::i_ok) m.signer_person_id = signer;
    m.status = parse_movement_status(status).value_or(MovementStatus::draft);
    if (copied_ind == soci::i_ok) m.copied_from = copied;
    m.launched_at = launched_at;
    m.created_at = created_at;
    m.updated_at = updated_at;
    m.version = version;
    return m;
  }
};

std::vector<Movement> query_movements(Tx& tx, const std::string& where, long long param) {
  MovementBind b;
  auto st = tx.prepared(std::string(sql::kMovementColumns) + "FROM movement m " + where);
  b.bind(*st);
  if (where.find(":p") != std::string::npos) st->exchange(soci::use(param));
  st->define_and_bind();
  std::vector<Movement> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

struct ItemBind {
  long long id = 0, movement = 0;
  int position = 0;
  std::string section, label, body, num, date, issuer, code;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(section));
    st.exchange(soci::into(position));
    st.exchange(soci::into(label));
    st.exchange(soci::into(body));
    st.exchange(soci::into(num));
    st.exchange(soci::into(date));
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(code));
  }
  PlanItem get() const {
    PlanItem i;
    i.id = id;
    i.movement_id = movement;
    i.section = parse_plan_section(section).value_or(PlanSection::content);
    i.position = position;
    i.label = label;
    i.body = body;
    i.ref_number = num;
    i.ref_date = date;
    i.issuer = issuer;
    i.code = code;
    return i;
  }
};

void write_item_units(Tx& tx, std::int64_t item_id, const std::vector<std::int64_t>& units) {
  long long item = item_id;
  tx.sql() << "DELETE FROM movement_item_unit WHERE item_id = :i", soci::use(item);
  for (auto u : units) {
    long long unit = u;
    tx.sql() << "INSERT INTO movement_item_unit (item_id, unit_id) VALUES (:i, :u)", soci::use(item), soci::use(unit);
  }
}

struct TaskBind {
  long long id = 0, movement = 0, item = 0, unit = 0, version = 0;
  soci::indicator item_ind = soci::i_null, unit_ind = soci::i_null;
  std::string unit_name, movement_title, title, due, status, done_at, note;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(item, item_ind));
    st.exchange(soci::into(unit, unit_ind));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(movement_title));
    st.exchange(soci::into(title));
    st.exchange(soci::into(due));
    st.exchange(soci::into(status));
    st.exchange(soci::into(done_at));
    st.exchange(soci::into(note));
    st.exchange(soci::into(version));
  }
  MovementTask get() const {
    MovementTask t;
    t.id = id;
    t.movement_id = movement;
    if (item_ind == soci::i_ok) t.item_id = item;
    if (unit_ind == soci::i_ok) t.unit_id = unit;
    t.unit_name = unit_name;
    t.movement_title = movement_title;
    t.title = title;
    t.due_date = due;
    t.status = parse_task_status(status).value_or(TaskStatus::open);
    t.done_at = done_at;
    t.note = note;
    t.version = version;
    return t;
  }
};

std::vector<MovementTask> query_tasks(Tx& tx, const std::string& where_order, const long long* param) {
  TaskBind b;
  auto st = tx.prepared(std::string(sql::kTaskColumns) + where_order);
  b.bind(*st);
  long long p = param ? *param : 0;
  if (param) st->exchange(soci::use(p));
  st->define_and_bind();
  std::vector<MovementTask> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

struct UnitPlanBind {
  long long id = 0, movement = 0, unit = 0;
  std::string unit_name, kind, title, body, sha, file_name, created_at, created_by;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(title));
    st.exchange(soci::into(body));
    st.exchange(soci::into(sha));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(created_by));
  }
  UnitPlan get() const {
    return UnitPlan{id, movement, unit, unit_name, kind, title, body, sha, file_name, created_at, created_by};
  }
};

std::vector<UnitPlan> query_unit_plans(Tx& tx, const std::string& where, long long param) {
  UnitPlanBind b;
  auto st = tx.prepared(std::string(sql::kUnitPlanColumns) + where);
  b.bind(*st);
  st->exchange(soci::use(param));
  st->define_and_bind();
  std::vector<UnitPlan> out;
  if (st->execute(true)) {
    do {
      out.push_back(b.get());
    } while (st->fetch());
  }
  return out;
}

/// The header fields of `m` bound in kInsertMovement / kUpdateMovement order (after the ids).
struct MovementValues {
  std::string kind, level, dd;
  long long signer = 0;
  soci::indicator dd_ind, signer_ind;
  explicit MovementValues(const Movement& m)
      : kind(to_string(m.kind)),
        level(to_string(m.level)),
        dd(m.doc_date),
        signer(m.signer_person_id.value_or(0)),
        dd_ind(null_if_empty(m.doc_date)),
        signer_ind(m.signer_person_id ? soci::i_ok : soci::i_null) {}
};

}  // namespace

std::int64_t insert_movement(Tx& tx, const Movement& m, const std::string& at) {
  MovementValues v(m);
  long long agency = m.agency_id, copied = m.copied_from.value_or(0);
  soci::indicator copied_ind = m.copied_from ? soci::i_ok : soci::i_null;
  tx.sql() << sql::kInsertMovement, soci::use(agency), soci::use(m.title), soci::use(v.kind), soci::use(v.level),
      soci::use(m.period_from), soci::use(m.period_to), soci::use(m.summary), soci::use(m.header_parent),
      soci::use(m.header_name), soci::use(m.doc_number), soci::use(m.doc_symbol), soci::use(m.place),
      soci::use(v.dd, v.dd_ind), soci::use(m.preamble), soci::use(m.closing), soci::use(m.signer_mark),
      soci::use(m.signer_title), soci::use(m.signer_name), soci::use(v.signer, v.signer_ind),
      soci::use(copied, copied_ind), soci::use(at), soci::use(at);
  return last_insert_id(tx, "movement");
}

bool update_movement(Tx& tx, const Movement& m, const std::string& at) {
  MovementValues v(m);
  long long id = m.id, version = m.version;
  soci::statement st = (tx.sql().prepare << sql::kUpdateMovement, soci::use(m.title), soci::use(v.kind),
                        soci::use(v.level), soci::use(m.period_from), soci::use(m.period_to), soci::use(m.summary),
                        soci::use(m.header_parent), soci::use(m.header_name), soci::use(m.doc_number),
                        soci::use(m.doc_symbol), soci::use(m.place), soci::use(v.dd, v.dd_ind),
                        soci::use(m.preamble), soci::use(m.closing), soci::use(m.signer_mark),
                        soci::use(m.signer_title), soci::use(m.signer_name), soci::use(v.signer, v.signer_ind),
                        soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool bump_movement(Tx& tx, std::int64_t id_in, std::int64_t version_in, const std::string& at) {
  long long id = id_in, version = version_in;
  soci::statement st = (tx.sql().prepare << sql::kBumpMovement, soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool set_movement_status(Tx& tx, std::int64_t id_in, std::int64_t version_in, MovementStatus status,
                         std::optional<std::int64_t> launched_by, const std::string& at) {
  long long id = id_in, version = version_in;
  std::string s(to_string(status));
  soci::statement st =
      (tx.sql().prepare << sql::kSetMovementStatus, soci::use(s), soci::use(at), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  if (status == MovementStatus::launched) {
    long long by = launched_by.value_or(0);
    soci::indicator bi = launched_by ? soci::i_ok : soci::i_null;
    tx.sql() << sql::kMarkLaunched, soci::use(by, bi), soci::use(at), soci::use(id);
  }
  return true;
}

std::optional<Movement> find_movement(Tx& tx, std::int64_t id) {
  auto rows = query_movements(tx, "WHERE m.id = :p", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool movement_number_taken(Tx& tx, std::int64_t agency_id, const std::string& number, const std::string& symbol,
                           const std::string& year, std::int64_t except_id) {
  long long agency = agency_id, except = except_id, n = 0;
  std::string from = year + "-01-01", to = year + "-12-31";
  tx.sql() << "SELECT CAST(COUNT(*) AS BIGINT) FROM movement WHERE agency_id = :a AND doc_number = :n "
              "AND doc_symbol = :s AND doc_date >= :f AND doc_date <= :t AND id <> :x",
      soci::into(n), soci::use(agency), soci::use(number), soci::use(symbol), soci::use(from), soci::use(to),
      soci::use(except);
  return n > 0;
}

std::vector<MovementRow> list_movements(Tx& tx, const std::vector<std::int64_t>& agency_ids) {
  std::string in = in_list(agency_ids);
  auto movements = query_movements(tx, "WHERE m.agency_id IN (" + in + ") ORDER BY m.period_from DESC, m.id DESC", 0);
  std::map<long long, std::pair<long long, long long>> counts;
  {
    long long mid = 0, total = 0, done = 0;
    soci::indicator done_ind = soci::i_ok;
    auto st = tx.prepared(std::string(sql::kMovementTaskCounts) + "WHERE m.agency_id IN (" + in +
                          ") GROUP BY t.movement_id");
    st->exchange(soci::into(mid));
    st->exchange(soci::into(total));
    st->exchange(soci::into(done, done_ind));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        counts[mid] = {total, done_ind == soci::i_ok ? done : 0};
      } while (st->fetch());
    }
  }
  std::vector<MovementRow> out;
  out.reserve(movements.size());
  for (auto& m : movements) {
    MovementRow r;
    if (auto it = counts.find(m.id); it != counts.end()) {
      r.tasks_total = it->second.first;
      r.tasks_done = it->second.second;
    }
    r.movement = std::move(m);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<PlanItem> plan_items(Tx& tx, std::int64_t movement_id) {
  long long m = movement_id;
  ItemBind b;
  std::vector<PlanItem> items;
  {
    auto st = tx.prepared(std::string(sql::kItemColumns) + "WHERE i.movement_id = :m ORDER BY i.position, i.id");
    b.bind(*st);
    st->exchange(soci::use(m));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        items.push_back(b.get());
      } while (st->fetch());
    }
  }
  // The sections' own order, then positions within each.
  std::stable_sort(items.begin(), items.end(),
                   [](const PlanItem& a, const PlanItem& c) { return a.section < c.section; });
  std::map<long long, std::vector<std::int64_t>> units;
  {
    long long item = 0, unit = 0;
    auto st = tx.prepared(sql::kItemUnits);
    st->exchange(soci::into(item));
    st->exchange(soci::into(unit));
    st->exchange(soci::use(m));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        units[item].push_back(unit);
      } while (st->fetch());
    }
  }
  for (auto& i : items) {
    if (auto it = units.find(i.id); it != units.end()) i.unit_ids = it->second;
  }
  return items;
}

std::optional<PlanItem> find_plan_item(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  ItemBind b;
  std::optional<PlanItem> out;
  {
    auto st = tx.prepared(std::string(sql::kItemColumns) + "WHERE i.id = :id");
    b.bind(*st);
    st->exchange(soci::use(id));
    st->define_and_bind();
    if (st->execute(true)) out = b.get();
  }
  if (out) {
    long long unit = 0;
    auto st = tx.prepared("SELECT unit_id FROM movement_item_unit WHERE item_id = :i ORDER BY unit_id");
    st->exchange(soci::into(unit));
    st->exchange(soci::use(id));
    st->define_and_bind();
    if (st->execute(true)) {
      do {
        out->unit_ids.push_back(unit);
      } while (st->fetch());
    }
  }
  return out;
}

std::int64_t insert_plan_item(Tx& tx, const PlanItem& i) {
  long long m = i.movement_id;
  std::string section(to_string(i.section));
  soci::indicator di = null_if_empty(i.ref_date);
  tx.sql() << sql::kInsertItem, soci::use(m), soci::use(section), soci::use(i.position), soci::use(i.label),
      soci::use(i.body), soci::use(i.ref_number), soci::use(i.ref_date, di), soci::use(i.issuer), soci::use(i.code);
  auto id = last_insert_id(tx, "movement_item");
  write_item_units(tx, id, i.unit_ids);
  return id;
}

void update_plan_item(Tx& tx, const PlanItem& i) {
  long long id = i.id;
  soci::indicator di = null_if_empty(i.ref_date);
  tx.sql() << sql::kUpdateItem, soci::use(i.label), soci::use(i.body), soci::use(i.ref_number),
      soci::use(i.ref_date, di), soci::use(i.issuer), soci::use(i.code), soci::use(id);
  write_item_units(tx, i.id, i.unit_ids);
}

void delete_plan_item(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  tx.sql() << "DELETE FROM movement_item_unit WHERE item_id = :i", soci::use(id);
  tx.sql() << "DELETE FROM movement_item WHERE id = :i", soci::use(id);
}

void set_item_position(Tx& tx, std::int64_t id_in, int position) {
  long long id = id_in;
  tx.sql() << "UPDATE movement_item SET position = :p WHERE id = :i", soci::use(position), soci::use(id);
}

int next_item_position(Tx& tx, std::int64_t movement_id, PlanSection section) {
  long long m = movement_id, top = 0;
  std::string s(to_string(section));
  tx.sql() << "SELECT CAST(COALESCE(MAX(position), 0) AS BIGINT) FROM movement_item WHERE movement_id = :m "
              "AND section = :s",
      soci::into(top), soci::use(m), soci::use(s);
  return static_cast<int>(top) + 1;
}

std::int64_t insert_task(Tx& tx, const MovementTask& t, const std::string& at) {
  long long m = t.movement_id, item = t.item_id.value_or(0), unit = t.unit_id.value_or(0);
  soci::indicator ii = t.item_id ? soci::i_ok : soci::i_null, ui = t.unit_id ? soci::i_ok : soci::i_null;
  soci::indicator di = null_if_empty(t.due_date);
  tx.sql() << sql::kInsertTask, soci::use(m), soci::use(item, ii), soci::use(unit, ui), soci::use(t.title),
      soci::use(t.due_date, di), soci::use(at);
  return last_insert_id(tx, "movement_task");
}

std::vector<MovementTask> movement_tasks(Tx& tx, std::int64_t movement_id) {
  long long m = movement_id;
  return query_tasks(tx, "WHERE t.movement_id = :p ORDER BY t.due_date, t.unit_id, t.id", &m);
}

std::optional<MovementTask> find_task(Tx& tx, std::int64_t id) {
  long long i = id;
  auto rows = query_tasks(tx, "WHERE t.id = :p", &i);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<MovementTask> open_tasks_for(Tx& tx, const std::vector<std::int64_t>& unit_ids,
                                         std::optional<std::int64_t> agency_tasks_of, int limit) {
  std::string where = "WHERE t.status = 'open' AND m.status IN ('launched', 'midterm_reviewed') AND (t.unit_id IN (" +
                      in_list(unit_ids) + ")";
  if (agency_tasks_of) where += " OR (t.unit_id IS NULL AND m.agency_id = " + std::to_string(*agency_tasks_of) + ")";
  where += ") ORDER BY t.due_date, t.id LIMIT " + std::to_string(limit);
  return query_tasks(tx, where, nullptr);
}

bool set_task_status(Tx& tx, std::int64_t id_in, std::int64_t version_in, TaskStatus status,
                     std::optional<std::int64_t> user_id, const std::string& note, const std::string& at) {
  long long id = id_in, version = version_in, by = user_id.value_or(0);
  std::string s(to_string(status));
  std::string done_at = status == TaskStatus::done ? at : "";
  soci::indicator di = null_if_empty(done_at), bi = status == TaskStatus::done && user_id ? soci::i_ok : soci::i_null;
  soci::statement st = (tx.sql().prepare << sql::kSetTaskStatus, soci::use(s), soci::use(done_at, di),
                        soci::use(by, bi), soci::use(note), soci::use(id), soci::use(version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void ensure_stored_file(Tx& tx, const std::string& sha256, std::int64_t size_in, const std::string& content_type,
                        const std::string& at) {
  if (stored_file_type(tx, sha256)) return;
  long long size = size_in;
  tx.sql() << "INSERT INTO stored_file (sha256, size, content_type, created_at) VALUES (:h, :s, :t, :at)",
      soci::use(sha256), soci::use(size), soci::use(content_type), soci::use(at);
}

std::optional<std::string> stored_file_type(Tx& tx, const std::string& sha256) {
  std::string type;
  soci::indicator ind = soci::i_null;
  tx.sql() << "SELECT content_type FROM stored_file WHERE sha256 = :h", soci::into(type, ind), soci::use(sha256);
  if (!tx.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return type;
}

std::int64_t insert_unit_plan(Tx& tx, const UnitPlan& p, std::optional<std::int64_t> user_id, const std::string& at) {
  long long m = p.movement_id, unit = p.unit_id, by = user_id.value_or(0);
  soci::indicator bi = user_id ? soci::i_ok : soci::i_null, fi = null_if_empty(p.file_sha256);
  tx.sql() << "INSERT INTO movement_unit_plan (movement_id, unit_id, kind, title, body, file_sha256, file_name, "
              "status, created_by, created_at) VALUES (:m, :u, :k, :t, :b, :f, :fn, 'active', :by, :at)",
      soci::use(m), soci::use(unit), soci::use(p.kind), soci::use(p.title), soci::use(p.body),
      soci::use(p.file_sha256, fi), soci::use(p.file_name), soci::use(by, bi), soci::use(at);
  return last_insert_id(tx, "movement_unit_plan");
}

std::vector<UnitPlan> unit_plans(Tx& tx, std::int64_t movement_id) {
  return query_unit_plans(tx, "WHERE p.movement_id = :p AND p.status = 'active' ORDER BY uv.name, p.id", movement_id);
}

std::optional<UnitPlan> find_unit_plan(Tx& tx, std::int64_t id) {
  auto rows = query_unit_plans(tx, "WHERE p.id = :p", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

}  // namespace thidua::storage
