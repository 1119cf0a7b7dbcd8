// Averaged perceptron weights for training: sparse rows (feature -> (class, weight)),
// averaged lazily, frozen into WeightRow lists for the model file.
#ifndef PARLEY_SYNTAX_PERCEPTRON_H_
#define PARLEY_SYNTAX_PERCEPTRON_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/model.h"

namespace parley::syntax::internal {

class SparseWeights {
 public:
  static constexpr uint32_t kNoRow = 0xFFFFFFFFu;

  // Adds the current weights of `features` into `scores` and stores each feature's row
  // (or kNoRow) into `rows` for Update.
  void Score(const uint64_t* features, size_t n, float* scores, uint32_t* rows) const;
  // Adds `delta` to class `cls` of each feature, creating rows as needed.
  void Update(const uint64_t* features, uint32_t* rows, size_t n, uint16_t cls, float delta);
  // One training instance seen (the averaging clock).
  void Tick() { ++clock_; }
  // Averaged weights of rows updated at least `min_updates` times, sorted by feature.
  std::vector<WeightRow> Averaged(uint32_t min_updates) const;
  size_t rows() const { return rows_.size(); }

 private:
  struct Entry {
    double total;  // sum of w over ticks up to `stamp`
    float w;
    uint32_t stamp;
    uint16_t cls;
  };
  struct Row {
    uint64_t feature;
    uint32_t updates = 0;
    std::vector<Entry> entries;
  };
  std::unordered_map<uint64_t, uint32_t> index_;
  std::vector<Row> rows_;
  uint32_t clock_ = 1;
};

}  // namespace parley::syntax::internal

#endif  // PARLEY_SYNTAX_PERCEPTRON_H_
