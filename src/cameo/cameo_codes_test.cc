#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parley/cameo.h"

namespace parley {
namespace {

const char kCodesTsv[] = PARLEY_SOURCE_DIR "/../shared/anchors/cameo/cameo_codes.tsv";

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, '\t')) fields.push_back(field);
  return fields;
}

int ExpectedQuad(int root) {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

TEST(CameoTable, EveryReferenceCodeIsKnownWithSameQuadAndGoldstein) {
  std::ifstream in(kCodesTsv);
  ASSERT_TRUE(in.good()) << "cannot read " << kCodesTsv;
  std::string line;
  std::getline(in, line);  // header
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> f = SplitTabs(line);
    ASSERT_GE(f.size(), 5u) << line;
    const CameoCode* entry = LookupCameo(f[0]);
    ASSERT_NE(entry, nullptr) << "unknown code " << f[0];
    EXPECT_EQ(entry->code, f[0]);
    EXPECT_EQ(entry->root, std::stoi(f[1])) << f[0];
    EXPECT_EQ(entry->quad_class, std::stoi(f[3])) << f[0];
    EXPECT_DOUBLE_EQ(entry->goldstein, std::stod(f[4])) << f[0];
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

TEST(CameoTable, UnknownCodesAreNull) {
  for (const char* code : {"", "0", "00", "000", "21", "099", "0215", "1234567", "abc", "04 ",
                           " 04", "0430", "117", "2043"}) {
    EXPECT_EQ(LookupCameo(code), nullptr) << "'" << code << "'";
  }
}

TEST(CameoTable, EntriesAreConsistent) {
  std::set<std::string_view> seen;
  for (const CameoCode& c : AllCameoCodes()) {
    EXPECT_TRUE(seen.insert(c.code).second) << "duplicate " << c.code;
    ASSERT_GE(c.code.size(), 2u);
    ASSERT_LE(c.code.size(), 4u);
    EXPECT_EQ(c.root, std::stoi(std::string(c.code.substr(0, 2)))) << c.code;
    EXPECT_EQ(c.quad_class, ExpectedQuad(c.root)) << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
    EXPECT_LE(std::fabs(c.goldstein), 10.0) << c.code;
    EXPECT_EQ(LookupCameo(c.code), &c) << c.code;
    // Every sub-code has its parent in the table.
    if (c.code.size() > 2) {
      std::string_view parent = c.code.substr(0, c.code.size() - 1);
      if (c.code != "1883") {
        EXPECT_NE(LookupCameo(parent), nullptr) << c.code;
      }
    }
  }
  EXPECT_EQ(AllCameoCodes().front().code, "01");
  EXPECT_EQ(AllCameoCodes().back().code, "2042");
}

TEST(CameoTable, SampleValues) {
  const CameoCode* visit = LookupCameo("042");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->root, 4);
  EXPECT_EQ(visit->quad_class, 1);
  EXPECT_DOUBLE_EQ(visit->goldstein, 3.0);
  const CameoCode* nuclear = LookupCameo("2042");
  ASSERT_NE(nuclear, nullptr);
  EXPECT_EQ(nuclear->quad_class, 4);
  EXPECT_DOUBLE_EQ(nuclear->goldstein, -10.0);
}

}  // namespace
}  // namespace parley
