#include "services/org_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/people_service.hpp"
#include "services/scope.hpp"
#include "storage/account_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

std::string today(TimePoint now) { return to_iso(now).substr(0, 10); }

Error invalid() { return Error{ErrorKind::validation, "validation.invalid", {}, {}, ""}; }

/// Cleans a required text field into `out`, adding field errors to `e`.
void required_text(Error& e, const std::string& field, const std::string& value, std::size_t max, std::string& out) {
  if (!text::is_valid_utf8(value)) {
    e.field(field, "validation.bad_utf8");
    return;
  }
  out = text::clean_input(value);
  if (out.empty()) e.field(field, "validation.required");
  if (out.size() > max) e.field(field, "validation.too_long");
}

/// A date for an organisational change: given, valid, not in the future.
std::string change_date(Error& e, const std::string& text, TimePoint now) {
  auto d = normalise_date(text);
  if (!d) {
    e.field("date", "date.invalid");
    return {};
  }
  if (d->empty()) return today(now);
  if (*d > today(now)) e.field("date", "date.future");
  return *d;
}

/// The unit `id` for a change by `actor`: "not found" unless readable, forbidden unless the
/// actor manages its agency, stale unless still at `version` (when one is given).
Result<Unit> unit_for_change(storage::Tx& tx, const Principal& actor, std::int64_t id,
                             std::optional<std::int64_t> version) {
  auto u = storage::find_unit(tx, id);
  if (!u || !can_read_agency(tx, actor, u->agency_id)) return fail(ErrorKind::not_found, "unit.not_found");
  if (!can_manage_agency(actor, u->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  if (version && u->version != *version) return fail(ErrorKind::conflict, "edit.stale");
  return *u;
}

/// A change dated on or before the day the unit's current name began would run history
/// backwards.
void require_after_current_name(storage::Tx& tx, Error& e, std::int64_t unit_id, const std::string& date) {
  auto history = storage::unit_history(tx, unit_id);
  if (!history.empty() && !date.empty() && date <= history.back().valid_from) {
    e.field("date", "unit.date_before_current");
  }
}

/// Unit codes are unique within an agency, closed units included.
Result<void> unused_unit_code(storage::Tx& tx, std::int64_t agency_id, const std::string& code) {
  for (const auto& u : storage::list_units(tx, agency_id, true)) {
    if (u.code == code) {
      return fail(Error{ErrorKind::conflict, "unit.code_taken", {}, {{"code", "unit.code_taken"}}, ""});
    }
  }
  return {};
}

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 20) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || (c >= 'a' && c <= 'z');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

OrgService::OrgService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<std::vector<storage::AgencyRow>> OrgService::list_agencies(const Principal& actor) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::AgencyRow>> {
    auto readable = readable_agencies(tx, actor);
    std::vector<storage::AgencyRow> out;
    for (auto& a : storage::list_agency_rows(tx)) {
      if (std::find(readable.begin(), readable.end(), a.agency.id) != readable.end()) out.push_back(std::move(a));
    }
    return out;
  });
}

Result<storage::AgencyRow> OrgService::get_agency(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<storage::AgencyRow> {
    auto a = storage::find_agency_row(tx, id);
    if (!a || !can_read_agency(tx, actor, id)) return fail(ErrorKind::not_found, "agency.not_found");
    return *a;
  });
}

