// Stories and duplicates: groups articles that report the same text (wire copies,
// syndicated rewrites with a new headline, a paragraph dropped or added, light edits) into
// one story, so the event store can keep one event per real-world event and still count
// every mention.
//
// Two levels:
//   - exact duplicates: xxHash64 of the text case-folded, with every run of whitespace and
//     punctuation collapsed to one space (DocumentSignature::content_hash);
//   - near duplicates: MinHash over word shingles with banded LSH; a candidate from a shared
//     band is accepted when its estimated Jaccard similarity reaches the threshold.
//
// Usage: build one SignatureComputer (immutable, shared by all threads), call
// ComputeSignature in the coding threads, then feed signatures in a fixed order to one
// StoryIndex. The store persists DocumentSignature::Serialize() bytes and on the next run
// rebuilds the index with StoryIndex::Restore, keeping the story ids it handed out.
#ifndef PARLEY_DEDUP_H_
#define PARLEY_DEDUP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/status.h"

namespace parley::dedup {

// Tuning knobs. The defaults are measured in docs/dedup.md (DedupEval test).
struct DedupOptions {
  // Words per shingle. Larger k is stricter: one changed word breaks k shingles.
  int shingle_words = 4;
  // MinHash values per signature (32 bits each). Must be a multiple of `bands`.
  int num_hashes = 256;
  // LSH bands; rows per band = num_hashes / bands. More bands find lower-similarity
  // candidates at the cost of more candidate checks.
  int bands = 64;
  // Minimum estimated Jaccard similarity (0..1] for two documents to share a story.
  double threshold = 0.4;
  // Seed of the hash family. Signatures are comparable only with the same seed,
  // shingle_words and num_hashes.
  uint64_t seed = 0x7061726c6579ULL;  // "parley"
  // At most this many documents are kept per LSH bucket (the earliest ones); bounds the
  // work per document on corpora full of near-identical boilerplate.
  int max_bucket_size = 512;
};

// OK when the options are usable: shingle_words >= 1, num_hashes >= 1, 1 <= bands <=
// num_hashes with num_hashes % bands == 0, 0 < threshold <= 1, max_bucket_size >= 1.
Status ValidateOptions(const DedupOptions& options);

// Case-folds `text` (Unicode simple case folding) and replaces each run of characters that
// are not letters or digits by one space, trimming both ends: "The  U.S. said:" -> "the u s
// said". Exposed for tests and for callers that want to show what was compared.
std::string NormalizeForDedup(std::string_view text);

// The fingerprint of one document. Cheap to copy around (one small vector).
class DocumentSignature {
 public:
  DocumentSignature() = default;

  // xxHash64 of NormalizeForDedup(text); equal for exact duplicates.
  uint64_t content_hash() const { return content_hash_; }
  // Number of words after normalisation. Zero-word documents never near-match.
  uint32_t word_count() const { return word_count_; }
  // MinHash values, one per bin (one-permutation hashing with optimal densification:
  // each shingle is hashed once; empty bins borrow from a fixed probe sequence).
  const std::vector<uint32_t>& minhashes() const { return minhashes_; }
  // Identifies the options (shingle_words, num_hashes, seed) the signature was made with.
  uint64_t params_fingerprint() const { return params_fingerprint_; }

  // Fraction of MinHash positions where the two signatures agree: an unbiased estimate of
  // the Jaccard similarity of their shingle sets. 0 when the signatures are not comparable
  // (different parameters) or either document is empty.
  double EstimateJaccard(const DocumentSignature& other) const;

  // Portable little-endian bytes: version, parameters fingerprint, content hash, word
  // count, MinHash values. Size is 24 + 4 * num_hashes bytes.
  std::string Serialize() const;
  // Parses bytes written by Serialize. Corruption (with the reason) when the bytes are
  // truncated, of another version, or inconsistent; `out` is untouched then.
  static Status Deserialize(std::string_view bytes, DocumentSignature* out);

