#include "services/statistics_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "services/decision_rules.hpp"
#include "services/scope.hpp"
#include "storage/org_repo.hpp"
#include "storage/statistics_repo.hpp"

namespace thidua::services {

namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;
constexpr const char* kCircular = "Ban hành kèm theo Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ";

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

/// The statistical year: 15 December of the year before to 14 December.
std::pair<std::string, std::string> stat_period(int year) {
  return {std::to_string(year - 1) + "-12-15", std::to_string(year) + "-12-14"};
}

int vietnam_year(TimePoint now) {
  const auto days = std::chrono::floor<std::chrono::days>(now + std::chrono::hours(7));
  return static_cast<int>(std::chrono::year_month_day(days).year());
}

std::optional<std::chrono::year_month_day> parse_day(const std::string& iso) {
  if (iso.size() < 10) return std::nullopt;
  try {
    std::chrono::year_month_day d{std::chrono::year(std::stoi(iso.substr(0, 4))),
                                  std::chrono::month(static_cast<unsigned>(std::stoi(iso.substr(5, 2)))),
                                  std::chrono::day(static_cast<unsigned>(std::stoi(iso.substr(8, 2))))};
    if (!d.ok()) return std::nullopt;
    return d;
  } catch (...) {
    return std::nullopt;
  }
}

/// A thematic movement is long when it runs a year or more (to ≥ from + 1 year − 1 day).
bool runs_a_year(const std::string& from, const std::string& to) {
  auto f = parse_day(from), t = parse_day(to);
  if (!f || !t) return false;
  auto end = std::chrono::year_month_day{f->year() + std::chrono::years(1), f->month(), f->day()};
  if (!end.ok()) end = std::chrono::year_month_day{std::chrono::year_month_day_last{end.year(), std::chrono::month_day_last{end.month()}}};  // 29 Feb
  const auto last = std::chrono::sys_days(end) - std::chrono::days(1);
  return std::chrono::sys_days(*t) >= last;
}

/// Overseers of the agency: its Office, leaders, council, administrator; an authority above it
/// (can_read_agency says which); the installation administrator.
bool oversees(storage::Tx& tx, const Principal& actor, std::int64_t agency_id) {
  if (!can_read_agency(tx, actor, agency_id)) return false;
  if (is_installation_admin(actor)) return true;
  for (Role r : {Role::admin, Role::office, Role::leader, Role::council}) {
    if (actor.has_role_in(r, agency_id)) return true;
  }
  return actor.has_role(Role::authority);
}

Result<int> check_year(int year, TimePoint now) {
  if (year == 0) return vietnam_year(now);
  if (year < kFirstYear || year > kLastYear) {
    Error e{ErrorKind::validation, "statistics.year_invalid", {}, {}, std::to_string(year)};
    e.with("min", std::to_string(kFirstYear)).with("max", std::to_string(kLastYear));
    return tl::unexpected(std::move(e));
  }
  return year;
}

// ---- the forms ------------------------------------------------------------------------------

void frame(StatisticalForm& f, StatFormCode code, int year) {
  f.form = code;
  f.form_code = std::string(to_string(code)) + ".N/BNV-TĐKT";
  f.circular = kCircular;
  f.year = year;
  auto [from, to] = stat_period(year);
  f.period_from = from;
  f.period_to = to;
  f.due = "15/12/" + std::to_string(year);
  f.unverified.push_back(
      "Bố cục hàng, cột của biểu được thiết kế theo mô tả của Thông tư số 02/2023/TT-BNV; chưa đối chiếu được "
      "với bản biểu mẫu gốc (tên chỉ tiêu, mã số, thứ tự cột cần kiểm tra lại trước khi gửi).");
  f.unverified.push_back(
      "Thời kỳ báo cáo từ 15/12 năm trước đến 14/12 năm báo cáo lấy theo thời gian chốt số liệu báo cáo định kỳ "
      "hằng năm; ngày nhận báo cáo 15/12.");
}

StatisticalForm movements_form(int year, const std::vector<storage::StatMovementRow>& rows) {
  StatisticalForm f;
  frame(f, StatFormCode::f0601, year);
  f.title = "SỐ PHONG TRÀO THI ĐUA";
  f.name = "Số phong trào thi đua";
  f.groups = {{"", 1}, {"Chia theo tính chất, thời gian", 3}, {"Trong kỳ báo cáo", 2}};
  f.columns = {"Tổng số",
               "Thường xuyên (hằng năm)",
               "Theo đợt, chuyên đề: ngắn hạn (dưới 1 năm)",
               "Theo đợt, chuyên đề: dài hạn (từ 1 năm trở lên)",
               "Phát động mới",
               "Kết thúc, tổng kết"};
  f.unverified.push_back(
      "Ngưỡng ngắn hạn / dài hạn (dưới 1 năm / từ 1 năm trở lên) của phong trào theo đợt, chuyên đề là ngưỡng do "
      "phần mềm đặt, chưa đối chiếu với hướng dẫn của biểu.");
  // Levels in the order printed: national, province, agency; index 0 is the total.
  std::array<std::array<long long, 6>, 4> v{};
  const auto& [from, to] = std::pair{f.period_from, f.period_to};
  for (const auto& r : rows) {
    int line = r.level == "national" ? 1 : r.level == "province" ? 2 : 3;
    std::array<long long, 6> add{};
    add[0] = r.count;
    if (r.kind == "regular") add[1] = r.count;
    else if (runs_a_year(r.period_from, r.period_to)) add[3] = r.count;
    else add[2] = r.count;
    if (r.period_from >= from && r.period_from <= to) add[4] = r.count;
    if (r.period_to >= from && r.period_to <= to) add[5] = r.count;
    for (int c = 0; c < 6; ++c) {
      v[line][c] += add[c];
      v[0][c] += add[c];
    }
  }
  auto values = [&](int line) {
    std::vector<std::optional<long long>> out;
    for (long long x : v[line]) out.emplace_back(x);
    return out;
  };
  f.rows.push_back({"Tổng số phong trào thi đua", "01", false, true, 0, values(0)});
  f.rows.push_back({"Chia theo cấp phát động (phạm vi):", "", true, false, 0, {}});
  f.rows.push_back({"Do Trung ương phát động (phạm vi toàn quốc)", "02", false, false, 1, values(1)});
  f.rows.push_back({"Do tỉnh phát động (phạm vi toàn tỉnh)", "03", false, false, 1, values(2)});
  f.rows.push_back({"Do cơ quan, đơn vị phát động (phạm vi cơ quan, đơn vị)", "04", false, false, 1, values(3)});
  f.footnotes.push_back(
      "Tính các phong trào đã phát động có thời gian thực hiện giao với kỳ báo cáo; phát động mới: bắt đầu trong "
      "kỳ; kết thúc: thời gian thực hiện kết thúc trong kỳ.");
  return f;
}

StatisticalForm awards_form(StatFormCode code, int year, const std::vector<storage::StatAwardRow>& rows) {
  StatisticalForm f;
  frame(f, code, year);
  const bool titles = code == StatFormCode::f0602;
  f.title = titles ? "SỐ DANH HIỆU THI ĐUA ĐƯỢC TẶNG" : "SỐ HÌNH THỨC KHEN THƯỞNG";
  f.name = titles ? "Số danh hiệu thi đua được tặng" : "Số hình thức khen thưởng";
  f.groups = {{"", 1}, {"Cá nhân", 5}, {"", 1}, {"", 1}};
  f.columns = {"Tổng số",       "Tổng số",          "Trong đó: nữ", "Lãnh đạo, quản lý (1)",
               "Người trực tiếp lao động, công tác (1)", "Người dân tộc thiểu số (2)", "Tập thể", "Hộ gia đình"};
  f.footnotes.push_back(
      "(1) Sổ cán bộ của phần mềm không ghi chức vụ lãnh đạo, quản lý theo danh mục: cột để trống, không ước tính.");
  f.footnotes.push_back("(2) Sổ cán bộ của phần mềm không ghi dân tộc: cột để trống, không ước tính.");
  f.footnotes.push_back(
      "Tính các khen thưởng còn hiệu lực có ngày quyết định trong kỳ báo cáo (khen thưởng nhập từ hồ sơ cũ không "
      "ghi ngày: theo năm thành tích).");
  f.unverified.push_back(
      "Việc chia danh hiệu thi đua (biểu 0602) và hình thức khen thưởng (biểu 0603) thành hai biểu, và các cột "
      "theo đối tượng, được thiết kế theo mô tả; chưa đối chiếu với bản biểu mẫu gốc.");

  struct Counts {
    long long persons = 0, women = 0, units = 0, households = 0;
  };
  std::map<AwardForm, Counts> by_form;
  for (const auto& r : rows) {
    auto form = parse_award_form(r.form);
    if (!form || (form_kind(*form) == FormKind::title) != titles) continue;
    auto& c = by_form[*form];
    if (r.subject_kind == "person") {
      c.persons += r.count;
      c.women += r.women;
    } else if (r.subject_kind == "unit") {
      c.units += r.count;
    } else {
      c.households += r.count;
    }
  }
  auto values = [](const Counts& c) {
    return std::vector<std::optional<long long>>{c.persons + c.units + c.households, c.persons, c.women,
                                                 std::nullopt, std::nullopt, std::nullopt, c.units, c.households};
  };
  auto add = [](Counts& into, const Counts& c) {
    into.persons += c.persons;
    into.women += c.women;
    into.units += c.units;
    into.households += c.households;
  };
  Counts total;
  std::vector<StatRow> body;
  int code_no = 2;
  struct LevelLine {
    FormLevel level;
    const char* label;
  };
  const LevelLine levels[] = {
      {FormLevel::national, titles ? "Danh hiệu thi đua cấp Nhà nước" : "Khen thưởng cấp Nhà nước"},
      {FormLevel::province, titles ? "Danh hiệu thi đua cấp tỉnh" : "Khen thưởng cấp tỉnh"},
      {FormLevel::agency, titles ? "Danh hiệu thi đua cấp cơ quan, đơn vị" : "Khen thưởng cấp cơ quan, đơn vị"}};
  int roman = 0;
  const char* numerals[] = {"1. ", "2. ", "3. "};
  for (const auto& lv : levels) {
    Counts sub;
    std::vector<StatRow> lines;
    for (AwardForm form : all_award_forms()) {
      if ((form_kind(form) == FormKind::title) != titles || form_level(form) != lv.level) continue;
      Counts c = by_form.count(form) ? by_form[form] : Counts{};
      add(sub, c);
      lines.push_back({"- " + decision_rules::form_name_vi(form), "", false, false, 2, values(c)});
    }
    if (lines.empty()) continue;
    add(total, sub);
    body.push_back({std::string(numerals[roman++]) + lv.label, two(code_no++), false, true, 1, values(sub)});
    for (auto& l : lines) {
      l.code = two(code_no++);
      body.push_back(std::move(l));
    }
  }
  f.rows.push_back({"Tổng số", "01", false, true, 0, values(total)});
  for (auto& r : body) f.rows.push_back(std::move(r));
  return f;
}

StatisticalForm build_form(storage::Tx& tx, StatFormCode code, int year, const std::vector<std::int64_t>& ids) {
  auto [from, to] = stat_period(year);
  if (code == StatFormCode::f0601) return movements_form(year, storage::stat_movements(tx, ids, from, to));
  return awards_form(code, year, storage::stat_awards(tx, ids, from, to, year));
}

Agency agency_of(storage::Tx& tx, std::int64_t id) {
  auto row = storage::find_agency_row(tx, id);
  return row ? row->agency : Agency{id, "", ""};
}

}  // namespace

