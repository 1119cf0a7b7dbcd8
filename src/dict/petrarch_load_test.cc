#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/dictionary.h"

namespace parley::dict {
namespace {

namespace fs = std::filesystem;

std::string Shared(const std::string& rel) {
  return std::string(PARLEY_SOURCE_DIR) + "/../shared/anchors/" + rel;
}

struct Guess {
  FileKind kind;
  bool tabari;
};

Guess GuessOf(const std::string& path, FileKind given = FileKind::kUnknown) {
  Guess g{given, false};
  Status s = GuessDictionaryFile(path, &g.kind, &g.tabari);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return g;
}

// A scratch folder removed afterwards.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("parley_load_" + std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST(PetrarchReaderLoad, GuessesKindAndFlavourOfSharedFiles) {
  if (!fs::exists(Shared("petrarch/dictionaries"))) GTEST_SKIP() << "no shared dictionaries";
  struct Case {
    const char* rel;
    FileKind kind;
    bool tabari;
  } cases[] = {
      {"petrarch/dictionaries/PETR.Validate.actors.txt", FileKind::kActors, false},
      {"petrarch/dictionaries/PETR.Validate.agents.txt", FileKind::kAgents, false},
      {"petrarch/dictionaries/PETR.Validate.verbs.txt", FileKind::kVerbs, false},
      {"petrarch/dictionaries/PETR.Validate.discards.txt", FileKind::kDiscards, false},
      {"petrarch/dictionaries/Phoenix.Countries.actors.txt", FileKind::kActors, false},
      {"petrarch/dictionaries/Phoenix.agents.txt", FileKind::kAgents, false},
      {"petrarch/dictionaries/Phoenix.IssueCoding.txt", FileKind::kIssues, false},
      {"petrarch/dictionaries/CAMEO.2.0.txt", FileKind::kVerbs, false},  // kind from content
      {"petrarch/dictionaries/CAMEO.verbpatterns.150430.txt", FileKind::kVerbs, false},
      {"tabari/TABARI.Demo.actors", FileKind::kActors, true},
      {"tabari/TABARI.Demo.verbs", FileKind::kVerbs, true},
      {"tabari/Validate.agents", FileKind::kAgents, true},
  };
  for (const Case& c : cases) {
    Guess g = GuessOf(Shared(c.rel));
    EXPECT_EQ(g.kind, c.kind) << c.rel;
    EXPECT_EQ(g.tabari, c.tabari) << c.rel;
  }
}

TEST(PetrarchReaderLoad, GuessesFromContentWhenTheNameSaysNothing) {
  TempDir dir;
  Guess agents = GuessOf(dir.Write("a.txt", "# roles\nAMBASSADOR [~GOV]\nTROOP {} [~MIL]\n"));
  EXPECT_EQ(agents.kind, FileKind::kAgents);
  EXPECT_FALSE(agents.tabari);
  Guess actors = GuessOf(dir.Write("b.txt", "RUSSIA [RUS]\n+MOSCOW\nGOLLUM\n\t[HOB <950601]\n"));
  EXPECT_EQ(actors.kind, FileKind::kActors);
  Guess verbs = GuessOf(dir.Write("c.txt", "--- MEET [036] ---\nMEET {MET}\n- * WITH + [036]\n"));
  EXPECT_EQ(verbs.kind, FileKind::kVerbs);
  EXPECT_FALSE(verbs.tabari);
  Guess tabari_verbs = GuessOf(dir.Write("d.txt", "MEET [036]\n- * WITH + [036] ;x\n"));
  EXPECT_EQ(tabari_verbs.kind, FileKind::kVerbs);
  EXPECT_TRUE(tabari_verbs.tabari);
  Guess discards = GuessOf(dir.Write("e.txt", "BASEBALL\n+WORLD CUP\n"));
  EXPECT_EQ(discards.kind, FileKind::kDiscards);
  // A given kind wins over the name.
  EXPECT_EQ(GuessOf(dir.Write("f.actors.txt", "X [~GOV]\n"), FileKind::kAgents).kind,
            FileKind::kAgents);
}

TEST(PetrarchReaderLoad, LoadsFilesAndFolders) {
  TempDir dir;
  dir.Write("x.actors.txt", "RUSSIA_ [RUS]\n+MOSCOW_\n");
  dir.Write("x.agents.txt", "MINISTER [~GOV]\n");
  dir.Write("x.verbs.txt", "--- MEET [036] ---\nMEET {MET}\n- * WITH + [036]\n");
  dir.Write("README.md", "not a dictionary\n");
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(LoadDictionaryFolder(dir.path(), &b, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  EXPECT_EQ(b.actors().size(), 1u);
  EXPECT_EQ(b.agents().size(), 1u);
  EXPECT_EQ(b.verb_blocks().size(), 1u);

  EXPECT_FALSE(LoadDictionaryFolder(dir.path() + "/missing", &b, &warnings).ok());
  EXPECT_FALSE(
      LoadDictionaryFile(dir.path() + "/nope.actors.txt", FileKind::kUnknown, &b, &warnings).ok());
}

TEST(PetrarchReaderLoad, LoadsTheBundledFolder) {
  std::string folder = std::string(PARLEY_SOURCE_DIR) + "/data/dict";
  if (!fs::exists(folder)) GTEST_SKIP() << "no data/dict";
  DictionaryBuilder b;
  std::vector<std::string> warnings;
  Status s = LoadDictionaryFolder(folder, &b, &warnings);
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (const std::string& w : warnings) std::printf("  %s\n", w.c_str());
  std::printf("data/dict: %zu actors, %zu agents, %zu verb blocks, %zu synsets, %zu warnings\n",
              b.actors().size(), b.agents().size(), b.verb_blocks().size(), b.synsets().size(),
              warnings.size());
  EXPECT_GT(b.actors().size(), 100u);
}

}  // namespace
}  // namespace parley::dict
