#include "cli/demo_pledges.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "documents/document.hpp"
#include "documents/pdf_writer.hpp"
#include "services/auth_service.hpp"
#include "services/covenant_service.hpp"
#include "services/crypto.hpp"
#include "services/evidence_service.hpp"
#include "services/notification_service.hpp"
#include "services/pledge_service.hpp"
#include "storage/people_repo.hpp"

// Pledges of Ban Dân tộc's units and people for the seed movement "Cả nước chung sức xây dựng
// nông thôn mới": 2024 all approved (one returned and resubmitted on the way); 2025 a mix —
// approved, waiting for approval, the planning department's returned with the Office's
// comment, one person's still a draft and two people with nothing — with the deadline passed
// and a reminder sent. Written through the services as the users would, on the dates they
// would have (a clock of its own), so histories and notifications read as real ones.

namespace thidua::cli {

namespace {

/// A clock the demo moves by hand.
struct DemoClock {
  std::shared_ptr<TimePoint> now = std::make_shared<TimePoint>();
  Clock clock() const {
    auto n = now;
    return [n] { return *n; };
  }
  void at(const char* iso) { *now = *parse_iso(iso); }
};

enum class Fate { approved, submitted, returned, draft, none };

struct PersonPlan {
  const char* code;
  const char* login;  ///< the person's own account, if any: they write their pledge themselves
  int weight;         ///< how big their targets are (1 staff … 3 leaders)
  bool fighter;       ///< aims for Chiến sĩ thi đua cơ sở
  Fate y2024;
  Fate y2025;
};
constexpr PersonPlan kPeople[] = {
    {"BDT001", nullptr, 3, true, Fate::approved, Fate::approved},
    {"BDT002", "lanhdao", 3, true, Fate::approved, Fate::approved},
    {"BDT003", "vanphong", 2, true, Fate::approved, Fate::approved},
    {"BDT004", "hoidong", 2, true, Fate::approved, Fate::approved},
    {"BDT005", "truongphong", 2, true, Fate::approved, Fate::submitted},
    {"BDT006", "canbo", 1, false, Fate::approved, Fate::draft},
    {"BDT007", nullptr, 1, false, Fate::approved, Fate::approved},
    {"BDT008", nullptr, 2, false, Fate::approved, Fate::approved},
    {"BDT009", nullptr, 1, false, Fate::returned, Fate::submitted},
    {"BDT010", nullptr, 2, false, Fate::none, Fate::none},
    {"BDT011", nullptr, 1, false, Fate::approved, Fate::none},
    {"BDT012", nullptr, 1, false, Fate::approved, Fate::submitted},
};

struct UnitPlan {
  const char* code;
  int weight;
  bool excellent;  ///< aims for Tập thể lao động xuất sắc
  Fate y2025;
};
constexpr UnitPlan kUnits[] = {
    {"LD", 1, false, Fate::approved},   {"VP", 2, true, Fate::approved},    {"CSDT", 3, true, Fate::submitted},
    {"KHTH", 3, false, Fate::returned}, {"TTRA", 1, false, Fate::approved}, {"CD", 2, false, Fate::submitted},
};

/// The cluster's other members in 2025 (the agency leads it).
constexpr std::pair<const char*, const char*> kClusterAgencies[] = {
    {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Cao Bằng"},
    {"SYT", "Sở Y tế tỉnh Cao Bằng"},
    {"SGDDT", "Sở Giáo dục và Đào tạo tỉnh Cao Bằng"},
};

std::string num(long long v) { return std::to_string(v); }

class Loader {
 public:
  Loader(app::Services& s, std::int64_t agency, std::int64_t movement, const std::map<std::string, std::int64_t>& units)
      : s_(s), agency_(agency), movement_(movement), units_(units),
        pledges_(s.db, clock_.clock()), notes_(s.db, clock_.clock()), covenants_(s.db, s.evidence, clock_.clock()),
        operator_(services::operator_principal("demo")) {}

  Result<void> run(std::int64_t cluster_id) {
    auto form = pledges_.form(operator_, agency_, movement_, 2025);
    if (!form) return fail(form.error());
    if (form->items.size() < 3) return fail(ErrorKind::internal, "demo.seed", "the seed plan has fewer than 3 contents");
    for (const auto& i : form->items) items_.push_back(std::to_string(i.id));
    if (!form->communes.empty()) commune_ = std::to_string(form->communes.front().id);
    auto office = principal("vanphong");
    if (!office) return fail(office.error());
    office_ = *office;
    for (int year : {2024, 2025}) {
      if (auto r = year_of(year); !r) return r;
    }
    return covenant(cluster_id);
  }

 private:
  Result<Principal> principal(const std::string& login) {
    auto u = s_.users->get_user(operator_, login);
    if (!u) return fail(u.error());
    return s_.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  }

  Result<std::int64_t> person_id(const char* code) {
    return s_.db->read([&](storage::Tx& tx) -> Result<std::int64_t> {
      auto id = storage::find_person_by_code(tx, agency_, code);
      if (!id) return fail(ErrorKind::not_found, "person.not_found");
      return *id;
    });
  }

  /// A pledge's targets, sized by `w` and varied by `k` so that no two read the same.
  std::vector<services::PledgeTargetInput> person_targets(int w, int k, int year) const {
    const long long y = year - 2023;  // 1 in 2024, 2 in 2025: a little more each year
    std::vector<services::PledgeTargetInput> t = {
        {items_[1], "sessions", num(w + 1 + k % 2 + y), "", "Tuyên truyền tại các xóm của xã phụ trách"},
        {items_[1], "participants", num((w * 60 + k * 10) * y + 80), "", ""},
        {items_[2], "cash_vnd", num((w * 500'000 + k * 100'000) * y + 500'000), "", "Vận động doanh nghiệp, người thân"},
        {items_[2], "workdays", num(w * 2 + k % 3 + y), "", "Ngày công giúp xã làm đường bê tông"},
    };
    if (!commune_.empty()) t.push_back({items_[0], "commune_tasks", num(w + y), commune_, "Việc giúp xã phụ trách"});
    return t;
  }

  std::vector<services::PledgeTargetInput> unit_targets(int w, int k, int year) const {
    const long long y = year - 2023;
    std::vector<services::PledgeTargetInput> t = {
        {items_[0], "other", num(1), "", "Ban hành kế hoạch cụ thể hóa của đơn vị trong quý I"},
        {items_[1], "sessions", num(w * 4 + k + 2 * y), "", ""},
        {items_[1], "participants", num((w * 300 + k * 50) * y + 200), "", "Cán bộ, đảng viên và nhân dân các xã phụ trách"},
        {items_[1], "role_models", num(1 + (w > 2 ? 1 : 0)), "", "Phát hiện, giới thiệu điển hình tiên tiến"},
        {items_[2], "cash_vnd", num((w * 10'000'000LL + k * 2'500'000LL) * y), "", "Xã hội hóa xây dựng nông thôn mới"},
        {items_[2], "goods_vnd", num(w * 5'000'000LL * y), "", "Xi măng, cây giống, vật tư (quy ra tiền)"},
        {items_[2], "workdays", num(w * 30 + k * 5 + 10 * y), "", ""},
    };
    if (!commune_.empty()) t.push_back({items_[0], "commune_tasks", num(w * 2 + y), commune_, ""});
    if (w >= 2) t.push_back({items_[0], "visits", num(w + y), "", "Chuyến công tác hỗ trợ xã"});
    return t;
  }

  /// Writes one pledge from `author` and moves it to `fate`, each step on its own date.
  Result<void> pledge(const Principal& author, const Principal& approver, services::PledgeInput in, Fate fate,
                      int year, int k, const std::string& return_comment) {
    if (fate == Fate::none) return {};
    char day[80];  // room for any int, so the compiler sees no truncation
    std::snprintf(day, sizeof day, "%04d-02-%02dT02:%02d:00Z", year, 10 + k, 15 + k * 3);
    clock_.at(day);
    in.movement_id = std::to_string(movement_);
    in.year = std::to_string(year);
    auto p = pledges_.create(author, agency_, in);
    if (!p) return fail(p.error());
    if (fate == Fate::draft) return {};
    std::snprintf(day, sizeof day, "%04d-03-%02dT01:%02d:00Z", year, 2 + k % 10, 10 + k * 2);
    clock_.at(day);
    auto sub = pledges_.act(author, p->id, p->version, PledgeAction::submit, "");
    if (!sub) return fail(sub.error());
    if (fate == Fate::submitted) return {};
    std::snprintf(day, sizeof day, "%04d-03-%02dT03:%02d:00Z", year, 14 + k % 10, 5 + k);
    clock_.at(day);
    if (fate == Fate::returned || !return_comment.empty()) {
      auto back = pledges_.act(approver, p->id, sub->version, PledgeAction::send_back, return_comment);
      if (!back) return fail(back.error());
      if (fate == Fate::returned) return {};
      // Corrected as asked and sent again, then approved.
      std::snprintf(day, sizeof day, "%04d-03-%02dT02:00:00Z", year, 25 + k % 3);
      clock_.at(day);
      for (auto& t : in.targets) {
        if (t.measure != "workdays") continue;
        t.target = num(std::stoll(t.target) + 4);
        t.note = "Tăng 4 ngày công theo ý kiến khi trả lại";
      }
      auto fixed = pledges_.update(author, p->id, back->version, in);
      if (!fixed) return fail(fixed.error());
      sub = pledges_.act(author, p->id, fixed->version, PledgeAction::submit, "Đã bổ sung chỉ tiêu ngày công.");
      if (!sub) return fail(sub.error());
      std::snprintf(day, sizeof day, "%04d-03-%02dT08:00:00Z", year, 28 + k % 3);
      clock_.at(day);
    }
    auto ok = pledges_.act(approver, p->id, sub->version, PledgeAction::approve, "");
    if (!ok) return fail(ok.error());
    return {};
  }

  Result<void> year_of(int year) {
    char day[80];  // room for any int, so the compiler sees no truncation
    std::snprintf(day, sizeof day, "%04d-01-%02dT02:00:00Z", year, year == 2024 ? 15 : 10);
    clock_.at(day);
    auto deadline = pledges_.set_deadline(office_, movement_, year, "31/03/" + std::to_string(year));
    if (!deadline) return fail(deadline.error());
    auto head = principal("truongphong");
    if (!head) return fail(head.error());
    int k = 0;
    for (const auto& u : kUnits) {
      ++k;
      Fate fate = year == 2024 ? Fate::approved : u.y2025;
      services::PledgeInput in;
      in.subject = "unit";
      in.unit_id = std::to_string(units_.at(u.code));
      in.targets = unit_targets(u.weight, k, year);
      in.titles = {"advanced_collective"};
      if (u.excellent) in.titles.push_back("excellent_collective");
      if (std::string(u.code) == "CD") in.titles.push_back("certificate_of_merit");
      in.note = "Đơn vị cam kết hoàn thành các chỉ tiêu đã đăng ký; phân công từng công chức phụ trách.";
      // The planning department's head writes its pledge; the Office those of units without one.
      const Principal& author = std::string(u.code) == "KHTH" ? *head : office_;
      std::string comment = fate == Fate::returned
                                ? "Đề nghị Phòng bổ sung chỉ tiêu số buổi tuyên truyền tại xã phụ trách và số tiền "
                                  "vận động xã hội hóa cho phù hợp với Kế hoạch năm 2025 của Ban."
                                : "";
      if (auto r = pledge(author, office_, in, fate, year, k, comment); !r) return r;
    }
    k = 0;
    for (const auto& p : kPeople) {
      ++k;
      Fate fate = year == 2024 ? p.y2024 : p.y2025;
      auto id = person_id(p.code);
      if (!id) return fail(id.error());
      services::PledgeInput in;
      in.subject = "person";
      in.targets = person_targets(p.weight, k, year);
      in.titles = {"advanced_worker"};
      if (p.fighter) in.titles.push_back("grassroots_fighter");
      if (p.weight == 3) in.titles.push_back("certificate_of_merit");
      in.note = p.weight >= 2 ? "Gương mẫu đi đầu, hướng dẫn công chức trong đơn vị thực hiện tốt phong trào."
                              : "Hoàn thành tốt nhiệm vụ được giao; tích cực tham gia phong trào.";
      std::optional<Principal> own;
      if (p.login) {
        auto me = principal(p.login);
        if (!me) return fail(me.error());
        own = *me;
      } else {
        in.person_id = std::to_string(*id);
      }
      // People of the planning department are approved by its head; the others (and the head
      // herself) by the Office; the Office's own head by the operator.
      const bool khth = std::string(p.code) == "BDT009";
      const Principal& approver = khth ? *head : (p.login && std::string(p.login) == "vanphong" ? operator_ : office_);
      std::string comment = fate == Fate::returned || (year == 2024 && khth)
                                ? "Đề nghị bổ sung chỉ tiêu ngày công giúp xã xây dựng nông thôn mới."
                                : "";
      if (fate == Fate::returned && year == 2024) fate = Fate::approved;  // returned, corrected, approved
      if (auto r = pledge(own ? *own : office_, approver, in, fate, year, k, comment); !r) return r;
    }
    if (year == 2024) {
      // Last year's news has been read.
      clock_.at("2024-04-05T02:00:00Z");
      for (const char* login : {"lanhdao", "vanphong", "hoidong", "truongphong", "canbo"}) {
        auto who = principal(login);
        if (!who) return fail(who.error());
        if (auto r = notes_.mark_all_read(*who); !r) return fail(r.error());
      }
    } else {
      // A week before the deadline the Office reminds those who have not registered.
      clock_.at("2025-03-24T02:00:00Z");
      auto r = pledges_.remind(office_, movement_, year);
      if (!r) return fail(r.error());
    }
    return {};
  }

  Result<void> covenant(std::int64_t cluster_id) {
    for (const auto& [code, name] : kClusterAgencies) {
      if (auto a = s_.users->ensure_agency(operator_, code, name); !a) return fail(a.error());
    }
    if (auto r = s_.org->add_cluster_member(operator_, cluster_id, "BDT", 2025, true); !r) return fail(r.error());
    for (const auto& [code, name] : kClusterAgencies) {
      if (auto r = s_.org->add_cluster_member(operator_, cluster_id, code, 2025, false); !r) return fail(r.error());
    }
    clock_.at("2025-02-25T03:00:00Z");
    services::CovenantInput in{std::to_string(cluster_id), "2025",
                               "Giao ước thi đua năm 2025 Khối các cơ quan Văn hoá - Xã hội và Dân tộc, Tôn giáo",
                               "20/02/2025", "Thành phố Cao Bằng",
                               "Ký tại Hội nghị phát động thi đua năm 2025 của Khối; Ban Dân tộc là Trưởng khối."};
    std::vector<services::EvidenceUpload> files;
    if (s_.evidence) {
      auto signed_copy = signed_covenant(in.title);
      if (!signed_copy) return fail(signed_copy.error());
      files.push_back(*signed_copy);
    }
    auto c = covenants_.record(office_, agency_, in, files);
    if (!c) return fail(c.error());
    return {};
  }

  /// The signed covenant as the Office would scan it: a PDF written to a temporary file,
  /// which the file store adopts.
  Result<services::EvidenceUpload> signed_covenant(const std::string& title) {
    documents::Document doc;
    doc.header.parent_body = "UBND TỈNH CAO BẰNG";
    doc.header.agency = "KHỐI CÁC CƠ QUAN VĂN HOÁ - XÃ HỘI VÀ DÂN TỘC, TÔN GIÁO";
    doc.header.place = "Cao Bằng";
    doc.header.day = 20;
    doc.header.month = 2;
    doc.header.year = 2025;
    doc.type = "GIAO ƯỚC THI ĐUA";
    doc.summary = "Năm 2025";
    doc.body.push_back(documents::body(
        "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới”, các cơ quan trong Khối thống nhất "
        "ký kết giao ước thi đua năm 2025 với các nội dung sau:"));
    for (const char* line :
         {"1. Hoàn thành xuất sắc nhiệm vụ chính trị được giao; không có cán bộ vi phạm pháp luật.",
          "2. Mỗi cơ quan tổ chức ít nhất hai đợt tuyên truyền tại xã được phân công phụ trách, giúp đỡ.",
          "3. Vận động xã hội hóa, đóng góp ngày công, vật tư giúp các xã đạt chuẩn nông thôn mới.",
          "4. Phát hiện, biểu dương, nhân rộng các điển hình tiên tiến; tổng kết, chấm điểm thi đua cuối năm."}) {
      doc.body.push_back(documents::body(line));
    }
    doc.signature = {"TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI", "Nông Văn Chiến"};
    doc.metadata.title = title;
    auto pdf = documents::write_pdf(doc);
    if (!pdf) return fail(pdf.error());
    auto dir = std::filesystem::path(s_.config.data_dir) / "tmp";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto path = dir / "upload-demo-giao-uoc-2025.pdf";
    std::ofstream(path, std::ios::binary).write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
    services::EvidenceUpload f;
    f.file_name = "Giao-uoc-thi-dua-2025-da-ky.pdf";
    f.path = path;
    f.size = pdf->size();
    f.sha256 = services::sha256_hex(*pdf);
    f.head = pdf->substr(0, 8192);
    f.caption = "Bản giao ước đã ký, đóng dấu";
    return f;
  }

  app::Services& s_;
  std::int64_t agency_;
  std::int64_t movement_;
  const std::map<std::string, std::int64_t>& units_;
  DemoClock clock_;
  services::PledgeService pledges_;
  services::NotificationService notes_;
  services::CovenantService covenants_;
  Principal operator_;
  Principal office_;
  std::vector<std::string> items_;
  std::string commune_;
};

}  // namespace

Result<void> load_demo_pledges(app::Services& s, std::int64_t agency_id, std::int64_t movement_id,
                               std::int64_t cluster_id, const std::map<std::string, std::int64_t>& unit_ids) {
  Loader loader(s, agency_id, movement_id, unit_ids);
  return loader.run(cluster_id);
}

}  // namespace thidua::cli
