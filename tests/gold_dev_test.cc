// Accuracy guard: codes the PLOVER dev gold (../shared/gold_dev_plover.jsonl) with the
// bundled dictionaries through the real `parley score` command and fails if recall or
// precision drops below the level the project has reached. Raise the floors as accuracy
// improves; never lower them to make a change pass.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <regex>
#include <string>

namespace {

constexpr double kRecallFloor = 0.70;
constexpr double kPrecisionFloor = 0.70;

std::string RunParley(const std::string& args) {
  std::string cmd = std::string(PARLEY_BINARY) + " " + args + " 2>/dev/null";
  std::string output;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return output;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  pclose(pipe);
  return output;
}

TEST(GoldDevTest, RecallAndPrecisionStayAboveFloors) {
  std::string out = RunParley("score " PARLEY_SOURCE_DIR "/../shared/gold_dev_plover.jsonl");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(recall ([0-9.]+).*precision ([0-9.]+))")))
      << out;
  double recall = std::stod(m[1]), precision = std::stod(m[2]);
  std::printf("dev gold: recall %.3f precision %.3f\n", recall, precision);
  EXPECT_GE(recall, kRecallFloor);
  EXPECT_GE(precision, kPrecisionFloor);
}

}  // namespace
