#include "storage/achievement_repo.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <soci/soci.h>

#include "storage/account_repo.hpp"
#include "storage/achievement_sql.hpp"
#include "storage/id_list.hpp"

namespace thidua::storage {

namespace {

soci::indicator null_if_empty(const std::string& s) { return s.empty() ? soci::i_null : soci::i_ok; }

/// A nullable BIGINT column read into an optional.
struct OptLong {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  std::optional<long long> get() const {
    return ind == soci::i_ok ? std::optional<long long>(value) : std::nullopt;
  }
};
/// A nullable TEXT column.
struct OptText {
  std::string value;
  soci::indicator ind = soci::i_null;
  std::string get() const { return ind == soci::i_ok ? value : std::string(); }
};

struct AchievementRow {
  long long id = 0, agency = 0, movement = 0, item = 0, unit = 0, version = 0;
  int year = 0, item_position = 0;
  OptLong person, commune, sessions, participants, cash, goods, workdays, land, initiative, verified_by, created_by;
  OptText donor_kind, donor_scope, model_kind;
  std::string subject, kind, on, title, descr, place, audience, goods_note, donor_name, model_name, status, comment,
      verified_at, submitted_at, created_at, updated_at, unit_name, person_name, commune_name, initiative_title,
      movement_title, item_text, created_by_name, verified_by_name;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(movement));
    st.exchange(soci::into(item));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(person.value, person.ind));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(year));
    st.exchange(soci::into(on));
    st.exchange(soci::into(title));
    st.exchange(soci::into(descr));
    st.exchange(soci::into(place));
    st.exchange(soci::into(commune.value, commune.ind));
    st.exchange(soci::into(audience));
    st.exchange(soci::into(sessions.value, sessions.ind));
    st.exchange(soci::into(participants.value, participants.ind));
    st.exchange(soci::into(cash.value, cash.ind));
    st.exchange(soci::into(goods.value, goods.ind));
    st.exchange(soci::into(goods_note));
    st.exchange(soci::into(workdays.value, workdays.ind));
    st.exchange(soci::into(land.value, land.ind));
    st.exchange(soci::into(donor_kind.value, donor_kind.ind));
    st.exchange(soci::into(donor_name));
    st.exchange(soci::into(donor_scope.value, donor_scope.ind));
    st.exchange(soci::into(model_kind.value, model_kind.ind));
    st.exchange(soci::into(model_name));
    st.exchange(soci::into(initiative.value, initiative.ind));
    st.exchange(soci::into(status));
    st.exchange(soci::into(comment));
    st.exchange(soci::into(verified_by.value, verified_by.ind));
    st.exchange(soci::into(verified_at));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(created_by.value, created_by.ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(version));
    st.exchange(soci::into(unit_name));
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(commune_name));
    st.exchange(soci::into(initiative_title));
    st.exchange(soci::into(movement_title));
    st.exchange(soci::into(item_text));
    st.exchange(soci::into(item_position));
    st.exchange(soci::into(created_by_name));
    st.exchange(soci::into(verified_by_name));
  }

  Achievement get() const {
    Achievement a;
    a.id = id;
    a.agency_id = agency;
    a.movement_id = movement;
    a.item_id = item;
    a.subject = parse_record_subject(subject).value_or(RecordSubject::unit);
    a.unit_id = unit;
    a.person_id = person.get();
    a.kind = parse_achievement_kind(kind).value_or(AchievementKind::other);
    a.year = year;
    a.occurred_on = on;
    a.title = title;
    a.description = descr;
    a.place = place;
    a.commune_id = commune.get();
    a.audience = audience;
    a.sessions = sessions.get();
    a.participants = participants.get();
    a.cash_vnd = cash.get();
    a.goods_vnd = goods.get();
    a.goods_note = goods_note;
    a.workdays = workdays.get();
    a.land_m2 = land.get();
    a.donor_kind = parse_donor_kind(donor_kind.get());
    a.donor_name = donor_name;
    a.donor_scope = parse_donor_scope(donor_scope.get());
    a.model_kind = parse_model_kind(model_kind.get());
    a.model_name = model_name;
    a.initiative_id = initiative.get();
    a.status = parse_achievement_status(status).value_or(AchievementStatus::draft);
    a.last_comment = comment;
    a.verified_by = verified_by.get();
    a.verified_at = verified_at;
    a.submitted_at = submitted_at;
    a.created_by = created_by.get();
    a.created_at = created_at;
    a.updated_at = updated_at;
    a.version = version;
    a.unit_name = unit_name;
    a.person_name = person_name;
    a.commune_name = commune_name;
    a.initiative_title = initiative_title;
    a.movement_title = movement_title;
    a.item_text = item_text;
    a.item_number = item_position;
    a.created_by_name = created_by_name;
    a.verified_by_name = verified_by_name;
    return a;
  }
};

