#include "services/achievement_service.hpp"

#include <algorithm>
#include <chrono>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/evidence_service.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::size_t kLine = 300;
constexpr std::size_t kText = 4000;

std::optional<std::int64_t> account_of(const Principal& p) {
  return p.user_id > 0 ? std::optional<std::int64_t>(p.user_id) : std::nullopt;
}

/// A positive id typed in a form; nullopt for anything else.
std::optional<std::int64_t> parse_id(const std::string& s) {
  auto t = text::trim(s);
  if (t.empty() || t.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<std::int64_t>(v) : std::nullopt;
}

/// An id field: empty adds `validation.required` when required; a non-id `validation.invalid`.
std::optional<std::int64_t> id_field(Error& e, const char* field, const std::string& s, bool required) {
  if (text::trim(s).empty()) {
    if (required) e.field(field, "validation.required");
    return std::nullopt;
  }
  auto id = parse_id(s);
  if (!id) e.field(field, "validation.invalid");
  return id;
}

/// A whole number as people type it: "1250000", "1.250.000" or "1 250 000" (groups of three
/// after the first). Empty: nullopt (and `validation.required` when required). Negative,
/// fractional or over `max` adds its own message, so a mistyped amount is never stored.
std::optional<long long> amount_field(Error& e, const char* field, const std::string& s, long long max,
                                      const char* too_large, bool required = false) {
  std::string t(text::trim(text::clean_input(s)));
  if (t.empty()) {
    if (required) e.field(field, "validation.required");
    return std::nullopt;
  }
  if (t[0] == '-' || t.rfind("\u2212", 0) == 0 || t.rfind("\u2013", 0) == 0) {  // '-', a minus sign, a dash
    e.field(field, "achievement.negative");
    return std::nullopt;
  }
  char sep = 0;
  std::size_t group = 0, groups = 0;
  std::string digits;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
      continue;
    }
    bool separator = c == '.' || c == ' ';
    if (!separator || (sep && c != sep) || group == 0 || (groups > 0 && group != 3) || (groups == 0 && group > 3)) {
      e.field(field, c == ',' ? "achievement.whole_number" : "achievement.number_invalid");
      return std::nullopt;
    }
    sep = c;
    ++groups;
    group = 0;
  }
  if (group == 0 || (groups > 0 && group != 3)) {
    e.field(field, "achievement.number_invalid");
    return std::nullopt;
  }
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  if (digits.size() > 15 || std::stoll(digits) > max) {
    e.field(field, too_large);
    return std::nullopt;
  }
  return std::stoll(digits);
}

