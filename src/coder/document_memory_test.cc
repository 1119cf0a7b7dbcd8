#include "coder/document_memory.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::entities {
namespace {

const std::vector<std::string> kRusGov = {"RUSGOV"};
const std::vector<std::string> kKorGov = {"KORGOV"};

std::string FirstCode(const Referent* r) { return r == nullptr ? "" : r->Codes()[0]; }

TEST(DocumentMemory, SurnameAndTitleOfAFullMention) {
  DocumentMemory m;
  m.Note(kRusGov, "AMBASSADOR", "KULIK", true, 0);
  EXPECT_EQ(FirstCode(m.BySurname("KULIK")), "RUSGOV");
  EXPECT_EQ(FirstCode(m.ByTitle("AMBASSADOR")), "RUSGOV");
  EXPECT_EQ(m.BySurname("ZINOVIEV"), nullptr);
  EXPECT_EQ(m.ByTitle("MINISTER"), nullptr);
  EXPECT_EQ(m.BySurname(""), nullptr);
}

TEST(DocumentMemory, TheLatestHolderOfATitleWins) {
  DocumentMemory m;
  m.Note(kRusGov, "AMBASSADOR", "KULIK", true, 0);
  m.Note(kKorGov, "AMBASSADOR", "LEE", true, 3);
  EXPECT_EQ(FirstCode(m.ByTitle("AMBASSADOR")), "KORGOV");
  // Naming Kulik again makes him the ambassador the next bare title means.
  m.Note(kRusGov, "", "KULIK", true, 5);
  EXPECT_EQ(FirstCode(m.ByTitle("AMBASSADOR")), "RUSGOV");
  EXPECT_EQ(m.size(), 2u);
}

TEST(DocumentMemory, AFullerMentionCompletesTheEntry) {
  DocumentMemory m;
  m.Note(kRusGov, "AMBASSADOR", "", true, 0);
  m.Note(kRusGov, "AMBASSADOR", "KULIK", true, 1);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(FirstCode(m.BySurname("KULIK")), "RUSGOV");
}

TEST(DocumentMemory, LastPersonWithinADistance) {
  DocumentMemory m;
  EXPECT_EQ(m.LastPerson(0, 3), nullptr);
  m.Note(kRusGov, "AMBASSADOR", "KULIK", true, 2);
  m.Note({std::vector<std::string>{"KOR"}}, "GOVERNMENT", "", false, 3);
  EXPECT_EQ(FirstCode(m.LastPerson(4, 3)), "RUSGOV");  // the body is not a "he"
  EXPECT_EQ(m.LastPerson(6, 3), nullptr);              // too far back
}

TEST(DocumentMemory, SpeakerOfAnOpenQuote) {
  DocumentMemory m;
  m.Note(kRusGov, "AMBASSADOR", "ZINOVIEV", true, 0);
  m.SetSpeaker(m.BySurname("ZINOVIEV")->Codes(), 0);
  EXPECT_EQ(FirstCode(m.Speaker(1, 2)), "RUSGOV");
  EXPECT_EQ(m.Speaker(3, 2), nullptr);
  m.SetSpeaker({}, 1);
  EXPECT_EQ(m.Speaker(1, 2), nullptr);
}

TEST(DocumentMemory, ClearForgetsAndReusesStorage) {
  DocumentMemory m;
  m.Note(kRusGov, "AMBASSADOR", "KULIK", true, 0);
  m.SetSpeaker(kRusGov, 0);
  m.Clear();
  EXPECT_EQ(m.size(), 0u);
  EXPECT_EQ(m.BySurname("KULIK"), nullptr);
  EXPECT_EQ(m.Speaker(0, 5), nullptr);
  m.Note(kKorGov, "MINISTER", "PARK", true, 0);
  EXPECT_EQ(FirstCode(m.BySurname("PARK")), "KORGOV");
  EXPECT_EQ(m.BySurname("KULIK"), nullptr);  // the reused slot kept no old name
}

TEST(DocumentMemory, MentionsWithoutNameOrTitleAreNotNoted) {
  DocumentMemory m;
  m.Note(kRusGov, "", "", true, 0);
  m.Note({}, "AMBASSADOR", "KULIK", true, 0);
  EXPECT_EQ(m.size(), 0u);
}

}  // namespace
}  // namespace parley::entities
