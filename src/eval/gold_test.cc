#include "parley/gold.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace parley::gold {
namespace {

Event MakeEvent(const std::string& src, const std::string& tgt, const std::string& root) {
  Event e;
  e.source.code = src;
  e.target.code = tgt;
  e.root = root;
  return e;
}

TEST(GoldTest, MatchesOnCountryPrefixAndRoot) {
  GoldItem item{{"GBR"}, {"MOZ"}, {"03", "05"}};
  EXPECT_TRUE(Matches(MakeEvent("GBRGOV", "MOZ", "03"), item));
  EXPECT_TRUE(Matches(MakeEvent("GBR", "MOZMIL", "05"), item));
  EXPECT_FALSE(Matches(MakeEvent("GBR", "MOZ", "04"), item));
  EXPECT_FALSE(Matches(MakeEvent("MOZ", "GBR", "03"), item));
}

TEST(GoldTest, EmptyGoldTargetNeedsEmptyEventTarget) {
  GoldItem item{{"USA", "JOR"}, {}, {"03"}};
  EXPECT_TRUE(Matches(MakeEvent("JOR", "", "03"), item));
  EXPECT_FALSE(Matches(MakeEvent("JOR", "USA", "03"), item));
}

TEST(GoldTest, ScoreCountsRecallAndPrecision) {
  GoldRecord record;
  record.items.push_back(GoldItem{{"ISR"}, {"PSE"}, {"19"}});
  Score score;
  ScoreRecord(record, {MakeEvent("ISRMIL", "PSE", "19"), MakeEvent("PSE", "ISR", "19")}, &score);
  EXPECT_EQ(score.gold_items, 1);
  EXPECT_EQ(score.gold_found, 1);
  EXPECT_EQ(score.events, 2);
  EXPECT_EQ(score.events_correct, 1);
  EXPECT_DOUBLE_EQ(score.Recall(), 1.0);
  EXPECT_DOUBLE_EQ(score.Precision(), 0.5);
}

TEST(GoldTest, ReadsGoldFileAndReportsBadLines) {
  std::string path = testing::TempDir() + "/gold_test.jsonl";
  {
    std::ofstream out(path);
    out << R"({"id":"a","date":"2000-01-01","text":"X hit Y.","gold":[{"source":["X"],"target":[""],"roots":["19"]}]})"
        << "\nnot json\n";
  }
  std::vector<GoldRecord> records;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadGoldFile(path, &records, &warnings).ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].items[0].targets.empty());
  EXPECT_EQ(records[0].doc.date, 20000101);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(":2:"), std::string::npos);
  std::remove(path.c_str());
}

TEST(GoldTest, ImpossibleDateIsReportedAndRecordKeptUndated) {
  std::string path = testing::TempDir() + "/gold_dates_test.jsonl";
  {
    std::ofstream out(path);
    out << R"({"id":"a","date":"2023-02-30","text":"X hit Y.","gold":[]})"
        << "\n"
        << R"({"id":"b","date":20230210,"text":"X hit Y.","gold":[]})"
        << "\n";
  }
  std::vector<GoldRecord> records;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadGoldFile(path, &records, &warnings).ok());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].doc.date, 0);
  EXPECT_EQ(records[1].doc.date, 0);  // a number is no date string; no exception either
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find(path + ":1:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("2023-02-30"), std::string::npos) << warnings[0];
  std::remove(path.c_str());
}

}  // namespace
}  // namespace parley::gold
