// The communes an agency supports, on a real SQLite and PostgreSQL: the catalogue with its
// history (rename, the 2025 merger with assignments carried over), assignments, the criteria
// set in force by date, assessments and every refusal, withdrawal, recognition events, the
// support ledger from verified achievements only, the overview, indicators, and another
// agency seeing nothing.

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/commune_service.hpp"
#include "services/criteria_files.hpp"
#include "services/evidence_service.hpp"
#include "services/crypto.hpp"
#include "services/file_store.hpp"
#include "services/movement_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

class CommuneServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    auto loaded = services::load_criteria_sets(*db_, clock_.clock());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().detail;
    ASSERT_EQ(loaded->created, 3);
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    people_ = std::make_shared<services::PeopleService>(db_, clock_.clock());
    files_ = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
    evidence_ = std::make_shared<services::EvidenceService>(db_, files_, services::EvidenceConfig{}, clock_.clock());
    communes_ = std::make_shared<services::CommuneService>(db_, evidence_, clock_.clock());
    root_ = services::operator_principal("test");
    auto a = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
    ASSERT_TRUE(a.has_value());
    agency_ = a->id;
    auto other = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ");
    ASSERT_TRUE(other.has_value());
    other_ = other->id;
    auto unit = org_->create_unit(root_, agency_, {"CSDT", "department", "Phòng Chính sách Dân tộc", "01/01/2021"});
    ASSERT_TRUE(unit.has_value());
    unit_ = unit->id;
    office_ = principal(Role::office, agency_);
    stranger_ = principal(Role::office, other_);
    // A person of the agency with an account: the assignment's contact, who may assess.
    services::PersonInput p{"Đàm Văn Đức", "BDT006", "male", "30/04/1990", "civil_servant", "01/01/2021", "active",
                            std::to_string(unit_), "Chuyên viên"};
    auto person = people_->create(root_, agency_, p);
    ASSERT_TRUE(person.has_value()) << person.error().code;
    person_ = person->id;
    services::NewUserInput u;
    u.login = "canbo";
    u.display_name = "Đàm Văn Đức";
    u.password = "Mat-khau-thu-2024!";
    u.agency_code = "BDT";
    u.roles = {"staff"};
    auto account = users_->add_user(root_, u);
    ASSERT_TRUE(account.has_value()) << account.error().code;
    ASSERT_TRUE(people_->link_account(root_, person_, "canbo").has_value());
    contact_ = principal(Role::staff, agency_);
    contact_.user_id = account->id;
    // A staff member who is not a contact.
    bystander_ = principal(Role::staff, agency_);
  }

  static Principal principal(Role role, std::int64_t agency) {
    Principal p;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, std::nullopt});
    return p;
  }

  std::int64_t commune(const std::string& code, const std::string& name, const std::string& district = "Bảo Lâm") {
    auto c = communes_->create_commune(root_, {code, name, "xa", district, "Cao Bằng", ""});
    EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().code);
    return c ? c->id : 0;
  }

  CommuneAssignment assign(const std::string& code, const std::string& level = "ntm") {
    services::AssignmentInput in;
    in.commune_code = code;
    in.decision_ref = "1177/QĐ-UBND";
    in.decision_date = "12/09/2022";
    in.target_level = level;
    in.target_year = "2025";
    in.contact_ids = {std::to_string(person_)};
    in.contact_role = "Thành viên Tổ công tác";
    auto a = communes_->assign(office_, agency_, in);
    EXPECT_TRUE(a.has_value()) << (a ? "" : a.error().code);
    return a ? *a : CommuneAssignment{};
  }

  /// Every criterion of the set in force on `date` for the commune, the first `met` met.
  services::AssessmentInput full(std::int64_t commune_id, const std::string& date, int met) {
    auto form = communes_->assessment_form(contact_, commune_id, date);
    EXPECT_TRUE(form.has_value()) << (form ? "" : form.error().code);
    services::AssessmentInput in;
    in.assessed_on = date;
    if (!form) return in;
    for (const auto& c : form->set.criteria) {
      in.items.push_back({std::to_string(c.id), c.number <= met ? "1" : "0", "", c.number <= met ? "" : "Chưa đạt"});
    }
    return in;
  }

  /// A file as an upload leaves it on disk.
  services::EvidenceUpload upload(const std::string& name, const std::string& bytes) {
    auto path = test_db_->scratch_path("upload-" + std::to_string(++uploads_));
    std::ofstream(path, std::ios::binary) << bytes;
    services::EvidenceUpload u;
    u.file_name = name;
    u.path = path;
    u.size = bytes.size();
    u.sha256 = services::sha256_hex(bytes);
    u.head = bytes.substr(0, 8192);
    return u;
  }

  static bool names_field(const Error& e, const std::string& field) {
    for (const auto& f : e.fields) {
      if (f.field == field) return true;
    }
    return false;
  }

  ManualClock clock_;  // 2026-11-28
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::FileStore> files_;
  std::shared_ptr<services::EvidenceService> evidence_;
  std::shared_ptr<services::CommuneService> communes_;
  int uploads_ = 0;
  Principal root_, office_, stranger_, contact_, bystander_;
  std::int64_t agency_ = 0, other_ = 0, unit_ = 0, person_ = 0;
};

