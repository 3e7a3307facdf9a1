#include "text/collation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace thidua::text {
namespace {

int sign(int v) { return (v > 0) - (v < 0); }

int compare_keys(const std::string& a, const std::string& b) { return sign(a.compare(b)); }

// Every pair must compare the same way through compare_vi and through hex keys under plain
// byte order, which is what the database does with ORDER BY.
void expect_keys_agree(const std::vector<std::string>& words) {
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(sign(compare_vi(a, b)), compare_keys(sort_key(a), sort_key(b))) << a << " vs " << b;
    }
  }
}

TEST(CompareVi, VietnameseLetterOrder) {
  EXPECT_LT(compare_vi("a", "ă"), 0);
  EXPECT_LT(compare_vi("ă", "â"), 0);
  EXPECT_LT(compare_vi("â", "b"), 0);
  EXPECT_LT(compare_vi("d", "đ"), 0);
  EXPECT_LT(compare_vi("đ", "e"), 0);
  EXPECT_LT(compare_vi("e", "ê"), 0);
  EXPECT_LT(compare_vi("o", "ô"), 0);
  EXPECT_LT(compare_vi("ô", "ơ"), 0);
  EXPECT_LT(compare_vi("ơ", "p"), 0);
  EXPECT_LT(compare_vi("u", "ư"), 0);
  EXPECT_LT(compare_vi("ư", "v"), 0);
  // Code-point order would put đ (U+0111) after z; Vietnamese puts it right after d.
  EXPECT_LT(compare_vi("Đức", "Em"), 0);
  EXPECT_LT(compare_vi("Ăn", "Bắc"), 0);
}

TEST(CompareVi, TonesSortAfterTheBaseLetterInDictionaryOrder) {
  // ngang, huyền, hỏi, ngã, sắc, nặng
  const std::vector<std::string> tones = {"a", "à", "ả", "ã", "á", "ạ"};
  for (size_t i = 0; i + 1 < tones.size(); ++i) {
    EXPECT_LT(compare_vi(tones[i], tones[i + 1]), 0) << tones[i] << " < " << tones[i + 1];
  }
  // A tone is a secondary difference: a later base letter still wins.
  EXPECT_LT(compare_vi("An", "Ánh"), 0);
  EXPECT_LT(compare_vi("Ánh", "Bình"), 0);
  EXPECT_LT(compare_vi("Án", "Anh"), 0);
}

TEST(CompareVi, EqualTextAndNormalisationForms) {
  EXPECT_EQ(compare_vi("Hà Văn Vui", "Hà Văn Vui"), 0);
  EXPECT_EQ(compare_vi("Ha\xCC\x80", "H\xC3\xA0"), 0);  // "a" + U+0300 == "à"
  EXPECT_EQ(compare_vi("", ""), 0);
  EXPECT_LT(compare_vi("", "a"), 0);
  EXPECT_GT(compare_vi("b", "a"), 0);
}

TEST(CompareVi, CaseIsATertiaryDifference) {
  EXPECT_LT(compare_vi("an", "An"), 0);
  EXPECT_LT(compare_vi("An", "án"), 0);  // the tone outranks the case
}

TEST(SortKey, IsLowerCaseHexWithoutTrailingNul) {
  std::string k = sort_key("Nguyễn");
  ASSERT_FALSE(k.empty());
  EXPECT_EQ(k.size() % 2, 0u);
  EXPECT_EQ(k.find_first_not_of("0123456789abcdef"), std::string::npos) << k;
  EXPECT_NE(k.substr(k.size() - 2), "00");
  EXPECT_EQ(sort_key(""), "0101");  // two empty level separators, no weights
}

TEST(SortKey, ByteOrderOfHexKeysMatchesTheCollator) {
  const std::vector<std::string> words = {
      "a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ắ", "â", "ấ", "b", "d", "đ", "e", "ê", "o", "ô",
      "ơ", "u", "ư", "y", "An", "an", "Án", "Anh", "Ánh", "Bình", "Đức", "Dung", "Hoa", "Hoà",
      "Hòa", "Hoạ", "Nguyễn", "Nguyên", "Ngô", "Ngọc", "Vui", "Ước", "Uyên", "", "A-B", "a b",
      "Hà Văn Vui", "Ha\xCC\x80"};
  expect_keys_agree(words);

  std::vector<std::string> by_collator = words;
  std::stable_sort(by_collator.begin(), by_collator.end(),
                   [](const auto& x, const auto& y) { return compare_vi(x, y) < 0; });
  std::vector<std::string> by_key = words;
  std::stable_sort(by_key.begin(), by_key.end(),
                   [](const auto& x, const auto& y) { return sort_key(x) < sort_key(y); });
  EXPECT_EQ(by_collator, by_key);
}