Result<std::vector<NameVersion>> OrgService::agency_history(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<NameVersion>> {
    if (!can_read_agency(tx, actor, id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::agency_names(tx, id);
  });
}

Result<storage::AgencyRow> OrgService::create_agency(const Principal& actor, const AgencyInput& in) {
  if (!is_installation_admin(actor)) return fail(ErrorKind::forbidden, "auth.forbidden");
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<storage::AgencyRow> {
    Error e = invalid();
    storage::AgencyRow row;
    row.agency.code = in.code;
    if (!valid_code(in.code)) e.field("code", "agency.code_invalid");
    required_text(e, "name", in.name, 200, row.agency.name);
    if (in.kind != "agency" && in.kind != "authority") e.field("kind", "validation.invalid");
    row.kind = in.kind;
    if (!text::is_valid_utf8(in.address)) e.field("address", "validation.bad_utf8");
    else row.address = text::clean_input(in.address);
    if (!in.parent_code.empty()) {
      auto parent = storage::find_agency_by_code(tx, in.parent_code);
      if (!parent) e.field("parent_code", "agency.not_found");
      else row.parent_id = parent->id;
    }
    if (!e.fields.empty()) return fail(e);
    if (storage::find_agency_by_code(tx, in.code)) {
      return fail(Error{ErrorKind::conflict, "agency.code_taken", {}, {{"code", "agency.code_taken"}}, ""});
    }
    row.agency.id = storage::insert_agency(tx, row.agency.code, row.agency.name, to_iso(now));
    storage::update_agency(tx, row, 1);
    storage::record_agency_name(tx, row.agency.id, row.agency.name, "1900-01-01");
    auto saved = storage::find_agency_row(tx, row.agency.id);
    json::object after{{"code", row.agency.code}, {"name", row.agency.name}, {"kind", row.kind}};
    record_audit(tx, actor, {"agency.create", "agency", std::to_string(row.agency.id), "", json::serialize(after)}, now);
    return *saved;
  });
}

namespace {

/// The authority `code` names as a new parent of agency `id`: one the actor may read, of kind
/// authority, and not the agency itself or one under it. Adds a field error otherwise.
std::optional<std::int64_t> new_parent(storage::Tx& tx, Error& e, const Principal& actor, std::int64_t id,
                                       const std::string& code) {
  auto parent = storage::find_agency_by_code(tx, code);
  if (!parent || !can_read_agency(tx, actor, parent->id)) {
    e.field("parent_code", "agency.not_found");
    return std::nullopt;
  }
  auto row = storage::find_agency_row(tx, parent->id);
  if (row->kind != "authority") {
    e.field("parent_code", "agency_edit.parent_not_authority");
    return std::nullopt;
  }
  // Walk up from the new parent: meeting the agency itself would make a loop.
  std::optional<std::int64_t> up = parent->id;
  for (int depth = 0; up && depth < 64; ++depth) {
    if (*up == id) {
      e.field("parent_code", "agency_edit.parent_loop");
      return std::nullopt;
    }
    up = storage::find_agency_row(tx, *up)->parent_id;
  }
  return parent->id;
}

/// The cluster `code` names, when the actor set it up; a field error otherwise.
std::optional<storage::ClusterRow> editable_cluster(storage::Tx& tx, Error& e, const Principal& actor,
                                                    const std::string& code) {
  for (auto& c : storage::list_clusters(tx)) {
    if (c.code == code && can_edit_cluster(actor, c.authority_id)) return c;
  }
  e.field("cluster", "cluster.not_found");
  return std::nullopt;
}

bool valid_year(int year) { return year >= 2000 && year <= 2100; }

}  // namespace

