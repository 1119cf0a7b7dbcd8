#include "parley/query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "query/test_store.h"

namespace parley::query {
namespace {

TEST(QueryPeriods, StartsEndsAndLabels) {
  EXPECT_EQ(PeriodStart(20230210, Interval::kDay), 20230210);
  EXPECT_EQ(PeriodStart(20230210, Interval::kWeek), 20230206);  // a Friday -> Monday
  EXPECT_EQ(PeriodStart(20230101, Interval::kWeek), 20221226);  // across a year
  EXPECT_EQ(PeriodStart(20230210, Interval::kMonth), 20230201);
  EXPECT_EQ(PeriodStart(20230210, Interval::kYear), 20230101);
  EXPECT_EQ(PeriodEnd(20240201, Interval::kMonth), 20240229);
  EXPECT_EQ(PeriodEnd(20221226, Interval::kWeek), 20230101);
  EXPECT_EQ(NextPeriod(20231201, Interval::kMonth), 20240101);
  EXPECT_EQ(PeriodLabel(20230201, Interval::kMonth), "2023-02");
  EXPECT_EQ(PeriodLabel(0, Interval::kMonth), "undated");
}

TEST(QueryParams, RejectsBadInput) {
  Date d = 1;
  EXPECT_TRUE(ParseDateParam("", "from", &d).ok());
  EXPECT_EQ(d, 0);
  EXPECT_TRUE(ParseDateParam("2023-02-10", "from", &d).ok());
  EXPECT_EQ(d, 20230210);
  EXPECT_FALSE(ParseDateParam("2023-02-30", "from", &d).ok());
  EXPECT_FALSE(ParseDateParam("yesterday", "from", &d).ok());
  Interval interval;
  EXPECT_FALSE(ParseInterval("fortnight", &interval).ok());
  std::string a, b;
  ASSERT_TRUE(ParseDyad("rus-kor", &a, &b).ok());
  EXPECT_EQ(a, "RUS");
  EXPECT_EQ(b, "KOR");
  ASSERT_TRUE(ParseDyad("---GOV-KOR", &a, &b).ok());
  EXPECT_EQ(a, "---GOV");
  EXPECT_FALSE(ParseDyad("RUSKOR", &a, &b).ok());
  EXPECT_FALSE(ParseDyad("RUS-", &a, &b).ok());
  EXPECT_FALSE(NormalizeActorCode("RU S", &a).ok());
  EXPECT_FALSE(NormalizeActorCode("'; DROP TABLE events; --", &a).ok());
}

class QueryStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(EventDb::Open(testing::SeedStorePath(), &db_).ok()); }
  std::unique_ptr<EventDb> db_;
};

TEST_F(QueryStoreTest, DyadCountsTheSeedEvents) {
  DyadQuery q;
  q.a = "RUS";
  q.b = "KOR";
  DyadSeries series;
  ASSERT_TRUE(db_->Dyad(q, &series).ok());
  ASSERT_GT(series.total.count, 10);
  // Events dated only to a year (the seeds guessed from "this year") are "imprecise".
  int64_t sum = series.undated.count + series.imprecise.count;
  for (const PeriodStats& p : series.periods) sum += p.count;
  EXPECT_EQ(sum, series.total.count);
  EXPECT_EQ(series.total.a_to_b + series.total.b_to_a, series.total.count);
  // February 2023: Seoul's sanctions (material conflict) and Moscow's offer of dialogue.
  const PeriodStats* feb = nullptr;
  for (const PeriodStats& p : series.periods)
    if (p.label == "2023-02") feb = &p;
  ASSERT_NE(feb, nullptr);
  EXPECT_GE(feb->quad[0], 1);
  EXPECT_GE(feb->quad[3], 1);
  EXPECT_NEAR(feb->goldstein_mean, feb->goldstein_sum / feb->count, 1e-9);

  q.directed = true;
  DyadSeries directed;
  ASSERT_TRUE(db_->Dyad(q, &directed).ok());
  EXPECT_EQ(directed.total.count, series.total.a_to_b);
  EXPECT_EQ(directed.total.b_to_a, 0);
}

// The seeds' story: February 2023 sanctions and offers of dialogue, then Moscow's warnings
// over arms for Ukraine (Putin's "rare warning", Zinoviev's "severe consequences").
TEST_F(QueryStoreTest, SeedWarningsComeAfterTheSanctions) {
  EventListQuery q;
  q.a = "RUS";
  q.b = "KOR";
  q.directed = true;
  q.code = "13";
  q.from = 20230301;
  EventList warnings;
  ASSERT_TRUE(db_->Events(q, &warnings).ok());
  int by_putin = 0, by_zinoviev = 0;
  for (const ListedEvent& e : warnings.events) {
    by_putin += e.event.sentence.find("Putin to issue a rare warning") != std::string::npos;
    by_zinoviev += e.event.sentence.find("warning of potentially severe") != std::string::npos;
  }
  EXPECT_EQ(by_putin, 1);
  EXPECT_EQ(by_zinoviev, 1);
}