TEST_F(CommuneServiceTest, CriteriaSetsLoadOnceWithTheirPeriodsAndCitations) {
  auto again = services::load_criteria_sets(*db_, clock_.clock());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM criteria_set"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM criterion c JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'ntm-2021-2025'"), 19);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM criterion c JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'commune-2026-2030'"), 10);
  EXPECT_EQ(text("SELECT valid_to FROM criteria_set WHERE code = 'ntm-2021-2025'"), "2026-01-01");
  EXPECT_EQ(text("SELECT valid_from FROM criteria_set WHERE code = 'commune-2026-2030'"), "2026-02-15");
  EXPECT_NE(text("SELECT citation FROM criteria_set WHERE code = 'ntm-2021-2025'").find("318/QĐ-TTg"), std::string::npos);
  EXPECT_NE(text("SELECT citation FROM criteria_set WHERE code = 'commune-2026-2030'").find("51/2025/QĐ-TTg"),
            std::string::npos);
  auto sets = communes_->criteria_sets(office_);
  ASSERT_TRUE(sets.has_value());
  bool groups = false, unverified = false;
  for (const auto& v : *sets) {
    if (v.set.code == "commune-2026-2030") groups = v.groups.size() == 3;
    if (v.set.code == "ntm-advanced-2021-2025") unverified = v.unverified;
    EXPECT_FALSE(v.can_edit) << "only the installation administrator adds indicators";
  }
  EXPECT_TRUE(groups);
  EXPECT_TRUE(unverified);
}

TEST_F(CommuneServiceTest, AParsedFileBecomesExclusiveEndAndRefusesNonsense) {
  auto f = services::parse_criteria_file(
      "code = \"x\"\nname = \"X\"\nlevel = \"ntm\"\nin_force_from = 2021-01-01\nin_force_until = 2024-02-29\n"
      "citation = \"QĐ\"\n[[criterion]]\nnumber = 2\nname = \"B\"\n[[criterion]]\nnumber = 1\nname = \"A\"\n"
      "[[criterion.indicator]]\ncode = \"1.1\"\nname = \"Chỉ tiêu\"\n",
      "x.toml");
  ASSERT_TRUE(f.has_value()) << f.error().detail;
  EXPECT_EQ(f->set.valid_to, "2024-03-01");
  ASSERT_EQ(f->set.criteria.size(), 2u);
  EXPECT_EQ(f->set.criteria[0].name, "A");
  ASSERT_EQ(f->set.criteria[0].indicators.size(), 1u);
  EXPECT_FALSE(services::parse_criteria_file("code = \"x\"\nname = \"X\"\nlevel = \"nope\"\nin_force_from = 2021-01-01\n"
                                             "citation = \"c\"\n[[criterion]]\nnumber = 1\nname = \"A\"\n",
                                             "bad.toml"));
  EXPECT_FALSE(services::parse_criteria_file("code = \"x\"\nname = \"X\"\nlevel = \"ntm\"\nin_force_from = 2021-01-01\n"
                                             "citation = \"c\"\n[[criterion]]\nnumber = 1\nname = \"A\"\n"
                                             "[[criterion]]\nnumber = 1\nname = \"B\"\n",
                                             "twice.toml"));
}