Result<storage::AgencyRow> OrgService::update_agency(const Principal& actor, std::int64_t id, std::int64_t version,
                                                     const AgencyChange& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<storage::AgencyRow> {
    auto old = storage::find_agency_row(tx, id);
    if (!old || !can_read_agency(tx, actor, id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!can_edit_agency(actor, old->parent_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    Error e = invalid();
    storage::AgencyRow row = *old;
    required_text(e, "name", in.name, 200, row.agency.name);
    if (in.address) {
      if (!text::is_valid_utf8(*in.address)) e.field("address", "validation.bad_utf8");
      else row.address = text::clean_input(*in.address);
    }
    if (in.code) {
      row.agency.code = std::string(text::trim(*in.code));
      if (!valid_code(row.agency.code)) e.field("code", "agency.code_invalid");
    }
    if (in.parent_code && *in.parent_code != "") {
      row.parent_id = new_parent(tx, e, actor, id, *in.parent_code);
    } else if (in.parent_code && old->parent_id) {
      // Only the installation administrator may take an agency out from under its authority.
      if (!is_installation_admin(actor)) e.field("parent_code", "agency_edit.parent_required");
      row.parent_id.reset();
    }
    std::string date = change_date(e, in.effective_date, now);
    const int year = in.cluster_year ? in.cluster_year : std::stoi(today(now).substr(0, 4));
    std::optional<storage::ClusterRow> cluster;
    if (in.cluster_code) {
      if (!valid_year(year)) e.field("cluster_year", "validation.invalid");
      if (!in.cluster_code->empty()) cluster = editable_cluster(tx, e, actor, *in.cluster_code);
    }
    if (!e.fields.empty()) return fail(e);
    if (row.agency.code != old->agency.code) {
      if (storage::find_agency_by_code(tx, row.agency.code)) {
        return fail(Error{ErrorKind::conflict, "agency.code_taken", {}, {{"code", "agency.code_taken"}}, ""});
      }
    }
    if (!storage::update_agency(tx, row, version)) return fail(ErrorKind::conflict, "edit.stale");
    if (row.agency.name != old->agency.name) {
      storage::record_agency_name(tx, id, row.agency.name, date);
      storage::insert_lineage(tx, "agency", id, id, "renamed", date, old->agency.name, to_iso(now));
    }
    json::object before{{"code", old->agency.code}, {"name", old->agency.name}, {"address", old->address},
                        {"parent_id", old->parent_id ? json::value(*old->parent_id) : json::value(nullptr)}};
    json::object after{{"code", row.agency.code}, {"name", row.agency.name}, {"address", row.address}, {"from", date},
                       {"parent_id", row.parent_id ? json::value(*row.parent_id) : json::value(nullptr)}};
    if (in.cluster_code) {
      // One cluster of the editor's per year: leave the others of that year, join the new one.
      bool already = false;
      for (auto cid : storage::agency_cluster_ids(tx, id, year)) {
        auto c = storage::find_cluster(tx, cid);
        if (cluster && cid == cluster->id) already = true;
        else if (c && can_edit_cluster(actor, c->authority_id)) storage::delete_cluster_member(tx, cid, id, year);
      }
      if (cluster && !already) storage::insert_cluster_member(tx, cluster->id, id, year, false);
      after["cluster"] = *in.cluster_code;
      after["cluster_year"] = year;
    }
    record_audit(tx, actor,
                 {"agency.update", "agency", std::to_string(id), json::serialize(before), json::serialize(after)}, now);
    return *storage::find_agency_row(tx, id);
  });
}

Result<std::vector<Unit>> OrgService::list_units(const Principal& actor, std::int64_t agency_id, bool include_closed) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<Unit>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::list_units(tx, agency_id, include_closed);
  });
}

Result<UnitDetail> OrgService::get_unit(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<UnitDetail> {
    auto u = storage::find_unit(tx, id);
    if (!u || !can_read_agency(tx, actor, u->agency_id)) return fail(ErrorKind::not_found, "unit.not_found");
    UnitDetail d;
    d.unit = *u;
    d.history = storage::unit_history(tx, id);
    storage::PeopleQuery q;
    q.agency_ids = {u->agency_id};
    q.unit_id = id;
    q.limit = 1000;
    d.people = storage::search_people(tx, q).items;
    d.can_edit = can_manage_agency(actor, u->agency_id);
    return d;
  });
}

