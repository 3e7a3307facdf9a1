// The province mode's demo: Sở Nội vụ tỉnh Cao Bằng (its Ban Thi đua - Khen thưởng receives
// the agencies' statistics) is made the authority above Ban Dân tộc and the other agencies of
// its emulation cluster; Sở Văn hóa, Thể thao và Du lịch, a small second agency under it, gets a unit, three people, two launched movements
// (the year's regular movement and a thematic one launched by the province) and the awards of
// 2025, so that the province's totals run across agencies. The authority's account is "tinh".

#include "cli/demo_province.hpp"

#include <map>

#include "services/auth_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/report_sending_service.hpp"
#include "services/statistics_service.hpp"

namespace thidua::cli {

namespace {

constexpr const char* kAuthorityCode = "SNV";
constexpr const char* kAuthorityName = "Sở Nội vụ tỉnh Cao Bằng";
constexpr const char* kSecondCode = "SVHTTDL";
constexpr const char* kSecondName = "Sở Văn hóa, Thể thao và Du lịch tỉnh Cao Bằng";

struct DemoPerson {
  const char* code;
  const char* name;
  const char* gender;
  const char* birth;
  const char* position;
};
constexpr DemoPerson kPeople[] = {
    {"VH001", "Hoàng Thị Thu Hà", "female", "12/04/1980", "Chánh Văn phòng"},
    {"VH002", "Nông Quốc Tuấn", "male", "03/09/1987", "Chuyên viên"},
    {"VH003", "Bế Thị Lan", "female", "21/01/1993", "Chuyên viên"},
};

struct DemoMovement {
  const char* title;
  const char* kind;
  const char* level;
  const char* from;
  const char* to;
  const char* number;
  const char* date;
};
constexpr DemoMovement kMovements[] = {
    {"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2025", "regular", "agency", "01/01/2025", "31/12/2025", "05",
     "10/01/2025"},
    {"Hưởng ứng phong trào thi đua \"Cao Bằng chung sức xây dựng nông thôn mới\" giai đoạn 2024 - 2026", "thematic",
     "province", "01/03/2024", "31/12/2026", "18", "20/02/2024"},
};

Result<std::int64_t> launch_movement(app::Services& s, const Principal& actor, std::int64_t agency_id,
                                     const DemoMovement& d) {
  services::MovementInput in;
  in.title = d.title;
  in.kind = d.kind;
  in.level = d.level;
  in.period_from = d.from;
  in.period_to = d.to;
  in.summary = std::string("Kế hoạch ") + d.title;
  in.header_parent = "UBND TỈNH CAO BẰNG";
  in.header_name = "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH";
  in.doc_number = d.number;
  in.doc_symbol = "KH-SVHTTDL";
  in.place = "Cao Bằng";
  in.doc_date = d.date;
  in.signer_mark = "KT. GIÁM ĐỐC";
  in.signer_title = "PHÓ GIÁM ĐỐC";
  in.signer_name = "Hoàng Thị Thu Hà";
  auto m = s.movements->create(actor, agency_id, in);
  if (!m) return fail(m.error());
  std::int64_t version = m->version;
  const services::PlanItemInput items[] = {
      {"content", "", "Hoàn thành xuất sắc nhiệm vụ chuyên môn được giao trong năm.", "", "", "", "", {}},
      {"milestone", "Tháng 12 năm 2025", "Tổng kết, bình xét thi đua.", "", "15/12/2025", "", "final", {}},
      {"recipient", "", "Sở Nội vụ (Ban Thi đua - Khen thưởng)", "", "", "", "", {}},
  };
  for (const auto& item : items) {
    auto v = s.movements->add_item(actor, m->id, version, item);
    if (!v) return fail(v.error());
    version = *v;
  }
  auto launched = s.movements->launch(actor, m->id, version);
  if (!launched) return fail(launched.error());
  return m->id;
}

/// The Office of `agency` as the demo acts for it (no account of its own).
Principal office_of(std::int64_t agency) {
  Principal p;
  p.login = "cli:demo";
  p.display_name = p.login;
  p.agency_id = agency;
  p.grants.push_back(RoleGrant{Role::office, agency, std::nullopt});
  return p;
}

/// The cluster's 2025 cross-scoring, kept in the 2025 evaluation of Sở Văn hóa's yearly movement
/// (Ban Dân tộc's own evaluation is left for the Office to make its cluster template in): each
/// member's Office scores the others, so the province page shows the cluster's ranking.
Result<void> cluster_scores(app::Services& s, std::int64_t host_id, std::int64_t movement,
                            const std::map<std::string, std::int64_t>& members) {
  services::TemplateInput in;
  in.movement_id = std::to_string(movement);
  in.year = "2025";
  in.subject = "cluster_agency";
  in.title = "Chấm điểm thi đua Khối các cơ quan Văn hoá - Xã hội và Dân tộc, Tôn giáo năm 2025";
  services::GroupInput g{"Thực hiện giao ước thi đua năm 2025", {}};
  services::CriterionInput c1;
  c1.title = "Thực hiện nhiệm vụ chính trị, chuyên môn được giao";
  c1.max_points = "60";
  services::CriterionInput c2;
  c2.title = "Công tác thi đua, khen thưởng và phong trào của Khối";
  c2.max_points = "40";
  g.criteria = {c1, c2};
  in.groups = {g};
  in.bands = {{"excellent", "Dẫn đầu Khối", "90"}, {"good", "Hoàn thành tốt", "75"}};
  services::EvaluationService evaluations(s.db, s.evidence);
  auto t = evaluations.create_template(office_of(host_id), host_id, in);
  if (!t) return fail(t.error());
  // Points each scorer gives each scored agency (its own score of itself is left out).
  const std::map<std::string, const char*> points = {{"BDT", "95"}, {"SVHTTDL", "91,5"}, {"SYT", "88"},
                                                     {"SGDDT", "92"}};
  for (const auto& [scorer, scorer_id] : members) {
    for (const auto& [scored, scored_id] : members) {
      if (scorer == scored) continue;
      std::string p = points.at(scored);
      if (scorer == "SYT" && scored == "BDT") p = "93";  // one scorer less generous
      auto r = evaluations.score_cluster_member(office_of(scorer_id), t->id, scored_id, p, "");
      if (!r) return fail(r.error());
    }
  }
  return {};
}

}  // namespace

Result<void> load_demo_province(app::Services& s, std::int64_t bdt_id, const std::string& password) {
  const auto actor = services::operator_principal("demo");
  services::AgencyInput authority{kAuthorityCode, kAuthorityName, "authority", "", "Số 11 Hoàng Đình Giong, Cao Bằng", ""};
  if (auto a = s.org->create_agency(actor, authority); !a) return fail(a.error());
  // Ban Dân tộc and the other agencies of its cluster (made by the pledges' demo) go under it.
  std::int64_t id = 0;
  std::map<std::string, std::int64_t> members;
  auto all = s.org->list_agencies(actor);
  if (!all) return fail(all.error());
  for (const auto& row : *all) {
    const auto& code = row.agency.code;
    if (row.agency.id != bdt_id && code != kSecondCode && code != "SYT" && code != "SGDDT") continue;
    if (code == kSecondCode) id = row.agency.id;
    members[code] = row.agency.id;
    services::AgencyChange under;
    under.name = row.agency.name;  // unchanged
    under.parent_code = kAuthorityCode;
    if (auto r = s.org->update_agency(actor, row.agency.id, row.version, under); !r) return fail(r.error());
  }
  if (!id) {
    services::AgencyInput second{kSecondCode, kSecondName, "agency", kAuthorityCode, "", ""};
    auto agency = s.org->create_agency(actor, second);
    if (!agency) return fail(agency.error());
    id = agency->agency.id;
  }

  auto unit = s.org->create_unit(actor, id, {"VP", "office", "Văn phòng Sở", "01/01/2021"});
  if (!unit) return fail(unit.error());
  std::vector<std::int64_t> people;
  for (const auto& p : kPeople) {
    services::PersonInput in;
    in.code = p.code;
    in.full_name = p.name;
    in.gender = p.gender;
    in.birth_date = p.birth;
    in.employment = "civil_servant";
    in.start_date = "01/01/2021";
    in.unit_id = std::to_string(unit->id);
    in.position = p.position;
    auto person = s.people->create(actor, id, in);
    if (!person) return fail(person.error());
    people.push_back(person->id);
  }
  std::int64_t yearly = 0;
  for (const auto& m : kMovements) {
    auto launched = launch_movement(s, actor, id, m);
    if (!launched) return fail(launched.error());
    if (!yearly) yearly = *launched;
  }

  // The awards of 2025 (Giấy khen of the Director, yearly titles), recorded from the decisions.
  struct Past {
    AwardSubject subject;
    std::int64_t subject_id;
    AwardForm form;
    const char* ref;
    const char* date;
  };
  const Past past[] = {
      {AwardSubject::person, people[0], AwardForm::grassroots_fighter, "Số: 102/QĐ-SVHTTDL", "2025-12-05"},
      {AwardSubject::person, people[1], AwardForm::advanced_worker, "Số: 101/QĐ-SVHTTDL", "2025-12-05"},
      {AwardSubject::person, people[2], AwardForm::advanced_worker, "Số: 101/QĐ-SVHTTDL", "2025-12-05"},
      {AwardSubject::person, people[2], AwardForm::certificate_of_merit, "Số: 88/QĐ-SVHTTDL", "2025-09-02"},
      {AwardSubject::unit, unit->id, AwardForm::advanced_collective, "Số: 103/QĐ-SVHTTDL", "2025-12-05"},
  };
  for (const auto& p : past) {
    AwardRecord a;
    a.subject = p.subject;
    a.subject_id = p.subject_id;
    a.form = p.form;
    a.basis = AwardBasis::yearly;
    a.year = 2025;
    a.decision_ref = p.ref;
    a.decision_date = p.date;
    a.issuer = kSecondName;
    if (auto r = s.eligibility->record_past_award(actor, id, a); !r) return fail(r.error());
  }

  if (members.size() == 4) {
    if (auto r = cluster_scores(s, id, yearly, members); !r) return r;
  }

  // Ban Dân tộc's Office sent the province its form 0602 of 2025 through the system, on time.
  if (s.report_sendings && s.statistics) {
    auto form = s.statistics->form(office_of(bdt_id), bdt_id, services::StatFormCode::f0602, 2025);
    if (!form) return fail(form.error());
    auto pdf = services::StatisticsService::form_pdf(*form);
    if (!pdf) return fail(pdf.error());
    services::SendingDraft d;
    d.agency_id = bdt_id;
    d.kind = ReportKind::form_0602;
    d.year = 2025;
    d.period_from = form->period_from;
    d.period_to = form->period_to;
    d.title = "Biểu số " + form->form_code + " — " + form->name + " năm 2025";
    d.recipient = form->receiving_unit;
    d.recipient_agency_id = form->receiving_agency_id;
    d.channel = SendChannel::system;
    d.sent_on = "12/12/2025";
    d.doc_ref = "158/BC-BDT";
    d.file_name = form->file_name("pdf");
    d.content_type = "application/pdf";
    d.file_bytes = std::move(*pdf);
    if (auto r = s.report_sendings->record(office_of(bdt_id), d); !r) return fail(r.error());
  }

  // The authority's account.
  services::NewUserInput in;
  in.login = kProvinceLogin;
  in.display_name = "Lương Thị Hạnh";
  in.password = password;
  in.agency_code = kAuthorityCode;
  in.roles = {"authority"};
  if (auto r = s.users->add_user(actor, in); !r) return fail(r.error());
  return {};
}

}  // namespace thidua::cli
