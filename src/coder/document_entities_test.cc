// Entity linking across a document (news profile, document_entities): bare titles,
// surnames given after a title, pronouns and the "we" of a quote take the codes of who
// they refer to. Bundled dictionaries, no parse, invented names (not in any dictionary).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/code_for_tests.h"
#include "parley/coder.h"
#include "query/test_store.h"

namespace parley {
namespace {

// "SRC TGT CODE" of the events of sentence `index` of `text`, coded as one document.
std::vector<std::string> EventsOf(const Coder& coder, const std::string& text, int index) {
  Document doc;
  doc.id = "entities";
  doc.date = 20230301;
  doc.text = text;
  const testing::Coded coded = testing::CodeForTests(coder, doc);
  std::vector<std::string> out;
  for (size_t i = 0; i < coded.events.size(); ++i) {
    if (coded.events[i].sentence_index == index) out.push_back(coded.lines[i]);
  }
  return out;
}

const Coder& NewsCoder() { return query::testing::BundledCoder(); }

const Coder& TabariCoder() {
  static const Coder* coder = new Coder(query::testing::BundledCoder().shared_dictionary(),
                                        OptionsForProfile(Profile::kTabari));
  return *coder;
}

using Events = std::vector<std::string>;

constexpr const char* kIntroduction =
    "British Ambassador Mark Harwood met Russian officials in Moscow. ";

TEST(DocumentEntitiesTest, ASurnameGivenAfterATitleKeepsItsCountry) {
  const std::string text = std::string(kIntroduction) + "Harwood criticised Russia.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"GBRGOV RUS 111"}));
}

TEST(DocumentEntitiesTest, TheBareTitleIsTheOfficialNamedWithIt) {
  const std::string text = std::string(kIntroduction) + "The ambassador later praised Ukraine.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"GBRGOV UKR 051"}));
}

TEST(DocumentEntitiesTest, ALaterHolderOfTheTitleTakesOver) {
  const std::string text = std::string(kIntroduction) +
                           "French Ambassador Claire Vautrin arrived on Tuesday. "
                           "The ambassador praised Ukraine.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 2), (Events{"FRAGOV UKR 051"}));
}

TEST(DocumentEntitiesTest, HeWithNoPersonBeforeItIsTheLastPersonNamed) {
  // The old rule took the first actor of the sentence, Seoul, even after the pronoun.
  const std::string text =
      std::string(kIntroduction) + "He criticised the sanctions imposed by Seoul.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"GBRGOV KOR 111"}));
}

TEST(DocumentEntitiesTest, HeIsNotAPersonNamedTooLongAgo) {
  const std::string text =
      std::string(kIntroduction) + "Trade fell. Prices rose. Tourism slowed. He criticised Seoul.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 4), Events{});
}

TEST(DocumentEntitiesTest, WeInAQuoteIsItsSpeaker) {
  const std::string text = std::string(kIntroduction) +
                           "\"We count on a similar attitude from Seoul,\" the ambassador said.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"GBRGOV KOR 022"}));
}

TEST(DocumentEntitiesTest, AnInvertedReportingClauseNamesTheSpeaker) {
  const std::string text =
      std::string(kIntroduction) + "\"We count on a similar attitude from Seoul,\" said Harwood.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"GBRGOV KOR 022"}));
}

TEST(DocumentEntitiesTest, TheQuoteGoesOnInTheNextSentence) {
  const std::string text = std::string(kIntroduction) +
                           "\"The talks went well,\" Harwood said. "
                           "\"We count on a similar attitude from Seoul.\"";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 2), (Events{"GBRGOV KOR 022"}));
}

TEST(DocumentEntitiesTest, AnActorModifyingTheSubjectIsNoSpeaker) {
  // "our contacts in Seoul confirm": Seoul is where the contacts are, not who says "we".
  EXPECT_EQ(EventsOf(NewsCoder(), "\"We will support Moscow,\" our contacts in Seoul confirm.", 0),
            Events{});
  EXPECT_EQ(EventsOf(NewsCoder(), "\"We will support Moscow,\" Seoul confirmed.", 0),
            (Events{"KOR RUS 032"}));
}

TEST(DocumentEntitiesTest, WeWithoutASpeakerIsNobody) {
  const std::string text = "We count on a similar attitude from Seoul.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 0), Events{});
}

TEST(DocumentEntitiesTest, TheNorthIsTheNorthernCountryTheArticleNamed) {
  const std::string text =
      "North Korea fired a missile on Monday. Japan condemned the North on Tuesday. "
      "The South criticised Japan.";
  EXPECT_EQ(EventsOf(NewsCoder(), text, 1), (Events{"JPN PRK 111"}));
  EXPECT_EQ(EventsOf(NewsCoder(), text, 2), Events{});  // no southern country named
  EXPECT_EQ(EventsOf(NewsCoder(), "Japan condemned the North on Tuesday.", 0), Events{});
}

TEST(DocumentEntitiesTest, TheTabariProfileKeepsItsPositionalConventions) {
  // TABARI has no document memory: the bare title and the surname stay unknown.
  const std::string text =
      std::string(kIntroduction) + "Harwood criticised Russia. The ambassador praised Ukraine.";
  EXPECT_EQ(EventsOf(TabariCoder(), text, 1), Events{});
  EXPECT_EQ(EventsOf(TabariCoder(), text, 2), Events{});
}

}  // namespace
}  // namespace parley
