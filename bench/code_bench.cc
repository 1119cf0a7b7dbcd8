// Coding throughput: the Guardian sample (../shared/corpora/guardian_2019_sample.jsonl)
// repeated to about 100,000 sentences, coded on one thread with the Phoenix actor and
// agent dictionaries and the CAMEO.2.0 verbs, as TABARI and PETRARCH users run them.
// The same corpus is also coded with parley's bundled dictionaries (data/dict), as users
// run it out of the box. Dictionary loading is measured on its own. Run:
//   build/release/parley_bench --benchmark_filter='Code|Load'
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "parley/syntax.h"
#include "parley/text.h"

namespace parley {
namespace {

const std::string kShared = std::string(PARLEY_SOURCE_DIR) + "/../shared";
const std::string kDictDir = kShared + "/anchors/petrarch/dictionaries/";
constexpr size_t kTargetSentences = 100000;

std::shared_ptr<const Dictionary> LoadPhoenix() {
  dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  for (const char* file : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt",
                           "Phoenix.discards.txt", "CAMEO.2.0.txt"}) {
    Status s =
        dict::LoadDictionaryFile(kDictDir + file, dict::FileKind::kUnknown, &builder, &warnings);
    if (!s.ok()) return nullptr;
  }
  std::shared_ptr<const Dictionary> dictionary;
  if (!builder.Build(&dictionary, &warnings).ok()) return nullptr;
  return dictionary;
}

std::shared_ptr<const Dictionary> LoadBundled() {
  dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  if (!dict::LoadDictionaryFolder(BundledDictionaryDir(), &builder, &warnings).ok()) return nullptr;
  std::shared_ptr<const Dictionary> dictionary;
  if (!builder.Build(&dictionary, &warnings).ok()) return nullptr;
  return dictionary;
}

// The corpus repeated until it holds kTargetSentences sentences.
struct Corpus {
  std::vector<Document> docs;
  size_t sentences = 0;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::vector<Document> once;
    std::unique_ptr<DocumentReader> reader;
    ReaderOptions options;
    if (!DocumentReader::Open({kShared + "/corpora/guardian_2019_sample.jsonl"}, options, &reader)
             .ok())
      return c;
    Document doc;
    size_t sentences_once = 0;
    std::vector<text::Range> ranges;
    while (reader->Next(&doc)) {
      text::SplitSentences(doc.text, &ranges);
      sentences_once += ranges.size();
      once.push_back(doc);
    }
    if (sentences_once == 0) return c;
    while (c.sentences < kTargetSentences) {
      for (const Document& d : once) {
        c.docs.push_back(d);
        c.bytes += d.text.size();
      }
      c.sentences += sentences_once;
    }
    return c;
  }();
  return corpus;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void LoadDictionaries(benchmark::State& state, std::shared_ptr<const Dictionary> (*load)()) {
  for (auto _ : state) {
    auto dictionary = load();
    if (!dictionary) state.SkipWithError("cannot load the dictionaries");
    benchmark::DoNotOptimize(dictionary);
  }
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_LoadPhoenixDictionaries(benchmark::State& state) { LoadDictionaries(state, LoadPhoenix); }
BENCHMARK(BM_LoadPhoenixDictionaries)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadBundledDictionaries(benchmark::State& state) { LoadDictionaries(state, LoadBundled); }
BENCHMARK(BM_LoadBundledDictionaries)->Unit(benchmark::kMillisecond)->Iterations(3);

void CodeGuardian(benchmark::State& state, std::shared_ptr<const Dictionary> (*load)(),
                  bool with_parse = false) {
  auto dictionary = load();
  const Corpus& corpus = GetCorpus();
  if (!dictionary || corpus.docs.empty()) {
    state.SkipWithError("missing ../shared dictionaries or corpus");
    return;
  }
  CoderOptions options;
  if (with_parse) {
    // The news profile as `parley code` runs it: sentences with events are parsed and
    // their roles checked (model load not timed).
    if (!syntax::LoadModel(BundledSyntaxModelPath(), &options.syntax_model).ok()) {
      state.SkipWithError("cannot load the bundled syntax model");
      return;
    }
  }
  Coder coder(dictionary, options);
  CoderScratch scratch;
  std::vector<Event> events;
  size_t event_count = 0;
  for (auto _ : state) {
    event_count = 0;
    for (const Document& doc : corpus.docs) {
      events.clear();
      coder.CodeDocument(doc, &scratch, &events);
      event_count += events.size();
    }
  }
  const double iterations = static_cast<double>(state.iterations());
  state.counters["sentences"] = corpus.sentences;
  state.counters["events"] = event_count;
  state.counters["sentences_per_s"] =
      benchmark::Counter(corpus.sentences * iterations, benchmark::Counter::kIsRate);
  state.counters["MB_per_s"] =
      benchmark::Counter(corpus.bytes * iterations / 1e6, benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = PeakRssMb();
}

void BM_CodeGuardianOneThread(benchmark::State& state) { CodeGuardian(state, LoadPhoenix); }
BENCHMARK(BM_CodeGuardianOneThread)->Unit(benchmark::kMillisecond)->Iterations(3);

// Out of the box: parley's own dictionaries, news conventions on.
void BM_CodeGuardianBundled(benchmark::State& state) { CodeGuardian(state, LoadBundled); }
BENCHMARK(BM_CodeGuardianBundled)->Unit(benchmark::kMillisecond)->Iterations(3);

// Out of the box with the parse: what `parley code` does on news (roles_from_tree).
void BM_CodeGuardianBundledWithParse(benchmark::State& state) {
  CodeGuardian(state, LoadBundled, /*with_parse=*/true);
}
BENCHMARK(BM_CodeGuardianBundledWithParse)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace parley
