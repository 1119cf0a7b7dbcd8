#include "parley/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parley/reader.h"

namespace parley::dates {
namespace {

constexpr Date kFri = 20230210;  // Friday 10 February 2023

TEST(DatesCalendarTest, Arithmetic) {
  EXPECT_EQ(AddDays(20230210, -1), 20230209);
  EXPECT_EQ(AddDays(20230301, -1), 20230228);
  EXPECT_EQ(AddDays(20240301, -1), 20240229);
  EXPECT_EQ(AddDays(20231231, 1), 20240101);
  EXPECT_EQ(AddDays(20230230, 1), 0);  // invalid input
  EXPECT_EQ(DayOfWeek(20230210), 4);   // Friday
  EXPECT_EQ(DayOfWeek(20240101), 0);   // Monday
  EXPECT_EQ(DayOfWeek(20200229), 5);   // Saturday
  EXPECT_EQ(AddMonths(20230131, 1), 20230228);
  EXPECT_EQ(AddMonths(20230115, -1), 20221215);
  EXPECT_EQ(AddMonths(20240229, -12), 20230228);
  EXPECT_EQ(MakeDate(2023, 2, 29), 0);
  EXPECT_TRUE(IsValidDate(20240229));
  EXPECT_FALSE(IsValidDate(0));
}

struct Case {
  const char* sentence;
  Date expected;
  DateGranularity granularity;
};

void ExpectResolves(const std::vector<Case>& cases, Date pub) {
  for (const Case& c : cases) {
    DateGranularity g;
    EXPECT_EQ(ResolveEventDate(c.sentence, pub, &g), c.expected) << c.sentence;
    EXPECT_EQ(g, c.granularity) << c.sentence;
  }
}

TEST(DatesResolveTest, ExplicitDates) {
  ExpectResolves(
      {
          {"The talks took place on February 3, 2023 in Seoul.", 20230203, DateGranularity::kDay},
          {"Talks were held on 3 Feb 2023.", 20230203, DateGranularity::kDay},
          {"The treaty was signed on 2022-12-05.", 20221205, DateGranularity::kDay},
          {"The minister arrived on Feb. 7, 2023.", 20230207, DateGranularity::kDay},
          {"On the 7th of February, 2023 the embassy closed.", 20230207, DateGranularity::kDay},
          {"Troops crossed the border on February 7th.", 20230207, DateGranularity::kDay},
          {"Troops crossed the border on 24 February.", 20220224, DateGranularity::kDay},
          {"The agreement of November 13, 2013 was suspended." /* dates the agreement */, 20230210,
           DateGranularity::kPublication},
          {"Seoul imposed sanctions in March 2022.", 20220301, DateGranularity::kMonth},
          {"Trade fell in January-August 2022.", 20220801, DateGranularity::kMonth},
          {"Seoul joined the sanctions in 2022.", 20220101, DateGranularity::kYear},
      },
      kFri);
}

TEST(DatesResolveTest, RelativeDays) {
  ExpectResolves(
      {
          {"The ambassador said yesterday that talks would resume.", 20230209,
           DateGranularity::kDay},
          {"Police arrested 12 protesters today.", kFri, DateGranularity::kDay},
          {"Rebels shelled the town the day before yesterday.", 20230208, DateGranularity::kDay},
          {"The president will visit Moscow tomorrow.", 20230211, DateGranularity::kDay},
          {"Talks collapsed three days ago.", 20230207, DateGranularity::kDay},
          {"Talks collapsed 10 days ago.", 20230131, DateGranularity::kDay},
          {"The minister said this morning that aid would continue.", kFri, DateGranularity::kDay},
      },
      kFri);
}

TEST(DatesResolveTest, Weekdays) {
  ExpectResolves(
      {
          {"Russia accused Seoul on Monday of hostility.", 20230206, DateGranularity::kDay},
          {"On Friday, the ministry protested.", kFri, DateGranularity::kDay},
          {"The embassy said last Friday it would close.", 20230203, DateGranularity::kDay},
          {"Saturday's attack killed four.", 20230204, DateGranularity::kDay},
          {"The leaders will meet on Monday.", 20230213, DateGranularity::kDay},
          {"The leaders meet next Friday.", 20230217, DateGranularity::kDay},
          {"Protesters gathered at the weekend.", 20230204, DateGranularity::kDay},
          {"Protesters gathered last weekend.", 20230204, DateGranularity::kDay},
      },
      kFri);
}

TEST(DatesResolveTest, WeeksMonthsYears) {
  ExpectResolves(
      {
          // Weeks start on their Monday: publication - 7 is Friday 3 February.
          {"Seoul expelled a diplomat last week.", 20230130, DateGranularity::kWeek},
          {"Two weeks ago the army withdrew.", 20230123, DateGranularity::kWeek},
          {"The government decided last month to tighten controls.", 20230101,
           DateGranularity::kMonth},
          {"Zinoviev, who took office earlier this month, spoke.", 20230201,
           DateGranularity::kMonth},
          {"Exports fell last year.", 20220101, DateGranularity::kYear},
          {"Trade has recovered this year.", 20230101, DateGranularity::kYear},
          {"Russia invaded Ukraine in February.", 20230201, DateGranularity::kMonth},
          {"The ballet performed in Seoul in March.", 20220301, DateGranularity::kMonth},
          {"The ballet performed in Seoul last May.", 20220501, DateGranularity::kMonth},
          {"The ballet will perform in Seoul in April.", 20230401, DateGranularity::kMonth},
          {"The summit is scheduled for next March.", 20230301, DateGranularity::kMonth},
      },
      kFri);
}

TEST(DatesResolveTest, MostPreciseExpressionWins) {
  ExpectResolves(
      {
          {"On Monday the minister said exports fell last year.", 20230206, DateGranularity::kDay},
          {"Last month's deal, signed on January 20, is in force.", 20230120,
           DateGranularity::kDay},
      },
      kFri);
}

TEST(DatesResolveTest, NothingAppliesGivesPublication) {
  ExpectResolves(
      {
          {"Theresa May said the vote would go ahead.", kFri, DateGranularity::kPublication},
          {"Thousands march in the capital.", kFri, DateGranularity::kPublication},
          {"Police said 2022 people were detained.", kFri, DateGranularity::kPublication},
          {"The talks may resume.", kFri, DateGranularity::kPublication},
          {"", kFri, DateGranularity::kPublication},
          {"Protesters said they will not leave.", kFri, DateGranularity::kPublication},
      },
      kFri);
  EXPECT_EQ(ResolveEventDate("Talks were held yesterday.", 0), 0);
}

TEST(DatesResolveTest, UnicodeAndPunctuationDoNotConfuseTheLexer) {
  ExpectResolves(
      {
          {"«Talks» were held on Monday — officials said.", 20230206, DateGranularity::kDay},
          {"Erdoğan met Putin on 3 February.", 20230203, DateGranularity::kDay},
          {"It happened at 10:30 on March 1, 2022.", 20220301, DateGranularity::kDay},
      },
      kFri);
}

TEST(DatesResolveTest, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 2000; ++i)
        wrong[t] += ResolveEventDate("Russia accused Seoul on Monday.", kFri) != 20230206;
    });
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

