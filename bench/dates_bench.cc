// Event-date resolution speed: sentences per second, a mix with and without date words.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parley/dates.h"

namespace parley::dates {
namespace {

void BM_ResolveEventDate(benchmark::State& state) {
  const std::vector<std::string> sentences = {
      "Russia accused Seoul on Monday of joining the sanctions imposed last year.",
      "The ambassador said in an interview that talks could resume in March.",
      "Police arrested 12 protesters in the capital yesterday, officials said.",
      "The agreement signed on November 13, 2013 was suspended by the government.",
      "A spokesman for the foreign ministry declined to comment on the report.",
  };
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& s : sentences) benchmark::DoNotOptimize(ResolveEventDate(s, 20230210));
    count += sentences.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));  // sentences/s
}
BENCHMARK(BM_ResolveEventDate);

}  // namespace
}  // namespace parley::dates