 private:
  friend class SignatureComputer;
  uint64_t content_hash_ = 0;
  uint64_t params_fingerprint_ = 0;
  uint32_t word_count_ = 0;
  std::vector<uint32_t> minhashes_;
};

// Computes signatures. Compile once with Create; ComputeSignature is const and
// thread-safe, so one computer serves every coding thread.
class SignatureComputer {
 public:
  // InvalidArgument (naming the bad field) when ValidateOptions fails.
  static Status Create(const DedupOptions& options, std::unique_ptr<SignatureComputer>* out);

  // The signature of `text` (UTF-8). Text shorter than shingle_words words becomes a single
  // shingle of all its words. Allocates only the signature and a per-call word buffer.
  DocumentSignature ComputeSignature(std::string_view text) const;

  const DedupOptions& options() const { return options_; }
  uint64_t params_fingerprint() const { return params_fingerprint_; }

 private:
  explicit SignatureComputer(const DedupOptions& options);

  DedupOptions options_;
  uint64_t params_fingerprint_ = 0;
};

// How a document relates to the documents added before it.
enum class MatchKind : uint8_t {
  kNew,             // no earlier document matched: a new story
  kExactDuplicate,  // same normalised text as an earlier document
  kNearDuplicate,   // estimated Jaccard >= threshold with an earlier document
};

struct StoryMatch {
  uint64_t story_id = 0;  // the story the document belongs (or would belong) to
  MatchKind kind = MatchKind::kNew;
  std::string matched_doc_id;  // the earlier document it matched; empty for kNew
  double similarity = 0;       // estimated Jaccard with that document (1 for exact)
};

// Incremental story clustering. Each added document joins the story of its best matching
// earlier document (exact duplicate first, else the LSH candidate with the highest
// estimated Jaccard >= threshold, ties to the earliest added), or opens a new story.
// Story ids are 1, 2, 3, ... in order of creation (continuing after restored ones), so the
// result is deterministic for a given input order. Work per document is bounded by the
// number of bands and the bucket cap, independent of corpus size. Not thread-safe: feed it
// from one thread.
class StoryIndex {
 public:
  // InvalidArgument when ValidateOptions fails.
  static Status Create(const DedupOptions& options, std::unique_ptr<StoryIndex>* out);

  // Adds a document and returns its story id. A signature made with other parameters
  // (params_fingerprint mismatch) can still be an exact duplicate but is otherwise a new
  // story. An empty document (no words) is always a new story.
  uint64_t Add(std::string_view doc_id, const DocumentSignature& signature,
               StoryMatch* match = nullptr);

  // The match Add would make, without adding anything.
  StoryMatch FindMatch(const DocumentSignature& signature) const;

  // Re-adds a stored document with the story id it was given before (story_id >= 1), for
  // rebuilding the index from the store. New stories continue after the largest restored
  // id. InvalidArgument when story_id is 0 or the signature was made with options
  // (shingle_words, num_hashes, seed) other than this index's: recompute those signatures.
  Status Restore(std::string_view doc_id, const DocumentSignature& signature, uint64_t story_id);

  // Documents added or restored so far.
  size_t size() const { return doc_ids_.size(); }
  // The story id the next new story will get.
  uint64_t next_story_id() const { return next_story_id_; }
  const DedupOptions& options() const { return options_; }

 private:
  explicit StoryIndex(const DedupOptions& options);
  void Insert(std::string_view doc_id, const DocumentSignature& signature, uint64_t story_id);
  uint64_t BandKey(const DocumentSignature& signature, int band) const;

  DedupOptions options_;
  int rows_per_band_ = 0;
  uint64_t params_fingerprint_ = 0;  // of options_: which signatures are comparable
  uint64_t next_story_id_ = 1;
  std::vector<std::string> doc_ids_;
  std::vector<uint64_t> story_ids_;
  std::vector<DocumentSignature> signatures_;
  std::unordered_map<uint64_t, uint32_t> by_content_hash_;  // earliest document per hash
  // Band key (band index mixed in) -> documents in insertion order.
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
};

}  // namespace parley::dedup

#endif  // PARLEY_DEDUP_H_