/// The record `in` describes, checked against the register: the movement (launched, of the
/// agency), a content item of it, the date (in the movement's period, not in the future), the
/// unit or person, the commune (assigned to the agency on that date), the initiative, and the
/// measures the kind records. Fields that do not belong to the kind are left empty.
Result<Achievement> read_input(storage::Tx& tx, const RecordRights& r, const AchievementInput& in,
                               const std::string& today) {
  Error e = invalid();
  Achievement a;
  a.agency_id = r.agency_id;

  auto kind = parse_achievement_kind(text::trim(in.kind));
  if (!kind) e.field("kind", text::trim(in.kind).empty() ? "validation.required" : "validation.invalid");
  else a.kind = *kind;

  std::optional<Movement> m;
  if (auto mid = id_field(e, "movement_id", in.movement_id, true)) {
    m = storage::find_movement(tx, *mid);
    if (!m || m->agency_id != r.agency_id) {
      e.field("movement_id", "achievement.movement_not_found");
      m.reset();
    } else if (m->status == MovementStatus::draft) {
      e.field("movement_id", "achievement.movement_not_launched");
      m.reset();
    } else {
      a.movement_id = m->id;
      a.movement_title = m->title;
    }
  }
  if (auto iid = id_field(e, "item_id", in.item_id, true); iid && m) {
    auto item = storage::find_plan_item(tx, *iid);
    if (!item || item->movement_id != m->id || item->section != PlanSection::content) {
      e.field("item_id", "achievement.item_not_in_movement");
    } else {
      a.item_id = item->id;
    }
  }

  a.occurred_on = date_field(e, "occurred_on", in.occurred_on, true);
  if (!a.occurred_on.empty()) {
    if (a.occurred_on > today) {
      e.field("occurred_on", "achievement.date_future");
      a.occurred_on.clear();
    } else if (m && (a.occurred_on < m->period_from || a.occurred_on > m->period_to)) {
      e.field("occurred_on", "achievement.date_outside");
      a.occurred_on.clear();
    } else {
      a.year = std::stoi(a.occurred_on.substr(0, 4));
    }
  }

  auto subject = parse_record_subject(text::trim(in.subject));
  if (!subject) {
    e.field("subject", "validation.invalid");
  } else if (*subject == RecordSubject::unit) {
    a.subject = RecordSubject::unit;
    if (auto uid = id_field(e, "unit_id", in.unit_id, true)) {
      auto u = storage::find_unit(tx, *uid);
      if (!u || u->agency_id != r.agency_id) e.field("unit_id", "unit.not_found");
      else a.unit_id = u->id;
    }
  } else {
    a.subject = RecordSubject::person;
    if (auto pid = id_field(e, "person_id", in.person_id, true)) {
      auto p = storage::find_person(tx, *pid);
      if (!p || p->agency_id != r.agency_id) {
        e.field("person_id", "person.not_found");
      } else {
        a.person_id = p->id;
        a.person_name = p->full_name;
        // The unit the person worked in that day; without a date yet, their unit now.
        auto unit = a.occurred_on.empty() ? std::optional<std::int64_t>(p->unit_id)
                                          : storage::person_unit_on(tx, p->id, a.occurred_on);
        if (!unit || *unit == 0) e.field("person_id", "achievement.person_no_unit");
        else a.unit_id = *unit;
      }
    }
  }
  // Only a subject that exists can be refused for rights; refusing it is not a field problem.
  if (a.unit_id != 0 && !r.may_record(a.subject, a.unit_id, a.person_id)) {
    return fail(ErrorKind::forbidden, "achievement.not_yours");
  }

  required_text(e, "title", in.title, kLine, a.title);
  // The kind's own fields are checked only once the kind is known.
  bool needs_description = kind && (a.kind == AchievementKind::role_model || a.kind == AchievementKind::other);
  if (needs_description) required_text(e, "description", in.description, kText, a.description);
  else optional_text(e, "description", in.description, kText, a.description);

  bool needs_commune = kind && a.kind == AchievementKind::support_visit;
  if (auto cid = id_field(e, "commune_id", in.commune_id, needs_commune)) {
    if (!a.occurred_on.empty() && !storage::commune_assigned_on(tx, r.agency_id, *cid, a.occurred_on)) {
      e.field("commune_id", "achievement.commune_not_assigned");
    } else {
      a.commune_id = *cid;
    }
  }

  switch (kind ? a.kind : AchievementKind::other) {
    case AchievementKind::propaganda:
      required_text(e, "place", in.place, kLine, a.place);
      optional_text(e, "audience", in.audience, kLine, a.audience);
      a.sessions = amount_field(e, "sessions", in.sessions, kMaxSessions, "achievement.too_many", true);
      a.participants = amount_field(e, "participants", in.participants, kMaxPeople, "achievement.too_many", true);
      if (a.sessions && *a.sessions == 0) e.field("sessions", "achievement.at_least_one");
      break;
    case AchievementKind::resource: {
      a.cash_vnd = amount_field(e, "cash_vnd", in.cash_vnd, kMaxMoneyVnd, "achievement.too_much_money");
      a.goods_vnd = amount_field(e, "goods_vnd", in.goods_vnd, kMaxMoneyVnd, "achievement.too_much_money");
      a.workdays = amount_field(e, "workdays", in.workdays, kMaxWorkdays, "achievement.too_many");
      a.land_m2 = amount_field(e, "land_m2", in.land_m2, kMaxLandM2, "achievement.too_much_land");
      bool amount_refused = std::any_of(e.fields.begin(), e.fields.end(), [](const FieldError& f) {
        return f.field == "cash_vnd" || f.field == "goods_vnd" || f.field == "workdays" || f.field == "land_m2";
      });
      bool some = a.cash_vnd.value_or(0) + a.goods_vnd.value_or(0) + a.workdays.value_or(0) + a.land_m2.value_or(0) > 0;
      if (!some && !amount_refused) e.field("cash_vnd", "achievement.no_amount");
      if (a.goods_vnd.value_or(0) > 0) required_text(e, "goods_note", in.goods_note, kLine, a.goods_note);
      else optional_text(e, "goods_note", in.goods_note, kLine, a.goods_note);
      if (auto d = parse_donor_kind(text::trim(in.donor_kind))) a.donor_kind = *d;
      else e.field("donor_kind", text::trim(in.donor_kind).empty() ? "validation.required" : "validation.invalid");
      required_text(e, "donor_name", in.donor_name, kLine, a.donor_name);
      if (auto s = parse_donor_scope(text::trim(in.donor_scope))) a.donor_scope = *s;
      else e.field("donor_scope", text::trim(in.donor_scope).empty() ? "validation.required" : "validation.invalid");
      break;
    }
    case AchievementKind::support_visit:
      // Who went is in the description; `participants` counts people reached by propaganda only.
      optional_text(e, "place", in.place, kLine, a.place);
      break;
    case AchievementKind::role_model:
      if (auto k = parse_model_kind(text::trim(in.model_kind))) a.model_kind = *k;
      else e.field("model_kind", text::trim(in.model_kind).empty() ? "validation.required" : "validation.invalid");
      required_text(e, "model_name", in.model_name, kLine, a.model_name);
      break;
    case AchievementKind::initiative:
      if (auto iid = id_field(e, "initiative_id", in.initiative_id, true)) {
        if (!storage::initiative_active(tx, r.agency_id, *iid)) e.field("initiative_id", "achievement.initiative_not_found");
        else a.initiative_id = *iid;
      }
      break;
    case AchievementKind::other:
      optional_text(e, "place", in.place, kLine, a.place);
      break;
  }
  if (!e.fields.empty()) return fail(e);
  return a;
}

