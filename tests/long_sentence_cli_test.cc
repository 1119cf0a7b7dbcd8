// `parley code` on input holding a giant "sentence" (66,000 commas before a real clause, a
// megabyte without punctuation): the run exits 0, the rest of the file is coded exactly as
// it is alone, and stderr names the document and byte offset of the over-long sentence.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class LongSentenceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_long_sentence_cli_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  CliRun Code(const std::string& input) {
    const fs::path out = dir_ / "out.jsonl", err = dir_ / "err.txt";
    std::string command = std::string(PARLEY_BINARY) + " code '" + input + "' --threads 2 > '" +
                          out.string() + "' 2> '" + err.string() + "'";
    CliRun run;
    int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = ReadAll(out);
    run.err = ReadAll(err);
    return run;
  }
  fs::path dir_;
};

// doc, source, target, code and sentence of each event (sentence indices shift by the
// pieces of the giant sentence, so they are left out).
std::multiset<std::string> Events(const std::string& jsonl, const std::string& doc = "") {
  std::multiset<std::string> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    if (!doc.empty() && j["doc_id"] != doc) continue;
    out.insert(j["source"]["code"].get<std::string>() + " " +
               j["target"]["code"].get<std::string>() + " " + j["code"].get<std::string>() + " " +
               j["sentence"].get<std::string>());
  }
  return out;
}

const char kArticle[] =
    "Russia is ready to resume a full-scale dialogue with South Korea, the Russian ambassador "
    "to Seoul said on Friday.\n\nSouth Korea joined the sanctions against Russia last year "
    "under pressure from Washington, the ambassador told reporters.\n\nSeoul imposed export "
    "controls on Russia in March 2022, and Moscow criticised the decision.\n";
const char kClause[] = " the ambassadors of Russia, China and Japan met the United States.";

TEST_F(LongSentenceCliTest, ArticleAfterAGiantSentenceIsCodedAsAlone) {
  CliRun alone = Code(Write("alone.txt", kArticle));
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  std::multiset<std::string> expected = Events(alone.out);
  ASSERT_GE(expected.size(), 3u);

  const std::string giant = std::string(66000, ',') + kClause;
  CliRun run = Code(Write("giant.txt", giant + "\n\n" + kArticle));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::multiset<std::string> events = Events(run.out);
  for (const std::string& e : expected) EXPECT_EQ(events.count(e), expected.count(e)) << e;
  // The real clause after the commas is coded too, with the agent on every member.
  const std::string clause = std::string(kClause + 1);
  EXPECT_EQ(events.count("RUSGOV USA 040 " + clause), 1u);
  EXPECT_EQ(events.count("CHNGOV USA 040 " + clause), 1u);
  EXPECT_EQ(events.count("JPNGOV USA 040 " + clause), 1u);
  EXPECT_NE(run.err.find("document giant.txt: sentence at byte 0 has 66013 tokens"),
            std::string::npos)
      << run.err;
}

TEST_F(LongSentenceCliTest, JsonlRecordsAfterUnpunctuatedMegabyteAreCoded) {
  std::string words;
  while (words.size() < (1u << 20)) words += "officials from several countries gathered ";
  nlohmann::json big = {{"id", "big"}, {"date", "2023-02-10"}, {"text", words}};
  nlohmann::json normal = {{"id", "normal"}, {"date", "2023-02-10"}, {"text", kArticle}};
  CliRun alone = Code(Write("normal.jsonl", normal.dump() + "\n"));
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  CliRun run = Code(Write("both.jsonl", big.dump() + "\n" + normal.dump() + "\n"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Events(run.out, "normal"), Events(alone.out, "normal"));
  EXPECT_FALSE(Events(alone.out, "normal").empty());
  EXPECT_NE(run.err.find("both.jsonl:1: document big: sentence at byte 0 has"), std::string::npos)
      << run.err;
}

}  // namespace
