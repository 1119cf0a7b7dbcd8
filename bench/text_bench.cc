// Throughput of the text stage on real news copy (the Guardian 2019 sample).
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/text.h"

namespace {

using parley::text::CleanText;
using parley::text::Range;
using parley::text::SplitSentences;
using parley::text::Tokenize;
using parley::text::TokenizedSentence;

struct Corpus {
  std::vector<std::string> raw;      // article texts as stored
  std::vector<std::string> cleaned;  // after CleanText
  int64_t raw_bytes = 0;
  int64_t cleaned_bytes = 0;
};

const Corpus& GuardianCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::ifstream in(PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record.contains("text") || !record["text"].is_string()) {
        continue;
      }
      c.raw.push_back(record["text"].get<std::string>());
      c.raw_bytes += static_cast<int64_t>(c.raw.back().size());
      c.cleaned.push_back(CleanText(c.raw.back(), nullptr));
      c.cleaned_bytes += static_cast<int64_t>(c.cleaned.back().size());
    }
    return c;
  }();
  return corpus;
}

void BM_CleanText(benchmark::State& state) {
  const Corpus& corpus = GuardianCorpus();
  if (corpus.raw.empty()) state.SkipWithError("corpus not found");
  std::vector<parley::text::TextIssue> issues;
  for (auto _ : state) {
    for (const std::string& text : corpus.raw) {
      issues.clear();
      benchmark::DoNotOptimize(CleanText(text, &issues));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.raw_bytes);
}
BENCHMARK(BM_CleanText)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  const Corpus& corpus = GuardianCorpus();
  if (corpus.cleaned.empty()) state.SkipWithError("corpus not found");
  std::vector<Range> sentences;
  int64_t count = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus.cleaned) {
      SplitSentences(text, &sentences);
      count += static_cast<int64_t>(sentences.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.cleaned_bytes);
  state.counters["sentences"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_SplitAndTokenize(benchmark::State& state) {
  const Corpus& corpus = GuardianCorpus();
  if (corpus.cleaned.empty()) state.SkipWithError("corpus not found");
  std::vector<Range> sentences;
  TokenizedSentence tokens;
  int64_t count = 0;
  for (auto _ : state) {
    for (const std::string& text : corpus.cleaned) {
      SplitSentences(text, &sentences);
      for (const Range& r : sentences) {
        Tokenize(std::string_view(text).substr(r.start, r.end - r.start), &tokens);
        count += static_cast<int64_t>(tokens.tokens.size());
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.cleaned_bytes);
  state.counters["tokens"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitAndTokenize)->Unit(benchmark::kMillisecond);

void BM_CleanSplitTokenize(benchmark::State& state) {
  const Corpus& corpus = GuardianCorpus();
  if (corpus.raw.empty()) state.SkipWithError("corpus not found");
  std::vector<Range> sentences;
  TokenizedSentence tokens;
  for (auto _ : state) {
    for (const std::string& raw : corpus.raw) {
      const std::string text = CleanText(raw, nullptr);
      SplitSentences(text, &sentences);
      for (const Range& r : sentences) {
        Tokenize(std::string_view(text).substr(r.start, r.end - r.start), &tokens);
      }
      benchmark::DoNotOptimize(tokens.norm.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.raw_bytes);
}
BENCHMARK(BM_CleanSplitTokenize)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
