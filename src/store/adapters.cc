#include "store/adapters.h"

#include "parley/dedup.h"

namespace parley::store {
namespace {

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

std::string ComputeSignature(const Document& doc) {
  return Signatures().ComputeSignature(doc.text).Serialize();
}

std::unique_ptr<StoryAssigner> MakeStoryAssigner() {
  return std::make_unique<DedupStoryAssigner>();
}

}  // namespace parley::store
