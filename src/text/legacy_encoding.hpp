#pragma once
/// Vietnamese text from before Unicode. Office files from the 1990s–2000s typed with the
/// .VnTime (TCVN3/ABC) or VNI-Times fonts store 8-bit codes that only those fonts draw as
/// Vietnamese; opened anywhere else "Hà Văn Vui" reads "Hµ V¨n Vui" (TCVN3) or
/// "Haø Vaên Vui" (VNI). This module recognises such text and turns it into NFC UTF-8.
///
/// Text reaches us in two forms, and both are handled:
///  - valid UTF-8 whose characters are the Windows-1252 (or Latin-1) reading of the legacy
///    bytes, which is what a spreadsheet reader hands us for a cell formatted with .VnTime;
///  - raw legacy bytes, e.g. a CSV saved in TCVN3, which are not valid UTF-8.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace thidua::text {

enum class LegacyEncoding { none, tcvn3, vni };

/// "none", "tcvn3" or "vni".
std::string_view to_string(LegacyEncoding encoding);

/// Guesses whether `text` (best a whole column or file, not one cell) is TCVN3 or VNI read as
/// Windows-1252. It reads each word three ways (as is, decoded from TCVN3, decoded from VNI)
/// and counts words that are well-formed Vietnamese syllables. A legacy encoding wins only
/// when it turns malformed words into syllables and leaves few malformed ones behind.
/// Conservative on purpose, because converting good text corrupts it: plain ASCII, proper
/// Unicode Vietnamese, and any text containing a Vietnamese letter beyond Latin-1 (ă, đ, ơ,
/// ư, ạ, … or a combining tone mark, which no legacy text read as Windows-1252 can contain)
/// give `none`. Mixed text (some rows already converted) therefore gives `none` too; detect
/// per cell if that case matters.
LegacyEncoding detect_legacy(std::string_view text);

/// Converts `text` from `encoding` to NFC UTF-8. When `text` is valid UTF-8 each character in
/// Windows-1252 (or U+0000–U+00FF) stands for one legacy byte and any other character is
/// kept as it is; otherwise every byte is a legacy byte. With `none` the result is `text` in
/// NFC, or its Windows-1252 reading when it is not valid UTF-8; the result is always valid
/// UTF-8. Capitals are only recovered where the legacy text encoded them: a whole-caps
/// heading set in .VnTimeH is stored in lower-case codes and converts to lower case.
std::string convert_legacy(std::string_view text, LegacyEncoding encoding);

/// Windows-1252 bytes as UTF-8. The five bytes 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D) become U+0081 etc., as Windows itself maps them.
std::string decode_windows1252(std::string_view bytes);

/// One VNI-Windows spelling: `letter` is written as byte `first`, followed by byte `second`
/// unless it is zero.
struct VniSequence {
  char32_t letter;
  std::uint8_t first;
  std::uint8_t second;
};

/// The TCVN3 decoding table: the code point for each byte. Bytes below 0xA0 read as in
/// Windows-1252 (ASCII, and Word's quotes and dashes at 0x80–0x9F). The capitals VN3 lacks
/// are written as base letter + combining tone byte (0xB0–0xB4), e.g. "A\xB0" for "À".
/// Exposed so tests and export tools can build the reverse direction from the same data.
std::span<const char16_t, 256> tcvn3_table();

/// The VNI-Windows spelling of each of the 134 Vietnamese letters outside ASCII.
std::span<const VniSequence> vni_table();

}  // namespace thidua::text
