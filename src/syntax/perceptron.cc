#include "syntax/perceptron.h"

#include <algorithm>

namespace parley::syntax::internal {

void SparseWeights::Score(const uint64_t* features, size_t n, float* scores, uint32_t* rows) const {
  for (size_t i = 0; i < n; ++i) {
    const auto it = index_.find(features[i]);
    if (it == index_.end()) {
      rows[i] = kNoRow;
      continue;
    }
    rows[i] = it->second;
    for (const Entry& e : rows_[it->second].entries) scores[e.cls] += e.w;
  }
}

void SparseWeights::Update(const uint64_t* features, uint32_t* rows, size_t n, uint16_t cls,
                           float delta) {
  for (size_t i = 0; i < n; ++i) {
    if (rows[i] == kNoRow) {
      auto [it, inserted] = index_.try_emplace(features[i], static_cast<uint32_t>(rows_.size()));
      if (inserted) rows_.push_back(Row{features[i], 0, {}});
      rows[i] = it->second;
    }
    Row& row = rows_[rows[i]];
    ++row.updates;
    auto e = std::find_if(row.entries.begin(), row.entries.end(),
                          [cls](const Entry& x) { return x.cls == cls; });
    if (e == row.entries.end()) {
      row.entries.push_back(Entry{0.0, 0.0f, clock_, cls});
      e = row.entries.end() - 1;
    }
    e->total += static_cast<double>(e->w) * (clock_ - e->stamp);
    e->stamp = clock_;
    e->w += delta;
  }
}

std::vector<WeightRow> SparseWeights::Averaged(uint32_t min_updates) const {
  std::vector<WeightRow> out;
  for (const Row& row : rows_) {
    if (row.updates < min_updates) continue;
    WeightRow r;
    r.feature = row.feature;
    for (const Entry& e : row.entries) {
      const double total = e.total + static_cast<double>(e.w) * (clock_ - e.stamp);
      const float avg = static_cast<float>(total / clock_);
      if (avg != 0.0f) r.weights.emplace_back(e.cls, avg);
    }
    std::sort(r.weights.begin(), r.weights.end());
    if (!r.weights.empty()) out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const WeightRow& a, const WeightRow& b) { return a.feature < b.feature; });
  return out;
}

}  // namespace parley::syntax::internal
