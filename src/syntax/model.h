// The syntax model: read-only tables viewed in place in a memory-mapped file (or, while
// training, in a byte buffer), and the writer that lays them out.
//
// File layout (all integers little-endian, every section 8-byte aligned):
//   header   magic "PARLEYSX", u32 version, u32 section count, u64 file size,
//            u64 XXH3-64 checksum of every byte after the header, u64 reserved
//   directory  per section: u32 id, u32 0, u64 offset, u64 size
//   sections   see SectionId
#ifndef PARLEY_SYNTAX_MODEL_H_
#define PARLEY_SYNTAX_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::syntax {

class ParserTable;

inline constexpr char kModelMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'S', 'X'};
// Version 2 stores the parser as a ParserTable (kParserTable); version 1 files, whose
// parser is a plain weight table (kParser), still load and are converted in memory.
inline constexpr uint32_t kModelVersion = 2;
inline constexpr uint32_t kOldestModelVersion = 1;
inline constexpr size_t kHeaderSize = 40;

enum SectionId : uint32_t {
  kStrings = 1,      // text: "T\tUPOS\tXPOS\tFEATS\n" per tag, then "L\tdeprel\n" per label
  kTagger = 2,       // weight table over tags
  kParser = 3,       // version 1: weight table over transitions and labels
  kLexicon = 4,      // map (form, xpos) -> pool offset of lemma
  kRules = 5,        // map (suffix, xpos) -> pool offset of lemma rule
  kTagDict = 6,      // map lower-case form -> most frequent tag
  kPool = 7,         // bytes: length-prefixed strings
  kParserTable = 8,  // version 2: the parser's weights as a ParserTable
  kLabelTable = 9,   // optional: a separate label classifier (weight table over labels);
                     // without it the labels come from the ParserTable's label rows
  kMaxSection = 9,
};

// Open-addressing map from non-zero u64 keys to u32 values (linear probing, capacity a
// power of two). Section bytes: u64 capacity, keys[capacity], values[capacity].
class MapView {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;
  uint32_t Find(uint64_t key) const {
    if (mask_ == 0 && keys_ == nullptr) return kMissing;
    for (uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
      const uint64_t k = keys_[slot];
      if (k == key) return values_[slot];
      if (k == 0) return kMissing;
    }
  }
  void Prefetch(uint64_t key) const {
    if (keys_ == nullptr) return;
    __builtin_prefetch(keys_ + (key & mask_));
    __builtin_prefetch(values_ + (key & mask_));
  }
  // Views `bytes` (validated: shape, and at least one empty slot so lookups end).
  Status Init(std::string_view bytes, std::string_view what);
  uint64_t capacity() const { return mask_ + 1; }
  const uint64_t* keys() const { return keys_; }
  const uint32_t* values() const { return values_; }

 private:
  const uint64_t* keys_ = nullptr;
  const uint32_t* values_ = nullptr;
  uint64_t mask_ = 0;
};

// One row of trained weights, before quantisation.
struct WeightRow {
  uint64_t feature = 0;
  std::vector<std::pair<uint16_t, float>> weights;
};

