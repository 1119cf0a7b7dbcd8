// Binary-file detection shared by the loaders of text formats (include/parley/text.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parley/text.h"

namespace parley::text {
namespace {

// Only the start of a file is judged: binary formats show themselves in their header.
constexpr size_t kJudgedBytes = 8 * 1024;

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one (overlong
// forms, surrogates and code points past U+10FFFF included).
size_t ValidSequenceAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t lead = b(i);
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  // A sequence cut by the end of the sample is given the benefit of the doubt.
  if (i + length > s.size()) return s.size() - i;
  if (b(i + 1) < low || b(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return length;
}

bool IsTextControl(uint8_t c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

bool LooksBinary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  const std::string_view sample = head.substr(0, kJudgedBytes);
  size_t suspicious = 0;
  for (size_t i = 0; i < sample.size();) {
    const uint8_t c = static_cast<uint8_t>(sample[i]);
    if ((c < 0x20 && !IsTextControl(c)) || c == 0x7F) {
      ++suspicious;
      ++i;
      continue;
    }
    const size_t n = ValidSequenceAt(sample, i);
    if (n == 0) {
      ++suspicious;
      ++i;
    } else {
      i += n;
    }
  }
  return suspicious * 5 > sample.size();
}

}  // namespace parley::text
