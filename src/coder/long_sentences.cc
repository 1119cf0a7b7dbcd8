// SplitSentencesForCoding: bounds the length of what the coder sees. The coder's parsing
// steps compare tokens with tokens, so an over-long "sentence" (a list, a table, a page of
// commas, a transcript without punctuation) would cost time and memory with the square of
// its length; cut into pieces, it costs time linear in the text.
#include <algorithm>

#include "parley/coder.h"

namespace parley {
namespace {

// Punctuation runs at least this long are junk, never part of a phrase: always a cut.
constexpr int kJunkRun = 3;

// How many tokens the coder makes of `t` at most: it reads hyphens and underscores inside
// words as blanks.
int Weight(const text::TokenizedSentence& ts, const text::Token& t) {
  int weight = 1;
  if (t.kind == text::TokenKind::kPunct) return weight;
  for (char c : ts.Norm(t)) weight += (c == '-' || c == '_') ? 1 : 0;
  return weight;
}

bool IsClauseMark(const text::TokenizedSentence& ts, const text::Token& t) {
  if (t.kind != text::TokenKind::kPunct) return false;
  std::string_view n = ts.Norm(t);
  return n == "," || n == ";" || n == ":";
}

// Cuts the tokens [from, to) of one over-long sentence into pieces of at most
// kMaxSentenceTokens, appending those that hold a word to `out` (offsets into the text
// at `base`). Returns how many were appended.
uint32_t CutSegment(const text::TokenizedSentence& ts, const std::vector<int>& weights, size_t from,
                    size_t to, uint32_t base, std::vector<text::Range>* out) {
  uint32_t kept = 0;
  size_t a = from;
  while (a < to) {
    // The longest window [a, end) within the limit; a single token over it stands alone
    // (the coder then declines it).
    size_t end = a;
    int weight = 0;
    while (end < to && (end == a || weight + weights[end] <= kMaxSentenceTokens)) {
      weight += weights[end];
      ++end;
    }
    size_t cut = end;
    if (end < to) {
      const size_t half = a + (end - a) / 2;
      for (size_t c = end; c > half + 1; --c) {
        if (IsClauseMark(ts, ts.tokens[c - 1])) {
          cut = c;
          break;
        }
      }
    }
    bool has_word = false;
    for (size_t k = a; k < cut && !has_word; ++k)
      has_word = ts.tokens[k].kind != text::TokenKind::kPunct;
    if (has_word) {
      uint32_t start = base + ts.tokens[a].start;
      uint32_t stop = base + ts.tokens[cut - 1].end;
      // The period of a sentence-final abbreviation shares its word's last byte.
      if (!out->empty()) start = std::max(start, out->back().end);
      if (stop > start) {
        out->push_back(text::Range{start, stop});
        ++kept;
      }
    }
    a = cut;
  }
  return kept;
}

}  // namespace

void SplitSentencesForCoding(std::string_view text, std::vector<text::Range>* sentences,
                             std::vector<LongSentence>* long_sentences) {
  text::SplitSentences(text, sentences);
  if (long_sentences != nullptr) long_sentences->clear();
  // The coder makes at most one token of each byte, so shorter sentences fit.
  bool any_long = false;
  for (const text::Range& r : *sentences)
    any_long = any_long || r.end - r.start > static_cast<uint32_t>(kMaxSentenceTokens);
  if (!any_long) return;

  std::vector<text::Range> split;
  split.reserve(sentences->size());
  text::TokenizedSentence ts;
  std::vector<int> weights;
  for (const text::Range& r : *sentences) {
    if (r.end - r.start <= static_cast<uint32_t>(kMaxSentenceTokens)) {
      split.push_back(r);
      continue;
    }
    text::Tokenize(text.substr(r.start, r.end - r.start), &ts);
    weights.clear();
    int64_t total = 0;
    for (const text::Token& t : ts.tokens) {
      weights.push_back(Weight(ts, t));
      total += weights.back();
    }
    if (total <= kMaxSentenceTokens) {
      split.push_back(r);
      continue;
    }
    LongSentence note;
    note.start = r.start;
    note.tokens = static_cast<uint32_t>(std::min<int64_t>(total, UINT32_MAX));
    // Segments between junk runs of punctuation, each cut to the limit.
    const size_t n = ts.tokens.size();
    size_t segment = 0, k = 0;
    while (k < n) {
      if (ts.tokens[k].kind != text::TokenKind::kPunct) {
        ++k;
        continue;
      }
      size_t run_end = k;
      while (run_end < n && ts.tokens[run_end].kind == text::TokenKind::kPunct) ++run_end;
      if (run_end - k >= static_cast<size_t>(kJunkRun)) {
        note.pieces += CutSegment(ts, weights, segment, k, r.start, &split);
        segment = run_end;
      }
      k = run_end;
    }
    note.pieces += CutSegment(ts, weights, segment, n, r.start, &split);
    if (long_sentences != nullptr) long_sentences->push_back(note);
  }
  sentences->swap(split);
}

}  // namespace parley
