#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace thidua::text {
namespace {

// ---- is_valid_utf8 -------------------------------------------------------------------------

TEST(IsValidUtf8, AcceptsAsciiAndVietnamese) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("thi dua"));
  EXPECT_TRUE(is_valid_utf8("Hà Nội, Đắk Lắk, Thừa Thiên Huế"));
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));  // NUL is a valid code point
}

TEST(IsValidUtf8, AcceptsEveryLengthUpToTheLastCodePoint) {
  EXPECT_TRUE(is_valid_utf8("\x7F"));              // U+007F, last 1-byte
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // U+0080, first 2-byte
  EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));          // U+07FF, last 2-byte
  EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));      // U+0800, first 3-byte
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));  // U+10000, first 4-byte
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // an emoji
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(IsValidUtf8, RejectsOverlongForms) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // '/' in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // U+007F in two bytes
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // NUL in two bytes ("modified UTF-8")
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsValidUtf8, RejectsSurrogates) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));                // U+D800
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));                // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));    // a CESU-8 surrogate pair
  EXPECT_FALSE(is_valid_utf8("ok \xED\xB0\x80 ok"));          // a lone low surrogate inside text
}

TEST(IsValidUtf8, RejectsCodePointsPastU10FFFF) {
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xF7\xBF\xBF\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old 5-byte form
  EXPECT_FALSE(is_valid_utf8("\xFC\x84\x80\x80\x80\x80"));
}

TEST(IsValidUtf8, RejectsStrayAndInvalidBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("a\xBF" "b"));
  EXPECT_FALSE(is_valid_utf8("\xFE"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("H\xE0 N\xF4i"));  // Latin-1 "Hà Nôi"
}

TEST(IsValidUtf8, RejectsTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // 2-byte lead at the end
  EXPECT_FALSE(is_valid_utf8("H\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xE1\xBA"));          // 3-byte sequence cut after 2
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98"));      // 4-byte sequence cut after 3
  EXPECT_FALSE(is_valid_utf8("\xC3" "A"));          // lead followed by ASCII, not a continuation
  EXPECT_FALSE(is_valid_utf8("\xE1\xBA" "A"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x98" "A"));
  // Valid text followed by the first two bytes of "ạ" (E1 BA A1).
  EXPECT_FALSE(is_valid_utf8(std::string("Hà Nội") + "\xE1\xBA"));
}

// ---- to_nfc --------------------------------------------------------------------------------

TEST(ToNfc, ComposesDecomposedVietnamese) {
  const std::string nfd = "Ha\xCC\x80";  // 'a' + U+0300 COMBINING GRAVE
  const std::string nfc = "H\xC3\xA0";   // U+00E0
  EXPECT_NE(nfd, nfc);
  EXPECT_EQ(to_nfc(nfd), nfc);
  EXPECT_EQ(to_nfc(nfd), "Hà");
}

TEST(ToNfc, ComposesTwoMarksOnOneLetter) {
  // "ệ" decomposed as e + U+0323 (dot below) + U+0302 (circumflex), and in the other order.
  EXPECT_EQ(to_nfc("e\xCC\xA3\xCC\x82"), "\xE1\xBB\x87");
  EXPECT_EQ(to_nfc("e\xCC\x82\xCC\xA3"), "\xE1\xBB\x87");
  EXPECT_EQ(to_nfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn");
}

TEST(ToNfc, LeavesNfcTextAlone) {
  EXPECT_EQ(to_nfc(""), "");
  EXPECT_EQ(to_nfc("plain ascii"), "plain ascii");
  EXPECT_EQ(to_nfc("Thừa Thiên Huế"), "Thừa Thiên Huế");
}

// ---- trim ----------------------------------------------------------------------------------

TEST(Trim, RemovesAsciiWhiteSpaceAtBothEnds) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim("\v\fx"), "x");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("Hà"), "Hà");
}

// ---- clean_input ---------------------------------------------------------------------------

