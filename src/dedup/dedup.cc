#include "parley/dedup.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace parley::dedup {
namespace {

constexpr uint8_t kSignatureVersion = 1;
constexpr size_t kSignatureHeaderBytes = 24;

// SplitMix64 finaliser: spreads the bits of a weak hash (or a counter) over all 64 bits.
uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t ParamsFingerprint(const DedupOptions& o) {
  constexpr uint64_t kScheme = 2;  // 2: one-permutation hashing with densification
  const uint64_t parts[4] = {kScheme, static_cast<uint64_t>(o.shingle_words),
                             static_cast<uint64_t>(o.num_hashes), o.seed};
  uint64_t fp = XXH64(parts, sizeof parts, 0);
  return fp == 0 ? 1 : fp;  // 0 means "no parameters yet" in StoryIndex
}

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

// Appends the normalised form of `text` to `out` (see NormalizeForDedup).
void AppendNormalized(std::string_view text, std::string* out) {
  bool pending_space = false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    uint8_t b = s[i];
    if (b < 0x80) {  // ASCII fast path: most news text
      ++i;
      const bool alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
      if (!alnum) {
        pending_space = true;
        continue;
      }
      if (pending_space && !out->empty()) out->push_back(' ');
      pending_space = false;
      out->push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalnum(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out->empty()) out->push_back(' ');
    pending_space = false;
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out->append(buf, len);
  }
}

// Optimal densification (Shrivastava, ICML 2017): an empty bin copies the value of the
// first non-empty bin on its own fixed pseudo-random probe sequence. The sequences depend
// only on the bin index, so two documents fill empty bins the same way and the collision
// probability per bin stays their Jaccard similarity.
void Densify(const std::vector<bool>& filled, uint32_t* mins) {
  const uint64_t bins = filled.size();
  for (uint64_t bin = 0; bin < bins; ++bin) {
    if (filled[bin]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      const uint64_t probe = Mix64((bin << 32) ^ attempt);
      const size_t from = static_cast<size_t>(((probe >> 32) * bins) >> 32);
      if (filled[from]) {
        mins[bin] = mins[from];
        break;
      }
    }
  }
}

}  // namespace

Status ValidateOptions(const DedupOptions& o) {
  if (o.shingle_words < 1) return Status::InvalidArgument("dedup: shingle_words must be >= 1");
  if (o.num_hashes < 1) return Status::InvalidArgument("dedup: num_hashes must be >= 1");
  if (o.bands < 1 || o.bands > o.num_hashes || o.num_hashes % o.bands != 0)
    return Status::InvalidArgument(
        fmt::format("dedup: bands ({}) must divide num_hashes ({})", o.bands, o.num_hashes));
  if (!(o.threshold > 0 && o.threshold <= 1))
    return Status::InvalidArgument(
        fmt::format("dedup: threshold {} must be in (0, 1]", o.threshold));
  if (o.max_bucket_size < 1) return Status::InvalidArgument("dedup: max_bucket_size must be >= 1");
  return Status::OK();
}

std::string NormalizeForDedup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendNormalized(text, &out);
  return out;
}

// ---- DocumentSignature ----

double DocumentSignature::EstimateJaccard(const DocumentSignature& other) const {
  if (params_fingerprint_ != other.params_fingerprint_ || word_count_ == 0 ||
      other.word_count_ == 0 || minhashes_.size() != other.minhashes_.size() || minhashes_.empty())
    return 0;
  size_t equal = 0;
  for (size_t i = 0; i < minhashes_.size(); ++i) equal += minhashes_[i] == other.minhashes_[i];
  return static_cast<double>(equal) / static_cast<double>(minhashes_.size());
}

std::string DocumentSignature::Serialize() const {
  std::string out;
  out.reserve(kSignatureHeaderBytes + 4 * minhashes_.size());
  out.push_back(static_cast<char>(kSignatureVersion));
  out.append(3, '\0');  // reserved, keeps the fields aligned
  PutU64(params_fingerprint_, &out);
  PutU64(content_hash_, &out);
  PutU32(word_count_, &out);
  for (uint32_t v : minhashes_) PutU32(v, &out);
  return out;
}

