#include <iomanip>
#include <iostream>

#include "cli/commands.hpp"
#include "services/crypto.hpp"

namespace thidua::cli {

namespace {

struct DemoUser {
  const char* login;
  const char* name;
  Role role;
  const char* shows;
};

// The seed's agency and the people who use it. Later features add their data here.
constexpr DemoUser kDemoUsers[] = {
    {"vanphong", "Nông Thị Hoa", Role::office, "Văn phòng: theo dõi phong trào, hồ sơ, báo cáo"},
    {"lanhdao", "Hà Văn Vui", Role::leader, "Lãnh đạo Ban: phát động, phê duyệt, ký quyết định"},
    {"hoidong", "Lương Văn Thành", Role::council, "Thành viên Hội đồng TĐKT: bỏ phiếu kín"},
    {"truongphong", "Hoàng Thị Lan", Role::unit_head, "Trưởng phòng: đăng ký, duyệt kết quả của phòng"},
    {"canbo", "Đàm Văn Đức", Role::staff, "Công chức: đăng ký thi đua, ghi nhận kết quả"},
};

}  // namespace

int demo(const Common& common) {
  auto config = resolve_config(common);
  if (!config) return report(config.error());
  config->threads = 1;
  config->db_pool = 1;
  auto s = app::open_services(*config, true);
  if (!s) return report(s.error());
  auto actor = services::operator_principal("demo");
  auto agency = s->users->ensure_agency(actor, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
  if (!agency) return report(agency.error());

  const char* env = std::getenv("THIDUA_DEMO_PASSWORD");
  std::string password = env && *env ? env : services::random_token(12);
  int created = 0;
  auto add = [&](const char* login, const char* name, Role role, const std::string& agency_code,
                 const std::string& pw) -> int {
    if (s->users->get_user(actor, login)) return 0;  // already loaded: loading twice changes nothing
    services::NewUserInput in;
    in.login = login;
    in.display_name = name;
    in.password = pw;
    in.agency_code = agency_code;
    in.roles = {std::string(to_string(role))};
    auto r = s->users->add_user(actor, in);
    if (!r) return report(r.error());
    ++created;
    return 0;
  };
  // The administrator takes THIDUA_ADMIN_PASSWORD when given, like `thidua serve` does.
  const char* admin_env = std::getenv("THIDUA_ADMIN_PASSWORD");
  std::string admin_password = admin_env && *admin_env ? admin_env : password;
  if (int rc = add("admin", "Quản trị hệ thống", Role::admin, "", admin_password); rc) return rc;
  for (const auto& u : kDemoUsers) {
    if (int rc = add(u.login, u.name, u.role, "BDT", password); rc) return rc;
  }
  s->db->close();
  if (created == 0) {
    std::cout << "Dữ liệu mẫu đã có sẵn; không thay đổi gì. (Demo data already loaded.)" << std::endl;
    return 0;
  }
  std::cout << "\n  Dữ liệu mẫu: " << agency->name << "\n  Tài khoản (mật khẩu chung / shared password: "
            << (env && *env ? std::string("THIDUA_DEMO_PASSWORD") : password) << ")\n";
  std::cout << "    admin        Quản trị hệ thống — tài khoản, sao lưu"
            << (admin_env && *admin_env ? " (mật khẩu: THIDUA_ADMIN_PASSWORD)" : "") << "\n";
  for (const auto& u : kDemoUsers) {
    std::cout << "    " << std::left << std::setw(13) << u.login << u.name << " — " << u.shows << "\n";
  }
  std::cout << std::endl;
  return 0;
}

}  // namespace thidua::cli
