// Initiatives on a real SQLite and PostgreSQL: authors and their shares, the recognition
// (the Office's to record), version checks, withdrawal, use once as a basis per author and
// release, and another agency's Office seeing nothing.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <memory>
#include <string>

#include "services/auth_service.hpp"
#include "services/crypto.hpp"
#include "services/initiative_service.hpp"
#include "services/org_service.hpp"
#include "services/people_service.hpp"
#include "services/user_service.hpp"
#include "test_db.hpp"

namespace thidua::it {
namespace {

bool names_field(const Error& e, const std::string& field, const std::string& code = "") {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && (code.empty() || f.code == code); });
}

std::string fields_of(const Error& e) {
  std::string out = e.code;
  for (const auto& f : e.fields) out += " " + f.field + "=" + f.code;
  return out;
}

class InitiativeServiceTest : public DbTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(services::crypto_init());
    DbTest::SetUp();
    if (HasFatalFailure()) return;
    hasher_ = std::make_shared<services::PasswordHasher>(2);
    users_ = std::make_shared<services::UserService>(db_, hasher_, clock_.clock());
    org_ = std::make_shared<services::OrgService>(db_, clock_.clock());
    people_ = std::make_shared<services::PeopleService>(db_, clock_.clock());
    initiatives_ = std::make_shared<services::InitiativeService>(db_, clock_.clock());
    root_ = services::operator_principal("test");
    auto a = users_->ensure_agency(root_, "BDT", "Ban Dân tộc tỉnh Cao Bằng");
    ASSERT_TRUE(a.has_value());
    agency_ = a->id;
    auto other = users_->ensure_agency(root_, "SKH", "Sở Khoa học và Công nghệ");
    ASSERT_TRUE(other.has_value());
    other_ = other->id;
    auto cs = org_->create_unit(root_, agency_, {"CSDT", "department", "Phòng Chính sách Dân tộc", "01/01/2021"});
    ASSERT_TRUE(cs.has_value());
    duc_ = person(agency_, "BDT006", "Đàm Văn Đức", cs->id);
    hung_ = person(agency_, "BDT010", "Lâm Văn Hùng", cs->id);
    anh_ = person(agency_, "BDT009", "Triệu Thị Ánh", cs->id);
    auto ou = org_->create_unit(root_, other_, {"VP", "office", "Văn phòng Sở", "01/01/2021"});
    ASSERT_TRUE(ou.has_value());
    foreign_ = person(other_, "SKH001", "Hoàng Văn Khác", ou->id);
    office_ = principal(Role::office, agency_);
    stranger_ = principal(Role::office, other_);
    // A member of staff with an account linked to Đàm Văn Đức.
    auto u = users_->add_user(root_, {"canbo", "Đàm Văn Đức", "Mat-khau-thu-2024!", "BDT", {"staff"}});
    ASSERT_TRUE(u.has_value()) << u.error().code;
    ASSERT_TRUE(people_->link_account(root_, duc_, "canbo").has_value());
    staff_ = principal(Role::staff, agency_, cs->id);
    staff_.user_id = u->id;
    staff_.login = "canbo";
  }

  std::int64_t person(std::int64_t agency, const char* code, const char* name, std::int64_t unit) {
    services::PersonInput in;
    in.code = code;
    in.full_name = name;
    in.gender = "male";
    in.employment = "civil_servant";
    in.unit_id = std::to_string(unit);
    auto p = people_->create(root_, agency, in);
    EXPECT_TRUE(p.has_value()) << (p ? "" : fields_of(p.error()));
    return p ? p->id : 0;
  }

  static Principal principal(Role role, std::int64_t agency, std::optional<std::int64_t> unit = std::nullopt) {
    Principal p;
    p.login = std::string(to_string(role));
    p.agency_id = agency;
    p.grants.push_back(RoleGrant{role, agency, unit});
    return p;
  }

  services::InitiativeInput input() {
    services::InitiativeInput in;
    in.title = "Tuyên truyền chính sách dân tộc bằng tiếng Tày, Nùng, Mông tại các xã đặc biệt khó khăn";
    in.field = "Công tác dân tộc";
    in.summary = "Biên soạn tài liệu song ngữ và tổ chức tuyên truyền tại thôn bản.";
    in.applied_from = "01/03/2023";
    in.scope = "12 xã đặc biệt khó khăn của tỉnh";
    in.effect = "Hơn 3.000 lượt người dân được tuyên truyền.";
    in.recognition_level = "base";
    in.recognition_body = "Ban Dân tộc tỉnh Cao Bằng";
    in.recognition_number = "45/QĐ-BDT";
    in.recognition_date = "15/12/2023";
    in.authors = {{std::to_string(duc_), "", "60"}, {std::to_string(hung_), "", "40"}};
    return in;
  }

  ManualClock clock_;
  std::shared_ptr<services::PasswordHasher> hasher_;
  std::shared_ptr<services::UserService> users_;
  std::shared_ptr<services::OrgService> org_;
  std::shared_ptr<services::PeopleService> people_;
  std::shared_ptr<services::InitiativeService> initiatives_;
  Principal root_, office_, stranger_, staff_;
  std::int64_t agency_ = 0, other_ = 0, duc_ = 0, hung_ = 0, anh_ = 0, foreign_ = 0;
};

