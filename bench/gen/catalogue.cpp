#include "catalogue.hpp"

#include <cstdio>

namespace thidua::gen {

namespace {

// Cluster indices (see cluster_catalogue()).
constexpr int kGeneral = 0, kEconomy = 1, kSociety = 2, kDistricts = 3, kHealth = 4, kDistrictUnits = 5,
              kHighSchools = 6, kSchools = 7;

constexpr std::string_view kProvinceAddress = "thành phố Cao Bằng, tỉnh Cao Bằng";

struct Fixed {
  std::string_view code;
  std::string_view name;
  Profile profile;
  int cluster;
  int size_weight;
};

// The provincial departments and agencies directly under UBND tỉnh.
constexpr Fixed kProvincial[] = {
    {"SNV", "Sở Nội vụ", Profile::department, kGeneral, 10},
    {"STC", "Sở Tài chính", Profile::department, kGeneral, 10},
    {"SKHDT", "Sở Kế hoạch và Đầu tư", Profile::department, kGeneral, 10},
    {"STP", "Sở Tư pháp", Profile::department, kGeneral, 8},
    {"SCT", "Sở Công Thương", Profile::department, kEconomy, 10},
    {"SNN", "Sở Nông nghiệp và Phát triển nông thôn", Profile::department, kEconomy, 16},
    {"SGTVT", "Sở Giao thông vận tải", Profile::department, kEconomy, 10},
    {"SXD", "Sở Xây dựng", Profile::department, kEconomy, 8},
    {"STNMT", "Sở Tài nguyên và Môi trường", Profile::department, kEconomy, 10},
    {"STTTT", "Sở Thông tin và Truyền thông", Profile::department, kSociety, 7},
    {"SLDTBXH", "Sở Lao động - Thương binh và Xã hội", Profile::department, kSociety, 10},
    {"SVHTTDL", "Sở Văn hoá, Thể thao và Du lịch", Profile::department, kSociety, 12},
    {"SKHCN", "Sở Khoa học và Công nghệ", Profile::department, kSociety, 7},
    {"SGDDT", "Sở Giáo dục và Đào tạo", Profile::department, kSociety, 10},
    {"SYT", "Sở Y tế", Profile::department, kSociety, 10},
    {"SNGV", "Sở Ngoại vụ", Profile::department, kGeneral, 6},
    {"TTT", "Thanh tra tỉnh", Profile::inspectorate, kGeneral, 6},
    {"VPUBND", "Văn phòng UBND tỉnh", Profile::office, kGeneral, 10},
    {"BDT", "Ban Dân tộc", Profile::board, kGeneral, 6},
    {"BQLKKT", "Ban Quản lý Khu kinh tế tỉnh", Profile::board, kEconomy, 6},
    {"BQLDA", "Ban Quản lý dự án đầu tư xây dựng tỉnh", Profile::board, kEconomy, 6},
    {"PTTH", "Đài Phát thanh và Truyền hình Cao Bằng", Profile::institute, kSociety, 10},
    {"TCT", "Trường Chính trị Hoàng Đình Giong", Profile::college, kSociety, 6},
    {"CDCB", "Trường Cao đẳng Cao Bằng", Profile::college, kSociety, 12},
    {"BVDK", "Bệnh viện Đa khoa tỉnh Cao Bằng", Profile::health, kHealth, 40},
    {"BVYHCT", "Bệnh viện Y học cổ truyền tỉnh", Profile::health, kHealth, 15},
    {"CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", Profile::health, kHealth, 12},
    {"LMHTX", "Liên minh Hợp tác xã tỉnh", Profile::institute, kEconomy, 4},
};

struct District {
  std::string_view name;  ///< "huyện Bảo Lạc"
  std::string_view communes[5];
};

constexpr District kDistrictList[] = {
    {"thành phố Cao Bằng", {"Hợp Giang", "Sông Hiến", "Đề Thám", "Duyệt Trung", "Hoà Chung"}},
    {"huyện Bảo Lạc", {"Bảo Lạc", "Cốc Pàng", "Khánh Xuân", "Hưng Đạo", "Huy Giáp"}},
    {"huyện Bảo Lâm", {"Pác Miầu", "Lý Bôn", "Nam Quang", "Mông Ân", "Thái Học"}},
    {"huyện Hà Quảng", {"Xuân Hoà", "Thông Nông", "Trường Hà", "Sóc Hà", "Lũng Nặm"}},
    {"huyện Hạ Lang", {"Thanh Nhật", "Vinh Quý", "Quang Long", "Lý Quốc", "Đức Quang"}},
    {"huyện Hoà An", {"Nước Hai", "Bạch Đằng", "Hồng Việt", "Đức Long", "Dân Chủ"}},
    {"huyện Nguyên Bình", {"Nguyên Bình", "Tĩnh Túc", "Ca Thành", "Minh Tâm", "Thành Công"}},
    {"huyện Quảng Hoà", {"Quảng Uyên", "Hoà Thuận", "Tà Lùng", "Phúc Sen", "Cai Bộ"}},
    {"huyện Thạch An", {"Đông Khê", "Lê Lai", "Đức Xuân", "Canh Tân", "Kim Đồng"}},
    {"huyện Trùng Khánh", {"Trùng Khánh", "Trà Lĩnh", "Đình Phong", "Ngọc Côn", "Quang Hán"}},
};

struct HighSchool {
  std::string_view name;
  int district;  ///< index into kDistrictList
};

constexpr HighSchool kHighSchoolList[] = {
    {"Trường THPT Chuyên Cao Bằng", 0}, {"Trường THPT Thành phố Cao Bằng", 0}, {"Trường THPT Cao Bình", 0},
    {"Trường THPT Bế Văn Đàn", 0},      {"Trường Phổ thông Dân tộc nội trú tỉnh", 0},
    {"Trường THPT Bảo Lạc", 1},         {"Trường THPT Cốc Pàng", 1},
    {"Trường THPT Bảo Lâm", 2},         {"Trường THPT Lý Bôn", 2},
    {"Trường THPT Hà Quảng", 3},        {"Trường THPT Nà Giàng", 3},       {"Trường THPT Lục Khu", 3},
    {"Trường THPT Thông Nông", 3},      {"Trường THPT Hạ Lang", 4},        {"Trường THPT Bằng Ca", 4},
    {"Trường THPT Hoà An", 5},          {"Trường THPT Nguyễn Bỉnh Khiêm", 5},
    {"Trường THPT Nguyên Bình", 6},     {"Trường THPT Tĩnh Túc", 6},
    {"Trường THPT Quảng Uyên", 7},      {"Trường THPT Phục Hoà", 7},
    {"Trường THPT Thạch An", 8},        {"Trường THPT Canh Tân", 8},
    {"Trường THPT Trùng Khánh", 9},     {"Trường THPT Trà Lĩnh", 9},       {"Trường THPT Pò Tấu", 9},
};

std::string address_of(int district) {
  return std::string(kDistrictList[district].name) + ", tỉnh Cao Bằng";
}

/// Everything but the provincial list, in catalogue order; `round` > 1 numbers the schools.
void add_local(std::vector<AgencySpec>& out, int n, int round) {
  auto push = [&](std::string name, Profile p, int cluster, int district, int weight) {
    if (static_cast<int>(out.size()) >= n) return;
    out.push_back({"", std::move(name), p, cluster, address_of(district), weight});
  };
  constexpr int kDistrictCount = static_cast<int>(std::size(kDistrictList));
  if (round == 1) {
    for (int d = 0; d < kDistrictCount; ++d) {
      push("UBND " + std::string(kDistrictList[d].name), Profile::district, kDistricts, d, 25);
    }
    for (int d = 0; d < kDistrictCount; ++d) {
      const std::string dn(kDistrictList[d].name);
      push("Trung tâm Y tế " + dn, Profile::health, kHealth, d, 15);
      push("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên " + dn, Profile::institute, kDistrictUnits, d, 4);
      push("Ban Quản lý dự án đầu tư xây dựng " + dn, Profile::institute, kDistrictUnits, d, 3);
      push("Trung tâm Văn hoá - Thể thao và Truyền thông " + dn, Profile::institute, kDistrictUnits, d, 3);
    }
    for (const auto& hs : kHighSchoolList) push(std::string(hs.name), Profile::school, kHighSchools, hs.district, 6);
  }
  const std::string suffix = round == 1 ? "" : " số " + std::to_string(round);
  for (int d = 0; d < kDistrictCount; ++d) {
    for (auto commune : kDistrictList[d].communes) {
      const std::string c(commune);
      push("Trường THCS " + c + suffix, Profile::school, kSchools, d, 3);
      push("Trường Tiểu học " + c + suffix, Profile::school, kSchools, d, 3);
      push("Trường Mầm non " + c + suffix, Profile::school, kSchools, d, 2);
    }
  }
}

}  // namespace

std::vector<AgencySpec> agency_catalogue(int n) {
  std::vector<AgencySpec> out;
  out.reserve(static_cast<std::size_t>(n));
  for (const auto& f : kProvincial) {
    if (static_cast<int>(out.size()) >= n) break;
    out.push_back({std::string(f.code), std::string(f.name), f.profile, f.cluster, std::string(kProvinceAddress),
                   f.size_weight});
  }
  for (int round = 1; static_cast<int>(out.size()) < n; ++round) add_local(out, n, round);
  int serial = 0;
  for (auto& a : out) {
    if (!a.code.empty()) continue;
    char code[32];
    std::snprintf(code, sizeof code, "A%03d", ++serial);
    a.code = code;
  }
  return out;
}

TitlePair agency_titles(Profile p) {
  switch (p) {
    case Profile::board: return {"Trưởng ban", "Phó Trưởng ban"};
    case Profile::inspectorate: return {"Chánh Thanh tra", "Phó Chánh Thanh tra"};
    case Profile::office: return {"Chánh Văn phòng", "Phó Chánh Văn phòng"};
    case Profile::district: return {"Chủ tịch", "Phó Chủ tịch"};
    case Profile::school:
    case Profile::college: return {"Hiệu trưởng", "Phó Hiệu trưởng"};
    case Profile::department:
    case Profile::health:
    case Profile::institute: break;
  }
  return {"Giám đốc", "Phó Giám đốc"};
}

const std::vector<std::string_view>& department_names(Profile p) {
  static const std::vector<std::string_view> kGeneric = {
      "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Phòng Pháp chế", "Phòng Tổng hợp",
      "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Chính sách", "Phòng Quản lý chuyên ngành",
      "Phòng Kiểm tra", "Phòng Công nghệ thông tin", "Phòng Hợp tác và Đầu tư", "Trung tâm Thông tin"};
  static const std::vector<std::string_view> kDepartment = {
      "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Phòng Pháp chế", "Thanh tra Sở",
      "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Phòng Chính sách", "Phòng Quản lý chuyên ngành",
      "Chi cục Quản lý chất lượng", "Phòng Công nghệ thông tin", "Phòng Hợp tác và Đầu tư", "Trung tâm Thông tin"};
  static const std::vector<std::string_view> kInspectorate = {
      "Phòng Thanh tra 1", "Phòng Thanh tra 2", "Phòng Thanh tra 3", "Phòng Thanh tra 4",
      "Phòng Tiếp công dân và Xử lý đơn thư", "Phòng Phòng, chống tham nhũng",
      "Phòng Giám sát, kiểm tra và Xử lý sau thanh tra", "Phòng Tổng hợp", "Phòng Pháp chế", "Phòng Nghiệp vụ"};
  static const std::vector<std::string_view> kDistrict = {
      "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Phòng Giáo dục và Đào tạo", "Phòng Tư pháp", "Phòng Y tế",
      "Phòng Văn hoá và Thông tin", "Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội",
      "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Kinh tế và Hạ tầng", "Phòng Dân tộc", "Thanh tra huyện"};
  static const std::vector<std::string_view> kSchool = {
      "Tổ Toán", "Tổ Ngữ văn", "Tổ Ngoại ngữ", "Tổ Vật lý - Công nghệ", "Tổ Hoá - Sinh", "Tổ Lịch sử - Địa lý",
      "Tổ Giáo dục thể chất - Quốc phòng", "Tổ Tin học", "Tổ Giáo dục công dân", "Tổ Nghệ thuật"};
  static const std::vector<std::string_view> kCollege = {
      "Khoa Sư phạm", "Khoa Kinh tế", "Khoa Kỹ thuật", "Khoa Y dược", "Khoa Lý luận cơ sở", "Khoa Nông lâm",
      "Phòng Đào tạo", "Phòng Quản lý khoa học", "Phòng Công tác học sinh, sinh viên",
      "Trung tâm Ngoại ngữ - Tin học"};
  static const std::vector<std::string_view> kHealthUnits = {
      "Khoa Khám bệnh", "Khoa Nội tổng hợp", "Khoa Ngoại tổng hợp", "Khoa Sản", "Khoa Nhi",
      "Khoa Hồi sức cấp cứu", "Khoa Xét nghiệm", "Khoa Chẩn đoán hình ảnh", "Khoa Dược", "Khoa Y học cổ truyền",
      "Phòng Kế hoạch tổng hợp", "Phòng Điều dưỡng"};
  switch (p) {
    case Profile::department: return kDepartment;
    case Profile::inspectorate: return kInspectorate;
    case Profile::district: return kDistrict;
    case Profile::school: return kSchool;
    case Profile::college: return kCollege;
    case Profile::health: return kHealthUnits;
    case Profile::board:
    case Profile::office:
    case Profile::institute: break;
  }
  return kGeneric;
}

TitlePair unit_titles(std::string_view unit_name) {
  auto starts = [&](std::string_view p) { return unit_name.substr(0, p.size()) == p; };
  if (starts("Tổ ")) return {"Tổ trưởng", "Tổ phó"};
  if (starts("Khoa ")) return {"Trưởng khoa", "Phó Trưởng khoa"};
  if (starts("Văn phòng")) return {"Chánh Văn phòng", "Phó Chánh Văn phòng"};
  if (starts("Thanh tra")) return {"Chánh Thanh tra", "Phó Chánh Thanh tra"};
  if (starts("Trung tâm")) return {"Giám đốc Trung tâm", "Phó Giám đốc Trung tâm"};
  if (starts("Chi cục")) return {"Chi cục trưởng", "Phó Chi cục trưởng"};
  return {"Trưởng phòng", "Phó Trưởng phòng"};
}

namespace {

struct WeightedPosition {
  std::string_view position;
  int weight;
};

std::string_view pick(Rng& rng, const std::vector<WeightedPosition>& list) {
  std::vector<int> w;
  w.reserve(list.size());
  for (const auto& p : list) w.push_back(p.weight);
  return list[rng.weighted(w)].position;
}

}  // namespace

std::string_view staff_position(Rng& rng, Profile p, UnitKind unit_kind) {
  static const std::vector<WeightedPosition> kOffice = {{"Chuyên viên", 40}, {"Kế toán", 15}, {"Văn thư", 15},
                                                        {"Thủ quỹ", 5},      {"Lái xe", 10},  {"Nhân viên", 10},
                                                        {"Bảo vệ", 5}};
  static const std::vector<WeightedPosition> kSchoolOffice = {{"Kế toán", 25},           {"Văn thư", 20},
                                                              {"Thủ quỹ", 10},           {"Nhân viên thiết bị", 15},
                                                              {"Nhân viên y tế", 10},    {"Bảo vệ", 10}};
  static const std::vector<WeightedPosition> kStaff = {
      {"Chuyên viên", 65}, {"Chuyên viên chính", 25}, {"Cán sự", 5}, {"Kế toán", 5}};
  static const std::vector<WeightedPosition> kTeacher = {{"Giáo viên", 1}};
  static const std::vector<WeightedPosition> kLecturer = {{"Giảng viên", 75}, {"Giảng viên chính", 25}};
  static const std::vector<WeightedPosition> kClinical = {
      {"Bác sĩ", 30}, {"Điều dưỡng", 40}, {"Kỹ thuật viên", 12}, {"Dược sĩ", 8}, {"Hộ sinh", 10}};
  const bool teaching = p == Profile::school || p == Profile::college;
  if (unit_kind != UnitKind::department) return pick(rng, teaching ? kSchoolOffice : kOffice);
  switch (p) {
    case Profile::school: return pick(rng, kTeacher);
    case Profile::college: return pick(rng, kLecturer);
    case Profile::health: return pick(rng, kClinical);
    default: return pick(rng, kStaff);
  }
}

EmploymentKind employment_for(Rng& rng, Profile p, std::string_view position) {
  if (position == "Lái xe" || position == "Bảo vệ" || position == "Nhân viên" || position == "Nhân viên thiết bị") {
    return rng.chance(700) ? EmploymentKind::contract_worker : EmploymentKind::public_employee;
  }
  switch (p) {
    case Profile::department:
    case Profile::board:
    case Profile::inspectorate:
    case Profile::office:
    case Profile::district:
      return rng.chance(950) ? EmploymentKind::civil_servant : EmploymentKind::contract_worker;
    default: return rng.chance(920) ? EmploymentKind::public_employee : EmploymentKind::contract_worker;
  }
}

const std::vector<ClusterSpec>& cluster_catalogue() {
  static const std::vector<ClusterSpec> kClusters = {
      {"K01", "Khối thi đua các cơ quan tổng hợp"},
      {"K02", "Khối thi đua các cơ quan kinh tế"},
      {"K03", "Khối thi đua các cơ quan văn hoá - xã hội"},
      {"K04", "Khối thi đua các huyện, thành phố"},
      {"K05", "Khối thi đua các đơn vị y tế"},
      {"K06", "Khối thi đua các đơn vị sự nghiệp cấp huyện"},
      {"K07", "Khối thi đua các trường trung học phổ thông"},
      {"K08", "Khối thi đua các trường THCS, tiểu học và mầm non"},
  };
  return kClusters;
}

}  // namespace thidua::gen
