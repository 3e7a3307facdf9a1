// What an initiative was used as a basis for: recorded inside the caller's transaction (the
// commendation workflow) or by hand by the Office, at most one live use per author, released
// when the nomination it served fails. Every change is audited on the initiative.

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/initiative_rules.hpp"
#include "services/initiative_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/initiative_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace initiative_rules;

namespace {

/// The basis a use served, as the refusal names it ("danh hiệu “Chiến sĩ thi đua cơ sở”").
std::string basis_phrase(const InitiativeUse& u) {
  switch (u.basis_kind) {
    case BasisKind::title: return "danh hiệu “" + basis_ref_name(u.basis_ref) + "”";
    case BasisKind::form: return "hình thức khen thưởng “" + basis_ref_name(u.basis_ref) + "”";
    case BasisKind::nomination: return "đề nghị khen thưởng số " + u.basis_ref;
    case BasisKind::other: return "“" + u.basis_ref + "”";
  }
  return u.basis_ref;
}

}  // namespace

json::object initiative_use_fields(const InitiativeUse& u) {
  json::object o{{"initiative_id", u.initiative_id},
                 {"basis_kind", std::string(to_string(u.basis_kind))},
                 {"basis_ref", u.basis_ref},
                 {"year", u.year},
                 {"note", u.note}};
  o["person_id"] = u.person_id ? json::value(*u.person_id) : json::value(nullptr);
  return o;
}

const std::vector<BasisRefChoice>& basis_ref_choices() {
  static const std::vector<BasisRefChoice> kChoices{
      {"advanced_worker", "Lao động tiên tiến", BasisKind::title},
      {"grassroots_fighter", "Chiến sĩ thi đua cơ sở", BasisKind::title},
      {"provincial_fighter", "Chiến sĩ thi đua cấp tỉnh", BasisKind::title},
      {"national_fighter", "Chiến sĩ thi đua toàn quốc", BasisKind::title},
      {"advanced_collective", "Tập thể lao động tiên tiến", BasisKind::title},
      {"excellent_collective", "Tập thể lao động xuất sắc", BasisKind::title},
      {"flag", "Cờ thi đua", BasisKind::title},
      {"certificate_of_merit", "Giấy khen", BasisKind::form},
      {"diploma_of_merit", "Bằng khen", BasisKind::form},
  };
  return kChoices;
}

std::string basis_ref_name(const std::string& ref) {
  for (const auto& c : basis_ref_choices()) {
    if (ref == c.code) return c.name;
  }
  return ref;
}

Result<InitiativeUse> InitiativeService::record_use(storage::Tx& tx, const Principal& actor,
                                                    std::int64_t initiative_id, std::optional<std::int64_t> person_id,
                                                    BasisKind basis_kind, const std::string& basis_ref_in, int year,
                                                    const std::string& note_in) {
  const auto now = clock_();
  auto i = for_change(tx, actor, initiative_id);
  if (!i) return fail(i.error());
  if (i->status != InitiativeStatus::active) return fail(ErrorKind::conflict, "initiative.withdrawn");
  Error e = invalid();
  InitiativeUse u;
  u.initiative_id = initiative_id;
  u.person_id = person_id;
  u.basis_kind = basis_kind;
  u.year = year;
  required_text(e, "basis_ref", basis_ref_in, kLine, u.basis_ref);
  optional_text(e, "note", note_in, kText, u.note);
  if (person_id && !i->has_author(*person_id)) e.field("person_id", "initiative.use_not_author");
  if (!u.basis_ref.empty()) {
    const auto& choices = basis_ref_choices();
    bool known = std::any_of(choices.begin(), choices.end(),
                             [&](const BasisRefChoice& c) { return c.kind == basis_kind && u.basis_ref == c.code; });
    if ((basis_kind == BasisKind::title || basis_kind == BasisKind::form) && !known) {
      e.field("basis_ref", "initiative.basis_ref_unknown");
    }
    if (basis_kind == BasisKind::nomination && !parse_id(u.basis_ref)) e.field("basis_ref", "validation.invalid");
  }
  const int this_year = std::atoi(today_iso(now).substr(0, 4).c_str());
  if (year < 1990 || year > this_year + 1) e.field("year", "initiative.use_year_invalid");
  if (!e.fields.empty()) return fail(e);
  if (i->recognition_level == RecognitionLevel::none) return fail(ErrorKind::conflict, "initiative.not_recognised");
  if (auto live = storage::live_initiative_use(tx, initiative_id, person_id)) {
    Error used{ErrorKind::conflict, person_id ? "initiative.already_used" : "initiative.already_used_collective", {}, {}, ""};
    used.with("title", i->title)
        .with("basis", basis_phrase(*live))
        .with("year", std::to_string(live->year))
        .with("person", live->person_name);
    return fail(used);
  }
  auto ts = to_iso(now);
  u.id = storage::insert_initiative_use(tx, u, account_of(actor), ts);
  auto after = initiative_use_fields(u);
  after["use_id"] = u.id;
  record_audit(tx, actor, {"initiative.use", "initiative", std::to_string(initiative_id), "", json::serialize(after)},
               now);
  return *storage::find_initiative_use(tx, u.id);
}