json::value opt(const std::optional<long long>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value opt_id(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

/// The record and its history written together: the event row and the audit row.
void record_event(storage::Tx& tx, const Principal& actor, const Achievement& a, const std::string& event,
                  const std::string& comment, const std::string& before, TimePoint now) {
  AchievementEvent ev;
  ev.achievement_id = a.id;
  ev.event = event;
  ev.comment = comment;
  ev.before_json = event == "edited" ? before : "";
  ev.actor_id = account_of(actor);
  ev.at = to_iso(now);
  storage::insert_achievement_event(tx, ev);
  json::object after = achievement_fields(a);
  after["status"] = std::string(to_string(a.status));
  if (!comment.empty()) after["comment"] = comment;
  record_audit(tx, actor, {"achievement." + event, "achievement", std::to_string(a.id), before, json::serialize(after)},
               now);
}

/// The record `id` for the actor: not found unless they may read it.
Result<std::pair<Achievement, RecordRights>> readable(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto a = storage::find_achievement(tx, id);
  if (!a) return fail(ErrorKind::not_found, "achievement.not_found");
  auto r = record_rights(tx, actor, a->agency_id);
  if (!r.may_read(*a)) return fail(ErrorKind::not_found, "achievement.not_found");
  return std::make_pair(std::move(*a), std::move(r));
}

}  // namespace

std::string today_vn(TimePoint now) { return today_iso(now + std::chrono::hours(7)); }

json::object achievement_fields(const Achievement& a) {
  return {{"movement_id", a.movement_id},
                 {"item_id", a.item_id},
                 {"subject", std::string(to_string(a.subject))},
                 {"unit_id", a.unit_id},
                 {"person_id", opt_id(a.person_id)},
                 {"kind", std::string(to_string(a.kind))},
                 {"occurred_on", a.occurred_on},
                 {"title", a.title},
                 {"description", a.description},
                 {"place", a.place},
                 {"commune_id", opt_id(a.commune_id)},
                 {"audience", a.audience},
                 {"sessions", opt(a.sessions)},
                 {"participants", opt(a.participants)},
                 {"cash_vnd", opt(a.cash_vnd)},
                 {"goods_vnd", opt(a.goods_vnd)},
                 {"goods_note", a.goods_note},
                 {"workdays", opt(a.workdays)},
                 {"land_m2", opt(a.land_m2)},
                 {"donor_kind", a.donor_kind ? json::value(std::string(to_string(*a.donor_kind))) : json::value(nullptr)},
                 {"donor_name", a.donor_name},
                 {"donor_scope", a.donor_scope ? json::value(std::string(to_string(*a.donor_scope))) : json::value(nullptr)},
                 {"model_kind", a.model_kind ? json::value(std::string(to_string(*a.model_kind))) : json::value(nullptr)},
                 {"model_name", a.model_name},
                 {"initiative_id", opt_id(a.initiative_id)}};
}

std::string achievement_fields_json(const Achievement& a) { return json::serialize(achievement_fields(a)); }

bool can_read_achievement(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  return readable(tx, actor, id).has_value();
}

AchievementService::AchievementService(std::shared_ptr<storage::Database> db,
                                       std::shared_ptr<EvidenceService> evidence, Clock clock)
    : db_(std::move(db)), evidence_(std::move(evidence)), clock_(std::move(clock)) {
  if (evidence_) evidence_->register_subject("achievement", can_read_achievement);
}

namespace {

/// Attaches `files` to record `a` inside the transaction, each with its event: a file refused
/// (type, size, empty) refuses the whole change.
Result<std::vector<EvidenceRow>> attach_all(storage::Tx& tx, const EvidenceService* evidence, const Principal& actor,
                                            const Achievement& a, const std::vector<EvidenceUpload>& files,
                                            TimePoint now) {
  std::vector<EvidenceRow> out;
  if (files.empty()) return out;
  if (!evidence) return fail(ErrorKind::internal, "internal", "evidence service not configured");
  for (const auto& f : files) {
    auto row = evidence->attach(tx, actor, a.agency_id, "achievement", a.id, f);
    if (!row) return fail(row.error());
    AchievementEvent ev;
    ev.achievement_id = a.id;
    ev.event = "evidence_added";
    ev.comment = row->file_name;
    ev.actor_id = account_of(actor);
    ev.at = to_iso(now);
    storage::insert_achievement_event(tx, ev);
    out.push_back(std::move(*row));
  }
  return out;
}

}  // namespace

Result<Achievement> AchievementService::create(const Principal& actor, std::int64_t agency_id,
                                               const AchievementInput& in, bool submit,
                                               const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Achievement> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    if (!r.manages && r.headed_units.empty() && !r.person_id) return fail(ErrorKind::forbidden, "achievement.not_yours");
    auto a = read_input(tx, r, in, today_vn(now));
    if (!a) return fail(a.error());
    auto ts = to_iso(now);
    a->created_by = account_of(actor);
    a->status = submit ? AchievementStatus::submitted : AchievementStatus::draft;
    if (submit) a->submitted_at = ts;
    a->id = storage::insert_achievement(tx, *a, ts);
    record_event(tx, actor, *a, "created", "", "", now);
    if (auto attached = attach_all(tx, evidence_.get(), actor, *a, files, now); !attached) return fail(attached.error());
    if (submit) record_event(tx, actor, *a, "submitted", "", "", now);
    return *storage::find_achievement(tx, a->id);
  });
}

Result<Achievement> AchievementService::update(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const AchievementInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Achievement> {
    auto found = readable(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [old, r] = *found;
    if (old.status == AchievementStatus::withdrawn) return fail(ErrorKind::conflict, "achievement.withdrawn");
    if (old.status == AchievementStatus::verified && !r.manages) {
      return fail(ErrorKind::forbidden, "achievement.verified_office_only");
    }
    if (!r.may_change(old)) return fail(ErrorKind::forbidden, "achievement.not_yours");
    if (old.version != version) return fail(ErrorKind::conflict, "edit.stale");
    auto a = read_input(tx, r, in, today_vn(now));
    if (!a) return fail(a.error());
    a->id = id;
    a->version = version;
    if (!storage::update_achievement(tx, *a, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    auto saved = *storage::find_achievement(tx, id);
    record_event(tx, actor, saved, "edited", "", achievement_fields_json(old), now);
    return saved;
  });
}

template <class Check, class Apply>
Result<Achievement> AchievementService::transition(const Principal& actor, std::int64_t id, std::int64_t version,
                                                   const char* event, const std::string& comment_in, Check&& check,
                                                   Apply&& apply) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Achievement> {
    auto found = readable(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [a, r] = *found;
    if (auto ok = check(a, r); !ok) return fail(ok.error());
    if (a.version != version) return fail(ErrorKind::conflict, "edit.stale");
    Error e = invalid();
    std::string comment;
    optional_text(e, "comment", comment_in, kText, comment);
    if (!e.fields.empty()) return fail(e);
    std::string name = event;
    apply(a, comment, to_iso(now), name);
    if (!storage::set_achievement_status(tx, a, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    auto saved = *storage::find_achievement(tx, id);
    record_event(tx, actor, saved, name, comment, "", now);
    return saved;
  });
}

Result<Achievement> AchievementService::submit(const Principal& actor, std::int64_t id, std::int64_t version) {
  return transition(
      actor, id, version, "submitted", "",
      [](const Achievement& a, const RecordRights& r) -> Result<void> {
        if (!r.may_change(a)) return fail(ErrorKind::forbidden, "achievement.not_yours");
        if (a.status != AchievementStatus::draft && a.status != AchievementStatus::returned) {
          return fail(ErrorKind::conflict, "achievement.not_submittable");
        }
        return {};
      },
      [](Achievement& a, const std::string&, const std::string& at, std::string& event) {
        if (a.status == AchievementStatus::returned) event = "resubmitted";
        a.status = AchievementStatus::submitted;
        a.submitted_at = at;
      });
}

Result<Achievement> AchievementService::verify(const Principal& actor, std::int64_t id, std::int64_t version,
                                               const std::string& comment) {
  return transition(
      actor, id, version, "verified", comment,
      [](const Achievement& a, const RecordRights& r) -> Result<void> {
        if (!r.manages) return fail(ErrorKind::forbidden, "achievement.office_only");
        if (a.status != AchievementStatus::submitted) return fail(ErrorKind::conflict, "achievement.not_submitted");
        return {};
      },
      [&](Achievement& a, const std::string& c, const std::string& at, std::string&) {
        a.status = AchievementStatus::verified;
        a.verified_by = account_of(actor);
        a.verified_at = at;
        a.last_comment = c;
      });
}

Result<Achievement> AchievementService::send_back(const Principal& actor, std::int64_t id, std::int64_t version,
                                                  const std::string& comment) {
  return transition(
      actor, id, version, "returned", comment,
      [&](const Achievement& a, const RecordRights& r) -> Result<void> {
        if (!r.manages) return fail(ErrorKind::forbidden, "achievement.office_only");
        if (a.status != AchievementStatus::submitted) return fail(ErrorKind::conflict, "achievement.not_submitted");
        if (text::clean_input(comment).empty()) {
          return fail(Error{ErrorKind::validation, "achievement.comment_required", {}, {{"comment", "achievement.comment_required"}}, ""});
        }
        return {};
      },
      [](Achievement& a, const std::string& c, const std::string&, std::string&) {
        a.status = AchievementStatus::returned;
        a.last_comment = c;
      });
}

Result<Achievement> AchievementService::withdraw(const Principal& actor, std::int64_t id, std::int64_t version,
                                                 const std::string& comment) {
  return transition(
      actor, id, version, "withdrawn", comment,
      [](const Achievement& a, const RecordRights& r) -> Result<void> {
        if (a.status == AchievementStatus::withdrawn) return fail(ErrorKind::conflict, "achievement.withdrawn");
        if (a.status == AchievementStatus::verified && !r.manages) {
          return fail(ErrorKind::forbidden, "achievement.verified_office_only");
        }
        if (!r.may_change(a)) return fail(ErrorKind::forbidden, "achievement.not_yours");
        return {};
      },
      [](Achievement& a, const std::string&, const std::string&, std::string&) {
        a.status = AchievementStatus::withdrawn;
      });
}

Result<int> AchievementService::verify_many(const Principal& actor, std::int64_t agency_id,
                                            const std::vector<VersionedId>& ids) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<int> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    if (!r.manages) return fail(ErrorKind::forbidden, "achievement.office_only");
    if (ids.empty()) {
      return fail(Error{ErrorKind::validation, "achievement.none_selected", {}, {{"ids", "achievement.none_selected"}}, ""});
    }
    const auto ts = to_iso(now);
    int done = 0;
    for (const auto& v : ids) {
      auto a = storage::find_achievement(tx, v.id);
      if (!a || a->agency_id != agency_id) return fail(ErrorKind::not_found, "achievement.not_found");
      if (a->status != AchievementStatus::submitted || a->version != v.version) {
        return fail(ErrorKind::conflict, "achievement.batch_stale");
      }
      a->status = AchievementStatus::verified;
      a->verified_by = account_of(actor);
      a->verified_at = ts;
      a->last_comment.clear();
      if (!storage::set_achievement_status(tx, *a, ts)) return fail(ErrorKind::conflict, "achievement.batch_stale");
      ++a->version;
      record_event(tx, actor, *a, "verified", "", "", now);
      ++done;
    }
    return done;
  });
}