Result<Unit> OrgService::create_unit(const Principal& actor, std::int64_t agency_id, const UnitInput& in) {
  const auto now = clock_();
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Unit> {
    if (!storage::find_agency(tx, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    Error e = invalid();
    std::string name;
    required_text(e, "name", in.name, 200, name);
    if (!valid_code(in.code)) e.field("code", "unit.code_invalid");
    auto kind = parse_unit_kind(in.kind);
    if (!kind) e.field("kind", "validation.invalid");
    std::string date = change_date(e, in.from_date, now);
    if (!e.fields.empty()) return fail(e);
    if (auto free = unused_unit_code(tx, agency_id, in.code); !free) return fail(free.error());
    auto id = storage::insert_unit(tx, agency_id, in.code, *kind, name, date, to_iso(now));
    json::object after{{"code", in.code}, {"kind", in.kind}, {"name", name}, {"from", date}};
    record_audit(tx, actor, {"unit.create", "unit", std::to_string(id), "", json::serialize(after)}, now);
    return *storage::find_unit(tx, id);
  });
}

Result<Unit> OrgService::rename_unit(const Principal& actor, std::int64_t id, std::int64_t version,
                                     const std::string& name_in, const std::string& date_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Unit> {
    auto u = unit_for_change(tx, actor, id, version);
    if (!u) return fail(u.error());
    if (!u->active) return fail(ErrorKind::validation, "unit.closed");
    Error e = invalid();
    std::string name;
    required_text(e, "name", name_in, 200, name);
    std::string date = change_date(e, date_in, now);
    require_after_current_name(tx, e, id, date);
    if (!e.fields.empty()) return fail(e);
    if (!storage::rename_unit(tx, *u, name, date)) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_lineage(tx, "unit", id, id, "renamed", date, u->name, to_iso(now));
    json::object before{{"name", u->name}}, after{{"name", name}, {"from", date}};
    record_audit(tx, actor, {"unit.rename", "unit", std::to_string(id), json::serialize(before), json::serialize(after)},
                 now);
    return *storage::find_unit(tx, id);
  });
}

Result<Unit> OrgService::merge_unit(const Principal& actor, std::int64_t id, std::int64_t version, std::int64_t into_id,
                                    const std::string& date_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Unit> {
    auto u = unit_for_change(tx, actor, id, version);
    if (!u) return fail(u.error());
    auto into = storage::find_unit(tx, into_id);
    Error e = invalid();
    if (!into || into->agency_id != u->agency_id || into->id == id) e.field("into", "unit.not_found");
    else if (!into->active) e.field("into", "unit.closed");
    if (!u->active) e.field("into", "unit.closed");
    std::string date = change_date(e, date_in, now);
    require_after_current_name(tx, e, id, date);
    auto people = storage::people_in_unit(tx, id);
    for (const auto& [pid, position] : people) {
      auto path = storage::placements(tx, pid);
      if (!path.empty() && path.back().valid_to.empty() && !date.empty() && date <= path.back().valid_from) {
        e.field("date", "unit.date_before_member");
        break;
      }
    }
    if (!e.fields.empty()) return fail(e);
    for (const auto& [pid, position] : people) storage::place_person(tx, pid, into_id, position, date);
    if (!storage::close_unit(tx, *u, date)) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_lineage(tx, "unit", id, into_id, "merged", date, "", to_iso(now));
    json::object after{{"merged_into", into_id}, {"from", date}, {"people_moved", people.size()}};
    record_audit(tx, actor, {"unit.merge", "unit", std::to_string(id), "", json::serialize(after)}, now);
    return *storage::find_unit(tx, id);
  });
}

