#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::text {
namespace {

std::vector<std::string> Norms(const TokenizedSentence& ts) {
  std::vector<std::string> out;
  for (const Token& t : ts.tokens) out.emplace_back(ts.Norm(t));
  return out;
}
std::vector<std::string> Texts(const TokenizedSentence& ts) {
  std::vector<std::string> out;
  for (const Token& t : ts.tokens) out.emplace_back(ts.Text(t));
  return out;
}

using Strings = std::vector<std::string>;

TokenizedSentence Tok(std::string_view s) {
  TokenizedSentence ts;
  Tokenize(s, &ts);
  return ts;
}

TEST(TextTokenizeTest, WordsAndPunctuation) {
  const TokenizedSentence ts = Tok("Russia is ready, Seoul said.");
  EXPECT_EQ(Norms(ts), (Strings{"RUSSIA", "IS", "READY", ",", "SEOUL", "SAID", "."}));
  EXPECT_EQ(ts.norm, "RUSSIA IS READY , SEOUL SAID .");
  EXPECT_EQ(ts.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(ts.tokens[3].kind, TokenKind::kPunct);
  EXPECT_TRUE(ts.tokens[0].capitalized);
  EXPECT_FALSE(ts.tokens[1].capitalized);
}

TEST(TextTokenizeTest, OffsetsMapBackToSourceBytes) {
  const std::string s = "  \u201CErdo\u011Fan\u2019s\u201D aide \u2013 3.5%  ";
  const TokenizedSentence ts = Tok(s);
  EXPECT_EQ(Texts(ts),
            (Strings{"\u201C", "Erdo\u011Fan", "\u2019s", "\u201D", "aide", "\u2013", "3.5", "%"}));
  EXPECT_EQ(Norms(ts), (Strings{"\"", "ERDOGAN", "'S", "\"", "AIDE", "-", "3.5", "%"}));
  for (const Token& t : ts.tokens) {
    EXPECT_LT(t.start, t.end);
    EXPECT_LE(t.end, s.size());
  }
  EXPECT_EQ(ts.tokens[1].start, 5u);  // two spaces + 3-byte opening quote
  EXPECT_EQ(ts.norm, "\" ERDOGAN 'S \" AIDE - 3.5 %");
}

TEST(TextTokenizeTest, NormIsJoinedBySingleSpaces) {
  const TokenizedSentence ts = Tok("a  b\t\nc");
  EXPECT_EQ(ts.norm, "A B C");
  EXPECT_EQ(ts.tokens[2].norm_start, 4u);
  EXPECT_EQ(ts.tokens[2].norm_len, 1u);
  EXPECT_EQ(Tok("").norm, "");
  EXPECT_TRUE(Tok("   ").tokens.empty());
}

TEST(TextTokenizeTest, AccentsFoldedToAscii) {
  EXPECT_EQ(Norms(Tok("Pe\u00F1a Nieto met M\u00FCller in S\u00E3o Paulo and \u0141\u00F3d\u017A")),
            (Strings{"PENA", "NIETO", "MET", "MULLER", "IN", "SAO", "PAULO", "AND", "LODZ"}));
  EXPECT_EQ(Norms(Tok("Stra\u00DFe \u00C6sir \u0152uvre \u00E9lys\u00E9e")),
            (Strings{"STRASSE", "AESIR", "OEUVRE", "ELYSEE"}));
  // Latin Extended-B and Additional go through ICU decomposition.
  EXPECT_EQ(Norms(Tok("Timi\u0219oara Nguy\u1EC5n")), (Strings{"TIMISOARA", "NGUYEN"}));
  // Combining marks left after NFC are dropped with their ASCII base.
  EXPECT_EQ(Norms(Tok("Cafe\u0301")), Strings{"CAFE"});
}

TEST(TextTokenizeTest, OtherScriptsUpperCased) {
  const TokenizedSentence ts =
      Tok("\u043F\u0443\u0442\u0438\u043D \u041F\u0443\u0442\u0438\u043D "
          "\u0627\u0644\u0623\u0633\u062F");
  EXPECT_EQ(Norms(ts), (Strings{"\u041F\u0423\u0422\u0418\u041D", "\u041F\u0423\u0422\u0418\u041D",
                                "\u0627\u0644\u0623\u0633\u062F"}));
  EXPECT_FALSE(ts.tokens[0].capitalized);
  EXPECT_TRUE(ts.tokens[1].capitalized);
  EXPECT_FALSE(ts.tokens[2].capitalized);
}

TEST(TextTokenizeTest, QuotesAndDashesFolded) {
  EXPECT_EQ(Norms(Tok("\u201Cyes\u201D \u2018no\u2019 \u00ABoui\u00BB a\u2014b 5\u22123 x--y")),
            (Strings{"\"", "YES", "\"", "'", "NO", "'", "\"", "OUI", "\"", "A", "-", "B", "5", "-",
                     "3", "X", "-", "Y"}));
}

TEST(TextTokenizeTest, HyphensAndApostrophesInsideWords) {
  EXPECT_EQ(Norms(Tok("Al-Assad met O'Brien and O\u2019Neill of al-Qa\u2019ida")),
            (Strings{"AL-ASSAD", "MET", "O'BRIEN", "AND", "O'NEILL", "OF", "AL-QA'IDA"}));
  EXPECT_EQ(Norms(Tok("the Russian -South Korean full-scale talks")),
            (Strings{"THE", "RUSSIAN", "-", "SOUTH", "KOREAN", "FULL-SCALE", "TALKS"}));
  EXPECT_EQ(Norms(Tok("non\u2011aligned")), Strings{"NON-ALIGNED"});
}

TEST(TextTokenizeTest, PossessivesAreSeparateTokens) {
  const TokenizedSentence ts = Tok("Russia's and Seoul\u2019s allies' views");
  EXPECT_EQ(Norms(ts), (Strings{"RUSSIA", "'S", "AND", "SEOUL", "'S", "ALLIES", "'", "VIEWS"}));
  EXPECT_EQ(Texts(ts)[1], "'s");
  EXPECT_EQ(Texts(ts)[4], "\u2019s");
  EXPECT_EQ(ts.tokens[1].kind, TokenKind::kWord);
  EXPECT_EQ(Norms(Tok("al-Qa'ida's leader")), (Strings{"AL-QA'IDA", "'S", "LEADER"}));
}

TEST(TextTokenizeTest, NegationContractionsTreebankStyle) {
  EXPECT_EQ(Norms(Tok("Seoul didn't agree")), (Strings{"SEOUL", "DID", "N'T", "AGREE"}));
  EXPECT_EQ(Norms(Tok("Moscow won\u2019t and can't, DON'T")),
            (Strings{"MOSCOW", "WO", "N'T", "AND", "CA", "N'T", ",", "DO", "N'T"}));
  const TokenizedSentence ts = Tok("didn't");
  EXPECT_EQ(Texts(ts), (Strings{"did", "n't"}));
}

TEST(TextTokenizeTest, OtherContractions) {
  EXPECT_EQ(Norms(Tok("They're sure we've won and I'm told he'd go; it'll rain")),
            (Strings{"THEY", "'RE", "SURE", "WE", "'VE", "WON", "AND", "I", "'M", "TOLD", "HE",
                     "'D", "GO", ";", "IT", "'LL", "RAIN"}));
  // A name ending in 'd is not a contraction.
  EXPECT_EQ(Norms(Tok("Sa'd spoke")), (Strings{"SA'D", "SPOKE"}));
}

TEST(TextTokenizeTest, AbbreviationsKeepTheirPeriods) {
  EXPECT_EQ(Norms(Tok("U.S. President George W. Bush met Mr. Putin and Gen. Lee")),
            (Strings{"U.S.", "PRESIDENT", "GEORGE", "W.", "BUSH", "MET", "MR.", "PUTIN", "AND",
                     "GEN.", "LEE"}));
  EXPECT_EQ(Norms(Tok("the U.N. and U.S.S.R at 10 a.m. on Feb. 10 in St. Louis")),
            (Strings{"THE", "U.N.", "AND", "U.S.S.R", "AT", "10", "A.M.", "ON", "FEB.", "10", "IN",
                     "ST.", "LOUIS"}));
  EXPECT_EQ(Norms(Tok("J.R.R. Tolkien of Samsung Co. Ltd.")),
            (Strings{"J.R.R.", "TOLKIEN", "OF", "SAMSUNG", "CO.", "LTD.", "."}));
}

TEST(TextTokenizeTest, SentenceFinalAbbreviationAlsoYieldsPeriod) {
  const std::string s = "Troops left the U.S.";
  const TokenizedSentence ts = Tok(s);
  EXPECT_EQ(Norms(ts), (Strings{"TROOPS", "LEFT", "THE", "U.S.", "."}));
  EXPECT_EQ(ts.tokens[3].end, s.size());
  EXPECT_EQ(ts.tokens[4].start, s.size() - 1);  // shares the period with "U.S."
  EXPECT_EQ(Norms(Tok("coming to the U.S.\u201D")),
            (Strings{"COMING", "TO", "THE", "U.S.", ".", "\""}));
  EXPECT_EQ(Norms(Tok("coming to the U.S., he said")),
            (Strings{"COMING", "TO", "THE", "U.S.", ",", "HE", "SAID"}));
}

TEST(TextTokenizeTest, PossessiveAfterAbbreviation) {
  EXPECT_EQ(Norms(Tok("the U.S.'s decision and Apple Inc.\u2019s plan")),
            (Strings{"THE", "U.S.", "'S", "DECISION", "AND", "APPLE", "INC.", "'S", "PLAN"}));
  EXPECT_EQ(Norms(Tok("U.S.-led forces")), (Strings{"U.S.", "-", "LED", "FORCES"}));
}

TEST(TextTokenizeTest, NoIsAnAbbreviationOnlyBeforeNumbers) {
  EXPECT_EQ(Norms(Tok("No. 10 Downing Street")), (Strings{"NO.", "10", "DOWNING", "STREET"}));
  EXPECT_EQ(Norms(Tok("John P. Smith, p. 5")), (Strings{"JOHN", "P.", "SMITH", ",", "P.", "5"}));
  EXPECT_EQ(Norms(Tok("The answer was No.")), (Strings{"THE", "ANSWER", "WAS", "NO", "."}));
}

TEST(TextTokenizeTest, OrdinaryFinalPeriodIsPunct) {
  const TokenizedSentence ts = Tok("It ended in May.");
  EXPECT_EQ(Norms(ts), (Strings{"IT", "ENDED", "IN", "MAY", "."}));
  EXPECT_EQ(ts.tokens.back().kind, TokenKind::kPunct);
  EXPECT_EQ(Norms(Tok("(R-S.C.) is")), (Strings{"(", "R-S.C.", ")", "IS"}));
}

TEST(TextTokenizeTest, Numbers) {
  const TokenizedSentence ts =
      Tok("1,000 troops, 2023, 3.5 percent, $10bn, 10:44, 1990s and 2023-02-10.");
  EXPECT_EQ(Norms(ts), (Strings{"1,000", "TROOPS", ",", "2023", ",", "3.5", "PERCENT", ",", "$",
                                "10BN", ",", "10:44", ",", "1990S", "AND", "2023-02-10", "."}));
  EXPECT_EQ(ts.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(ts.tokens[3].kind, TokenKind::kNumber);
  EXPECT_EQ(ts.tokens[5].kind, TokenKind::kNumber);
  EXPECT_EQ(ts.tokens[9].kind, TokenKind::kWord);
  EXPECT_EQ(ts.tokens[11].kind, TokenKind::kNumber);
  EXPECT_EQ(ts.tokens[13].kind, TokenKind::kWord);
  EXPECT_EQ(ts.tokens[15].kind, TokenKind::kNumber);
  EXPECT_FALSE(ts.tokens[0].capitalized);
}

TEST(TextTokenizeTest, TreebankAsciiQuotes) {
  const TokenizedSentence ts = Tok("condemned as`` unacceptable'' allegations");
  EXPECT_EQ(Norms(ts), (Strings{"CONDEMNED", "AS", "\"", "UNACCEPTABLE", "\"", "ALLEGATIONS"}));
  EXPECT_EQ(Texts(ts)[2], "``");
  EXPECT_EQ(Texts(ts)[4], "''");
}

TEST(TextTokenizeTest, HangingHyphenStaysOnItsWord) {
  EXPECT_EQ(Norms(Tok("an anti- Gondor parade")), (Strings{"AN", "ANTI-", "GONDOR", "PARADE"}));
  EXPECT_EQ(Norms(Tok("the war -")), (Strings{"THE", "WAR", "-"}));
}

TEST(TextTokenizeTest, MissingSpaceAfterPeriod) {
  EXPECT_EQ(Norms(Tok("RIA Novosti.Russia")), (Strings{"RIA", "NOVOSTI", ".", "RUSSIA"}));
  EXPECT_EQ(Norms(Tok("gu.com or Node.js")), (Strings{"GU.COM", "OR", "NODE.JS"}));
}

TEST(TextTokenizeTest, Ellipses) {
  EXPECT_EQ(Norms(Tok("wait... then \u2026 more")),
            (Strings{"WAIT", "...", "THEN", "...", "MORE"}));
}

TEST(TextTokenizeTest, ReusesBuffers) {
  TokenizedSentence ts;
  Tokenize("Russia is ready to resume a full-scale dialogue with South Korea.", &ts);
  const auto* tokens_data = ts.tokens.data();
  const auto* norm_data = ts.norm.data();
  Tokenize("Seoul agrees.", &ts);
  EXPECT_EQ(ts.tokens.size(), 3u);
  EXPECT_EQ(ts.norm, "SEOUL AGREES .");
  EXPECT_EQ(ts.tokens.data(), tokens_data);
  EXPECT_EQ(ts.norm.data(), norm_data);
}

TEST(TextTokenizeTest, SeedDatelineSentence) {
  const std::string s = "SEOUL, Feb 10 \u2013 RIA Novosti.";
  const TokenizedSentence ts = Tok(s);
  EXPECT_EQ(ts.norm, "SEOUL , FEB 10 - RIA NOVOSTI .");
  EXPECT_EQ(ts.Text(ts.tokens[4]), "\u2013");
  EXPECT_TRUE(ts.tokens[0].capitalized);
  EXPECT_EQ(ts.tokens[3].kind, TokenKind::kNumber);
}

TEST(TextTokenizeTest, InvalidBytesDoNotStall) {
  const TokenizedSentence ts =
      Tok(std::string("ab\xFF"
                      "cd\xE2",
                      6));
  EXPECT_FALSE(ts.tokens.empty());
  EXPECT_EQ(ts.tokens.back().end, 6u);
}

}  // namespace
}  // namespace parley::text

namespace parley::text {
namespace {

TEST(TextNormalizeWordTest, MatchesTokenNorms) {
  EXPECT_EQ(NormalizeWord("Erdo\u011Fan\u2019s"), "ERDOGAN'S");
  EXPECT_EQ(NormalizeWord("al-Qa\u2019ida"), "AL-QA'IDA");
  EXPECT_EQ(NormalizeWord("U.S."), "U.S.");
  EXPECT_EQ(NormalizeWord("non\u2011aligned"), "NON-ALIGNED");
  EXPECT_EQ(NormalizeWord("\u041F\u0443\u0442\u0438\u043D"), "\u041F\u0423\u0422\u0418\u041D");
  EXPECT_EQ(NormalizeWord(""), "");
  // The same word inside a sentence gets the same norm.
  TokenizedSentence ts;
  Tokenize("M\u00FCller and S\u00E3o", &ts);
  EXPECT_EQ(ts.Norm(ts.tokens[0]), NormalizeWord("M\u00FCller"));
  EXPECT_EQ(ts.Norm(ts.tokens[2]), NormalizeWord("S\u00E3o"));
}

TEST(TextNormalizeWordTest, CombiningMarksAfterNonLatinKept) {
  // A Cyrillic letter with a combining acute keeps its mark; a Latin one loses it.
  EXPECT_EQ(NormalizeWord("\u0430\u0301"), "\u0410\u0301");
  EXPECT_EQ(NormalizeWord("e\u0301"), "E");
}

}  // namespace
}  // namespace parley::text