std::string_view to_string(StatFormCode f) {
  switch (f) {
    case StatFormCode::f0601: return "0601";
    case StatFormCode::f0602: return "0602";
    case StatFormCode::f0603: return "0603";
  }
  return "0601";
}

std::optional<StatFormCode> parse_stat_form(std::string_view s) {
  for (auto f : kStatForms) {
    if (s.substr(0, 4) == to_string(f) && (s.size() == 4 || s[4] == '.')) return f;
  }
  return std::nullopt;
}

ReportKind report_kind_of(StatFormCode f) {
  switch (f) {
    case StatFormCode::f0601: return ReportKind::form_0601;
    case StatFormCode::f0602: return ReportKind::form_0602;
    case StatFormCode::f0603: return ReportKind::form_0603;
  }
  return ReportKind::other;
}

std::string StatisticalForm::file_name(std::string_view ext) const {
  std::string who = agencies.size() == 1 ? agencies.front().code : "tinh";
  if (who.empty()) who = "donvi";
  return "bieu-" + std::string(to_string(form)) + "-" + std::to_string(year) + "-" + who + "." + std::string(ext);
}

StatisticsService::StatisticsService(std::shared_ptr<storage::Database> db, Clock clock)
    : db_(std::move(db)), clock_(std::move(clock)) {}

std::optional<std::int64_t> StatisticsService::authority_of(const Principal& actor) {
  for (const auto& g : actor.grants) {
    if (g.role == Role::authority && g.agency_id) return g.agency_id;
  }
  return std::nullopt;
}

Result<StatisticalForm> StatisticsService::form(const Principal& actor, std::int64_t agency_id, StatFormCode f,
                                                int year) {
  auto y = check_year(year, clock_());
  if (!y) return tl::unexpected(y.error());
  return db_->read([&](storage::Tx& tx) -> Result<StatisticalForm> {
    auto row = storage::find_agency_row(tx, agency_id);
    if (!row || !oversees(tx, actor, agency_id)) return fail(ErrorKind::not_found, "agency.not_found");
    auto out = build_form(tx, f, *y, {agency_id});
    out.reporting_unit = row->agency.name;
    if (row->parent_id) {
      out.receiving_unit = agency_of(tx, *row->parent_id).name;
      out.receiving_agency_id = row->parent_id;
    }
    out.agencies = {row->agency};
    return out;
  });
}

Result<StatisticalForm> StatisticsService::province_form(const Principal& actor, StatFormCode f, int year) {
  auto authority = authority_of(actor);
  if (!authority) return fail(ErrorKind::forbidden, "statistics.not_authority");
  auto y = check_year(year, clock_());
  if (!y) return tl::unexpected(y.error());
  return db_->read([&](storage::Tx& tx) -> Result<StatisticalForm> {
    auto children = storage::stat_child_agencies(tx, *authority);
    std::vector<std::int64_t> ids;
    for (const auto& a : children) ids.push_back(a.id);
    auto out = build_form(tx, f, *y, ids);
    out.reporting_unit = agency_of(tx, *authority).name;
    out.receiving_unit = "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)";
    out.agencies = std::move(children);
    out.footnotes.push_back("Số liệu cộng của " + std::to_string(out.agencies.size()) +
                            " cơ quan, đơn vị trực thuộc, tính từ dữ liệu các đơn vị ghi trong phần mềm.");
    return out;
  });
}