Status DocumentSignature::Deserialize(std::string_view bytes, DocumentSignature* out) {
  if (bytes.size() < kSignatureHeaderBytes)
    return Status::Corruption(fmt::format("dedup signature: {} bytes, need at least {}",
                                          bytes.size(), kSignatureHeaderBytes));
  if (static_cast<uint8_t>(bytes[0]) != kSignatureVersion)
    return Status::Corruption(fmt::format("dedup signature: version {} (this build reads {})",
                                          static_cast<int>(static_cast<uint8_t>(bytes[0])),
                                          kSignatureVersion));
  const size_t payload = bytes.size() - kSignatureHeaderBytes;
  if (payload % 4 != 0 || payload == 0)
    return Status::Corruption(
        fmt::format("dedup signature: {} MinHash bytes is not a positive multiple of 4", payload));
  DocumentSignature sig;
  sig.params_fingerprint_ = GetU64(bytes.data() + 4);
  sig.content_hash_ = GetU64(bytes.data() + 12);
  sig.word_count_ = GetU32(bytes.data() + 20);
  if (sig.params_fingerprint_ == 0)
    return Status::Corruption("dedup signature: parameters fingerprint is 0");
  sig.minhashes_.resize(payload / 4);
  for (size_t i = 0; i < sig.minhashes_.size(); ++i)
    sig.minhashes_[i] = GetU32(bytes.data() + kSignatureHeaderBytes + 4 * i);
  *out = std::move(sig);
  return Status::OK();
}

// ---- SignatureComputer ----

SignatureComputer::SignatureComputer(const DedupOptions& options)
    : options_(options), params_fingerprint_(ParamsFingerprint(options)) {}

Status SignatureComputer::Create(const DedupOptions& options,
                                 std::unique_ptr<SignatureComputer>* out) {
  Status st = ValidateOptions(options);
  if (!st.ok()) return st;
  out->reset(new SignatureComputer(options));
  return Status::OK();
}

DocumentSignature SignatureComputer::ComputeSignature(std::string_view text) const {
  DocumentSignature sig;
  sig.params_fingerprint_ = params_fingerprint_;
  const auto num_hashes = static_cast<size_t>(options_.num_hashes);
  sig.minhashes_.assign(num_hashes, std::numeric_limits<uint32_t>::max());

  std::string norm;
  norm.reserve(text.size());
  AppendNormalized(text, &norm);
  sig.content_hash_ = XXH64(norm.data(), norm.size(), 0);

  std::vector<uint64_t> words;
  words.reserve(norm.size() / 5 + 1);
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    words.push_back(XXH3_64bits(norm.data() + start, end - start));
    start = end + 1;
  }
  sig.word_count_ = static_cast<uint32_t>(words.size());
  if (words.empty()) return sig;

  // One-permutation hashing: each shingle hash picks one of the bins with its high bits and
  // competes for that bin's minimum with its low bits, so a shingle costs one hash instead
  // of num_hashes. Equal bins estimate Jaccard like classic MinHash.
  const size_t k = std::min<size_t>(options_.shingle_words, words.size());
  const uint64_t bins = num_hashes;
  uint32_t* mins = sig.minhashes_.data();
  std::vector<bool> filled(num_hashes, false);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t shingle = words[i];
    for (size_t j = 1; j < k; ++j) shingle = shingle * 0x100000001b3ULL + words[i + j];
    const uint64_t x = Mix64(shingle ^ options_.seed);
    const size_t bin = static_cast<size_t>(((x >> 32) * bins) >> 32);
    const auto value = static_cast<uint32_t>(x);
    if (value <= mins[bin]) {
      mins[bin] = value;
      filled[bin] = true;
    }
  }
  Densify(filled, mins);
  return sig;
}

// ---- StoryIndex ----

StoryIndex::StoryIndex(const DedupOptions& options)
    : options_(options),
      rows_per_band_(options.num_hashes / options.bands),
      params_fingerprint_(ParamsFingerprint(options)) {}

