// Malformed dictionary entries that used to load silently: verb patterns with unbalanced
// groups or brackets, patterns and synset members that use a synset nobody defined, and
// binary files passed as dictionaries. Each is one warning naming file and line (or one
// error naming the file), the entry is skipped, and the rest of the file still codes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

class StrictLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_strict_load_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    actors_ = Write("test.actors.txt", "RUSSIA [RUS]\nUKRAINE [UKR]\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Loads `files`, builds, and codes `sentence`; returns the rules of the events.
  std::vector<std::string> Code(const std::vector<std::string>& files,
                                const std::string& sentence) {
    dict::DictionaryBuilder builder;
    for (const std::string& f : files) {
      Status s = dict::LoadDictionaryFile(f, dict::FileKind::kUnknown, &builder, &warnings_);
      EXPECT_TRUE(s.ok()) << s.ToString();
    }
    std::shared_ptr<const Dictionary> dictionary;
    Status s = builder.Build(&dictionary, &warnings_);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<std::string> rules;
    if (!s.ok()) return rules;
    Coder coder(dictionary, {});
    CoderScratch scratch;
    Document doc;
    doc.id = "d";
    doc.text = sentence;
    std::vector<Event> events;
    coder.CodeDocument(doc, &scratch, &events);
    for (const Event& e : events) rules.push_back(e.rule);
    return rules;
  }

  // How many warnings start with "<path>:<line>: " and contain `part`.
  int WarningsAt(const std::string& path, int line, const std::string& part) const {
    const std::string prefix = path + ":" + std::to_string(line) + ": ";
    return static_cast<int>(std::count_if(warnings_.begin(), warnings_.end(), [&](const auto& w) {
      return w.rfind(prefix, 0) == 0 && w.find(part) != std::string::npos;
    }));
  }

  std::string Warnings() const {
    std::string all;
    for (const auto& w : warnings_) all += w + "\n";
    return all;
  }

  fs::path dir_;
  std::string actors_;
  std::vector<std::string> warnings_;
};

TEST_F(StrictLoadTest, PetrarchPatternsWithUnbalancedGroupsAreSkippedWithLine) {
  const std::string verbs = Write("test.verbs.txt",
                                  "--- ACCUSE [112] ---\n"
                                  "ACCUSE\n"
                                  "- * (OF {CORRUPTION $ [113]\n"   // 3: '{' and '(' unclosed
                                  "- * OF ) + [114]\n"              // 4: ')' closes nothing
                                  "- * (OF {AGGRESSION) } [115]\n"  // 5: ')' closes '{'
                                  "- * ] + [116]\n"                 // 6: stray ']'
                                  "- * + (OF {AGGRESSION}) [117]\n"
                                  "- * + [112]\n");
  const auto rules = Code({verbs, actors_}, "Russia accused Ukraine of aggression.");
  EXPECT_EQ(WarningsAt(verbs, 3, "unbalanced"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 4, "unbalanced ')'"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 5, "unbalanced ')'"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 6, "stray ']'"), 1) << Warnings();
  EXPECT_EQ(warnings_.size(), 4u) << Warnings();
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "test.verbs.txt:7");  // the balanced pattern after the bad ones
}

TEST_F(StrictLoadTest, PetrarchUndefinedSynsetsAreErrorsAndNeverFire) {
  const std::string verbs = Write("test.verbs.txt",
                                  "&CHARGE\n"
                                  "+CORRUPTION\n"
                                  "+&NEVERDEFINED\n"  // 3: member skipped, synset kept
                                  "+&LATER\n"         // defined below: fine
                                  "--- ACCUSE [112] ---\n"
                                  "ACCUSE\n"
                                  "- * + OF &MISSING [114]\n"  // 7: pattern skipped
                                  "- * + OF &CHARGE [113]\n"
                                  "- * + [112]\n"
                                  "&LATER\n"
                                  "+AGGRESSION\n");
  EXPECT_EQ(Code({verbs, actors_}, "Russia accused Ukraine of bribery."),
            std::vector<std::string>{"test.verbs.txt:9"});
  EXPECT_EQ(WarningsAt(verbs, 3, "unknown synset &NEVERDEFINED"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 7, "unknown synset &MISSING"), 1) << Warnings();
  EXPECT_EQ(warnings_.size(), 2u) << Warnings();
  warnings_.clear();
  EXPECT_EQ(Code({verbs, actors_}, "Russia accused Ukraine of corruption."),
            std::vector<std::string>{"test.verbs.txt:8"});
  warnings_.clear();
  EXPECT_EQ(Code({verbs, actors_}, "Russia accused Ukraine of aggression."),
            std::vector<std::string>{"test.verbs.txt:8"});  // through &LATER
}

TEST_F(StrictLoadTest, SynsetsThatUseEachOtherAreReportedNotLooped) {
  const std::string verbs = Write("test.verbs.txt",
                                  "&A\n+&B\n+CORRUPTION\n"
                                  "&B\n+&A\n+AGGRESSION\n"
                                  "--- ACCUSE [112] ---\nACCUSE\n"
                                  "- * + OF &A [113]\n");
  EXPECT_EQ(Code({verbs, actors_}, "Russia accused Ukraine of corruption."),
            std::vector<std::string>{"test.verbs.txt:9"});
  EXPECT_EQ(WarningsAt(verbs, 5, "uses &A"), 1) << Warnings();
  EXPECT_EQ(warnings_.size(), 1u) << Warnings();
}

TEST_F(StrictLoadTest, TabariPatternsWithUnbalancedBracketsOrSetsAreSkippedWithLine) {
  const std::string verbs = Write("test.verbs",
                                  "<SYNSETS>\n"
                                  "&CHARGE\n"
                                  "+CORRUPTION\n"
                                  "+&NOSUCHSET\n"  // 4
                                  "</SYNSETS>\n"
                                  "ACCUSE  [112]\n"
                                  "- * ] OF + [113]\n"        // 7: stray ']'
                                  "- * { OF | FOR + [114]\n"  // 8: '{' never closed
                                  "- * OF } + [115]\n"        // 9: '}' outside a set
                                  "- * [ OF + [116]\n"        // 10: '[' inside a code
                                  "- * &UNDEFINED + [117]\n"  // 11: undefined synset
                                  "- * + OF &CHARGE [118]\n"
                                  "- * + [112]\n");
  const auto rules = Code({verbs, actors_}, "Russia accused Ukraine of corruption.");
  EXPECT_EQ(WarningsAt(verbs, 4, "unknown synset &NOSUCHSET"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 7, "unbalanced"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 8, "'{'"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 9, "'}'"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 10, "unbalanced"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(verbs, 11, "unknown synset &UNDEFINED"), 1) << Warnings();
  EXPECT_EQ(warnings_.size(), 6u) << Warnings();
  EXPECT_EQ(rules, std::vector<std::string>{"test.verbs:12"});
}

TEST_F(StrictLoadTest, ImpossibleDatesInActorRolesAreReportedWithLine) {
  const std::string petrarch = Write("roles.actors.txt",
                                     "VLADIMIR_PUTIN [RUSGOV 20230230-20240101] [RUSELI]\n"
                                     "DMITRY_MEDVEDEV [RUSGOV >20190229] [RUSELI]\n");
  const std::string tabari =
      Write("roles.actors", "; TABARI\nPUTIN_ [RUSELI] [RUSGOV 230230-240101]\n");
  dict::DictionaryBuilder builder;
  for (const std::string& f : {petrarch, tabari})
    ASSERT_TRUE(dict::LoadDictionaryFile(f, dict::FileKind::kUnknown, &builder, &warnings_).ok());
  EXPECT_EQ(WarningsAt(petrarch, 1, "20230230"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(petrarch, 2, "20190229"), 1) << Warnings();
  EXPECT_EQ(WarningsAt(tabari, 2, "230230"), 1) << Warnings();
  EXPECT_EQ(warnings_.size(), 3u) << Warnings();
  ASSERT_EQ(builder.actors().size(), 3u);  // kept, without the impossible role
  for (const dict::ActorEntry& a : builder.actors()) EXPECT_TRUE(a.dated.empty());
}

TEST_F(StrictLoadTest, BinaryDictionaryIsRefusedWithOneMessageNamingTheFile) {
  std::mt19937 random(7);
  std::string noise(6000, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  std::string no_nul = noise;
  for (char& c : no_nul)
    if (c == '\0') c = '\x9c';
  for (const std::string& bytes : {noise, no_nul,
                                   std::string("\x7f"
                                               "ELF\2\1\1\0\0\0",
                                               10)}) {
    const std::string path = Write("junk.verbs.txt", bytes);
    dict::DictionaryBuilder builder;
    warnings_.clear();
    Status s = dict::LoadDictionaryFile(path, dict::FileKind::kUnknown, &builder, &warnings_);
    EXPECT_FALSE(s.ok());
    EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
    EXPECT_NE(s.message().find("binary"), std::string::npos) << s.ToString();
    EXPECT_TRUE(warnings_.empty()) << Warnings();
  }
  // In a folder the binary file is one warning and the others load.
  fs::create_directories(dir_ / "folder");
  Write("folder/junk.verbs.txt", noise);
  Write("folder/test.actors.txt", "RUSSIA [RUS]\n");
  dict::DictionaryBuilder builder;
  warnings_.clear();
  EXPECT_TRUE(dict::LoadDictionaryFolder((dir_ / "folder").string(), &builder, &warnings_).ok());
  ASSERT_EQ(warnings_.size(), 1u) << Warnings();
  EXPECT_NE(warnings_[0].find("junk.verbs.txt"), std::string::npos);
  EXPECT_EQ(builder.actors().size(), 1u);
}

TEST_F(StrictLoadTest, Latin1AndUtf8DictionariesAreNotBinary) {
  EXPECT_FALSE(
      text::LooksBinary("JOS\xC9 MAR\xCD"
                        "A [COL]\nS\xC3\xA3O PAULO [BRA]\n"));
  EXPECT_FALSE(text::LooksBinary(""));
  EXPECT_FALSE(
      text::LooksBinary("ERDO\xC4\x9E"
                        "AN [TUR]\r\n\tGERMANY [DEU]\f\n"));
  EXPECT_TRUE(text::LooksBinary(std::string("AB\0CD", 5)));
  EXPECT_TRUE(text::LooksBinary("\x89PNG\r\n\x1a\n\x8f\xff\xfe\x01\x02\x03\x04\x05"));
  const std::string latin1 = Write("latin.actors.txt",
                                   "JOS\xC9 MAR\xCD"
                                   "A [COL]\nRUSSIA [RUS]\n");
  dict::DictionaryBuilder builder;
  EXPECT_TRUE(
      dict::LoadDictionaryFile(latin1, dict::FileKind::kUnknown, &builder, &warnings_).ok());
  EXPECT_EQ(builder.actors().size(), 2u);
}

}  // namespace
}  // namespace parley
