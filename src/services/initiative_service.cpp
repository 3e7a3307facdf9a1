#include "services/initiative_service.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/initiative_rules.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/account_repo.hpp"
#include "storage/audit_repo.hpp"
#include "storage/movement_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace initiative_rules;

namespace {

constexpr int kMaxAuthors = 20;

/// "60", " 60 %", "60%" → 60; anything else (or outside 1–100) → nullopt.
std::optional<int> parse_share(std::string_view text) {
  text = text::trim(text);
  if (!text.empty() && text.back() == '%') text = text::trim(text.substr(0, text.size() - 1));
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < 1 || v > 100) return std::nullopt;
  return v;
}

/// The person an author row names, in `agency_id`: by id, by "(CODE)" at the end of the label,
/// by the code alone, or by the full name when only one person has it. Field error otherwise.
Result<std::int64_t> resolve_author(storage::Tx& tx, std::int64_t agency_id, const InitiativeAuthorInput& a) {
  auto unknown = [] { return fail(ErrorKind::validation, "initiative.author_unknown"); };
  if (!text::trim(a.person_id).empty()) {
    auto id = parse_id(a.person_id);
    if (!id) return unknown();
    auto p = storage::find_person(tx, *id);
    // Another agency's person is as unknown as one that does not exist.
    if (!p || p->agency_id != agency_id) return unknown();
    return *id;
  }
  std::string label = text::is_valid_utf8(a.person) ? text::to_nfc(text::trim(a.person)) : std::string();
  if (label.empty()) return fail(ErrorKind::validation, "validation.required");
  if (label.back() == ')') {
    if (auto open = label.rfind('('); open != std::string::npos) {
      std::string code(text::trim(std::string_view(label).substr(open + 1, label.size() - open - 2)));
      if (auto id = storage::find_person_by_code(tx, agency_id, code)) return *id;
      label = std::string(text::trim(std::string_view(label).substr(0, open)));
    }
  }
  std::string upper = label;
  for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  for (const auto& code : {label, upper}) {
    if (auto id = storage::find_person_by_code(tx, agency_id, code)) return *id;
  }
  storage::PeopleQuery q;
  q.agency_ids = {agency_id};
  q.text = text::fold(label);
  q.limit = 20;
  std::vector<std::int64_t> exact;
  for (const auto& p : storage::search_people(tx, q).items) {
    if (text::fold(p.full_name) == q.text) exact.push_back(p.id);
  }
  if (exact.size() == 1) return exact.front();
  if (exact.size() > 1) return fail(ErrorKind::validation, "initiative.author_ambiguous");
  return unknown();
}

