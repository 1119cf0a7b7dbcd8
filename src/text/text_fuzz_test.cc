// Invariants that must hold for any input, checked on deterministic random text built
// from the characters the rules care about.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::text {
namespace {

constexpr const char* kPieces[] = {
    "Mr",     "U.S",      "Feb",    "No",     "W",      "said",   "Seoul",    "3",
    "1,000",  ".",        "..",     "?",      "!",      " ",      "  ",       "\n",
    "\n\n",   "\t",       "\u201C", "\u201D", "\u2019", "'",      "\"",       "(",
    ")",      "-",        "\u2013", "\u2026", "\u2022", "\u00E9", "e\u0301",  "\u0416",
    "\u3002", "n't",      "'s",     ";",      ",",      "\xFF",   "\xE2\x80", "\r\n",
    "\x01",   "\xC2\x92", "a",      "The",    "\u00A0", "Inc",    "etc",
};

std::string RandomText(std::mt19937* rng, size_t pieces) {
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (size_t i = 0; i < pieces; ++i) s += kPieces[pick(*rng)];
  return s;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t'; }

TEST(TextFuzzTest, InvariantsHoldOnRandomText) {
  std::mt19937 rng(12345);
  std::vector<TextIssue> issues;
  std::vector<Range> sentences;
  TokenizedSentence ts;
  for (int round = 0; round < 3000; ++round) {
    const std::string raw = RandomText(&rng, 1 + round % 200);
    issues.clear();
    const std::string text = CleanText(raw, &issues);
    for (const TextIssue& issue : issues) ASSERT_LT(issue.offset, raw.size());
    // Cleaning is idempotent.
    ASSERT_EQ(CleanText(text, nullptr), text);
    SplitSentences(text, &sentences);
    uint32_t previous_end = 0;
    for (const Range& r : sentences) {
      ASSERT_LT(r.start, r.end);
      ASSERT_LE(r.end, text.size());
      ASSERT_GE(r.start, previous_end);
      ASSERT_FALSE(IsSpaceByte(text[r.start])) << round;
      ASSERT_FALSE(IsSpaceByte(text[r.end - 1])) << round;
      previous_end = r.end;
      const std::string_view sentence = std::string_view(text).substr(r.start, r.end - r.start);
      Tokenize(sentence, &ts);
      uint32_t previous_start = 0;
      for (const Token& t : ts.tokens) {
        ASSERT_LT(t.start, t.end);
        ASSERT_LE(t.end, sentence.size());
        ASSERT_GE(t.start, previous_start);
        ASSERT_LE(t.norm_start + t.norm_len, ts.norm.size());
        ASSERT_GT(t.norm_len, 0u) << round << " [" << sentence << "]";
        previous_start = t.start;
      }
    }
    // Non-space text is never lost between sentences.
    size_t covered = 0;
    for (const Range& r : sentences) covered += r.end - r.start;
    size_t non_space = 0;
    for (char c : text) non_space += IsSpaceByte(c) ? 0 : 1;
    ASSERT_GE(covered, non_space > 0 ? 1u : 0u);
  }
}

}  // namespace
}  // namespace parley::text