Document TextDocument(std::string text) {
  Document doc;
  doc.text = std::move(text);
  return doc;
}

TEST(DatesInferTest, MetadataWins) {
  Document doc = TextDocument("Talks resumed on January 3, 2020.");
  doc.date = 20230210;
  doc.date_source = DateSource::kMetadata;
  const DateGuess g = InferPublicationDate(doc);
  EXPECT_EQ(g.date, 20230210);
  EXPECT_EQ(g.confidence, 1.0);
  EXPECT_EQ(g.reason, "metadata");
}

TEST(DatesInferTest, NewestPastDateInText) {
  const DateGuess g = InferPublicationDate(TextDocument(
      "The agreement of November 13, 2013 was suspended. On February 9, 2023 the ministry "
      "said talks would resume on March 1, 2023. Officials met on Thursday."));
  EXPECT_EQ(g.date, 20230209);
  EXPECT_GE(g.confidence, 0.4);
  EXPECT_NE(g.reason.find("2023-02-09"), std::string::npos) << g.reason;
}

TEST(DatesInferTest, ThisYearWithFutureYear) {
  const DateGuess g = InferPublicationDate(TextDocument(
      "Trade fell in 2024. Contacts will continue in 2025. Korea hosts the summit this year."));
  EXPECT_EQ(g.date / 10000, 2025);
  EXPECT_LE(g.confidence, 0.3);
}