/// The values of the edited fields, bound in kInsertAchievement / kUpdateAchievement order.
struct AchievementValues {
  long long movement, item, unit, person, commune, sessions, participants, cash, goods, workdays, land, initiative;
  soci::indicator person_ind, commune_ind, sessions_ind, participants_ind, cash_ind, goods_ind, workdays_ind,
      land_ind, initiative_ind, donor_kind_ind, donor_scope_ind, model_kind_ind;
  std::string subject, kind, donor_kind, donor_scope, model_kind;
  int year;

  static soci::indicator ind(bool set) { return set ? soci::i_ok : soci::i_null; }
  explicit AchievementValues(const Achievement& a)
      : movement(a.movement_id),
        item(a.item_id),
        unit(a.unit_id),
        person(a.person_id.value_or(0)),
        commune(a.commune_id.value_or(0)),
        sessions(a.sessions.value_or(0)),
        participants(a.participants.value_or(0)),
        cash(a.cash_vnd.value_or(0)),
        goods(a.goods_vnd.value_or(0)),
        workdays(a.workdays.value_or(0)),
        land(a.land_m2.value_or(0)),
        initiative(a.initiative_id.value_or(0)),
        person_ind(ind(a.person_id.has_value())),
        commune_ind(ind(a.commune_id.has_value())),
        sessions_ind(ind(a.sessions.has_value())),
        participants_ind(ind(a.participants.has_value())),
        cash_ind(ind(a.cash_vnd.has_value())),
        goods_ind(ind(a.goods_vnd.has_value())),
        workdays_ind(ind(a.workdays.has_value())),
        land_ind(ind(a.land_m2.has_value())),
        initiative_ind(ind(a.initiative_id.has_value())),
        donor_kind_ind(ind(a.donor_kind.has_value())),
        donor_scope_ind(ind(a.donor_scope.has_value())),
        model_kind_ind(ind(a.model_kind.has_value())),
        subject(to_string(a.subject)),
        kind(to_string(a.kind)),
        donor_kind(a.donor_kind ? to_string(*a.donor_kind) : ""),
        donor_scope(a.donor_scope ? to_string(*a.donor_scope) : ""),
        model_kind(a.model_kind ? to_string(*a.model_kind) : ""),
        year(a.year) {}

  /// From movement_id to initiative_id, as both statements list them.
  void bind(soci::statement& st, const Achievement& a) {
    st.exchange(soci::use(movement));
    st.exchange(soci::use(item));
    st.exchange(soci::use(subject));
    st.exchange(soci::use(unit));
    st.exchange(soci::use(person, person_ind));
    st.exchange(soci::use(kind));
    st.exchange(soci::use(year));
    st.exchange(soci::use(a.occurred_on));
    st.exchange(soci::use(a.title));
    st.exchange(soci::use(a.description));
    st.exchange(soci::use(a.place));
    st.exchange(soci::use(commune, commune_ind));
    st.exchange(soci::use(a.audience));
    st.exchange(soci::use(sessions, sessions_ind));
    st.exchange(soci::use(participants, participants_ind));
    st.exchange(soci::use(cash, cash_ind));
    st.exchange(soci::use(goods, goods_ind));
    st.exchange(soci::use(a.goods_note));
    st.exchange(soci::use(workdays, workdays_ind));
    st.exchange(soci::use(land, land_ind));
    st.exchange(soci::use(donor_kind, donor_kind_ind));
    st.exchange(soci::use(a.donor_name));
    st.exchange(soci::use(donor_scope, donor_scope_ind));
    st.exchange(soci::use(model_kind, model_kind_ind));
    st.exchange(soci::use(a.model_name));
    st.exchange(soci::use(initiative, initiative_ind));
  }
};

}  // namespace

std::int64_t insert_achievement(Tx& tx, const Achievement& a, const std::string& at) {
  AchievementValues v(a);
  long long agency = a.agency_id, by = a.created_by.value_or(0);
  soci::indicator by_ind = a.created_by ? soci::i_ok : soci::i_null;
  std::string status(to_string(a.status)), submitted = a.submitted_at;
  soci::indicator sub_ind = null_if_empty(submitted);
  auto st = tx.prepared(sql::kInsertAchievement);
  st->exchange(soci::use(agency));
  v.bind(*st, a);
  st->exchange(soci::use(status));
  st->exchange(soci::use(submitted, sub_ind));
  st->exchange(soci::use(by, by_ind));
  st->exchange(soci::use(at));
  st->exchange(soci::use(at));
  st->define_and_bind();
  st->execute(true);
  return last_insert_id(tx, "achievement");
}