TEST_F(InitiativeServiceTest, RegisterWithSharesAndFindIgnoringDiacritics) {
  auto i = initiatives_->create(office_, agency_, input());
  ASSERT_TRUE(i.has_value()) << fields_of(i.error());
  EXPECT_EQ(i->recognition_level, RecognitionLevel::base);
  EXPECT_EQ(i->recognition_date, "2023-12-15");
  EXPECT_EQ(i->applied_from, "2023-03-01");
  ASSERT_EQ(i->authors.size(), 2u);
  EXPECT_EQ(i->authors[0].full_name, "Đàm Văn Đức");
  EXPECT_EQ(i->authors[0].share_pct, 60);
  EXPECT_EQ(i->authors[1].share_pct, 40);
  EXPECT_EQ(i->year(), 2023);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'initiative.create'"), 1);

  services::InitiativeFilter f;
  f.agency_id = agency_;
  f.text = "tieng tay";
  auto found = initiatives_->list(office_, f);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->total, 1);
  f.text = "LAM VAN HUNG";  // an author's name finds it too
  EXPECT_EQ(initiatives_->list(office_, f)->total, 1);
  f.text = "";
  f.year = 2023;
  f.level = "base";
  f.field = "Công tác dân tộc";
  f.author_id = hung_;
  EXPECT_EQ(initiatives_->list(office_, f)->total, 1);
  f.year = 2024;
  EXPECT_EQ(initiatives_->list(office_, f)->total, 0);
  f.year = 2023;
  f.author_id = anh_;
  EXPECT_EQ(initiatives_->list(office_, f)->total, 0);
  f.author_id.reset();
  f.level = "province";
  EXPECT_EQ(initiatives_->list(office_, f)->total, 0);

  // Authors typed as a form shows them: "Name (CODE)", the code, or the name alone.
  auto typed = input();
  typed.title = "Số hoá báo cáo công tác dân tộc";
  typed.recognition_number = "46/QĐ-BDT";
  typed.authors = {{"", "Đàm Văn Đức (BDT006)", "50"}, {"", "bdt010", "30"}, {"", "Trieu Thi Anh", "20 %"}, {"", "", ""}};
  auto t = initiatives_->create(office_, agency_, typed);
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  ASSERT_EQ(t->authors.size(), 3u);
  EXPECT_EQ(t->authors[2].person_id, anh_);
  EXPECT_EQ(t->authors[2].share_pct, 20);
}

