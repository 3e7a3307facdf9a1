#include "text/collation.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace thidua::text {

namespace {

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

const icu::Collator& master_collator() {
  static const std::unique_ptr<icu::Collator> master = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    // A fallback to the root collator (U_USING_DEFAULT_WARNING) would silently sort ă after
    // z; without the "vi" tailoring the ICU data is broken, which is an installation fault.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || !c) {
      throw std::runtime_error(std::string("ICU collator for \"vi\" unavailable: ") +
                               u_errorName(status));
    }
    c->setStrength(icu::Collator::TERTIARY);
    // Text decomposed by some input method ("a" + U+0300) must sort with its precomposed twin.
    c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU collator setup failed: ") + u_errorName(status));
    }
    return c;
  }();
  return *master;
}

// Collator methods may update internal buffers, so a shared instance is not safe to use from
// several threads; each thread works on its own clone of the configured master.
icu::Collator& collator() {
  thread_local const std::unique_ptr<icu::Collator> local(master_collator().clone());
  if (!local) throw std::runtime_error("ICU collator clone failed");
  return *local;
}

std::string to_hex(const uint8_t* bytes, int32_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(static_cast<size_t>(n) * 2);
  for (int32_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0F]);
  }
  return out;
}

bool is_space_at(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
    len = 1;
    return true;
  }
  // U+00A0 NO-BREAK SPACE arrives from spreadsheets and word processors between name parts.
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    len = 2;
    return true;
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (is_space_at(s, i, len)) {
      if (start != std::string_view::npos) words.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
      i += len;
    } else {
      if (start == std::string_view::npos) start = i;
      ++i;
    }
  }
  if (start != std::string_view::npos) words.push_back(s.substr(start));
  return words;
}

}  // namespace

std::string sort_key(std::string_view utf8) {
  icu::Collator& c = collator();
  icu::UnicodeString u = to_unicode(utf8);
  std::vector<uint8_t> buf(64 + static_cast<size_t>(u.length()) * 4);
  int32_t n = c.getSortKey(u, buf.data(), static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(static_cast<size_t>(n));
    n = c.getSortKey(u, buf.data(), n);
  }
  // ICU counts the terminating NUL in the length; no other key byte is zero.
  if (n > 0 && buf[static_cast<size_t>(n) - 1] == 0) --n;
  return to_hex(buf.data(), n);
}

std::string person_sort_key(std::string_view full_name) {
  std::vector<std::string_view> words = split_words(full_name);
  std::string given;
  std::string rest;
  if (!words.empty()) {
    given = std::string(words.back());
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (!rest.empty()) rest.push_back(' ');
      rest.append(words[i]);
    }
  }
  std::string key = sort_key(given);
  key.push_back(kPersonKeySeparator);
  key += sort_key(rest);
  return key;
}

int compare_vi(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator().compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU compare failed: ") + u_errorName(status));
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

}  // namespace thidua::text
