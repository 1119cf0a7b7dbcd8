// Sentence-length limits of the coder: over-long "sentences" (a page of commas, a text with
// no punctuation) are cut into pieces of at most kMaxSentenceTokens tokens, coded
// correctly, reported, and never crash or cost more than linear time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/code_for_tests.h"
#include "parley/coder.h"
#include "parley/reader.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

class CoderLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::TempDir files("parley_coder_limits_test");
    testing::BuildTabariDictionary(files, "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nSEOUL [KOR]\n",
                                   "AMBASSADOR_ [~GOV]\nSOLDIERS_ [~MIL]\n",
                                   "ATTACK [190]\nCRITICI [111]\n", &dict_);
  }

  // "source target code" per event; the full events and warnings when asked for.
  std::vector<std::string> Code(const std::string& text, std::vector<Event>* full = nullptr,
                                std::vector<std::string>* warnings = nullptr) {
    Document doc;
    doc.id = "d1";
    doc.origin = "in.jsonl";
    doc.origin_line = 7;
    doc.date = 20230101;
    doc.text = text;
    testing::Coded coded = testing::CodeForTests(Coder(dict_, {}), doc);
    if (full) *full = coded.events;
    if (warnings) warnings->insert(warnings->end(), coded.warnings.begin(), coded.warnings.end());
    return coded.lines;
  }

  std::shared_ptr<const Dictionary> dict_;
};

using V = std::vector<std::string>;

const char kClause[] = " the ambassadors of Arnor, Gondor and Rohan criticised Seoul.";
const V kClauseEvents = {"ARNGOV KOR 111", "GONGOV KOR 111", "ROHGOV KOR 111"};

// Every event's offsets point at its own words inside its sentence.
void ExpectOffsetsInSentence(const std::vector<Event>& events) {
  for (const Event& e : events) {
    for (const ActorSpan* a : {&e.source, &e.target}) {
      ASSERT_GE(a->start, 0);
      ASSERT_LE(static_cast<size_t>(a->end), e.sentence.size());
      EXPECT_EQ(e.sentence.substr(a->start, a->end - a->start), a->text);
    }
    EXPECT_EQ(e.sentence.substr(e.verb.start, e.verb.end - e.verb.start), e.verb.text);
  }
}

TEST_F(CoderLimitsTest, ShortClauseCodesEveryMemberWithTheSharedAgent) {
  EXPECT_EQ(Code(std::string(kClause + 1)), kClauseEvents);
}

// Unit indices above 32,767 wrapped in int16_t: the agent of "the ambassadors of" was taken
// from another unit and the members after the first lost it (CHN instead of CHNGOV).
TEST_F(CoderLimitsTest, SentenceOf33000TokensCodesTheClauseAtItsEnd) {
  std::vector<Event> events;
  std::vector<std::string> warnings;
  EXPECT_EQ(Code(std::string(33000, ',') + kClause, &events, &warnings), kClauseEvents);
  ExpectOffsetsInSentence(events);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].sentence, std::string(kClause + 1));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "in.jsonl:7: document d1: sentence at byte 0 has 33011 tokens, more than the 500 "
            "the coder takes; coded as 1 piece");
}

// Above 65,535 units the int16_t indices went negative and FindCompounds read before the
// unit buffer (a heap overflow under ASan, an abort or bad_alloc otherwise).
TEST_F(CoderLimitsTest, SentenceOf66000TokensCodesTheClauseAtItsEnd) {
  std::vector<Event> events;
  std::vector<std::string> warnings;
  EXPECT_EQ(Code(std::string(66000, ',') + kClause, &events, &warnings), kClauseEvents);
  ExpectOffsetsInSentence(events);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST_F(CoderLimitsTest, RestOfTheDocumentIsCodedAfterAGiantSentence) {
  std::vector<Event> events;
  std::vector<std::string> warnings;
  const std::string text =
      "Arnor attacked Gondor. " + std::string(66000, ',') + kClause + " Rohan criticised Arnor.";
  EXPECT_EQ(Code(text, &events, &warnings), (V{"ARN GON 190", "ARNGOV KOR 111", "GONGOV KOR 111",
                                               "ROHGOV KOR 111", "ROH ARN 111"}));
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].sentence_index, 0);
  EXPECT_EQ(events[1].sentence_index, 1);
  EXPECT_EQ(events[4].sentence_index, 2);
  EXPECT_EQ(events[4].sentence, "Rohan criticised Arnor.");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("sentence at byte 23 has"), std::string::npos) << warnings[0];
}