Result<ProvinceTotals> StatisticsService::province_totals(const Principal& actor, int year) {
  auto authority = authority_of(actor);
  if (!authority) return fail(ErrorKind::forbidden, "statistics.not_authority");
  auto y = check_year(year, clock_());
  if (!y) return tl::unexpected(y.error());
  return db_->read([&](storage::Tx& tx) -> Result<ProvinceTotals> {
    ProvinceTotals t;
    t.authority = agency_of(tx, *authority);
    t.year = *y;
    const std::string from = std::to_string(*y) + "-01-01", to = std::to_string(*y) + "-12-31";
    auto children = storage::stat_child_agencies(tx, *authority);
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, std::size_t> at;
    for (const auto& a : children) {
      at[a.id] = t.agencies.size();
      ids.push_back(a.id);
      t.agencies.push_back({});
      t.agencies.back().agency = a;
    }
    for (const auto& r : storage::stat_movements(tx, ids, from, to)) {
      auto& a = t.agencies[at[r.agency_id]];
      a.movements += r.count;
      (r.level == "national" ? a.movements_national : r.level == "province" ? a.movements_province
                                                                             : a.movements_agency) += r.count;
    }
    for (const auto& r : storage::stat_achievements(tx, ids, *y)) {
      auto& a = t.agencies[at[r.agency_id]];
      a.achievements = r.records;
      a.cash_vnd = r.cash_vnd;
      a.goods_vnd = r.goods_vnd;
      a.workdays = r.workdays;
      a.land_m2 = r.land_m2;
    }
    for (const auto& r : storage::stat_initiatives(tx, ids, from, to)) t.agencies[at[r.agency_id]].initiatives = r.count;
    std::map<AwardForm, long long> forms;
    for (const auto& r : storage::stat_awards(tx, ids, from, to, *y)) {
      t.agencies[at[r.agency_id]].awards += r.count;
      if (auto f = parse_award_form(r.form)) forms[*f] += r.count;
    }
    for (AwardForm f : all_award_forms()) {
      if (forms.count(f) && forms[f] > 0) t.awards_by_form.emplace_back(f, forms[f]);
    }
    auto& s = t.total;
    s.agency = {0, "", "Tổng cộng"};
    for (const auto& a : t.agencies) {
      s.movements += a.movements;
      s.movements_agency += a.movements_agency;
      s.movements_province += a.movements_province;
      s.movements_national += a.movements_national;
      s.achievements += a.achievements;
      s.cash_vnd += a.cash_vnd;
      s.goods_vnd += a.goods_vnd;
      s.workdays += a.workdays;
      s.land_m2 += a.land_m2;
      s.initiatives += a.initiatives;
      s.awards += a.awards;
    }
    for (const auto& c : storage::stat_cluster_templates(tx, ids, *y)) {
      t.clusters.push_back({c.template_id, c.title, t.agencies[at[c.agency_id]].agency});
    }
    return t;
  });
}

}  // namespace thidua::services