// Sparse weight rows: feature -> (class, weight) pairs. Section bytes: f32 scale, u32 0,
// u64 entry count, u64 map size, map (MapView), entries. A row is entries[v] = count,
// then count packed (class << 16 | int16 weight).
class WeightsView {
 public:
  void Add(uint64_t feature, float* scores) const {
    const uint32_t v = map_.Find(feature);
    if (v == MapView::kMissing) return;
    const uint32_t* e = entries_ + v;
    const uint32_t n = *e++;
    for (uint32_t i = 0; i < n; ++i) {
      scores[e[i] >> 16] += static_cast<float>(static_cast<int16_t>(e[i] & 0xFFFF)) * scale_;
    }
  }
  // Adds the rows of all `n` features (n <= 128) into `scores`, in quantised units (the
  // table has one scale, and callers only compare scores). Memory-bound, so done in three
  // passes that prefetch the map slots, then the rows, before touching them: the cache
  // misses of different features overlap instead of queueing one after another (for the
  // tagger's 29 features this measured faster than a window; see ParserTable::Lookup).
  void AddAll(const uint64_t* features, size_t n, int32_t* scores) const {
    uint32_t rows[128];
    for (size_t i = 0; i < n; ++i) map_.Prefetch(features[i]);
    for (size_t i = 0; i < n; ++i) {
      rows[i] = map_.Find(features[i]);
      if (rows[i] != MapView::kMissing) __builtin_prefetch(entries_ + rows[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      if (rows[i] == MapView::kMissing) continue;
      const uint32_t* e = entries_ + rows[i];
      const uint32_t count = *e++;
      for (uint32_t j = 0; j < count; ++j)
        scores[e[j] >> 16] += static_cast<int16_t>(e[j] & 0xFFFF);
    }
  }
  // Validates that rows lie inside the section and classes are below `classes`.
  Status Init(std::string_view bytes, uint32_t classes, std::string_view what);
  size_t features() const;
  // The rows whose largest quantised weight has magnitude >= min_quantised (others
  // dropped), as float weights: for pruning a trained model.
  std::vector<WeightRow> Rows(int min_quantised) const;

 private:
  MapView map_;
  const uint32_t* entries_ = nullptr;
  float scale_ = 0;
};

// Builds the bytes of a MapView section.
std::string BuildMap(const std::vector<std::pair<uint64_t, uint32_t>>& items);

// Builds the bytes of a WeightsView section, quantising to int16.
std::string BuildWeights(const std::vector<WeightRow>& rows);

// Per combined tag: the strings and the small ids features use.
struct TagInfo {
  std::string_view upos, xpos, feats;
  uint16_t xpos_id = 0;
  bool proper = false;  // PROPN: lemma keeps the form's case
};

class Model {
 public:
  Model();
  ~Model();
  // Views `bytes`, which must stay alive and unchanged while the model is used (the mapping
  // or `owned`). `name` goes into error messages.
  Status Init(std::string_view bytes, std::string_view name);
  // Keeps `bytes` alive with the model (training builds models in memory).
  static Status FromBytes(std::string bytes, std::string_view name, const Model** out);

  size_t num_tags() const { return tags_.size(); }
  size_t num_labels() const { return labels_.size(); }
  size_t num_xpos() const { return num_xpos_; }
  const TagInfo& tag(size_t i) const { return tags_[i]; }
  std::string_view label(size_t i) const { return labels_[i]; }
  const WeightsView& tagger() const { return tagger_; }
  const ParserTable& parser() const { return *parser_; }
  // The label classifier, or null when the parser table carries the labels.
  const WeightsView* labeler() const { return has_labeler_ ? &labeler_ : nullptr; }
  const MapView& lexicon() const { return lexicon_; }
  const MapView& rules() const { return rules_; }
  const MapView& tag_dict() const { return tag_dict_; }
  // A string at `offset` into the pool: u8 length then bytes.
  std::string_view PoolString(uint32_t offset) const;
  std::string_view pool() const { return pool_; }
  size_t file_size() const { return bytes_.size(); }
  std::string_view section(uint32_t id) const {
    return id <= kMaxSection ? sections_[id] : std::string_view();
  }

  // Set by LoadModel: the mapping to release.
  void* mapping = nullptr;
  size_t mapping_size = 0;
  std::string owned;

 private:
  std::string_view bytes_;
  std::vector<TagInfo> tags_;
  std::vector<std::string_view> labels_;
  size_t num_xpos_ = 0;
  WeightsView tagger_, labeler_;
  bool has_labeler_ = false;
  std::unique_ptr<ParserTable> parser_;
  std::string converted_parser_;  // a version 1 file's parser, as a ParserTable
  MapView lexicon_, rules_, tag_dict_;
  std::string_view pool_;
  std::string_view sections_[kMaxSection + 1];
};

// A copy of `model` without the feature rows whose weights all have magnitude below
// `min_quantised` (int16 units of the file): smaller and faster.
std::string PruneModel(const Model& model, int min_quantised);

// Assembles a model file from its sections (id, bytes).
// `version` other than kModelVersion is for tests of older files.
std::string BuildModelFile(const std::vector<std::pair<uint32_t, std::string>>& sections,
                           uint32_t version = kModelVersion);

// Number of parser classes for `labels` labels: 3 transitions, then labels for LEFT and for
// RIGHT arcs.
inline uint32_t ParserClasses(size_t labels) { return 3 + 2 * static_cast<uint32_t>(labels); }

}  // namespace parley::syntax

#endif  // PARLEY_SYNTAX_MODEL_H_
