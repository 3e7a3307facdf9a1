#include "cli/demo_achievements.hpp"

// What Ban Dân tộc's units and people did for the seed movement, entered as they would enter
// it. Hamlets, donors and role models are fictional; the communes are the demo's assigned
// ones (demo_communes.cpp), each used only while the agency is assigned to it.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <cairo.h>

#include "documents/document.hpp"
#include "documents/pdf_writer.hpp"
#include "services/achievement_service.hpp"
#include "services/crypto.hpp"
#include "services/evidence_service.hpp"
#include "text/format.hpp"

namespace thidua::cli {

namespace {

/// The same pseudo-random sequence every run.
class Dice {
 public:
  explicit Dice(std::uint32_t seed) : s_(seed) {}
  std::uint32_t next() {
    s_ = s_ * 1664525u + 1013904223u;
    return s_ >> 8;
  }
  int in(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1)); }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[next() % N];
  }

 private:
  std::uint32_t s_;
};

constexpr const char* kHamlets[] = {"Nà Vài",   "Khuổi Khon", "Nà Pồng", "Cốc Phát", "Lũng Pán", "Bản Riển",
                                    "Nà Đon",   "Phja Đén",   "Khau Lừa", "Pác Rằng", "Nà Lẹng", "Lũng Rặc",
                                    "Cốc Xả",   "Bó Lếch",    "Nà Mỏ",    "Khuổi Pết"};
constexpr const char* kAudiences[] = {"Người dân trong xóm", "Hội viên Hội Phụ nữ xóm", "Đoàn viên thanh niên xã",
                                      "Người có uy tín, trưởng xóm và bà con", "Đồng bào dân tộc Mông trong xóm",
                                      "Hội viên Hội Nông dân, Hội Cựu chiến binh xóm"};
constexpr const char* kTopics[] = {
    "Tuyên truyền Bộ tiêu chí xã nông thôn mới và cách tham gia của người dân",
    "Tuyên truyền chính sách dân tộc, Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số",
    "Tuyên truyền vận động hiến đất, góp công làm đường giao thông nông thôn",
    "Tuyên truyền vệ sinh môi trường, xây dựng nhà tiêu hợp vệ sinh",
    "Tuyên truyền phòng, chống tảo hôn và hôn nhân cận huyết thống",
    "Phổ biến mô hình trồng cây dược liệu, chăn nuôi dưới tán rừng"};

struct Donor {
  const char* kind;
  const char* name;
  const char* scope;
};
constexpr Donor kDonors[] = {
    {"enterprise", "Công ty Cổ phần Xi măng Đông Khê", "inside"},
    {"enterprise", "Công ty TNHH Xây dựng Hoàng Long", "inside"},
    {"enterprise", "Hợp tác xã Nông nghiệp Bảo Lạc", "inside"},
    {"enterprise", "Công ty TNHH Thương mại Bình Minh (Hà Nội)", "outside"},
    {"enterprise", "Công ty Cổ phần Thực phẩm Phương Nam (TP. Hồ Chí Minh)", "outside"},
    {"organisation", "Hội Chữ thập đỏ tỉnh Cao Bằng", "inside"},
    {"organisation", "Quỹ Tấm lòng vàng Thái Nguyên", "outside"},
    {"person", "Ông Lương Quốc Hưng (Hà Nội)", "outside"},
    {"agency", "Công chức, người lao động Ban Dân tộc", "inside"},
};

/// The demo's accounts and who records for what.
struct Recorders {
  Principal office, head, staff;
};

struct Plan {
  services::AchievementInput in;
  const Principal* by = nullptr;
  enum class Fate { verified, waiting, draft, returned, withdrawn } fate = Fate::verified;
  int evidence = 0;  ///< 0 none, 1 a photo, 2 the minutes as PDF
  std::string hamlet, commune;
};

std::string iso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

