#include "documents/qr.hpp"

#include <gtest/gtest.h>

namespace thidua::documents {
namespace {

TEST(Qr, EncodesAVerificationUrlAsASquareWithFinderPatterns) {
  auto q = qr_encode("https://thidua.caobang.gov.vn/verify/ABCDEFGHJK");
  ASSERT_TRUE(q.has_value());
  EXPECT_GE(q->size, 21);
  EXPECT_EQ((q->size - 17) % 4, 0) << "a QR code's side is 17 + 4 × version";
  ASSERT_EQ(q->dark.size(), static_cast<std::size_t>(q->size * q->size));
  // The three finder patterns: a dark 7×7 frame in the corners, the module inside it light.
  for (auto [x, y] : {std::pair{0, 0}, std::pair{q->size - 7, 0}, std::pair{0, q->size - 7}}) {
    EXPECT_TRUE(q->at(x, y));
    EXPECT_TRUE(q->at(x + 6, y + 6));
    EXPECT_FALSE(q->at(x + 1, y + 1));
    EXPECT_TRUE(q->at(x + 3, y + 3));
  }
}

}  // namespace
}  // namespace thidua::documents
