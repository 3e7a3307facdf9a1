// The decision register: drafts, awardees with their bonuses, issuing and withdrawing.

#include "services/decision_service.hpp"

#include <sodium.h>

#include <array>
#include <limits>

#include <boost/json.hpp>

#include "domain/certificate.hpp"
#include "services/audit_service.hpp"
#include "services/decision_rules.hpp"
#include "services/nomination_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/nomination_repo.hpp"
#include "text/format.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace decision_rules;

namespace {

std::optional<long long> whole(const std::string& typed, long long min, long long max) {
  const auto t = text::trim(typed);
  if (t.empty() || t.size() > 12 || t.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  const long long v = std::stoll(std::string(t));
  if (v < min || v > max) return std::nullopt;
  return v;
}

/// The typed fields over `d` (agency, id and version kept), with every field error at once.
Result<void> read_input(storage::Tx& tx, const DecisionInput& in, Decision& d) {
  Error e = invalid();
  auto number = whole(in.number, 1, 99999);
  if (!number) e.field("number", text::trim(in.number).empty() ? "validation.required" : "decision.number_invalid");
  d.number = static_cast<int>(number.value_or(0));
  d.decision_date = date_field(e, "decision_date", in.decision_date, true);
  if (!d.decision_date.empty()) d.year = std::stoi(d.decision_date.substr(0, 4));
  optional_text(e, "place", in.place, kLine, d.place);
  optional_text(e, "header_parent", in.header_parent, kLine, d.header_parent);
  required_text(e, "header_agency", in.header_agency, kLine, d.header_agency);
  required_text(e, "head_title", in.head_title, kLine, d.head_title);
  required_text(e, "title", in.title, kLine, d.title);
  auto award_year = whole(in.award_year, 1990, 2200);
  if (!award_year) e.field("award_year", text::trim(in.award_year).empty() ? "validation.required" : "validation.invalid");
  d.award_year = static_cast<int>(award_year.value_or(0));
  d.movement_id.reset();
  if (!text::trim(in.movement_id).empty()) {
    auto m = whole(in.movement_id, 1, std::numeric_limits<long long>::max() / 2);
    auto owner = m ? storage::movement_agency(tx, *m) : std::nullopt;
    if (!owner || *owner != d.agency_id) {
      e.field("movement_id", "validation.invalid");
    } else {
      d.movement_id = *m;
    }
  }
  optional_text(e, "legal_bases", in.legal_bases, kText, d.legal_bases);
  optional_text(e, "proposal", in.proposal, kText, d.proposal);
  optional_text(e, "signer_mark", in.signer_mark, kLine, d.signer_mark);
  required_text(e, "signer_title", in.signer_title, kLine, d.signer_title);
  required_text(e, "signer_name", in.signer_name, kLine, d.signer_name);
  optional_text(e, "recipients", in.recipients, kText, d.recipients);
  if (!e.fields.empty()) return fail(e);
  return {};
}

/// Refused when another decision of the agency holds the number that year.
Result<void> number_free(storage::Tx& tx, const Decision& d) {
  auto holder = storage::decision_with_number(tx, d.agency_id, d.year, d.number);
  if (!holder || *holder == d.id) return {};
  auto other = storage::find_decision(tx, *holder);
  Error e{ErrorKind::conflict, "decision.number_taken", {}, {}, ""};
  e.with("ref", decision_ref(d.number, d.symbol))
      .with("year", std::to_string(d.year))
      .with("title", other ? other->title : "")
      .with("date", other ? vn_date(other->decision_date) : "")
      .with("next", std::to_string(storage::next_decision_number(tx, d.agency_id, d.year)));
  e.field("number", "decision.number_used");
  return fail(e);
}

json::object fields_of(const Decision& d) {
  json::array awardees;
  for (const auto& a : d.awardees) {
    awardees.push_back(json::object{{"subject", std::string(to_string(a.subject))},
                                    {"subject_id", a.subject_id},
                                    {"name", a.subject_name},
                                    {"form", std::string(to_string(a.form))},
                                    {"bonus", a.bonus}});
  }
  return json::object{{"ref", decision_ref(d.number, d.symbol)},
                      {"date", d.decision_date},
                      {"title", d.title},
                      {"status", std::string(to_string(d.status))},
                      {"awardees", awardees}};
}

std::string bonus_note(const BonusQuote& q) {
  std::string times = text::format_decimal(static_cast<double>(q.thousandths) / 1000.0, 1);
  std::string note = times + " × " + text::format_money(q.base_salary) + " (" + q.citation + ")";
  if (!q.verified) note += " — chưa kiểm chứng";
  return note;
}

/// A fresh verification code that no certificate has.
std::string new_code(storage::Tx& tx) {
  for (;;) {
    std::array<std::uint8_t, kCertificateCodeLength> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    auto code = certificate_code_from(bytes);
    if (!storage::certificate_code_taken(tx, code)) return code;
  }
}

Result<DecisionView> view_of(storage::Tx& tx, const Principal& actor, Decision d) {
  DecisionView v;
  v.history = storage::decision_events(tx, d.id);
  v.certificates = storage::certificates_of_decision(tx, d.id);
  const bool draft = d.status == DecisionStatus::draft;
  v.can_edit = draft && may_draft(actor, d.agency_id);
  v.can_issue = draft && may_sign(actor, d.agency_id);
  v.can_withdraw = d.status == DecisionStatus::issued && may_sign(actor, d.agency_id);
  v.decision = std::move(d);
  return v;
}

}  // namespace

DecisionService::DecisionService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

Result<DecisionRegister> DecisionService::register_of(const Principal& actor, std::int64_t agency_id, int year) {
  return db_->read([&](storage::Tx& tx) -> Result<DecisionRegister> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    DecisionRegister r;
    r.agency_id = agency_id;
    r.years = storage::decision_years(tx, agency_id);
    const int this_year = std::stoi(today_iso(clock_()).substr(0, 4));
    r.year = year > 0 ? year : (r.years.empty() ? this_year : std::max(r.years.front(), this_year));
    if (std::find(r.years.begin(), r.years.end(), this_year) == r.years.end()) {
      r.years.insert(std::upper_bound(r.years.begin(), r.years.end(), this_year, std::greater<int>()), this_year);
    }
    r.decisions = storage::decisions_of_year(tx, agency_id, r.year);
    r.next_number = storage::next_decision_number(tx, agency_id, r.year);
    r.can_create = may_draft(actor, agency_id);
    return r;
  });
}

