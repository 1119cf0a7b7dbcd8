#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/syntax.h"

namespace parley::syntax {
namespace {

constexpr char kTwoSentences[] =
    "# sent_id = a-1\n"
    "# text = Rebels can't win.\n"
    "1\tRebels\trebel\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\twin\twin\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

TEST(ConlluTest, ReadsWordsAndCommentsSkippingRangesAndEmptyNodes) {
  std::vector<Sentence> s;
  ASSERT_TRUE(ReadConllu(kTwoSentences, "t.conllu", &s).ok());
  ASSERT_EQ(s.size(), 2u);  // the last sentence needs no trailing blank line
  EXPECT_EQ(s[0].comments,
            (std::vector<std::string>{"# sent_id = a-1", "# text = Rebels can't win."}));
  ASSERT_EQ(s[0].words.size(), 5u);
  EXPECT_EQ(s[0].words[1].form, "ca");
  EXPECT_EQ(s[0].words[2].form, "n't");
  EXPECT_EQ(s[0].words[3].head, 0);
  EXPECT_EQ(s[0].words[3].misc, "SpaceAfter=No");
  EXPECT_EQ(s[0].words[4].deprel, "punct");
  EXPECT_EQ(s[0].words[0].feats, "Number=Plur");
  EXPECT_EQ(s[1].words[0].upos, "INTJ");
}

TEST(ConlluTest, WriteThenReadGivesTheSameSentences) {
  std::vector<Sentence> s;
  ASSERT_TRUE(ReadConllu(kTwoSentences, "t", &s).ok());
  std::string text;
  for (const Sentence& x : s) AppendConllu(x, &text);
  EXPECT_NE(text.find("2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_\n"), std::string::npos);
  EXPECT_EQ(text.find("2-3"), std::string::npos);
  std::vector<Sentence> again;
  ASSERT_TRUE(ReadConllu(text, "t2", &again).ok());
  std::string text2;
  for (const Sentence& x : again) AppendConllu(x, &text2);
  EXPECT_EQ(text, text2);
}

TEST(ConlluTest, CrlfAndUnderscoreHead) {
  std::vector<Sentence> s;
  ASSERT_TRUE(ReadConllu("1\ta\ta\tX\tX\t_\t_\t_\t_\t_\r\n\r\n", "t", &s).ok());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].head, -1);
  EXPECT_EQ(s[0].words[0].misc, "_");
}

std::string FirstError(const std::string& text) {
  std::vector<Sentence> s;
  const Status st = ReadConllu(text, "bad.conllu", &s);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  return st.message();
}

TEST(ConlluTest, MalformedLinesNameFileAndLine) {
  EXPECT_EQ(FirstError("# c\n1\ta\ta\tX\tX\t_\t0\troot\t_\n"),
            "bad.conllu:2: expected 10 tab-separated fields, found 9");
  EXPECT_EQ(FirstError("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\t_\n"),
            "bad.conllu:1: expected 10 tab-separated fields, found more");
  EXPECT_EQ(FirstError("x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"), "bad.conllu:1: bad ID 'x'");
  EXPECT_EQ(FirstError("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n"),
            "bad.conllu:2: ID 3 out of sequence (expected 2)");
  EXPECT_EQ(FirstError("1\ta\ta\tX\tX\t_\tzero\troot\t_\t_\n"), "bad.conllu:1: bad HEAD 'zero'");
  EXPECT_EQ(FirstError("\n\n1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n"),
            "bad.conllu:3: HEAD 7 beyond the sentence's 2 words");
  EXPECT_EQ(FirstError("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n# late\n"),
            "bad.conllu:2: comment line inside a sentence");
  EXPECT_EQ(FirstError("1\t\ta\tX\tX\t_\t0\troot\t_\t_\n"), "bad.conllu:1: empty FORM");
  EXPECT_EQ(FirstError("1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n"), "bad.conllu:1: bad ID '1-x'");
}

TEST(ConlluTest, WithAnErrorListBadSentencesAreDroppedAndTheRestRead) {
  const std::string text =
      "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n"
      "1\tb\tb\tX\tX\t_\t0\n2\tc\tc\tX\tX\t_\t1\tdep\t_\t_\n\n"
      "1\td\td\tX\tX\t_\t0\troot\t_\t_\n";
  std::vector<Sentence> s;
  std::vector<std::string> errors;
  ASSERT_TRUE(ReadConllu(text, "f", &s, &errors).ok());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].words[0].form, "a");
  EXPECT_EQ(s[1].words[0].form, "d");
  EXPECT_EQ(errors, std::vector<std::string>{"f:3: expected 10 tab-separated fields, found 7"});
}

TEST(ConlluTest, MissingFileIsNotFound) {
  std::vector<Sentence> s;
  const Status st = ReadConlluFile("/nonexistent/x.conllu", &s);
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_NE(st.message().find("/nonexistent/x.conllu"), std::string::npos);
}

TEST(ConlluTest, ReadsTheEwtDevFile) {
  std::vector<Sentence> s;
  const Status st = ReadConlluFile("../shared/treebanks/en_ewt-ud-dev.conllu", &s);
  if (st.code() == Status::Code::kNotFound) GTEST_SKIP() << st.message();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(s.size(), 2001u);
}

}  // namespace
}  // namespace parley::syntax
