#include <chrono>
#include <iomanip>
#include <map>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/demo_evaluation.hpp"
#include "cli/demo_eligibility.hpp"  // commendation, part 1 (issue 6)
#include "cli/demo_decisions.hpp"
#include "cli/demo_initiatives.hpp"
#include "cli/demo_nominations.hpp"  // issue 6, part h6c
#include "cli/demo_reports.hpp"  // issue 7 review reports (h7rr)
#include "cli/demo_achievements.hpp"
#include "cli/demo_communes.hpp"
#include "cli/demo_plan.hpp"
#include "cli/demo_pledges.hpp"
#include "cli/demo_followup.hpp"  // issue 7 follow-up
#include "cli/demo_province.hpp"  // issue 7 statistics and province (part h7sf)
#include "services/crypto.hpp"

namespace thidua::cli {

namespace {

// The seed's agency and the people who use it. Later features add their data here; every
// name below is fictional except the plan's signer, Hà Văn Vui.
struct DemoUnit {
  const char* code;
  const char* kind;
  const char* name;
};
constexpr DemoUnit kUnits[] = {
    {"LD", "department", "Lãnh đạo Ban"},
    {"VP", "office", "Văn phòng"},
    {"CSDT", "department", "Phòng Chính sách Dân tộc"},
    {"KHTH", "department", "Phòng Kế hoạch - Tổng hợp"},
    {"TTRA", "department", "Thanh tra Ban"},
    {"CD", "union", "Công đoàn cơ sở Ban Dân tộc"},
};

struct DemoPerson {
  const char* code;
  const char* name;
  const char* gender;
  const char* birth;
  const char* unit;
  const char* position;
  const char* login;  ///< demo account, if any
  const char* role;
  const char* seat;   ///< council seat, if any
};
constexpr DemoPerson kPeople[] = {
    {"BDT001", "Nông Văn Chiến", "male", "12/03/1968", "LD", "Trưởng ban", nullptr, nullptr, "chair"},
    {"BDT002", "Hà Văn Vui", "male", "05/09/1972", "LD", "Phó Trưởng ban", "lanhdao", "leader", "vice_chair"},
    {"BDT003", "Nông Thị Hoa", "female", "21/11/1983", "VP", "Chánh Văn phòng", "vanphong", "office", "secretary"},
    {"BDT004", "Lương Văn Thành", "male", "02/02/1979", "CSDT", "Trưởng phòng", "hoidong", "council", "member"},
    {"BDT005", "Hoàng Thị Lan", "female", "14/07/1981", "KHTH", "Trưởng phòng", "truongphong", "unit_head", "member"},
    {"BDT006", "Đàm Văn Đức", "male", "30/04/1990", "CSDT", "Chuyên viên", "canbo", "staff", nullptr},
    {"BDT007", "Bế Thị Thu", "female", "09/06/1988", "VP", "Kế toán", nullptr, nullptr, nullptr},
    {"BDT008", "Sầm Đức Minh", "male", "17/01/1985", "TTRA", "Chánh Thanh tra", nullptr, nullptr, "member"},
    {"BDT009", "Triệu Thị Ánh", "female", "25/12/1993", "KHTH", "Chuyên viên", nullptr, nullptr, nullptr},
    {"BDT010", "Lâm Văn Hùng", "male", "08/08/1987", "CSDT", "Phó Trưởng phòng", nullptr, nullptr, nullptr},
    {"BDT011", "Đinh Thị Mai", "female", "03/10/1995", "VP", "Văn thư", nullptr, nullptr, nullptr},
    {"BDT012", "Lục Văn Quang", "male", "19/05/1991", "TTRA", "Thanh tra viên", nullptr, nullptr, nullptr},
};

const char* shows(const char* role) {
  std::string r = role;
  if (r == "office") return "Văn phòng: theo dõi phong trào, cán bộ, đơn vị, hồ sơ, báo cáo";
  if (r == "leader") return "Lãnh đạo Ban: phát động, phê duyệt, ký quyết định";
  if (r == "council") return "Thành viên Hội đồng TĐKT: bỏ phiếu kín";
  if (r == "unit_head") return "Trưởng phòng: đăng ký, duyệt kết quả của phòng";
  return "Công chức: đăng ký thi đua, ghi nhận kết quả";
}

}  // namespace

int demo(const Common& common) {
  auto config = resolve_config(common);
  if (!config) return report(config.error());
  config->threads = 1;
  config->db_pool = 1;
  auto s = app::open_services(*config, true);
  if (!s) return report(s.error());
  auto actor = services::operator_principal("demo");
  if (s->users->get_user(actor, "vanphong")) {
    std::cout << "Dữ liệu mẫu đã có sẵn; không thay đổi gì. (Demo data already loaded.)" << std::endl;
    return 0;
  }
  auto agency = s->users->ensure_agency(actor, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
  if (!agency) return report(agency.error());

  const char* env = std::getenv("THIDUA_DEMO_PASSWORD");
  std::string password = env && *env ? env : services::generate_password();
  const char* admin_env = std::getenv("THIDUA_ADMIN_PASSWORD");
  std::string admin_password = admin_env && *admin_env ? admin_env : password;
  auto add_user = [&](const char* login, const char* name, const char* role, const std::string& agency_code,
                      const std::string& pw) -> int {
    if (s->users->get_user(actor, login)) return 0;
    services::NewUserInput in;
    in.login = login;
    in.display_name = name;
    in.password = pw;
    in.agency_code = agency_code;
    in.roles = {role};
    auto r = s->users->add_user(actor, in);
    return r ? 0 : report(r.error());
  };
  if (int rc = add_user("admin", "Quản trị hệ thống", "admin", "", admin_password); rc) return rc;

  std::map<std::string, std::int64_t> unit_ids;
  for (const auto& u : kUnits) {
    auto r = s->org->create_unit(actor, agency->id, {u.code, u.kind, u.name, "01/01/2021"});
    if (!r) return report(r.error());
    unit_ids[u.code] = r->id;
  }
  auto term = s->org->create_council_term(
      actor, agency->id, {"Hội đồng Thi đua - Khen thưởng nhiệm kỳ 2021 - 2026", "15/QĐ-BDT", "15/01/2021", ""});
  if (!term) return report(term.error());
  for (const auto& p : kPeople) {
    services::PersonInput in;
    in.code = p.code;
    in.full_name = p.name;
    in.gender = p.gender;
    in.birth_date = p.birth;
    in.employment = "civil_servant";
    in.start_date = "01/01/2021";
    in.unit_id = std::to_string(unit_ids[p.unit]);
    in.position = p.position;
    auto person = s->people->create(actor, agency->id, in);
    if (!person) return report(person.error());
    if (p.login) {
      if (int rc = add_user(p.login, p.name, p.role, "BDT", password); rc) return rc;
      if (auto r = s->people->link_account(actor, person->id, p.login); !r) return report(r.error());
    }
    if (p.seat) {
      if (auto r = s->org->set_council_seat(actor, term->id, person->id, p.seat); !r) return report(r.error());
    }
  }
  // A unit renamed in 2024: its old name stays on the records made before.
  if (auto u = s->org->get_unit(actor, unit_ids["KHTH"]); u) {
    auto r = s->org->rename_unit(actor, u->unit.id, u->unit.version, "Phòng Kế hoạch - Tổng hợp và Tuyên truyền",
                                 "01/07/2024");
    if (!r) return report(r.error());
  }
  // The agency's emulation cluster this year, which it leads.
  auto cluster = s->org->create_cluster(actor, "KVHXH", "Khối các cơ quan Văn hoá - Xã hội và Dân tộc, Tôn giáo");
  if (!cluster) return report(cluster.error());
  const int year = static_cast<int>(
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}.year());
  if (auto r = s->org->add_cluster_member(actor, cluster->id, "BDT", year, true); !r) return report(r.error());

  // The seed plan, launched: its milestones and responsibilities become tasks; the first
  // milestone (Quý III năm 2022) and the mid-term review (2023) are done, so the movement is
  // "mid-term reviewed"; the final review (2025) is still open. Then next period's draft,
  // copied from it.
  auto plan = load_seed_plan(*s->movements, actor, agency->id, unit_ids);
  if (!plan) return report(plan.error());
  auto launched = s->movements->launch(actor, plan->id, plan->version);
  if (!launched) return report(launched.error());
  if (auto detail = s->movements->get(actor, plan->id); detail) {
    for (const auto& t : detail->tasks) {
      const char* note = t.due_date == "2022-09-30"   ? "Đã ban hành Kế hoạch và phát động thi đua."
                         : t.due_date == "2023-12-31" ? "Đã tổ chức Hội nghị sơ kết giữa kỳ."
                                                      : nullptr;
      if (!note || t.unit_id) continue;
      auto done = s->movements->set_task(actor, t.id, t.version, true, note);
      if (!done) return report(done.error());
    }
  }
  auto next = s->movements->copy(actor, plan->id);
  if (!next) return report(next.error());
  // The communes Ban Dân tộc supports (illustrative assignments under Decision 1177/QĐ-UBND).
  auto communes = load_demo_communes(*s, actor, agency->id, "canbo");
  if (!communes) return report(communes.error());
  // Pledges of 2024 and 2025, the deadlines and reminders, the cluster's 2025 covenant.
  if (auto r = load_demo_pledges(*s, agency->id, plan->id, cluster->id, unit_ids); !r) return report(r.error());
  // What the units and people did, Q4 2022 – 2025, mostly verified, some waiting for the Office.
  if (auto r = load_demo_achievements(*s, agency->id, plan->id, unit_ids); !r) return report(r.error());
  // Initiatives of 2022–2025, two of them already the basis of an award.
  if (auto r = load_demo_initiatives(*s, agency->id, plan->id); !r) return report(r.error());
  // The 2025 evaluation (bình xét): templates applied to all, sheets at every stage.
  if (auto r = load_demo_evaluation(*s, agency->id, plan->id); !r) return report(r.error());
  // Commendation, part 1 (issue 6): ratings of 2024 and 2025, a sanction, a maternity leave and
  // past awards, so that the eligibility page is alive.
  if (auto r = load_demo_eligibility(*s, agency->id); !r) return report(r.error());
  // Issue 6, part h6c: nominations of 2025, a council session held (ballots counted) and one in
  // progress; the chair gets the account "chutich".
  if (auto r = load_demo_nominations(*s, agency->id, password); !r) return report(r.error());
  // Commendation of 2025 (issue 6, part D): decision 45 issued with its certificates, decision
  // 46 a draft, submission 12/TTr-BDT for the provincial chairman's Bằng khen sent.
  if (auto r = load_demo_decisions(*s, agency->id, plan->id); !r) return report(r.error());
  // issue 7 follow-up: the duties' tasks as they stood at the end of 2025 (most done, two late).
  if (auto r = load_demo_followup(*s, plan->id); !r) return report(r.error());
  // issue 7 review reports (h7rr): the mid-term review 2023 sent, the final review 2025 drafted.
  if (auto r = load_demo_reports(*s, agency->id, plan->id); !r) return report(r.error());
  // issue 7 (part h7sf): Sở Nội vụ above Ban Dân tộc and a second agency; the authority's "tinh".
  if (auto r = load_demo_province(*s, agency->id, password); !r) return report(r.error());
  s->db->close();

  std::cout << "\n  Dữ liệu mẫu: " << agency->name << " — " << std::size(kUnits) << " đơn vị, " << std::size(kPeople)
            << " cán bộ, Hội đồng TĐKT 2021 - 2026,\n  phong trào \"Cả nước chung sức xây dựng nông thôn mới\" 2021 - 2025 (đã sơ kết)"
               " và bản nháp 2026 - 2030\n  Tài khoản (mật khẩu chung / shared password: "
            << (env && *env ? std::string("THIDUA_DEMO_PASSWORD") : password) << ")\n";
  std::cout << "    " << std::left << std::setw(13) << "admin"
            << "Quản trị hệ thống — tài khoản, sao lưu"
            << (admin_env && *admin_env ? " (mật khẩu: THIDUA_ADMIN_PASSWORD)" : "") << "\n";
  for (const auto& p : kPeople) {
    if (p.login) std::cout << "    " << std::left << std::setw(13) << p.login << p.name << " — " << shows(p.role) << "\n";
  }
  // The council's chair gets his account with the nominations' demo (the session he chairs).
  std::cout << "    " << std::left << std::setw(13) << "chutich"
            << "Nông Văn Chiến — Chủ tịch Hội đồng TĐKT: phiên họp, bỏ phiếu kín\n";
  std::cout << "    " << std::left << std::setw(13) << kProvinceLogin  // issue 7 (part h7sf)
            << "Lương Thị Hạnh — Sở Nội vụ (Ban TĐKT tỉnh): báo cáo nhận được, tổng hợp toàn tỉnh\n";
  std::cout << "  Cũng có: bình xét 2025, xét điều kiện, đề nghị và phiên họp Hội đồng, quyết định 45/QĐ-BDT và Giấy khen.\n";
  std::cout << std::endl;
  return 0;
}

}  // namespace thidua::cli
