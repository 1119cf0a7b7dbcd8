// What the store needs from the dedup module, behind one small interface so the store
// does not depend on its internals: document signatures and story assignment. Dates come
// from dates::DateEvents, the resolver `code` and `explain` use too.
#ifndef PARLEY_STORE_ADAPTERS_H_
#define PARLEY_STORE_ADAPTERS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parley/document.h"
#include "parley/store.h"

namespace parley::store {

// Serialised near-duplicate signature of the document (empty when unavailable).
std::string ComputeSignature(const Document& doc);

// Assigns documents to stories (clusters of near-duplicates), incrementally and
// deterministically for a given order. Rebuilt from the store on open with Restore.
class StoryAssigner {
 public:
  virtual ~StoryAssigner() = default;
  // The story of a new document (an earlier story it near-duplicates, or a new id).
  virtual int64_t Assign(std::string_view doc_id, uint64_t content_hash,
                         std::string_view signature) = 0;
  // Re-adds a stored document with the story it was given.
  virtual Status Restore(std::string_view doc_id, uint64_t content_hash, std::string_view signature,
                         int64_t story_id) = 0;
};

std::unique_ptr<StoryAssigner> MakeStoryAssigner();

}  // namespace parley::store

#endif  // PARLEY_STORE_ADAPTERS_H_
