// The parser's weights laid out for speed. Greedy parsing looks up about 80 features per
// transition, so the table is built for one cache line per feature: each slot of an
// open-addressing table holds the feature's three transition weights inline, plus an
// offset to its label weights, which are split by arc direction so that scoring a LEFT arc
// never reads the weights of RIGHT labels. Scores are summed as integers (the quantised
// weights share one scale, and only the argmax matters).
//
// Section bytes (8-byte aligned, little-endian):
//   f32 scale, u32 label count, u64 capacity (a power of two), u64 label words,
//   slots[capacity] (16 bytes each, see ParserSlot),
//   label words: per row u32 (left count | right count << 16), then the left entries,
//   then the right entries, each u32 (label << 16 | int16 weight).
#ifndef PARLEY_SYNTAX_PARSER_TABLE_H_
#define PARLEY_SYNTAX_PARSER_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"
#include "syntax/model.h"

namespace parley::syntax {

struct ParserSlot {
  uint32_t check;         // high 32 bits of the feature key (never 0); 0 marks an empty slot
  int16_t transition[3];  // SHIFT, LEFT, RIGHT
  uint16_t displacement;  // slots from the key's home slot (rebuilds the key's low bits)
  uint32_t labels;        // offset of the row's label words, kNoLabels when it has none
};
static_assert(sizeof(ParserSlot) == 16);

class ParserTable {
 public:
  static constexpr uint32_t kNoLabels = 0xFFFFFFFFu;
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  // Views `bytes`, validating the shape, every slot's label offset and every label id.
  Status Init(std::string_view bytes, size_t num_labels, std::string_view what);

  // Looks up `n` features (n <= 128): adds their transition weights to `transition` and
  // stores each feature's label offset (kMissing when absent) into `labels` for AddLabels.
  // Slots are prefetched 16 features ahead of the probes, so that their cache misses
  // overlap (prefetching all 80 at once measured about 5 % slower: bench/syntax_bench.cc).
  void Lookup(const uint64_t* features, size_t n, int32_t transition[3], uint32_t* labels) const {
    // Prefetch a window ahead of the probes: all at once would overrun the outstanding
    // misses the core can track.
    constexpr size_t kAhead = 16;
    for (size_t i = 0; i < n && i < kAhead; ++i) __builtin_prefetch(slots_ + (features[i] & mask_));
    for (size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) __builtin_prefetch(slots_ + (features[i + kAhead] & mask_));
      const uint32_t check = Check(features[i]);
      labels[i] = kMissing;
      for (uint64_t s = features[i] & mask_;; s = (s + 1) & mask_) {
        const ParserSlot& slot = slots_[s];
        if (slot.check == check) {
          transition[0] += slot.transition[0];
          transition[1] += slot.transition[1];
          transition[2] += slot.transition[2];
          labels[i] = slot.labels;
          if (slot.labels != kNoLabels) __builtin_prefetch(label_words_ + slot.labels);
          break;
        }
        if (slot.check == 0) break;
      }
    }
  }

  // Adds the label weights of direction `right` (false: LEFT arc) of the rows found by
  // Lookup into scores[label].
  void AddLabels(const uint32_t* labels, size_t n, bool right, int32_t* scores) const {
    for (size_t i = 0; i < n; ++i) {
      if (labels[i] == kMissing || labels[i] == kNoLabels) continue;
      const uint32_t* row = label_words_ + labels[i];
      const uint32_t left = row[0] & 0xFFFF;
      const uint32_t count = right ? row[0] >> 16 : left;
      const uint32_t* e = row + 1 + (right ? left : 0);
      for (uint32_t j = 0; j < count; ++j) {
        scores[e[j] >> 16] += static_cast<int16_t>(e[j] & 0xFFFF);
      }
    }
  }

  size_t features() const;
  float scale() const { return scale_; }
  // The rows whose largest quantised weight has magnitude >= min_quantised, as float
  // weights over the classes of ParserClasses (for pruning and conversion).
  std::vector<WeightRow> Rows(int min_quantised) const;

 private:
  static uint32_t Check(uint64_t key) {
    const uint32_t c = static_cast<uint32_t>(key >> 32);
    return c == 0 ? 1 : c;
  }
  const ParserSlot* slots_ = nullptr;
  const uint32_t* label_words_ = nullptr;
  uint64_t mask_ = 0;
  uint64_t label_word_count_ = 0;
  size_t num_labels_ = 0;
  float scale_ = 0;
};

// Builds a ParserTable section from trained rows over ParserClasses(num_labels) classes
// (0-2 transitions, then LEFT labels, then RIGHT labels), quantising to int16.
std::string BuildParserTable(const std::vector<WeightRow>& rows, size_t num_labels);

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_PARSER_TABLE_H_
