#include "syntax/parser_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace parley::syntax {
namespace {

constexpr size_t kLabels = 5;

// Random rows over 3 transitions and kLabels labels per direction.
std::vector<WeightRow> RandomRows(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> weight(-2.0f, 2.0f);
  std::vector<WeightRow> rows(n);
  for (WeightRow& r : rows) {
    r.feature = rng() | 1;
    for (uint16_t cls = 0; cls < 3 + 2 * kLabels; ++cls) {
      if (rng() % 3 == 0) r.weights.emplace_back(cls, weight(rng));
    }
    if (r.weights.empty()) r.weights.emplace_back(0, 1.0f);
  }
  return rows;
}

// What the table must give: the quantised sum of the rows' weights per class.
struct Expected {
  std::vector<double> transition = std::vector<double>(3, 0.0);
  std::vector<double> left = std::vector<double>(kLabels, 0.0);
  std::vector<double> right = std::vector<double>(kLabels, 0.0);
};

TEST(ParserTableTest, LookupSumsTransitionsAndLabelsByDirection) {
  const std::vector<WeightRow> rows = RandomRows(500, 7);
  const std::string bytes = BuildParserTable(rows, kLabels);
  ParserTable table;
  ASSERT_TRUE(table.Init(bytes, kLabels, "test").ok());
  EXPECT_EQ(table.features(), rows.size());
  std::vector<uint64_t> features;
  Expected want;
  for (size_t i = 0; i < rows.size(); i += 7) {
    features.push_back(rows[i].feature);
    for (const auto& [cls, w] : rows[i].weights) {
      if (cls < 3) {
        want.transition[cls] += w;
      } else if (cls < 3 + kLabels) {
        want.left[cls - 3] += w;
      } else {
        want.right[cls - 3 - kLabels] += w;
      }
    }
  }
  features.push_back(0x123456789ull);  // absent: adds nothing
  std::vector<uint32_t> found(features.size());
  int32_t transition[3] = {0, 0, 0};
  table.Lookup(features.data(), features.size(), transition, found.data());
  EXPECT_EQ(found.back(), ParserTable::kMissing);
  const double tolerance = features.size() * table.scale();
  for (int t = 0; t < 3; ++t) {
    EXPECT_NEAR(transition[t] * table.scale(), want.transition[t], tolerance) << t;
  }
  for (bool right : {false, true}) {
    std::vector<int32_t> scores(kLabels, 0);
    table.AddLabels(found.data(), found.size(), right, scores.data());
    for (size_t l = 0; l < kLabels; ++l) {
      EXPECT_NEAR(scores[l] * table.scale(), (right ? want.right : want.left)[l], tolerance);
    }
  }
}

TEST(ParserTableTest, RowsRebuildATableThatScoresTheSame) {
  const std::vector<WeightRow> rows = RandomRows(300, 11);
  const std::string first = BuildParserTable(rows, kLabels);
  ParserTable a;
  ASSERT_TRUE(a.Init(first, kLabels, "a").ok());
  const std::string second = BuildParserTable(a.Rows(1), kLabels);
  ParserTable b;
  ASSERT_TRUE(b.Init(second, kLabels, "b").ok());
  for (const WeightRow& r : rows) {
    int32_t ta[3] = {0, 0, 0}, tb[3] = {0, 0, 0};
    uint32_t la, lb;
    a.Lookup(&r.feature, 1, ta, &la);
    b.Lookup(&r.feature, 1, tb, &lb);
    for (int t = 0; t < 3; ++t) EXPECT_NEAR(ta[t], tb[t], 1);
    std::vector<int32_t> sa(kLabels, 0), sb(kLabels, 0);
    a.AddLabels(&la, 1, true, sa.data());
    b.AddLabels(&lb, 1, true, sb.data());
    for (size_t l = 0; l < kLabels; ++l) EXPECT_NEAR(sa[l], sb[l], 1);
  }
  // Pruning keeps only rows with a large weight, and they still score.
  EXPECT_LT(a.Rows(20000).size(), rows.size());
}

TEST(ParserTableTest, DamagedTablesAreRejected) {
  const std::string good = BuildParserTable(RandomRows(20, 3), kLabels);
  ParserTable table;
  EXPECT_FALSE(table.Init(good, kLabels + 1, "t").ok());  // other label count
  EXPECT_FALSE(table.Init(good.substr(0, 30), kLabels, "t").ok());
  std::string bad_capacity = good;
  bad_capacity[8] = 3;  // not a power of two
  EXPECT_FALSE(table.Init(bad_capacity, kLabels, "t").ok());
  // A label offset past the label words.
  std::string bad_offset = good;
  for (size_t s = 24; s + 16 <= bad_offset.size(); s += 16) {
    uint32_t check, labels;
    std::memcpy(&check, &bad_offset[s], 4);
    std::memcpy(&labels, &bad_offset[s + 12], 4);
    if (check != 0 && labels != ParserTable::kNoLabels) {
      const uint32_t far = 1u << 30;
      std::memcpy(&bad_offset[s + 12], &far, 4);
      break;
    }
  }
  const Status st = table.Init(bad_offset, kLabels, "the table");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("the table"), std::string::npos);
}

}  // namespace
}  // namespace parley::syntax
