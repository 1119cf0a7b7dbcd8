// PrepareStoreDocument: the per-document work done on the coding threads.
#include <xxhash.h>

#include "parley/dates.h"
#include "parley/store.h"
#include "store/adapters.h"

namespace parley {
namespace {

// Byte offset of `sentence` in `text`, searching from `*cursor` (sentences come in
// order) and then from the start; -1 when absent.
int32_t LocateSentence(std::string_view text, std::string_view sentence, size_t* cursor) {
  if (sentence.empty()) return -1;
  size_t at = text.find(sentence, *cursor);
  if (at == std::string_view::npos) at = text.find(sentence);
  if (at == std::string_view::npos) return -1;
  *cursor = at;
  return static_cast<int32_t>(at);
}

}  // namespace

uint64_t DocumentContentHash(std::string_view text) {
  return XXH3_64bits(text.data(), text.size());
}

void PrepareStoreDocument(const Document& doc, std::vector<Event>* events, StoreDocument* out) {
  out->id = doc.id;
  out->url = doc.url;
  out->source = doc.source;
  out->title = doc.title;
  out->content_hash = DocumentContentHash(doc.text);
  out->text_bytes = static_cast<uint32_t>(doc.text.size());
  out->publication = dates::FindPublicationDate(doc);
  out->signature = store::ComputeSignature(doc);
  // The one resolver: the same dates `code` streams and `explain` shows.
  dates::DateEvents(out->publication, events);
  out->events = std::move(*events);
  events->clear();
  out->sentence_offsets.clear();
  out->sentence_offsets.reserve(out->events.size());
  size_t cursor = 0;
  int32_t last_index = -1, last_offset = -1;
  for (const Event& e : out->events) {
    if (e.sentence_index != last_index) {
      last_index = e.sentence_index;
      last_offset = LocateSentence(doc.text, e.sentence, &cursor);
    }
    out->sentence_offsets.push_back(last_offset);
  }
}

}  // namespace parley
