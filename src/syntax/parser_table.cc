#include "syntax/parser_table.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "syntax/bytes.h"

namespace parley::syntax {
namespace {

constexpr size_t kHeader = 24;

using internal::AppendValue;
using internal::ReadValue;

uint32_t CheckOf(uint64_t key) {
  const uint32_t c = static_cast<uint32_t>(key >> 32);
  return c == 0 ? 1 : c;
}

}  // namespace

Status ParserTable::Init(std::string_view bytes, size_t num_labels, std::string_view what) {
  const std::string bad = std::string(what) + ": malformed parser table";
  if (bytes.size() < kHeader) return Status::Corruption(bad);
  scale_ = ReadValue<float>(bytes, 0);
  const uint32_t labels = ReadValue<uint32_t>(bytes, 4);
  const uint64_t capacity = ReadValue<uint64_t>(bytes, 8);
  const uint64_t words = ReadValue<uint64_t>(bytes, 16);
  if (!std::isfinite(scale_) || labels != num_labels || capacity == 0 ||
      (capacity & (capacity - 1)) != 0 || capacity > (1ull << 32) ||
      capacity > (bytes.size() - kHeader) / sizeof(ParserSlot) ||
      words > (bytes.size() - kHeader - capacity * sizeof(ParserSlot)) / 4) {
    return Status::Corruption(bad);
  }
  slots_ = reinterpret_cast<const ParserSlot*>(bytes.data() + kHeader);
  label_words_ =
      reinterpret_cast<const uint32_t*>(bytes.data() + kHeader + capacity * sizeof(ParserSlot));
  mask_ = capacity - 1;
  label_word_count_ = words;
  num_labels_ = num_labels;
  bool has_empty = false;
  for (uint64_t s = 0; s < capacity; ++s) {
    const ParserSlot& slot = slots_[s];
    if (slot.check == 0) {
      has_empty = true;
      continue;
    }
    if (slot.labels == kNoLabels) continue;
    if (slot.labels >= words) return Status::Corruption(bad);
    const uint32_t* row = label_words_ + slot.labels;
    const uint64_t count = (row[0] & 0xFFFF) + (row[0] >> 16);
    if (count > words - slot.labels - 1) return Status::Corruption(bad);
    for (uint64_t j = 0; j < count; ++j) {
      if ((row[1 + j] >> 16) >= num_labels) return Status::Corruption(bad);
    }
  }
  // Lookups stop at an empty slot: without one a missing feature would probe forever.
  if (!has_empty) return Status::Corruption(bad);
  return Status::OK();
}

size_t ParserTable::features() const {
  size_t n = 0;
  for (uint64_t s = 0; s <= mask_ && slots_ != nullptr; ++s) n += slots_[s].check != 0;
  return n;
}

std::vector<WeightRow> ParserTable::Rows(int min_quantised) const {
  std::vector<WeightRow> out;
  for (uint64_t s = 0; s <= mask_ && slots_ != nullptr; ++s) {
    const ParserSlot& slot = slots_[s];
    if (slot.check == 0) continue;
    WeightRow row;
    // The home slot gives the key's low bits and the check its high 32: enough to rebuild
    // a key that any table of at most this capacity files and finds in the same way.
    const uint64_t home = (s - slot.displacement) & mask_;
    row.feature = (static_cast<uint64_t>(slot.check) << 32) | home;
    int largest = 0;
    for (int t = 0; t < 3; ++t) {
      if (slot.transition[t] == 0) continue;
      largest = std::max(largest, std::abs(static_cast<int>(slot.transition[t])));
      row.weights.emplace_back(static_cast<uint16_t>(t), slot.transition[t] * scale_);
    }
    if (slot.labels != kNoLabels) {
      const uint32_t* r = label_words_ + slot.labels;
      const uint32_t left = r[0] & 0xFFFF, right = r[0] >> 16;
      for (uint32_t j = 0; j < left + right; ++j) {
        const int q = static_cast<int16_t>(r[1 + j] & 0xFFFF);
        const uint32_t label = r[1 + j] >> 16;
        const uint32_t cls = 3 + label + (j < left ? 0 : static_cast<uint32_t>(num_labels_));
        largest = std::max(largest, std::abs(q));
        row.weights.emplace_back(static_cast<uint16_t>(cls), q * scale_);
      }
    }
    std::sort(row.weights.begin(), row.weights.end());
    if (largest >= min_quantised) out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(),
            [](const WeightRow& a, const WeightRow& b) { return a.feature < b.feature; });
  return out;
}

std::string BuildParserTable(const std::vector<WeightRow>& rows, size_t num_labels) {
  float max_weight = 0;
  for (const WeightRow& r : rows) {
    for (const auto& [cls, w] : r.weights) max_weight = std::max(max_weight, std::fabs(w));
  }
  const float scale = max_weight > 0 ? max_weight / 32767.0f : 1.0f;
  uint64_t capacity = 16;
  while (capacity < rows.size() * 2 + 1) capacity *= 2;  // load at most 1/2: short probes
  std::vector<ParserSlot> slots(capacity, ParserSlot{0, {0, 0, 0}, 0, ParserTable::kNoLabels});
  std::vector<uint32_t> words;
  std::vector<uint32_t> left, right;
  const uint32_t labels = static_cast<uint32_t>(num_labels);
  for (const WeightRow& r : rows) {
    ParserSlot slot{CheckOf(r.feature), {0, 0, 0}, 0, ParserTable::kNoLabels};
    left.clear();
    right.clear();
    bool any = false;
    for (const auto& [cls, w] : r.weights) {
      const long q = std::lround(w / scale);
      if (q == 0) continue;
      any = true;
      const int16_t q16 = static_cast<int16_t>(q);
      if (cls < 3) {
        slot.transition[cls] = q16;
      } else if (cls < 3 + labels) {
        left.push_back(static_cast<uint32_t>(cls - 3) << 16 | static_cast<uint16_t>(q16));
      } else if (cls < 3 + 2 * labels) {
        right.push_back(static_cast<uint32_t>(cls - 3 - labels) << 16 | static_cast<uint16_t>(q16));
      }
    }
    if (!any) continue;
    uint64_t s = r.feature & (capacity - 1);
    uint64_t displacement = 0;
    bool clash = false;
    while (slots[s].check != 0) {
      if (slots[s].check == slot.check) {
        clash = true;  // same slot chain and same high bits: unreachable, dropped
        break;
      }
      s = (s + 1) & (capacity - 1);
      ++displacement;
    }
    if (clash || displacement > 0xFFFF || left.size() > 0xFFFF || right.size() > 0xFFFF) continue;
    slot.displacement = static_cast<uint16_t>(displacement);
    if (!left.empty() || !right.empty()) {
      slot.labels = static_cast<uint32_t>(words.size());
      words.push_back(static_cast<uint32_t>(left.size()) | static_cast<uint32_t>(right.size())
                                                               << 16);
      words.insert(words.end(), left.begin(), left.end());
      words.insert(words.end(), right.begin(), right.end());
    }
    slots[s] = slot;
  }
  std::string out;
  AppendValue<float>(&out, scale);
  AppendValue<uint32_t>(&out, labels);
  AppendValue<uint64_t>(&out, capacity);
  AppendValue<uint64_t>(&out, words.size());
  out.append(reinterpret_cast<const char*>(slots.data()), capacity * sizeof(ParserSlot));
  out.append(reinterpret_cast<const char*>(words.data()), words.size() * 4);
  while (out.size() % 8 != 0) out.push_back('\0');
  return out;
}

}  // namespace parley::syntax