Result<Unit> OrgService::split_unit(const Principal& actor, std::int64_t id, std::int64_t version,
                                    const UnitInput& in, const std::vector<std::int64_t>& people_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Unit> {
    auto u = unit_for_change(tx, actor, id, version);
    if (!u) return fail(u.error());
    if (!u->active) return fail(ErrorKind::validation, "unit.closed");
    std::vector<std::int64_t> people = people_in;
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    Error e = invalid();
    std::string name;
    required_text(e, "name", in.name, 200, name);
    if (!valid_code(in.code)) e.field("code", "unit.code_invalid");
    auto kind = parse_unit_kind(in.kind.empty() ? std::string(to_string(u->kind)) : in.kind);
    if (!kind) e.field("kind", "validation.invalid");
    std::string date = change_date(e, in.from_date, now);
    require_after_current_name(tx, e, id, date);
    auto members = storage::people_in_unit(tx, id);
    for (auto pid : people) {
      bool found = std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.first == pid; });
      if (!found) {
        e.field("people", "unit.person_not_member");
        break;
      }
      auto path = storage::placements(tx, pid);
      if (!path.empty() && !date.empty() && date <= path.back().valid_from) {
        e.field("date", "unit.date_before_member");
        break;
      }
    }
    if (!e.fields.empty()) return fail(e);
    if (auto free = unused_unit_code(tx, u->agency_id, in.code); !free) return fail(free.error());
    auto new_id = storage::insert_unit(tx, u->agency_id, in.code, *kind, name, date, to_iso(now));
    for (const auto& [pid, position] : members) {
      if (std::binary_search(people.begin(), people.end(), pid)) {
        storage::place_person(tx, pid, new_id, position, date);
        storage::bump_person(tx, pid, to_iso(now));
      }
    }
    storage::insert_lineage(tx, "unit", id, new_id, "split", date, "", to_iso(now));
    json::object after{{"new_unit", new_id}, {"code", in.code}, {"name", name}, {"from", date},
                       {"people_moved", people.size()}};
    record_audit(tx, actor, {"unit.split", "unit", std::to_string(id), "", json::serialize(after)}, now);
    return *storage::find_unit(tx, new_id);
  });
}

Result<Unit> OrgService::close_unit(const Principal& actor, std::int64_t id, std::int64_t version,
                                    const std::string& date_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Unit> {
    auto u = unit_for_change(tx, actor, id, version);
    if (!u) return fail(u.error());
    Error e = invalid();
    std::string date = change_date(e, date_in, now);
    require_after_current_name(tx, e, id, date);
    if (!e.fields.empty()) return fail(e);
    if (!storage::people_in_unit(tx, id).empty()) return fail(ErrorKind::validation, "unit.not_empty");
    if (!storage::close_unit(tx, *u, date)) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_lineage(tx, "unit", id, std::nullopt, "closed", date, "", to_iso(now));
    json::object after{{"closed", date}};
    record_audit(tx, actor, {"unit.close", "unit", std::to_string(id), "", json::serialize(after)}, now);
    return *storage::find_unit(tx, id);
  });
}

Result<std::vector<CouncilTerm>> OrgService::council_terms(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<CouncilTerm>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::council_terms(tx, agency_id);
  });
}

Result<CouncilTerm> OrgService::create_council_term(const Principal& actor, std::int64_t agency_id,
                                                    const CouncilTermInput& in) {
  const auto now = clock_();
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<CouncilTerm> {
    Error e = invalid();
    CouncilTerm t;
    t.agency_id = agency_id;
    required_text(e, "name", in.name, 200, t.name);
    t.decision_ref = text::is_valid_utf8(in.decision_ref) ? text::clean_input(in.decision_ref) : "";
    auto from = normalise_date(in.valid_from);
    auto to = normalise_date(in.valid_to);
    if (!from || from->empty()) e.field("valid_from", "date.invalid");
    if (!to) e.field("valid_to", "date.invalid");
    if (from && to && !to->empty() && *to <= *from) e.field("valid_to", "date.end_before_start");
    if (!e.fields.empty()) return fail(e);
    t.valid_from = *from;
    t.valid_to = *to;
    t.id = storage::insert_council_term(tx, t, to_iso(now));
    json::object after{{"name", t.name}, {"from", t.valid_from}, {"to", t.valid_to}};
    record_audit(tx, actor, {"council.create", "council_term", std::to_string(t.id), "", json::serialize(after)}, now);
    return *storage::find_council_term(tx, t.id);
  });
}

