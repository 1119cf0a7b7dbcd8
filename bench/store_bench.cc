// Event store costs per document, next to coding itself: the Guardian sample coded with
// the bundled dictionaries, then what --db adds -- PrepareStoreDocument (content hash,
// dates, near-duplicate signature) on the coding threads and EventStore::AddBatch (SQL) on
// the writer thread. End-to-end figures: bench/store_bench.sh. Run:
//   build/release/parley_bench --benchmark_filter='Store'
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "parley/store.h"

namespace parley {
namespace {

struct Fixture {
  std::unique_ptr<Coder> coder;
  std::vector<Document> docs;
  std::vector<std::vector<Event>> events;  // per document
  size_t bytes = 0;
};

const Fixture& GetFixture() {
  static const Fixture fixture = [] {
    Fixture f;
    dict::DictionaryBuilder builder;
    std::vector<std::string> warnings;
    std::shared_ptr<const Dictionary> dictionary;
    if (!dict::LoadDictionaryFolder(BundledDictionaryDir(), &builder, &warnings).ok() ||
        !builder.Build(&dictionary, &warnings).ok())
      return f;
    f.coder = std::make_unique<Coder>(dictionary, CoderOptions());
    std::unique_ptr<DocumentReader> reader;
    if (!DocumentReader::Open(
             {std::string(PARLEY_SOURCE_DIR) + "/../shared/corpora/guardian_2019_sample.jsonl"},
             ReaderOptions(), &reader)
             .ok())
      return f;
    Document doc;
    CoderScratch scratch;
    while (reader->Next(&doc)) {
      f.bytes += doc.text.size();
      f.docs.push_back(doc);
      f.events.emplace_back();
      f.coder->CodeDocument(doc, &scratch, &f.events.back());
    }
    return f;
  }();
  return fixture;
}

void SetCounters(benchmark::State& state, const Fixture& f) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.docs.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}

void BM_StoreBaselineCode(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.coder) return state.SkipWithError("bundled dictionaries or corpus not found");
  CoderScratch scratch;
  std::vector<Event> events;
  for (auto _ : state) {
    for (const Document& doc : f.docs) {
      events.clear();
      f.coder->CodeDocument(doc, &scratch, &events);
    }
    benchmark::DoNotOptimize(events.data());
  }
  SetCounters(state, f);
}
BENCHMARK(BM_StoreBaselineCode)->Unit(benchmark::kMillisecond);

void BM_StorePrepareDocument(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.coder) return state.SkipWithError("bundled dictionaries or corpus not found");
  StoreDocument out;
  for (auto _ : state) {
    for (size_t i = 0; i < f.docs.size(); ++i) {
      std::vector<Event> events = f.events[i];
      PrepareStoreDocument(f.docs[i], &events, &out);
    }
    benchmark::DoNotOptimize(out.signature.data());
  }
  SetCounters(state, f);
}
BENCHMARK(BM_StorePrepareDocument)->Unit(benchmark::kMillisecond);

// AddBatch of the whole sample (64 documents per transaction) into a fresh store. Each
// iteration stores new copies (new ids), so every document is written.
void BM_StoreAddBatch(benchmark::State& state) {
  const Fixture& f = GetFixture();
  if (!f.coder) return state.SkipWithError("bundled dictionaries or corpus not found");
  std::vector<StoreDocument> prepared(f.docs.size());
  for (size_t i = 0; i < f.docs.size(); ++i) {
    std::vector<Event> events = f.events[i];
    PrepareStoreDocument(f.docs[i], &events, &prepared[i]);
  }
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("parley_store_bench_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::unique_ptr<EventStore> store;
  if (!EventStore::Open((dir / "bench.sqlite").string(), {}, &store).ok())
    return state.SkipWithError("cannot create the store");
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::vector<StoreDocument>> batches;
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (i % 64 == 0) batches.emplace_back();
      batches.back().push_back(prepared[i]);
      batches.back().back().id += "~" + std::to_string(round);
    }
    ++round;
    state.ResumeTiming();
    for (const auto& batch : batches) {
      if (!store->AddBatch(batch).ok()) return state.SkipWithError("AddBatch failed");
    }
  }
  SetCounters(state, f);
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK(BM_StoreAddBatch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley
