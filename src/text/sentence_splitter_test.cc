#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::text {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<Range> ranges;
  SplitSentences(text, &ranges);
  std::vector<std::string> out;
  for (const Range& r : ranges) out.emplace_back(text.substr(r.start, r.end - r.start));
  return out;
}

using Sentences = std::vector<std::string>;

TEST(TextSplitTest, PlainSentences) {
  EXPECT_EQ(Split("Russia is ready. Seoul agrees! Is it true? Yes."),
            (Sentences{"Russia is ready.", "Seoul agrees!", "Is it true?", "Yes."}));
  EXPECT_EQ(Split(""), Sentences{});
  EXPECT_EQ(Split("   \n\n  "), Sentences{});
  EXPECT_EQ(Split("No final period"), Sentences{"No final period"});
}

TEST(TextSplitTest, RangesPointAtSourceAndSkipWhitespace) {
  const std::string text = "  First one.   Second one.  ";
  std::vector<Range> ranges;
  SplitSentences(text, &ranges);
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(ranges[0].start, 2u);
  EXPECT_EQ(ranges[0].end, 12u);
  EXPECT_EQ(ranges[1].start, 15u);
  EXPECT_EQ(ranges[1].end, 26u);
}

TEST(TextSplitTest, OutputIsClearedAndReused) {
  std::vector<Range> ranges = {{1, 2}, {3, 4}, {5, 6}};
  SplitSentences("One.", &ranges);
  ASSERT_EQ(ranges.size(), 1u);
}

TEST(TextSplitTest, TitlesNeverEndSentences) {
  EXPECT_EQ(Split("Mr. Kulik met Dr. Kim and Gen. Lee. Then Lt. Col. Park spoke."),
            (Sentences{"Mr. Kulik met Dr. Kim and Gen. Lee.", "Then Lt. Col. Park spoke."}));
  EXPECT_EQ(Split("Vermont Sen. Bernie Sanders and Rep. Elijah Cummings met Gov. Cuomo."),
            Sentences{"Vermont Sen. Bernie Sanders and Rep. Elijah Cummings met Gov. Cuomo."});
  EXPECT_EQ(Split("Mrs. May flew to St. Petersburg. It rained."),
            (Sentences{"Mrs. May flew to St. Petersburg.", "It rained."}));
  EXPECT_EQ(Split("It was Russia vs. Ukraine. The end."),
            (Sentences{"It was Russia vs. Ukraine.", "The end."}));
}

TEST(TextSplitTest, AcronymsSplitOnlyBeforeSentenceStarters) {
  EXPECT_EQ(Split("Texas U.S. Rep. Beto O'Rourke spoke to the U.N. Security Council."),
            Sentences{"Texas U.S. Rep. Beto O'Rourke spoke to the U.N. Security Council."});
  EXPECT_EQ(Split("Troops left the U.S. The president agreed."),
            (Sentences{"Troops left the U.S.", "The president agreed."}));
  EXPECT_EQ(Split("The Washington, D.C. attorney general sued."),
            Sentences{"The Washington, D.C. attorney general sued."});
  EXPECT_EQ(Split("Senator Lindsey Graham (R-S.C.) is condemning it."),
            Sentences{"Senator Lindsey Graham (R-S.C.) is condemning it."});
  EXPECT_EQ(Split("More money is coming to the U.S.,\u201D Trump said."),
            Sentences{"More money is coming to the U.S.,\u201D Trump said."});
  EXPECT_EQ(Split("They met in the U.K. \u201CWe agree,\u201D she said."),
            (Sentences{"They met in the U.K.", "\u201CWe agree,\u201D she said."}));
}

TEST(TextSplitTest, Initials) {
  EXPECT_EQ(Split("President George W. Bush met J.R.R. Tolkien fans. They cheered."),
            (Sentences{"President George W. Bush met J.R.R. Tolkien fans.", "They cheered."}));
  EXPECT_EQ(Split("John P. Smith and Vladimir V. Putin met."),
            Sentences{"John P. Smith and Vladimir V. Putin met."});
  EXPECT_EQ(Split("He backed Plan B. The others did not."),
            (Sentences{"He backed Plan B.", "The others did not."}));
}

TEST(TextSplitTest, MonthsAndNumbers) {
  EXPECT_EQ(
      Split("Talks began on Feb. 10 in Seoul. They ended in May. Brian Hook left."),
      (Sentences{"Talks began on Feb. 10 in Seoul.", "They ended in May.", "Brian Hook left."}));
  EXPECT_EQ(Split("Trade fell 3.5 percent to 1,000 tonnes. It was No. 1 in Asia."),
            (Sentences{"Trade fell 3.5 percent to 1,000 tonnes.", "It was No. 1 in Asia."}));
  EXPECT_EQ(Split("Should he stay? No. He must leave."),
            (Sentences{"Should he stay?", "No.", "He must leave."}));
  EXPECT_EQ(Split("It grew in 2022. 2023 was worse."),
            (Sentences{"It grew in 2022.", "2023 was worse."}));
}

