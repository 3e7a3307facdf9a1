#include "text/legacy_encoding.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace thidua::text {
namespace {

// ---- test-only encoders, built from the same tables the decoder uses -------------------------

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string utf8_of(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

// Unicode → TCVN3 bytes: the letter's own code, or for the capitals TCVN3 lacks the base
// letter followed by a combining tone byte. Letters with neither fail the test.
std::string encode_tcvn3(std::string_view utf8) {
  auto table = tcvn3_table();
  std::string out;
  for (char32_t cp : code_points(to_nfc(utf8))) {
    std::string code;
    for (size_t b = 0; b < table.size() && code.empty(); ++b) {
      if (table[b] == cp) code.push_back(static_cast<char>(b));
    }
    for (size_t base = 0x20; base < table.size() && code.empty(); ++base) {
      for (size_t tone = 0xB0; tone <= 0xB4 && code.empty(); ++tone) {
        if (to_nfc(utf8_of(table[base]) + utf8_of(table[tone])) == utf8_of(cp)) {
          code = {static_cast<char>(base), static_cast<char>(tone)};
        }
      }
    }
    if (code.empty()) ADD_FAILURE() << "no TCVN3 code for U+" << std::hex << static_cast<unsigned>(cp);
    out += code;
  }
  return out;
}

// Unicode → VNI-Windows bytes.
std::string encode_vni(std::string_view utf8) {
  std::string out;
  for (char32_t cp : code_points(to_nfc(utf8))) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    bool found = false;
    for (const VniSequence& s : vni_table()) {
      if (s.letter == cp) {
        out.push_back(static_cast<char>(s.first));
        if (s.second != 0) out.push_back(static_cast<char>(s.second));
        found = true;
        break;
      }
    }
    // Word's quotes and dashes stay at their Windows-1252 bytes in a VNI document too.
    for (int b = 0x80; b < 0xA0 && !found; ++b) {
      if (decode_windows1252(std::string(1, static_cast<char>(b))) == utf8_of(cp)) {
        out.push_back(static_cast<char>(b));
        found = true;
      }
    }
    if (!found) ADD_FAILURE() << "no VNI spelling for U+" << std::hex << static_cast<unsigned>(cp);
  }
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Real words and names: together, in lower case and in capitals, they contain every one of
// the 134 Vietnamese letters outside ASCII (12 vowels × 6 tones, đ, in both cases).
const std::vector<std::string> kLower = {
    "Hà Văn Vui", "Nông Thị Hoa", "Nguyễn Thị Ánh", "Trần Quốc Tuấn", "Lê Thị Mỹ Dung",
    "Đặng Văn Lực", "Phạm Thị Hằng", "Bắc Kạn", "Khẳng định", "Lẵng hoa", "Cẩm Thủy", "dẫn đầu",
    "Đậu Thị Bé", "chè xanh", "trẻ em", "vẽ tranh", "Mẹ Việt Nam anh hùng", "Kiều", "Thế hệ",
    "Thể thao", "Bình Định", "chí công vô tư", "tỉnh Cao Bằng", "Vĩnh Phúc", "Hòa Bình", "có",
    "nhỏ", "Võ Nguyên Giáp", "Ngọc", "Hồ Chí Minh", "Tổng kết", "Đỗ Mười", "Hội đồng", "Thơ",
    "Lớp", "Sở Nội vụ", "giúp đỡ", "Hợp tác", "Cù Chính Lan", "Vũ", "Thừa Thiên Huế", "Đức",
    "Lịch sử", "Giữ gìn", "Kỳ", "Lý", "Kỷ niệm", "Tỵ", "ăn", "Tân", "Cả nước", "đã",
    "Ban Dân tộc", "Phong trào thi đua", "nông thôn mới", "khen thưởng",
};
const std::vector<std::string> kUpper = {
    "HÀ VĂN VUI", "NÔNG THỊ HOA", "NGUYỄN THỊ ÁNH", "TRẦN QUỐC TUẤN", "LÊ THỊ MỸ DUNG",
    "ĐẶNG VĂN LỰC", "PHẠM THỊ HẰNG", "BẮC KẠN", "KHẲNG ĐỊNH", "LẴNG HOA", "CẨM THỦY", "DẪN ĐẦU",
    "ĐẬU THỊ BÉ", "CHÈ XANH", "TRẺ EM", "VẼ TRANH", "MẸ VIỆT NAM ANH HÙNG", "KIỀU", "THẾ HỆ",
    "THỂ THAO", "BÌNH ĐỊNH", "CHÍ CÔNG VÔ TƯ", "TỈNH CAO BẰNG", "VĨNH PHÚC", "HÒA BÌNH", "CÓ",
    "NHỎ", "VÕ NGUYÊN GIÁP", "NGỌC", "HỒ CHÍ MINH", "TỔNG KẾT", "ĐỖ MƯỜI", "HỘI ĐỒNG", "THƠ",
    "LỚP", "SỞ NỘI VỤ", "GIÚP ĐỠ", "HỢP TÁC", "CÙ CHÍNH LAN", "VŨ", "THỪA THIÊN HUẾ", "ĐỨC",
    "LỊCH SỬ", "GIỮ GÌN", "KỲ", "LÝ", "KỶ NIỆM", "TỴ", "ĂN", "TÂN", "CẢ NƯỚC", "ĐÃ",
    "BAN DÂN TỘC", "PHONG TRÀO THI ĐUA", "NÔNG THÔN MỚI", "KHEN THƯỞNG", "KẾ HOẠCH",
    "MỤC ĐÍCH, YÊU CẦU", "TIẾN ĐỘ THỰC HIỆN", "HÌNH THỨC KHEN THƯỞNG", "PHÓ TRƯỞNG BAN",
};

std::vector<std::string> all_words() {
  std::vector<std::string> all = kLower;
  all.insert(all.end(), kUpper.begin(), kUpper.end());
  return all;
}

// From the plan issued by Ban Dân tộc tỉnh Cao Bằng, 30/9/2022. Its “ ” and – are Word's
// Windows-1252 punctuation, which a .VnTime document keeps at 0x93, 0x94 and 0x96.
constexpr const char* kPlanExcerpt =
    "Cao Bằng, ngày 30 tháng 9 năm 2022\n"
    "KẾ HOẠCH\n"
    "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 – 2025\n"
    "Căn cứ Nghị quyết số 12-NQ/TU ngày 09/6/2022 của Ban chấp hành Đảng bộ tỉnh khoá XIX về lãnh "
    "đạo thực hiện các Chương trình mục tiêu quốc gia giai đoạn 2021 - 2025; Kế hoạch số "
    "2452/KH-UBND ngày 26/9/2022 của UBND tỉnh Cao Bằng.\n"
    "- Tổ chức Phong trào thi đua thiết thực, hiệu quả gắn với địa chỉ xã được phân công phụ trách, "
    "giúp đỡ theo Quyết định số 1177/QĐ-UBND ngày 12/9/2022 của UBND tỉnh Cao Bằng v/v phân công "
    "cơ quan, đơn vị phụ trách.\n"
    "b) Cá nhân: Công chức, người lao động Ban tích cực hưởng ứng, tham gia Phong trào thi đua với "
    "những việc làm thiết thực; có sáng kiến, giải pháp hữu ích trong xây dựng nông thôn mới.\n"
    "- Hình thức khen thưởng: Giấy khen của Thủ trưởng cơ quan; thực hiện hằng năm.\n"
    "Nơi nhận: UBND tỉnh; Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ; Lưu: VT, TĐKT.\n"
    "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHà Văn Vui\n";

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : text) {
    if (c == ' ' || c == '\n') {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

// Vietnamese written with Latin-1 letters only (no ă đ ơ ư ạ …): the text most at risk,
// because every character in it is also a legacy code.
const std::vector<std::string> kLatin1OnlyVietnamese = {
    "Lê Hà", "Tô Lâm", "Hà Giang", "Lào Cai", "Cà Mau", "Kiên Giang", "An Giang", "Yên Bái",
    "Thái Bình", "Hòa Bình", "Hoà Bình", "Tây Ninh", "Long An", "Phú Yên", "Gia Lai", "Lai Châu",
    "Hà Nam", "Tây Nguyên", "Lê Thái Hòa", "Mai Anh Tú", "Vi Thùy Linh", "Hoàng Tú Anh",
    "Lê Hoàng Châu", "Tô Hoài", "Thái Hà", "là", "và", "các", "có", "không", "công tác", "tiêu chí",
    "chính sách", "mô hình", "cách làm", "sáng tạo", "hình thức", "thành tích", "cá nhân", "hoá",
    "hóa", "tài chính", "giáo viên", "chào", "tháng", "chuyên môn", "phòng", "giám sát", "báo cáo",
    "Trà Vinh", "Bà", "Ông", "Cô", "Chú", "Bác", "HÀ GIANG", "THÀNH TÍCH", "CÔNG TÁC", "Ý", "Ô",
};

// ---- tables -----------------------------------------------------------------------------------

TEST(LegacyTables, Tcvn3MatchesTheFamiliarCodes) {
  auto t = tcvn3_table();
  EXPECT_EQ(t[0xB8], u'á');
  EXPECT_EQ(t[0xB5], u'à');
  EXPECT_EQ(t[0xB6], u'ả');
  EXPECT_EQ(t[0xB7], u'ã');
  EXPECT_EQ(t[0xB9], u'ạ');
  EXPECT_EQ(t[0xA9], u'â');
  EXPECT_EQ(t[0xA8], u'ă');
  EXPECT_EQ(t[0xAE], u'đ');
  EXPECT_EQ(t[0xA7], u'Đ');
  EXPECT_EQ(t[0xAB], u'ô');
  EXPECT_EQ(t[0xAC], u'ơ');
  EXPECT_EQ(t[0xAD], u'ư');
  EXPECT_EQ(t[0xAA], u'ê');
  EXPECT_EQ(t[0xDE], u'ị');
  EXPECT_EQ(t[0xFE], u'ỵ');
}

TEST(LegacyTables, Tcvn3ReadsTheLowerHalfAsWindows1252) {
  auto t = tcvn3_table();
  for (int b = 0; b < 0xA0; ++b) {
    EXPECT_EQ(utf8_of(t[static_cast<size_t>(b)]), decode_windows1252(std::string(1, static_cast<char>(b))))
        << "byte " << b;
  }
}

TEST(LegacyTables, Tcvn3CodesEachLetterAtMostOnceAndTheRestWithToneBytes) {
  auto t = tcvn3_table();
  int coded = 0;
  for (const VniSequence& s : vni_table()) {
    int n = 0;
    for (char16_t c : t) n += c == s.letter;
    EXPECT_LE(n, 1) << utf8_of(s.letter);
    coded += n;
    // The 44 capitals without a code of their own (VN1 keeps them below 0xA0) are spelled
    // as base + combining tone byte and come back composed.
    if (n == 0) {
      std::string bytes = encode_tcvn3(utf8_of(s.letter));
      EXPECT_EQ(bytes.size(), 2u) << utf8_of(s.letter);
      EXPECT_EQ(convert_legacy(bytes, LegacyEncoding::tcvn3), utf8_of(s.letter));
    }
  }
  EXPECT_EQ(coded, 134 - 44);
  EXPECT_EQ(encode_tcvn3("À Ú Ỵ"), "A\xB0 U\xB3 Y\xB4");
}

TEST(LegacyTables, VniCoversEveryLetterWithDistinctSpellings) {
  auto v = vni_table();
  EXPECT_EQ(v.size(), 134u);
  std::set<std::pair<int, int>> spellings;
  std::set<char32_t> letters;
  for (const VniSequence& s : v) {
    spellings.insert({s.first, s.second});
    letters.insert(s.letter);
    // Marks and single-byte letters are all ≥ 0xC0, so ASCII text never changes.
    EXPECT_GE(s.second != 0 ? s.second : s.first, 0xC0) << utf8_of(s.letter);
  }
  EXPECT_EQ(spellings.size(), 134u);
  EXPECT_EQ(letters.size(), 134u);
  EXPECT_EQ(encode_vni("á à ả ã ạ ă â đ Đ ơ ư"),
            "a\xF9 a\xF8 a\xFB a\xF5 a\xEF a\xEA a\xE2 \xF1 \xD1 \xF4 \xF6");
}

TEST(LegacyTables, WordListCoversEveryLetterInBothCases) {
  std::string all = join(all_words());
  for (const VniSequence& s : vni_table()) {
    EXPECT_NE(all.find(utf8_of(s.letter)), std::string::npos) << "missing " << utf8_of(s.letter);
  }
  EXPECT_GE(kLower.size(), 30u);
}

// ---- round trips --------------------------------------------------------------------------------

struct Form {
  const char* name;
  LegacyEncoding encoding;
  std::string (*encode)(std::string_view);
  bool as_windows1252_text;  // true: the UTF-8 a spreadsheet reader gives us; false: raw bytes
};

const Form kForms[] = {
    {"tcvn3 bytes", LegacyEncoding::tcvn3, encode_tcvn3, false},
    {"tcvn3 text", LegacyEncoding::tcvn3, encode_tcvn3, true},
    {"vni bytes", LegacyEncoding::vni, encode_vni, false},
    {"vni text", LegacyEncoding::vni, encode_vni, true},
};

std::string legacy_form(const Form& f, std::string_view unicode) {
  std::string bytes = f.encode(unicode);
  return f.as_windows1252_text ? decode_windows1252(bytes) : bytes;
}

TEST(LegacyRoundTrip, DetectsAndConvertsEveryWordBack) {
  const std::vector<std::string> words = all_words();
  for (const Form& f : kForms) {
    SCOPED_TRACE(f.name);
    std::vector<std::string> encoded;
    for (const auto& w : words) encoded.push_back(legacy_form(f, w));
    std::string column = join(encoded);
    EXPECT_EQ(f.as_windows1252_text, is_valid_utf8(column));
    EXPECT_EQ(detect_legacy(column), f.encoding);
    EXPECT_EQ(convert_legacy(column, f.encoding), join(words));
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(convert_legacy(encoded[i], f.encoding), words[i]) << words[i];
    }
  }
}

TEST(LegacyRoundTrip, LowerAndUpperCaseListsAreEachDetected) {
  for (const Form& f : kForms) {
    SCOPED_TRACE(f.name);
    for (const auto* list : {&kLower, &kUpper}) {
      std::vector<std::string> encoded;
      for (const auto& w : *list) encoded.push_back(legacy_form(f, w));
      EXPECT_EQ(detect_legacy(join(encoded)), f.encoding);
    }
  }
}

TEST(LegacyRoundTrip, ThePlanExcerptSurvivesBothEncodings) {
  for (const Form& f : kForms) {
    SCOPED_TRACE(f.name);
    std::string legacy = legacy_form(f, kPlanExcerpt);
    EXPECT_EQ(detect_legacy(legacy), f.encoding);
    EXPECT_EQ(convert_legacy(legacy, f.encoding), kPlanExcerpt);
  }
}

// ---- detection: what the user sees ---------------------------------------------------------------

TEST(DetectLegacy, RecognisesMojibakeAsUsersSeeIt) {
  EXPECT_EQ(detect_legacy("Hµ V¨n Vui"), LegacyEncoding::tcvn3);
  EXPECT_EQ(detect_legacy("N«ng ThÞ Hoa"), LegacyEncoding::tcvn3);
  EXPECT_EQ(detect_legacy("Haø Vaên Vui"), LegacyEncoding::vni);
  EXPECT_EQ(detect_legacy("Noâng Thò Hoa, Nguyeãn Vaên An"), LegacyEncoding::vni);
  EXPECT_EQ(convert_legacy("Hµ V¨n Vui", LegacyEncoding::tcvn3), "Hà Văn Vui");
  EXPECT_EQ(convert_legacy("N«ng ThÞ Hoa", LegacyEncoding::tcvn3), "Nông Thị Hoa");
  EXPECT_EQ(convert_legacy("Haø Vaên Vui", LegacyEncoding::vni), "Hà Văn Vui");
  EXPECT_EQ(convert_legacy("Noâng Thò Hoa", LegacyEncoding::vni), "Nông Thị Hoa");
}

TEST(DetectLegacy, RecognisesRawTcvn3Bytes) {
  const std::string raw = "H\xB5 V\xA8n Vui;N\xABng Th\xDE Hoa\n";  // a CSV saved in TCVN3
  EXPECT_FALSE(is_valid_utf8(raw));
  EXPECT_EQ(detect_legacy(raw), LegacyEncoding::tcvn3);
  EXPECT_EQ(convert_legacy(raw, LegacyEncoding::tcvn3), "Hà Văn Vui;Nông Thị Hoa\n");
}

TEST(DetectLegacy, ProperUnicodeVietnameseIsLeftAlone) {
  EXPECT_EQ(detect_legacy("Hà Văn Vui"), LegacyEncoding::none);
  EXPECT_EQ(detect_legacy("Nông Thị Hoa"), LegacyEncoding::none);
  EXPECT_EQ(detect_legacy(kPlanExcerpt), LegacyEncoding::none);
  for (const auto& w : words_of(kPlanExcerpt)) EXPECT_EQ(detect_legacy(w), LegacyEncoding::none) << w;
  for (const auto& w : all_words()) EXPECT_EQ(detect_legacy(w), LegacyEncoding::none) << w;
  EXPECT_EQ(detect_legacy(join(all_words())), LegacyEncoding::none);
}

TEST(DetectLegacy, Latin1OnlyVietnameseIsLeftAlone) {
  for (const auto& w : kLatin1OnlyVietnamese) EXPECT_EQ(detect_legacy(w), LegacyEncoding::none) << w;
  EXPECT_EQ(detect_legacy(join(kLatin1OnlyVietnamese)), LegacyEncoding::none);
}

TEST(DetectLegacy, DecomposedUnicodeIsLeftAlone) {
  EXPECT_EQ(detect_legacy("Ha\xCC\x80 Va\xCC\x86n Vui"), LegacyEncoding::none);  // combining marks
  EXPECT_EQ(detect_legacy("Le\xCC\x82 Ha\xCC\x80"), LegacyEncoding::none);
}

TEST(DetectLegacy, AsciiSymbolsAndOtherLanguagesAreLeftAlone) {
  for (const char* s : {"", "   ", "Nguyen Van A", "UBND tinh Cao Bang", "12/KH-BDT", "Tran Thi B, 1985",
                        "©", "© 2022", "25°C", "µg/ml", "½ kg", "§ 3", "± 5%", "« trích »", "Ghi chú ¹",
                        "Café crème brûlée", "Müller", "José", "Zoë", "naïve", "François", "Ångström",
                        "São Paulo", "Curaçao", "Straße", "Ærø", "Søren Kierkegaard", "Œuvre", "€ 100",
                        "“Cả nước chung sức”", "Hà Nội – Việt Nam…"}) {
    EXPECT_EQ(detect_legacy(s), LegacyEncoding::none) << s;
  }
}

TEST(DetectLegacy, MixedTextIsLeftAlone) {
  // One cell already in Unicode: converting the rest would corrupt its Latin-1 letters.
  std::string mixed = decode_windows1252(encode_tcvn3("Hà Văn Vui\nNguyễn Thị Ánh\n")) + "Nông Thị Hoa\n";
  EXPECT_EQ(detect_legacy(mixed), LegacyEncoding::none);
}

// ---- conversion details ---------------------------------------------------------------------------

TEST(ConvertLegacy, KeepsCharactersNoLegacyByteCanMean) {
  // "→" has no Windows-1252 byte, so it is not part of the legacy text and stays.
  EXPECT_EQ(convert_legacy("Hµ → V¨n", LegacyEncoding::tcvn3), "Hà → Văn");
  EXPECT_EQ(convert_legacy("Haø → Vaên", LegacyEncoding::vni), "Hà → Văn");
}

TEST(ConvertLegacy, Tcvn3KeepsWordsTypographicPunctuation) {
  // .VnTime documents keep Word's “ ” – … at their Windows-1252 bytes, not VN1's capitals.
  EXPECT_EQ(convert_legacy("\x93" "C\xB6 n\xAD\xED" "c\x94 \x96 2025\x85", LegacyEncoding::tcvn3),
            "“Cả nước” – 2025…");
  EXPECT_EQ(convert_legacy("“C¶ n­íc” – 2025…", LegacyEncoding::tcvn3), "“Cả nước” – 2025…");
}

TEST(ConvertLegacy, Tcvn3CombiningTonesCompose) {
  EXPECT_EQ(convert_legacy("A\xB3nh", LegacyEncoding::tcvn3), "Ánh");  // A + acute (0xB3)
  EXPECT_EQ(convert_legacy("A\xB0", LegacyEncoding::tcvn3), "À");
}

TEST(ConvertLegacy, VniMarkCaseFollowsTheBase) {
  EXPECT_EQ(convert_legacy("HAØ", LegacyEncoding::vni), "HÀ");
  EXPECT_EQ(convert_legacy("Haø", LegacyEncoding::vni), "Hà");
  EXPECT_EQ(convert_legacy("HAø", LegacyEncoding::vni), "HÀ");  // mark typed in the wrong case
  EXPECT_EQ(convert_legacy("Tröông", LegacyEncoding::vni), "Trương");
  EXPECT_EQ(convert_legacy("ngöôøi", LegacyEncoding::vni), "người");
  EXPECT_EQ(convert_legacy("ù", LegacyEncoding::vni), "ù");  // a mark with no base stays as read
}

TEST(ConvertLegacy, NoneNormalisesAndAlwaysReturnsUtf8) {
  EXPECT_EQ(convert_legacy("Ha\xCC\x80", LegacyEncoding::none), "Hà");
  EXPECT_EQ(convert_legacy("Hà Văn Vui", LegacyEncoding::none), "Hà Văn Vui");
  EXPECT_EQ(convert_legacy("caf\xE9", LegacyEncoding::none), "café");  // not UTF-8: read as 1252
  for (const Form& f : kForms) {
    EXPECT_TRUE(is_valid_utf8(convert_legacy(legacy_form(f, kPlanExcerpt), f.encoding))) << f.name;
  }
}

TEST(DecodeWindows1252, MapsTheC1RangeLikeWindows) {
  EXPECT_EQ(decode_windows1252("\x80\x93\x94\x85"), "€“”…");
  EXPECT_EQ(decode_windows1252("\x81\x8D\x8F\x90\x9D"), "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
  EXPECT_EQ(decode_windows1252("\xE0\xA0"), "à\xC2\xA0");
  EXPECT_EQ(decode_windows1252("abc"), "abc");
}

TEST(LegacyEncodingName, ToString) {
  EXPECT_EQ(to_string(LegacyEncoding::none), "none");
  EXPECT_EQ(to_string(LegacyEncoding::tcvn3), "tcvn3");
  EXPECT_EQ(to_string(LegacyEncoding::vni), "vni");
}

}  // namespace
}  // namespace thidua::text
