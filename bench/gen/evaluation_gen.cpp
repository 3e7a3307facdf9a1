// The yearly evaluation of 2024 (issue 8): for every agency's movement an evaluation, a unit
// template and a person template, each with criteria scored by hand and criteria computed from
// the verified achievements (the sum of sessions, participants by thresholds, a count of
// records with workdays; for units also money by thresholds), a bonus and a penalty item and
// three bands; one sheet for every active unit and every active person (their current unit),
// as applying the template makes them, with an "applied" event each. Most subjects scored
// themselves: ~88% of sheets have self-scores of the criteria typed by hand, of which ~80% were
// submitted and ~15% of those reviewed (the Office for units, the Office for people here, with
// a reason when the points change); the rest are drafts. Emitted per 25 agencies, loaded
// without the sheets' indexes, which are built once at the end.

#include <algorithm>
#include <string_view>

#include "generators.hpp"
#include "util.hpp"

namespace thidua::gen {

namespace {

constexpr int kYear = 2024;

/// An account column: NULL for none.
Value who(std::int64_t account) { return account ? Value(account) : kNull; }

struct CriterionSpec {
  const char* title;
  const char* kind;  // normal / bonus / penalty
  int max;           // whole points
  const char* measure = nullptr;
  const char* aggregate = nullptr;
  const char* mapping = nullptr;
  int per_unit = 0;  // hundredths
  std::vector<std::pair<long long, int>> thresholds = {};  // at_least → whole points
};
struct GroupSpec {
  const char* title;
  std::vector<CriterionSpec> criteria;
};

const std::vector<GroupSpec>& person_groups() {
  static const std::vector<GroupSpec> g = {
      {"Thực hiện nhiệm vụ chuyên môn",
       {{"Hoàn thành kế hoạch công tác năm", "normal", 60},
        {"Chấp hành kỷ luật, kỷ cương hành chính", "normal", 10}}},
      {"Tham gia phong trào thi đua",
       {{"Tổ chức buổi tuyên truyền", "normal", 10, "sessions", "sum", "linear", 100},
        {"Số lượt người được tuyên truyền", "normal", 15, "participants", "sum", "thresholds", 0,
         {{100, 5}, {300, 10}, {600, 15}}},
        {"Số lần đóng góp ngày công", "normal", 5, "workdays", "count", "linear", 100}}},
      {"Điểm thưởng, điểm trừ",
       {{"Sáng kiến được công nhận", "bonus", 5}, {"Vi phạm nội quy, quy chế cơ quan", "penalty", 10}}},
  };
  return g;
}

const std::vector<GroupSpec>& unit_groups() {
  static const std::vector<GroupSpec> g = {
      {"Thực hiện nhiệm vụ được giao",
       {{"Hoàn thành nhiệm vụ chính trị được giao", "normal", 60},
        {"Công tác chỉ đạo, tổ chức phong trào thi đua", "normal", 10}}},
      {"Kết quả phong trào thi đua",
       {{"Tổ chức buổi tuyên truyền", "normal", 10, "sessions", "sum", "linear", 50},
        {"Số lượt người được tuyên truyền", "normal", 15, "participants", "sum", "thresholds", 0,
         {{500, 5}, {2000, 10}, {5000, 15}}},
        {"Huy động nguồn lực bằng tiền", "normal", 5, "cash_vnd", "sum", "thresholds", 0,
         {{10'000'000, 2}, {50'000'000, 5}}}}},
      {"Điểm thưởng, điểm trừ",
       {{"Có mô hình, cách làm hay được nhân rộng", "bonus", 5}, {"Để xảy ra vi phạm, khiếu nại", "penalty", 10}}},
  };
  return g;
}

struct Tables {
  Table evaluation{"evaluation", {{"id", ColumnType::integer}, {"agency_id", ColumnType::integer},
                                  {"movement_id", ColumnType::integer}, {"year", ColumnType::integer},
                                  {"status", ColumnType::text}, {"created_by", ColumnType::integer},
                                  {"created_at", ColumnType::text}, {"version", ColumnType::integer}}};
  Table tmpl{"score_template", {{"id", ColumnType::integer}, {"evaluation_id", ColumnType::integer},
                                {"subject_kind", ColumnType::text}, {"title", ColumnType::text},
                                {"created_by", ColumnType::integer}, {"created_at", ColumnType::text},
                                {"updated_at", ColumnType::text}, {"version", ColumnType::integer}}};
  Table group{"template_group", {{"id", ColumnType::integer}, {"template_id", ColumnType::integer},
                                 {"position", ColumnType::integer}, {"title", ColumnType::text}}};
  Table criterion{"template_criterion",
                  {{"id", ColumnType::integer}, {"template_id", ColumnType::integer}, {"group_id", ColumnType::integer},
                   {"position", ColumnType::integer}, {"title", ColumnType::text}, {"guidance", ColumnType::text},
                   {"evidence_expected", ColumnType::text}, {"kind", ColumnType::text},
                   {"max_points", ColumnType::integer}, {"measure", ColumnType::text}, {"aggregate", ColumnType::text},
                   {"mapping", ColumnType::text}, {"per_unit", ColumnType::integer}}};
  Table threshold{"template_threshold",
                  {{"criterion_id", ColumnType::integer}, {"position", ColumnType::integer},
                   {"at_least", ColumnType::integer}, {"points", ColumnType::integer}},
                  /*has_id=*/false};
  Table band{"template_band", {{"id", ColumnType::integer}, {"template_id", ColumnType::integer},
                               {"position", ColumnType::integer}, {"code", ColumnType::text},
                               {"name", ColumnType::text}, {"at_least", ColumnType::integer}}};
  Table sheet{"score_sheet", {{"id", ColumnType::integer}, {"evaluation_id", ColumnType::integer},
                              {"template_id", ColumnType::integer}, {"agency_id", ColumnType::integer},
                              {"subject_kind", ColumnType::text}, {"unit_id", ColumnType::integer},
                              {"person_id", ColumnType::integer}, {"subject_key", ColumnType::integer},
                              {"status", ColumnType::text}, {"submitted_at", ColumnType::text},
                              {"created_at", ColumnType::text}, {"updated_at", ColumnType::text},
                              {"version", ColumnType::integer}}};
  Table entry{"score_entry", {{"id", ColumnType::integer}, {"sheet_id", ColumnType::integer},
                              {"criterion_id", ColumnType::integer}, {"round", ColumnType::text},
                              {"points", ColumnType::integer}, {"value", ColumnType::integer},
                              {"comment", ColumnType::text}, {"reason", ColumnType::text},
                              {"scored_by", ColumnType::integer}, {"scored_at", ColumnType::text}}};
  Table event{"sheet_event", {{"id", ColumnType::integer}, {"sheet_id", ColumnType::integer},
                              {"event", ColumnType::text}, {"round", ColumnType::text}, {"comment", ColumnType::text},
                              {"actor_id", ColumnType::integer}, {"at", ColumnType::text}}};