/// The fields of `in` validated into `out` (agency_id set by the caller). `office`: may set the
/// recognition; otherwise the recognition stays as `current` has it (none for a new one) and a
/// different one typed is refused.
Result<void> apply_input(storage::Tx& tx, Initiative& out, const InitiativeInput& in, bool office,
                         const Initiative* current, const std::string& today) {
  Error e = invalid();
  if (auto k = parse_initiative_kind(in.kind)) {
    out.kind = *k;
  } else {
    e.field("kind", "validation.invalid");
  }
  required_text(e, "title", in.title, kLine, out.title);
  optional_text(e, "field", in.field, 200, out.field);
  optional_text(e, "summary", in.summary, kText, out.summary);
  out.applied_from = date_field(e, "applied_from", in.applied_from, false);
  if (!out.applied_from.empty() && out.applied_from > today) e.field("applied_from", "date.future");
  optional_text(e, "scope", in.scope, kText, out.scope);
  optional_text(e, "effect", in.effect, kText, out.effect);

  // The recognition: its level needs the decision (body, number, date); a decision needs a level.
  Initiative typed;
  auto level = parse_recognition_level(text::trim(in.recognition_level).empty() ? "none" : in.recognition_level);
  if (!level) e.field("recognition_level", "validation.invalid");
  typed.recognition_level = level.value_or(RecognitionLevel::none);
  optional_text(e, "recognition_body", in.recognition_body, kLine, typed.recognition_body);
  optional_text(e, "recognition_number", in.recognition_number, 40, typed.recognition_number);
  Error dates = invalid();
  typed.recognition_date = date_field(dates, "recognition_date", in.recognition_date, false);
  for (auto& f : dates.fields) e.fields.push_back(f);
  const bool typed_any = typed.recognition_level != RecognitionLevel::none || !typed.recognition_body.empty() ||
                         !typed.recognition_number.empty() || !text::trim(in.recognition_date).empty();
  if (!office) {
    const Initiative none;
    const Initiative& keep = current ? *current : none;
    const bool same = typed.recognition_level == keep.recognition_level &&
                      typed.recognition_body == keep.recognition_body &&
                      typed.recognition_number == keep.recognition_number &&
                      typed.recognition_date == keep.recognition_date;
    // Staff forms do not show the recognition: empty input keeps what the Office recorded.
    if (typed_any && !same && dates.fields.empty()) e.field("recognition_level", "initiative.recognition_office_only");
    out.recognition_level = keep.recognition_level;
    out.recognition_body = keep.recognition_body;
    out.recognition_number = keep.recognition_number;
    out.recognition_date = keep.recognition_date;
  } else {
    out.recognition_level = typed.recognition_level;
    out.recognition_body = typed.recognition_body;
    out.recognition_number = typed.recognition_number;
    out.recognition_date = typed.recognition_date;
    if (level && *level != RecognitionLevel::none) {
      if (out.recognition_number.empty()) e.field("recognition_number", "initiative.decision_number_required");
      if (out.recognition_body.empty()) e.field("recognition_body", "initiative.decision_body_required");
      if (out.recognition_date.empty() && dates.fields.empty()) {
        e.field("recognition_date", "initiative.decision_date_required");
      }
    } else if (level && typed_any) {
      e.field("recognition_level", "initiative.level_required");
    }
    if (!out.recognition_date.empty()) {
      if (out.recognition_date > today) {
        e.field("recognition_date", "initiative.recognition_future");
      } else if (!out.applied_from.empty() && out.recognition_date < out.applied_from) {
        e.field("recognition_date", "initiative.recognition_before_applied");
      }
    }
  }

  out.movement_id.reset();
  if (!text::trim(in.movement_id).empty()) {
    auto id = parse_id(in.movement_id);
    auto m = id ? storage::find_movement(tx, *id) : std::nullopt;
    if (!m || m->agency_id != out.agency_id) {
      e.field("movement_id", "movement.not_found");
    } else {
      out.movement_id = *id;
    }
  }

  // Authors: people of the agency, each once, with whole-percent shares adding up to 100.
  out.authors.clear();
  int total = 0, row = -1, counted = 0;
  bool rows_ok = true;
  for (const auto& a : in.authors) {
    ++row;
    if (text::trim(a.person_id).empty() && text::trim(a.person).empty() && text::trim(a.share).empty()) continue;
    const std::string at = "authors." + std::to_string(row);
    ++counted;
    auto person = resolve_author(tx, out.agency_id, a);
    auto share = parse_share(a.share);
    if (!person) {
      e.field(at + ".person", person.error().code);
      rows_ok = false;
    } else if (out.has_author(*person)) {
      e.field(at + ".person", "initiative.author_duplicate");
      rows_ok = false;
    }
    if (!share) {
      e.field(at + ".share", text::trim(a.share).empty() ? "validation.required" : "initiative.share_invalid");
      rows_ok = false;
    }
    if (person && share && !out.has_author(*person)) {
      out.authors.push_back(InitiativeAuthor{*person, "", "", *share});
      total += *share;
    }
  }
  if (counted == 0) {
    e.field("authors", "initiative.authors_required");
  } else if (counted > kMaxAuthors) {
    e.field("authors", "initiative.too_many_authors");
  } else if (rows_ok && total != 100) {
    e.field("authors", "initiative.shares_total");
    e.with("total", std::to_string(total));
  }
  if (!e.fields.empty()) return fail(e);
  return {};
}

