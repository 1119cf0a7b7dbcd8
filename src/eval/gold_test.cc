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
  EXPECT_FALSE(Matches(MakeEvent("JOR", "USA", "03"), item, /*strict=*/true));
  EXPECT_FALSE(Matches(MakeEvent("JOR", "ISR", "03"), item));
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

namespace parley::gold {
namespace {

TEST(GoldTest, JointActionAlsoMatchesInDyadicForm) {
  GoldItem joint{{"PER", "CHL"}, {}, {"05"}};
  EXPECT_TRUE(Matches(MakeEvent("PER", "", "05"), joint));
  EXPECT_TRUE(Matches(MakeEvent("PER", "CHLGOV", "05"), joint));
  EXPECT_FALSE(Matches(MakeEvent("PER", "PER", "05"), joint));  // not towards itself
  EXPECT_FALSE(Matches(MakeEvent("PER", "BOL", "05"), joint));
  EXPECT_FALSE(Matches(MakeEvent("PER", "CHL", "05"), joint, /*strict=*/true));
  EXPECT_TRUE(Matches(MakeEvent("PER", "", "05"), joint, /*strict=*/true));
}

TEST(GoldTest, GoldCodesWithRolesMatchOnTheirCountry) {
  // A gold list may hold only role codes ("RUSGOV"): the country is what is compared.
  GoldItem item{{"RUSGOV"}, {"KORBUS"}, {"16"}};
  EXPECT_TRUE(Matches(MakeEvent("RUS", "KORGOV", "16"), item));
  EXPECT_FALSE(Matches(MakeEvent("RUS", "PRK", "16"), item));
}

TEST(GoldTest, ReadsTheTextFreeFormWithItsCorpusAndHalves) {
  std::string path = testing::TempDir() + "/gold_sentences.jsonl";
  {
    std::ofstream out(path);
    out << R"({"corpus":["a/seeds","b/news.jsonl"]})"
        << "\n"
        << R"({"doc":"d1","sentence_index":2,"start":10,"end":40,"half":"tune","gold":[{"source":["RUS"],"target":["KOR"],"code":"036","roots":["03"]}]})"
        << "\n"
        << R"({"doc":"d1","sentence_index":3,"start":41,"end":60,"half":"check","gold":[]})"
        << "\n"
        << R"({"doc":"","start":1,"end":2})"
        << "\n"
        << R"({"doc":"d2","start":9,"end":3})"
        << "\n"
        << R"({"doc":"d2","half":"tune"})"
        << "\n";
  }
  GoldSet set;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadGoldSet(path, &set, &warnings).ok());
  EXPECT_EQ(set.corpus, (std::vector<std::string>{"a/seeds", "b/news.jsonl"}));
  ASSERT_EQ(set.records.size(), 2u);
  EXPECT_TRUE(set.records[0].by_sentence);
  EXPECT_EQ(set.records[0].doc.id, "d1");
  EXPECT_EQ(set.records[0].sentence_index, 2);
  EXPECT_EQ(set.records[0].start, 10);
  EXPECT_EQ(set.records[0].end, 40);
  EXPECT_EQ(set.records[0].half, "tune");
  ASSERT_EQ(set.records[0].items.size(), 1u);
  EXPECT_TRUE(set.records[1].items.empty());
  // The three bad records are reported by line: no document, end before start, no place.
  ASSERT_EQ(warnings.size(), 3u) << warnings[0];
  EXPECT_NE(warnings[0].find(":4:"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[1].find(":5: end is before start"), std::string::npos) << warnings[1];
  EXPECT_NE(warnings[2].find(":6:"), std::string::npos) << warnings[2];
  std::remove(path.c_str());
}

}  // namespace
}  // namespace parley::gold
