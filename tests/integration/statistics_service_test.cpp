// The statistical forms of Circular 02/2023/TT-BNV and the province totals on a real SQLite and
// PostgreSQL: counts on a fixture with known movements and awards (levels, kinds, durations,
// the statistical year's cut-off on 14 December, withdrawn and draft rows left out, women
// counted, unrecorded columns empty), the files, and who may see what (the authority only its
// own agencies; an agency's Office not the province, nor another agency's forms).

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/statistics_service.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

using services::StatFormCode;

class StatisticsServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    people_ = std::make_shared<services::PeopleService>(db_, clock_.clock());
    stats_ = std::make_shared<services::StatisticsService>(db_, clock_.clock());
    root_ = services::operator_principal("test");
    snv_ = agency("SNV", "Sở Nội vụ tỉnh Cao Bằng", "authority", "");
    bdt_ = agency("BDT", "Ban Dân tộc tỉnh Cao Bằng", "agency", "SNV");
    skh_ = agency("SKH", "Sở Khoa học và Công nghệ", "agency", "SNV");
    far_ = agency("HGG", "Sở Nội vụ tỉnh khác", "agency", "");
    auto u = org_->create_unit(root_, bdt_, {"VP", "office", "Văn phòng", "01/01/2021"});
    ASSERT_TRUE(u.has_value());
    unit_ = u->id;
    lan_ = person(bdt_, "BDT001", "Hoàng Thị Lan", "female");
    duc_ = person(bdt_, "BDT002", "Đàm Văn Đức", "male");
    mai_ = person(bdt_, "BDT003", "Đinh Thị Mai", "female");
    // Movements of Ban Dân tộc: the year's regular one, a long thematic one of the province, a
    // short thematic one of its own; a draft and one over before the year are left out.
    movement(bdt_, "regular", "agency", "2025-01-01", "2025-12-31", "launched");
    movement(bdt_, "thematic", "province", "2024-03-01", "2026-12-31", "launched");
    movement(bdt_, "thematic", "agency", "2025-03-01", "2025-06-30", "closed");
    movement(bdt_, "thematic", "national", "2025-01-01", "2025-12-31", "draft");
    movement(bdt_, "regular", "agency", "2023-01-01", "2023-12-31", "closed");
    movement(skh_, "regular", "agency", "2025-01-01", "2025-12-31", "launched");
    movement(far_, "regular", "agency", "2025-01-01", "2025-12-31", "launched");
    // Awards of Ban Dân tộc in the statistical year 2025 (15/12/2024 – 14/12/2025).
    award(bdt_, "person", lan_, "advanced_worker", "2025-06-01", 0);
    award(bdt_, "person", duc_, "advanced_worker", "2025-12-05", 0);
    award(bdt_, "person", mai_, "grassroots_fighter", "", 0);          // imported, no date: its year
    award(bdt_, "unit", unit_, "advanced_collective", "2024-12-15", 0);  // the first day
    award(bdt_, "person", duc_, "grassroots_fighter", "2025-12-20", 0);  // after the cut-off: 2026
    award(bdt_, "person", lan_, "diploma_of_merit", "2025-03-01", 1);    // withdrawn
    award(bdt_, "household", 77, "certificate_of_merit", "2025-05-01", 0);
    award(bdt_, "person", mai_, "certificate_of_merit", "2025-05-01", 0);
    award(skh_, "unit", 5, "certificate_of_merit", "2025-04-01", 0);
    award(far_, "unit", 6, "certificate_of_merit", "2025-04-01", 0);
    const auto m = std::to_string(scalar("SELECT MIN(id) FROM movement WHERE agency_id = " + std::to_string(bdt_)));
    exec("INSERT INTO movement_item (movement_id, section, position) VALUES (" + m + ", 'content', 1)");
    const auto item = std::to_string(scalar("SELECT MIN(id) FROM movement_item WHERE movement_id = " + m));
    exec("INSERT INTO achievement (agency_id, movement_id, item_id, subject_kind, unit_id, kind, year, occurred_on, "
         "title, cash_vnd, workdays, status, created_at, updated_at) VALUES (" +
         std::to_string(bdt_) + ", " + m + ", " + item + ", 'unit', " + std::to_string(unit_) +
         ", 'resource', 2025, '2025-05-01', 'Ủng hộ', 2000000, 10, 'verified', 'x', 'x')");
  }

  std::int64_t agency(const char* code, const char* name, const char* kind, const char* parent) {
    auto a = org_->create_agency(root_, {code, name, kind, parent, "", ""});
    EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().code);
    return a ? a->agency.id : 0;
  }
  std::int64_t person(std::int64_t agency, const char* code, const char* name, const char* gender) {
    services::PersonInput in;
    in.code = code;
    in.full_name = name;
    in.gender = gender;
    in.employment = "civil_servant";
    in.unit_id = std::to_string(unit_);
    auto p = people_->create(root_, agency, in);
    EXPECT_TRUE(p.has_value());
    return p ? p->id : 0;
  }
  void movement(std::int64_t agency, const char* kind, const char* level, const char* from, const char* to,
                const char* status) {
    exec("INSERT INTO movement (agency_id, title, kind, level, period_from, period_to, summary, doc_symbol, place, "
         "status, created_at, updated_at) VALUES (" +
         std::to_string(agency) + ", 'Phong trào', '" + kind + "', '" + level + "', '" + from + "', '" + to +
         "', 'x', 'KH', 'Cao Bằng', '" + status + "', 'x', 'x')");
  }
  void award(std::int64_t agency, const char* subject, std::int64_t id, const char* form, const char* date,
             int withdrawn) {
    exec("INSERT INTO award (agency_id, subject_kind, subject_id, subject_name, form, basis, year, decision_date, "
         "source, withdrawn, created_at) VALUES (" +
         std::to_string(agency) + ", '" + subject + "', " + std::to_string(id) + ", 'Tên', '" + form +
         "', 'yearly', 2025, '" + date + "', 'imported', " + std::to_string(withdrawn) + ", 'x')");
  }
  static Principal principal(Role role, std::int64_t agency) {
    Principal p;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, std::nullopt});
    return p;
  }
  static const services::StatRow& row(const services::StatisticalForm& f, const std::string& code) {
    for (const auto& r : f.rows) {
      if (r.code == code) return r;
    }
    throw std::runtime_error("no row " + code);
  }
  static long long at(const services::StatRow& r, std::size_t c) { return r.values.at(c).value_or(-1); }

  ManualClock clock_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::StatisticsService> stats_;
  Principal root_;
  std::int64_t snv_ = 0, bdt_ = 0, skh_ = 0, far_ = 0, unit_ = 0, lan_ = 0, duc_ = 0, mai_ = 0;
};