Result<DecisionDefaults> DecisionService::defaults(const Principal& actor, std::int64_t agency_id, int year) {
  const auto today = today_iso(clock_());
  return db_->read([&](storage::Tx& tx) -> Result<DecisionDefaults> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    auto names = storage::agency_code_and_name(tx, agency_id);
    if (!names) return fail(ErrorKind::not_found, "agency.not_found");
    const auto plan = storage::latest_plan_header(tx, agency_id);
    Decision d;
    d.agency_id = agency_id;
    d.year = year > 0 ? year : std::stoi(today.substr(0, 4));
    d.number = storage::next_decision_number(tx, agency_id, d.year);
    d.symbol = "QĐ-" + names->first;
    d.decision_date = year > 0 && std::to_string(year) != today.substr(0, 4) ? "" : today;
    d.award_year = d.year;
    d.place = plan.place;
    d.header_parent = plan.header_parent;
    d.header_agency = plan.header_agency.empty() ? text::upper_vi(names->second) : plan.header_agency;
    d.head_title = "TRƯỞNG " + text::upper_vi(names->second);
    d.signer_mark = plan.signer_mark;
    d.signer_title = plan.signer_title;
    d.signer_name = plan.signer_name;
    d.legal_bases =
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn "
        "thi hành một số điều của Luật Thi đua, khen thưởng;";
    d.proposal = "Theo đề nghị của Hội đồng Thi đua - Khen thưởng và Chánh Văn phòng.";
    d.recipients = "Như Điều 3\nLãnh đạo Ban";
    return DecisionDefaults{std::move(d)};
  });
}