bool update_achievement(Tx& tx, const Achievement& a, const std::string& at) {
  AchievementValues v(a);
  long long id = a.id, version = a.version;
  auto st = tx.prepared(sql::kUpdateAchievement);
  v.bind(*st, a);
  st->exchange(soci::use(at));
  st->exchange(soci::use(id));
  st->exchange(soci::use(version));
  st->define_and_bind();
  st->execute(true);
  return st->get_affected_rows() == 1;
}

bool set_achievement_status(Tx& tx, const Achievement& a, const std::string& at) {
  long long id = a.id, version = a.version, vby = a.verified_by.value_or(0);
  std::string status(to_string(a.status)), vat = a.verified_at, sat = a.submitted_at;
  soci::indicator vby_ind = a.verified_by ? soci::i_ok : soci::i_null, vat_ind = null_if_empty(vat),
                  sat_ind = null_if_empty(sat);
  auto st = tx.prepared(sql::kSetAchievementStatus);
  st->exchange(soci::use(status));
  st->exchange(soci::use(a.last_comment));
  st->exchange(soci::use(vby, vby_ind));
  st->exchange(soci::use(vat, vat_ind));
  st->exchange(soci::use(sat, sat_ind));
  st->exchange(soci::use(at));
  st->exchange(soci::use(id));
  st->exchange(soci::use(version));
  st->define_and_bind();
  st->execute(true);
  return st->get_affected_rows() == 1;
}

std::optional<Achievement> find_achievement(Tx& tx, std::int64_t id_in) {
  long long id = id_in;
  AchievementRow row;
  auto st = tx.prepared(std::string(sql::kAchievementColumns) + "WHERE a.id = :id");
  row.bind(*st);
  st->exchange(soci::use(id));
  st->define_and_bind();
  if (!st->execute(true)) return std::nullopt;
  return row.get();
}

void insert_achievement_event(Tx& tx, const AchievementEvent& e) {
  long long a = e.achievement_id, actor = e.actor_id.value_or(0);
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null, before_ind = null_if_empty(e.before_json);
  auto st = tx.prepared(sql::kInsertAchievementEvent);
  st->exchange(soci::use(a));
  st->exchange(soci::use(e.event));
  st->exchange(soci::use(e.comment));
  st->exchange(soci::use(e.before_json, before_ind));
  st->exchange(soci::use(actor, actor_ind));
  st->exchange(soci::use(e.at));
  st->define_and_bind();
  st->execute(true);
}

std::vector<AchievementEvent> achievement_events(Tx& tx, std::int64_t achievement_id) {
  long long a = achievement_id, id = 0, owner = 0;
  OptLong actor;
  std::string event, comment, before, actor_name, at;
  auto st = tx.prepared(sql::kAchievementEvents);
  st->exchange(soci::into(id));
  st->exchange(soci::into(owner));
  st->exchange(soci::into(event));
  st->exchange(soci::into(comment));
  st->exchange(soci::into(before));
  st->exchange(soci::into(actor.value, actor.ind));
  st->exchange(soci::into(actor_name));
  st->exchange(soci::into(at));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<AchievementEvent> out;
  if (st->execute(true)) {
    do {
      AchievementEvent e;
      e.id = id;
      e.achievement_id = owner;
      e.event = event;
      e.comment = comment;
      e.before_json = before;
      if (auto v = actor.get()) e.actor_id = *v;
      e.actor_name = actor_name;
      e.at = at;
      out.push_back(std::move(e));
    } while (st->fetch());
  }
  return out;
}