TEST_F(StatisticsServiceTest, MovementsFormCountsByLevelKindAndDuration) {
  auto f = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0601, 2025);
  ASSERT_TRUE(f.has_value()) << f.error().code;
  EXPECT_EQ(f->form_code, "0601.N/BNV-TĐKT");
  EXPECT_EQ(f->period_from, "2024-12-15");
  EXPECT_EQ(f->period_to, "2025-12-14");
  EXPECT_EQ(f->due, "15/12/2025");
  EXPECT_EQ(f->reporting_unit, "Ban Dân tộc tỉnh Cao Bằng");
  EXPECT_EQ(f->receiving_unit, "Sở Nội vụ tỉnh Cao Bằng");
  // Columns: total, regular, thematic short, thematic long, launched in the period, ended in it.
  const auto& total = row(*f, "01");
  EXPECT_EQ(at(total, 0), 3);
  EXPECT_EQ(at(total, 1), 1);
  EXPECT_EQ(at(total, 2), 1);
  EXPECT_EQ(at(total, 3), 1);
  EXPECT_EQ(at(total, 4), 2);
  EXPECT_EQ(at(total, 5), 1);
  EXPECT_EQ(at(row(*f, "02"), 0), 0);  // national: the draft does not count
  EXPECT_EQ(at(row(*f, "03"), 0), 1);
  EXPECT_EQ(at(row(*f, "03"), 3), 1);  // the province's, long
  EXPECT_EQ(at(row(*f, "04"), 0), 2);
  EXPECT_FALSE(f->unverified.empty());
}

TEST_F(StatisticsServiceTest, TitlesFormCountsBySubjectWithWomenAndLeavesUnrecordedEmpty) {
  auto f = stats_->form(principal(Role::leader, bdt_), bdt_, StatFormCode::f0602, 2025);
  ASSERT_TRUE(f.has_value()) << f.error().code;
  const auto& total = row(*f, "01");
  // LĐTT ×2 (one woman), CSTĐCS imported without a date (a woman), TTLĐTT on 15/12/2024.
  EXPECT_EQ(at(total, 0), 4);
  EXPECT_EQ(at(total, 1), 3);
  EXPECT_EQ(at(total, 2), 2);
  EXPECT_FALSE(total.values.at(3).has_value()) << "leaders are not recorded";
  EXPECT_FALSE(total.values.at(4).has_value());
  EXPECT_FALSE(total.values.at(5).has_value()) << "ethnic minorities are not recorded";
  EXPECT_EQ(at(total, 6), 1);
  EXPECT_EQ(at(total, 7), 0);
  bool lao_dong = false;
  for (const auto& r : f->rows) {
    if (r.label == "- Lao động tiên tiến") {
      lao_dong = true;
      EXPECT_EQ(at(r, 0), 2);
      EXPECT_EQ(at(r, 2), 1);
    }
  }
  EXPECT_TRUE(lao_dong);
  EXPECT_EQ(f->footnotes.size(), 3u);

  auto forms = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0603, 2025);
  ASSERT_TRUE(forms.has_value());
  const auto& t = row(*forms, "01");
  EXPECT_EQ(at(t, 0), 2);  // Giấy khen: a household and a person; the withdrawn Bằng khen left out
  EXPECT_EQ(at(t, 1), 1);
  EXPECT_EQ(at(t, 7), 1);

  // Next year's form takes the award of 20/12/2025.
  auto next = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0602, 2026);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(at(row(*next, "01"), 0), 1);
}