TEST_F(QueryStoreTest, DyadFillsEmptyPeriodsOfARange) {
  DyadQuery q{"RUS", "KOR", 20230201, 20230430, Interval::kMonth, false};
  DyadSeries series;
  ASSERT_TRUE(db_->Dyad(q, &series).ok());
  ASSERT_EQ(series.periods.size(), 3u);
  EXPECT_EQ(series.periods[0].label, "2023-02");
  EXPECT_GT(series.periods[0].count, 0);
  EXPECT_EQ(series.periods[1].label, "2023-03");  // no seed event: an empty row, not a gap
  EXPECT_EQ(series.periods[1].count, 0);
  EXPECT_EQ(series.undated.count, 0);  // a range leaves undated events out
  q.from = 20230501;
  EXPECT_EQ(db_->Dyad(q, &series).code(), Status::Code::kInvalidArgument);
}

TEST_F(QueryStoreTest, EventsFilterByCodeAndPage) {
  EventListQuery q;
  q.a = "RUS";
  q.b = "KOR";
  EventList all;
  ASSERT_TRUE(db_->Events(q, &all).ok());
  ASSERT_GT(all.total, 2);
  EXPECT_EQ(all.total, static_cast<int64_t>(all.events.size()));
  for (const ListedEvent& l : all.events) {
    const Event& e = l.event;
    EXPECT_FALSE(e.sentence.empty());
    ASSERT_GE(e.source.start, 0);
    EXPECT_EQ(e.sentence.substr(e.source.start, e.source.end - e.source.start), e.source.text);
  }
  q.code = "16";
  EventList conflict;
  ASSERT_TRUE(db_->Events(q, &conflict).ok());
  ASSERT_GT(conflict.total, 0);
  for (const ListedEvent& l : conflict.events) EXPECT_EQ(l.event.code.substr(0, 2), "16");

  q.code = "";
  q.limit = 2;
  q.offset = 1;
  EventList page;
  ASSERT_TRUE(db_->Events(q, &page).ok());
  ASSERT_EQ(page.events.size(), 2u);
  EXPECT_EQ(page.total, all.total);
  EXPECT_EQ(page.events[0].event_id, all.events[1].event_id);

  q.limit = 0;
  EXPECT_EQ(db_->Events(q, &page).code(), Status::Code::kInvalidArgument);
  q.limit = 10;
  q.code = "1x";
  EXPECT_EQ(db_->Events(q, &page).code(), Status::Code::kInvalidArgument);
}

TEST_F(QueryStoreTest, ActorsAndTop) {
  std::vector<ActorMatch> actors;
  ASSERT_TRUE(db_->Actors("kor", 10, &actors).ok());
  ASSERT_FALSE(actors.empty());
  EXPECT_EQ(actors[0].code, "KOR");
  ASSERT_TRUE(db_->Actors("seoul", 10, &actors).ok());
  ASSERT_FALSE(actors.empty());
  EXPECT_EQ(actors[0].code.substr(0, 3), "KOR");

  TopQuery q;
  q.by_country = true;
  TopResult top;
  ASSERT_TRUE(db_->Top(q, &top).ok());
  ASSERT_GE(top.actors.size(), 2u);
  EXPECT_TRUE((top.actors[0].key == "KOR" || top.actors[0].key == "RUS"));
  EXPECT_FALSE(top.codes.empty());
  EXPECT_FALSE(top.codes[0].name.empty());
}

TEST(QueryOpen, RejectsMissingAndForeignFiles) {
  std::unique_ptr<EventDb> db;
  EXPECT_EQ(EventDb::Open("/nonexistent/x.sqlite", &db).code(), Status::Code::kNotFound);
  std::string path = std::filesystem::temp_directory_path() /
                     ("parley_query_foreign_" + std::to_string(getpid()) + ".sqlite");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_EQ(EventDb::Open(path, &db).code(), Status::Code::kCorruption);
  std::filesystem::remove(path);
}

TEST(QueryText, HighlightMarksSpans) {
  Event e;
  e.sentence = "Seoul joined the sanctions against Moscow.";
  e.source = {"KOR", "Seoul", 0, 5};
  e.target = {"RUS", "Moscow", 35, 41};
  e.verb = {"joined", 6, 12};
  EXPECT_EQ(HighlightSentence(e, false), "[Seoul] {joined} the sanctions against [Moscow].");
  e.verb = {"bad", 3, 200};  // out of range: left unmarked
  EXPECT_EQ(HighlightSentence(e, false), "[Seoul] joined the sanctions against [Moscow].");
}

}  // namespace
}  // namespace parley::query
