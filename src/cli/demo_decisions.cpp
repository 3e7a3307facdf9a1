// Demo decisions (see demo_decisions.hpp). Dates are those of a year's end: the council met in
// December 2025, the head's deputy signed decision 45 on 20/12/2025; decision 46 is a draft;
// submission 12/TTr-BDT proposing the provincial chairman's Bằng khen was sent on 22/12/2025.

#include "cli/demo_decisions.hpp"

#include <map>

#include "services/auth_service.hpp"
#include "services/nomination_service.hpp"

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

services::DecisionInput decision(const char* number, const char* date, const char* title, std::int64_t movement) {
  services::DecisionInput in;
  in.number = number;
  in.decision_date = date;
  in.place = "Cao Bằng";
  in.header_parent = "UBND TỈNH CAO BẰNG";
  in.header_agency = "BAN DÂN TỘC";
  in.head_title = "TRƯỞNG BAN DÂN TỘC TỈNH CAO BẰNG";
  in.title = title;
  in.award_year = "2025";
  in.movement_id = std::to_string(movement);
  in.legal_bases =
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
      "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết và hướng dẫn thi "
      "hành một số điều của Luật Thi đua, khen thưởng;\n"
      "Căn cứ Quyết định số 12/2024/QĐ-UBND ngày 14 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh Cao Bằng ban hành Quy "
      "chế công tác thi đua, khen thưởng trên địa bàn tỉnh;";
  in.proposal = "Theo đề nghị của Hội đồng Thi đua - Khen thưởng Ban và Chánh Văn phòng Ban.";
  in.signer_mark = "KT. TRƯỞNG BAN";
  in.signer_title = "PHÓ TRƯỞNG BAN";
  in.signer_name = "Hà Văn Vui";
  in.recipients = "Như Điều 3\nSở Nội vụ (Ban Thi đua - Khen thưởng)\nLãnh đạo Ban";
  return in;
}

}  // namespace