// A megabyte with no punctuation at all: cut between words into pieces within the limit,
// each coded; completes in linear time (under ASan too) with the events of every piece.
TEST_F(CoderLimitsTest, MegabyteWithoutPunctuationIsCodedPieceByPiece) {
  // Ten words: every piece of 500 tokens starts with the phrase.
  const std::string phrase = "then Arnor soldiers attacked Gondor near the old river bank ";
  std::string text;
  while (text.size() < (1u << 20)) text += phrase;
  std::vector<text::Range> pieces;
  std::vector<LongSentence> long_sentences;
  SplitSentencesForCoding(text, &pieces, &long_sentences);
  const size_t words = text.size() / phrase.size() * 10;
  ASSERT_EQ(long_sentences.size(), 1u);
  EXPECT_EQ(long_sentences[0].tokens, words);
  EXPECT_EQ(pieces.size(), (words + kMaxSentenceTokens - 1) / kMaxSentenceTokens);
  EXPECT_EQ(long_sentences[0].pieces, pieces.size());
  text::TokenizedSentence ts;
  for (const text::Range& r : pieces) {
    text::Tokenize(std::string_view(text).substr(r.start, r.end - r.start), &ts);
    ASSERT_LE(ts.tokens.size(), static_cast<size_t>(kMaxSentenceTokens));
  }
  std::vector<Event> events;
  std::vector<std::string> warnings;
  std::vector<std::string> codes = Code(text, &events, &warnings);
  // Each piece codes its first clause (CODE BY clause): at least one event per piece.
  EXPECT_GE(events.size(), pieces.size());
  for (const std::string& c : codes) EXPECT_EQ(c, "ARNMIL GON 190");
  EXPECT_EQ(warnings.size(), 1u);
  ExpectOffsetsInSentence(events);
}

TEST_F(CoderLimitsTest, CutsPreferClauseMarksAndDropPunctuationRuns) {
  // 300 words, a comma, 300 words: one cut, at the comma.
  std::string words;
  for (int i = 0; i < 300; ++i) words += "word ";
  const std::string text = words + ", " + words;
  std::vector<text::Range> pieces;
  std::vector<LongSentence> long_sentences;
  SplitSentencesForCoding(text, &pieces, &long_sentences);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(text.substr(pieces[0].start, pieces[0].end - pieces[0].start).back(), ',');
  EXPECT_EQ(text.substr(pieces[1].start, 4), "word");
  ASSERT_EQ(long_sentences.size(), 1u);
  EXPECT_EQ(long_sentences[0].tokens, 601u);
}

TEST_F(CoderLimitsTest, HyphenPiecesCountTowardsTheLimit) {
  // 300 tokens of three pieces each: 900 coder tokens in 300 text tokens.
  std::string text;
  for (int i = 0; i < 300; ++i) text += "pro-Arnor-backed ";
  std::vector<text::Range> pieces;
  SplitSentencesForCoding(text, &pieces, nullptr);
  ASSERT_EQ(pieces.size(), 2u);  // 166 + 134 words
  // A single word of more pieces than the limit cannot be cut: it is skipped, reported.
  std::string word = "Arnor";
  for (int i = 0; i < kMaxSentenceTokens; ++i) word += "-Gondor";
  std::vector<std::string> warnings;
  EXPECT_EQ(Code("Arnor attacked Gondor. " + word + " ok.", nullptr, &warnings), V{"ARN GON 190"});
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[1].find("pieces; skipped"), std::string::npos) << warnings[1];
}

TEST_F(CoderLimitsTest, CodeSentenceDeclinesOverLongSentences) {
  Coder coder(dict_, {});
  CoderScratch scratch;
  std::vector<Event> events;
  std::string text = std::string(2 * kMaxSentenceTokens, ',') + kClause;
  EXPECT_EQ(coder.CodeSentence(text, Event{}, &scratch, &events), SentenceOutcome::kTooLong);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(coder.CodeSentence(kClause + 1, Event{}, &scratch, &events), SentenceOutcome::kCoded);
  EXPECT_EQ(events.size(), 3u);
}

// No real sentence reaches the limit: for the Guardian sample and the seed articles the
// coder's sentences are exactly the splitter's.
TEST(CoderLimitsCorpusTest, RealArticlesAreNeverCut) {
  std::unique_ptr<DocumentReader> reader;
  ASSERT_TRUE(
      DocumentReader::Open({PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl",
                            PARLEY_SOURCE_DIR "/../shared/seeds"},
                           ReaderOptions{}, &reader)
          .ok());
  Document doc;
  std::vector<text::Range> split, coded;
  std::vector<LongSentence> long_sentences;
  size_t docs = 0, sentences = 0;
  while (reader->Next(&doc)) {
    text::SplitSentences(doc.text, &split);
    SplitSentencesForCoding(doc.text, &coded, &long_sentences);
    ASSERT_TRUE(long_sentences.empty()) << doc.id;
    ASSERT_EQ(coded.size(), split.size()) << doc.id;
    for (size_t i = 0; i < split.size(); ++i) {
      ASSERT_EQ(coded[i].start, split[i].start);
      ASSERT_EQ(coded[i].end, split[i].end);
    }
    ++docs;
    sentences += split.size();
  }
  EXPECT_GT(docs, 200u);
  EXPECT_GT(sentences, 10000u);
}

}  // namespace
}  // namespace parley