Result<InitiativeUse> InitiativeService::release_use(storage::Tx& tx, const Principal& actor, std::int64_t use_id,
                                                     const std::string& reason_in) {
  const auto now = clock_();
  auto u = storage::find_initiative_use(tx, use_id);
  if (!u) return fail(ErrorKind::not_found, "initiative.use_not_found");
  auto i = storage::find_initiative(tx, u->initiative_id);
  if (!i || !can_read_agency(tx, actor, i->agency_id)) return fail(ErrorKind::not_found, "initiative.use_not_found");
  Error e = invalid();
  std::string reason;
  required_text(e, "reason", reason_in, 1000, reason);
  if (!e.fields.empty()) return fail(e);
  if (!u->live() || !storage::release_initiative_use(tx, use_id, account_of(actor), reason, to_iso(now))) {
    return fail(ErrorKind::conflict, "initiative.use_released");
  }
  auto before = initiative_use_fields(*u);
  before["use_id"] = u->id;
  json::object after{{"use_id", u->id}, {"released_reason", reason}};
  record_audit(tx, actor,
               {"initiative.release", "initiative", std::to_string(u->initiative_id), json::serialize(before),
                json::serialize(after)},
               now);
  return *storage::find_initiative_use(tx, use_id);
}

Result<InitiativeUse> InitiativeService::record_use_by_hand(const Principal& actor, std::int64_t initiative_id,
                                                            const InitiativeUseInput& in) {
  return db_->write([&](storage::Tx& tx) -> Result<InitiativeUse> {
    auto i = for_change(tx, actor, initiative_id);
    if (!i) return fail(i.error());
    if (!can_manage_agency(actor, i->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    Error e = invalid();
    auto kind = parse_basis_kind(text::trim(in.basis_kind));
    if (!kind) e.field("basis_kind", "validation.invalid");
    std::optional<std::int64_t> person;
    if (!text::trim(in.person_id).empty()) {
      person = parse_id(in.person_id);
      if (!person) e.field("person_id", "initiative.use_not_author");
    }
    int year = 0;
    auto y = text::trim(in.year);
    if (y.empty()) {
      e.field("year", "validation.required");
    } else if (auto [end, ec] = std::from_chars(y.data(), y.data() + y.size(), year); ec != std::errc() ||
                                                                                     end != y.data() + y.size()) {
      e.field("year", "initiative.use_year_invalid");
    }
    if (!e.fields.empty()) return fail(e);
    return record_use(tx, actor, initiative_id, person, *kind, in.basis_ref, year, in.note);
  });
}

Result<InitiativeUse> InitiativeService::release_use_by_hand(const Principal& actor, std::int64_t initiative_id,
                                                             std::int64_t use_id, const std::string& reason) {
  return db_->write([&](storage::Tx& tx) -> Result<InitiativeUse> {
    auto i = for_change(tx, actor, initiative_id);
    if (!i) return fail(i.error());
    auto u = storage::find_initiative_use(tx, use_id);
    if (!u || u->initiative_id != initiative_id) return fail(ErrorKind::not_found, "initiative.use_not_found");
    if (!can_manage_agency(actor, i->agency_id)) return fail(ErrorKind::forbidden, "auth.forbidden");
    return release_use(tx, actor, use_id, reason);
  });
}

}  // namespace thidua::services
