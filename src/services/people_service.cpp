#include "services/people_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/scope.hpp"
#include "services/user_service.hpp"
#include "storage/account_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/collation.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

Result<std::string> normalise_date(const std::string& text) {
  auto t = text::trim(text);
  if (t.empty()) return std::string();
  auto d = text::parse_date_vn(t);
  if (!d) return fail(d.error());
  return d->iso();
}

namespace {

std::string today(TimePoint now) { return to_iso(now).substr(0, 10); }

json::object person_json(const Person& p) {
  return {{"full_name", p.full_name},
          {"code", p.code},
          {"gender", std::string(to_string(p.gender))},
          {"birth_date", p.birth_date},
          {"employment", std::string(to_string(p.employment))},
          {"start_date", p.start_date},
          {"status", std::string(to_string(p.status))},
          {"unit_id", p.unit_id},
          {"position", p.position}};
}

storage::PersonKeys keys_for(const std::string& name) {
  return {text::fold(name), text::person_sort_key(name)};
}

}  // namespace

PeopleService::PeopleService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<Person> PeopleService::validate(storage::Tx& tx, std::int64_t agency_id, const PersonInput& in,
                                      const std::vector<Unit>* units) const {
  Error invalid{ErrorKind::validation, "validation.invalid", {}, {}, ""};
  Person p;
  p.agency_id = agency_id;
  auto clean = [&](const std::string& field, const std::string& value, std::size_t max) -> std::string {
    if (!text::is_valid_utf8(value)) {
      invalid.field(field, "validation.bad_utf8");
      return {};
    }
    std::string c = text::clean_input(value);
    if (c.size() > max) invalid.field(field, "validation.too_long");
    return c;
  };
  p.full_name = clean("full_name", in.full_name, 120);
  // Collapse runs of spaces: "Hà  Văn Vui" and "Hà Văn Vui" are one name.
  std::string collapsed;
  for (char c : p.full_name) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  p.full_name = collapsed;
  if (p.full_name.empty()) invalid.field("full_name", "validation.required");
  p.code = clean("code", in.code, 30);
  p.position = clean("position", in.position, 120);
  if (auto g = parse_gender(in.gender)) p.gender = *g;
  else invalid.field("gender", "person.gender_invalid");
  if (auto e = parse_employment_kind(in.employment)) p.employment = *e;
  else invalid.field("employment", "person.employment_invalid");
  if (auto s = parse_person_status(in.status.empty() ? "active" : in.status)) p.status = *s;
  else invalid.field("status", "person.status_invalid");
  const std::string now = today(clock_());
  if (auto d = normalise_date(in.birth_date); !d) {
    invalid.field("birth_date", "date.invalid");
  } else {
    p.birth_date = *d;
    if (!p.birth_date.empty() && (p.birth_date > now || p.birth_date < "1920-01-01")) {
      invalid.field("birth_date", "person.birth_date_range");
    }
  }
  if (auto d = normalise_date(in.start_date); !d) {
    invalid.field("start_date", "date.invalid");
  } else {
    p.start_date = *d;
    if (!p.start_date.empty() && p.start_date > now) invalid.field("start_date", "date.future");
    if (!p.start_date.empty() && !p.birth_date.empty() && p.start_date < p.birth_date) {
      invalid.field("start_date", "person.start_before_birth");
    }
  }
  auto unit_text = text::trim(in.unit_id);
  if (!unit_text.empty()) {
    std::int64_t uid = 0;
    try {
      uid = std::stoll(std::string(unit_text));
    } catch (const std::exception&) {
      uid = 0;
    }
    std::optional<Unit> u;
    if (units) {
      for (const auto& x : *units) {
        if (x.id == uid) u = x;
      }
    } else if (uid > 0) {
      u = storage::find_unit(tx, uid);
    }
    if (!u || u->agency_id != agency_id) {
      invalid.field("unit_id", "unit.not_found");
    } else if (!u->active) {
      invalid.field("unit_id", "unit.closed");
    } else {
      p.unit_id = u->id;
      p.unit_name = u->name;
    }
  }
  if (!invalid.fields.empty()) return fail(invalid);
  return p;
}

