#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::text {
namespace {

TEST(TextCleanTest, AsciiPassesThroughUnchanged) {
  std::vector<TextIssue> issues;
  EXPECT_EQ(CleanText("Russia is ready.\tSeoul agrees.\n", &issues),
            "Russia is ready.\tSeoul agrees.\n");
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(CleanText("", nullptr), "");
}

TEST(TextCleanTest, LineEndingsAndControls) {
  EXPECT_EQ(CleanText("a\r\nb\rc\n", nullptr), "a\nb\nc\n");
  EXPECT_EQ(CleanText(std::string("a\0b\x01"
                                  "c\x1B\x7F"
                                  "d",
                                  8),
                      nullptr),
            "a b c  d");
  EXPECT_EQ(CleanText("\r\n\r\n", nullptr), "\n\n");
}

TEST(TextCleanTest, InvalidUtf8IsReplacedAndReported) {
  std::vector<TextIssue> issues;
  // Lone continuation byte at 2, truncated 3-byte sequence at 6, invalid lead 0xFF at 9.
  const std::string raw =
      "ab\x80"
      "cd\xE2\x80"
      "e\xFF";
  EXPECT_EQ(CleanText(raw, &issues), "ab\uFFFDcd\uFFFDe\uFFFD");
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].offset, 2u);
  EXPECT_NE(issues[0].message.find("0x80"), std::string::npos);
  EXPECT_EQ(issues[1].offset, 5u);
  EXPECT_NE(issues[1].message.find("0xE2 0x80"), std::string::npos);
  EXPECT_EQ(issues[2].offset, 8u);
}

TEST(TextCleanTest, RejectsOverlongSurrogatesAndOutOfRange) {
  std::vector<TextIssue> issues;
  // Overlong "/" (C0 AF), a UTF-16 surrogate (ED A0 80), and > U+10FFFF (F4 90 80 80).
  const std::string raw = "\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80";
  const std::string cleaned = CleanText(raw, &issues);
  EXPECT_EQ(cleaned.find("\xC0"), std::string::npos);
  EXPECT_EQ(cleaned.find("\xED\xA0"), std::string::npos);
  EXPECT_EQ(cleaned.find("\xF4\x90"), std::string::npos);
  // Each maximal ill-formed subpart is one U+FFFD (here every byte stands alone).
  EXPECT_EQ(issues.size(), 2u + 3u + 4u);
  EXPECT_EQ(issues[0].offset, 0u);
  EXPECT_EQ(issues[2].offset, 3u);
}

TEST(TextCleanTest, TruncatedSequenceAtEnd) {
  std::vector<TextIssue> issues;
  EXPECT_EQ(CleanText("Seoul\xE2\x80", &issues), "Seoul\uFFFD");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].offset, 5u);
}

TEST(TextCleanTest, ValidMultibyteKept) {
  std::vector<TextIssue> issues;
  const std::string s = "“Привет” – Erdoğan 😀 €";
  EXPECT_EQ(CleanText(s, &issues), s);
  EXPECT_TRUE(issues.empty());
}

TEST(TextCleanTest, NormalizesToNfc) {
  // e + combining acute -> é; A + combining ring -> Å.
  EXPECT_EQ(CleanText("Cafe\u0301 A\u030A", nullptr), "Caf\u00E9 \u00C5");
  // Already NFC text is returned as is.
  EXPECT_EQ(CleanText("Caf\u00E9", nullptr), "Caf\u00E9");
}

TEST(TextCleanTest, ByteOrderMarkDropped) {
  EXPECT_EQ(CleanText("\xEF\xBB\xBFHello", nullptr), "Hello");
}

TEST(TextCleanTest, Cp1252ControlsMappedBack) {
  // U+0092 and U+0093/U+0094 are ’ “ ” that went through a Latin-1 decoder.
  EXPECT_EQ(CleanText("Russia\xC2\x92s \xC2\x93"
                      "ally\xC2\x94",
                      nullptr),
            "Russia\u2019s \u201Cally\u201D");
  EXPECT_EQ(CleanText("a\xC2\x81"
                      "b",
                      nullptr),
            "a b");
}

TEST(TextCleanTest, IssuesMayBeNull) { EXPECT_EQ(CleanText("x\xFFy", nullptr), "x\uFFFDy"); }

}  // namespace
}  // namespace parley::text