json::object authors_json(const std::vector<InitiativeAuthor>& authors) {
  json::array out;
  for (const auto& a : authors) {
    out.push_back(json::object{{"person_id", a.person_id}, {"name", a.full_name}, {"share", a.share_pct}});
  }
  return json::object{{"authors", std::move(out)}};
}

struct Rights {
  bool office = false;
  bool author = false;  ///< the actor is one of its authors
};

Rights rights_on(storage::Tx& tx, const Principal& actor, const Initiative& i) {
  Rights r;
  r.office = can_manage_agency(actor, i.agency_id);
  if (auto me = own_person(tx, actor, i.agency_id)) r.author = i.has_author(me->id);
  return r;
}

/// Names and codes of the authors (for the audit log and the answer).
void fill_author_names(storage::Tx& tx, Initiative& i) {
  for (auto& a : i.authors) {
    if (auto p = storage::find_person(tx, a.person_id)) {
      a.full_name = p->full_name;
      a.code = p->code;
    }
  }
}

storage::InitiativeQuery query_of(const InitiativeFilter& f, Error& e) {
  storage::InitiativeQuery q;
  q.agency_id = f.agency_id;
  q.text = text::is_valid_utf8(f.text) ? text::fold(text::trim(f.text)) : std::string();
  q.year = f.year;
  if (!f.level.empty()) {
    q.level = parse_recognition_level(f.level);
    if (!q.level) e.field("level", "validation.invalid");
  }
  q.field = text::is_valid_utf8(f.field) ? text::to_nfc(text::trim(f.field)) : std::string();
  q.author_id = f.author_id;
  if (f.status.empty()) {
    q.status = InitiativeStatus::active;
  } else if (f.status != "all") {
    q.status = parse_initiative_status(f.status);
    if (!q.status) e.field("status", "validation.invalid");
  }
  if (f.year < 0) e.field("year", "validation.invalid");
  return q;
}

}  // namespace

