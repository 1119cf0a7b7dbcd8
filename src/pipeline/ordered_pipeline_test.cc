#include "pipeline/ordered_pipeline.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

namespace parley::pipeline {
namespace {

std::vector<int> RunSquares(int threads, int batches) {
  int next = 0;
  std::vector<int> seen;
  OrderedPipeline<int, int, int> p(threads, 4);
  p.Run([&](int* in) {
        if (next == batches) return false;
        *in = next++;
        return true;
      },
      [] { return 0; },
      [](int*, const int& in, int* out) {
        // Later batches finish first, so ordering is really exercised.
        std::this_thread::sleep_for(std::chrono::microseconds((in % 3) * 200));
        *out = in * in;
      },
      [&](int& out) { seen.push_back(out); });
  return seen;
}

TEST(PipelineTest, OutputKeepsInputOrderWithManyThreads) {
  std::vector<int> seen = RunSquares(4, 50);
  ASSERT_EQ(seen.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(seen[i], i * i);
}

TEST(PipelineTest, SingleThreadRunsInline) {
  std::vector<int> seen = RunSquares(1, 5);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 4, 9, 16}));
}

TEST(PipelineTest, EmptyInputProducesNothing) {
  EXPECT_TRUE(RunSquares(3, 0).empty());
}

}  // namespace
}  // namespace parley::pipeline
