// Over-long "sentences" with the bundled dictionaries: the Guardian sample's words with all
// punctuation removed (one sentence of N bytes), and a run of N commas before a real
// clause. The coder cuts them into pieces of at most kMaxSentenceTokens tokens, so time per
// byte stays flat as N grows (it grew with N before). Run:
//   build/release/parley_bench --benchmark_filter=LongSentence
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "query/test_store.h"

namespace parley {
namespace {

// The Guardian sample's text with every character that is not a letter, digit or space
// turned into a space: words with no sentence boundary anywhere.
const std::string& UnpunctuatedWords() {
  static const std::string words = [] {
    std::string out;
    std::unique_ptr<DocumentReader> reader;
    if (!DocumentReader::Open(
             {std::string(PARLEY_SOURCE_DIR) + "/../shared/corpora/guardian_2019_sample.jsonl"},
             ReaderOptions(), &reader)
             .ok())
      return out;
    Document doc;
    while (reader->Next(&doc) && out.size() < (2u << 20)) {
      for (char c : doc.text) {
        const bool keep =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (keep) {
          out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
          out.push_back(' ');
        }
      }
    }
    return out;
  }();
  return words;
}

void CodeLongDocument(benchmark::State& state, const std::string& text) {
  const Coder* coder = &query::testing::BundledCoder();  // aborts without the bundled set
  if (text.empty()) {
    state.SkipWithError("missing ../shared corpus");
    return;
  }
  Document doc;
  doc.id = "long";
  doc.text = text;
  CoderScratch scratch;
  std::vector<Event> events;
  std::vector<std::string> warnings;
  for (auto _ : state) {
    events.clear();
    warnings.clear();
    coder->CodeDocument(doc, &scratch, &events, nullptr, &warnings);
  }
  state.counters["events"] = static_cast<double>(events.size());
  state.counters["MB_per_s"] = benchmark::Counter(
      static_cast<double>(text.size()) * state.iterations() / 1e6, benchmark::Counter::kIsRate);
}

void BM_LongSentenceUnpunctuated(benchmark::State& state) {
  const std::string& words = UnpunctuatedWords();
  CodeLongDocument(state, words.substr(0, std::min<size_t>(words.size(), state.range(0))));
}
BENCHMARK(BM_LongSentenceUnpunctuated)
    ->Arg(64 << 10)
    ->Arg(256 << 10)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

void BM_LongSentenceCommaRun(benchmark::State& state) {
  CodeLongDocument(state, std::string(state.range(0), ',') +
                              " the ambassadors of Russia, China and Japan met the United States.");
}
BENCHMARK(BM_LongSentenceCommaRun)
    ->Arg(33000)
    ->Arg(66000)
    ->Arg(1 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley
