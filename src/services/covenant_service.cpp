#include "services/covenant_service.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/evidence_service.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/org_repo.hpp"
#include "storage/pledge_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;

namespace {

json::object covenant_json(const Covenant& c) {
  json::array parties;
  for (const auto& p : c.parties) parties.push_back(json::string(p.code));
  return {{"cluster_id", c.cluster_id}, {"year", c.year},   {"title", c.title},       {"signed_on", c.signed_on},
          {"place", c.place},           {"note", c.note},   {"parties", parties},     {"active", c.active}};
}

bool reads_a_party(storage::Tx& tx, const Principal& actor, const Covenant& c) {
  return std::any_of(c.parties.begin(), c.parties.end(),
                     [&](const CovenantParty& p) { return can_read_agency(tx, actor, p.agency_id); });
}

std::optional<int> parse_year(const std::string& text_in) {
  auto t = text::trim(text_in);
  if (t.size() != 4 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int y = std::stoi(std::string(t));
  if (y < 2000 || y > 2100) return std::nullopt;
  return y;
}

}  // namespace

namespace {

/// May `actor` read covenant `id` (a user of one of its parties)? For the evidence service.
bool can_read_covenant(storage::Tx& tx, const Principal& actor, std::int64_t id) {
  auto c = storage::find_covenant(tx, id);
  return c && reads_a_party(tx, actor, *c);
}

/// Attaches `files` to covenant `c` inside the transaction, with an audit entry each.
Result<std::vector<EvidenceRow>> attach_all(storage::Tx& tx, const EvidenceService* evidence, const Principal& actor,
                                            const Covenant& c, const std::vector<EvidenceUpload>& files,
                                            TimePoint now) {
  std::vector<EvidenceRow> out;
  if (files.empty()) return out;
  if (!evidence) return fail(ErrorKind::internal, "internal", "evidence service not configured");
  for (const auto& f : files) {
    auto row = evidence->attach(tx, actor, c.recorded_by_agency, "covenant", c.id, f);
    if (!row) return fail(row.error());
    json::object after{{"evidence_id", row->id}, {"file_name", row->file_name}};
    record_audit(tx, actor, {"covenant.file_add", "covenant", std::to_string(c.id), "", json::serialize(after)}, now);
    out.push_back(std::move(*row));
  }
  return out;
}

}  // namespace

CovenantService::CovenantService(std::shared_ptr<storage::Database> db, std::shared_ptr<EvidenceService> evidence,
                                 Clock clock)
    : db_(std::move(db)), evidence_(std::move(evidence)), clock_(std::move(clock)) {
  if (evidence_) evidence_->register_subject("covenant", can_read_covenant);
}

bool CovenantService::can_record(const Principal& actor, std::int64_t agency_id) const {
  return can_manage_agency(actor, agency_id);
}

Result<std::vector<Covenant>> CovenantService::list(const Principal& actor, std::int64_t agency_id,
                                                   std::optional<int> year) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<Covenant>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    return storage::list_covenants(tx, agency_id, year);
  });
}

Result<Covenant> CovenantService::get(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<Covenant> {
    auto c = storage::find_covenant(tx, id);
    if (!c || !reads_a_party(tx, actor, *c)) return fail(ErrorKind::not_found, "covenant.not_found");
    return *c;
  });
}

Result<std::vector<CovenantCluster>> CovenantService::clusters(const Principal& actor, std::int64_t agency_id,
                                                              int year) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<CovenantCluster>> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    std::vector<CovenantCluster> out;
    for (auto id : storage::agency_cluster_ids(tx, agency_id, year)) {
      auto c = storage::find_cluster(tx, id);
      if (!c) continue;
      CovenantCluster cc{c->id, c->name, {}};
      for (const auto& m : storage::cluster_members(tx, id, year)) cc.members.push_back({m.agency_id, m.code, m.name});
      out.push_back(std::move(cc));
    }
    return out;
  });
}