Result<CouncilTerm> OrgService::set_council_seat(const Principal& actor, std::int64_t term_id, std::int64_t person_id,
                                                 const std::string& seat_name) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CouncilTerm> {
    auto t = storage::find_council_term(tx, term_id);
    if (!t || !can_read_agency(tx, actor, t->agency_id)) return fail(ErrorKind::not_found, "council.not_found");
    if (!can_manage_agency(actor, t->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    auto seat = parse_seat(seat_name);
    if (!seat) e.field("seat", "validation.invalid");
    auto p = storage::find_person(tx, person_id);
    if (!p || p->agency_id != t->agency_id) e.field("person_id", "person.not_found");
    if (seat && *seat == CouncilSeatKind::chair) {
      for (const auto& s : t->seats) {
        if (s.seat == CouncilSeatKind::chair && s.person_id != person_id) e.field("seat", "council.one_chair");
      }
    }
    if (!e.fields.empty()) return fail(e);
    storage::delete_council_seat(tx, term_id, person_id);
    storage::insert_council_seat(tx, term_id, person_id, *seat);
    json::object after{{"person_id", person_id}, {"seat", seat_name}};
    record_audit(tx, actor, {"council.seat", "council_term", std::to_string(term_id), "", json::serialize(after)}, now);
    return *storage::find_council_term(tx, term_id);
  });
}

Result<CouncilTerm> OrgService::remove_council_seat(const Principal& actor, std::int64_t term_id,
                                                    std::int64_t person_id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<CouncilTerm> {
    auto t = storage::find_council_term(tx, term_id);
    if (!t || !can_read_agency(tx, actor, t->agency_id)) return fail(ErrorKind::not_found, "council.not_found");
    if (!can_manage_agency(actor, t->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    bool seated = std::any_of(t->seats.begin(), t->seats.end(), [&](const auto& s) { return s.person_id == person_id; });
    if (!seated) return fail(ErrorKind::not_found, "council.not_found");
    storage::delete_council_seat(tx, term_id, person_id);
    json::object before{{"person_id", person_id}};
    record_audit(tx, actor, {"council.unseat", "council_term", std::to_string(term_id), json::serialize(before), ""},
                 now);
    return *storage::find_council_term(tx, term_id);
  });
}

Result<std::vector<OrgService::ClusterView>> OrgService::clusters(const Principal& actor, int year) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ClusterView>> {
    auto readable = readable_agencies(tx, actor);
    auto reads = [&](std::int64_t agency) { return std::binary_search(readable.begin(), readable.end(), agency); };
    std::vector<ClusterView> out;
    for (auto& c : storage::list_clusters(tx)) {
      auto members = storage::cluster_members(tx, c.id, year);
      ClusterView v{std::move(c), std::move(members), false};
      v.can_edit = can_edit_cluster(actor, v.cluster.authority_id);
      bool visible = v.can_edit || (v.cluster.authority_id && reads(*v.cluster.authority_id));
      for (const auto& m : v.members) visible = visible || reads(m.agency_id);
      if (visible) out.push_back(std::move(v));
    }
    return out;
  });
}

Result<storage::ClusterRow> OrgService::create_cluster(const Principal& actor, const std::string& code_in,
                                                       const std::string& name_in) {
  if (!is_installation_admin(actor) && !actor.has_role(Role::authority)) {
    return fail(ErrorKind::forbidden, "auth.forbidden");
  }
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<storage::ClusterRow> {
    Error e = invalid();
    storage::ClusterRow c;
    c.code = std::string(text::trim(code_in));
    if (!valid_code(c.code)) e.field("code", "agency.code_invalid");
    required_text(e, "name", name_in, 200, c.name);
    if (!e.fields.empty()) return fail(e);
    for (const auto& other : storage::list_clusters(tx)) {
      if (other.code == c.code) {
        return fail(Error{ErrorKind::conflict, "clusters.code_taken", {}, {{"code", "clusters.code_taken"}}, ""});
      }
    }
    for (const auto& g : actor.grants) {
      if (g.role == Role::authority && g.agency_id) c.authority_id = g.agency_id;
    }
    c.id = storage::insert_cluster(tx, c, to_iso(now));
    json::object after{{"code", c.code}, {"name", c.name}};
    record_audit(tx, actor, {"cluster.create", "cluster", std::to_string(c.id), "", json::serialize(after)}, now);
    return c;
  });
}