TEST_F(CommuneServiceTest, CatalogueKeepsHistoryAcrossRenameAndMerger) {
  auto ly_bon = commune("01294", "Lý Bôn");
  auto nam_cao = commune("01297", "Nam Cao");
  auto new_nam_quang = communes_->create_commune(root_, {"01299", "Nam Quang", "xa", "", "Cao Bằng", "01/07/2025"});
  ASSERT_TRUE(new_nam_quang.has_value());

  // Refusals: a taken code (409), a code with letters, no name, no province (422).
  auto taken = communes_->create_commune(root_, {"01294", "Trùng", "xa", "", "Cao Bằng", ""});
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);
  auto bad = communes_->create_commune(root_, {"01A", "", "xã lạ", "", "", ""});
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(names_field(bad.error(), "code"));
  EXPECT_TRUE(names_field(bad.error(), "name"));
  EXPECT_TRUE(names_field(bad.error(), "kind"));
  EXPECT_TRUE(names_field(bad.error(), "province"));
  // Only the installation administrator and authorities keep the catalogue.
  auto by_office = communes_->create_commune(office_, {"09999", "Thử", "xa", "", "Cao Bằng", ""});
  ASSERT_FALSE(by_office.has_value());
  EXPECT_EQ(by_office.error().kind, ErrorKind::forbidden);
  Principal authority = principal(Role::authority, other_);
  EXPECT_TRUE(communes_->create_commune(authority, {"09998", "Thử Hai", "xa", "", "Cao Bằng", ""}).has_value());

  // Assigned before the merger; assessed in 2024.
  auto a = assign("01297");
  ASSERT_TRUE(communes_->record_assessment(contact_, nam_cao, full(nam_cao, "2024-12-20", 12)).has_value());

  // Rename Lý Bôn from 2024-01-01: the old name stays a version.
  auto entry = communes_->catalogue_entry(root_, ly_bon);
  ASSERT_TRUE(entry.has_value());
  services::CommuneChangeInput rename;
  rename.change = "rename";
  rename.name = "Lý Bôn Mới";
  rename.kind = "xa";
  rename.district = "Bảo Lâm";
  rename.effective_date = "01/01/2024";
  auto renamed = communes_->change_commune(root_, ly_bon, entry->commune.version, rename);
  ASSERT_TRUE(renamed.has_value()) << renamed.error().code << ": " << renamed.error().detail;
  EXPECT_EQ(renamed->name, "Lý Bôn Mới");
  auto stale = communes_->change_commune(root_, ly_bon, entry->commune.version, rename);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, "edit.stale");
  auto versions = communes_->catalogue_entry(root_, ly_bon);
  ASSERT_EQ(versions->versions.size(), 2u);
  EXPECT_EQ(versions->versions[0].name, "Lý Bôn");
  EXPECT_EQ(versions->versions[0].valid_to, "2024-01-01");

  // Merge Nam Cao into the new Nam Quang from 2025-07-01: a merge needs its decision.
  auto nc = communes_->catalogue_entry(root_, nam_cao);
  services::CommuneChangeInput merge;
  merge.change = "merge";
  merge.into_code = "01299";
  merge.effective_date = "01/07/2025";
  auto no_ref = communes_->change_commune(root_, nam_cao, nc->commune.version, merge);
  ASSERT_FALSE(no_ref.has_value());
  EXPECT_TRUE(names_field(no_ref.error(), "decision_ref"));
  merge.decision_ref = "NQ/UBTVQH15";
  auto merged = communes_->change_commune(root_, nam_cao, nc->commune.version, merge);
  ASSERT_TRUE(merged.has_value()) << merged.error().code;
  EXPECT_EQ(merged->status, CommuneStatus::merged);
  EXPECT_EQ(merged->name, "Nam Cao") << "the old commune keeps its name";

  // The old commune's page says where it went and keeps its records; the assignment ended
  // the day before and carries on with the new commune.
  auto old_page = communes_->get(office_, nam_cao);
  ASSERT_TRUE(old_page.has_value()) << old_page.error().code;
  ASSERT_EQ(old_page->lineage.size(), 1u);
  EXPECT_EQ(old_page->lineage[0].to_name, "Nam Quang");
  EXPECT_EQ(old_page->lineage[0].effective_date, "2025-07-01");
  ASSERT_TRUE(old_page->latest.has_value());
  EXPECT_EQ(old_page->latest->criteria_met, 12);
  ASSERT_EQ(old_page->assignments.size(), 1u);
  EXPECT_EQ(old_page->assignments[0].valid_to, "2025-07-01");
  auto new_page = communes_->get(office_, new_nam_quang->id);
  ASSERT_TRUE(new_page.has_value());
  ASSERT_EQ(new_page->assignments.size(), 1u);
  EXPECT_EQ(new_page->assignments[0].valid_from, "2025-07-01");
  EXPECT_EQ(new_page->assignments[0].contacts.size(), 1u);
  EXPECT_EQ(new_page->lineage[0].from_name, "Nam Cao");
  // A merged commune is not assigned anew after the merger, nor merged again.
  auto late = communes_->change_commune(root_, nam_cao, merged->version, merge);
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, "commune.not_active");
  (void)a;

  auto page = communes_->catalogue(office_, {"nam", "", "", 1, 50});
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->total, 2) << "'nam' finds Nam Cao and Nam Quang without diacritics";
  EXPECT_FALSE(page->can_edit);
}

