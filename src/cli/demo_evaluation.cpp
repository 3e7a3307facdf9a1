#include "cli/demo_evaluation.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "services/auth_service.hpp"
#include "services/evaluation_service.hpp"
#include "services/user_service.hpp"

// Ban Dân tộc's evaluation of 2025 as its Office would set it up in late November: the
// points sheets it used to keep in Excel (a unit's and a person's, 100 points of criteria,
// a bonus for a recognised initiative, a penalty for a reminder about discipline), applied to
// every unit and every member of staff. Most people with an account scored themselves and
// submitted; the head of the Planning unit reviewed her officer; the Office reviewed some and
// made a few final. Đàm Văn Đức (canbo) has not scored yet, nor have those without an account.
// A few members of staff get an account here so that they can score themselves (their
// passwords are generated and not shown: the demo logs in as the five shared logins).

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

services::CriterionInput hand(const char* title, const char* max, const char* guidance, const char* evidence,
                              const char* kind = "normal") {
  services::CriterionInput c;
  c.title = title;
  c.max_points = max;
  c.guidance = guidance;
  c.evidence_expected = evidence;
  c.kind = kind;
  return c;
}

services::CriterionInput computed(const char* title, const char* max, const char* guidance, const char* measure,
                                  const char* aggregate, const char* per_unit,
                                  std::vector<services::ThresholdInput> thresholds = {}) {
  services::CriterionInput c = hand(title, max, guidance, "Tự động từ kết quả đã được Văn phòng xác nhận");
  c.measure = measure;
  c.aggregate = aggregate;
  c.per_unit = per_unit;
  if (!thresholds.empty()) {
    c.mapping = "thresholds";
    c.thresholds = std::move(thresholds);
  }
  return c;
}

std::vector<services::BandInput> bands() {
  return {{"excellent", "Hoàn thành xuất sắc nhiệm vụ", "90"},
          {"good", "Hoàn thành tốt nhiệm vụ", "75"},
          {"completed", "Hoàn thành nhiệm vụ", "50"}};
}

services::GroupInput extras() {
  return {"III. Điểm thưởng, điểm trừ",
          {hand("Có sáng kiến được công nhận", "5", "Cộng 5 điểm khi có sáng kiến được Hội đồng sáng kiến công nhận trong năm.",
                "Quyết định công nhận sáng kiến", "bonus"),
           hand("Bị nhắc nhở về kỷ luật lao động", "10",
                "Trừ 5 điểm cho mỗi lần bị nhắc nhở bằng văn bản (đi muộn, bỏ vị trí làm việc…), tối đa 10 điểm.",
                "Biên bản, thông báo nhắc nhở", "penalty")}};
}

services::TemplateInput person_template(std::int64_t movement) {
  services::TemplateInput t;
  t.movement_id = std::to_string(movement);
  t.year = "2025";
  t.subject = "person";
  t.title = "Bảng chấm điểm thi đua cá nhân năm 2025";
  t.groups = {
      {"I. Thực hiện nhiệm vụ chuyên môn",
       {hand("Hoàn thành nhiệm vụ chuyên môn được giao", "40",
             "Đủ khối lượng, đúng tiến độ: 40 điểm; chậm tiến độ một số việc: trừ 2–5 điểm mỗi việc.",
             "Báo cáo kết quả công tác năm, nhận xét của trưởng đơn vị"),
        hand("Chất lượng văn bản tham mưu", "20", "Văn bản tham mưu đúng thể thức, không phải trả lại để sửa.",
             "Sổ theo dõi văn bản đi")}},
      {"II. Tham gia phong trào thi đua",
       {computed("Tổ chức tuyên truyền về xây dựng nông thôn mới", "10", "1 điểm mỗi buổi tuyên truyền, tối đa 10 điểm.",
                 "sessions", "sum", "1"),
        computed("Giúp đỡ các xã được phân công", "10", "Từ 1 việc: 2 điểm; từ 3 việc: 5 điểm; từ 6 việc: 10 điểm.",
                 "commune_tasks", "count", "1", {{"1", "2"}, {"3", "5"}, {"6", "10"}}),
        hand("Chấp hành kỷ luật, kỷ cương hành chính", "10", "Thực hiện đúng nội quy, quy chế của cơ quan.",
             "Bảng chấm công"),
        hand("Tham gia hoạt động của Công đoàn, Đoàn Thanh niên", "10", "Tham gia đầy đủ các hoạt động được phân công.",
             "Xác nhận của tổ chức đoàn thể")}},
      extras()};
  t.bands = bands();
  return t;
}