/// A photo of the session, drawn: hills, the hall, a banner with the theme, the people.
std::string photo_png(const std::string& banner, const std::string& caption, std::uint32_t seed) {
  Dice dice(seed);
  auto* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 800, 500);
  auto* cr = cairo_create(surface);
  auto* sky = cairo_pattern_create_linear(0, 0, 0, 300);
  cairo_pattern_add_color_stop_rgb(sky, 0, 0.55, 0.75, 0.95);
  cairo_pattern_add_color_stop_rgb(sky, 1, 0.85, 0.92, 0.98);
  cairo_set_source(cr, sky);
  cairo_paint(cr);
  cairo_pattern_destroy(sky);
  for (int layer = 0; layer < 3; ++layer) {  // the karst hills of Cao Bằng
    cairo_set_source_rgb(cr, 0.25 + 0.1 * layer, 0.5 + 0.08 * layer, 0.3);
    cairo_move_to(cr, 0, 300);
    for (int x = 0; x <= 800; x += 80) cairo_line_to(cr, x, 170 + 40 * layer + dice.in(-45, 45));
    cairo_line_to(cr, 800, 500);
    cairo_line_to(cr, 0, 500);
    cairo_close_path(cr);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0.93, 0.88, 0.78);  // the hall's wall
  cairo_rectangle(cr, 120, 150, 560, 220);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.55, 0.1, 0.1);  // the banner
  cairo_rectangle(cr, 150, 170, 500, 60);
  cairo_fill(cr);
  cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_source_rgb(cr, 1, 0.85, 0.3);
  cairo_set_font_size(cr, 19);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, banner.c_str(), &ext);
  cairo_move_to(cr, 400 - ext.width / 2 - ext.x_bearing, 207);
  cairo_show_text(cr, banner.c_str());
  for (int i = 0; i < 14; ++i) {  // the people, seen from behind
    double x = 150 + i * 37 + dice.in(-6, 6), y = 400 + (i % 2) * 30;
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, 0.15 + 0.05 * (i % 3), 0.2, 0.35 + 0.1 * (i % 2));
    cairo_arc(cr, x, y + 40, 18, M_PI, 2 * M_PI);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.08, 0.06);
    cairo_new_path(cr);
    cairo_arc(cr, x, y + 12, 11, 0, 2 * M_PI);
    cairo_fill(cr);
  }
  cairo_set_source_rgba(cr, 0, 0, 0, 0.55);
  cairo_rectangle(cr, 0, 470, 800, 30);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_select_font_face(cr, "Liberation Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 15);
  cairo_move_to(cr, 12, 490);
  cairo_show_text(cr, caption.c_str());
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  cairo_surface_destroy(surface);
  return out;
}

/// The minutes of the session (biên bản), printed by the document engine.
Result<std::string> minutes_pdf(const Plan& p, const std::string& date_iso) {
  auto d = text::parse_iso_date(date_iso);
  documents::Document doc;
  doc.header.parent_body = "UBND TỈNH CAO BẰNG";
  doc.header.agency = "BAN DÂN TỘC";
  doc.header.place = "Cao Bằng";
  if (d) {
    doc.header.day = d->day;
    doc.header.month = d->month;
    doc.header.year = d->year;
  }
  doc.type = "BIÊN BẢN";
  doc.summary = p.in.title;
  doc.body.push_back(documents::body("Thời gian: ngày " + (d ? text::format_date(*d) : date_iso) + "."));
  doc.body.push_back(documents::body("Địa điểm: " + p.in.place + "."));
  doc.body.push_back(documents::body("Thành phần: " + p.in.audience + "; tổng số " + p.in.participants + " người."));
  doc.body.push_back(documents::body(
      "Nội dung: đại diện Ban Dân tộc tuyên truyền Kế hoạch thực hiện Phong trào thi đua “Cả nước chung sức xây dựng "
      "nông thôn mới”, giải đáp ý kiến của bà con; các hộ thống nhất cùng thực hiện các tiêu chí còn thiếu của xã."));
  doc.body.push_back(documents::body("Buổi tuyên truyền kết thúc cùng ngày; biên bản lập thành 02 bản."));
  doc.signature = {"", "ĐẠI DIỆN BAN DÂN TỘC", "Đàm Văn Đức"};
  doc.left_signature = documents::Signature{"", "ĐẠI DIỆN THÔN, XÓM", "Hoàng Văn Sình"};
  doc.metadata.created = date_iso + "T09:00:00";
  return documents::write_pdf(doc);
}