TEST_F(InitiativeServiceTest, BadInputIsRefusedFieldByFieldAndNothingIsWritten) {
  auto in = input();
  in.authors = {{std::to_string(duc_), "", "60"}, {std::to_string(hung_), "", "30"}};
  auto r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::validation);
  EXPECT_TRUE(names_field(r.error(), "authors", "initiative.shares_total")) << fields_of(r.error());

  in = input();
  in.authors = {{std::to_string(duc_), "", "60"}, {std::to_string(foreign_), "", "40"}};
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "authors.1.person", "initiative.author_unknown")) << fields_of(r.error());

  in = input();
  in.authors = {{std::to_string(duc_), "", "60"}, {std::to_string(duc_), "", "40"}};
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "authors.1.person", "initiative.author_duplicate")) << fields_of(r.error());

  in = input();
  in.authors = {{std::to_string(duc_), "", "0"}, {std::to_string(hung_), "", "100,5"}};
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "authors.0.share", "initiative.share_invalid")) << fields_of(r.error());
  EXPECT_TRUE(names_field(r.error(), "authors.1.share", "initiative.share_invalid")) << fields_of(r.error());

  in = input();
  in.authors.clear();
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "authors", "initiative.authors_required"));

  in = input();
  in.recognition_date = "01/01/2030";  // the clock is at 28/11/2026
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "recognition_date", "initiative.recognition_future")) << fields_of(r.error());

  in = input();
  in.recognition_date = "01/02/2023";  // before it was applied (01/03/2023)
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "recognition_date", "initiative.recognition_before_applied"));

  in = input();
  in.recognition_number = "";
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "recognition_number", "initiative.decision_number_required"));

  in = input();
  in.recognition_level = "none";  // a decision without a level
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "recognition_level", "initiative.level_required"));

  in = input();
  in.applied_from = "31/02/2023";
  in.title = " ";
  r = initiatives_->create(office_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "applied_from", "date.invalid"));
  EXPECT_TRUE(names_field(r.error(), "title", "validation.required"));

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM initiative"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM initiative_author"), 0);
}

TEST_F(InitiativeServiceTest, StaffRegisterTheirOwnWithoutRecognition) {
  auto in = input();
  auto r = initiatives_->create(staff_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "recognition_level", "initiative.recognition_office_only")) << fields_of(r.error());

  in.recognition_level = "none";
  in.recognition_body = in.recognition_number = in.recognition_date = "";
  in.authors = {{std::to_string(hung_), "", "100"}};  // not their own
  r = initiatives_->create(staff_, agency_, in);
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(names_field(r.error(), "authors", "initiative.must_be_author"));

  in.authors = {{std::to_string(duc_), "", "70"}, {std::to_string(anh_), "", "30"}};
  auto mine = initiatives_->create(staff_, agency_, in);
  ASSERT_TRUE(mine.has_value()) << fields_of(mine.error());
  EXPECT_EQ(mine->recognition_level, RecognitionLevel::none);

  // The Office records the recognition; the author's later edit keeps it.
  auto rec = input();
  rec.authors = in.authors;
  auto office_edit = initiatives_->update(office_, mine->id, mine->version, rec);
  ASSERT_TRUE(office_edit.has_value()) << fields_of(office_edit.error());
  auto own_edit = in;
  own_edit.effect = "Tiết kiệm 40% thời gian tổng hợp báo cáo.";
  auto edited = initiatives_->update(staff_, mine->id, office_edit->version, own_edit);
  ASSERT_TRUE(edited.has_value()) << fields_of(edited.error());
  EXPECT_EQ(edited->recognition_number, "45/QĐ-BDT");
  EXPECT_EQ(edited->effect, "Tiết kiệm 40% thời gian tổng hợp báo cáo.");
  // A recognised one is withdrawn only by the Office.
  auto w = initiatives_->withdraw(staff_, mine->id, edited->version, "Đăng ký nhầm");
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().kind, ErrorKind::forbidden);

  // Someone else's initiative: staff may read it, not change it.
  auto theirs = initiatives_->create(office_, agency_, [&] {
    auto x = input();
    x.authors = {{std::to_string(hung_), "", "100"}};
    return x;
  }());
  ASSERT_TRUE(theirs.has_value());
  ASSERT_TRUE(initiatives_->get(staff_, theirs->id).has_value());
  EXPECT_FALSE(initiatives_->get(staff_, theirs->id)->can_edit);
  auto not_mine = initiatives_->update(staff_, theirs->id, theirs->version, in);
  ASSERT_FALSE(not_mine.has_value());
  EXPECT_EQ(not_mine.error().kind, ErrorKind::forbidden);
}

