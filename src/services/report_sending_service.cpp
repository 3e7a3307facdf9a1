// The record of reports sent (report_sending_service.hpp).

#include "services/report_sending_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/crypto.hpp"
#include "services/file_store.hpp"
#include "services/review_report_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/movement_repo.hpp"
#include "storage/org_repo.hpp"
#include "storage/report_sending_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxFileBytes = 50u * 1024u * 1024u;

bool holds(const Principal& p, Role role, std::int64_t agency_id) {
  return std::any_of(p.grants.begin(), p.grants.end(),
                     [&](const RoleGrant& g) { return g.role == role && g.agency_id && *g.agency_id == agency_id; });
}

/// The authority agencies the actor speaks for.
std::vector<std::int64_t> authorities_of(const Principal& p) {
  std::vector<std::int64_t> out;
  for (const auto& g : p.grants) {
    if (g.role == Role::authority && g.agency_id) out.push_back(*g.agency_id);
  }
  return out;
}

/// The sender's readers, and the authority it was sent to on this installation.
bool reads_sending(storage::Tx& tx, const Principal& p, const ReportSending& s) {
  if (reads_agency_reports(tx, p, s.agency_id)) return true;
  return s.recipient_agency_id && holds(p, Role::authority, *s.recipient_agency_id);
}

bool accepted_type(const std::string& t) {
  return t == "application/pdf" || t.find("wordprocessingml") != std::string::npos ||
         t.find("spreadsheetml") != std::string::npos;
}

json::object sending_json(const ReportSending& s) {
  return {{"kind", std::string(to_string(s.kind))},
          {"movement_id", s.movement_id ? json::value(*s.movement_id) : json::value(nullptr)},
          {"year", s.year},
          {"title", s.title},
          {"recipient", s.recipient},
          {"recipient_agency_id", s.recipient_agency_id ? json::value(*s.recipient_agency_id) : json::value(nullptr)},
          {"channel", std::string(to_string(s.channel))},
          {"sent_on", s.sent_on},
          {"doc_ref", s.doc_ref},
          {"file_sha256", s.file_sha256},
          {"file_name", s.file_name}};
}

std::string safe_file_name(const std::string& name, const std::string& type) {
  std::string out;
  for (char c : name) out += (c == '/' || c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20) ? '-' : c;
  out = std::string(text::trim(out));
  if (out.empty()) out = "bao-cao." + extension_for(type);
  return out.size() > 200 ? out.substr(0, 200) : out;
}

}  // namespace

bool reads_agency_reports(storage::Tx& tx, const Principal& p, std::int64_t agency_id) {
  if (is_installation_admin(p)) return true;
  for (Role r : {Role::admin, Role::office, Role::leader, Role::council}) {
    if (holds(p, r, agency_id)) return true;
  }
  if (authorities_of(p).empty()) return false;
  auto row = storage::find_agency_row(tx, agency_id);
  return row && row->parent_id && holds(p, Role::authority, *row->parent_id);
}

ReportSendingService::ReportSendingService(std::shared_ptr<storage::Database> db, std::shared_ptr<FileStore> files,
                                           Clock clock)
    : db_(std::move(db)), files_(std::move(files)), clock_(std::move(clock)) {}