/// A file as an upload would leave it, in the data folder's temporary directory.
Result<services::EvidenceUpload> upload_of(const std::filesystem::path& dir, const std::string& name,
                                           const std::string& bytes, const std::string& caption) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto path = dir / ("upload-demo-" + services::sha256_hex(bytes).substr(0, 16));
  std::ofstream(path, std::ios::binary) << bytes;
  if (!std::filesystem::exists(path)) return fail(ErrorKind::internal, "internal", "cannot write " + path.string());
  services::EvidenceUpload u;
  u.file_name = name;
  u.path = path;
  u.size = bytes.size();
  u.sha256 = services::sha256_hex(bytes);
  u.head = bytes.substr(0, 8192);
  u.caption = caption;
  return u;
}

Result<Principal> principal_of(app::Services& s, const std::string& login) {
  auto u = s.users->get_user(services::operator_principal("demo"), login);
  if (!u) return fail(u.error());
  return s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
}

}  // namespace

Result<DemoAchievements> load_demo_achievements(app::Services& s, std::int64_t agency_id, std::int64_t movement_id,
                                                const std::map<std::string, std::int64_t>& unit_ids) {
  DemoAchievements out;
  Recorders who;
  for (auto [login, p] : {std::pair<const char*, Principal*>{"vanphong", &who.office},
                          {"truongphong", &who.head}, {"canbo", &who.staff}}) {
    auto r = principal_of(s, login);
    if (!r) return fail(r.error());
    *p = std::move(*r);
  }
  auto c = s.achievements->choices(who.office, agency_id);
  if (!c) return fail(c.error());
  std::vector<std::int64_t> contents;
  for (const auto& m : c->movements) {
    if (m.movement.id != movement_id) continue;
    for (const auto& i : m.contents) contents.push_back(i.id);
  }
  if (contents.size() < 3) return fail(ErrorKind::internal, "internal", "the seed plan has fewer than 3 contents");
  std::map<std::string, std::int64_t> people;
  for (const auto& p : c->people) people[p.name] = p.id;

  Dice dice(20220930);
  std::vector<Plan> plans;
  auto unit_plan = [&](const char* code) {
    Plan p;
    p.in.movement_id = std::to_string(movement_id);
    p.in.subject = "unit";
    p.in.unit_id = std::to_string(unit_ids.at(code));
    p.by = std::string(code) == "KHTH" ? &who.head : &who.office;
    return p;
  };
  auto person_plan = [&](const char* name) {
    Plan p;
    p.in.movement_id = std::to_string(movement_id);
    p.in.subject = "person";
    p.in.person_id = std::to_string(people.at(name));
    std::string n = name;
    p.by = n == "Đàm Văn Đức" ? &who.staff : (n == "Hoàng Thị Lan" || n == "Triệu Thị Ánh") ? &who.head : &who.office;
    return p;
  };
  // A commune the agency supports on `date`, and its name; none before the assignments.
  auto commune_on = [&](const std::string& date, Plan& p) {
    std::vector<const storage::AssignedCommune*> live;
    for (const auto& a : c->communes) {
      if (a.valid_from <= date && (a.valid_to.empty() || date < a.valid_to)) live.push_back(&a);
    }
    if (live.empty()) return false;
    const auto* a = live[dice.next() % live.size()];
    p.in.commune_id = std::to_string(a->commune_id);
    p.commune = a->name;
    return true;
  };
  const char* people_in_field[] = {"Đàm Văn Đức", "Lâm Văn Hùng", "Lương Văn Thành", "Triệu Thị Ánh",
                                   "Hoàng Thị Lan", "Lục Văn Quang", "Sầm Đức Minh", "Bế Thị Thu"};
  const char* units_in_field[] = {"CSDT", "KHTH", "TTRA", "CD", "VP"};

  for (int year = 2022; year <= 2025; ++year) {
    int first_month = year == 2022 ? 10 : 1;
    for (int month = first_month; month <= 12; ++month) {
      // Propaganda sessions in the hamlets of supported communes: two or three a month.
      int sessions = 2 + static_cast<int>(dice.next() % 2);
      for (int k = 0; k < sessions; ++k) {
        std::string date = iso(year, month, dice.in(2, 27));
        bool by_person = dice.next() % 2 == 0;
        Plan p = by_person ? person_plan(dice.pick(people_in_field)) : unit_plan(dice.pick(units_in_field));
        if (!commune_on(date, p)) continue;
        p.hamlet = dice.pick(kHamlets);
        p.in.kind = "propaganda";
        p.in.item_id = std::to_string(contents[1]);
        p.in.occurred_on = date;
        p.in.title = std::string(dice.pick(kTopics)) + " tại xóm " + p.hamlet + ", xã " + p.commune;
        p.in.place = "Nhà văn hóa xóm " + p.hamlet + ", xã " + p.commune;
        p.in.audience = dice.pick(kAudiences);
        p.in.sessions = std::to_string(dice.next() % 4 == 0 ? 2 : 1);
        p.in.participants = std::to_string(dice.in(25, 110));
        plans.push_back(std::move(p));
      }
      // Resources mobilised: about one a month.
      if (dice.next() % 5 != 0) {
        std::string date = iso(year, month, dice.in(3, 26));
        Plan p = dice.next() % 3 == 0 ? person_plan(dice.pick(people_in_field)) : unit_plan(dice.pick(units_in_field));
        if (!commune_on(date, p)) continue;
        p.hamlet = dice.pick(kHamlets);
        const Donor& d = dice.pick(kDonors);
        p.in.kind = "resource";
        p.in.item_id = std::to_string(contents[2]);
        p.in.occurred_on = date;
        p.in.donor_kind = d.kind;
        p.in.donor_name = d.name;
        p.in.donor_scope = d.scope;
        switch (dice.next() % 4) {
          case 0:
            p.in.title = "Vận động ủng hộ xi măng làm đường bê tông xóm " + p.hamlet + ", xã " + p.commune;
            p.in.goods_vnd = std::to_string(dice.in(8, 60) * 1000000);
            p.in.goods_note = std::to_string(dice.in(40, 300)) + " bao xi măng";
            p.in.workdays = std::to_string(dice.in(30, 250));
            break;
          case 1:
            p.in.title = "Vận động ủng hộ quà Tết cho hộ nghèo xã " + p.commune;
            p.in.cash_vnd = std::to_string(dice.in(10, 80) * 500000);
            p.in.goods_vnd = std::to_string(dice.in(5, 40) * 1000000);
            p.in.goods_note = std::to_string(dice.in(50, 200)) + " suất quà (gạo, dầu ăn, chăn ấm)";
            break;
          case 2:
            p.in.title = "Vận động nhân dân xóm " + p.hamlet + " hiến đất mở rộng đường vào xóm";
            p.in.donor_kind = "person";
            p.in.donor_name = "Các hộ dân xóm " + p.hamlet;
            p.in.donor_scope = "inside";
            p.in.land_m2 = std::to_string(dice.in(120, 1400));
            p.in.workdays = std::to_string(dice.in(40, 300));
            break;
          default:
            p.in.title = "Vận động ủng hộ kinh phí xây nhà văn hóa xóm " + p.hamlet + ", xã " + p.commune;
            p.in.cash_vnd = std::to_string(dice.in(20, 160) * 500000);
            break;
        }
        plans.push_back(std::move(p));
      }
      // Support visits, every other month or so.
      if (dice.next() % 3 != 0) {
        std::string date = iso(year, month, dice.in(4, 25));
        const char* visitors[] = {"LD", "CSDT", "KHTH", "TTRA", "VP"};
        Plan p = dice.next() % 2 == 0 ? person_plan("Đàm Văn Đức") : unit_plan(dice.pick(visitors));
        if (!commune_on(date, p)) continue;
        p.in.kind = "support_visit";
        p.in.item_id = std::to_string(contents[0]);
        p.in.occurred_on = date;
        p.in.place = "UBND xã " + p.commune;
        p.in.description = "Đoàn công tác gồm " + std::to_string(dice.in(3, 7)) +
                           " công chức; nắm tình hình, ghi nhận kiến nghị của xã và người dân.";
        p.in.title = month == 1 || month == 2 ? "Thăm, tặng quà Tết các hộ nghèo, gia đình chính sách xã " + p.commune
                                              : "Làm việc với UBND xã " + p.commune +
                                                    " về tiến độ thực hiện các tiêu chí nông thôn mới";
        plans.push_back(std::move(p));
      }
    }
    // Each unit's own plan for the year (content 1: "căn cứ chức năng, nhiệm vụ…").
    for (const char* unit : {"CSDT", "KHTH", "TTRA", "CD"}) {
      Plan p = unit_plan(unit);
      p.in.kind = "other";
      p.in.item_id = std::to_string(contents[0]);
      p.in.occurred_on = iso(year, year == 2022 ? 10 : 2, dice.in(5, 20));
      p.in.title = "Ban hành kế hoạch của đơn vị thực hiện Phong trào thi đua năm " + std::to_string(year);
      p.in.description = "Cụ thể hóa các nội dung thi đua theo chức năng, nhiệm vụ của đơn vị; phân công công chức "
                         "theo dõi từng xã được giao phụ trách.";
      plans.push_back(std::move(p));
    }
  }
  // Role models found (content 2: "biểu dương, nhân rộng các điển hình tiên tiến").
  struct Model {
    const char* date;
    const char* unit;
    const char* kind;
    const char* name;
    const char* what;
  };
  constexpr Model kModels[] = {
      {"2023-08-18", "CSDT", "person", "Ông Hoàng Văn Sình, người có uy tín xóm Nà Pồng",
       "Vận động 26 hộ hiến 850 m² đất và góp 320 ngày công làm 1,2 km đường bê tông vào xóm."},
      {"2024-05-22", "CD", "collective", "Chi hội Phụ nữ xóm Khuổi Khon",
       "Duy trì mô hình nuôi gà thả đồi theo tổ hợp tác, giúp 11 hộ thoát nghèo trong hai năm."},
      {"2025-04-10", "KHTH", "person", "Bà Lý Thị Mai, xóm Lũng Pán",
       "Tiên phong trồng 3 ha cây dược liệu dưới tán rừng, hướng dẫn 15 hộ cùng làm."},
  };
  for (const auto& m : kModels) {
    Plan p = unit_plan(m.unit);
    p.in.kind = "role_model";
    p.in.item_id = std::to_string(contents[1]);
    p.in.occurred_on = m.date;
    p.in.model_kind = m.kind;
    p.in.model_name = m.name;
    p.in.description = m.what;
    p.in.title = std::string("Phát hiện, biểu dương điển hình: ") + m.name;
    plans.push_back(std::move(p));
  }
  // Initiatives from the register, applied in the movement's work.
  for (std::size_t i = 0; i < std::min<std::size_t>(2, c->initiatives.size()); ++i) {
    Plan p = person_plan(i == 0 ? "Đàm Văn Đức" : "Lâm Văn Hùng");
    p.in.kind = "initiative";
    p.in.item_id = std::to_string(contents[0]);
    p.in.occurred_on = i == 0 ? "2023-11-15" : "2024-10-08";
    p.in.initiative_id = std::to_string(c->initiatives[i].first);
    p.in.title = "Áp dụng sáng kiến: " + c->initiatives[i].second;
    plans.push_back(std::move(p));
  }

  std::sort(plans.begin(), plans.end(),
            [](const Plan& a, const Plan& b) { return a.in.occurred_on < b.in.occurred_on; });
  // What is still in hand at the end of 2025: the last ones wait for the Office, a few of
  // the staff member's are drafts; one was returned, one withdrawn; some carry evidence.
  int waiting = 0, drafts = 0, photos = 0, minutes = 0;
  bool returned = false, withdrawn = false;
  for (auto it = plans.rbegin(); it != plans.rend(); ++it) {
    if (it->in.occurred_on < "2025-10-01") break;
    if (it->by == &who.staff && drafts < 3) {
      it->fate = Plan::Fate::draft;
      ++drafts;
    } else if (waiting < 12) {
      it->fate = Plan::Fate::waiting;
      ++waiting;
    }
  }
  for (auto& p : plans) {
    if (!returned && p.in.kind == "propaganda" && p.in.occurred_on >= "2025-06-01" && p.by == &who.staff) {
      p.fate = Plan::Fate::returned;
      returned = true;
    } else if (!withdrawn && p.in.kind == "resource" && p.in.occurred_on >= "2024-03-01") {
      p.fate = Plan::Fate::withdrawn;
      withdrawn = true;
    }
    if (p.in.kind == "propaganda" && (p.fate == Plan::Fate::waiting || dice.next() % 9 == 0)) {
      if (photos < 8 && (p.fate == Plan::Fate::waiting || photos < 5)) {
        p.evidence = 1;
        ++photos;
      } else if (minutes < 5) {
        p.evidence = 2;
        ++minutes;
      }
    }
  }

  const auto tmp = app::upload_dir(s.config);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    auto& p = plans[i];
    std::string date = p.in.occurred_on;
    p.in.occurred_on = text::format_date(*text::parse_iso_date(date));
    std::vector<services::EvidenceUpload> files;
    if (p.evidence == 1) {
      std::string caption = "Xóm " + p.hamlet + ", xã " + p.commune + " — " + p.in.occurred_on;
      auto u = upload_of(tmp, "anh-tuyen-truyen-" + date + ".png",
                         photo_png("TUYÊN TRUYỀN XÂY DỰNG NÔNG THÔN MỚI", caption, static_cast<std::uint32_t>(i)),
                         "Ảnh buổi tuyên truyền tại xóm " + p.hamlet);
      if (!u) return fail(u.error());
      files.push_back(std::move(*u));
    } else if (p.evidence == 2) {
      auto pdf = minutes_pdf(p, date);
      if (!pdf) return fail(pdf.error());
      auto u = upload_of(tmp, "bien-ban-tuyen-truyen-" + date + ".pdf", *pdf, "Biên bản buổi tuyên truyền");
      if (!u) return fail(u.error());
      files.push_back(std::move(*u));
    }
    auto a = s.achievements->create(*p.by, agency_id, p.in, false, files);
    for (const auto& f : files) {
      std::error_code ec;
      std::filesystem::remove(f.path, ec);  // the store kept its own link to the bytes
    }
    if (!a) return fail(Error(a.error()).with("demo", p.in.title));
    ++out.records;
    out.files += static_cast<int>(files.size());
    if (p.fate == Plan::Fate::draft) continue;
    auto sub = s.achievements->submit(*p.by, a->id, a->version);
    if (!sub) return fail(sub.error());
    switch (p.fate) {
      case Plan::Fate::waiting:
        ++out.waiting;
        break;
      case Plan::Fate::returned: {
        auto r = s.achievements->send_back(who.office, a->id, sub->version,
                                           "Đề nghị bổ sung ảnh hoặc biên bản buổi tuyên truyền; số người tham dự "
                                           "cần khớp với danh sách ký tên.");
        if (!r) return fail(r.error());
        break;
      }
      case Plan::Fate::withdrawn: {
        auto r = s.achievements->withdraw(*p.by, a->id, sub->version,
                                          "Trùng với khoản ủng hộ đã ghi trong kết quả của phòng.");
        if (!r) return fail(r.error());
        break;
      }
      default: {
        auto r = s.achievements->verify(who.office, a->id, sub->version);
        if (!r) return fail(r.error());
        ++out.verified;
      }
    }
  }
  return out;
}

}  // namespace thidua::cli
