#include "store/adapters.h"

#include <unordered_map>

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

// Exact-content stories until the near-duplicate index is available.
class ExactStoryAssigner : public StoryAssigner {
 public:
  int64_t Find(uint64_t content_hash, std::string_view) override {
    auto it = stories_.find(content_hash);
    return it == stories_.end() ? 0 : it->second;
  }
  void Add(int64_t story_id, uint64_t content_hash, std::string_view) override {
    stories_.emplace(content_hash, story_id);
  }

 private:
  std::unordered_map<uint64_t, int64_t> stories_;
};

}  // namespace

PublicationDate FindPublicationDate(const Document& doc) {
  PublicationDate date;
  if (doc.date > 0) {
    date.date = doc.date;
    date.confidence = 1.0;
    date.method = std::string(DateSourceName(doc.date_source));
  }
  return date;
}

Date ResolveSentenceDate(std::string_view, Date publication) { return publication; }

std::string ComputeSignature(const Document&) { return {}; }

std::unique_ptr<StoryAssigner> MakeStoryAssigner() {
  return std::make_unique<ExactStoryAssigner>();
}

}  // namespace parley::store