AchievementPage list_achievements(Tx& tx, const AchievementQuery& q) {
  long long agency = q.agency_id, own_user = q.own_user.value_or(0), own_person = q.own_person.value_or(0);
  long long movement = q.movement_id.value_or(0), unit = q.unit_id.value_or(0), person = q.person_id.value_or(0),
            item = q.item_id.value_or(0), commune = q.commune_id.value_or(0);
  int year = q.year.value_or(0);
  std::string kind = q.kind.value_or(""), status = q.status.value_or("");
  std::string where = "WHERE a.agency_id = :agency";
  if (q.restricted) {
    std::string any;
    if (q.own_user) any += "a.created_by = :own_user";
    if (q.own_person) any += std::string(any.empty() ? "" : " OR ") + "a.person_id = :own_person";
    if (!q.units.empty()) any += std::string(any.empty() ? "" : " OR ") + "a.unit_id IN (" + id_list(q.units) + ")";
    where += " AND (" + (any.empty() ? std::string("1 = 0") : any) + ")";
  }
  if (q.movement_id) where += " AND a.movement_id = :movement";
  if (q.year) where += " AND a.year = :year";
  if (q.unit_id) where += " AND a.unit_id = :unit";
  if (q.person_id) where += " AND a.person_id = :person";
  if (q.item_id) where += " AND a.item_id = :item";
  if (q.commune_id) where += " AND a.commune_id = :commune";
  if (q.kind) where += " AND a.kind = :kind";
  if (q.status) where += " AND a.status = :status";
  auto bind_filters = [&](soci::statement& st) {
    st.exchange(soci::use(agency));
    if (q.restricted && q.own_user) st.exchange(soci::use(own_user));
    if (q.restricted && q.own_person) st.exchange(soci::use(own_person));
    if (q.movement_id) st.exchange(soci::use(movement));
    if (q.year) st.exchange(soci::use(year));
    if (q.unit_id) st.exchange(soci::use(unit));
    if (q.person_id) st.exchange(soci::use(person));
    if (q.item_id) st.exchange(soci::use(item));
    if (q.commune_id) st.exchange(soci::use(commune));
    if (q.kind) st.exchange(soci::use(kind));
    if (q.status) st.exchange(soci::use(status));
  };
  AchievementPage page;
  {
    // The unit list of a restricted reader varies without bound: not kept prepared.
    soci::statement st(tx.sql());
    st.exchange(soci::into(page.total));
    bind_filters(st);
    st.alloc();
    st.prepare("SELECT CAST(COUNT(*) AS BIGINT) FROM achievement a " + where);
    st.define_and_bind();
    st.execute(true);
  }
  const char* order = q.order == AchievementQuery::Order::queue ? " ORDER BY a.submitted_at, a.id"
                                                                : " ORDER BY a.occurred_on DESC, a.id DESC";
  long long limit = std::max(1, q.limit), offset = std::max(0, q.offset);
  AchievementRow row;
  soci::statement st(tx.sql());
  row.bind(st);
  bind_filters(st);
  st.exchange(soci::use(limit));
  st.exchange(soci::use(offset));
  st.alloc();
  st.prepare(std::string(sql::kAchievementColumns) + where + order + " LIMIT :limit OFFSET :offset");
  st.define_and_bind();
  if (st.execute(true)) {
    do {
      page.items.push_back(row.get());
    } while (st.fetch());
  }
  return page;
}

std::optional<std::int64_t> person_unit_on(Tx& tx, std::int64_t person_id, const std::string& date) {
  long long p = person_id, unit = 0;
  auto st = tx.prepared(sql::kPersonUnitOn);
  st->exchange(soci::into(unit));
  st->exchange(soci::use(p));
  st->exchange(soci::use(date));
  st->exchange(soci::use(date));
  st->define_and_bind();
  if (!st->execute(true)) return std::nullopt;
  return unit;
}

bool commune_assigned_on(Tx& tx, std::int64_t agency_id, std::int64_t commune_id, const std::string& date) {
  long long a = agency_id, c = commune_id, n = 0;
  auto st = tx.prepared(sql::kCommuneAssignedOn);
  st->exchange(soci::into(n));
  st->exchange(soci::use(a));
  st->exchange(soci::use(c));
  st->exchange(soci::use(date));
  st->exchange(soci::use(date));
  st->define_and_bind();
  st->execute(true);
  return n > 0;
}

std::vector<AssignedCommune> assigned_communes(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, id = 0;
  std::string name, district, from, to;
  auto st = tx.prepared(sql::kAssignedCommunes);
  st->exchange(soci::into(id));
  st->exchange(soci::into(name));
  st->exchange(soci::into(district));
  st->exchange(soci::into(from));
  st->exchange(soci::into(to));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<AssignedCommune> out;
  if (st->execute(true)) {
    do {
      out.push_back({id, name, district, from, to});
    } while (st->fetch());
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> active_initiatives(Tx& tx, std::int64_t agency_id) {
  long long a = agency_id, id = 0;
  std::string title;
  auto st = tx.prepared(sql::kActiveInitiatives);
  st->exchange(soci::into(id));
  st->exchange(soci::into(title));
  st->exchange(soci::use(a));
  st->define_and_bind();
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (st->execute(true)) {
    do {
      out.emplace_back(id, title);
    } while (st->fetch());
  }
  return out;
}

bool initiative_active(Tx& tx, std::int64_t agency_id, std::int64_t initiative_id) {
  long long a = agency_id, i = initiative_id, n = 0;
  auto st = tx.prepared(sql::kInitiativeActive);
  st->exchange(soci::into(n));
  st->exchange(soci::use(i));
  st->exchange(soci::use(a));
  st->define_and_bind();
  st->execute(true);
  return n > 0;
}

}  // namespace thidua::storage