Result<std::vector<EvidenceRow>> AchievementService::add_evidence(const Principal& actor, std::int64_t id,
                                                                  const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
    auto found = readable(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [a, r] = *found;
    if (a.status == AchievementStatus::withdrawn) return fail(ErrorKind::conflict, "achievement.withdrawn");
    if (a.status == AchievementStatus::verified && !r.manages) {
      return fail(ErrorKind::forbidden, "achievement.verified_office_only");
    }
    if (!r.may_change(a)) return fail(ErrorKind::forbidden, "achievement.not_yours");
    if (files.empty()) {
      return fail(Error{ErrorKind::validation, "achievement.no_file", {}, {{"file", "achievement.no_file"}}, ""});
    }
    return attach_all(tx, evidence_.get(), actor, a, files, now);
  });
}

Result<EvidenceRow> AchievementService::withdraw_evidence(const Principal& actor, std::int64_t id,
                                                          std::int64_t evidence_id, const std::string& reason) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<EvidenceRow> {
    auto found = readable(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [a, r] = *found;
    if (!evidence_) return fail(ErrorKind::not_found, "evidence.not_found");
    auto rows = evidence_->list(tx, "achievement", id);
    if (std::none_of(rows.begin(), rows.end(), [&](const EvidenceRow& e) { return e.id == evidence_id; })) {
      return fail(ErrorKind::not_found, "evidence.not_found");
    }
    if (a.status == AchievementStatus::withdrawn) return fail(ErrorKind::conflict, "achievement.withdrawn");
    if (a.status == AchievementStatus::verified && !r.manages) {
      return fail(ErrorKind::forbidden, "achievement.verified_office_only");
    }
    if (!r.may_change(a)) return fail(ErrorKind::forbidden, "achievement.not_yours");
    auto row = evidence_->withdraw(tx, actor, evidence_id, reason);
    if (!row) return fail(row.error());
    AchievementEvent ev;
    ev.achievement_id = id;
    ev.event = "evidence_withdrawn";
    ev.comment = row->file_name + (row->withdrawn_reason.empty() ? "" : ": " + row->withdrawn_reason);
    ev.actor_id = account_of(actor);
    ev.at = to_iso(now);
    storage::insert_achievement_event(tx, ev);
    return row;
  });
}

Result<RecordRights> AchievementService::rights(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<RecordRights> {
    auto r = record_rights(tx, actor, agency_id);
    if (!r.readable) return fail(ErrorKind::not_found, "agency.not_found");
    return r;
  });
}

Result<AchievementDetail> AchievementService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<AchievementDetail> {
    auto found = readable(tx, actor, id);
    if (!found) return fail(found.error());
    auto& [a, r] = *found;
    AchievementDetail d;
    bool keeps = r.may_change(a);
    bool live = a.status != AchievementStatus::withdrawn;
    d.can_edit = live && keeps;
    d.can_submit = keeps && (a.status == AchievementStatus::draft || a.status == AchievementStatus::returned);
    d.can_withdraw = live && keeps;
    d.can_verify = r.manages && a.status == AchievementStatus::submitted;
    d.events = storage::achievement_events(tx, id);
    if (evidence_) d.evidence = evidence_->list(tx, "achievement", id);
    d.achievement = std::move(a);
    return d;
  });
}

}  // namespace thidua::services