namespace initiative_rules {

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

std::optional<Person> own_person(storage::Tx& tx, const Principal& actor, std::int64_t agency_id) {
  if (actor.user_id <= 0) return std::nullopt;
  auto id = storage::find_person_by_user(tx, actor.user_id);
  if (!id) return std::nullopt;
  auto p = storage::find_person(tx, *id);
  if (!p || p->agency_id != agency_id) return std::nullopt;
  return p;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  text = text::trim(text);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

Result<Initiative> for_change(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto i = storage::find_initiative(tx, id);
  if (!i || !can_read_agency(tx, actor, i->agency_id)) return fail(ErrorKind::not_found, "initiative.not_found");
  return *i;
}

}  // namespace initiative_rules

json::object initiative_fields(const Initiative& i) {
  json::array authors = authors_json(i.authors).at("authors").as_array();
  json::object o{{"kind", std::string(to_string(i.kind))},
                 {"title", i.title},
                 {"field", i.field},
                 {"summary", i.summary},
                 {"applied_from", i.applied_from},
                 {"scope", i.scope},
                 {"effect", i.effect},
                 {"recognition_level", std::string(to_string(i.recognition_level))},
                 {"recognition_body", i.recognition_body},
                 {"recognition_number", i.recognition_number},
                 {"recognition_date", i.recognition_date},
                 {"status", std::string(to_string(i.status))},
                 {"authors", std::move(authors)}};
  o["movement_id"] = i.movement_id ? json::value(*i.movement_id) : json::value(nullptr);
  return o;
}

InitiativeService::InitiativeService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<InitiativeList> InitiativeService::list(const Principal& actor, const InitiativeFilter& f) {
  Error e = invalid();
  auto q = query_of(f, e);
  if (!e.fields.empty()) return fail(e);
  q.limit = std::clamp(f.per_page, 1, 500);
  q.offset = (std::max(1, f.page) - 1) * q.limit;
  return db_->read([&](storage::Tx& tx) -> Result<InitiativeList> {
    if (!can_read_agency(tx, actor, f.agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    InitiativeList out;
    auto page = storage::search_initiatives(tx, q);
    out.items = std::move(page.items);
    out.total = page.total;
    out.page = std::max(1, f.page);
    out.per_page = q.limit;
    std::vector<std::int64_t> ids;
    for (const auto& i : out.items) ids.push_back(i.id);
    for (const auto& u : storage::initiative_uses(tx, ids)) {
      if (u.live()) ++out.live_uses[u.initiative_id];
    }
    out.fields = storage::initiative_fields(tx, f.agency_id);
    out.years = storage::initiative_years(tx, f.agency_id);
    out.authors = storage::initiative_author_people(tx, f.agency_id);
    out.can_manage = can_manage_agency(actor, f.agency_id);
    out.can_create = out.can_manage || own_person(tx, actor, f.agency_id).has_value();
    return out;
  });
}

Result<std::pair<std::vector<Initiative>, std::vector<InitiativeUse>>> InitiativeService::all_for_export(
    const Principal& actor, InitiativeFilter f) {
  Error e = invalid();
  auto q = query_of(f, e);
  if (!e.fields.empty()) return fail(e);
  q.limit = 1'000'000;
  q.offset = 0;
  using Out = std::pair<std::vector<Initiative>, std::vector<InitiativeUse>>;
  return db_->read([&](storage::Tx& tx) -> Result<Out> {
    if (!can_read_agency(tx, actor, f.agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    auto page = storage::search_initiatives(tx, q);
    std::vector<std::int64_t> ids;
    for (const auto& i : page.items) ids.push_back(i.id);
    auto uses = storage::initiative_uses(tx, ids);
    return Out{std::move(page.items), std::move(uses)};
  });
}

Result<InitiativeDetail> InitiativeService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<InitiativeDetail> {
    auto i = for_change(tx, actor, id);
    if (!i) return fail(i.error());
    InitiativeDetail d;
    d.initiative = std::move(*i);
    if (auto a = storage::find_agency(tx, d.initiative.agency_id)) d.agency_name = a->name;
    d.uses = storage::initiative_uses(tx, {id});
    d.history = storage::audit_for(tx, "initiative", std::to_string(id));
    const bool active = d.initiative.status == InitiativeStatus::active;
    auto r = rights_on(tx, actor, d.initiative);
    const bool live = std::any_of(d.uses.begin(), d.uses.end(), [](const InitiativeUse& u) { return u.live(); });
    d.can_edit = active && (r.office || r.author);
    d.can_edit_recognition = active && r.office;
    d.can_withdraw = active && !live &&
                     (r.office || (r.author && d.initiative.recognition_level == RecognitionLevel::none));
    d.can_record_use = active && r.office;
    return d;
  });
}

Result<std::vector<Initiative>> InitiativeService::of_person(const Principal& actor, std::int64_t person_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<Initiative>> {
    auto p = storage::find_person(tx, person_id);
    if (!p || !can_read_agency(tx, actor, p->agency_id)) return fail(ErrorKind::not_found, "person.not_found");
    return storage::initiatives_of_person(tx, person_id);
  });
}

Result<InitiativeInput> InitiativeService::blank_input(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<InitiativeInput> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    InitiativeInput in;
    if (!can_manage_agency(actor, agency_id)) {
      auto me = own_person(tx, actor, agency_id);
      if (!me) return fail(ErrorKind::forbidden, "initiative.own_only");
      in.authors.push_back({std::to_string(me->id), me->full_name + " (" + me->code + ")", "100"});
    }
    return in;
  });
}

Result<std::vector<std::pair<std::int64_t, std::string>>> InitiativeService::author_choices(const Principal& actor,
                                                                                            std::int64_t agency_id) {
  using Out = std::vector<std::pair<std::int64_t, std::string>>;
  return db_->read([&](storage::Tx& tx) -> Result<Out> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    storage::PeopleQuery q;
    q.agency_ids = {agency_id};
    q.limit = 5000;
    Out out;
    for (const auto& p : storage::search_people(tx, q).items) {
      out.emplace_back(p.id, p.code.empty() ? p.full_name : p.full_name + " (" + p.code + ")");
    }
    return out;
  });
}

