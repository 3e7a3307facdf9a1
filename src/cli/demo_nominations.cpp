// The demo's nominations and council sessions of 2025 (see demo_nominations.hpp). The council
// of Ban Dân tộc has six members: Nông Văn Chiến (chair; he gets the account "chutich" here so
// that he votes), Hà Văn Vui, Nông Thị Hoa (secretary), Lương Văn Thành, Hoàng Thị Lan and Sầm
// Đức Minh (no account: absent, his written opinion recorded). Nobody else gets an account.

#include "cli/demo_nominations.hpp"

#include <map>

#include "services/auth_service.hpp"
#include "services/nomination_rules.hpp"

namespace thidua::cli {

namespace {

struct DemoClock {
  std::shared_ptr<TimePoint> now = std::make_shared<TimePoint>();
  Clock clock() const {
    auto n = now;
    return [n] { return *n; };
  }
  void at(const char* iso) { *now = *parse_iso(iso); }
};

}  // namespace

Result<void> load_demo_nominations(app::Services& s, std::int64_t agency_id, const std::string& password) {
  DemoClock clock;
  // The rules engine answers as in the application: verdicts with their reasons, the council
  // rule and the dossier of the rule set in force.
  auto nominations = std::make_shared<services::NominationService>(
      s.db, s.evidence, services::nomination_rules_from(s.eligibility, s.catalogue), clock.clock());
  services::CouncilSessionService council(s.db, nominations, clock.clock());
  auto op = services::operator_principal("demo");
  auto principal = [&](const std::string& login) -> Result<Principal> {
    auto u = s.users->get_user(op, login);
    if (!u) return fail(u.error());
    return s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  };
  auto office = principal("vanphong");
  if (!office) return fail(office.error());
  // People by name, and units by code.
  std::map<std::string, std::int64_t> people;
  services::PeopleFilter pf;
  pf.agency_id = agency_id;
  pf.per_page = 200;
  auto found = s.people->search(*office, pf);
  if (!found) return fail(found.error());
  for (const auto& p : found->items) people[p.full_name] = p.id;
  std::map<std::string, std::int64_t> units;
  auto unit_list = s.org->list_units(*office, agency_id, false);
  if (!unit_list) return fail(unit_list.error());
  for (const auto& u : *unit_list) units[u.code] = u.id;

  // The chair votes: he gets an account (the shared demo password).
  services::PersonAccountInput acc;
  acc.login = "chutich";
  acc.password = password;
  acc.roles = {"leader"};
  if (auto a = s.users->create_person_account(op, people["Nông Văn Chiến"], acc); !a) return fail(a.error());
  auto chair = principal("chutich");
  auto leader = principal("lanhdao");
  auto member = principal("hoidong");
  auto head = principal("truongphong");
  if (!chair || !leader || !member || !head) return fail(ErrorKind::internal, "internal", "demo accounts missing");

  // Nominations of 2025, made and sent in late November.
  clock.at("2025-11-24T02:00:00Z");
  auto nominate = [&](const Principal& who, const std::string& subject, const char* form,
                      const char* justification = "") -> Result<services::NominationView> {
    services::NominationInput in;
    in.subject = subject;
    in.form = form;
    in.year = "2025";
    in.justification = justification;
    return nominations->create(who, in);
  };
  auto step = [&](const Principal& who, const services::NominationView& v, NominationAction a,
                  const char* reason = "") { return nominations->act(who, v.nomination.id, v.nomination.version, a, reason); };
  auto to_accepted = [&](const Principal& who, const std::string& subject, const char* form,
                         const char* justification = "") -> Result<services::NominationView> {
    auto n = nominate(who, subject, form, justification);
    if (!n) return n;
    auto sent = step(who, *n, NominationAction::submit);
    if (!sent) return sent;
    clock.at("2025-12-01T02:00:00Z");
    auto accepted = step(*office, *sent, NominationAction::accept);
    clock.at("2025-11-24T02:00:00Z");
    return accepted;
  };
  auto person = [&](const char* name) { return "person:" + std::to_string(people[name]); };

  auto hung = to_accepted(*office, person("Lâm Văn Hùng"), "grassroots_fighter");
  if (!hung) return fail(hung.error());
  // Rated "completed well", without an initiative recognised: the rules say not eligible, so the
  // Office writes why it nominates him anyway (the council then rejects it).
  auto duc = to_accepted(*office, person("Đàm Văn Đức"), "grassroots_fighter",
                         "Có sáng kiến về tuyên truyền chính sách dân tộc bằng tiếng Tày, Nùng đang chờ Hội đồng sáng "
                         "kiến cơ sở công nhận; đề nghị Hội đồng xem xét.");
  if (!duc) return fail(duc.error());
  auto khth = to_accepted(*head, "unit:" + std::to_string(units["KHTH"]), "advanced_collective");
  if (!khth) return fail(khth.error());
  auto anh = to_accepted(*head, person("Triệu Thị Ánh"), "advanced_worker");
  if (!anh) return fail(anh.error());
  auto household_id = nominations->add_household(*office, agency_id, "Hộ ông Nông Văn Páo",
                                                  "Xóm Nà Mạ, xã Quang Trung, tỉnh Cao Bằng");
  if (!household_id) return fail(household_id.error());
  auto pao = to_accepted(*office, "household:" + std::to_string(*household_id), "certificate_of_merit");
  if (!pao) return fail(pao.error());
  auto thu = to_accepted(*office, person("Bế Thị Thu"), "advanced_worker");
  if (!thu) return fail(thu.error());
  // Waiting for the Office: Lục Văn Quang's LĐTT (submitted), and the Inspectorate's TTLĐTT
  // (returned once for its minutes, then resubmitted); a draft of Đinh Thị Mai's LĐTT.
  auto quang = nominate(*office, person("Lục Văn Quang"), "advanced_worker",
                        "Hình thức khiển trách đã chấp hành xong; đề nghị Hội đồng xem xét thành tích sau thời điểm "
                        "chấp hành kỷ luật.");
  if (!quang) return fail(quang.error());
  if (auto r = step(*office, *quang, NominationAction::submit); !r) return fail(r.error());
  auto ttra = nominate(*office, "unit:" + std::to_string(units["TTRA"]), "advanced_collective",
                       "Đơn vị hoàn thành nhiệm vụ thanh tra năm 2025 trong điều kiện thiếu biên chế; đề nghị Hội "
                       "đồng xem xét.");
  if (!ttra) return fail(ttra.error());
  auto ttra_sent = step(*office, *ttra, NominationAction::submit);
  if (!ttra_sent) return fail(ttra_sent.error());
  clock.at("2025-11-26T02:00:00Z");
  auto ttra_back = step(*office, *ttra_sent, NominationAction::return_back,
                        "Bổ sung biên bản họp bình xét của đơn vị.");
  if (!ttra_back) return fail(ttra_back.error());
  clock.at("2025-11-28T02:00:00Z");
  if (auto r = step(*office, *ttra_back, NominationAction::resubmit); !r) return fail(r.error());
  if (auto r = nominate(*office, person("Đinh Thị Mai"), "advanced_worker"); !r) return fail(r.error());

  // The session of 16/12/2025: five present, Sầm Đức Minh absent with his written opinions.
  clock.at("2025-12-16T01:00:00Z");
  services::CouncilSessionInput in;
  in.title = "Phiên họp xét thi đua, khen thưởng năm 2025";
  in.held_on = "16/12/2025";
  in.place = "Phòng họp Ban Dân tộc tỉnh Cao Bằng";
  auto held = council.create(*office, in);
  if (!held) return fail(held.error());
  const auto sid = held->session.id;
  for (const auto* n : {&*hung, &*duc, &*khth, &*anh, &*pao}) {
    if (auto r = council.add_item(*office, sid, n->nomination.id); !r) return fail(r.error());
  }
  auto view = council.get(*office, sid);
  if (!view) return fail(view.error());
  const std::int64_t minh = people["Sầm Đức Minh"];
  for (const auto& m : view->members) {
    if (auto r = council.set_attendance(*office, sid, m.person_id, m.person_id == minh ? "absent" : "present"); !r) {
      return fail(r.error());
    }
  }
  // Each item: Minh's written opinion, the ballots of the members who may vote, the count.
  struct Ballots {
    const services::NominationView* nomination;
    const char* written;                   ///< Minh's opinion
    std::map<std::string, bool> choices;   ///< login → approve
  };
  const Ballots kBallots[] = {
      {&*hung, "approve", {{"chutich", true}, {"lanhdao", true}, {"vanphong", true}, {"hoidong", true}, {"truongphong", true}}},
      {&*duc, "approve", {{"chutich", true}, {"lanhdao", false}, {"vanphong", true}, {"hoidong", false}, {"truongphong", true}}},
      {&*khth, "approve", {{"chutich", true}, {"lanhdao", true}, {"vanphong", true}, {"hoidong", true}}},
      {&*anh, "approve", {{"chutich", true}, {"lanhdao", true}, {"vanphong", false}, {"hoidong", true}}},
      {&*pao, "approve", {{"chutich", true}, {"lanhdao", true}, {"vanphong", true}, {"hoidong", true}, {"truongphong", true}}},
  };
  const std::map<std::string, const Principal*> voters{
      {"chutich", &*chair}, {"lanhdao", &*leader}, {"vanphong", &*office}, {"hoidong", &*member}, {"truongphong", &*head}};
  for (const auto& b : kBallots) {
    auto v = council.get(*office, sid);
    if (!v) return fail(v.error());
    const services::CouncilItemView* item = nullptr;
    for (const auto& i : v->items) {
      if (i.nomination.id == b.nomination->nomination.id) item = &i;
    }
    if (!item) return fail(ErrorKind::internal, "internal", "demo item missing");
    const auto item_id = item->item.id;
    if (auto r = council.set_written_opinion(*office, item_id, minh, b.written); !r) return fail(r.error());
    auto opened = council.open_item(*office, item_id, item->item.version);
    if (!opened) return fail(opened.error());
    for (const auto& [login, approve] : b.choices) {
      if (auto r = council.vote(*voters.at(login), sid, item_id, approve); !r) return fail(r.error());
    }
    std::int64_t version = 0;
    for (const auto& i : opened->items) {
      if (i.item.id == item_id) version = i.item.version;
    }
    if (auto r = council.close_item(*office, item_id, version); !r) return fail(r.error());
  }
  auto closed = council.get(*office, sid);
  if (!closed) return fail(closed.error());
  if (auto r = council.close(*office, sid, closed->session.version); !r) return fail(r.error());

  // The supplementary session of 18/12/2025, in progress: its candidates disclosed, everyone but
  // Sầm Đức Minh present, Bế Thị Thu's LĐTT open for the members to vote on.
  clock.at("2025-12-18T01:00:00Z");
  services::CouncilSessionInput more;
  more.title = "Phiên họp bổ sung xét khen thưởng năm 2025";
  more.held_on = "18/12/2025";
  more.place = "Phòng họp Ban Dân tộc tỉnh Cao Bằng";
  more.disclosure = true;
  auto open_session = council.create(*office, more);
  if (!open_session) return fail(open_session.error());
  const auto oid = open_session->session.id;
  auto added = council.add_item(*office, oid, thu->nomination.id);
  if (!added) return fail(added.error());
  for (const auto& m : added->members) {
    if (auto r = council.set_attendance(*office, oid, m.person_id, m.person_id == minh ? "absent" : "present"); !r) {
      return fail(r.error());
    }
  }
  auto again = council.get(*office, oid);
  if (!again || again->items.empty()) return fail(ErrorKind::internal, "internal", "demo open item missing");
  if (auto r = council.open_item(*office, again->items[0].item.id, again->items[0].item.version); !r) {
    return fail(r.error());
  }
  return {};
}

}  // namespace thidua::cli
