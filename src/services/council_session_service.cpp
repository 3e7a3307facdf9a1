// Council sessions: the agenda, attendance, recusal, the secret ballot and its count.

#include "services/council_session_service.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "services/audit_service.hpp"
#include "services/nomination_access.hpp"
#include "services/scope.hpp"
#include "services/validation.hpp"
#include "storage/org_repo.hpp"
#include "storage/people_repo.hpp"
#include "text/utf8.hpp"

namespace thidua::services {

namespace json = boost::json;
using namespace nomination_access;

namespace {

std::optional<std::int64_t> parse_id(const std::string& s) {
  std::string t(text::trim(s));
  if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(t);
}

/// The session with what every call needs: the term and the actor's place in it.
struct SessionContext {
  storage::CouncilSessionRow session;
  CouncilTerm term;
  std::optional<std::int64_t> my_person;  ///< the actor's person when a member of the term
  bool manages = false;                   ///< the Office, or the term's secretary
};

Result<SessionContext> session_for(storage::Tx& tx, const Principal& actor, std::int64_t session_id) {
  auto s = storage::find_council_session(tx, session_id);
  if (!s || !can_read_agency(tx, actor, s->agency_id)) return fail(ErrorKind::not_found, "council_session.session_not_found");
  auto term = storage::find_council_term(tx, s->term_id);
  if (!term) return fail(ErrorKind::internal, "internal", "session without its council term");
  SessionContext c{std::move(*s), std::move(*term), std::nullopt, false};
  bool secretary = false;
  if (actor.user_id > 0) {
    if (auto pid = storage::find_person_by_user(tx, actor.user_id)) {
      for (const auto& seat : c.term.seats) {
        if (seat.person_id != *pid) continue;
        c.my_person = *pid;
        secretary = seat.seat == CouncilSeatKind::secretary;
      }
    }
  }
  c.manages = can_manage_agency(actor, c.session.agency_id) || secretary;
  const bool oversees = c.manages || actor.has_role_in(Role::leader, c.session.agency_id) ||
                        actor.has_role_in(Role::council, c.session.agency_id);
  if (!oversees && !c.my_person) return fail(ErrorKind::not_found, "council_session.session_not_found");
  return c;
}

/// The item's session, read with the actor's rights.
Result<std::pair<storage::CouncilItemRow, SessionContext>> item_for(storage::Tx& tx, const Principal& actor,
                                                                     std::int64_t item_id) {
  auto item = storage::find_council_item(tx, item_id);
  if (!item) return fail(ErrorKind::not_found, "council_session.item_not_found");
  auto c = session_for(tx, actor, item->session_id);
  if (!c) return fail(ErrorKind::not_found, "council_session.item_not_found");
  return std::make_pair(std::move(*item), std::move(*c));
}

/// Members who do not vote on the nomination: the nominee, and the head of its unit when the
/// item's rule says so.
std::vector<std::int64_t> recused_of(storage::Tx& tx, const CouncilTerm& term, const storage::NominationRow& n,
                                     const BallotRule& rule) {
  std::set<std::int64_t> heads;
  if (rule.recuse_unit_head && n.unit_id) {
    for (auto p : storage::unit_head_people(tx, n.agency_id, *n.unit_id)) heads.insert(p);
  }
  std::vector<std::int64_t> out;
  for (const auto& seat : term.seats) {
    const bool nominee = n.subject == AwardSubject::person && seat.person_id == n.subject_id;
    if (nominee || heads.count(seat.person_id)) out.push_back(seat.person_id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<std::int64_t>& v, std::int64_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

/// The tally of a closed item, from its counters and the written opinions.
BallotTally tally_of(const storage::CouncilItemRow& item, const std::map<std::int64_t, std::string>& written,
                     int base) {
  int wa = 0, wd = 0;
  for (const auto& [person, opinion] : written) (opinion == "approve" ? wa : wd)++;
  return ballot_tally(item.rule, item.approvals, item.disapprovals, wa, wd, base);
}

CouncilSessionView view_of(storage::Tx& tx, SessionContext c) {
  CouncilSessionView v;
  const auto presence = storage::attendance(tx, c.session.id);
  for (const auto& seat : c.term.seats) {
    CouncilMemberView m{seat.person_id, seat.person_name, seat.seat, ""};
    if (auto it = presence.find(seat.person_id); it != presence.end()) m.presence = it->second;
    if (m.presence == "present") ++v.present;
    v.members.push_back(std::move(m));
  }
  v.membership = static_cast<int>(c.term.seats.size());
  for (auto& item : storage::council_items(tx, c.session.id)) {
    CouncilItemView iv;
    auto n = storage::find_nomination(tx, item.nomination_id);
    if (!n) continue;
    iv.recused = recused_of(tx, c.term, *n, item.rule);
    const auto voters = storage::voters(tx, item.id);
    iv.voted = static_cast<int>(voters.size());
    for (const auto& m : v.members) {
      if (m.presence == "present" && !contains(iv.recused, m.person_id)) ++iv.may_vote;
    }
    iv.written = storage::written_opinions(tx, item.id);
    if (c.my_person) {
      iv.i_have_voted = contains(voters, *c.my_person);
      const auto it = presence.find(*c.my_person);
      iv.i_may_vote = item.status == "open" && !iv.i_have_voted && it != presence.end() && it->second == "present" &&
                      !contains(iv.recused, *c.my_person);
    }
    v.quorum_needed = std::max(v.quorum_needed, quorum_needed(v.membership, item.rule.quorum_percent));
    if (item.status == "closed") {
      const int base = item.membership.value_or(v.membership) - item.recused.value_or(0);
      iv.tally = tally_of(item, iv.written, base);
    } else {
      // The counts stay in the database until the secretary closes the item.
      item.approvals = 0;
      item.disapprovals = 0;
    }
    iv.item = std::move(item);
    iv.nomination = std::move(*n);
    v.items.push_back(std::move(iv));
  }
  if (v.items.empty()) v.quorum_needed = quorum_needed(v.membership, default_ballot_rule(AwardForm::advanced_worker).quorum_percent);
  v.quorum_met = v.membership > 0 && v.present >= v.quorum_needed;
  if (c.manages && c.session.status == "planned") {
    storage::NominationQuery q;
    q.agency_id = c.session.agency_id;
    q.status = NominationStatus::accepted;
    for (auto& n : storage::list_nominations(tx, q)) {
      if (!storage::council_item_of(tx, n.id)) v.candidates.push_back(std::move(n));
    }
  }
  if (auto a = storage::find_agency_row(tx, c.session.agency_id)) v.agency_name = a->agency.name;
  v.manages = c.manages;
  v.my_person = c.my_person;
  v.session = std::move(c.session);
  v.term = std::move(c.term);
  return v;
}

Result<void> require_planned(const storage::CouncilSessionRow& s) {
  if (s.status != "planned") return fail(ErrorKind::conflict, "council_session.session_closed");
  return {};
}

}  // namespace

CouncilSessionService::CouncilSessionService(std::shared_ptr<storage::Database> db,
                                             std::shared_ptr<NominationService> nominations, Clock clock)
    : db_(std::move(db)), nominations_(std::move(nominations)), clock_(std::move(clock)) {}

Result<CouncilSessionView> CouncilSessionService::create(const Principal& actor, const CouncilSessionInput& in) {
  Error e = invalid();
  storage::CouncilSessionRow s;
  required_text(e, "title", in.title, kNominationLine, s.title);
  optional_text(e, "place", in.place, kNominationLine, s.place);
  s.held_on = date_field(e, "held_on", in.held_on, true);
  s.disclosure = in.disclosure;
  std::optional<std::int64_t> agency = actor.agency_id;
  if (!text::trim(in.agency_id).empty()) agency = parse_id(in.agency_id);
  if (!agency) return fail(ErrorKind::validation, "nominations.agency_required");
  if (!e.fields.empty()) return fail(e);
  const TimePoint now = clock_();
  auto id = db_->write([&](storage::Tx& tx) -> Result<std::int64_t> {
    if (!can_read_agency(tx, actor, *agency)) return fail(ErrorKind::not_found, "nominations.agency_not_found");
    if (!can_manage_agency(actor, *agency)) return fail(ErrorKind::forbidden, "council_session.forbidden");
    // The term in force on the session's date.
    for (const auto& t : storage::council_terms(tx, *agency)) {
      if (t.valid_from <= s.held_on && (t.valid_to.empty() || s.held_on < t.valid_to)) s.term_id = t.id;
    }
    if (s.term_id == 0) {
      Error te = invalid();
      te.field("held_on", "council_session.no_term");
      return fail(te);
    }
    s.agency_id = *agency;
    s.id = storage::insert_council_session(tx, s, account_of(actor), to_iso(now));
    record_audit(tx, actor, {"council_session.create", "council_session", std::to_string(s.id), "",
                             json::serialize(json::object{{"title", s.title}, {"held_on", s.held_on},
                                                          {"term_id", s.term_id}})},
                 now);
    return s.id;
  });
  if (!id) return fail(id.error());
  return get(actor, *id);
}

Result<std::vector<storage::CouncilSessionRow>> CouncilSessionService::list(const Principal& actor,
                                                                            std::optional<std::int64_t> agency_id) {
  const std::optional<std::int64_t> agency = agency_id ? agency_id : actor.agency_id;
  if (!agency) return fail(ErrorKind::not_found, "nominations.agency_not_found");
  return db_->read([&](storage::Tx& tx) -> Result<std::vector<storage::CouncilSessionRow>> {
    if (!can_read_agency(tx, actor, *agency)) return fail(ErrorKind::not_found, "nominations.agency_not_found");
    std::vector<storage::CouncilSessionRow> out;
    for (auto& s : storage::council_sessions(tx, *agency)) {
      if (session_for(tx, actor, s.id)) out.push_back(std::move(s));
    }
    return out;
  });
}

Result<CouncilSessionView> CouncilSessionService::get(const Principal& actor, std::int64_t session_id) {
  return db_->read([&](storage::Tx& tx) -> Result<CouncilSessionView> {
    auto c = session_for(tx, actor, session_id);
    if (!c) return fail(c.error());
    return view_of(tx, std::move(*c));
  });
}

Result<CouncilSessionView> CouncilSessionService::add_item(const Principal& actor, std::int64_t session_id,
                                                           std::int64_t nomination_id) {
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = session_for(tx, actor, session_id);
    if (!c) return fail(c.error());
    if (!can_manage_agency(actor, c->session.agency_id)) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (auto r = require_planned(c->session); !r) return fail(r.error());
    auto n = storage::find_nomination(tx, nomination_id);
    if (!n || n->agency_id != c->session.agency_id) return fail(ErrorKind::not_found, "nominations.not_found");
    if (n->status != NominationStatus::accepted) return fail(ErrorKind::conflict, "council_session.nomination_not_accepted");
    if (storage::council_item_of(tx, nomination_id)) return fail(ErrorKind::conflict, "council_session.already_on_agenda");
    const BallotRule rule = nominations_->rules().council_or_default(n->form, c->session.held_on);
    auto item = storage::insert_council_item(tx, session_id, nomination_id, rule);
    record_audit(tx, actor, {"council_item.add", "council_item", std::to_string(item), "",
                             json::serialize(json::object{{"session_id", session_id},
                                                          {"nomination_id", nomination_id},
                                                          {"threshold_percent", rule.threshold_percent}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<CouncilSessionView> CouncilSessionService::set_attendance(const Principal& actor, std::int64_t session_id,
                                                                 std::int64_t person_id, const std::string& presence) {
  if (presence != "present" && presence != "absent") {
    Error e = invalid();
    e.field("presence", "council_session.presence_invalid");
    return fail(e);
  }
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = session_for(tx, actor, session_id);
    if (!c) return fail(c.error());
    if (!c->manages) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (auto r = require_planned(c->session); !r) return fail(r.error());
    const bool member = std::any_of(c->term.seats.begin(), c->term.seats.end(),
                                    [&](const CouncilSeat& s) { return s.person_id == person_id; });
    if (!member) return fail(ErrorKind::validation, "council_session.not_member");
    for (const auto& item : storage::council_items(tx, session_id)) {
      if (item.status != "pending") return fail(ErrorKind::conflict, "council_session.attendance_locked");
    }
    storage::set_attendance(tx, session_id, person_id, presence);
    record_audit(tx, actor, {"council_session.attendance", "council_session", std::to_string(session_id), "",
                             json::serialize(json::object{{"person_id", person_id}, {"presence", presence}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<CouncilSessionView> CouncilSessionService::set_written_opinion(const Principal& actor, std::int64_t item_id,
                                                                      std::int64_t person_id,
                                                                      const std::string& opinion) {
  if (opinion != "approve" && opinion != "disapprove" && !opinion.empty()) {
    Error e = invalid();
    e.field("opinion", "council_session.opinion_invalid");
    return fail(e);
  }
  const TimePoint now = clock_();
  std::int64_t session_id = 0;
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = item_for(tx, actor, item_id);
    if (!found) return fail(found.error());
    auto& [item, c] = *found;
    session_id = c.session.id;
    if (!c.manages) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (item.status == "closed") return fail(ErrorKind::conflict, "council_session.item_closed");
    const auto presence = storage::attendance(tx, c.session.id);
    auto it = presence.find(person_id);
    if (it == presence.end() || it->second != "absent") return fail(ErrorKind::conflict, "council_session.opinion_not_absent");
    auto n = storage::find_nomination(tx, item.nomination_id);
    if (n && contains(recused_of(tx, c.term, *n, item.rule), person_id)) {
      return fail(ErrorKind::conflict, "council_session.recused");
    }
    storage::set_written_opinion(tx, item_id, person_id, opinion);
    record_audit(tx, actor, {"council_item.written_opinion", "council_item", std::to_string(item_id), "",
                             json::serialize(json::object{{"person_id", person_id}, {"opinion", opinion}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<CouncilSessionView> CouncilSessionService::open_item(const Principal& actor, std::int64_t item_id,
                                                            std::int64_t version) {
  const TimePoint now = clock_();
  std::int64_t session_id = 0;
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = item_for(tx, actor, item_id);
    if (!found) return fail(found.error());
    auto& [item, c] = *found;
    session_id = c.session.id;
    if (!c.manages) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (auto r = require_planned(c.session); !r) return fail(r.error());
    if (item.status != "pending") return fail(ErrorKind::conflict, "council_session.item_not_pending");
    int present = 0;
    for (const auto& [person, p] : storage::attendance(tx, c.session.id)) present += p == "present" ? 1 : 0;
    const int needed = quorum_needed(static_cast<int>(c.term.seats.size()), item.rule.quorum_percent);
    if (c.term.seats.empty() || present < needed) {
      Error q{ErrorKind::conflict, "council_session.no_quorum", {}, {}, {}};
      q.with("present", std::to_string(present)).with("needed", std::to_string(needed));
      return fail(q);
    }
    if (item.version != version || !storage::set_council_item_status(tx, item_id, version, "open")) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    record_audit(tx, actor, {"council_item.open", "council_item", std::to_string(item_id), "", "{}"}, now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<void> CouncilSessionService::vote(const Principal& actor, std::int64_t session_id, std::int64_t item_id,
                                         bool approve) {
  const TimePoint now = clock_();
  return db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = item_for(tx, actor, item_id);
    if (!found || found->second.session.id != session_id) return fail(ErrorKind::not_found, "council_session.item_not_found");
    auto& [item, c] = *found;
    if (!c.my_person) return fail(ErrorKind::forbidden, "council_session.not_member");
    if (item.status != "open") {
      return fail(ErrorKind::conflict, item.status == "closed" ? "council_session.item_closed" : "council_session.item_not_open");
    }
    const auto presence = storage::attendance(tx, c.session.id);
    auto it = presence.find(*c.my_person);
    if (it == presence.end() || it->second != "present") return fail(ErrorKind::forbidden, "council_session.absent");
    auto n = storage::find_nomination(tx, item.nomination_id);
    if (!n) return fail(ErrorKind::internal, "internal", "item without nomination");
    if (contains(recused_of(tx, c.term, *n, item.rule), *c.my_person)) {
      return fail(ErrorKind::forbidden, "council_session.recused");
    }
    if (contains(storage::voters(tx, item_id), *c.my_person)) return fail(ErrorKind::conflict, "council_session.already_voted");
    if (!storage::cast_ballot(tx, item_id, *c.my_person, approve)) {
      return fail(ErrorKind::conflict, "council_session.item_not_open");
    }
    // The audit says that the member voted, never how.
    record_audit(tx, actor, {"council_item.vote", "council_item", std::to_string(item_id), "", "{}"}, now);
    return {};
  });
}

Result<CouncilSessionView> CouncilSessionService::close_item(const Principal& actor, std::int64_t item_id,
                                                             std::int64_t version) {
  const TimePoint now = clock_();
  std::int64_t session_id = 0;
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto found = item_for(tx, actor, item_id);
    if (!found) return fail(found.error());
    auto& [item, c] = *found;
    session_id = c.session.id;
    if (!c.manages) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (item.status != "open") return fail(ErrorKind::conflict, "council_session.item_not_open");
    auto n = storage::find_nomination(tx, item.nomination_id);
    if (!n) return fail(ErrorKind::internal, "internal", "item without nomination");
    const int membership = static_cast<int>(c.term.seats.size());
    const int recused = static_cast<int>(recused_of(tx, c.term, *n, item.rule).size());
    const BallotTally t = tally_of(item, storage::written_opinions(tx, item_id), membership - recused);
    const std::string result = t.passed ? "passed" : "failed";
    if (item.version != version || !storage::close_council_item(tx, item_id, version, membership, recused, result)) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const NominationAction action = t.passed ? NominationAction::approve : NominationAction::reject;
    auto next = nomination_next(n->status, action);
    if (!next) return fail(ErrorKind::conflict, "nominations.wrong_status");
    if (!storage::set_nomination_status(tx, n->id, n->version, *next, to_iso(now))) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    const std::string reason = c.session.title + ": " + std::to_string(t.approvals) + "/" + std::to_string(t.base) +
                               " phiếu đồng ý (" + std::to_string(t.permille / 10) + "," +
                               std::to_string(t.permille % 10) + "%), ngưỡng " +
                               (item.rule.threshold_strict ? "trên " : "từ ") +
                               std::to_string(item.rule.threshold_percent) + "%";
    storage::insert_nomination_event(tx, n->id, std::string(to_string(action)), std::string(to_string(n->status)),
                                     std::string(to_string(*next)), reason, account_of(actor), to_iso(now));
    record_audit(tx, actor, {"council_item.close", "council_item", std::to_string(item_id), "",
                             json::serialize(json::object{{"approvals", t.approvals},
                                                          {"disapprovals", t.disapprovals},
                                                          {"base", t.base},
                                                          {"result", result}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<CouncilSessionView> CouncilSessionService::close(const Principal& actor, std::int64_t session_id,
                                                        std::int64_t version) {
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = session_for(tx, actor, session_id);
    if (!c) return fail(c.error());
    if (!c->manages) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (auto r = require_planned(c->session); !r) return fail(r.error());
    for (const auto& item : storage::council_items(tx, session_id)) {
      if (item.status != "closed") return fail(ErrorKind::conflict, "council_session.items_open");
    }
    if (c->session.version != version || !storage::set_council_session_status(tx, session_id, version, "closed")) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    record_audit(tx, actor, {"council_session.close", "council_session", std::to_string(session_id), "", "{}"}, now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<CouncilSessionView> CouncilSessionService::set_disclosure(const Principal& actor, std::int64_t session_id,
                                                                 std::int64_t version, bool disclosure) {
  const TimePoint now = clock_();
  auto done = db_->write([&](storage::Tx& tx) -> Result<void> {
    auto c = session_for(tx, actor, session_id);
    if (!c) return fail(c.error());
    if (!can_manage_agency(actor, c->session.agency_id)) return fail(ErrorKind::forbidden, "council_session.forbidden");
    if (c->session.version != version ||
        !storage::set_council_session_disclosure(tx, session_id, version, disclosure)) {
      return fail(ErrorKind::conflict, "edit.stale");
    }
    record_audit(tx, actor, {"council_session.disclosure", "council_session", std::to_string(session_id), "",
                             json::serialize(json::object{{"disclosure", disclosure}})},
                 now);
    return {};
  });
  if (!done) return fail(done.error());
  return get(actor, session_id);
}

Result<Disclosure> CouncilSessionService::disclosure(std::int64_t session_id) {
  return db_->read([&](storage::Tx& tx) -> Result<Disclosure> {
    auto s = storage::find_council_session(tx, session_id);
    if (!s || !s->disclosure || s->status != "planned") return fail(ErrorKind::not_found, "council_session.session_not_found");
    Disclosure d;
    if (auto a = storage::find_agency_row(tx, s->agency_id)) d.agency_name = a->agency.name;
    d.title = s->title;
    d.held_on = s->held_on;
    for (const auto& item : storage::council_items(tx, session_id)) {
      auto n = storage::find_nomination(tx, item.nomination_id);
      if (n) d.candidates.push_back({n->subject_name, n->unit_name, n->form, n->subject});
    }
    return d;
  });
}

std::string minutes_file_name(const storage::CouncilSessionRow& s, const std::string& extension) {
  return "BB_HD_" + s.held_on + "_" + std::to_string(s.id) + "." + extension;
}

}  // namespace thidua::services