Result<void> load_demo_decisions(app::Services& s, std::int64_t agency_id, std::int64_t movement_id) {
  DemoClock clock;
  services::DecisionService decisions(s.db, clock.clock());
  services::HigherAwardService higher(s.db, s.files, clock.clock());
  auto op = services::operator_principal("demo");
  auto principal = [&](const std::string& login) -> Result<Principal> {
    auto u = s.users->get_user(op, login);
    if (!u) return fail(u.error());
    return s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  };
  auto office = principal("vanphong");
  if (!office) return fail(office.error());
  auto leader = principal("lanhdao");
  if (!leader) return fail(leader.error());

  auto candidates = decisions.candidates(*office, agency_id);
  if (!candidates) return fail(candidates.error());
  std::map<std::string, std::pair<std::string, std::int64_t>> by_name;
  for (const auto& c : *candidates) by_name[c.name] = {std::string(to_string(c.subject)), c.id};
  auto award = [&](const char* name, const char* form, const char* basis, const char* achievement) {
    services::AwardeeInput a;
    auto it = by_name.find(name);
    if (it != by_name.end()) {
      a.subject = it->second.first;
      a.subject_id = it->second.second;
    }
    a.form = form;
    a.basis = basis;
    a.achievement = achievement;
    return a;
  };

  // Decision 45 answers the council's session of 16/12/2025: the titles it approved (the
  // nominations are decided with the decision), and two Giấy khen the head gives directly. The
  // household's approved Giấy khen is for the movement: it waits for the movement's decision 46,
  // still a draft, where the Office adds it from the approved nominations.
  auto nominations = std::make_shared<services::NominationService>(s.db, nullptr, services::default_nomination_rules(),
                                                                    clock.clock());
  decisions.set_nominations(nominations);
  services::NominationFilter approved_2025;
  approved_2025.year = 2025;
  approved_2025.status = "approved";
  auto approved = nominations->list(*office, agency_id, approved_2025);
  if (!approved) return fail(approved.error());
  std::vector<services::AwardeeInput> list;
  for (const auto& n : approved->items) {
    if (n.subject == AwardSubject::household) continue;
    services::AwardeeInput a;
    a.subject = std::string(to_string(n.subject));
    a.subject_id = n.subject_id;
    a.form = std::string(to_string(n.form));
    a.basis = n.movement_id ? "movement" : "yearly";
    a.movement_id = n.movement_id;
    a.nomination_id = n.id;
    list.push_back(std::move(a));
  }
  list.push_back(award("Nông Thị Hoa", "certificate_of_merit", "movement",
                       "Đã có thành tích xuất sắc trong Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” "
                       "năm 2025"));
  list.push_back(award("Phòng Kế hoạch - Tổng hợp và Tuyên truyền", "certificate_of_merit", "yearly",
                       "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ chuyên môn năm 2025"));

  clock.at("2025-12-19T03:00:00Z");
  auto d45 = decisions.create(*office, agency_id,
                              decision("45", "20/12/2025",
                                       "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025", movement_id));
  if (!d45) return fail(d45.error());
  auto added = decisions.add_awardees(*office, d45->id, list);
  if (!added) return fail(added.error());
  clock.at("2025-12-20T02:30:00Z");
  auto issued = decisions.issue(*leader, d45->id, added->version);
  if (!issued) return fail(issued.error());

  clock.at("2025-12-24T08:00:00Z");
  auto d46 = decisions.create(
      *office, agency_id,
      decision("46", "26/12/2025",
               "Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích trong Phong trào thi đua “Cả nước chung sức xây "
               "dựng nông thôn mới” giai đoạn 2021 - 2025",
               movement_id));
  if (!d46) return fail(d46.error());
  auto draft = decisions.add_awardees(
      *office, d46->id,
      {award("Lương Văn Thành", "certificate_of_merit", "movement",
             "Đã có thành tích xuất sắc trong Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn "
             "2021 - 2025"),
       award("Phòng Chính sách Dân tộc", "certificate_of_merit", "movement",
             "Đã có thành tích xuất sắc trong Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn "
             "2021 - 2025")});
  if (!draft) return fail(draft.error());

  clock.at("2025-12-21T03:00:00Z");
  auto defaults = higher.defaults(*office, agency_id);
  if (!defaults) return fail(defaults.error());
  services::HigherAwardInput in;
  in.form = "diploma_of_merit";
  in.basis = "yearly";
  in.award_year = "2025";
  in.number = "12";
  in.submission_date = "22/12/2025";
  in.place = "Cao Bằng";
  in.header_parent = "UBND TỈNH CAO BẰNG";
  in.header_agency = "BAN DÂN TỘC";
  in.addressee = defaults->addressee;
  in.title = "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025";
  in.body = defaults->body;
  in.signer_mark = "KT. TRƯỞNG BAN";
  in.signer_title = "PHÓ TRƯỞNG BAN";
  in.signer_name = "Hà Văn Vui";
  in.decider = defaults->decider;
  auto h = higher.create(*office, agency_id, in);
  if (!h) return fail(h.error());
  auto subject = [&](const char* name, const char* achievement) {
    services::ProposedInput p;
    auto it = by_name.find(name);
    if (it != by_name.end()) {
      p.subject = it->second.first;
      p.subject_id = it->second.second;
    }
    p.achievement = achievement;
    return p;
  };
  auto proposed = higher.add_subjects(
      *office, h->id,
      {subject("Hoàng Thị Lan", "Hai năm liên tục (2024, 2025) đạt danh hiệu Chiến sĩ thi đua cơ sở"),
       subject("Phòng Chính sách Dân tộc", "Hai năm liên tục (2024, 2025) hoàn thành xuất sắc nhiệm vụ")});
  if (!proposed) return fail(proposed.error());
  clock.at("2025-12-22T02:00:00Z");
  auto sent = higher.send(*office, h->id, proposed->version);
  if (!sent) return fail(sent.error());
  return {};
}

}  // namespace thidua::cli
