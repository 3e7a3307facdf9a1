// The demo's communes. The catalogue is an excerpt of Cao Bằng's communes as they were before
// the 2025 reorganisation (real names of Bảo Lâm, Bảo Lạc, Hà Quảng, Nguyên Bình and Thạch An;
// codes in the official 5-digit form but illustrative). Which communes Ban Dân tộc supports,
// its targets, the assessments' figures, the merger's details and the recognition are
// illustrative too: only Decision 1177/QĐ-UBND of 12/09/2022 comes from the seed plan.

#include "cli/demo_communes.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "documents/document.hpp"
#include "documents/pdf_writer.hpp"
#include "services/crypto.hpp"
#include "services/validation.hpp"

namespace thidua::cli {

namespace {

struct DemoCommune {
  const char* code;
  const char* name;
  const char* kind;
  const char* district;
};

constexpr DemoCommune kCatalogue[] = {
    {"01290", "Pác Miầu", "thi_tran", "Bảo Lâm"},   {"01291", "Đức Hạnh", "xa", "Bảo Lâm"},
    {"01294", "Lý Bôn", "xa", "Bảo Lâm"},           {"01297", "Nam Cao", "xa", "Bảo Lâm"},
    {"01300", "Nam Quang", "xa", "Bảo Lâm"},        {"01303", "Vĩnh Quang", "xa", "Bảo Lâm"},
    {"01306", "Quảng Lâm", "xa", "Bảo Lâm"},        {"01309", "Thạch Lâm", "xa", "Bảo Lâm"},
    {"01312", "Vĩnh Phong", "xa", "Bảo Lâm"},       {"01315", "Mông Ân", "xa", "Bảo Lâm"},
    {"01318", "Thái Học", "xa", "Bảo Lâm"},         {"01324", "Yên Thổ", "xa", "Bảo Lâm"},
    {"01327", "Bảo Lạc", "thi_tran", "Bảo Lạc"},    {"01330", "Cốc Pàng", "xa", "Bảo Lạc"},
    {"01333", "Thượng Hà", "xa", "Bảo Lạc"},        {"01336", "Cô Ba", "xa", "Bảo Lạc"},
    {"01339", "Bảo Toàn", "xa", "Bảo Lạc"},         {"01342", "Khánh Xuân", "xa", "Bảo Lạc"},
    {"01345", "Xuân Trường", "xa", "Bảo Lạc"},      {"01348", "Hồng Trị", "xa", "Bảo Lạc"},
    {"01351", "Kim Cúc", "xa", "Bảo Lạc"},          {"01357", "Hồng An", "xa", "Bảo Lạc"},
    {"01360", "Hưng Đạo", "xa", "Bảo Lạc"},         {"01369", "Đình Phùng", "xa", "Bảo Lạc"},
    {"01390", "Xuân Hòa", "thi_tran", "Hà Quảng"},  {"01393", "Lũng Nặm", "xa", "Hà Quảng"},
    {"01396", "Trường Hà", "xa", "Hà Quảng"},       {"01399", "Vân An", "xa", "Hà Quảng"},
    {"01402", "Cải Viên", "xa", "Hà Quảng"},        {"01405", "Nội Thôn", "xa", "Hà Quảng"},
    {"01408", "Sóc Hà", "xa", "Hà Quảng"},          {"01480", "Nguyên Bình", "thi_tran", "Nguyên Bình"},
    {"01483", "Tĩnh Túc", "thi_tran", "Nguyên Bình"}, {"01486", "Yên Lạc", "xa", "Nguyên Bình"},
    {"01489", "Triệu Nguyên", "xa", "Nguyên Bình"}, {"01492", "Ca Thành", "xa", "Nguyên Bình"},
    {"01495", "Vũ Nông", "xa", "Nguyên Bình"},      {"01501", "Thể Dục", "xa", "Nguyên Bình"},
    {"01504", "Mai Long", "xa", "Nguyên Bình"},     {"01510", "Tam Kim", "xa", "Nguyên Bình"},
    {"01570", "Đông Khê", "thi_tran", "Thạch An"},  {"01573", "Canh Tân", "xa", "Thạch An"},
    {"01576", "Kim Đồng", "xa", "Thạch An"},        {"01579", "Minh Khai", "xa", "Thạch An"},
    {"01582", "Đức Thông", "xa", "Thạch An"},       {"01585", "Thái Cường", "xa", "Thạch An"},
    {"01588", "Vân Trình", "xa", "Thạch An"},       {"01594", "Lê Lai", "xa", "Thạch An"},
};

/// The half-yearly assessment dates, and each assigned commune's criteria met on them (0: none).
constexpr const char* kDates[] = {"2022-12-20", "2023-06-20", "2023-12-20", "2024-06-20",
                                  "2024-12-20", "2025-06-20", "2025-12-20"};
struct DemoAssignment {
  const char* code;
  const char* level;
  const char* year;
  const char* contacts[2];  ///< demo people's names
  int met[7];
};
constexpr DemoAssignment kAssigned[] = {
    {"01294", "ntm", "2025", {"Đàm Văn Đức", "Lâm Văn Hùng"}, {11, 12, 12, 13, 14, 15, 16}},
    {"01297", "ntm", "2026", {"Đàm Văn Đức", "Triệu Thị Ánh"}, {9, 10, 11, 11, 12, 13, 0}},
    {"01348", "ntm", "2025", {"Lương Văn Thành", "Đàm Văn Đức"}, {13, 14, 15, 16, 17, 18, 19}},
    {"01399", "ntm_advanced", "2025", {"Lâm Văn Hùng", "Đàm Văn Đức"}, {8, 9, 10, 11, 12, 12, 13}},
    {"01573", "ntm", "2025", {"Lục Văn Quang", "Đàm Văn Đức"}, {10, 11, 12, 13, 14, 14, 15}},
};

/// What was not met yet, in the words a working group writes (criterion number → note).
const char* gap_note(int number) {
  switch (number) {
    case 2: return "Đường trục thôn còn 3,2 km chưa cứng hóa";
    case 5: return "Điểm trường thôn chưa đạt chuẩn cơ sở vật chất";
    case 6: return "Nhà văn hóa xã đang xây dựng";
    case 7: return "Chưa có chợ nông thôn đạt chuẩn";
    case 9: return "Còn hộ ở nhà tạm, dột nát";
    case 10: return "Thu nhập bình quân còn thấp hơn mức chuẩn của vùng";
    case 11: return "Tỷ lệ hộ nghèo đa chiều còn cao";
    case 12: return "Tỷ lệ lao động qua đào tạo chưa đạt";
    case 13: return "Chưa có hợp tác xã hoạt động hiệu quả";
    case 14: return "Tỷ lệ học sinh học tiếp sau THCS chưa đạt";
    case 15: return "Tỷ lệ tham gia bảo hiểm y tế chưa đạt";
    case 17: return "Chưa có điểm thu gom rác thải tập trung";
    default: return "Đang hoàn thiện hồ sơ";
  }
}

/// The same for the 10 criteria of 2026–2030.
const char* gap_note_2026(int number) {
  switch (number) {
    case 3: return "Chưa có sản phẩm OCOP của xã";
    case 4: return "Tỷ lệ lao động qua đào tạo có chứng chỉ còn thấp";
    case 5: return "Trạm y tế xã xuống cấp";
    case 6: return "Tỷ lệ hộ nghèo còn cao so với mức của nhóm xã";
    case 7: return "Chưa triển khai dịch vụ công trực tuyến toàn trình";
    case 8: return "Chưa có điểm thu gom rác thải tập trung";
    case 9: return "Đang kiện toàn bộ máy sau sáp nhập";
    case 10: return "Đang hoàn thiện hồ sơ";
    default: return "Đang hoàn thiện hồ sơ";
  }
}

/// The items of an assessment: the `met` criteria with the lowest numbers that are usually met
/// first (planning, electricity, …) count as met, the rest not, each with a note.
std::vector<services::AssessmentItemInput> items_for(const CriteriaSet& set, int met) {
  // Criteria a mountain commune usually meets first, then the harder ones.
  static constexpr int kOrder[] = {1, 4, 8, 18, 19, 3, 16, 15, 12, 14, 6, 2, 5, 11, 17, 10, 13, 9, 7};
  std::vector<int> met_numbers;
  for (int n : kOrder) {
    if (static_cast<int>(met_numbers.size()) < met) met_numbers.push_back(n);
  }
  std::vector<services::AssessmentItemInput> out;
  for (const auto& c : set.criteria) {
    bool is_met = set.criteria.size() >= 19 ? std::find(met_numbers.begin(), met_numbers.end(), c.number) != met_numbers.end()
                                            : c.number <= met;
    const char* note = set.criteria.size() >= 19 ? gap_note(c.number) : gap_note_2026(c.number);
    out.push_back({std::to_string(c.id), is_met ? "1" : "0", "", is_met ? "" : note});
  }
  return out;
}

/// The working group's minutes of an assessment as a PDF (an evidence file of the demo).
Result<services::EvidenceUpload> minutes_pdf(const app::Services& s, const std::string& commune, const std::string& date,
                                             const services::AssessmentInput& in, const CriteriaSet& set) {
  namespace d = documents;
  d::Document doc;
  doc.header.parent_body = "UBND TỈNH CAO BẰNG";
  doc.header.agency = "BAN DÂN TỘC";
  doc.header.place = "Cao Bằng";
  doc.header.year = std::stoi(date.substr(0, 4));
  doc.header.month = std::stoi(date.substr(5, 2));
  doc.header.day = std::stoi(date.substr(8, 2));
  doc.type = "BIÊN BẢN";
  doc.summary = "Rà soát kết quả thực hiện Bộ tiêu chí xã nông thôn mới tại xã " + commune;
  auto para = [](std::string text) {
    d::Paragraph p;
    p.runs.push_back({std::move(text)});
    p.first_line_indent_mm = 10;
    return p;
  };
  doc.body.push_back(para("Tổ công tác của Ban Dân tộc tỉnh Cao Bằng cùng Ủy ban nhân dân xã " + commune +
                          " rà soát kết quả thực hiện từng tiêu chí theo " + set.name + " (dữ liệu minh họa)."));
  d::TableBlock t;
  t.column_widths = {12, 80, 25, 53};
  t.rows.push_back({{{{para("TT")}}, {{para("Tiêu chí")}}, {{para("Kết quả")}}, {{para("Ghi chú")}}}, true});
  for (std::size_t i = 0; i < set.criteria.size() && i < in.items.size(); ++i) {
    const auto& c = set.criteria[i];
    t.rows.push_back({{{{para(std::to_string(c.number))}},
                       {{para(c.name)}},
                       {{para(in.items[i].met == "1" ? "Đạt" : "Chưa đạt")}},
                       {{para(in.items[i].note)}}},
                      false});
  }
  doc.body.push_back(std::move(t));
  doc.signature = {"TM. TỔ CÔNG TÁC", "TỔ TRƯỞNG", "Lương Văn Thành"};
  doc.metadata.created = date + "T09:00:00";
  auto bytes = d::write_pdf(doc);
  if (!bytes) return fail(bytes.error());
  auto dir = app::upload_dir(s.config);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto path = dir / ("upload-demo-" + services::random_token(8) + ".pdf");
  std::ofstream(path, std::ios::binary) << *bytes;
  services::EvidenceUpload u;
  u.file_name = "bien-ban-ra-soat-" + date + ".pdf";
  u.path = path;
  u.size = bytes->size();
  u.sha256 = services::sha256_hex(*bytes);
  u.head = bytes->substr(0, 8192);
  u.caption = "Biên bản rà soát của Tổ công tác";
  return u;
}

std::string today() {
  return to_iso(std::chrono::system_clock::now()).substr(0, 10);
}

}  // namespace

Result<DemoCommunes> load_demo_communes(app::Services& s, const Principal& actor, std::int64_t agency_id,
                                        const std::string& assessor_login) {
  DemoCommunes out;
  auto& svc = *s.communes;
  for (const auto& c : kCatalogue) {
    auto r = svc.create_commune(actor, {c.code, c.name, c.kind, c.district, "Cao Bằng", ""});
    if (!r) return fail(r.error());
    ++out.catalogue;
  }
  // The 2025 reorganisation (two-level local government from 01/07/2025): Nam Cao and Nam
  // Quang become the new commune of Nam Quang, without a district. Illustrative details.
  auto created = svc.create_commune(actor, {"01299", "Nam Quang", "xa", "", "Cao Bằng", "01/07/2025"});
  if (!created) return fail(created.error());
  ++out.catalogue;

  auto people = svc.contact_choices(actor, agency_id);
  if (!people) return fail(people.error());
  auto person_id = [&](const std::string& name) -> std::string {
    // The choices read "Name (CODE)".
    for (const auto& [id, n] : *people) {
      if (n == name || n.starts_with(name + " (")) return std::to_string(id);
    }
    return {};
  };
  auto assessor = s.users->get_user(actor, assessor_login);
  if (!assessor) return fail(assessor.error());
  Principal staff;
  staff.user_id = assessor->id;
  staff.login = assessor->login;
  staff.display_name = assessor->display_name;
  staff.agency_id = agency_id;
  staff.grants.push_back({Role::staff, agency_id, std::nullopt});

  const std::string now = today();
  std::vector<std::pair<std::int64_t, const DemoAssignment*>> assigned;
  for (const auto& a : kAssigned) {
    services::AssignmentInput in;
    in.commune_code = a.code;
    in.decision_ref = "1177/QĐ-UBND";
    in.decision_date = "12/09/2022";
    in.target_level = a.level;
    in.target_year = a.year;
    in.note = "Phụ trách, giúp đỡ xã xây dựng nông thôn mới giai đoạn 2021 - 2025 (phân công minh họa).";
    in.contact_role = "Thành viên Tổ công tác giúp đỡ xã";
    for (const char* name : a.contacts) in.contact_ids.push_back(person_id(name));
    auto r = svc.assign(actor, agency_id, in);
    if (!r) return fail(r.error());
    assigned.emplace_back(r->commune_id, &a);
    ++out.assigned;
  }

  auto record = [&](std::int64_t commune_id, const std::string& date, int met, const char* note) -> Result<void> {
    if (date > now) return {};  // the demo never writes the future
    auto form = svc.assessment_form(staff, commune_id, date);
    if (!form) return fail(form.error());
    services::AssessmentInput in;
    in.assessed_on = date;
    in.kind = date.substr(5, 2) == "12" ? "annual" : "half_year";
    in.note = note;
    in.items = items_for(form->set, met);
    // The year-end reviews carry the working group's minutes.
    std::vector<services::EvidenceUpload> files;
    if (svc.takes_files() && date.substr(5, 2) == "12") {
      auto minutes = minutes_pdf(s, form->commune.name, date, in, form->set);
      if (!minutes) return fail(minutes.error());
      files.push_back(std::move(*minutes));
    }
    auto r = svc.record_assessment(staff, commune_id, in, files);
    if (!r) return fail(r.error());
    ++out.assessments;
    return {};
  };
  for (const auto& [commune_id, a] : assigned) {
    for (std::size_t i = 0; i < std::size(kDates); ++i) {
      if (a->met[i] == 0) continue;
      const char* note = i + 1 == std::size(kDates) ? "Tổ công tác rà soát cuối năm cùng UBND xã." : "";
      if (auto r = record(commune_id, kDates[i], a->met[i], note); !r) return fail(r.error());
    }
  }

  // The merger: Nam Cao (assigned) and the old Nam Quang go into the new Nam Quang; the
  // assignment carries on there and the old records stay with Nam Cao.
  auto merge = [&](const char* code) -> Result<void> {
    auto entry = svc.catalogue_entry_by_code(actor, code);
    if (!entry) return fail(entry.error());
    services::CommuneChangeInput in;
    in.change = "merge";
    in.into_code = "01299";
    in.effective_date = "01/07/2025";
    in.decision_ref = "NQ sắp xếp ĐVHC cấp xã tỉnh Cao Bằng 2025";
    in.note = "Tổ chức chính quyền địa phương hai cấp từ 01/07/2025 (dữ liệu minh họa).";
    auto r = svc.change_commune(actor, entry->commune.id, entry->commune.version, in);
    if (!r) return fail(r.error());
    return {};
  };
  if (auto r = merge("01297"); !r) return fail(r.error());
  if (auto r = merge("01300"); !r) return fail(r.error());
  if (auto r = record(created->id, "2025-12-20", 13, "Đánh giá lần đầu sau sáp nhập (theo địa bàn xã mới)."); !r) {
    return fail(r.error());
  }

  // Recognition: Hồng Trị recognised as a new-rural commune in 2025 (illustrative decision).
  if (now >= "2025-12-30") {
    auto hong_tri = svc.catalogue_entry_by_code(actor, "01348");
    if (!hong_tri) return fail(hong_tri.error());
    services::RecognitionInput rec;
    rec.level = "ntm";
    rec.year = "2025";
    rec.decision_ref = "2856/QĐ-UBND";
    rec.decision_date = "30/12/2025";
    rec.issuer = "UBND tỉnh Cao Bằng";
    rec.note = "Dữ liệu minh họa.";
    if (auto r = svc.add_recognition(actor, hong_tri->commune.id, rec); !r) return fail(r.error());
  }

  // 2026–2030: the communes are group 3 (zone III, ethnic-minority and mountain areas), and the
  // first assessment on the new set of 10 criteria.
  for (const char* code : {"01294", "01348", "01399", "01573", "01299"}) {
    auto e = svc.catalogue_entry_by_code(actor, code);
    if (!e) return fail(e.error());
    services::CommuneChangeInput in;
    in.change = "group";
    in.group = "3";
    in.effective_date = "15/02/2026";
    in.note = "Xã khu vực III (dữ liệu minh họa).";
    if (auto r = svc.change_commune(actor, e->commune.id, e->commune.version, in); !r) return fail(r.error());
  }
  for (const auto& [commune_id, a] : assigned) {
    if (std::string(a->code) == "01297") continue;  // merged
    int met = std::string(a->code) == "01348" ? 8 : std::string(a->code) == "01294" ? 6 : 5;
    if (auto r = record(commune_id, "2026-06-22", met, "Đánh giá lần đầu theo Bộ tiêu chí giai đoạn 2026 - 2030."); !r) {
      return fail(r.error());
    }
  }
  return out;
}

}  // namespace thidua::cli