// Issue 13: a month or a year alone had the right year for 2 of 26 and 4 of 103 Guardian
// articles; such a text is left undated rather than given an invented date.
TEST(DatesInferTest, OnlyMonthsOrYearsAreTooThinToGuess) {
  DateGuess g = InferPublicationDate(
      TextDocument("In March 2022 the plant halted. Last month the company sold it."));
  EXPECT_EQ(g.date, 0);
  EXPECT_EQ(g.confidence, 0);
  EXPECT_NE(g.reason.find("too thin"), std::string::npos) << g.reason;
  g = InferPublicationDate(TextDocument("The plant, built in 1962, halted in 2015."));
  EXPECT_EQ(g.date, 0);
  EXPECT_EQ(g.precision, DatePrecision::kUnknown);
}

TEST(DatesResolveTest, DatesOfOtherThingsAreIgnored) {
  const Date pub = 20250301;
  EXPECT_EQ(ResolveEventDate("In 2024 many Russians visited, under the agreement of November 13, "
                             "2013.",
                             pub),
            20240101);
  EXPECT_EQ(ResolveEventDate("Ties, unbroken since 1992, were damaged.", pub), pub);
  EXPECT_EQ(ResolveEventDate("Relations after their establishment in 1990 suffered.", pub), pub);
  EXPECT_EQ(ResolveEventDate("Seoul refused in 1990 to sign.", pub), 19900101);
}

TEST(DatesInferTest, LastYearWithANamedYearIsTwoYearsOn) {
  // Had 2022 been last year, the writer would have said "last year".
  const DateGuess g = InferPublicationDate(TextDocument(
      "Seoul joined the sanctions in 2022. Only one car in 50 sold last year was Korean."));
  EXPECT_EQ(g.date, 20240101);
  EXPECT_LE(g.confidence, 0.2);
  // Without "last year" a year alone is too thin to guess.
  EXPECT_EQ(InferPublicationDate(TextDocument("Seoul joined the sanctions in 2022.")).date, 0);
}

TEST(DatesInferTest, NothingToGoOn) {
  const DateGuess g =
      InferPublicationDate(TextDocument("Adoption is slated for February, officials said."));
  EXPECT_EQ(g.date, 0);
  EXPECT_EQ(g.confidence, 0);
  EXPECT_FALSE(g.reason.empty());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seed articles without a date header: guesses must be low-confidence and plausible.
TEST(DatesInferTest, SeedArticlesWithoutDates) {
  const std::string dir = PARLEY_SOURCE_DIR "/../shared/seeds/";
  struct Seed {
    const char* file;
    int min_year, max_year;  // 0: no date expected
  };
  for (const Seed& s :
       {Seed{"002_fb5b1b1d0730f64d.txt", 0, 0}, Seed{"003_0c4bba524306be0c.txt", 2025, 2025},
        Seed{"004_c3df02171b1dda15.txt", 2022, 2024}}) {
    const std::string content = ReadFile(dir + s.file);
    ASSERT_FALSE(content.empty()) << s.file;
    Document doc;
    ParsePlainTextArticle(
        content, s.file, s.file, [](std::string_view) {}, &doc);
    ASSERT_EQ(doc.date, 0) << s.file;
    const DateGuess g = InferPublicationDate(doc);
    std::printf("%s: %s confidence %.2f (%s)\n", s.file, FormatDate(g.date).c_str(), g.confidence,
                g.reason.c_str());
    if (s.min_year == 0) {
      EXPECT_EQ(g.date, 0) << s.file;
      continue;
    }
    EXPECT_GE(g.date / 10000, s.min_year) << s.file;
    EXPECT_LE(g.date / 10000, s.max_year) << s.file;
    EXPECT_LE(g.confidence, 0.25) << s.file;
  }
}

}  // namespace
}  // namespace parley::dates

