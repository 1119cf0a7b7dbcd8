// Issue 13, "one date everywhere": `code` (CodeDocument + dates::DateEvents), `explain`
// (query::Explain) and the store (PrepareStoreDocument, read back from the SQLite file)
// give every event of the seeds and the Guardian sample the same date.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "parley/dates.h"
#include "parley/query.h"
#include "parley/reader.h"
#include "parley/store.h"
#include "query/test_store.h"

namespace parley::query {
namespace {

namespace fs = std::filesystem;

// An event's identity within its document.
using Key = std::tuple<int32_t, std::string, std::string, std::string, int32_t>;
Key KeyOf(const Event& e) {
  return {e.sentence_index, e.source.code, e.target.code, e.code, e.verb.start};
}

struct Dated {
  Date date;
  DatePrecision precision;
  bool operator==(const Dated& o) const { return date == o.date && precision == o.precision; }
};

void CheckOneDate(const std::string& input, size_t min_events) {
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(DocumentReader::Open({input}, ReaderOptions(), &reader).ok());
  const fs::path dir = fs::temp_directory_path() / ("parley_one_date_" + std::to_string(getpid()) +
                                                    "_" + fs::path(input).filename().string());
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "store.sqlite").string();
  const Coder& coder = testing::BundledCoder();
  CoderScratch scratch;
  std::vector<std::vector<Event>> coded;  // per document, as `code` writes them
  std::vector<StoreDocument> batch;
  size_t events = 0, explained = 0;
  Document doc;
  while (reader->Next(&doc)) {
    std::vector<Event> code_events;
    coder.CodeDocument(doc, &scratch, &code_events);
    dates::DateEvents(doc, &code_events);
    events += code_events.size();
    // explain: the same text and publication date, sentence by sentence.
    std::map<Key, Dated> explain_dates;
    const Explanation explanation = Explain(coder, doc.text, doc.date);
    for (const ExplainedSentence& s : explanation.sentences)
      for (const Event& e : s.events) explain_dates[KeyOf(e)] = {e.date, e.date_precision};
    for (const Event& e : code_events) {
      auto it = explain_dates.find(KeyOf(e));
      if (it == explain_dates.end()) continue;  // explain codes sentence by sentence
      ++explained;
      EXPECT_TRUE(it->second == (Dated{e.date, e.date_precision}))
          << doc.id << " sentence " << e.sentence_index << ": code " << FormatDate(e.date)
          << " explain " << FormatDate(it->second.date) << ": " << e.sentence;
    }
    coded.push_back(code_events);
    std::vector<Event> for_store;
    coder.CodeDocument(doc, &scratch, &for_store);
    PrepareStoreDocument(doc, &for_store, &batch.emplace_back());
  }
  ASSERT_GE(events, min_events);
  EXPECT_GE(explained * 10, events * 9) << "explain found too few of code's events";
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(db, StoreOptions(), &store).ok());
    ASSERT_TRUE(store->AddBatch(batch).ok());
  }
  std::unique_ptr<EventStore> store;
  StoreOptions read_only;
  read_only.read_only = true;
  ASSERT_TRUE(EventStore::Open(db, read_only, &store).ok());
  size_t doc_index = 0;
  ASSERT_TRUE(store
                  ->ForEachDocument([&](StoreDocument&& stored) {
                    EXPECT_LT(doc_index, coded.size());
                    if (doc_index >= coded.size()) return Status::OK();
                    const std::vector<Event>& expected = coded[doc_index++];
                    EXPECT_EQ(stored.events.size(), expected.size()) << stored.id;
                    for (size_t i = 0; i < stored.events.size() && i < expected.size(); ++i) {
                      const Event& s = stored.events[i];
                      const Event& c = expected[i];
                      EXPECT_EQ(s.date, c.date) << stored.id << ": " << c.sentence;
                      EXPECT_EQ(s.date_precision, c.date_precision) << stored.id;
                      EXPECT_EQ(s.historical, c.historical) << stored.id;
                      EXPECT_EQ(s.pub_date, c.pub_date) << stored.id;
                    }
                    return Status::OK();
                  })
                  .ok());
  EXPECT_EQ(doc_index, coded.size());
  store.reset();
  fs::remove_all(dir);
}

TEST(OneDateTest, SeedsCodeExplainAndStoreAgree) {
  CheckOneDate(PARLEY_SOURCE_DIR "/../shared/seeds", 30);
}

TEST(OneDateTest, GuardianCodeExplainAndStoreAgree) {
  CheckOneDate(PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl", 1500);
}

}  // namespace
}  // namespace parley::query