services::TemplateInput unit_template(std::int64_t movement) {
  services::TemplateInput t;
  t.movement_id = std::to_string(movement);
  t.year = "2025";
  t.subject = "unit";
  t.title = "Bảng chấm điểm thi đua đơn vị năm 2025";
  t.groups = {
      {"I. Thực hiện kế hoạch công tác",
       {hand("Hoàn thành kế hoạch công tác năm của đơn vị", "40", "Tỉ lệ nhiệm vụ hoàn thành đúng hạn × 40.",
             "Báo cáo tổng kết năm của đơn vị"),
        hand("Tham mưu chính sách dân tộc đúng hạn, có chất lượng", "20",
             "Văn bản tham mưu được Lãnh đạo Ban chấp thuận không phải sửa lại.", "Sổ theo dõi văn bản")}},
      {"II. Phong trào thi đua",
       {computed("Tổ chức tuyên truyền về xây dựng nông thôn mới", "10", "1 điểm mỗi buổi tuyên truyền, tối đa 10 điểm.",
                 "sessions", "sum", "1"),
        computed("Vận động nguồn lực hỗ trợ các xã", "10", "Từ 10 triệu đồng: 5 điểm; từ 50 triệu đồng: 10 điểm.",
                 "cash_vnd", "sum", "1", {{"10000000", "5"}, {"50000000", "10"}}),
        hand("Xây dựng đơn vị đoàn kết, chấp hành kỷ luật", "20", "Không có cán bộ vi phạm kỷ luật trong năm.",
             "Biên bản họp đơn vị")}},
      extras()};
  t.bands = bands();
  return t;
}

/// What a subject typed: points of the hand-scored criteria in template order, and a comment.
struct SelfScore {
  const char* who;  ///< a login
  std::vector<const char*> points;
  const char* comment;
};

}  // namespace