Result<ReportSending> ReportSendingService::record(const Principal& actor, const SendingDraft& d) {
  const auto now = clock_();
  Error e = invalid();
  ReportSending s;
  s.agency_id = d.agency_id;
  s.kind = d.kind;
  s.movement_id = d.movement_id;
  s.year = d.year;
  s.channel = d.channel;
  s.created_by = actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
  required_text(e, "title", d.title, 500, s.title);
  required_text(e, "recipient", d.recipient, 500, s.recipient);
  optional_text(e, "doc_ref", d.doc_ref, 100, s.doc_ref);
  optional_text(e, "note", d.note, 4000, s.note);
  s.sent_on = date_field(e, "sent_on", d.sent_on, true);
  if (!s.sent_on.empty() && s.sent_on > today_iso(now)) e.field("sent_on", "report_sending.sent_future");
  s.period_from = date_field(e, "period_from", d.period_from, false);
  s.period_to = date_field(e, "period_to", d.period_to, false);
  if (s.year != 0 && (s.year < 2000 || s.year > 2100)) e.field("year", "validation.invalid");
  std::string type;
  if (d.file_bytes.empty()) {
    e.field("file", "validation.required");
  } else if (d.file_bytes.size() > kMaxFileBytes) {
    e.field("file", "report_sending.file_too_large");
  } else {
    type = sniff_content_type(d.file_bytes).value_or("");
    if (!accepted_type(type)) e.field("file", "report_sending.file_type");
  }
  s.content_type = type;
  s.file_name = safe_file_name(d.file_name, type);

  return db_->write([&](storage::Tx& tx) -> Result<ReportSending> {
    if (!reads_agency_reports(tx, actor, d.agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!can_manage_agency(actor, d.agency_id)) return fail(ErrorKind::forbidden, "report_sending.office_only");
    auto agency = storage::find_agency_row(tx, d.agency_id);
    if (!agency) return fail(ErrorKind::not_found, "agency.not_found");
    if (d.movement_id) {
      auto m = storage::find_movement(tx, *d.movement_id);
      if (!m || m->agency_id != d.agency_id) e.field("movement_id", "movement.not_found");
    }
    if (d.recipient_agency_id && (!agency->parent_id || *agency->parent_id != *d.recipient_agency_id)) {
      e.field("recipient_agency_id", "report_sending.recipient_not_parent");
    }
    s.recipient_agency_id = d.recipient_agency_id;
    if (!e.fields.empty()) return fail(e);
    auto sha = files_->put(d.file_bytes);
    if (!sha) return fail(sha.error());
    s.file_sha256 = *sha;
    storage::ensure_stored_file(tx, s.file_sha256, static_cast<std::int64_t>(d.file_bytes.size()), s.content_type,
                                to_iso(now));
    s.id = storage::insert_report_sending(tx, s, to_iso(now));
    record_audit(tx, actor, {"report.send", "report_sending", std::to_string(s.id), "", json::serialize(sending_json(s))},
                 now);
    return *storage::find_report_sending(tx, s.id);
  });
}

Result<std::vector<ReportSending>> ReportSendingService::list(const Principal& actor, std::int64_t agency_id,
                                                             const SendingFilter& f) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ReportSending>> {
    if (!reads_agency_reports(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    storage::SendingQuery q;
    q.agency_id = agency_id;
    q.movement_id = f.movement_id.value_or(0);
    q.kind = f.kind ? std::string(to_string(*f.kind)) : std::string();
    q.year = f.year;
    return storage::list_report_sendings(tx, q);
  });
}

Result<std::vector<ReportSending>> ReportSendingService::received(const Principal& actor, const SendingFilter& f) {
  auto authorities = authorities_of(actor);
  if (authorities.empty()) return fail(ErrorKind::forbidden, "report_sending.authority_only");
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<ReportSending>> {
    std::vector<ReportSending> out;
    for (auto id : authorities) {
      storage::SendingQuery q;
      q.recipient_agency_id = id;
      q.movement_id = f.movement_id.value_or(0);
      q.kind = f.kind ? std::string(to_string(*f.kind)) : std::string();
      q.year = f.year;
      auto rows = storage::list_report_sendings(tx, q);
      out.insert(out.end(), rows.begin(), rows.end());
    }
    std::stable_sort(out.begin(), out.end(), [](const ReportSending& a, const ReportSending& b) {
      return a.sent_on != b.sent_on ? a.sent_on > b.sent_on : a.id > b.id;
    });
    return out;
  });
}

Result<ReportSending> ReportSendingService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<ReportSending> {
    auto s = storage::find_report_sending(tx, id);
    if (!s || !reads_sending(tx, actor, *s)) return fail(ErrorKind::not_found, "report_sending.not_found");
    return *s;
  });
}

Result<std::string> ReportSendingService::file(const Principal& actor, std::int64_t id) {
  auto s = get(actor, id);
  if (!s) return fail(s.error());
  auto bytes = files_->get(s->file_sha256);
  if (!bytes) return fail(bytes.error());
  if (sha256_hex(*bytes) != s->file_sha256) {
    return fail(ErrorKind::internal, "internal", "report_sending " + std::to_string(id) + ": stored file changed");
  }
  return std::move(*bytes);
}

}  // namespace thidua::services
