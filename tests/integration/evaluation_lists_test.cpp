// What the evaluation pages list (EvaluationService::overview): the default movement and year,
// the templates with their sheet counts, the actor's own sheets and those they review, the
// Office's rights, and another agency's evaluation unseen.

#include "evaluation_fixture.hpp"

namespace thidua::it {
namespace {

class EvaluationListsTest : public EvaluationTest {};

TEST_F(EvaluationListsTest, BeforeAnyTemplateTheMovementAndCurrentYearAreChosen) {
  auto o = service_->overview(staff_, agency_, std::nullopt, 0);
  ASSERT_TRUE(o.has_value()) << o.error().code;
  EXPECT_EQ(o->movement_id, movement_);
  EXPECT_FALSE(o->evaluation.has_value());
  EXPECT_FALSE(o->manages);
  ASSERT_FALSE(o->years.empty());
  EXPECT_EQ(o->years.front(), 2025);
  EXPECT_EQ(o->years.back(), 2021);
}

TEST_F(EvaluationListsTest, ListsTemplatesOwnSheetsAndSheetsToReview) {
  auto t = service_->create_template(office_, agency_, person_template());
  ASSERT_TRUE(t.has_value()) << fields_of(t.error());
  auto made = service_->apply_template(office_, t->id);
  ASSERT_TRUE(made.has_value());

  auto o = service_->overview(staff_, agency_, std::nullopt, 0);
  ASSERT_TRUE(o.has_value()) << o.error().code;
  ASSERT_TRUE(o->evaluation.has_value());
  EXPECT_EQ(o->year, 2025);
  ASSERT_EQ(o->templates.size(), 1u);
  EXPECT_EQ(o->templates[0].sheets, *made);
  EXPECT_EQ(o->templates[0].submitted, 0);
  ASSERT_EQ(o->own.size(), 1u);
  EXPECT_EQ(o->own[0].person_id, staff_person_);
  EXPECT_TRUE(o->to_review.empty());

  // The head of CSDT reviews its two members of staff, never their own sheet.
  auto h = service_->overview(head_, agency_, movement_, 2025);
  ASSERT_TRUE(h.has_value());
  ASSERT_EQ(h->own.size(), 1u);
  EXPECT_EQ(h->own[0].person_id, head_person_);
  ASSERT_EQ(h->to_review.size(), 2u);
  for (const auto& s : h->to_review) EXPECT_NE(s.person_id, head_person_);

  auto v = service_->overview(office_, agency_, movement_, 2025);
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->manages);
  EXPECT_TRUE(v->oversees);
}

TEST_F(EvaluationListsTest, AnotherAgencysMovementIsNotFound) {
  auto o = service_->overview(office_, agency_, other_movement_, 2025);
  ASSERT_FALSE(o.has_value());
  EXPECT_EQ(o.error().kind, ErrorKind::not_found);
  auto s = service_->overview(stranger_, agency_, std::nullopt, 0);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace thidua::it