TEST_F(InitiativeServiceTest, EditsAreVersionCheckedAndWithdrawalKeepsTheRecord) {
  auto i = initiatives_->create(office_, agency_, input());
  ASSERT_TRUE(i.has_value());
  auto in = input();
  in.scope = "Toàn tỉnh";
  auto first = initiatives_->update(office_, i->id, i->version, in);
  ASSERT_TRUE(first.has_value()) << fields_of(first.error());
  EXPECT_EQ(first->version, i->version + 1);
  in.scope = "Ghi đè";
  auto stale = initiatives_->update(office_, i->id, i->version, in);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().code, "edit.stale");
  EXPECT_EQ(text("SELECT scope FROM initiative"), "Toàn tỉnh");
  // The history holds what was there before.
  auto d = initiatives_->get(office_, i->id);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->history.size(), 2u);
  EXPECT_NE(d->history[1].before_json.find("12 xã đặc biệt khó khăn"), std::string::npos);

  auto no_reason = initiatives_->withdraw(office_, i->id, first->version, " ");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_TRUE(names_field(no_reason.error(), "reason", "validation.required"));
  auto w = initiatives_->withdraw(office_, i->id, first->version, "Trùng với sáng kiến đã đăng ký năm 2022");
  ASSERT_TRUE(w.has_value()) << fields_of(w.error());
  EXPECT_EQ(w->status, InitiativeStatus::withdrawn);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM initiative"), 1);
  EXPECT_EQ(text("SELECT withdrawn_reason FROM initiative"), "Trùng với sáng kiến đã đăng ký năm 2022");
  // Not in the default list, in the withdrawn one; no further edits.
  services::InitiativeFilter f;
  f.agency_id = agency_;
  EXPECT_EQ(initiatives_->list(office_, f)->total, 0);
  f.status = "withdrawn";
  EXPECT_EQ(initiatives_->list(office_, f)->total, 1);
  auto after = initiatives_->update(office_, i->id, w->version, input());
  ASSERT_FALSE(after.has_value());
  EXPECT_EQ(after.error().code, "initiative.withdrawn");
}

TEST_F(InitiativeServiceTest, UsedOnceAsABasisPerAuthorUntilReleased) {
  auto i = initiatives_->create(office_, agency_, input());
  ASSERT_TRUE(i.has_value());
  auto use = db_->write([&](storage::Tx& tx) {
    return initiatives_->record_use(tx, office_, i->id, duc_, BasisKind::title, "grassroots_fighter", 2024,
                                    "Căn cứ xét danh hiệu CSTĐCS năm 2024");
  });
  ASSERT_TRUE(use.has_value()) << fields_of(use.error());
  EXPECT_TRUE(use->live());
  EXPECT_EQ(use->person_name, "Đàm Văn Đức");

  // The same author cannot use it again, for a form either.
  auto again = db_->write([&](storage::Tx& tx) {
    return initiatives_->record_use(tx, office_, i->id, duc_, BasisKind::form, "diploma_of_merit", 2025, "");
  });
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().code, "initiative.already_used");
  bool names_basis = std::any_of(again.error().params.begin(), again.error().params.end(), [](const auto& p) {
    return p.first == "basis" && p.second.find("Chiến sĩ thi đua cơ sở") != std::string::npos;
  });
  EXPECT_TRUE(names_basis);
  // The co-author can, once.
  auto co = initiatives_->record_use_by_hand(office_, i->id, {std::to_string(hung_), "form", "certificate_of_merit", "2024", ""});
  ASSERT_TRUE(co.has_value()) << fields_of(co.error());
  // Someone who is not an author cannot.
  auto outsider = initiatives_->record_use_by_hand(office_, i->id, {std::to_string(anh_), "title", "advanced_worker", "2024", ""});
  ASSERT_FALSE(outsider.has_value());
  EXPECT_TRUE(names_field(outsider.error(), "person_id", "initiative.use_not_author"));
  // Staff may not record uses by hand; another agency's Office finds nothing.
  auto by_staff = initiatives_->record_use_by_hand(staff_, i->id, {std::to_string(duc_), "title", "advanced_worker", "2024", ""});
  ASSERT_FALSE(by_staff.has_value());
  EXPECT_EQ(by_staff.error().kind, ErrorKind::forbidden);
  auto by_stranger = initiatives_->record_use_by_hand(stranger_, i->id, {"", "other", "x", "2024", ""});
  ASSERT_FALSE(by_stranger.has_value());
  EXPECT_EQ(by_stranger.error().kind, ErrorKind::not_found);
  auto release_stranger = initiatives_->release_use_by_hand(stranger_, i->id, use->id, "x");
  ASSERT_FALSE(release_stranger.has_value());
  EXPECT_EQ(release_stranger.error().kind, ErrorKind::not_found);

  // An author with a live use stays an author; the initiative is not withdrawn under it.
  auto drop = input();
  drop.authors = {{std::to_string(hung_), "", "100"}};
  auto dropped = initiatives_->update(office_, i->id, i->version, drop);
  ASSERT_FALSE(dropped.has_value());
  EXPECT_EQ(dropped.error().code, "initiative.author_in_use");
  auto w = initiatives_->withdraw(office_, i->id, i->version, "Nhầm");
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().code, "initiative.withdraw_in_use");

  // The nomination failed: released, the initiative is free for that author again.
  auto released = initiatives_->release_use_by_hand(office_, i->id, use->id, "Hội đồng không đề nghị");
  ASSERT_TRUE(released.has_value()) << fields_of(released.error());
  EXPECT_FALSE(released->live());
  EXPECT_EQ(released->released_reason, "Hội đồng không đề nghị");
  auto twice = initiatives_->release_use_by_hand(office_, i->id, use->id, "Lần nữa");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, "initiative.use_released");
  auto reuse = db_->write([&](storage::Tx& tx) {
    return initiatives_->record_use(tx, office_, i->id, duc_, BasisKind::form, "diploma_of_merit", 2025, "");
  });
  ASSERT_TRUE(reuse.has_value()) << fields_of(reuse.error());
  auto d = initiatives_->get(office_, i->id);
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->uses.size(), 3u);
  EXPECT_FALSE(d->uses[0].live());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM initiative_use WHERE released_at IS NULL"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('initiative.use', 'initiative.release')"), 4);
  // The database itself refuses a second live use, should two writers race past the check.
  auto raced = db_->write([&](storage::Tx& tx) -> Result<bool> {
    tx.sql() << "INSERT INTO initiative_use (initiative_id, person_id, basis_kind, basis_ref, year, used_at) VALUES (" +
                    std::to_string(i->id) + ", " + std::to_string(duc_) + ", 'title', 'flag', 2025, '2026-01-01')";
    return true;
  });
  ASSERT_FALSE(raced.has_value());
  EXPECT_EQ(raced.error().kind, ErrorKind::conflict);

  // An initiative nobody has recognised yet is no basis.
  auto bare = input();
  bare.recognition_level = "none";
  bare.recognition_body = bare.recognition_number = bare.recognition_date = "";
  auto b = initiatives_->create(office_, agency_, bare);
  ASSERT_TRUE(b.has_value());
  auto unrecognised = initiatives_->record_use_by_hand(office_, b->id, {std::to_string(duc_), "title", "grassroots_fighter", "2024", ""});
  ASSERT_FALSE(unrecognised.has_value());
  EXPECT_EQ(unrecognised.error().code, "initiative.not_recognised");
}