namespace {

/// A change to cluster `id` by `actor`: the cluster, when the actor set it up ("not found"
/// otherwise, as for a cluster that does not exist), and the agency `code` names, when the
/// actor may read it (a field error otherwise). The year must be a plausible one.
struct ClusterChange {
  storage::ClusterRow cluster;
  Agency agency;
  std::vector<storage::ClusterMemberRow> members;  ///< of that year

  bool has(std::int64_t agency_id) const {
    return std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.agency_id == agency_id; });
  }
};

Result<ClusterChange> cluster_change(storage::Tx& tx, const Principal& actor, std::int64_t id,
                                     const std::string& agency_code, int year) {
  auto cluster = storage::find_cluster(tx, id);
  if (!cluster || !can_edit_cluster(actor, cluster->authority_id)) return fail(ErrorKind::not_found, "cluster.not_found");
  auto a = storage::find_agency_by_code(tx, agency_code);
  if (!a || !can_read_agency(tx, actor, a->id)) {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"agency", "agency.not_found"}}, ""});
  }
  if (!valid_year(year)) {
    return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"year", "validation.invalid"}}, ""});
  }
  return ClusterChange{*cluster, *a, storage::cluster_members(tx, id, year)};
}

}  // namespace

Result<void> OrgService::add_cluster_member(const Principal& actor, std::int64_t cluster_id,
                                            const std::string& agency_code, int year, bool lead) {
  if (!is_installation_admin(actor) && !actor.has_role(Role::authority)) {
    return fail(ErrorKind::forbidden, "auth.forbidden");
  }
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = cluster_change(tx, actor, cluster_id, agency_code, year);
    if (!c) return fail(c.error());
    if (c->has(c->agency.id)) {
      return fail(Error{ErrorKind::conflict, "clusters.already_member", {}, {{"agency", "clusters.already_member"}}, ""});
    }
    storage::insert_cluster_member(tx, cluster_id, c->agency.id, year, false);
    if (lead) storage::set_cluster_lead(tx, cluster_id, c->agency.id, year);
    json::object after{{"agency", c->agency.code}, {"year", year}, {"lead", lead}};
    record_audit(tx, actor, {"cluster.member", "cluster", std::to_string(cluster_id), "", json::serialize(after)}, now);
    return {};
  });
}

namespace {

/// A change to a member of a cluster in a year (`action` for the audit log): `apply` runs on
/// the member's agency id once the cluster, the agency and its membership are checked.
template <class Apply>
Result<void> change_member(storage::Database& db, TimePoint now, const Principal& actor, std::int64_t cluster_id,
                           const std::string& agency_code, int year, const char* action, Apply&& apply) {
  return db.write([&](storage::Tx& tx) -> Result<void> {
    auto c = cluster_change(tx, actor, cluster_id, agency_code, year);
    if (!c) return fail(c.error());
    if (!c->has(c->agency.id)) {
      return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"agency", "clusters.not_member"}}, ""});
    }
    apply(tx, c->agency.id);
    json::object after{{"agency", c->agency.code}, {"year", year}};
    record_audit(tx, actor, {action, "cluster", std::to_string(cluster_id), "", json::serialize(after)}, now);
    return {};
  });
}

}  // namespace

Result<void> OrgService::set_cluster_lead(const Principal& actor, std::int64_t cluster_id,
                                          const std::string& agency_code, int year) {
  return change_member(*db_, clock_(), actor, cluster_id, agency_code, year, "cluster.lead",
                       [&](storage::Tx& tx, std::int64_t agency) { storage::set_cluster_lead(tx, cluster_id, agency, year); });
}

Result<void> OrgService::remove_cluster_member(const Principal& actor, std::int64_t cluster_id,
                                               const std::string& agency_code, int year) {
  return change_member(*db_, clock_(), actor, cluster_id, agency_code, year, "cluster.leave",
                       [&](storage::Tx& tx, std::int64_t agency) {
                         storage::delete_cluster_member(tx, cluster_id, agency, year);
                       });
}

}  // namespace thidua::services
