// What the store needs from the dedup and date modules, behind one small interface so the
// store does not depend on their internals: publication dates, per-sentence event dates,
// document signatures and story assignment.
#ifndef PARLEY_STORE_ADAPTERS_H_
#define PARLEY_STORE_ADAPTERS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parley/document.h"
#include "parley/store.h"

namespace parley::store {

// The document's date from the reader (metadata, header, dateline) with confidence 1,
// else a date inferred from the text with its confidence and reason.
PublicationDate FindPublicationDate(const Document& doc);

// The date an event reported in `sentence` happened ("yesterday", "on Monday"), given the
// publication date; the publication date when the sentence says nothing.
Date ResolveSentenceDate(std::string_view sentence, Date publication);

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