TEST(TextSplitTest, CompaniesAndEtc) {
  EXPECT_EQ(Split("Samsung Electronics Co. Ltd. said it would stay."),
            Sentences{"Samsung Electronics Co. Ltd. said it would stay."});
  EXPECT_EQ(Split("He sued Apple Inc. The case failed."),
            (Sentences{"He sued Apple Inc.", "The case failed."}));
  EXPECT_EQ(Split("They sold food, fuel, etc. Russia bought it."),
            (Sentences{"They sold food, fuel, etc.", "Russia bought it."}));
  EXPECT_EQ(Split("They sold food, fuel, etc. to Russia."),
            Sentences{"They sold food, fuel, etc. to Russia."});
}

TEST(TextSplitTest, LowercaseAfterPeriodContinues) {
  EXPECT_EQ(Split("The talks at 10 a.m. were short. The approx. figure is low."),
            (Sentences{"The talks at 10 a.m. were short.", "The approx. figure is low."}));
  EXPECT_EQ(Split("\u201CWhat now?\u201D he asked."), Sentences{"\u201CWhat now?\u201D he asked."});
  EXPECT_EQ(Split("Visit gu.com/letters. Or write."),
            (Sentences{"Visit gu.com/letters.", "Or write."}));
}

TEST(TextSplitTest, MissingSpaceAfterPeriod) {
  EXPECT_EQ(Split("SEOUL \u2013 RIA Novosti.Russia is ready. It grew at a young age.Yet it fell."),
            (Sentences{"SEOUL \u2013 RIA Novosti.", "Russia is ready.", "It grew at a young age.",
                       "Yet it fell."}));
  EXPECT_EQ(Split("See theguardian.com and ASP.NET or St.Petersburg today."),
            Sentences{"See theguardian.com and ASP.NET or St.Petersburg today."});
}

TEST(TextSplitTest, Ellipses) {
  EXPECT_EQ(Split("There are other actors\u2026 who could assist."),
            Sentences{"There are other actors\u2026 who could assist."});
  EXPECT_EQ(Split("Not their husbands \u2026 Then you get the girls."),
            (Sentences{"Not their husbands \u2026", "Then you get the girls."}));
  EXPECT_EQ(Split("We will withdraw them ... the Americans will stay."),
            Sentences{"We will withdraw them ... the Americans will stay."});
  EXPECT_EQ(Split("In the time of ignorance [\u2026] and then jihad."),
            Sentences{"In the time of ignorance [\u2026] and then jihad."});
}

TEST(TextSplitTest, PunctuationInsideClosingQuotes) {
  EXPECT_EQ(Split("He said \"we agree.\" Then he left."),
            (Sentences{"He said \"we agree.\"", "Then he left."}));
  EXPECT_EQ(Split("He said \u201Cwe agree.\u201D Then he left."),
            (Sentences{"He said \u201Cwe agree.\u201D", "Then he left."}));
  EXPECT_EQ(Split("She asked \u2018why?\u2019 Nobody knew."),
            (Sentences{"She asked \u2018why?\u2019", "Nobody knew."}));
  EXPECT_EQ(Split("(The talks failed.) Seoul left."),
            (Sentences{"(The talks failed.)", "Seoul left."}));
  EXPECT_EQ(Split("\u201CIt was inevitable,\u201D the ambassador said."),
            Sentences{"\u201CIt was inevitable,\u201D the ambassador said."});
}

TEST(TextSplitTest, Datelines) {
  EXPECT_EQ(
      Split("SEOUL, Feb 10 \u2013 RIA Novosti. Russia is ready to resume a dialogue."),
      (Sentences{"SEOUL, Feb 10 \u2013 RIA Novosti.", "Russia is ready to resume a dialogue."}));
  EXPECT_EQ(Split("WASHINGTON, Feb. 10 (Reuters) - Trump spoke."),
            Sentences{"WASHINGTON, Feb. 10 (Reuters) - Trump spoke."});
}

TEST(TextSplitTest, BlankLinesAndHeadlines) {
  EXPECT_EQ(Split("Seoul hopes for ties\n\nRussia is ready to talk. Seoul agrees"),
            (Sentences{"Seoul hopes for ties", "Russia is ready to talk.", "Seoul agrees"}));
  // A paragraph break ends a sentence even mid-clause and before lower case.
  EXPECT_EQ(Split("the list goes on\n \nand on"), (Sentences{"the list goes on", "and on"}));
  // A blank line after an abbreviation still ends the sentence.
  EXPECT_EQ(Split("He met Mr.\n\nKim"), (Sentences{"He met Mr.", "Kim"}));
}

TEST(TextSplitTest, SingleNewlinesInParagraphPerLineText) {
  const std::string long_line(120, 'x');
  // Lines longer than a wrap width: each newline before a capital is a break.
  EXPECT_EQ(
      Split("Seoul is interested in trade\nTrade fell by a third " + long_line + "\n- Yes"),
      (Sentences{"Seoul is interested in trade", "Trade fell by a third " + long_line, "- Yes"}));
  // A newline before a lower-case word is a wrapped line.
  EXPECT_EQ(Split("Trade fell by\na third " + long_line),
            Sentences{"Trade fell by\na third " + long_line});
}

