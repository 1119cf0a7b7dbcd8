// CleanText: UTF-8 repair, control-character scrubbing and NFC.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <array>
#include <cstdio>
#include <string>

#include "parley/text.h"
#include "text/unicode.h"

namespace parley::text {
namespace {

using internal::ValidSequenceLength;

// Bytes copied through unchanged: printable ASCII, tab and newline.
constexpr std::array<bool, 256> MakePlainAsciiTable() {
  std::array<bool, 256> t{};
  for (int b = 0x20; b < 0x7F; ++b) t[b] = true;
  t['\t'] = true;
  t['\n'] = true;
  return t;
}
constexpr std::array<bool, 256> kPlainAscii = MakePlainAsciiTable();

// C1 controls in decoded text are almost always Windows-1252 punctuation that went
// through a Latin-1 decoder (U+0092 for ’). Map them back; 0 means "make it a space".
constexpr char16_t kCp1252C1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

void ReportInvalid(std::string_view raw, size_t offset, uint32_t len,
                   std::vector<TextIssue>* issues) {
  if (issues == nullptr) return;
  std::string msg = len == 1 ? "invalid UTF-8 byte" : "incomplete UTF-8 sequence";
  for (uint32_t k = 0; k < len; ++k) {
    char hex[8];
    std::snprintf(hex, sizeof hex, " 0x%02X", static_cast<unsigned char>(raw[offset + k]));
    msg += hex;
  }
  msg += " replaced by U+FFFD";
  issues->push_back(TextIssue{offset, std::move(msg)});
}

const icu::Normalizer2* NfcInstance() {
  static const icu::Normalizer2* nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfc;
}

// NFC-normalises valid UTF-8 in place, leaving it alone when it already is NFC.
void NormalizeNfc(std::string* text) {
  const icu::Normalizer2* nfc = NfcInstance();
  if (nfc == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(text->data(), static_cast<int32_t>(text->size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return;
  std::string normalized;
  normalized.reserve(text->size() + text->size() / 8);
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_SUCCESS(status)) text->swap(normalized);
}

}  // namespace

std::string CleanText(std::string_view raw, std::vector<TextIssue>* issues) {
  std::string out;
  out.reserve(raw.size());
  const size_t n = raw.size();
  size_t i = 0;
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // byte-order mark
  bool all_ascii = true;
  while (i < n) {
    size_t run = i;
    while (run < n && kPlainAscii[static_cast<unsigned char>(raw[run])]) ++run;
    out.append(raw.data() + i, run - i);
    i = run;
    if (i == n) break;
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b == '\r') {
      out.push_back('\n');  // CRLF and lone CR (old Mac files) both end a line
      i += (i + 1 < n && raw[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (b < 0x80) {  // other C0 controls and DEL
      out.push_back(' ');
      ++i;
      continue;
    }
    all_ascii = false;
    uint32_t bad_len = 0;
    const uint32_t len = ValidSequenceLength(raw, i, &bad_len);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ReportInvalid(raw, i, bad_len, issues);
      i += bad_len;
      continue;
    }
    if (b == 0xC2 && static_cast<unsigned char>(raw[i + 1]) < 0xA0) {  // C1 control
      const char16_t mapped = kCp1252C1[static_cast<unsigned char>(raw[i + 1]) - 0x80];
      if (mapped == 0) {
        out.push_back(' ');
      } else {
        internal::AppendUtf8(mapped, &out);
      }
      i += 2;
      continue;
    }
    out.append(raw.data() + i, len);
    i += len;
  }
  if (!all_ascii) NormalizeNfc(&out);
  return out;
}

}  // namespace parley::text