Result<Person> PeopleService::save(storage::Tx& tx, const Principal& actor, Person p, const std::string& action,
                                  bool code_checked) const {
  const auto now = clock_();
  const std::string at = to_iso(now);
  if (!p.code.empty() && !code_checked) {
    auto other = storage::find_person_by_code(tx, p.agency_id, p.code);
    if (other && *other != p.id) {
      return fail(Error{ErrorKind::conflict, "person.code_taken", {}, {{"code", "person.code_taken"}}, ""});
    }
  }
  std::string before;
  std::optional<Person> old;
  if (p.id == 0) {
    p.id = storage::insert_person(tx, p, keys_for(p.full_name), at);
  } else {
    old = storage::find_person(tx, p.id);
    if (!old) return fail(ErrorKind::not_found, "person.not_found");
    before = json::serialize(person_json(*old));
    if (!storage::update_person(tx, p, keys_for(p.full_name), at)) return fail(ErrorKind::conflict, "edit.stale");
  }
  // A change of unit is a move from today; the earlier placement stays in the path.
  if (p.unit_id != 0 && (!old || old->unit_id != p.unit_id || old->position != p.position)) {
    std::string from = !old && !p.start_date.empty() ? p.start_date : today(now);
    storage::place_person(tx, p.id, p.unit_id, p.position, from, !old);
  } else if (p.unit_id == 0 && old && old->unit_id != 0) {
    storage::end_placement(tx, p.id, today(now));
  }
  // A new row is exactly what was written; an updated one is read back for its new version.
  std::optional<Person> saved = p;
  if (old) saved = storage::find_person(tx, p.id);
  if (!saved) return fail(ErrorKind::internal, "internal", "person vanished after save");
  record_audit(tx, actor, {action, "person", std::to_string(p.id), before, json::serialize(person_json(*saved))}, now);
  return *saved;
}

Result<PeopleResult> PeopleService::search(const Principal& actor, const PeopleFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<PeopleResult> {
    storage::PeopleQuery q;
    auto readable = readable_agencies(tx, actor);
    if (f.agency_id) {
      if (std::find(readable.begin(), readable.end(), *f.agency_id) == readable.end()) {
        return fail(ErrorKind::not_found, "agency.not_found");
      }
      q.agency_ids = {*f.agency_id};
    } else {
      q.agency_ids = readable;
    }
    if (!text::is_valid_utf8(f.text)) return fail(ErrorKind::validation, "request.bad_utf8");
    std::string folded = text::fold(text::clean_input(f.text));
    for (char c : folded) {
      if (c == ' ' && (q.text.empty() || q.text.back() == ' ')) continue;
      q.text += c;
    }
    while (!q.text.empty() && q.text.back() == ' ') q.text.pop_back();
    q.unit_id = f.unit_id;
    if (!f.status.empty()) q.status = f.status;
    if (!f.role.empty()) q.role = f.role;
    PeopleResult r;
    r.per_page = std::clamp(f.per_page, 1, 200);
    r.page = std::max(1, f.page);
    q.limit = r.per_page;
    q.offset = (r.page - 1) * r.per_page;
    auto page = storage::search_people(tx, q);
    r.items = std::move(page.items);
    r.total = page.total;
    return r;
  });
}

Result<std::int64_t> PeopleService::data_version(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::audit_head(tx).first;
  });
}

Result<PersonDetail> PeopleService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<PersonDetail> {
    auto p = storage::find_person(tx, id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    PersonDetail d;
    d.person = *p;
    if (auto a = storage::find_agency(tx, p->agency_id)) d.agency_name = a->name;
    d.path = storage::placements(tx, id);
    d.history = storage::audit_for(tx, "person", std::to_string(id));
    if (p->user_id) {
      if (auto u = storage::find_user(tx, *p->user_id)) d.login = u->login;
    }
    d.can_edit = can_manage_agency(actor, p->agency_id);
    return d;
  });
}