TEST(TextSplitTest, HardWrappedText) {
  const std::string text =
      "Arnor is about to restore full diplomatic ties with Gondor almost\n"
      "Five years after crowds trashed its embassy, a senior official\n"
      "said on Saturday. The Gondor government welcomed the decision\n"
      "Short line\n"
      "After that Arnor left.\n";
  EXPECT_EQ(Split(text),
            (Sentences{"Arnor is about to restore full diplomatic ties with Gondor almost\n"
                       "Five years after crowds trashed its embassy, a senior official\n"
                       "said on Saturday.",
                       "The Gondor government welcomed the decision\nShort line",
                       "After that Arnor left."}));
}

TEST(TextSplitTest, Bullets) {
  EXPECT_EQ(Split("They are no threat to us.\u201D \u2022 This article was amended"),
            (Sentences{"They are no threat to us.\u201D", "\u2022 This article was amended"}));
  EXPECT_EQ(Split("Join the debate \u2022 Read more letters"),
            (Sentences{"Join the debate", "\u2022 Read more letters"}));
}

TEST(TextSplitTest, ListNumbersStayWithTheirItem) {
  EXPECT_EQ(Split("1. Russia wants talks.\n2. Seoul agrees."),
            (Sentences{"1. Russia wants talks.", "2. Seoul agrees."}));
}

TEST(TextSplitTest, VeryLongRunsAreCutAtSemicolons) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "22 - 26 percent for New Jersey Sen. Cory Booker; ";
  text += "end.";
  const Sentences out = Split(text);
  ASSERT_GT(out.size(), 1u);
  size_t total = 0;
  for (const std::string& s : out) {
    EXPECT_LE(s.size(), 1000u);
    total += s.size();
  }
  EXPECT_GT(total, text.size() - 40 * 2);
  EXPECT_EQ(out[0].back(), ';');
}

TEST(TextSplitTest, CjkFullStop) {
  EXPECT_EQ(Split("\u4FC4\u7F57\u65AF\u3002\u97E9\u56FD\u3002"),
            (Sentences{"\u4FC4\u7F57\u65AF\u3002", "\u97E9\u56FD\u3002"}));
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/../shared/seeds/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return CleanText(ss.str(), nullptr);
}

TEST(TextSplitTest, SeedArticleOpenings) {
  const std::string seed0 = ReadSeed("000_8ee558292959cd7b.txt");
  if (seed0.empty()) GTEST_SKIP() << "shared seeds not available";
  Sentences s = Split(seed0);
  ASSERT_GE(s.size(), 4u);
  EXPECT_EQ(s[0], "date 2023-02-10 SEOUL, Feb 10 \u2013 RIA Novosti.");
  EXPECT_EQ(s[1].substr(0, 30), "Russia is ready to resume a fu");
  EXPECT_TRUE(s[1].ends_with("Andrei Kulik said in an interview with RIA Novosti."));
  EXPECT_TRUE(s[2].starts_with("\u201CRussia is ready to resume"));
  EXPECT_TRUE(s[2].ends_with("in the new international conditions."));
  EXPECT_EQ(s[3], "We count on a similar attitude from Seoul,\u201D the ambassador said.");

  s = Split(ReadSeed("001_58e6eba2e9345f1a.txt"));
  ASSERT_GE(s.size(), 4u);
  EXPECT_EQ(s[0], "date 2023-02-10 SEOUL, Feb 10 \u2013 RIA Novosti.");
  EXPECT_TRUE(s[1].starts_with("South Korea has not become"));
  EXPECT_EQ(s[3], "July 27, 2022, 10:44 am South Korea hopes to develop relations with Russia");

  s = Split(ReadSeed("002_fb5b1b1d0730f64d.txt"));
  ASSERT_GE(s.size(), 4u);
  EXPECT_EQ(s[2], "The update comes through RIA News.");
  EXPECT_EQ(s[3],
            "The diplomat described Russia\u2013South Korea ties as currently facing "
            "difficult times.");

  s = Split(ReadSeed("003_0c4bba524306be0c.txt"));
  ASSERT_GE(s.size(), 9u);
  EXPECT_EQ(s[0], "\"The only people who are behaving unfriendly here are Western diplomats\"");
  EXPECT_TRUE(s[1].starts_with("South Korea is interested in developing trade"));
  EXPECT_EQ(s[6], "\"Seoul is interested in preserving trade and economic ties with Russia\"");
  EXPECT_TRUE(s[7].starts_with("- Trade turnover between Russia and South Korea"));
  EXPECT_EQ(s[8],
            "Is the South Korean side interested in reversing this trend and increasing "
            "trade turnover?");

  s = Split(ReadSeed("004_c3df02171b1dda15.txt"));
  ASSERT_GE(s.size(), 6u);
  EXPECT_TRUE(s[0].starts_with("Saying that the future of relations"));
  EXPECT_EQ(s[4], "\u201CKorea is one of the friendliest among so-called unfavorable nations.");
}

}  // namespace
}  // namespace parley::text