TEST(CleanInput, DropsZeroWidthCharacters) {
  EXPECT_EQ(clean_input("Nguy\xE1\xBB\x85n\xE2\x80\x8B V\xC4\x83n"), "Nguyễn Văn");   // U+200B
  EXPECT_EQ(clean_input("a\xE2\x80\x8C" "b\xE2\x80\x8D" "c\xE2\x81\xA0" "d\xEF\xBB\xBF" "e"), "abcde");
}

TEST(CleanInput, DropsControlCharactersButKeepsTabAndNewline) {
  EXPECT_EQ(clean_input("a\x01" "b\x1F" "c\x7F" "d"), "abcd");
  EXPECT_EQ(clean_input("a\xC2\x85" "b\xC2\x9F" "c"), "abc");  // C1 controls U+0085, U+009F
  EXPECT_EQ(clean_input("a\rb"), "ab");
  EXPECT_EQ(clean_input(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(clean_input("line 1\nline\t2"), "line 1\nline\t2");
}

TEST(CleanInput, TrimsAfterDroppingInvisibleCharacters) {
  EXPECT_EQ(clean_input("   Hà Nội  "), "Hà Nội");
  // Zero-width and control characters outside the spaces must not shield them from trimming.
  EXPECT_EQ(clean_input("\xE2\x80\x8B  Hà Nội \x01 \xE2\x80\x8B"), "Hà Nội");
  EXPECT_EQ(clean_input("\xE2\x80\x8B\x01 "), "");
}

TEST(CleanInput, ReturnsNfc) {
  EXPECT_EQ(clean_input(" Ha\xCC\x80 Va\xCC\x86n \xE2\x80\x8B"), "Hà Văn");
  // A zero-width character between a letter and its combining mark must not block composition.
  EXPECT_EQ(clean_input("a\xE2\x80\x8B\xCC\x80"), "\xC3\xA0");
}

// ---- fold ----------------------------------------------------------------------------------

TEST(Fold, LowerCasesAndRemovesDiacritics) {
  EXPECT_EQ(fold("Hà Văn Vui"), "ha van vui");
  EXPECT_EQ(fold("Nguyễn Thị Ánh Tuyết"), "nguyen thi anh tuyet");
  EXPECT_EQ(fold("THỪA THIÊN HUẾ"), "thua thien hue");
  EXPECT_EQ(fold("already plain 123"), "already plain 123");
  EXPECT_EQ(fold(""), "");
}

TEST(Fold, MapsDStrokeToD) {
  EXPECT_EQ(fold("đ"), "d");
  EXPECT_EQ(fold("Đ"), "d");
  EXPECT_EQ(fold("ĐỖ"), "do");
  EXPECT_EQ(fold("Đắk Lắk"), "dak lak");
}

TEST(Fold, GivesTheSameKeyForNfdAndNfcInput) {
  EXPECT_EQ(fold("Ha\xCC\x80 Va\xCC\x86n Vui"), "ha van vui");
  EXPECT_EQ(fold("Nguye\xCC\x82\xCC\x83n"), fold("Nguyễn"));
}

TEST(UpperVi, CapitalisesVietnameseLettersAndKeepsNfc) {
  EXPECT_EQ(upper_vi("Ban Dân tộc"), "BAN DÂN TỘC");
  EXPECT_EQ(upper_vi("Ủy ban nhân dân tỉnh Cao Bằng"), "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG");
  EXPECT_EQ(upper_vi("đường ơ ư"), "ĐƯỜNG Ơ Ư");
  // Decomposed input comes out composed.
  EXPECT_EQ(upper_vi("to\xcc\x82\xcc\x81t"), "T\xe1\xbb\x90T");  // "tốt" typed as o + ◌̂ + ◌́ → "TỐT"
}

}  // namespace
TEST(NonblankLines, TrimsEachLineAndDropsBlankOnes) {
  EXPECT_EQ(nonblank_lines("  Một số phòng báo cáo chậm.\r\n\n  \nNguyên nhân: địa bàn rộng.  "),
            (std::vector<std::string>{"Một số phòng báo cáo chậm.", "Nguyên nhân: địa bàn rộng."}));
  EXPECT_TRUE(nonblank_lines("").empty());
  EXPECT_TRUE(nonblank_lines(" \n\t\n").empty());
}

}  // namespace thidua::text
