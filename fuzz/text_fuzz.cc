// Fuzz target: text preparation (UTF-8 repair, NFC, sentence splitting, tokenisation) on
// arbitrary bytes. Checks the offset contracts of include/parley/text.h, which every later
// stage relies on to point at evidence.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parley/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley::text;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::vector<TextIssue> issues;
  const std::string text = CleanText(raw, &issues);
  for (const TextIssue& issue : issues) {
    if (issue.offset >= raw.size()) std::abort();
  }
  std::vector<Range> sentences;
  SplitSentences(text, &sentences);
  TokenizedSentence tokens;
  uint32_t previous_end = 0;
  for (const Range& r : sentences) {
    if (r.start >= r.end || r.end > text.size() || r.start < previous_end) std::abort();
    previous_end = r.end;
    const std::string_view sentence = std::string_view(text).substr(r.start, r.end - r.start);
    Tokenize(sentence, &tokens);
    for (const Token& t : tokens.tokens) {
      if (t.start >= t.end || t.end > sentence.size()) std::abort();
      if (t.norm_start + t.norm_len > tokens.norm.size()) std::abort();
    }
  }
  return 0;
}