namespace parley::dates {
namespace {

// Hides each Guardian article's date and infers it from the text alone. Prints how often
// the guess lands in the right year / within 31 days / within 7 days. Guardian articles
// name old dates with their year and recent ones without, so most text-only guesses are
// lower bounds; what must hold is that the confidence tells the good guesses apart.
TEST(DatesInferGuardianTest, ConfidenceSeparatesGoodGuesses) {
  std::unique_ptr<DocumentReader> reader;
  ReaderOptions options;
  options.format = InputFormat::kJsonl;
  ASSERT_TRUE(
      DocumentReader::Open({PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl"},
                           options, &reader)
          .ok());
  Document doc;
  int total = 0, guessed = 0, same_year = 0, within_month = 0, within_week = 0, late = 0;
  int confident = 0, confident_right = 0;  // guesses with confidence >= 0.4
  double confidence_right = 0, confidence_wrong = 0;
  while (reader->Next(&doc)) {
    const Date truth = doc.date;
    doc.date = 0;
    doc.date_source = DateSource::kUnknown;
    const DateGuess g = InferPublicationDate(doc);
    ++total;
    if (g.date == 0) continue;
    ++guessed;
    const bool year_ok = g.date / 10000 == truth / 10000;
    if (std::getenv("PARLEY_DATES_DEBUG"))
      std::printf("%s truth %d guess %d conf %.2f %s\n", doc.id.c_str(), truth, g.date,
                  g.confidence, g.reason.c_str());
    same_year += year_ok;
    (year_ok ? confidence_right : confidence_wrong) += g.confidence;
    if (g.confidence >= 0.4) {
      ++confident;
      confident_right += year_ok;
    }
    int diff = 0;
    for (Date d = std::min(g.date, truth); d < std::max(g.date, truth) && diff < 400; ++diff)
      d = AddDays(d, 1);
    within_month += diff <= 31;
    within_week += diff <= 7;
    late += g.date > truth;
  }
  std::printf(
      "DatesInferGuardian: %d docs, %d guessed, year right %d, within 31 days %d, "
      "within 7 days %d, guess after truth %d; mean confidence right-year %.2f, "
      "wrong-year %.2f; confidence >= 0.4: %d, right year %d\n",
      total, guessed, same_year, within_month, within_week, late,
      same_year ? confidence_right / same_year : 0,
      guessed - same_year ? confidence_wrong / (guessed - same_year) : 0, confident,
      confident_right);
  ASSERT_GT(total, 200);
  // Confidence must mean something: confident guesses are right far more often.
  EXPECT_GE(confident_right * 10, confident * 4);
  // Where the evidence is thin (a month or a year alone: 2 of 26 and 4 of 103 right) there
  // is no guess (issue 13); what is guessed has the right year at least a third of the time
  // (27 of 186 before).
  EXPECT_LT(guessed, 70);
  EXPECT_GE(same_year * 3, guessed);
  EXPECT_GT(confidence_right / std::max(same_year, 1),
            confidence_wrong / std::max(guessed - same_year, 1));
}

}  // namespace
}  // namespace parley::dates
