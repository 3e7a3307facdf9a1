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
  for (char32_t u : units) out.append(static_cast<UChar32>(u < 0x100 ? tcvn3_table()[u] : u));
  return out;
}

struct VniLookup {
  std::array<char32_t, 256> single{};
  std::unordered_map<std::uint16_t, char32_t> pair;
};

const VniLookup& vni_lookup() {
  static const VniLookup lookup = [] {
    VniLookup l;
    for (const VniSequence& s : vni_table()) {
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

}  // namespace thidua::text