TEST_F(CommuneServiceTest, AssessmentsFollowTheSetInForceAndRefuseWhatIsWrong) {
  auto id = commune("01294", "Lý Bôn");
  auto a = assign("01294");
  ASSERT_GT(a.id, 0);

  // 2021–2025: the 19 criteria of the NTM set.
  auto first = communes_->record_assessment(contact_, id, full(id, "2023-06-20", 11));
  ASSERT_TRUE(first.has_value()) << first.error().code;
  EXPECT_EQ(first->criteria_met, 11);
  EXPECT_EQ(first->criteria_total, 19);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assessment_item WHERE assessment_id = " + std::to_string(first->id)), 19);
  // From 2026-02-15: the 10 criteria of Decision 51/2025/QĐ-TTg.
  auto later = communes_->record_assessment(contact_, id, full(id, "2026-06-22", 6));
  ASSERT_TRUE(later.has_value()) << later.error().code;
  EXPECT_EQ(later->criteria_total, 10);
  // Between the two sets nothing is in force.
  auto gap = communes_->assessment_form(contact_, id, "2026-01-10");
  ASSERT_FALSE(gap.has_value());
  EXPECT_EQ(gap.error().fields.at(0).code, "assessment.no_set");

  const auto rows_before = scalar("SELECT COUNT(*) FROM assessment");
  // The future.
  auto future = full(id, "2023-12-20", 12);
  future.assessed_on = "29/11/2026";
  auto r1 = communes_->record_assessment(contact_, id, future);
  ASSERT_FALSE(r1.has_value());
  EXPECT_EQ(r1.error().fields.at(0).code, "assessment.future");
  // Before the assignment (12/09/2022).
  auto before = full(id, "2023-12-20", 12);
  before.assessed_on = "01/09/2022";
  auto r2 = communes_->record_assessment(contact_, id, before);
  ASSERT_FALSE(r2.has_value());
  EXPECT_TRUE(names_field(r2.error(), "assessed_on"));
  EXPECT_EQ(r2.error().fields.at(0).code, "assessment.outside_assignment");
  // A criterion without a status: named by its field, nothing written.
  auto missing = full(id, "2023-12-20", 12);
  missing.items[3].met = "";
  auto r3 = communes_->record_assessment(contact_, id, missing);
  ASSERT_FALSE(r3.has_value());
  EXPECT_TRUE(names_field(r3.error(), "met_" + missing.items[3].criterion_id));
  // A criterion of another set (the 2026 set on a 2023 date).
  auto wrong_set = full(id, "2023-12-20", 12);
  wrong_set.items.push_back(full(id, "2026-06-22", 1).items.front());
  auto r4 = communes_->record_assessment(contact_, id, wrong_set);
  ASSERT_FALSE(r4.has_value());
  EXPECT_EQ(r4.error().code, "assessment.criterion_not_in_set");
  // A second one on the same date by the agency: 409.
  auto r5 = communes_->record_assessment(contact_, id, full(id, "2023-06-20", 12));
  ASSERT_FALSE(r5.has_value());
  EXPECT_EQ(r5.error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assessment"), rows_before) << "nothing half-written";
  // Staff who are not contacts do not assess.
  auto r6 = communes_->record_assessment(bystander_, id, full(id, "2023-12-20", 12));
  ASSERT_FALSE(r6.has_value());
  EXPECT_EQ(r6.error().kind, ErrorKind::forbidden);

  // Withdraw (a reason is required), then the date is free for the corrected one.
  auto no_reason = communes_->withdraw_assessment(office_, id, first->id, " ");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_TRUE(names_field(no_reason.error(), "reason"));
  auto withdrawn = communes_->withdraw_assessment(office_, id, first->id, "Nhập nhầm số liệu tiêu chí 2");
  ASSERT_TRUE(withdrawn.has_value()) << withdrawn.error().code;
  EXPECT_TRUE(withdrawn->withdrawn);
  auto twice = communes_->withdraw_assessment(office_, id, first->id, "Lần nữa");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  auto redo = communes_->record_assessment(contact_, id, full(id, "2023-06-20", 12));
  ASSERT_TRUE(redo.has_value()) << redo.error().code;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assessment WHERE status = 'withdrawn'"), 1) << "withdrawn, never deleted";

  auto detail = communes_->get(office_, id);
  ASSERT_TRUE(detail.has_value());
  ASSERT_TRUE(detail->latest.has_value());
  EXPECT_EQ(detail->latest->assessed_on, "2026-06-22");
  EXPECT_EQ(detail->assessments.size(), 3u);
  EXPECT_TRUE(detail->can_assess);

  // The assignment cannot start after assessments it covers, nor end before them.
  auto moved = communes_->update_assignment(office_, a.id, a.version,
                                            {"", "1177/QĐ-UBND", "12/09/2022", "ntm", "2025", "01/01/2024", "", {}, ""});
  ASSERT_FALSE(moved.has_value());
  EXPECT_EQ(moved.error().code, "assignment.assessed_outside");
  auto ended = communes_->end_assignment(office_, a.id, a.version, "01/01/2026", "");
  ASSERT_FALSE(ended.has_value());
  EXPECT_EQ(ended.error().code, "assignment.assessed_outside");
  auto stale = communes_->end_assignment(office_, a.id, a.version - 1, "01/12/2026", "");
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, "edit.stale");
  auto ok = communes_->end_assignment(office_, a.id, a.version, "01/11/2026", "Hết nhiệm vụ giúp đỡ");
  ASSERT_TRUE(ok.has_value()) << ok.error().code;
  EXPECT_EQ(ok->valid_to, "2026-11-01");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM commune_assignment"), 1) << "an ended assignment stays";
}

