#include "parley/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace parley {
namespace {

namespace fs = std::filesystem;

// A folder unique to this test process (ctest runs tests in parallel processes).
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

Event MakeEvent(int sentence, const std::string& src, const std::string& tgt,
                const std::string& code) {
  Event e;
  e.sentence_index = sentence;
  e.sentence = "Sentence " + std::to_string(sentence) + " about " + src + ".";
  e.date = 20190410;
  e.source = {src, src + " words", 0, 3};
  e.target = {tgt, tgt + " words", 5, 9};
  e.verb = {"met", 4, 7};
  e.code = code;
  e.root = code.substr(0, 2);
  e.quad_class = 1;
  e.goldstein = 3.4;
  return e;
}

StoreDocument MakeDoc(const std::string& id, const std::string& text, const std::string& source,
                      std::vector<Event> events) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.source = source;
  doc.url = "https://example.org/" + id;
  doc.date = 20190410;
  doc.date_source = DateSource::kMetadata;
  for (Event& e : events) e.doc_id = id;
  StoreDocument out;
  PrepareStoreDocument(doc, &events, &out);
  return out;
}

std::vector<StoreDocument> SampleBatch() {
  std::vector<StoreDocument> docs;
  docs.push_back(MakeDoc("a", "Russia met Korea. Talks went on.", "Wire",
                         {MakeEvent(0, "RUS", "KOR", "040"), MakeEvent(1, "RUS", "KOR", "040")}));
  docs.push_back(
      MakeDoc("b", "Something else entirely.", "Paper", {MakeEvent(0, "USA", "CHN", "112")}));
  return docs;
}

TEST_F(StoreTest, CreatesSchemaAndCountsRows) {
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  AddResult added;
  ASSERT_TRUE(store->AddBatch(SampleBatch(), &added).ok());
  EXPECT_EQ(added.documents_added, 2);
  EXPECT_EQ(added.events_added, 2);
  StoreCounts c;
  ASSERT_TRUE(store->GetCounts(&c).ok());
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.stories, 2);
  EXPECT_EQ(c.sentences, 3);
  EXPECT_EQ(c.events, 2);  // the two RUS-KOR 040 mentions are one event
  EXPECT_EQ(c.mentions, 3);
  std::vector<StoredEvent> events;
  ASSERT_TRUE(store->ForEachEvent({}, [&](const StoredEvent& e) { events.push_back(e); }).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].source, "RUS");
  EXPECT_EQ(events[0].num_mentions, 2);
  EXPECT_EQ(events[0].num_articles, 1);
  EXPECT_EQ(events[0].num_sources, 1);
  EXPECT_EQ(events[0].url, "https://example.org/a");
  EXPECT_EQ(events[0].sentence_index, 0);
}

TEST_F(StoreTest, IdempotentRerunAddsNothing) {
  StoreCounts first, second;
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
    ASSERT_TRUE(store->AddBatch(SampleBatch()).ok());
    ASSERT_TRUE(store->GetCounts(&first).ok());
  }
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  auto batch = SampleBatch();
  EXPECT_TRUE(store->Contains(batch[0].id, batch[0].content_hash));
  AddResult added;
  ASSERT_TRUE(store->AddBatch(batch, &added).ok());
  EXPECT_EQ(added.documents_added, 0);
  EXPECT_EQ(added.documents_skipped, 2);
  ASSERT_TRUE(store->GetCounts(&second).ok());
  EXPECT_EQ(second.documents, first.documents);
  EXPECT_EQ(second.events, first.events);
  EXPECT_EQ(second.mentions, first.mentions);
  EXPECT_EQ(second.stories, first.stories);
  EXPECT_EQ(second.sentences, first.sentences);
}

TEST_F(StoreTest, DuplicateInOneBatchStoredOnce) {
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  auto batch = SampleBatch();
  batch.push_back(batch[0]);
  AddResult added;
  ASSERT_TRUE(store->AddBatch(batch, &added).ok());
  EXPECT_EQ(added.documents_added, 2);
  EXPECT_EQ(added.documents_skipped, 1);
}

TEST_F(StoreTest, SameStoryCopiesExtendOneEvent) {
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  // Same text under three ids (a wire story re-published): one story, one event.
  std::vector<StoreDocument> docs;
  for (const char* id : {"w1", "w2", "w3"}) {
    docs.push_back(MakeDoc(id, "Russia met Korea.", id[1] == '3' ? "Other" : "Wire",
                           {MakeEvent(0, "RUS", "KOR", "040")}));
  }
  ASSERT_TRUE(store->AddBatch(docs).ok());
  StoreCounts c;
  ASSERT_TRUE(store->GetCounts(&c).ok());
  EXPECT_EQ(c.stories, 1);
  EXPECT_EQ(c.events, 1);
  EXPECT_EQ(c.mentions, 3);
  std::vector<StoredEvent> events;
  ASSERT_TRUE(store->ForEachEvent({}, [&](const StoredEvent& e) { events.push_back(e); }).ok());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_mentions, 3);
  EXPECT_EQ(events[0].num_articles, 3);
  EXPECT_EQ(events[0].num_sources, 2);
  std::vector<StoredStory> stories;
  ASSERT_TRUE(store->ForEachStory([&](const StoredStory& s) { stories.push_back(s); }).ok());
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].doc_ids, (std::vector<std::string>{"w1", "w2", "w3"}));
}

