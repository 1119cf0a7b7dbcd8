#include "store/adapters.h"

#include "parley/dates.h"
#include "parley/dedup.h"

namespace parley::store {
namespace {

std::string_view DateSourceName(DateSource source) {
  switch (source) {
    case DateSource::kMetadata:
      return "metadata";
    case DateSource::kHeader:
      return "header";
    case DateSource::kDateline:
      return "dateline";
    case DateSource::kText:
      return "text";
    case DateSource::kUnknown:
      break;
  }
  return "metadata";  // a date with no recorded source came with the record
}

// One signature computer for the process: immutable, shared by the coding threads.
const dedup::SignatureComputer& Signatures() {
  static const std::unique_ptr<dedup::SignatureComputer> computer = [] {
    std::unique_ptr<dedup::SignatureComputer> c;
    dedup::SignatureComputer::Create(dedup::DedupOptions(), &c).ok();
    return c;
  }();
  return *computer;
}

// Stories from the near-duplicate index (MinHash LSH); the index numbers stories itself.
class DedupStoryAssigner : public StoryAssigner {
 public:
  DedupStoryAssigner() { dedup::StoryIndex::Create(dedup::DedupOptions(), &index_).ok(); }

  int64_t Assign(std::string_view doc_id, uint64_t, std::string_view signature) override {
    dedup::DocumentSignature sig;
    // A missing or unreadable signature makes an empty document: always a new story.
    dedup::DocumentSignature::Deserialize(signature, &sig).ok();
    return static_cast<int64_t>(index_->Add(doc_id, sig));
  }

  Status Restore(std::string_view doc_id, uint64_t, std::string_view signature,
                 int64_t story_id) override {
    dedup::DocumentSignature sig;
    dedup::DocumentSignature::Deserialize(signature, &sig).ok();
    return index_->Restore(doc_id, sig, static_cast<uint64_t>(story_id));
  }

 private:
  std::unique_ptr<dedup::StoryIndex> index_;
};

}  // namespace

PublicationDate FindPublicationDate(const Document& doc) {
  PublicationDate date;
  dates::DateGuess guess = dates::InferPublicationDate(doc);
  if (guess.date <= 0) return date;  // "unknown", confidence 0
  date.date = guess.date;
  date.confidence = guess.confidence;
  if (doc.date > 0) {
    // The reader's own date: keep where it came from (metadata, header, dateline).
    date.method = std::string(DateSourceName(doc.date_source));
  } else {
    date.method = "inferred: " + guess.reason;
  }
  return date;
}

Date ResolveSentenceDate(std::string_view sentence, Date publication) {
  return dates::ResolveEventDate(sentence, publication);
}

std::string ComputeSignature(const Document& doc) {
  return Signatures().ComputeSignature(doc.text).Serialize();
}

std::unique_ptr<StoryAssigner> MakeStoryAssigner() {
  return std::make_unique<DedupStoryAssigner>();
}

}  // namespace parley::store