Result<Covenant> CovenantService::record(const Principal& actor, std::int64_t agency_id, const CovenantInput& in,
                                        const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Covenant> {
    if (!can_read_agency(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    if (!can_record(actor, agency_id)) return fail(ErrorKind::forbidden, "covenant.office_only");
    Error e = invalid();
    Covenant c;
    c.recorded_by_agency = agency_id;
    c.created_by = actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    auto year = parse_year(in.year);
    if (!year) e.field("year", text::trim(in.year).empty() ? "validation.required" : "validation.invalid");
    else c.year = *year;
    required_text(e, "title", in.title, 300, c.title);
    c.signed_on = date_field(e, "signed_on", in.signed_on, true);
    if (!c.signed_on.empty() && c.signed_on > today_iso(now)) e.field("signed_on", "covenant.signed_future");
    if (!c.signed_on.empty() && year &&
        (c.signed_on < std::to_string(*year - 1) + "-01-01" || c.signed_on > std::to_string(*year) + "-12-31")) {
      e.field("signed_on", "covenant.signed_outside");
    }
    optional_text(e, "place", in.place, 200, c.place);
    optional_text(e, "note", in.note, 4000, c.note);
    if (year) {
      auto mine = storage::agency_cluster_ids(tx, agency_id, *year);
      auto chosen = text::trim(in.cluster_id);
      if (chosen.empty()) {
        if (mine.size() == 1) c.cluster_id = mine.front();
        else e.field("cluster_id", mine.empty() ? "covenant.no_cluster" : "validation.required");
      } else {
        auto id = std::strtoll(std::string(chosen).c_str(), nullptr, 10);
        if (std::find(mine.begin(), mine.end(), id) == mine.end()) e.field("cluster_id", "covenant.not_member");
        else c.cluster_id = id;
      }
    }
    if (!e.fields.empty()) return fail(e);
    for (const auto& m : storage::cluster_members(tx, c.cluster_id, c.year)) c.parties.push_back({m.agency_id, m.code, m.name});
    if (storage::covenant_exists(tx, c.cluster_id, c.year)) {
      return fail(Error{ErrorKind::conflict, "covenant.exists", {}, {{"cluster_id", "covenant.exists"}}, ""});
    }
    c.id = storage::insert_covenant(tx, c, to_iso(now));
    record_audit(tx, actor, {"covenant.record", "covenant", std::to_string(c.id), "", json::serialize(covenant_json(c))},
                 now);
    if (auto attached = attach_all(tx, evidence_.get(), actor, c, files, now); !attached) return fail(attached.error());
    return *storage::find_covenant(tx, c.id);
  });
}

Result<Covenant> CovenantService::withdraw(const Principal& actor, std::int64_t id, std::int64_t version,
                                           const std::string& reason_in) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<Covenant> {
    auto c = storage::find_covenant(tx, id);
    if (!c || !reads_a_party(tx, actor, *c)) return fail(ErrorKind::not_found, "covenant.not_found");
    if (!can_record(actor, c->recorded_by_agency)) return fail(ErrorKind::forbidden, "covenant.office_only");
    if (c->version != version) return fail(ErrorKind::conflict, "edit.stale");
    if (!c->active) return fail(ErrorKind::conflict, "covenant.withdrawn");
    Error e = invalid();
    std::string reason;
    required_text(e, "reason", reason_in, 2000, reason);
    if (!e.fields.empty()) return fail(e);
    auto by = actor.user_id > 0 ? std::optional<std::int64_t>(actor.user_id) : std::nullopt;
    if (!storage::withdraw_covenant(tx, id, version, by, reason, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    json::object after{{"active", false}, {"reason", reason}};
    record_audit(tx, actor,
                 {"covenant.withdraw", "covenant", std::to_string(id), json::serialize(covenant_json(*c)),
                  json::serialize(after)},
                 now);
    return *storage::find_covenant(tx, id);
  });
}

Result<std::vector<EvidenceRow>> CovenantService::files(const Principal& actor, std::int64_t id) {
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
    auto c = storage::find_covenant(tx, id);
    if (!c || !reads_a_party(tx, actor, *c)) return fail(ErrorKind::not_found, "covenant.not_found");
    if (!evidence_) return std::vector<EvidenceRow>{};
    return evidence_->list(tx, "covenant", id);
  });
}

Result<std::vector<EvidenceRow>> CovenantService::add_files(const Principal& actor, std::int64_t id,
                                                           const std::vector<EvidenceUpload>& files) {
  const auto now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<std::vector<EvidenceRow>> {
    auto c = storage::find_covenant(tx, id);
    if (!c || !reads_a_party(tx, actor, *c)) return fail(ErrorKind::not_found, "covenant.not_found");
    if (!can_record(actor, c->recorded_by_agency)) return fail(ErrorKind::forbidden, "covenant.office_only");
    if (!c->active) return fail(ErrorKind::conflict, "covenant.withdrawn");
    if (files.empty()) {
      return fail(Error{ErrorKind::validation, "validation.required", {}, {{"file", "validation.required"}}, ""});
    }
    return attach_all(tx, evidence_.get(), actor, *c, files, now);
  });
}

Result<EvidenceRow> CovenantService::withdraw_file(const Principal& actor, std::int64_t id, std::int64_t evidence_id,
                                                   const std::string& reason) {
  return db_->write([&](storage::Tx& tx) -> Result<EvidenceRow> {
    auto c = storage::find_covenant(tx, id);
    if (!c || !reads_a_party(tx, actor, *c)) return fail(ErrorKind::not_found, "covenant.not_found");
    if (!can_record(actor, c->recorded_by_agency)) return fail(ErrorKind::forbidden, "covenant.office_only");
    if (!evidence_) return fail(ErrorKind::not_found, "evidence.not_found");
    // The file must be one of this covenant's: another record's is "not found".
    auto rows = evidence_->list(tx, "covenant", id);
    bool ours = std::any_of(rows.begin(), rows.end(), [&](const EvidenceRow& r) { return r.id == evidence_id; });
    if (!ours) return fail(ErrorKind::not_found, "evidence.not_found");
    return evidence_->withdraw(tx, actor, evidence_id, reason);
  });
}

}  // namespace thidua::services
