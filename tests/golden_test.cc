// Golden tests: articles in, expected events out. Each case runs the real `parley code`
// binary on an input and compares a projection of its JSONL output (document, sentence,
// actors, code, verb) with a checked-in file. Run with PARLEY_UPDATE_GOLDEN=1 to rewrite
// the expected files after an intended change, then review the diff.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

std::string RunParley(const std::string& args) {
  std::string cmd = std::string(PARLEY_BINARY) + " " + args + " 2>/dev/null";
  std::string output;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return output;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  pclose(pipe);
  return output;
}

// One line per event: doc, sentence, source, target, code, verb, source and target text.
std::string Project(const std::string& jsonl) {
  std::istringstream in(jsonl);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    out += j["doc_id"].get<std::string>() + "\t" + std::to_string(j["sentence_index"].get<int>()) +
           "\t" + j["source"]["code"].get<std::string>() + "\t" +
           j["target"]["code"].get<std::string>() + "\t" + j["code"].get<std::string>() + "\t" +
           j["verb"]["text"].get<std::string>() + "\t" + j["source"]["text"].get<std::string>() +
           "\t" + j["target"]["text"].get<std::string>() + "\n";
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void CheckGolden(const std::string& input, const std::string& expected_file) {
  const std::string root = PARLEY_SOURCE_DIR;
  std::string actual = Project(RunParley("code " + input + " --threads 2"));
  std::string path = root + "/tests/golden/" + expected_file;
  if (std::getenv("PARLEY_UPDATE_GOLDEN")) {
    std::ofstream(path) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  EXPECT_FALSE(actual.empty()) << "no events coded from " << input;
  EXPECT_EQ(actual, ReadFile(path)) << "events from " << input << " differ from " << path;
}

TEST(GoldenTest, BundledSample) { CheckGolden(PARLEY_SOURCE_DIR "/data/sample", "sample.events"); }

TEST(GoldenTest, SeedArticles) {
  CheckGolden(PARLEY_SOURCE_DIR "/../shared/seeds", "seeds.events");
}

TEST(GoldenTest, OutputDoesNotDependOnThreadCount) {
  std::string one = RunParley("code " PARLEY_SOURCE_DIR "/data/sample --threads 1");
  std::string four = RunParley("code " PARLEY_SOURCE_DIR "/data/sample --threads 4");
  EXPECT_EQ(one, four);
}

}  // namespace
