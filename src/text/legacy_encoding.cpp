#include "text/legacy_encoding.hpp"

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/utf8.hpp"

namespace thidua::text {

namespace {

// TCVN3 ("ABC", the .VnTime fonts) is TCVN 5712:1993, the Vietnamese standard 8-bit coded
// character set for information interchange. Of its three tables the ABC fonts implement
// VN3: capitals without tone marks at 0xA1–0xA7, lower-case letters at 0xA8–0xFE. The upper
// half below follows the standard's VN1/VN2 tables, a superset of VN3: sixteen capitals with
// tone marks in slots VN3 fonts leave free (0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD, 0xD9–0xDB, 0xE0,
// 0xF0, 0xFF), and at 0xB0–0xB4 the combining tone marks (grave, hook, tilde, acute, dot
// below) that VN2 uses after a base letter for the other capitals; NFC composes them.
// Bytes below 0xA0 are read as Windows-1252, on purpose. VN1 also puts capitals at 0x80–0x9F
// (À Ả Ã Á Ạ Ặ Ậ È Ẻ Ẽ É Ẹ Ệ Ì Ỉ Ĩ Í Ị Ò Ỏ Õ Ó Ọ Ộ Ờ Ở Ỡ Ớ Ợ Ù Ủ Ũ) and in twelve C0
// control slots (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ), but the ABC fonts never did (hence the separate
// .VnTimeH capital fonts), while Word and Excel put their typographic quotes, dashes and
// ellipsis at 0x80–0x9F in every .VnTime document; decoding VN1 there would turn
// “Cả nước” into "ỎCả nướcÕ".
constexpr std::array<char16_t, 256> kTcvn3ToUnicode = {{
    /* 0x00 */ 0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0007,  // control codes
    /* 0x08 */ 0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F,  //
    /* 0x10 */ 0x0010, 0x0011, 0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017,  //
    /* 0x18 */ 0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F,  //
    /* 0x20 */ 0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027,  //   ! " # $ % & '
    /* 0x28 */ 0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F,  // ( ) * + , - . /
    /* 0x30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,  // 0 1 2 3 4 5 6 7
    /* 0x38 */ 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,  // 8 9 : ; < = > ?
    /* 0x40 */ 0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047,  // @ A B C D E F G
    /* 0x48 */ 0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F,  // H I J K L M N O
    /* 0x50 */ 0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057,  // P Q R S T U V W
    /* 0x58 */ 0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F,  // X Y Z [ \ ] ^ _
    /* 0x60 */ 0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067,  // ` a b c d e f g
    /* 0x68 */ 0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F,  // h i j k l m n o
    /* 0x70 */ 0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077,  // p q r s t u v w
    /* 0x78 */ 0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F,  // x y z { | } ~ .
    /* 0x80 */ 0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // € . ‚ ƒ „ … † ‡ (1252)
    /* 0x88 */ 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // ˆ ‰ Š ‹ Œ . Ž .
    /* 0x90 */ 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // . ‘ ’ “ ” • – —
    /* 0x98 */ 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // ˜ ™ š › œ . ž Ÿ
    /* 0xA0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // nbsp Ă Â Ê Ô Ơ Ư Đ
    /* 0xA8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // ă â ê ô ơ ư đ Ằ
    /* 0xB0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // tone marks ` ? ~ ' . à ả ã
    /* 0xB8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // á ạ Ẳ ằ ẳ ẵ ắ Ẵ
    /* 0xC0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // Ắ Ầ Ẩ Ẫ Ấ Ề ặ ầ
    /* 0xC8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // ẩ ẫ ấ ậ è Ể ẻ ẽ
    /* 0xD0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // é ẹ ề ể ễ ế ệ ì
    /* 0xD8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // ỉ Ễ Ế Ồ ĩ í ị ò
    /* 0xE0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // Ổ ỏ õ ó ọ ồ ổ ỗ
    /* 0xE8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // ố ộ ờ ở ỡ ớ ợ ù
    /* 0xF0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // Ỗ ủ ũ ú ụ ừ ử ữ
    /* 0xF8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // ứ ự ỳ ỷ ỹ ý ỵ Ố
}};

// VNI-Windows (the VNI-Times fonts) writes a letter as its ASCII base followed by one mark
// byte (a + ù = á, a + â = â, a + á = ấ, a + ê = ă, a + é = ắ …), except for a few letters
// with a byte of their own: ì í æ(ỉ) ó(ĩ) ò(ị) î(ỵ) ô(ơ) ö(ư) ñ(đ). ơ and ư take their tone as a
// second byte (ô + ù = ớ). Capitals use the capital base and the capital form of the mark
// byte (A + Ù = Á). The full table of the 134 letters outside ASCII, as {letter, first, second}.
constexpr std::array<VniSequence, 134> kVni = {{
    {0x00E0, 0x61, 0xF8},  // à = aø
    {0x00E1, 0x61, 0xF9},  // á = aù
    {0x1EA3, 0x61, 0xFB},  // ả = aû
    {0x00E3, 0x61, 0xF5},  // ã = aõ
    {0x1EA1, 0x61, 0xEF},  // ạ = aï
    {0x00E2, 0x61, 0xE2},  // â = aâ
    {0x1EA7, 0x61, 0xE0},  // ầ = aà
    {0x1EA5, 0x61, 0xE1},  // ấ = aá
    {0x1EA9, 0x61, 0xE5},  // ẩ = aå
    {0x1EAB, 0x61, 0xE3},  // ẫ = aã
    {0x1EAD, 0x61, 0xE4},  // ậ = aä
    {0x0103, 0x61, 0xEA},  // ă = aê
    {0x1EB1, 0x61, 0xE8},  // ằ = aè
    {0x1EAF, 0x61, 0xE9},  // ắ = aé
    {0x1EB3, 0x61, 0xFA},  // ẳ = aú
    {0x1EB5, 0x61, 0xFC},  // ẵ = aü
    {0x1EB7, 0x61, 0xEB},  // ặ = aë
    {0x00E8, 0x65, 0xF8},  // è = eø
    {0x00E9, 0x65, 0xF9},  // é = eù
    {0x1EBB, 0x65, 0xFB},  // ẻ = eû
    {0x1EBD, 0x65, 0xF5},  // ẽ = eõ
    {0x1EB9, 0x65, 0xEF},  // ẹ = eï
    {0x00EA, 0x65, 0xE2},  // ê = eâ
    {0x1EC1, 0x65, 0xE0},  // ề = eà
    {0x1EBF, 0x65, 0xE1},  // ế = eá
    {0x1EC3, 0x65, 0xE5},  // ể = eå
    {0x1EC5, 0x65, 0xE3},  // ễ = eã
    {0x1EC7, 0x65, 0xE4},  // ệ = eä
    {0x00EC, 0xEC, 0x00},  // ì = ì
    {0x00ED, 0xED, 0x00},  // í = í
    {0x1EC9, 0xE6, 0x00},  // ỉ = æ
    {0x0129, 0xF3, 0x00},  // ĩ = ó
    {0x1ECB, 0xF2, 0x00},  // ị = ò
    {0x00F2, 0x6F, 0xF8},  // ò = oø
    {0x00F3, 0x6F, 0xF9},  // ó = où
    {0x1ECF, 0x6F, 0xFB},  // ỏ = oû
    {0x00F5, 0x6F, 0xF5},  // õ = oõ
    {0x1ECD, 0x6F, 0xEF},  // ọ = oï
    {0x00F4, 0x6F, 0xE2},  // ô = oâ
    {0x1ED3, 0x6F, 0xE0},  // ồ = oà
    {0x1ED1, 0x6F, 0xE1},  // ố = oá
    {0x1ED5, 0x6F, 0xE5},  // ổ = oå
    {0x1ED7, 0x6F, 0xE3},  // ỗ = oã
    {0x1ED9, 0x6F, 0xE4},  // ộ = oä
    {0x01A1, 0xF4, 0x00},  // ơ = ô
    {0x1EDD, 0xF4, 0xF8},  // ờ = ôø
    {0x1EDB, 0xF4, 0xF9},  // ớ = ôù
    {0x1EDF, 0xF4, 0xFB},  // ở = ôû
    {0x1EE1, 0xF4, 0xF5},  // ỡ = ôõ
    {0x1EE3, 0xF4, 0xEF},  // ợ = ôï
    {0x00F9, 0x75, 0xF8},  // ù = uø
    {0x00FA, 0x75, 0xF9},  // ú = uù
    {0x1EE7, 0x75, 0xFB},  // ủ = uû
    {0x0169, 0x75, 0xF5},  // ũ = uõ
    {0x1EE5, 0x75, 0xEF},  // ụ = uï
    {0x01B0, 0xF6, 0x00},  // ư = ö
    {0x1EEB, 0xF6, 0xF8},  // ừ = öø
    {0x1EE9, 0xF6, 0xF9},  // ứ = öù
    {0x1EED, 0xF6, 0xFB},  // ử = öû
    {0x1EEF, 0xF6, 0xF5},  // ữ = öõ
    {0x1EF1, 0xF6, 0xEF},  // ự = öï
    {0x1EF3, 0x79, 0xF8},  // ỳ = yø
    {0x00FD, 0x79, 0xF9},  // ý = yù
    {0x1EF7, 0x79, 0xFB},  // ỷ = yû
    {0x1EF9, 0x79, 0xF5},  // ỹ = yõ
    {0x1EF5, 0xEE, 0x00},  // ỵ = î
    {0x00C0, 0x41, 0xD8},  // À = AØ
    {0x00C1, 0x41, 0xD9},  // Á = AÙ
    {0x1EA2, 0x41, 0xDB},  // Ả = AÛ
    {0x00C3, 0x41, 0xD5},  // Ã = AÕ
    {0x1EA0, 0x41, 0xCF},  // Ạ = AÏ
    {0x00C2, 0x41, 0xC2},  // Â = AÂ
    {0x1EA6, 0x41, 0xC0},  // Ầ = AÀ
    {0x1EA4, 0x41, 0xC1},  // Ấ = AÁ
    {0x1EA8, 0x41, 0xC5},  // Ẩ = AÅ
    {0x1EAA, 0x41, 0xC3},  // Ẫ = AÃ
    {0x1EAC, 0x41, 0xC4},  // Ậ = AÄ
    {0x0102, 0x41, 0xCA},  // Ă = AÊ
    {0x1EB0, 0x41, 0xC8},  // Ằ = AÈ
    {0x1EAE, 0x41, 0xC9},  // Ắ = AÉ
    {0x1EB2, 0x41, 0xDA},  // Ẳ = AÚ
    {0x1EB4, 0x41, 0xDC},  // Ẵ = AÜ
    {0x1EB6, 0x41, 0xCB},  // Ặ = AË
    {0x00C8, 0x45, 0xD8},  // È = EØ
    {0x00C9, 0x45, 0xD9},  // É = EÙ
    {0x1EBA, 0x45, 0xDB},  // Ẻ = EÛ
    {0x1EBC, 0x45, 0xD5},  // Ẽ = EÕ
    {0x1EB8, 0x45, 0xCF},  // Ẹ = EÏ
    {0x00CA, 0x45, 0xC2},  // Ê = EÂ
    {0x1EC0, 0x45, 0xC0},  // Ề = EÀ
    {0x1EBE, 0x45, 0xC1},  // Ế = EÁ
    {0x1EC2, 0x45, 0xC5},  // Ể = EÅ
    {0x1EC4, 0x45, 0xC3},  // Ễ = EÃ
    {0x1EC6, 0x45, 0xC4},  // Ệ = EÄ
    {0x00CC, 0xCC, 0x00},  // Ì = Ì
    {0x00CD, 0xCD, 0x00},  // Í = Í
    {0x1EC8, 0xC6, 0x00},  // Ỉ = Æ
    {0x0128, 0xD3, 0x00},  // Ĩ = Ó
    {0x1ECA, 0xD2, 0x00},  // Ị = Ò
    {0x00D2, 0x4F, 0xD8},  // Ò = OØ
    {0x00D3, 0x4F, 0xD9},  // Ó = OÙ
    {0x1ECE, 0x4F, 0xDB},  // Ỏ = OÛ
    {0x00D5, 0x4F, 0xD5},  // Õ = OÕ
    {0x1ECC, 0x4F, 0xCF},  // Ọ = OÏ
    {0x00D4, 0x4F, 0xC2},  // Ô = OÂ
    {0x1ED2, 0x4F, 0xC0},  // Ồ = OÀ
    {0x1ED0, 0x4F, 0xC1},  // Ố = OÁ
    {0x1ED4, 0x4F, 0xC5},  // Ổ = OÅ
    {0x1ED6, 0x4F, 0xC3},  // Ỗ = OÃ
    {0x1ED8, 0x4F, 0xC4},  // Ộ = OÄ
    {0x01A0, 0xD4, 0x00},  // Ơ = Ô
    {0x1EDC, 0xD4, 0xD8},  // Ờ = ÔØ
    {0x1EDA, 0xD4, 0xD9},  // Ớ = ÔÙ
    {0x1EDE, 0xD4, 0xDB},  // Ở = ÔÛ
    {0x1EE0, 0xD4, 0xD5},  // Ỡ = ÔÕ
    {0x1EE2, 0xD4, 0xCF},  // Ợ = ÔÏ
    {0x00D9, 0x55, 0xD8},  // Ù = UØ
    {0x00DA, 0x55, 0xD9},  // Ú = UÙ
    {0x1EE6, 0x55, 0xDB},  // Ủ = UÛ
    {0x0168, 0x55, 0xD5},  // Ũ = UÕ
    {0x1EE4, 0x55, 0xCF},  // Ụ = UÏ
    {0x01AF, 0xD6, 0x00},  // Ư = Ö
    {0x1EEA, 0xD6, 0xD8},  // Ừ = ÖØ
    {0x1EE8, 0xD6, 0xD9},  // Ứ = ÖÙ
    {0x1EEC, 0xD6, 0xDB},  // Ử = ÖÛ
    {0x1EEE, 0xD6, 0xD5},  // Ữ = ÖÕ
    {0x1EF0, 0xD6, 0xCF},  // Ự = ÖÏ
    {0x1EF2, 0x59, 0xD8},  // Ỳ = YØ
    {0x00DD, 0x59, 0xD9},  // Ý = YÙ
    {0x1EF6, 0x59, 0xDB},  // Ỷ = YÛ
    {0x1EF8, 0x59, 0xD5},  // Ỹ = YÕ
    {0x1EF4, 0xCE, 0x00},  // Ỵ = Î
    {0x0111, 0xF1, 0x00},  // đ = ñ
    {0x0110, 0xD1, 0x00},  // Đ = Ñ
}};

// Windows-1252 for 0x80–0x9F; zero where 1252 leaves the byte undefined.
constexpr std::array<char16_t, 32> kWindows1252High = {{
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // € . ‚ ƒ „ … † ‡
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,  // ˆ ‰ Š ‹ Œ . Ž .
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // . ‘ ’ “ ” • – —
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,  // ˜ ™ š › œ . ž Ÿ
}};

// The text as legacy units: a value below 0x100 is a legacy byte, anything else is a
// character that no legacy byte can stand for and is kept as it is.
using Units = std::u32string;

char32_t windows1252_char(char32_t byte) {
  if (byte < 0x80 || byte >= 0xA0) return byte;
  char16_t c = kWindows1252High[byte - 0x80];
  return c != 0 ? c : byte;
}

char32_t windows1252_byte(char32_t c) {
  if (c < 0x100) return c;
  for (char32_t i = 0; i < kWindows1252High.size(); ++i) {
    if (kWindows1252High[i] == c) return 0x80 + i;
  }
  return c;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

Units to_units(std::string_view text) {
  Units units;
  units.reserve(text.size());
  if (!is_valid_utf8(text)) {
    for (char c : text) units.push_back(static_cast<unsigned char>(c));
    return units;
  }
  icu::UnicodeString u = from_utf8(text);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    units.push_back(windows1252_byte(static_cast<char32_t>(c)));
  }
  return units;
}

icu::UnicodeString decode_as_windows1252(const Units& units) {
  icu::UnicodeString out;
  for (char32_t u : units) out.append(static_cast<UChar32>(u < 0x100 ? windows1252_char(u) : u));
  return out;
}

icu::UnicodeString decode_tcvn3(const Units& units) {
  icu::UnicodeString out;
  for (char32_t u : units) out.append(static_cast<UChar32>(u < 0x100 ? kTcvn3ToUnicode[u] : u));
  return out;
}

struct VniLookup {
  std::array<char32_t, 256> single{};
  std::unordered_map<std::uint16_t, char32_t> pair;
};

const VniLookup& vni_lookup() {
  static const VniLookup lookup = [] {
    VniLookup l;
    for (const VniSequence& s : kVni) {
      if (s.second == 0) {
        l.single[s.first] = s.letter;
      } else {
        l.pair.emplace(static_cast<std::uint16_t>(s.first << 8 | s.second), s.letter);
      }
    }
    return l;
  }();
  return lookup;
}

icu::UnicodeString decode_vni(const Units& units) {
  const VniLookup& l = vni_lookup();
  icu::UnicodeString out;
  for (size_t i = 0; i < units.size(); ++i) {
    char32_t u = units[i];
    if (u >= 0x100) {
      out.append(static_cast<UChar32>(u));
      continue;
    }
    if (i + 1 < units.size() && units[i + 1] < 0x100) {
      char32_t mark = units[i + 1];
      auto it = l.pair.find(static_cast<std::uint16_t>(u << 8 | mark));
      // Typists sometimes get the case of the mark wrong ("Aø"); the base decides the case.
      if (it == l.pair.end() && mark >= 0xC0) {
        it = l.pair.find(static_cast<std::uint16_t>(u << 8 | (mark ^ 0x20)));
      }
      if (it != l.pair.end()) {
        out.append(static_cast<UChar32>(it->second));
        ++i;
        continue;
      }
    }
    char32_t single = l.single[u];
    out.append(static_cast<UChar32>(single != 0 ? single : windows1252_char(u)));
  }
  return out;
}

std::string to_nfc_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return to_nfc(out);
}

// ---- detection -------------------------------------------------------------------------------

// Letters only Unicode text can contain: Vietnamese letters beyond Latin-1 and the combining
// marks of decomposed text. None of them is a Windows-1252 character.
bool is_unicode_vietnamese(char32_t c) {
  switch (c) {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01A0: case 0x01A1: case 0x01AF: case 0x01B0:
    case 0x0300: case 0x0301: case 0x0302: case 0x0303: case 0x0306: case 0x0309:
    case 0x031B: case 0x0323:
      return true;
    default:
      return c >= 0x1EA0 && c <= 0x1EF9;
  }
}

struct Letter {
  UChar32 base = 0;    // a–z or đ
  UChar32 modifier = 0;  // circumflex, breve or horn
  bool tone = false;
};

bool is_vowel(UChar32 base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// The vowel a letter spells, or "" when the modifier does not belong on that base.
std::string_view vowel_of(const Letter& l) {
  switch (l.base) {
    case 'a': return l.modifier == 0 ? "a" : l.modifier == 0x0306 ? "ă" : l.modifier == 0x0302 ? "â" : "";
    case 'e': return l.modifier == 0 ? "e" : l.modifier == 0x0302 ? "ê" : "";
    case 'o': return l.modifier == 0 ? "o" : l.modifier == 0x0302 ? "ô" : l.modifier == 0x031B ? "ơ" : "";
    case 'u': return l.modifier == 0 ? "u" : l.modifier == 0x031B ? "ư" : "";
    case 'i': return l.modifier == 0 ? "i" : "";
    case 'y': return l.modifier == 0 ? "y" : "";
    default: return "";
  }
}

// Vowel groups of Vietnamese syllables, without tones ("qu" and "gi" are handled as initials).
bool is_nucleus(std::string_view v) {
  static constexpr std::string_view kNuclei[] = {
      "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
      "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo",
      "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
      "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu"};
  for (std::string_view n : kNuclei) {
    if (n == v) return true;
  }
  return false;
}

bool is_final(std::string_view f) {
  // "k" only for highland place names such as Đắk Lắk.
  static constexpr std::string_view kFinals[] = {"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"};
  for (std::string_view k : kFinals) {
    if (k == f) return true;
  }
  return false;
}

std::string join(const std::vector<std::string_view>& parts, size_t from) {
  std::string s;
  for (size_t i = from; i < parts.size(); ++i) s.append(parts[i]);
  return s;
}

// True when `word` reads as one Vietnamese syllable: consonants, a valid vowel group, an
// allowed final consonant, at most one tone. The initial is left loose (up to three
// consonants) so that minority names such as "Krông" pass; the vowel group and the marks are
// what tells Vietnamese from mojibake.
bool is_vietnamese_syllable(const icu::UnicodeString& word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString lower(word);
  lower.toLower(icu::Locale::getRoot());
  icu::UnicodeString d = nfd->normalize(lower, status);
  if (U_FAILURE(status)) return false;

  std::vector<Letter> letters;
  int tones = 0;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if ((c >= 'a' && c <= 'z') || c == 0x0111) {
      letters.push_back({c, 0, false});
      continue;
    }
    if (letters.empty()) return false;
    Letter& l = letters.back();
    if (c == 0x0302 || c == 0x0306 || c == 0x031B) {
      if (l.modifier != 0) return false;
      l.modifier = c;
    } else if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323) {
      if (l.tone) return false;
      l.tone = true;
      ++tones;
    } else {
      return false;
    }
  }
  if (tones > 1) return false;

  size_t i = 0;
  std::string initial;
  for (; i < letters.size() && !is_vowel(letters[i].base); ++i) {
    if (letters[i].modifier != 0 || letters[i].tone) return false;
    initial.append(letters[i].base == 0x0111 ? "đ" : std::string(1, static_cast<char>(letters[i].base)));
  }
  if (i > 3) return false;
  std::vector<std::string_view> vowels;
  for (; i < letters.size() && is_vowel(letters[i].base); ++i) {
    std::string_view v = vowel_of(letters[i]);
    if (v.empty()) return false;
    vowels.push_back(v);
  }
  std::string final_consonant;
  for (; i < letters.size(); ++i) {
    if (is_vowel(letters[i].base) || letters[i].modifier != 0 || letters[i].tone) return false;
    if (letters[i].base == 0x0111) return false;
    final_consonant.push_back(static_cast<char>(letters[i].base));
  }
  if (vowels.empty() || !is_final(final_consonant)) return false;

  size_t from = 0;
  if (initial == "q") {
    // "qu" is one consonant: quá, quý, quyết, quốc.
    if (vowels.size() < 2 || vowels[0] != "u") return false;
    from = 1;
  } else if (initial == "g" && vowels.size() >= 2 && vowels[0] == "i" && !is_nucleus(join(vowels, 0))) {
    from = 1;  // "gi" is one consonant: giữ, giường, giếng.
  }
  return is_nucleus(join(vowels, from));
}

// Word boundaries are found on the legacy units, so that a word is the same stretch of text
// in every reading: ASCII other than letters, the no-break space and Unicode white space.
bool is_word_separator(char32_t u) {
  if (u < 0x80) return !((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
  if (u == 0xA0) return true;
  return u >= 0x100 && u_isUWhiteSpace(static_cast<UChar32>(u));
}

// Bytes that Windows-1252 reads as typographic punctuation hugging a word: “ ” ‘ ’ „ – — … •
bool is_edge_punctuation(char32_t u) {
  return u == 0x93 || u == 0x94 || u == 0x91 || u == 0x92 || u == 0x84 || u == 0x96 || u == 0x97 ||
         u == 0x85 || u == 0x95;
}

bool has_letter(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i))) {
    if (u_isalpha(s.char32At(i))) return true;
  }
  return false;
}

struct Tally {
  int good = 0;  // words that are Vietnamese syllables in this reading
  int bad = 0;   // words that are not
  int score() const { return good - bad; }
  void count(const icu::UnicodeString& word) { ++(is_vietnamese_syllable(word) ? good : bad); }
};

struct Readings {
  Tally as_is;  // Windows-1252, i.e. the text as the user sees it
  Tally tcvn3;
  Tally vni;
};

void count_word(const Units& units, size_t begin, size_t end, Readings& r) {
  while (begin < end && is_edge_punctuation(units[begin])) ++begin;
  while (end > begin && is_edge_punctuation(units[end - 1])) --end;
  Units word = units.substr(begin, end - begin);
  bool ascii = true;
  for (char32_t u : word) ascii = ascii && u < 0x80;
  if (ascii) return;  // reads the same in every encoding
  icu::UnicodeString plain = decode_as_windows1252(word);
  // Symbols on their own ("©", "«", "25°") are no evidence: TCVN3 would read « as ô.
  if (!has_letter(plain)) return;
  r.as_is.count(plain);
  r.tcvn3.count(decode_tcvn3(word));
  r.vni.count(decode_vni(word));
}

Readings read_words(const Units& units) {
  Readings r;
  size_t start = 0;
  bool in_word = false;
  for (size_t i = 0; i < units.size(); ++i) {
    if (is_word_separator(units[i])) {
      if (in_word) count_word(units, start, i, r);
      in_word = false;
    } else if (!in_word) {
      start = i;
      in_word = true;
    }
  }
  if (in_word) count_word(units, start, units.size(), r);
  return r;
}

}  // namespace

std::string_view to_string(LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return "tcvn3";
    case LegacyEncoding::vni: return "vni";
    case LegacyEncoding::none: break;
  }
  return "none";
}

LegacyEncoding detect_legacy(std::string_view text) {
  Units units = to_units(text);
  for (char32_t u : units) {
    if (is_unicode_vietnamese(u)) return LegacyEncoding::none;
  }
  Readings r = read_words(units);
  const Tally& as_is = r.as_is;
  const Tally& tcvn3 = r.tcvn3;
  const Tally& vni = r.vni;
  // A legacy reading must turn at least one malformed word into a syllable (score up by 2),
  // read more words as Vietnamese than the text as it stands, find at least two words (a
  // stray "©" alone reads as TCVN3 "â") and leave at most one malformed word in five.
  auto convincing = [&](const Tally& t) {
    return t.good >= 2 && t.good > as_is.good && t.score() >= as_is.score() + 2 && t.good >= 4 * t.bad;
  };
  bool is_tcvn3 = convincing(tcvn3);
  bool is_vni = convincing(vni);
  if (is_tcvn3 && is_vni) {
    if (tcvn3.score() == vni.score()) return LegacyEncoding::none;  // no way to tell: leave it
    return tcvn3.score() > vni.score() ? LegacyEncoding::tcvn3 : LegacyEncoding::vni;
  }
  if (is_tcvn3) return LegacyEncoding::tcvn3;
  if (is_vni) return LegacyEncoding::vni;
  return LegacyEncoding::none;
}

std::string convert_legacy(std::string_view text, LegacyEncoding encoding) {
  switch (encoding) {
    case LegacyEncoding::tcvn3: return to_nfc_utf8(decode_tcvn3(to_units(text)));
    case LegacyEncoding::vni: return to_nfc_utf8(decode_vni(to_units(text)));
    case LegacyEncoding::none: break;
  }
  if (is_valid_utf8(text)) return to_nfc(text);
  return to_nfc(decode_windows1252(text));
}

std::string decode_windows1252(std::string_view bytes) {
  icu::UnicodeString u;
  for (char c : bytes) u.append(static_cast<UChar32>(windows1252_char(static_cast<unsigned char>(c))));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::span<const char16_t, 256> tcvn3_table() { return kTcvn3ToUnicode; }

std::span<const VniSequence> vni_table() { return kVni; }

}  // namespace thidua::text
