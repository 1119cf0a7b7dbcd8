#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "parley/paths.h"
#include "parley/query.h"
#include "parley/syntax.h"
#include "query/test_store.h"

namespace parley::query {
namespace {

TEST(ExplainTest, CodedSentenceShowsActorsVerbPatternAndEvent) {
  Explanation x =
      Explain(testing::BundledCoder(), "Seoul joined the sanctions against Moscow.", 20230301);
  ASSERT_EQ(x.sentences.size(), 1u);
  const ExplainedSentence& s = x.sentences[0];
  EXPECT_EQ(s.outcome, SentenceOutcome::kCoded);
  EXPECT_TRUE(s.why_not.empty());
  EXPECT_EQ(s.tokens.front(), "SEOUL");
  ASSERT_GE(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[0].code, "KOR");
  ASSERT_FALSE(s.verbs.empty());
  bool fired = false;
  for (const ExplainedPattern& p : s.patterns) {
    if (!p.matched) continue;
    fired = true;
    EXPECT_FALSE(p.pattern.empty()) << p.rule;  // the dictionary line is quoted
  }
  EXPECT_TRUE(fired);
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].code, "163");
  EXPECT_EQ(s.events[0].date, 20230301);
}

TEST(ExplainTest, SaysWhyNothingWasCoded) {
  Explanation x = Explain(testing::BundledCoder(), "The weather was nice in Paris. Hello.", 0);
  ASSERT_EQ(x.sentences.size(), 2u);
  EXPECT_EQ(x.sentences[0].outcome, SentenceOutcome::kNoEvent);
  EXPECT_NE(x.sentences[0].why_not.find("verb"), std::string::npos) << x.sentences[0].why_not;
  EXPECT_NE(x.sentences[1].why_not.find("actor"), std::string::npos) << x.sentences[1].why_not;
  std::string text = ExplanationToText(x, false);
  EXPECT_NE(text.find("outcome: no event"), std::string::npos);
}

TEST(ExplainTest, SaysWhenTheParseRuledTheEventsOut) {
  std::shared_ptr<const syntax::Model> model;
  ASSERT_TRUE(syntax::LoadModel(BundledSyntaxModelPath(), &model).ok());
  CoderOptions options;
  options.syntax_model = model;
  const Coder coder(testing::BundledCoder().shared_dictionary(), options);
  Explanation x = Explain(coder, "Russia will not attack Ukraine, the Kremlin said on Monday.", 0);
  ASSERT_EQ(x.sentences.size(), 1u);
  const ExplainedSentence& s = x.sentences[0];
  EXPECT_TRUE(s.events.empty());
  EXPECT_NE(s.tree.find("frames:"), std::string::npos) << s.tree;
  ASSERT_FALSE(s.tree_verdicts.empty());
  EXPECT_NE(s.why_not.find("parse ruled out"), std::string::npos) << s.why_not;
  EXPECT_NE(s.why_not.find("RUS->UKR 190"), std::string::npos) << s.why_not;
  const nlohmann::json j = nlohmann::json::parse(ExplanationToJson(x));
  EXPECT_FALSE(j["sentences"][0]["tree_verdicts"].empty());
  EXPECT_FALSE(j["sentences"][0]["tree"].get<std::string>().empty());
}

TEST(ExplainTest, JsonCarriesEverything) {
  Explanation x = Explain(testing::BundledCoder(), "Seoul joined the sanctions against Moscow.", 0);
  nlohmann::json j = nlohmann::json::parse(ExplanationToJson(x));
  const auto& s = j["sentences"][0];
  EXPECT_EQ(s["outcome"], "coded");
  EXPECT_EQ(s["events"][0]["code_name"], "impose sanctions, embargo or boycott");
  EXPECT_EQ(s["events"][0]["source"]["text"], "Seoul");
  EXPECT_TRUE(s["patterns"].is_array());
  EXPECT_TRUE(Explain(testing::BundledCoder(), "   ", 0).sentences.empty());
}

// /api/explain explains what `parley code` codes: a giant "sentence" (66,000 commas before a
// clause) is cut like the coder cuts it, and the clause is explained with its events.
TEST(ExplainTest, GiantSentenceIsExplainedPieceByPiece) {
  const std::string clause = "the ambassadors of Russia, China and Japan met the United States.";
  Explanation x = Explain(testing::BundledCoder(), std::string(66000, ',') + " " + clause, 0);
  ASSERT_EQ(x.sentences.size(), 1u);
  EXPECT_EQ(x.sentences[0].text, clause);
  EXPECT_EQ(x.sentences[0].outcome, SentenceOutcome::kCoded);
  ASSERT_EQ(x.sentences[0].events.size(), 3u);
  EXPECT_EQ(x.sentences[0].events[1].source.code, "CHNGOV");
  EXPECT_FALSE(ExplanationToJson(x).empty());
}

}  // namespace
}  // namespace parley::query