Result<Decision> DecisionService::create(const Principal& actor, std::int64_t agency_id, const DecisionInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Decision> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    auto names = storage::agency_code_and_name(tx, agency_id);
    if (!names) return fail(ErrorKind::not_found, "agency.not_found");
    Decision d;
    d.agency_id = agency_id;
    d.symbol = "QĐ-" + names->first;
    if (auto ok = read_input(tx, in, d); !ok) return fail(ok.error());
    if (auto ok = number_free(tx, d); !ok) return fail(ok.error());
    d.id = storage::insert_decision(tx, d, account_of(actor), to_iso(now));
    storage::insert_decision_event(tx, d.id, "created", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_decision(tx, d.id);
    record_audit(tx, actor, {"decision.create", "decision", std::to_string(d.id), "", json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<Decision> DecisionService::update(const Principal& actor, std::int64_t decision_id, std::int64_t version,
                                         const DecisionInput& in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Decision> {
    auto old = decision_for(tx, actor, decision_id);
    if (!old) return fail(old.error());
    if (!may_draft(actor, old->agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    if (old->status != DecisionStatus::draft) return fail(ErrorKind::conflict, "decision.not_draft");
    if (old->version != version) return fail(ErrorKind::conflict, "edit.stale");
    Decision d = *old;
    if (auto ok = read_input(tx, in, d); !ok) return fail(ok.error());
    if (auto ok = number_free(tx, d); !ok) return fail(ok.error());
    if (!storage::update_decision(tx, d, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_decision_event(tx, d.id, "edited", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_decision(tx, d.id);
    record_audit(tx, actor,
                 {"decision.update", "decision", std::to_string(d.id), json::serialize(fields_of(*old)),
                  json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<DecisionView> DecisionService::get(const Principal& actor, std::int64_t decision_id) {
  return db_->read([&](storage::Tx& tx) -> Result<DecisionView> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    return view_of(tx, actor, std::move(*d));
  });
}

Result<Decision> DecisionService::add_awardees(const Principal& actor, std::int64_t decision_id,
                                               const std::vector<AwardeeInput>& list) {
  const auto now = clock_();
  auto tables = bonus_tables();
  if (!tables) return fail(tables.error());
  return db_->write([&](storage::Tx& tx) -> Result<Decision> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    if (!may_draft(actor, d->agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    if (d->status != DecisionStatus::draft) return fail(ErrorKind::conflict, "decision.not_draft");
    if (list.empty()) return fail(ErrorKind::validation, "decision.no_awardee");
    Error e = invalid();
    std::vector<Awardee> adding;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& in = list[i];
      const std::string at = "awardees." + std::to_string(i);
      const std::size_t before = e.fields.size();
      auto subject = parse_award_subject(text::trim(in.subject));
      auto form = parse_award_form(text::trim(in.form));
      auto basis = parse_award_basis(text::trim(in.basis));
      if (!subject) e.field(at + ".subject", "validation.invalid");
      if (!form) e.field(at + ".form", "validation.invalid");
      if (!basis) e.field(at + ".basis", "validation.invalid");
      if (e.fields.size() != before) continue;
      if (form_level(*form) != FormLevel::agency) {
        e.field(at + ".form", "decision.form_above_agency");
        continue;
      }
      if (!form_fits(*form, *subject)) {
        e.field(at + ".form", "decision.form_misfit");
        continue;
      }
      auto who = storage::subject_info(tx, *subject, in.subject_id);
      if (!who || who->agency_id != d->agency_id) {
        e.field(at + ".subject_id", "decision.subject_unknown");
        continue;
      }
      bool twice = storage::awardee_with(tx, d->id, *subject, in.subject_id, *form).has_value();
      for (const auto& a : adding) twice = twice || (a.subject == *subject && a.subject_id == in.subject_id && a.form == *form);
      if (twice) {
        e.field(at + ".subject_id", "decision.awardee_twice");
        continue;
      }
      if (in.nomination_id) {
        // A nomination named must be the council's approved one for this very subject and form.
        auto n = storage::find_nomination(tx, *in.nomination_id);
        if (!n || n->agency_id != d->agency_id || n->subject != *subject || n->subject_id != in.subject_id ||
            n->form != *form) {
          e.field(at + ".nomination_id", "decision.nomination_mismatch");
          continue;
        }
        if (n->status != NominationStatus::approved) {
          e.field(at + ".nomination_id", "decision.nomination_not_approved");
          continue;
        }
      }
      if (in.movement_id) {
        auto owner = storage::movement_agency(tx, *in.movement_id);
        if (!owner || *owner != d->agency_id) {
          e.field(at + ".movement_id", "validation.invalid");
          continue;
        }
      }
      Awardee a;
      a.subject = *subject;
      a.subject_id = in.subject_id;
      a.subject_name = who->name;
      a.unit_name = *subject == AwardSubject::person ? who->unit_name : "";
      a.form = *form;
      a.basis = *basis;
      a.movement_id = in.movement_id ? in.movement_id : d->movement_id;
      optional_text(e, at + ".achievement", in.achievement, kText, a.achievement);
      a.nomination_id = in.nomination_id;
      if (auto q = compute_bonus(**tables, a.form, a.subject, d->decision_date)) {
        a.bonus = q->amount;
        a.bonus_note = bonus_note(*q);
      } else {
        a.bonus_note = "Không có mức thưởng trong quy định áp dụng ngày quyết định";
      }
      adding.push_back(std::move(a));
    }
    if (!e.fields.empty()) return fail(e);
    for (const auto& a : adding) storage::insert_awardee(tx, d->id, a);
    if (!storage::touch_decision(tx, d->id, d->version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_decision_event(tx, d->id, "awardees_added", std::to_string(adding.size()), account_of(actor),
                                   to_iso(now));
    auto saved = *storage::find_decision(tx, d->id);
    record_audit(tx, actor,
                 {"decision.awardees_add", "decision", std::to_string(d->id), json::serialize(fields_of(*d)),
                  json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<Decision> DecisionService::remove_awardee(const Principal& actor, std::int64_t decision_id,
                                                 std::int64_t awardee_id) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Decision> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    if (!may_draft(actor, d->agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    if (d->status != DecisionStatus::draft) return fail(ErrorKind::conflict, "decision.not_draft");
    if (!storage::delete_awardee(tx, d->id, awardee_id)) return fail(ErrorKind::not_found, "decision.awardee_not_found");
    if (!storage::touch_decision(tx, d->id, d->version, to_iso(now))) return fail(ErrorKind::conflict, "edit.stale");
    storage::insert_decision_event(tx, d->id, "awardee_removed", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_decision(tx, d->id);
    record_audit(tx, actor,
                 {"decision.awardee_remove", "decision", std::to_string(d->id), json::serialize(fields_of(*d)),
                  json::serialize(fields_of(saved))},
                 now);
    return saved;
  });
}

Result<DecisionView> DecisionService::issue(const Principal& actor, std::int64_t decision_id, std::int64_t version) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<DecisionView> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    if (!may_sign(actor, d->agency_id)) return fail(ErrorKind::forbidden, "decision.signer_only");
    if (d->status != DecisionStatus::draft) return fail(ErrorKind::conflict, "decision.not_draft");
    if (d->version != version) return fail(ErrorKind::conflict, "edit.stale");
    if (d->awardees.empty()) return fail(ErrorKind::validation, "decision.no_awardee");
    auto names = storage::agency_code_and_name(tx, d->agency_id);
    if (!names) return fail(ErrorKind::not_found, "agency.not_found");
    const std::string issuer = names->second;
    if (!storage::set_decision_status(tx, d->id, version, DecisionStatus::issued, issuer, to_iso(now), to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const std::string ref = decision_ref(d->number, d->symbol);
    for (const auto& a : d->awardees) {
      AwardRecord r;
      r.agency_id = d->agency_id;
      r.subject = a.subject;
      r.subject_id = a.subject_id;
      r.subject_name = a.subject_name;
      r.form = a.form;
      r.basis = a.basis;
      r.year = d->award_year;
      r.movement_id = a.movement_id;
      r.decision_ref = ref;
      r.decision_date = d->decision_date;
      r.issuer = issuer;
      r.source = AwardSource::decided;
      r.decision_id = d->id;
      const auto award_id = storage::insert_award(tx, r, account_of(actor), to_iso(now));
      storage::CertificateRow c;
      c.code = new_code(tx);
      c.agency_id = d->agency_id;
      c.decision_id = d->id;
      c.awardee_id = a.id;
      c.award_id = award_id;
      c.subject = a.subject;
      c.subject_name = a.subject_name;
      if (a.subject == AwardSubject::person) {
        // The certificate names a person as people are addressed on it: "Ông …", "Bà …".
        auto who = storage::subject_info(tx, a.subject, a.subject_id);
        if (who && who->gender == "male") c.subject_name = "Ông " + a.subject_name;
        if (who && who->gender == "female") c.subject_name = "Bà " + a.subject_name;
      }
      c.unit_name = a.unit_name;
      c.form = a.form;
      // A title's certificate names the title; a Giấy khen without its own text says the year.
      c.achievement = !a.achievement.empty()              ? a.achievement
                      : form_kind(a.form) == FormKind::title ? ""
                                                             : "Đã có thành tích xuất sắc năm " + std::to_string(d->award_year);
      c.decision_ref = ref;
      c.decision_date = d->decision_date;
      c.issuer = issuer;
      storage::insert_certificate(tx, c, to_iso(now));
    }
    // The nominations the decision answers are decided with it, in the same transaction.
    std::vector<std::int64_t> nominated;
    for (const auto& a : d->awardees) {
      if (a.nomination_id) nominated.push_back(*a.nomination_id);
    }
    if (!nominated.empty()) {
      if (!nominations_) return fail(ErrorKind::internal, "internal", "decision with nominations but no nomination service");
      if (auto ok = nominations_->mark_decided(tx, actor, nominated, d->id); !ok) return fail(ok.error());
    }
    storage::insert_decision_event(tx, d->id, "issued", "", account_of(actor), to_iso(now));
    auto saved = *storage::find_decision(tx, d->id);
    record_audit(tx, actor,
                 {"decision.issue", "decision", std::to_string(d->id), json::serialize(fields_of(*d)),
                  json::serialize(fields_of(saved))},
                 now);
    return view_of(tx, actor, std::move(saved));
  });
}

Result<DecisionView> DecisionService::withdraw(const Principal& actor, std::int64_t decision_id, std::int64_t version,
                                               const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<DecisionView> {
    auto d = decision_for(tx, actor, decision_id);
    if (!d) return fail(d.error());
    if (!may_sign(actor, d->agency_id)) return fail(ErrorKind::forbidden, "decision.signer_only");
    if (d->status != DecisionStatus::issued) return fail(ErrorKind::conflict, "decision.not_issued");
    if (d->version != version) return fail(ErrorKind::conflict, "edit.stale");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, kText, reason);
    if (!e.fields.empty()) return fail(e);
    if (!storage::set_decision_status(tx, d->id, version, DecisionStatus::withdrawn, d->issuer, d->issued_at,
                                      to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    storage::withdraw_awards_of(tx, d->id);
    storage::insert_decision_event(tx, d->id, "withdrawn", reason, account_of(actor), to_iso(now));
    auto saved = *storage::find_decision(tx, d->id);
    record_audit(tx, actor,
                 {"decision.withdraw", "decision", std::to_string(d->id), json::serialize(fields_of(*d)),
                  json::serialize(json::object{{"status", "withdrawn"}, {"reason", reason}})},
                 now);
    return view_of(tx, actor, std::move(saved));
  });
}

Result<std::vector<storage::Candidate>> DecisionService::candidates(const Principal& actor, std::int64_t agency_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::Candidate>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::candidates(tx, agency_id);
  });
}

Result<std::int64_t> DecisionService::add_household(const Principal& actor, std::int64_t agency_id,
                                                    const std::string& head_in, const std::string& address_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!may_draft(actor, agency_id)) return fail(ErrorKind::forbidden, "decision.office_only");
    Error e = invalid();
    std::string head, address;
    required_text(e, "head_name", head_in, kLine, head);
    optional_text(e, "address", address_in, kLine, address);
    if (!e.fields.empty()) return fail(e);
    auto id = storage::ensure_household(tx, agency_id, head, text::fold(head), address, account_of(actor), to_iso(now));
    record_audit(tx, actor, {"household.ensure", "household", std::to_string(id), "",
                             json::serialize(json::object{{"head_name", head}, {"address", address}})},
                 now);
    return id;
  });
}

Result<std::vector<storage::AwardHistoryRow>> DecisionService::awards_of(const Principal& actor, AwardSubject subject,
                                                                         std::int64_t subject_id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::AwardHistoryRow>> {
    auto who = storage::subject_info(tx, subject, subject_id);
    if (!who || !can_read_agency(tx, actor, who->agency_id)) return fail(ErrorKind::not_found, "decision.subject_unknown");
    return storage::awards_of_subject(tx, subject, subject_id);
  });
}

}  // namespace thidua::services