TEST_F(InitiativeServiceTest, AnotherAgencySeesNothing) {
  auto i = initiatives_->create(office_, agency_, input());
  ASSERT_TRUE(i.has_value());
  auto peek = initiatives_->get(stranger_, i->id);
  ASSERT_FALSE(peek.has_value());
  EXPECT_EQ(peek.error().kind, ErrorKind::not_found);
  auto missing = initiatives_->get(stranger_, i->id + 1000);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, peek.error().code);
  auto edit = initiatives_->update(stranger_, i->id, i->version, input());
  ASSERT_FALSE(edit.has_value());
  EXPECT_EQ(edit.error().kind, ErrorKind::not_found);
  auto w = initiatives_->withdraw(stranger_, i->id, i->version, "x");
  ASSERT_FALSE(w.has_value());
  EXPECT_EQ(w.error().kind, ErrorKind::not_found);
  services::InitiativeFilter f;
  f.agency_id = agency_;
  auto list = initiatives_->list(stranger_, f);
  ASSERT_FALSE(list.has_value());
  EXPECT_EQ(list.error().kind, ErrorKind::not_found);
  auto create = initiatives_->create(stranger_, agency_, input());
  ASSERT_FALSE(create.has_value());
  EXPECT_EQ(create.error().kind, ErrorKind::not_found);
  auto use = db_->write([&](storage::Tx& tx) {
    return initiatives_->record_use(tx, stranger_, i->id, duc_, BasisKind::title, "grassroots_fighter", 2024, "");
  });
  ASSERT_FALSE(use.has_value());
  EXPECT_EQ(use.error().kind, ErrorKind::not_found);
  auto theirs = initiatives_->of_person(stranger_, duc_);
  ASSERT_FALSE(theirs.has_value());
  EXPECT_EQ(theirs.error().kind, ErrorKind::not_found);
  EXPECT_EQ(initiatives_->of_person(office_, duc_)->size(), 1u);
}

}  // namespace
}  // namespace thidua::it