  TableGroup take() {
    TableGroup g{"evaluation", {}};
    for (Table* t : {&evaluation, &tmpl, &group, &criterion, &threshold, &band, &sheet, &entry, &event}) {
      g.tables.push_back(std::move(*t));
    }
    *this = Tables{};
    return g;
  }
};

/// A template's criteria typed by hand (normal ones first), with their maximums in hundredths.
struct HandCriterion {
  std::int64_t id;
  const char* kind;
  int max;
};

/// Writes a template of `subject` and returns its criteria typed by hand.
std::vector<HandCriterion> add_template(Context& ctx, Tables& t, std::int64_t evaluation, std::int64_t template_id,
                                        const char* subject, const std::string& title,
                                        const std::vector<GroupSpec>& groups, std::int64_t by) {
  const std::string& at = ctx.options.now;
  t.tmpl.add({template_id, evaluation, std::string(subject), title, who(by), at, at, std::int64_t{1}});
  std::vector<HandCriterion> hand;
  std::int64_t gpos = 0;
  for (const auto& g : groups) {
    const auto gid = ctx.ids.next("template_group");
    t.group.add({gid, template_id, gpos++, std::string(g.title)});
    std::int64_t cpos = 0;
    for (const auto& c : g.criteria) {
      const auto cid = ctx.ids.next("template_criterion");
      const bool computed = c.measure != nullptr;
      t.criterion.add({cid, template_id, gid, cpos++, std::string(c.title),
                       std::string(computed ? "Tự tính từ kết quả đã xác nhận." : "Theo kết quả đánh giá cuối năm."),
                       std::string(computed ? "" : "Báo cáo, văn bản chứng minh."), std::string(c.kind),
                       std::int64_t{c.max} * 100, computed ? Value(std::string(c.measure)) : kNull,
                       computed ? Value(std::string(c.aggregate)) : kNull,
                       computed ? Value(std::string(c.mapping)) : kNull, std::int64_t{c.per_unit}});
      std::int64_t tpos = 0;
      for (const auto& [least, points] : c.thresholds) {
        t.threshold.add({cid, tpos++, std::int64_t{least}, std::int64_t{points} * 100});
      }
      if (!computed) hand.push_back({cid, c.kind, c.max * 100});
    }
  }
  const std::pair<const char*, const char*> bands[] = {{"excellent", "Hoàn thành xuất sắc nhiệm vụ"},
                                                       {"good", "Hoàn thành tốt nhiệm vụ"},
                                                       {"completed", "Hoàn thành nhiệm vụ"}};
  const std::int64_t floors[] = {9500, 8000, 5000};
  for (std::int64_t b = 0; b < 3; ++b) {
    t.band.add({ctx.ids.next("template_band"), template_id, b, std::string(bands[b].first),
                std::string(bands[b].second), floors[b]});
  }
  return hand;
}

/// One sheet with its events and (for most) its self-scores, submission and review.
void add_sheet(Context& ctx, Rng& rng, Tables& t, std::int64_t evaluation, std::int64_t template_id,
               std::int64_t agency_id, bool unit, std::int64_t unit_id, std::int64_t person_id,
               const std::vector<HandCriterion>& hand, std::int64_t self_by, std::int64_t office_by) {
  const std::string& at = ctx.options.now;
  const auto id = ctx.ids.next("score_sheet");
  const bool scored = rng.chance(880);
  const bool submitted = scored && rng.chance(800);
  const bool reviewed = submitted && rng.chance(150);
  const std::string self_at = random_date_in(rng, kYear, 12, 12) + "T02:00:00Z";
  const std::string sent_at = days_after(self_at.substr(0, 10), rng.between(0, 3)) + "T03:00:00Z";
  const std::string review_at = days_after(sent_at.substr(0, 10), rng.between(1, 10)) + "T04:00:00Z";
  const char* status = reviewed ? "reviewed" : submitted ? "submitted" : "draft";
  std::int64_t version = 1 + (scored ? 1 : 0) + (submitted ? 1 : 0) + (reviewed ? 1 : 0);
  t.sheet.add({id, evaluation, template_id, agency_id, std::string(unit ? "unit" : "person"), unit_id,
               unit ? kNull : Value(person_id), unit ? unit_id : person_id, std::string(status),
               submitted ? Value(sent_at) : kNull, at, reviewed ? review_at : submitted ? sent_at : at, version});
  const Value self_actor = who(self_by);
  const Value office = who(office_by);
  t.event.add({ctx.ids.next("sheet_event"), id, std::string("applied"), kNull, std::string(), office, at});
  if (!scored) return;
  std::int64_t first = 0;
  for (const auto& c : hand) {
    std::int64_t p = 0;
    if (std::string_view(c.kind) == "normal") {
      // Most score themselves high: 70–100% of the maximum, in half points.
      p = (c.max * rng.between(140, 200) / 200) / 50 * 50;
    } else if (std::string_view(c.kind) == "bonus") {
      if (!rng.chance(200)) continue;
      p = 100 * rng.between(1, c.max / 100);
    } else {
      if (!rng.chance(60)) continue;
      p = 100 * rng.between(1, 5);
    }
    if (first == 0) first = p;
    t.entry.add({ctx.ids.next("score_entry"), id, c.id, std::string("self"), p, kNull, std::string(), std::string(),
                 self_actor, self_at});
  }
  if (!submitted) return;
  t.event.add({ctx.ids.next("sheet_event"), id, std::string("submitted"), std::string("self"), std::string(),
               self_actor, sent_at});
  if (!reviewed) return;
  // The Office takes off up to 5 points of the first criterion, with the reason.
  const std::int64_t cut = std::min<std::int64_t>(first, 100 * rng.between(0, 5));
  t.entry.add({ctx.ids.next("score_entry"), id, hand.front().id, std::string("office_review"), first - cut, kNull,
               std::string(), std::string(cut ? "Điều chỉnh theo kết quả thẩm định" : ""), office, review_at});
  t.event.add({ctx.ids.next("sheet_event"), id, std::string("reviewed"), std::string("office_review"), std::string(),
               office, review_at});
}

}  // namespace

Summary generate_evaluations(Context& ctx, Rng& rng, const Emit& emit) {
  const std::string& at = ctx.options.now;
  const auto& people = ctx.data.people;
  Tables t;
  long long sheets = 0, agencies_done = 0;
  // The person template with the most sheets: the ranking page the benchmark measures.
  std::int64_t bench_template = 0;
  long long bench_sheets = -1;
  std::string bench_code;
  for (const auto& a : ctx.data.agencies) {
    if (!a.movement_id) continue;
    const auto evaluation = ctx.ids.next("evaluation");
    t.evaluation.add({evaluation, a.id, a.movement_id, std::int64_t{kYear}, std::string("open"), who(a.office_user), at,
                      std::int64_t{1}});
    const auto unit_template = ctx.ids.next("score_template");
    auto unit_hand = add_template(ctx, t, evaluation, unit_template, "unit",
                                  "Bảng chấm điểm thi đua tập thể năm " + std::to_string(kYear), unit_groups(),
                                  a.office_user);
    const auto person_template = ctx.ids.next("score_template");
    auto person_hand = add_template(ctx, t, evaluation, person_template, "person",
                                    "Bảng chấm điểm thi đua cá nhân năm " + std::to_string(kYear), person_groups(),
                                    a.office_user);
    for (const auto& u : a.units) {
      add_sheet(ctx, rng, t, evaluation, unit_template, a.id, true, u.id, 0, unit_hand, 0, a.office_user);
      ++sheets;
    }
    long long person_sheets = 0;
    for (std::size_t pi : a.people) {
      const auto& p = people[pi];
      if (p.status != PersonStatus::active) continue;
      add_sheet(ctx, rng, t, evaluation, person_template, a.id, false, a.units[p.unit].id, p.id, person_hand,
                p.user_id, a.office_user);
      ++person_sheets;
    }
    sheets += person_sheets;
    if (person_sheets > bench_sheets) {
      bench_sheets = person_sheets;
      bench_template = person_template;
      bench_code = a.code;
    }
    if (++agencies_done % 25 == 0) emit(t.take());
  }
  emit(t.take());
  Summary s;
  s.lines.push_back("bench evaluation: " + std::to_string(sheets) + " sheets of " + std::to_string(kYear) +
                    "; template " + std::to_string(bench_template) + " (" + std::to_string(bench_sheets) +
                    " people of " + bench_code + "); sign in as " + lower_ascii(bench_code) + ".vanphong");
  return s;
}

}  // namespace thidua::gen