Result<void> load_demo_evaluation(app::Services& s, std::int64_t agency_id, std::int64_t movement_id) {
  DemoClock clock;
  services::EvaluationService service(s.db, s.evidence, clock.clock());
  auto op = services::operator_principal("demo");
  auto principal = [&](const std::string& login) -> Result<Principal> {
    auto u = s.users->get_user(op, login);
    if (!u) return fail(u.error());
    return s.db->read([&](storage::Tx& tx) { return services::load_principal(tx, u->id); });
  };
  auto office = principal("vanphong");
  if (!office) return fail(office.error());

  // An account for the Planning unit's officer, so that she scores herself and her head reviews
  // her. The others without one stay so: the pledges' follow-up shows who cannot be reminded, the
  // registry's demo gives accounts to some of them, and the ranking lists who has not submitted.
  const std::pair<const char*, const char*> kAccounts[] = {{"Triệu Thị Ánh", "anhtt"}};
  for (const auto& [name, login] : kAccounts) {
    services::PeopleFilter f;
    f.agency_id = agency_id;
    f.text = name;
    auto people = s.people->search(*office, f);
    if (!people) return fail(people.error());
    if (people->items.empty()) continue;
    services::PersonAccountInput in;
    in.login = login;
    in.roles = {"staff"};
    auto a = s.users->create_person_account(*office, people->items.front().id, in);
    if (!a) return fail(a.error());
  }

  clock.at("2025-11-17T02:00:00Z");
  auto pt = service.create_template(*office, agency_id, person_template(movement_id));
  if (!pt) return fail(pt.error());
  auto ut = service.create_template(*office, agency_id, unit_template(movement_id));
  if (!ut) return fail(ut.error());
  clock.at("2025-11-17T02:30:00Z");
  if (auto r = service.apply_template(*office, pt->id); !r) return fail(r.error());
  if (auto r = service.apply_template(*office, ut->id); !r) return fail(r.error());

  auto hand_ids = [](const ScoreTemplate& t) {
    std::vector<std::int64_t> out;
    for (const auto* c : t.criteria()) {
      if (!c->formula) out.push_back(c->id);
    }
    return out;
  };
  // The sheet of a subject, found in the template's list of sheets not yet submitted.
  auto sheet_of = [&](std::int64_t tmpl, const std::string& name) -> std::optional<storage::SheetRow> {
    auto v = service.ranking(*office, tmpl);
    if (!v) return std::nullopt;
    for (const auto& x : v->not_submitted) {
      if (x.subject_name == name) return x;
    }
    return std::nullopt;
  };
  auto score = [&](const ScoreTemplate& t, const std::string& who, const std::string& subject_name,
                   const std::vector<const char*>& points, const char* comment,
                   const char* at) -> Result<services::SheetView> {
    auto actor = principal(who);
    if (!actor) return fail(actor.error());
    auto sheet = sheet_of(t.id, subject_name);
    if (!sheet) return fail(ErrorKind::not_found, "evaluation.sheet_not_found");
    const auto ids = hand_ids(t);
    std::vector<services::EntryInput> entries;
    for (std::size_t i = 0; i < ids.size() && i < points.size(); ++i) {
      services::EntryInput e;
      e.criterion_id = ids[i];
      e.points = points[i];
      if (i == 0) e.comment = comment;
      entries.push_back(std::move(e));
    }
    clock.at(at);
    auto v = service.self_assess(*actor, sheet->id, sheet->version, entries);
    if (!v) return fail(v.error());
    return service.submit(*actor, sheet->id, v->sheet.version);
  };
  auto review = [&](const std::string& who, const services::SheetView& v, std::size_t index, const char* points,
                    const char* reason, const char* at) -> Result<services::SheetView> {
    auto actor = principal(who);
    if (!actor) return fail(actor.error());
    const auto ids = hand_ids(v.tmpl);
    std::vector<services::EntryInput> entries;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      services::EntryInput e;
      e.criterion_id = ids[i];
      auto cur = v.current.find(ids[i]);
      e.points = i == index ? points : format_points(cur == v.current.end() ? 0 : cur->second);
      if (i == index) e.reason = reason;
      entries.push_back(std::move(e));
    }
    clock.at(at);
    return service.review(*actor, v.sheet.id, v.sheet.version, entries);
  };
  auto finalise = [&](const services::SheetView& v, const char* at) -> Result<services::SheetView> {
    clock.at(at);
    return service.finalise(*office, v.sheet.id, v.sheet.version);
  };

  // People: [chuyên môn, văn bản, kỷ luật, đoàn thể, thưởng, trừ].
  auto lan = score(*pt, "truongphong", "Hoàng Thị Lan", {"38", "19", "10", "9", "5", "0"},
                   "Chủ trì tổng hợp báo cáo sơ kết, tổng kết phong trào đúng hạn.", "2025-11-24T02:00:00Z");
  if (!lan) return fail(lan.error());
  auto anh = score(*pt, "anhtt", "Triệu Thị Ánh", {"36", "18", "10", "10", "0", "0"},
                   "Hoàn thành các báo cáo định kỳ; cập nhật bảng tính dùng chung với các huyện.", "2025-11-24T03:00:00Z");
  if (!anh) return fail(anh.error());
  auto vui = score(*pt, "lanhdao", "Hà Văn Vui", {"39", "19", "10", "10", "0", "0"},
                   "Chỉ đạo các phòng triển khai kế hoạch năm đầy đủ.", "2025-11-24T07:00:00Z");
  if (!vui) return fail(vui.error());
  auto hoa = score(*pt, "vanphong", "Nông Thị Hoa", {"38", "18", "10", "10", "0", "0"},
                   "Theo dõi phong trào, tổng hợp hồ sơ khen thưởng.", "2025-11-26T02:00:00Z");
  if (!hoa) return fail(hoa.error());
  auto thanh = score(*pt, "hoidong", "Lương Văn Thành", {"37", "18", "10", "9", "0", "0"},
                     "Chủ trì rà soát đối tượng thụ hưởng chính sách.", "2025-11-26T03:00:00Z");
  if (!thanh) return fail(thanh.error());

  // The head of the Planning unit reviews her officer; the Office reviews others and makes
  // two sheets final.
  auto anh2 = review("truongphong", *anh, 0, "35",
                     "Báo cáo quý III nộp chậm 5 ngày so với yêu cầu.", "2025-11-27T02:00:00Z");
  if (!anh2) return fail(anh2.error());
  auto lan2 = review("vanphong", *lan, 1, "19", "", "2025-11-27T07:00:00Z");
  if (!lan2) return fail(lan2.error());
  if (auto r = finalise(*lan2, "2025-11-28T02:00:00Z"); !r) return fail(r.error());
  auto vui2 = review("vanphong", *vui, 1, "19", "", "2025-11-27T08:00:00Z");
  if (!vui2) return fail(vui2.error());
  if (auto r = finalise(*vui2, "2025-11-28T02:10:00Z"); !r) return fail(r.error());
  auto thanh2 = review("vanphong", *thanh, 3, "8", "Không tham gia hội thao Công đoàn tháng 9.",
                       "2025-11-27T09:00:00Z");
  if (!thanh2) return fail(thanh2.error());

  // The Planning unit's own sheet, scored by its head and reviewed by the Office.
  auto khth = score(*ut, "truongphong", "Phòng Kế hoạch - Tổng hợp và Tuyên truyền", {"38", "18", "19", "0", "0"},
                    "Hoàn thành 19/20 nhiệm vụ của kế hoạch năm đúng hạn.", "2025-11-26T08:00:00Z");
  if (!khth) return fail(khth.error());
  if (auto r = review("vanphong", *khth, 0, "36", "Một nhiệm vụ (báo cáo chuyên đề) chưa hoàn thành.",
                      "2025-11-28T03:00:00Z");
      !r) {
    return fail(r.error());
  }
  return {};
}

}  // namespace thidua::cli