TEST_F(StoreTest, OneADayMergesAcrossStories) {
  std::vector<StoreDocument> docs;
  docs.push_back(MakeDoc("x", "Russia met Korea.", "Wire", {MakeEvent(0, "RUS", "KOR", "040")}));
  docs.push_back(
      MakeDoc("y", "Moscow and Seoul met.", "Paper", {MakeEvent(0, "RUS", "KOR", "040")}));
  {
    std::unique_ptr<EventStore> store;
    ASSERT_TRUE(EventStore::Open(Path("story.sqlite"), {}, &store).ok());
    ASSERT_TRUE(store->AddBatch(docs).ok());
    StoreCounts c;
    ASSERT_TRUE(store->GetCounts(&c).ok());
    EXPECT_EQ(c.events, 2);  // two stories
    EventQuery daily;
    daily.one_a_day = true;
    std::vector<StoredEvent> events;
    ASSERT_TRUE(
        store->ForEachEvent(daily, [&](const StoredEvent& e) { events.push_back(e); }).ok());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].num_mentions, 2);
    EXPECT_EQ(events[0].num_sources, 2);
    int mentions = 0;
    ASSERT_TRUE(store
                    ->ForEachMention(daily,
                                     [&](const StoredMention& m) {
                                       EXPECT_EQ(m.event_id, events[0].event_id);
                                       ++mentions;
                                     })
                    .ok());
    EXPECT_EQ(mentions, 2);
  }
  StoreOptions one_a_day;
  one_a_day.one_a_day = true;
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("daily.sqlite"), one_a_day, &store).ok());
  ASSERT_TRUE(store->AddBatch(docs).ok());
  StoreCounts c;
  ASSERT_TRUE(store->GetCounts(&c).ok());
  EXPECT_EQ(c.events, 1);
  EXPECT_EQ(c.stories, 2);
  store.reset();
  // The aggregation mode is fixed at creation.
  Status s = EventStore::Open(Path("daily.sqlite"), {}, &store);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << s.ToString();
}

TEST_F(StoreTest, FiltersByDateAndDyadPrefix) {
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  std::vector<StoreDocument> docs = SampleBatch();
  docs.push_back(MakeDoc("c", "Moscow government met Seoul.", "Wire",
                         {MakeEvent(0, "RUSGOV", "KORMIL", "043")}));
  docs.back().publication.date = 20190501;
  docs.back().events[0].date = 20190501;
  ASSERT_TRUE(store->AddBatch(docs).ok());
  auto count = [&](const EventQuery& q) {
    int n = 0;
    EXPECT_TRUE(store->ForEachEvent(q, [&](const StoredEvent&) { ++n; }).ok());
    return n;
  };
  EventQuery dyad;
  dyad.source_prefix = "RUS";
  dyad.target_prefix = "KOR";
  EXPECT_EQ(count(dyad), 2);
  dyad.from = 20190415;
  EXPECT_EQ(count(dyad), 1);
  dyad.to = 20190430;
  EXPECT_EQ(count(dyad), 0);
  EventQuery usa;
  usa.source_prefix = "USA";
  EXPECT_EQ(count(usa), 1);
}

TEST(StorePrepareTest, InfersMissingPublicationDateAndResolvesEventDates) {
  Document doc;
  doc.id = "undated";
  doc.text = "Seoul, February 10, 2023. Russian officials met Korean envoys yesterday.";
  std::vector<Event> events = {MakeEvent(1, "RUS", "KOR", "040")};
  events[0].sentence = "Russian officials met Korean envoys yesterday.";
  events[0].date = 0;
  StoreDocument out;
  PrepareStoreDocument(doc, &events, &out);
  EXPECT_EQ(out.publication.date, 20230210);
  EXPECT_EQ(out.publication.method.rfind("inferred: ", 0), 0u) << out.publication.method;
  EXPECT_GT(out.publication.confidence, 0.0);
  EXPECT_LT(out.publication.confidence, 1.0);
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].date, 20230209);  // "yesterday"
  EXPECT_EQ(out.sentence_offsets[0], 26);
  EXPECT_FALSE(out.signature.empty());

  doc.date = 20230301;
  doc.date_source = DateSource::kHeader;
  events = {MakeEvent(0, "RUS", "KOR", "040")};
  PrepareStoreDocument(doc, &events, &out);
  EXPECT_EQ(out.publication.date, 20230301);
  EXPECT_EQ(out.publication.method, "header");
}

TEST_F(StoreTest, RejectsFilesThatAreNotStores) {
  { std::ofstream(Path("junk.sqlite")) << "this is not a database at all, just some text\n"; }
  std::unique_ptr<EventStore> store;
  Status s = EventStore::Open(Path("junk.sqlite"), {}, &store);
  EXPECT_FALSE(s.ok());
  StoreOptions read_only;
  read_only.read_only = true;
  s = EventStore::Open(Path("missing.sqlite"), read_only, &store);
  EXPECT_FALSE(s.ok());
}

TEST_F(StoreTest, WriterThreadStoresAllBatches) {
  std::unique_ptr<EventStore> store;
  ASSERT_TRUE(EventStore::Open(Path("e.sqlite"), {}, &store).ok());
  StoreWriter writer(store.get(), 2);
  for (int i = 0; i < 20; ++i) {
    std::vector<StoreDocument> batch;
    batch.push_back(MakeDoc("doc" + std::to_string(i), "Text " + std::to_string(i), "Wire",
                            {MakeEvent(0, "RUS", "KOR", "040")}));
    writer.Submit(std::move(batch));
  }
  AddResult totals;
  ASSERT_TRUE(writer.Finish(&totals).ok());
  EXPECT_EQ(totals.documents_added, 20);
  StoreCounts c;
  ASSERT_TRUE(store->GetCounts(&c).ok());
  EXPECT_EQ(c.documents, 20);
  EXPECT_EQ(c.events, 20);
}

}  // namespace
}  // namespace parley