Result<Person> PeopleService::create(const Principal& actor, std::int64_t agency_id, const PersonInput& input) {
  if (!can_manage_agency(actor, agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
  return db_->write([&](storage::Tx& tx) -> Result<Person> {
    if (!storage::find_agency(tx, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    auto p = validate(tx, agency_id, input);
    if (!p) return p;
    return save(tx, actor, *p, "person.create");
  });
}

Result<Person> PeopleService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                     const PersonInput& input) {
  return db_->write([&](storage::Tx& tx) -> Result<Person> {
    auto old = storage::find_person(tx, id);
    if (!old || !can_read_agency(tx, actor, old->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    if (!can_manage_agency(actor, old->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto p = validate(tx, old->agency_id, input);
    if (!p) return p;
    p->id = id;
    p->version = version;
    p->user_id = old->user_id;
    return save(tx, actor, *p, "person.update");
  });
}

Result<void> PeopleService::link_account(const Principal& actor, std::int64_t person_id, const std::string& login_in) {
  const auto now = clock_();
  const std::string login = normalise_login(std::string(text::trim(login_in)));
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto p = storage::find_person(tx, person_id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    if (!can_manage_agency(actor, p->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    if (p->user_id) return fail(ErrorKind::conflict, "account_link.person_linked");
    // Another agency's account is as unknown here as one that does not exist.
    auto u = storage::find_user_by_login(tx, login);
    if (!u || u->agency_id != p->agency_id) {
      Error e{ErrorKind::validation, "validation.invalid", {}, {}, ""};
      return fail(e.field("login", login.empty() ? "validation.required" : "account_link.no_such_account"));
    }
    if (storage::find_person_by_user(tx, u->id)) {
      return fail(Error{ErrorKind::conflict, "account_link.account_taken", {}, {{"login", "account_link.account_taken"}}, ""});
    }
    storage::link_person_user(tx, person_id, u->id);
    json::object after{{"login", login}};
    record_audit(tx, actor, {"person.link_account", "person", std::to_string(person_id), "", json::serialize(after)},
                 now);
    return {};
  });
}

Result<Person> PeopleService::move(const Principal& actor, std::int64_t id, std::int64_t unit_id,
                                   const std::string& position, const std::string& date_text) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Person> {
    auto p = storage::find_person(tx, id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    if (!can_manage_agency(actor, p->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error invalid{ErrorKind::validation, "validation.invalid", {}, {}, ""};
    auto u = storage::find_unit(tx, unit_id);
    if (!u || u->agency_id != p->agency_id) invalid.field("unit_id", "unit.not_found");
    else if (!u->active) invalid.field("unit_id", "unit.closed");
    auto date = normalise_date(date_text);
    if (!date || date->empty()) invalid.field("date", "date.invalid");
    else if (*date > today(now)) invalid.field("date", "date.future");
    if (!invalid.fields.empty()) return fail(invalid);
    // The new placement must start after the current one did.
    auto path = storage::placements(tx, id);
    if (!path.empty() && path.back().valid_to.empty() && path.back().valid_from >= *date) {
      return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"date", "person.move_before_current"}}, ""});
    }
    json::object before{{"unit_id", p->unit_id}, {"position", p->position}};
    std::string pos = text::is_valid_utf8(position) ? text::clean_input(position) : std::string();
    storage::place_person(tx, id, unit_id, pos, *date);
    storage::bump_person(tx, id, to_iso(now));
    json::object after{{"unit_id", unit_id}, {"position", pos}, {"from", *date}};
    record_audit(tx, actor, {"person.move", "person", std::to_string(id), json::serialize(before), json::serialize(after)},
                 now);
    auto saved = storage::find_person(tx, id);
    return *saved;
  });
}

}  // namespace thidua::services