TEST(SortKey, SameResultOnManyThreads) {
  const std::vector<std::string> words = {"Hà", "Văn", "Vui", "Nông", "Thị", "Hoa", "Đặng", "Ước"};
  std::vector<std::string> expected;
  for (const auto& w : words) expected.push_back(sort_key(w));
  std::vector<std::vector<std::string>> results(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        std::vector<std::string> keys;
        for (const auto& w : words) keys.push_back(sort_key(w));
        if (round == 0) results[t] = keys;
        if (keys != results[t]) results[t].clear();
        (void)compare_vi(words[static_cast<size_t>(round) % words.size()], "Hoa");
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

// ---- person_sort_key ---------------------------------------------------------------------------

TEST(PersonSortKey, SortsByGivenNameThenFamilyAndMiddleNames) {
  const std::vector<std::string> expected = {
      "Lê Thị An",       // An, then "Lê Thị" < "Nguyễn Văn"
      "Nguyễn Văn An",   //
      "Đặng Thị Ánh",    // An < Ánh: a later letter outranks the tone
      "Trần Văn Bình",   //
      "Hoàng Thị Dung",  // D
      "Phạm Văn Đức",    // Đ after D
      "Nông Thị Hoa",    // H, not N
      "Bế Thị Hoà",      // Hoa < Hoà, although "Bế" < "Nông"
      "Lục Văn Ước",     // Ư before V
      "Hà Văn Vui",      // V, not H
  };
  std::vector<std::string> names = {expected[9], expected[6], expected[1], expected[7], expected[4],
                                    expected[0], expected[8], expected[3], expected[5], expected[2]};
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return person_sort_key(a) < person_sort_key(b); });
  EXPECT_EQ(names, expected);
}

TEST(PersonSortKey, IsTheGivenNameKeyThenTheRest) {
  EXPECT_EQ(person_sort_key("Hà Văn Vui"), sort_key("Vui") + kPersonKeySeparator + sort_key("Hà Văn"));
  EXPECT_EQ(person_sort_key("Vui"), sort_key("Vui") + kPersonKeySeparator + sort_key(""));
  EXPECT_EQ(person_sort_key(""), sort_key("") + kPersonKeySeparator + sort_key(""));
  // Extra, leading, trailing and no-break spaces do not change the key.
  EXPECT_EQ(person_sort_key("  Hà   Văn\tVui "), person_sort_key("Hà Văn Vui"));
  EXPECT_EQ(person_sort_key("Hà\xC2\xA0Văn\xC2\xA0Vui"), person_sort_key("Hà Văn Vui"));
}

TEST(PersonSortKey, SeparatorSortsBelowEveryHexDigit) {
  for (char c : std::string("0123456789abcdef")) EXPECT_LT(kPersonKeySeparator, c);
  // Why it matters: when one given name's key is a prefix of another's, the shorter must win
  // whatever follows. With hex keys "ab" and "abcd" for the given names and the family name
  // sorting the other way, the separator is compared against 'c'.
  const std::string short_given = "ab";
  const std::string long_given = "abcd";
  const std::string late_family = "ff";
  const std::string early_family = "00";
  EXPECT_LT(short_given + kPersonKeySeparator + late_family,
            long_given + kPersonKeySeparator + early_family);
  // A separator above the hex digits would get this wrong.
  EXPECT_GT(short_given + '~' + late_family, long_given + '~' + early_family);
}

TEST(PersonSortKey, AgreesWithComparingGivenNameThenRestForEveryPair) {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"An", ""},    {"An", "Lê"},     {"An", "Lê Thị"},  {"An", "Nguyễn Văn"}, {"Án", "Lê"},
      {"Anh", "Lê"}, {"Ánh", "Đặng"},  {"Hoa", "Nông Thị"}, {"Hoà", "Bế Thị"},  {"Hòa", "Bế"},
      {"Vui", "Hà Văn"}, {"Ước", "Lục Văn"}, {"A", "Z"},  {"Ă", "A"},           {"Â", ""}};
  for (const auto& [g1, r1] : people) {
    for (const auto& [g2, r2] : people) {
      int expected = compare_vi(g1, g2);
      if (expected == 0) expected = compare_vi(r1, r2);
      std::string n1 = r1.empty() ? g1 : r1 + " " + g1;
      std::string n2 = r2.empty() ? g2 : r2 + " " + g2;
      EXPECT_EQ(sign(expected), compare_keys(person_sort_key(n1), person_sort_key(n2)))
          << n1 << " vs " << n2;
    }
  }
}

}  // namespace
}  // namespace thidua::text
