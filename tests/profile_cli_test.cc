// Coding profiles through the real binary: the input's kind selects the profile (plain text
// and JSONL news, PETRARCH XML petrarch, an .options file tabari; TABARI records without
// one keep the news conventions, as they always have), and --profile overrides it.
//
// One sentence shows the profiles apart: "will attack" is a threat (138) under the news
// profile and a use of force (190) under tabari and petrarch; a six-word sentence is too
// short for tabari (MINIMUM WORDS 8) and codes under the others.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "process_util.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

using testing::TempDir;
using testing_util::ChildOptions;
using testing_util::ReadFile;
using testing_util::RunParley;

constexpr char kThreat[] = "Russian forces will attack Ukraine on Monday morning, officials said.";
constexpr char kShort[] = "Russian forces attacked Ukraine on Monday.";

class ProfileCli : public ::testing::Test {
 protected:
  ProfileCli() : dir_("parley_profile") {
    dir_.Write("threat.txt", std::string(kThreat) + "\n");
    dir_.Write("short.txt", std::string(kShort) + "\n");
    dir_.Write("threat.tabari", std::string("230101 REC-1\n") + kThreat + "\n\n");
    dir_.Write("threat.jsonl",
               std::string(R"({"id":"J-1","date":"2023-01-01","text":")") + kThreat + "\"}\n");
    dir_.Write("threat.xml", std::string("<Sentences>\n<Sentence date=\"20230101\" id=\"X-1\" "
                                         "sentence=\"true\">\n<Text>\n") +
                                 kThreat + "\n</Text>\n</Sentence>\n</Sentences>\n");
    dir_.Write("empty.options", "LABEL: no settings\n");
  }

  // "DOC SOURCE TARGET CODE" for each event `parley code ARGS` writes; exit code in *rc.
  std::vector<std::string> Code(std::vector<std::string> args, int* rc = nullptr) {
    args.insert(args.begin(), {"code", "-q", "--threads", "1"});
    ChildOptions options;
    options.stdout_path = dir_.Path("out.jsonl");
    options.stderr_path = dir_.Path("err.txt");
    int code = RunParley(args, options);
    if (rc != nullptr) *rc = code;
    std::vector<std::string> events;
    std::istringstream in(ReadFile(options.stdout_path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      events.push_back(j["doc_id"].get<std::string>() + " " +
                       j["source"]["code"].get<std::string>() + " " +
                       j["target"]["code"].get<std::string>() + " " + j["code"].get<std::string>());
    }
    return events;
  }
  std::string In(const std::string& name) const { return dir_.Path(name); }
  std::string Err() const { return ReadFile(dir_.Path("err.txt")); }

  TempDir dir_;
};

using Events = std::vector<std::string>;

TEST_F(ProfileCli, PlainTextAndJsonlCodeWithTheNewsProfile) {
  EXPECT_EQ(Code({In("threat.txt")}), Events{"threat.txt RUSMIL UKR 138"});
  EXPECT_EQ(Code({In("threat.jsonl")}), Events{"J-1 RUSMIL UKR 138"});
  EXPECT_EQ(Code({In("short.txt")}), Events{"short.txt RUSMIL UKR 190"});
}

TEST_F(ProfileCli, PetrarchXmlCodesWithThePetrarchProfile) {
  EXPECT_EQ(Code({In("threat.xml")}), Events{"X-1 RUSMIL UKR 190"});
  // In one run, each file gets its own format's profile.
  EXPECT_EQ(Code({In("threat.xml"), In("threat.txt")}),
            (Events{"X-1 RUSMIL UKR 190", "threat.txt RUSMIL UKR 138"}));
}

TEST_F(ProfileCli, AnOptionsFileSelectsTheTabariProfile) {
  EXPECT_EQ(Code({"--options", In("empty.options"), In("threat.tabari")}),
            Events{"REC-1 RUSMIL UKR 190"});
  EXPECT_EQ(Code({"--options", In("empty.options"), In("threat.txt")}),
            Events{"threat.txt RUSMIL UKR 190"});
  EXPECT_EQ(Code({"--options", In("empty.options"), In("short.txt")}), Events{});
}

// Today's behaviour, kept: the README used to say TABARI input turns the news conventions
// off; only an .options file does.
TEST_F(ProfileCli, TabariRecordsWithoutOptionsKeepTheNewsConventions) {
  EXPECT_EQ(Code({In("threat.tabari")}), Events{"REC-1 RUSMIL UKR 138"});
}

TEST_F(ProfileCli, ProfileFlagOverridesTheInput) {
  EXPECT_EQ(Code({"--profile", "tabari", In("threat.txt")}), Events{"threat.txt RUSMIL UKR 190"});
  EXPECT_EQ(Code({"--profile", "tabari", In("short.txt")}), Events{});
  EXPECT_EQ(Code({"--profile", "petrarch", In("short.txt")}), Events{"short.txt RUSMIL UKR 190"});
  EXPECT_EQ(Code({"--profile", "news", In("threat.xml")}), Events{"X-1 RUSMIL UKR 138"});
  EXPECT_EQ(Code({"--profile", "news", "--options", In("empty.options"), In("threat.tabari")}),
            Events{"REC-1 RUSMIL UKR 138"});
  EXPECT_EQ(Code({"--profile", "tabari", In("threat.tabari")}), Events{"REC-1 RUSMIL UKR 190"});
}

TEST_F(ProfileCli, UnknownProfileIsAUsageError) {
  int rc = 0;
  EXPECT_EQ(Code({"--profile", "gdelt", In("threat.txt")}, &rc), Events{});
  EXPECT_EQ(rc, 2);
  EXPECT_NE(Err().find("unknown profile 'gdelt' (expected tabari, petrarch or news)"),
            std::string::npos)
      << Err();
  ChildOptions options;
  options.stderr_path = dir_.Path("err.txt");
  EXPECT_EQ(RunParley({"score", In("threat.jsonl"), "--profile", "x"}, options), 2);
  EXPECT_NE(Err().find("unknown profile 'x'"), std::string::npos) << Err();
}

}  // namespace
}  // namespace parley