TEST_F(CommuneServiceTest, AssignmentsAreCheckedAndVersioned) {
  commune("01348", "Hồng Trị", "Bảo Lạc");
  auto bad = communes_->assign(office_, agency_, {"99999", "", "31/02/2022", "ntm_best", "20x5", "", "", {"123456"}, ""});
  ASSERT_FALSE(bad.has_value());
  for (const char* f : {"commune_code", "decision_ref", "decision_date", "target_level", "target_year", "contact_ids"}) {
    EXPECT_TRUE(names_field(bad.error(), f)) << f;
  }
  auto a = assign("01348");
  auto again = communes_->assign(office_, agency_, {"01348", "1177/QĐ-UBND", "12/09/2022", "ntm", "", "", "", {}, ""});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  auto up = communes_->update_assignment(
      office_, a.id, a.version, {"", "1177/QĐ-UBND", "12/09/2022", "ntm_advanced", "2026", "", "Nâng mục tiêu", {}, ""});
  ASSERT_TRUE(up.has_value()) << up.error().code;
  EXPECT_EQ(up->target_level, TargetLevel::ntm_advanced);
  EXPECT_TRUE(up->contacts.empty());
  // A contact typed as on the page ("Name (CODE)" from its list) or as a bare code; an unknown
  // code is refused on the field.
  auto typed = communes_->update_assignment(office_, a.id, up->version,
                                            {"", "1177/QĐ-UBND", "12/09/2022", "ntm_advanced", "2026", "", "",
                                             {"Đàm Văn Đức (BDT006)", " BDT006 ", ""}, ""});
  ASSERT_TRUE(typed.has_value()) << typed.error().code;
  ASSERT_EQ(typed->contacts.size(), 1u);
  EXPECT_EQ(typed->contacts[0].person_id, person_);
  auto unknown = communes_->update_assignment(office_, a.id, typed->version,
                                              {"", "1177/QĐ-UBND", "12/09/2022", "ntm", "", "", "", {"Ai Đó (BDT999)"}, ""});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_TRUE(names_field(unknown.error(), "contact_ids"));
  up = typed;
  auto stale = communes_->update_assignment(office_, a.id, a.version, {"", "1177/QĐ-UBND", "", "ntm", "", "", "", {}, ""});
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, "edit.stale");
  // Staff do not assign.
  auto by_staff = communes_->assign(bystander_, agency_, {"01348", "1", "", "ntm", "", "01/01/2023", "", {}, ""});
  ASSERT_FALSE(by_staff.has_value());
  EXPECT_EQ(by_staff.error().kind, ErrorKind::forbidden);
}