Result<Initiative> InitiativeService::create(const Principal& actor, std::int64_t agency_id,
                                             const InitiativeInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Initiative> {
    if (!can_read_agency(tx, actor, agency_id) || !storage::find_agency(tx, agency_id)) {
      return fail(ErrorKind::not_found, "agency.not_found");
    }
    const bool office = can_manage_agency(actor, agency_id);
    auto me = own_person(tx, actor, agency_id);
    if (!office && !me) return fail(ErrorKind::forbidden, "initiative.own_only");
    Initiative i;
    i.agency_id = agency_id;
    if (auto ok = apply_input(tx, i, in, office, nullptr, today_iso(now)); !ok) return fail(ok.error());
    // Staff register their own initiatives: they must be among the authors.
    if (!office && !i.has_author(me->id)) {
      return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"authors", "initiative.must_be_author"}}, ""});
    }
    fill_author_names(tx, i);
    auto ts = to_iso(now);
    i.id = storage::insert_initiative(tx, i, text::fold(i.title), account_of(actor), ts);
    record_audit(tx, actor,
                 {"initiative.create", "initiative", std::to_string(i.id), "", json::serialize(initiative_fields(i))},
                 now);
    return *storage::find_initiative(tx, i.id);
  });
}

Result<Initiative> InitiativeService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                             const InitiativeInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Initiative> {
    auto old = for_change(tx, actor, id);
    if (!old) return fail(old.error());
    auto r = rights_on(tx, actor, *old);
    if (!r.office && !r.author) return fail(ErrorKind::forbidden, "initiative.own_only");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    if (old->status != InitiativeStatus::active) return fail(ErrorKind::conflict, "initiative.withdrawn");
    Initiative i = *old;
    if (auto ok = apply_input(tx, i, in, r.office, &*old, today_iso(now)); !ok) return fail(ok.error());
    if (!r.office) {
      auto me = own_person(tx, actor, i.agency_id);
      if (!me || !i.has_author(me->id)) {
        return fail(Error{ErrorKind::validation, "validation.invalid", {}, {{"authors", "initiative.must_be_author"}}, ""});
      }
    }
    // An author with a live use stays an author: the use would point at someone who is not.
    for (const auto& u : storage::initiative_uses(tx, {id})) {
      if (u.live() && u.person_id && !i.has_author(*u.person_id)) {
        return fail(Error{ErrorKind::conflict, "initiative.author_in_use", {{"person", u.person_name}},
                          {{"authors", "initiative.author_in_use_field"}}, ""});
      }
    }
    fill_author_names(tx, i);
    if (!storage::update_initiative(tx, i, text::fold(i.title), to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    record_audit(tx, actor,
                 {"initiative.update", "initiative", std::to_string(id), json::serialize(initiative_fields(*old)),
                  json::serialize(initiative_fields(i))},
                 now);
    return *storage::find_initiative(tx, id);
  });
}

Result<Initiative> InitiativeService::withdraw(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Initiative> {
    auto old = for_change(tx, actor, id);
    if (!old) return fail(old.error());
    auto r = rights_on(tx, actor, *old);
    if (!r.office && !(r.author && old->recognition_level == RecognitionLevel::none)) {
      return fail(ErrorKind::forbidden, r.author ? "initiative.recognised_office_only" : "initiative.own_only");
    }
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    if (old->status != InitiativeStatus::active) return fail(ErrorKind::conflict, "initiative.withdrawn");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, 1000, reason);
    if (!e.fields.empty()) return fail(e);
    for (const auto& u : storage::initiative_uses(tx, {id})) {
      if (u.live()) return fail(ErrorKind::conflict, "initiative.withdraw_in_use");
    }
    if (!storage::withdraw_initiative(tx, id, version, account_of(actor), reason, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    json::object before{{"status", "active"}};
    json::object after{{"status", "withdrawn"}, {"reason", reason}};
    record_audit(tx, actor,
                 {"initiative.withdraw", "initiative", std::to_string(id), json::serialize(before),
                  json::serialize(after)},
                 now);
    return *storage::find_initiative(tx, id);
  });
}

}  // namespace thidua::services
