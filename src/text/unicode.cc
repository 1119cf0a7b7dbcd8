#include "text/unicode.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace parley::text::internal {
namespace {

constexpr CharKind S = CharKind::kSpace;
constexpr CharKind U = CharKind::kUpper;
constexpr CharKind L = CharKind::kLower;
constexpr CharKind D = CharKind::kDigit;
constexpr CharKind P = CharKind::kPunct;

// ASCII base letters for U+00C0..U+017F, upper-cased; null for the two symbols (× ÷).
// clang-format off
constexpr const char* kLatinFold[0x180 - 0xC0] = {
    // U+00C0
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    // U+00D0
    "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH", "SS",
    // U+00E0
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    // U+00F0
    "D", "N", "O", "O", "O", "O", "O", nullptr, "O", "U", "U", "U", "U", "Y", "TH", "Y",
    // U+0100
    "A", "A", "A", "A", "A", "A", "C", "C", "C", "C", "C", "C", "C", "C", "D", "D",
    // U+0110
    "D", "D", "E", "E", "E", "E", "E", "E", "E", "E", "E", "E", "G", "G", "G", "G",
    // U+0120
    "G", "G", "G", "G", "H", "H", "H", "H", "I", "I", "I", "I", "I", "I", "I", "I",
    // U+0130
    "I", "I", "IJ", "IJ", "J", "J", "K", "K", "K", "L", "L", "L", "L", "L", "L", "L",
    // U+0140
    "L", "L", "L", "N", "N", "N", "N", "N", "N", "N", "N", "N", "O", "O", "O", "O",
    // U+0150
    "O", "O", "OE", "OE", "R", "R", "R", "R", "R", "R", "S", "S", "S", "S", "S", "S",
    // U+0160
    "S", "S", "T", "T", "T", "T", "T", "T", "U", "U", "U", "U", "U", "U", "U", "U",
    // U+0170
    "U", "U", "U", "U", "W", "W", "Y", "Y", "Y", "Z", "Z", "Z", "Z", "Z", "Z", "S",
};
// clang-format on

const icu::Normalizer2* NfdInstance() {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfd;
}

// For Latin letters outside the table (Ș, ế, ǎ ...): the ASCII base of the canonical
// decomposition, or 0 when there is none.
char32_t LatinAsciiBase(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(static_cast<UChar32>(cp), &status) != USCRIPT_LATIN) return 0;
  const icu::Normalizer2* nfd = NfdInstance();
  if (nfd == nullptr) return 0;
  icu::UnicodeString decomposition;
  if (!nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) return 0;
  const UChar32 base = decomposition.char32At(0);
  return base < 0x80 ? static_cast<char32_t>(base) : 0;
}

}  // namespace

// clang-format off
const CharKind kAsciiKind[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,  // C0 controls count as space
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,  // space ! " # ... /
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
};
// clang-format on

uint32_t ValidSequenceLength(std::string_view s, size_t i, uint32_t* bad_len) {
  const size_t n = s.size();
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = at(i);
  uint32_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *bad_len = 1;
    return 0;
  }
  uint32_t got = 1;
  while (got < need) {
    if (i + got >= n) break;
    const unsigned char b = at(i + got);
    const unsigned char min = got == 1 ? lo : 0x80;
    const unsigned char max = got == 1 ? hi : 0xBF;
    if (b < min || b > max) break;
    ++got;
  }
  if (got == need) return need;
  *bad_len = got;
  return 0;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

CharKind NonAsciiKind(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x200B:
    case 0xFEFF:
    case 0x2028:
    case 0x2029:
      return CharKind::kSpace;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
      return CharKind::kJoiner;
    default:
      break;
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return CharKind::kUpper;
    case U_LOWERCASE_LETTER:
      return CharKind::kLower;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharKind::kCaseless;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharKind::kDigit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharKind::kMark;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharKind::kSpace;
    case U_FORMAT_CHAR:
      return CharKind::kJoiner;
    default:
      return CharKind::kPunct;
  }
}

void AppendFoldedLetter(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - ('a' - 'A') : cp));
    return;
  }
  if (cp >= 0xC0 && cp < 0x180) {
    if (const char* base = kLatinFold[cp - 0xC0]) {
      out->append(base);
      return;
    }
  } else if (cp >= 0x180 && cp < 0x2C80) {
    // Latin Extended-B, IPA, Latin Extended Additional live in this span (with Greek
    // and Cyrillic, which LatinAsciiBase rejects by script).
    if (const char32_t base = LatinAsciiBase(cp)) {
      AppendFoldedLetter(base, out);
      return;
    }
  }
  AppendUtf8(static_cast<char32_t>(u_toupper(static_cast<UChar32>(cp))), out);
}

std::string_view FoldedPunct(char32_t cp) {
  switch (cp) {
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
    case 0x301D:
    case 0x301E:
    case 0xFF02:
      return "\"";
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2039:
    case 0x203A:
    case 0x02BC:
    case 0x0060:
    case 0x00B4:
    case 0xFF07:
      return "'";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    default:
      return {};
  }
}

}  // namespace parley::text::internal