TEST_F(CommuneServiceTest, AnotherAgencySeesNothingOfIt) {
  auto id = commune("01294", "Lý Bôn");
  auto a = assign("01294");
  auto s = communes_->record_assessment(contact_, id, full(id, "2024-06-20", 14));
  ASSERT_TRUE(s.has_value());
  auto page = communes_->get(stranger_, id);
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().kind, ErrorKind::not_found);
  auto missing = communes_->get(stranger_, 987654);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(page.error().code, missing.error().code) << "the same answer as for a commune that does not exist";
  EXPECT_EQ(communes_->assessments(stranger_, id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->get_assessment(stranger_, id, s->id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->withdraw_assessment(stranger_, id, s->id, "x").error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->record_assessment(stranger_, id, full(id, "2024-12-20", 14)).error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->add_recognition(stranger_, id, {"ntm", "recognised", "2025", "1/QĐ", "", "", ""}).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(communes_->assignment(stranger_, a.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->end_assignment(stranger_, a.id, a.version, "01/01/2026", "").error().kind, ErrorKind::not_found);
  EXPECT_EQ(communes_->overview(stranger_, agency_, {}).error().kind, ErrorKind::not_found);
  auto theirs = communes_->overview(stranger_, other_, {});
  ASSERT_TRUE(theirs.has_value());
  EXPECT_TRUE(theirs->rows.empty());
}

TEST_F(CommuneServiceTest, RecognitionsAreRecordedOnceAndWithdrawnNotDeleted) {
  auto id = commune("01348", "Hồng Trị", "Bảo Lạc");
  assign("01348");
  auto bad = communes_->add_recognition(office_, id, {"", "recognised", "2027", "", "01/01/2027", "", ""});
  ASSERT_FALSE(bad.has_value());
  for (const char* f : {"level", "year", "decision_ref", "decision_date"}) EXPECT_TRUE(names_field(bad.error(), f)) << f;
  auto r = communes_->add_recognition(office_, id, {"ntm", "recognised", "2025", "2856/QĐ-UBND", "30/12/2025", "", ""});
  ASSERT_TRUE(r.has_value()) << r.error().code;
  EXPECT_EQ(r->issuer, "UBND tỉnh Cao Bằng");
  auto dup = communes_->add_recognition(office_, id, {"ntm", "recognised", "2025", "2857/QĐ-UBND", "", "", ""});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  auto by_staff = communes_->add_recognition(bystander_, id, {"ntm", "recognised", "2024", "1/QĐ", "", "", ""});
  EXPECT_EQ(by_staff.error().kind, ErrorKind::forbidden);
  auto w = communes_->withdraw_recognition(office_, id, r->id, "Nhập nhầm năm");
  ASSERT_TRUE(w.has_value());
  EXPECT_TRUE(w->withdrawn);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM commune_recognition"), 1);
  EXPECT_TRUE(communes_->add_recognition(office_, id, {"ntm", "recognised", "2025", "2856/QĐ-UBND", "", "", ""}));
}

TEST_F(CommuneServiceTest, TheLedgerCountsVerifiedAchievementsOfTheAgencyOnly) {
  auto id = commune("01294", "Lý Bôn");
  assign("01294");
  // A movement and a content item for the achievements to belong to.
  auto files = std::make_shared<services::FileStore>(test_db_->scratch_path("files"));
  services::MovementService movements(db_, files, clock_.clock());
  services::MovementInput m;
  m.title = "Cả nước chung sức xây dựng nông thôn mới";
  m.period_from = "2021";
  m.period_to = "2025";
  m.summary = "Kế hoạch";
  m.place = "Cao Bằng";
  auto mv = movements.create(office_, agency_, m);
  ASSERT_TRUE(mv.has_value()) << mv.error().code;
  ASSERT_TRUE(movements.add_item(office_, mv->id, mv->version, {"content", "", "Huy động nguồn lực", "", "", "", "", {}}));
  const auto item = scalar("SELECT id FROM movement_item");
  const auto other_unit = org_->create_unit(root_, other_, {"VP", "office", "Văn phòng Sở", "01/01/2021"})->id;
  auto add = [&](std::int64_t agency, std::int64_t unit, const char* status, long long cash, long long workdays,
                 const char* on) {
    exec("INSERT INTO achievement (agency_id, movement_id, item_id, subject_kind, unit_id, kind, year, occurred_on, "
         "title, commune_id, cash_vnd, workdays, status, created_at, updated_at) VALUES (" +
         std::to_string(agency) + ", " + std::to_string(mv->id) + ", " + std::to_string(item) + ", 'unit', " +
         std::to_string(unit) + ", 'resource', 2024, '" + on + "', 'Hỗ trợ xi măng làm đường', " + std::to_string(id) +
         ", " + std::to_string(cash) + ", " + std::to_string(workdays) + ", '" + status +
         "', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");
  };
  add(agency_, unit_, "verified", 15'000'000, 20, "2024-03-02");
  add(agency_, unit_, "verified", 5'000'000, 0, "2024-09-10");
  add(agency_, unit_, "submitted", 99'000'000, 99, "2024-10-01");  // not verified: does not count
  add(other_, other_unit, "verified", 77'000'000, 77, "2024-05-05");  // another agency's
  auto d = communes_->get(office_, id);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->support.records, 2);
  EXPECT_EQ(d->support.cash_vnd, 20'000'000);
  EXPECT_EQ(d->support.workdays, 20);
  ASSERT_EQ(d->ledger.size(), 2u);
  EXPECT_EQ(d->ledger[0].occurred_on, "2024-09-10") << "newest first";
  EXPECT_EQ(d->ledger[0].unit_name, "Phòng Chính sách Dân tộc");
  auto o = communes_->overview(office_, agency_, {});
  ASSERT_TRUE(o.has_value());
  ASSERT_EQ(o->rows.size(), 1u);
  EXPECT_EQ(o->rows[0].support.cash_vnd, 20'000'000);
}

TEST_F(CommuneServiceTest, TheOverviewFiltersSortsAndCountsTheYardsticks) {
  for (auto [code, name] : {std::pair{"01294", "Lý Bôn"}, {"01348", "Hồng Trị"}, {"01573", "Canh Tân"}}) {
    auto id = commune(code, name);
    assign(code);
    int met = std::string(code) == "01348" ? 19 : std::string(code) == "01294" ? 16 : 12;
    ASSERT_TRUE(communes_->record_assessment(contact_, id, full(id, "2025-06-20", met)).has_value());
  }
  auto hong_tri = scalar("SELECT id FROM commune WHERE code = '01348'");
  ASSERT_TRUE(communes_->add_recognition(office_, hong_tri, {"ntm", "recognised", "2025", "2856/QĐ-UBND", "", "", ""}));
  services::OverviewFilter f;
  f.sort = "met";
  f.desc = true;
  auto o = communes_->overview(office_, agency_, f);
  ASSERT_TRUE(o.has_value());
  ASSERT_EQ(o->rows.size(), 3u);
  EXPECT_EQ(o->rows[0].commune.name, "Hồng Trị");
  EXPECT_EQ(o->rows[2].commune.name, "Canh Tân");
  EXPECT_EQ(o->communes, 3);
  EXPECT_EQ(o->reaching_min, 2);
  EXPECT_EQ(o->recognised_ntm, 1);
  f = {};
  f.band = "below";
  EXPECT_EQ(communes_->overview(office_, agency_, f)->rows.size(), 1u);
  f = {};
  f.q = "hong tri";
  EXPECT_EQ(communes_->overview(office_, agency_, f)->rows.size(), 1u);
  f = {};
  EXPECT_EQ(communes_->overview(office_, agency_, f)->rows[0].commune.name, "Canh Tân") << "Vietnamese order by name";
  auto xlsx = communes_->export_overview(office_, agency_, {});
  ASSERT_TRUE(xlsx.has_value());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  auto sheet = communes_->export_assessments(office_, hong_tri);
  ASSERT_TRUE(sheet.has_value());
}

TEST_F(CommuneServiceTest, IndicatorsAreAddedAndRetiredByTheAdministratorOnly) {
  const auto criterion = scalar(
      "SELECT c.id FROM criterion c JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'commune-2026-2030' AND c.number = 2");
  auto by_office = communes_->add_indicator(office_, criterion, {"2.1", "Tỷ lệ đường xã được cứng hóa", "%", "100", "3"});
  ASSERT_FALSE(by_office.has_value());
  EXPECT_EQ(by_office.error().kind, ErrorKind::forbidden);
  auto bad = communes_->add_indicator(root_, criterion, {"", "", "", "", "4"});
  ASSERT_FALSE(bad.has_value());
  for (const char* f : {"code", "name", "commune_group"}) EXPECT_TRUE(names_field(bad.error(), f)) << f;
  auto i = communes_->add_indicator(root_, criterion, {"2.1", "Tỷ lệ đường xã được cứng hóa", "%", "100", "3"});
  ASSERT_TRUE(i.has_value()) << i.error().code;
  auto dup = communes_->add_indicator(root_, criterion, {"2.1", "Trùng", "%", "90", "3"});
  EXPECT_EQ(dup.error().kind, ErrorKind::conflict);
  auto retired = communes_->retire_indicator(root_, i->id);
  ASSERT_TRUE(retired.has_value());
  EXPECT_FALSE(retired->active);
  EXPECT_EQ(communes_->retire_indicator(root_, i->id).error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM indicator"), 1) << "retired, not deleted";
  EXPECT_EQ(communes_->add_indicator(root_, 987654, {"x", "y", "", "", ""}).error().kind, ErrorKind::not_found);
}

TEST_F(CommuneServiceTest, AssessmentsCarryEvidenceReadOnlyByThoseWhoSeeThem) {
  auto id = commune("01294", "Lý Bôn");
  assign("01294");
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  // A file that is not what it claims: the whole assessment is refused, nothing written.
  auto bad = communes_->record_assessment(contact_, id, full(id, "2024-06-20", 14), {upload("bien-ban.pdf", "MZ not a pdf")});
  ASSERT_FALSE(bad.has_value());
  EXPECT_TRUE(names_field(bad.error(), "file")) << bad.error().code;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM assessment"), 0);
  auto a = communes_->record_assessment(contact_, id, full(id, "2024-06-20", 14), {upload("bien-ban.pdf", pdf)});
  ASSERT_TRUE(a.has_value()) << a.error().code;
  auto files = communes_->assessment_files(office_, id, a->id);
  ASSERT_TRUE(files.has_value());
  ASSERT_EQ(files->size(), 1u);
  EXPECT_EQ(files->front().content_type, "application/pdf");
  EXPECT_EQ(files->front().agency_id, agency_);
  // Read through the evidence service: the agency's users may, another agency may not.
  EXPECT_TRUE(evidence_->file(office_, files->front().id).has_value());
  auto theirs = evidence_->file(stranger_, files->front().id);
  ASSERT_FALSE(theirs.has_value());
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  // More files later, by those who assess; taken off with a reason, kept.
  EXPECT_EQ(communes_->add_assessment_files(bystander_, id, a->id, {upload("x.pdf", pdf)}).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(communes_->add_assessment_files(office_, id, a->id, {}).error().code, "assessment.no_files");
  auto more = communes_->add_assessment_files(office_, id, a->id, {upload("anh.pdf", pdf)});
  ASSERT_TRUE(more.has_value()) << more.error().code;
  auto off = communes_->withdraw_assessment_file(office_, id, a->id, more->front().id, "Trùng tệp");
  ASSERT_TRUE(off.has_value()) << off.error().code;
  EXPECT_EQ(off->status, "withdrawn");
  EXPECT_EQ(communes_->assessment_files(office_, id, a->id)->size(), 2u) << "withdrawn, not deleted";
  auto d = communes_->get(office_, id);
  ASSERT_EQ(d->latest_evidence.size(), 1u) << "the page shows the active ones";
  EXPECT_EQ(communes_->assessment_files(stranger_, id, a->id).error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace thidua::it