TEST_F(StatisticsServiceTest, FilesAreAnXlsxAndAPdf) {
  auto f = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0602, 2025);
  ASSERT_TRUE(f.has_value());
  auto xlsx = services::StatisticsService::form_xlsx(*f);
  ASSERT_TRUE(xlsx.has_value());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  auto pdf = services::StatisticsService::form_pdf(*f);
  ASSERT_TRUE(pdf.has_value());
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  EXPECT_EQ(f->file_name("pdf"), "bieu-0602-2025-BDT.pdf");
}

TEST_F(StatisticsServiceTest, AnEmptyYearIsAnHonestFormOfZeros) {
  auto f = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0601, 2010);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(at(row(*f, "01"), 0), 0);
  auto bad = stats_->form(principal(Role::office, bdt_), bdt_, StatFormCode::f0601, 1800);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, "statistics.year_invalid");
}

TEST_F(StatisticsServiceTest, OnlyOverseersOfTheAgencySeeItsForms) {
  EXPECT_EQ(stats_->form(principal(Role::office, bdt_), skh_, StatFormCode::f0601, 2025).error().code,
            "agency.not_found");
  EXPECT_EQ(stats_->form(principal(Role::staff, bdt_), bdt_, StatFormCode::f0601, 2025).error().code,
            "agency.not_found");
  EXPECT_TRUE(stats_->form(principal(Role::authority, snv_), bdt_, StatFormCode::f0601, 2025).has_value());
  EXPECT_EQ(stats_->form(principal(Role::authority, snv_), far_, StatFormCode::f0601, 2025).error().code,
            "agency.not_found");
}

TEST_F(StatisticsServiceTest, TheAuthoritySeesTotalsOfItsOwnAgenciesOnly) {
  auto t = stats_->province_totals(principal(Role::authority, snv_), 2025);
  ASSERT_TRUE(t.has_value()) << t.error().code;
  EXPECT_EQ(t->authority.name, "Sở Nội vụ tỉnh Cao Bằng");
  ASSERT_EQ(t->agencies.size(), 2u);
  EXPECT_EQ(t->agencies[0].agency.code, "BDT");
  EXPECT_EQ(t->agencies[1].agency.code, "SKH");
  // Calendar year 2025: BDT's awards dated in 2025 (not the one of 15/12/2024, but the one of
  // 20/12/2025 and the undated one), not the withdrawn one; SKH's one; none of HGG's.
  EXPECT_EQ(t->agencies[0].awards, 6);
  EXPECT_EQ(t->agencies[1].awards, 1);
  EXPECT_EQ(t->total.awards, 7);
  EXPECT_EQ(t->agencies[0].movements, 3);
  EXPECT_EQ(t->agencies[0].movements_province, 1);
  EXPECT_EQ(t->total.movements, 4);
  EXPECT_EQ(t->agencies[0].achievements, 1);
  EXPECT_EQ(t->total.cash_vnd, 2000000);
  EXPECT_EQ(t->total.workdays, 10);

  auto province = stats_->province_form(principal(Role::authority, snv_), StatFormCode::f0603, 2025);
  ASSERT_TRUE(province.has_value());
  EXPECT_EQ(at(row(*province, "01"), 0), 3);  // BDT's two Giấy khen and SKH's; not HGG's
  EXPECT_EQ(province->agencies.size(), 2u);
}

TEST_F(StatisticsServiceTest, AnAgencysOfficeCannotOpenTheProvince) {
  auto t = stats_->province_totals(principal(Role::office, bdt_), 2025);
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().kind, ErrorKind::forbidden);
  EXPECT_FALSE(stats_->province_form(principal(Role::leader, bdt_), StatFormCode::f0601, 2025).has_value());
}

}  // namespace
}  // namespace thidua::it