Status StoryIndex::Create(const DedupOptions& options, std::unique_ptr<StoryIndex>* out) {
  Status st = ValidateOptions(options);
  if (!st.ok()) return st;
  out->reset(new StoryIndex(options));
  return Status::OK();
}

uint64_t StoryIndex::BandKey(const DocumentSignature& signature, int band) const {
  const uint32_t* rows = signature.minhashes().data() + band * rows_per_band_;
  return XXH64(rows, sizeof(uint32_t) * rows_per_band_, static_cast<uint64_t>(band));
}

StoryMatch StoryIndex::FindMatch(const DocumentSignature& signature) const {
  StoryMatch match;
  match.story_id = next_story_id_;
  if (signature.word_count() == 0) return match;  // nothing to compare
  // Exact duplicates need no comparable parameters: the content hash is parameter-free.
  if (auto it = by_content_hash_.find(signature.content_hash()); it != by_content_hash_.end()) {
    match.story_id = story_ids_[it->second];
    match.kind = MatchKind::kExactDuplicate;
    match.matched_doc_id = doc_ids_[it->second];
    match.similarity = 1;
    return match;
  }
  const bool comparable = signature.params_fingerprint() == params_fingerprint_ &&
                          signature.minhashes().size() == static_cast<size_t>(options_.num_hashes);
  if (!comparable) return match;

  std::vector<uint32_t> candidates;
  for (int band = 0; band < options_.bands; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  double best = 0;
  int64_t best_doc = -1;
  for (uint32_t doc : candidates) {  // ascending: ties go to the earliest document
    const double sim = signature.EstimateJaccard(signatures_[doc]);
    if (sim >= options_.threshold && sim > best) {
      best = sim;
      best_doc = doc;
    }
  }
  if (best_doc >= 0) {
    match.story_id = story_ids_[best_doc];
    match.kind = MatchKind::kNearDuplicate;
    match.matched_doc_id = doc_ids_[best_doc];
    match.similarity = best;
  }
  return match;
}

void StoryIndex::Insert(std::string_view doc_id, const DocumentSignature& signature,
                        uint64_t story_id) {
  const auto doc = static_cast<uint32_t>(doc_ids_.size());
  doc_ids_.emplace_back(doc_id);
  story_ids_.push_back(story_id);
  signatures_.push_back(signature);
  if (signature.word_count() == 0) return;
  by_content_hash_.try_emplace(signature.content_hash(), doc);
  const bool comparable = signature.params_fingerprint() == params_fingerprint_ &&
                          signature.minhashes().size() == static_cast<size_t>(options_.num_hashes);
  if (!comparable) return;
  for (int band = 0; band < options_.bands; ++band) {
    std::vector<uint32_t>& bucket = buckets_[BandKey(signature, band)];
    if (bucket.size() < static_cast<size_t>(options_.max_bucket_size)) bucket.push_back(doc);
  }
}

uint64_t StoryIndex::Add(std::string_view doc_id, const DocumentSignature& signature,
                         StoryMatch* match) {
  StoryMatch found = FindMatch(signature);
  if (found.kind == MatchKind::kNew) ++next_story_id_;
  Insert(doc_id, signature, found.story_id);
  const uint64_t story = found.story_id;
  if (match != nullptr) *match = std::move(found);
  return story;
}

Status StoryIndex::Restore(std::string_view doc_id, const DocumentSignature& signature,
                           uint64_t story_id) {
  if (story_id == 0)
    return Status::InvalidArgument(fmt::format("dedup: document '{}' has story id 0", doc_id));
  if (signature.params_fingerprint() != params_fingerprint_ ||
      signature.minhashes().size() != static_cast<size_t>(options_.num_hashes))
    return Status::InvalidArgument(fmt::format(
        "dedup: stored signature of '{}' was made with other options; recompute it", doc_id));
  Insert(doc_id, signature, story_id);
  next_story_id_ = std::max(next_story_id_, story_id + 1);
  return Status::OK();
}

}  // namespace parley::dedup
