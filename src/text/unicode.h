// Internal UTF-8 and character-class helpers shared by the cleaner, the sentence splitter
// and the tokenizer. ASCII is answered from tables; everything else goes to ICU.
#ifndef PARLEY_TEXT_UNICODE_H_
#define PARLEY_TEXT_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley::text::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp = 0;
  uint32_t len = 1;
};

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is ill-formed; then
// `*bad_len` receives the length of the maximal ill-formed subpart (Unicode 3.9, D93b),
// which is what one U+FFFD replaces.
uint32_t ValidSequenceLength(std::string_view s, size_t i, uint32_t* bad_len);

// Decodes the code point at s[i]. Ill-formed input (the splitter and tokenizer accept
// uncleaned text too) decodes as U+FFFD covering one byte, so callers always progress.
inline Decoded DecodeAt(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  uint32_t bad = 0;
  const uint32_t len = ValidSequenceLength(s, i, &bad);
  if (len == 0) return {kReplacementChar, 1};
  char32_t cp;
  if (len == 2) {
    cp = b0 & 0x1F;
  } else if (len == 3) {
    cp = b0 & 0x0F;
  } else {
    cp = b0 & 0x07;
  }
  for (uint32_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {cp, len};
}

// Decodes the code point that ends just before s[end] (end > 0).
inline Decoded DecodeBefore(std::string_view s, size_t end) {
  size_t start = end - 1;
  const size_t floor = end >= 4 ? end - 4 : 0;
  while (start > floor && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  Decoded d = DecodeAt(s, start);
  if (start + d.len != end) return {kReplacementChar, 1};
  return d;
}

void AppendUtf8(char32_t cp, std::string* out);

enum class CharKind : uint8_t {
  kSpace,     // any white space, including NBSP, zero-width space and line separators
  kUpper,     // cased letter, upper or title case
  kLower,     // cased letter, lower case
  kCaseless,  // letter of a script without case (Arabic, CJK, ...)
  kDigit,     // decimal digit of any script
  kMark,      // combining mark: belongs to the letter before it
  kJoiner,    // invisible format character inside words (soft hyphen, ZWJ, ZWNJ)
  kPunct,     // everything else: punctuation, symbols
};

extern const CharKind kAsciiKind[128];
CharKind NonAsciiKind(char32_t cp);

inline CharKind KindOf(char32_t cp) { return cp < 0x80 ? kAsciiKind[cp] : NonAsciiKind(cp); }
inline bool IsLetter(CharKind k) {
  return k == CharKind::kUpper || k == CharKind::kLower || k == CharKind::kCaseless;
}
inline bool IsAlnum(CharKind k) { return IsLetter(k) || k == CharKind::kDigit; }

// Apostrophes that may sit inside a word: ' ’ ʼ (and ‘, which careless typing puts there).
inline bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}
// Hyphens that join word parts: - ‐ ‑ (dashes proper are punctuation).
inline bool IsJoiningHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Closing quotes and brackets that may follow sentence-final punctuation.
inline bool IsCloser(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019:
    case 0x201D:
    case 0x00BB:
    case 0x203A:
    case 0x300D:
    case 0x300F:
      return true;
    default:
      return false;
  }
}
// Opening quotes and brackets that may precede the first word of a sentence.
inline bool IsOpener(char32_t cp) {
  switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018:
    case 0x201C:
    case 0x201E:
    case 0x00AB:
    case 0x2039:
    case 0x300C:
    case 0x300E:
      return true;
    default:
      return false;
  }
}

// Appends the normalised form of a letter or digit: upper case, and Latin letters with
// diacritics reduced to their ASCII base (é -> E, ß -> SS, Ł -> L). Letters of other
// scripts are upper-cased only.
void AppendFoldedLetter(char32_t cp, std::string* out);

// The normalised form of a punctuation mark: curly quotes -> ' or ", dashes and minus
// -> -, ellipsis -> "...". Returns an empty view when the mark stands for itself.
std::string_view FoldedPunct(char32_t cp);

}  // namespace parley::text::internal

#endif  // PARLEY_TEXT_UNICODE_H_
