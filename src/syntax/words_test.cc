#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/syntax.h"
#include "parley/text.h"

namespace parley::syntax {
namespace {

std::vector<std::string> Words(std::string_view sentence) {
  text::TokenizedSentence tokens;
  text::Tokenize(sentence, &tokens);
  std::vector<WordSpan> words;
  UdWords(tokens, &words);
  std::vector<std::string> out;
  for (const WordSpan& w : words) {
    // Offsets point at the word's bytes in the sentence.
    EXPECT_EQ(sentence.substr(w.start, w.end - w.start), w.form);
    out.emplace_back(w.form);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(SyntaxWordsTest, CliticsAndPossessivesAreWords) {
  EXPECT_EQ(Words("Russia didn't attack Ukraine's army, they're sure."),
            (Strings{"Russia", "did", "n't", "attack", "Ukraine", "'s", "army", ",", "they", "'re",
                     "sure", "."}));
  EXPECT_EQ(Words("We can't and won\u2019t."),
            (Strings{"We", "ca", "n't", "and", "wo", "n\u2019t", "."}));
}

TEST(SyntaxWordsTest, HyphensSplitAsInUdEnglish) {
  EXPECT_EQ(Words("An anti-war, pro-Kremlin rally."),
            (Strings{"An", "anti", "-", "war", ",", "pro", "-", "Kremlin", "rally", "."}));
  EXPECT_EQ(Words("a well-known--and -risky move"),
            (Strings{"a", "well", "-", "known", "--", "and", "-", "risky", "move"}));
}

TEST(SyntaxWordsTest, FusedFormsAndNumbers) {
  EXPECT_EQ(
      Words("They cannot pay 3.5 million, gonna fail."),
      (Strings{"They", "can", "not", "pay", "3.5", "million", ",", "gon", "na", "fail", "."}));
}

TEST(SyntaxWordsTest, OffsetsSurviveMultibyteText) {
  const std::string s = "\u201CKyiv\u2019s\u201D forces \u2013 said";
  text::TokenizedSentence tokens;
  text::Tokenize(s, &tokens);
  std::vector<WordSpan> words;
  UdWords(tokens, &words);
  ASSERT_EQ(words.size(), 7u);
  EXPECT_EQ(words[0].start, 0u);
  EXPECT_EQ(words[1].form, "Kyiv");
  EXPECT_EQ(words[1].start, 3u);
  EXPECT_EQ(words[2].form, "\u2019s");
}

}  // namespace
}  // namespace parley::syntax
