// Feature extraction shared by training and tagging/parsing: hashed features, so that the
// model needs no vocabulary and extraction allocates nothing.
#ifndef PARLEY_SYNTAX_FEATURES_H_
#define PARLEY_SYNTAX_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::syntax::internal {

inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
  h ^= h >> 31;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 29;
  return h;
}
// A feature key: never 0 (0 marks empty slots in the model's maps).
inline uint64_t Key(uint64_t h) { return h == 0 ? 1 : h; }
inline uint64_t F1(uint32_t t, uint64_t a) { return Key(Mix(t * 0x100000001B3ull, a)); }
inline uint64_t F2(uint32_t t, uint64_t a, uint64_t b) { return Key(Mix(Mix(t, a), b)); }
inline uint64_t F3(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  return Key(Mix(Mix(Mix(t, a), b), c));
}
uint64_t HashBytes(std::string_view s);

// What the tagger and lemmatiser need of one word, computed once per word.
struct WordInfo {
  uint64_t lower = 0;        // lower case, quotes and dashes folded, digits as 0
  uint64_t form = 0;         // exact form (case kept)
  uint64_t lemma_lower = 0;  // plain lower case, for lemma lookups
  uint64_t suffix[4] = {};   // last 1..4 bytes of `lower`
  uint64_t prefix[3] = {};   // first 1..3 bytes
  uint64_t shape = 0;        // Xx, d, punctuation classes, runs capped at 2
  uint16_t dict_tag = 0;     // most frequent tag + 1 (0: unknown word)
  bool sure = false;         // frequent and (nearly) never tagged otherwise: dict_tag is used
                             // as is, without running the classifier
};

// A tag dictionary value: the tag, with kSureTag set for words the tagger need not score.
inline constexpr uint32_t kSureTag = 0x80000000u;

// Fills `info` from `form` (dict_tag left 0).
void ComputeWordInfo(std::string_view form, WordInfo* info);

// Tagger features for word `i` of `words`, given the tags already chosen for words < i
// (tags[j] is tag id + 1). Writes at most kMaxTaggerFeatures keys; returns how many.
inline constexpr size_t kMaxTaggerFeatures = 32;
size_t TaggerFeatures(const WordInfo* words, size_t n, size_t i, const uint16_t* tags,
                      uint64_t* out);

// Arc-hybrid parser state. Words are numbered 1..n; 0 is the root, which starts on the
// stack. Transitions: SHIFT pushes the buffer front; LEFT pops s0 as a dependent of the
// buffer front; RIGHT pops s0 as a dependent of s1 (onto the root only when the buffer is
// empty, so that there is exactly one root word).
enum Transition : int { kShift = 0, kLeft = 1, kRight = 2 };

struct ParseState {
  int n = 0;
  int b = 1;  // buffer front; the buffer is b..n
  std::vector<int> stack;
  std::vector<int> head, label, l1, l2, r1, r2, lv, rv;
  std::vector<uint64_t> lset, rset;  // bit sets of child labels (label % 64)

  void Init(int words);
  bool Terminal() const { return b > n && stack.size() == 1; }
  bool Valid(int t) const {
    switch (t) {
      case kShift:
        return b <= n;
      case kLeft:
        return b <= n && stack.size() >= 2;
      default:
        return stack.size() >= 3 || (stack.size() == 2 && b > n);
    }
  }
  void Apply(int t, int lab);
};

// Parser features for `state`; words[i] is the word hash and tags[i] the tag id (both for
// 0..n, index 0 the root). Returns the number of keys written (at most kMaxParserFeatures).
inline constexpr size_t kMaxParserFeatures = 80;
size_t ParserFeatures(const ParseState& state, const uint64_t* words, const uint16_t* tags,
                      uint64_t* out);

// Label features for an arc from `head` to `dep` about to be made in `state` (dep is s0;
// in the arc-hybrid system its own children are complete by then). Separate from the
// transition features so that the label classifier, which runs once per word, reads few
// rows, and the transition classifier, which runs twice per word, reads three weights per
// row. Returns the number of keys written (at most kMaxLabelFeatures).
inline constexpr size_t kMaxLabelFeatures = 32;
size_t LabelFeatures(const ParseState& state, int dep, int head, const uint64_t* words,
                     const uint16_t* tags, uint64_t* out);

}  // namespace parley::syntax::internal

#endif  // PARLEY_SYNTAX_FEATURES_H_
