// Throughput of tagging and parsing raw news (the Guardian 2019 sample): sentence
// splitting, tokenisation, UD words, tagging, lemmas and parsing on one thread, with the
// bundled model (or $PARLEY_SYNTAX_MODEL). Also the model's load time.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/paths.h"
#include "parley/syntax.h"
#include "parley/text.h"

namespace {

using namespace parley;

std::string ModelPath() {
  if (const char* env = std::getenv("PARLEY_SYNTAX_MODEL"); env && *env) return env;
  return BundledSyntaxModelPath();
}

const std::vector<std::string>& GuardianTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record.contains("text") || !record["text"].is_string()) {
        continue;
      }
      out.push_back(text::CleanText(record["text"].get<std::string>(), nullptr));
    }
    return out;
  }();
  return texts;
}

void BM_SyntaxTagParse(benchmark::State& state) {
  const auto& texts = GuardianTexts();
  std::shared_ptr<const syntax::Model> model;
  const parley::Status st = syntax::LoadModel(ModelPath(), &model);
  if (texts.empty() || !st.ok()) {
    state.SkipWithError(texts.empty() ? "corpus not found" : st.ToString().c_str());
    return;
  }
  syntax::Analyzer analyzer(model);
  std::vector<text::Range> sentences;
  text::TokenizedSentence tokens;
  std::vector<syntax::WordSpan> words;
  int64_t sentence_count = 0, word_count = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      text::SplitSentences(t, &sentences);
      for (const text::Range& r : sentences) {
        text::Tokenize(std::string_view(t).substr(r.start, r.end - r.start), &tokens);
        syntax::UdWords(tokens, &words);
        analyzer.Analyze(words);
        benchmark::DoNotOptimize(analyzer.Head(0 < analyzer.size() ? 0 : 0));
        ++sentence_count;
        word_count += static_cast<int64_t>(words.size());
      }
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentence_count), benchmark::Counter::kIsRate);
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(word_count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SyntaxTagParse)->Unit(benchmark::kMillisecond);

void BM_SyntaxModelLoad(benchmark::State& state) {
  const std::string path = ModelPath();
  for (auto _ : state) {
    std::shared_ptr<const syntax::Model> model;
    const parley::Status st = syntax::LoadModel(path, &model);
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(model.get());
  }
}
BENCHMARK(BM_SyntaxModelLoad)->Unit(benchmark::kMillisecond);

}  // namespace
