// Throughput of the frame stages (tree, phrases, frames) alone, one thread, on the gold trees
// of the EWT dev treebank (2,001 sentences): what the coder pays on top of parsing.
#include <benchmark/benchmark.h>

#include <vector>

#include "parley/frames.h"
#include "parley/syntax.h"

namespace {

using namespace parley;

void BM_FramesEwtDev(benchmark::State& state) {
  std::vector<syntax::Sentence> treebank;
  const Status st = syntax::ReadConlluFile(
      PARLEY_SOURCE_DIR "/../shared/treebanks/en_ewt-ud-dev.conllu", &treebank);
  if (!st.ok() || treebank.empty()) {
    state.SkipWithError(st.ok() ? "empty treebank" : st.ToString().c_str());
    return;
  }
  std::vector<frames::ParsedSentence> sentences(treebank.size());
  for (size_t i = 0; i < treebank.size(); ++i) frames::FromConllu(treebank[i], &sentences[i]);
  frames::SentenceFrames layers;
  int64_t sentence_count = 0, word_count = 0, frame_count = 0;
  for (auto _ : state) {
    for (const frames::ParsedSentence& s : sentences) {
      frames::Analyze(s, &layers);
      frame_count += static_cast<int64_t>(layers.frames.frames.size());
      ++sentence_count;
      word_count += static_cast<int64_t>(s.words.size());
    }
  }
  benchmark::DoNotOptimize(frame_count);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentence_count), benchmark::Counter::kIsRate);
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(word_count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FramesEwtDev)->Unit(benchmark::kMillisecond);

}  // namespace
