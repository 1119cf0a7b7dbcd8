// Dedup throughput on the Guardian sample plus perturbed copies: signatures per second
// (ComputeSignature) and documents per second through StoryIndex::Add.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "dedup/eval_set.h"
#include "parley/dedup.h"
#include "parley/reader.h"

namespace parley::dedup {
namespace {

const std::vector<EvalDoc>& Docs() {
  static const std::vector<EvalDoc>* docs = [] {
    std::vector<std::string> ids, texts;
    std::unique_ptr<DocumentReader> reader;
    ReaderOptions options;
    options.format = InputFormat::kJsonl;
    if (DocumentReader::Open({PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl"},
                             options, &reader)
            .ok()) {
      Document doc;
      while (reader->Next(&doc)) {
        ids.push_back(doc.id);
        texts.push_back(doc.text);
      }
    }
    return new std::vector<EvalDoc>(BuildEvalSet(ids, texts, EvalSetOptions{}));
  }();
  return *docs;
}

void BM_ComputeSignature(benchmark::State& state) {
  const auto& docs = Docs();
  std::unique_ptr<SignatureComputer> computer;
  SignatureComputer::Create(DedupOptions{}, &computer);
  size_t bytes = 0, count = 0;
  for (auto _ : state) {
    for (const EvalDoc& d : docs) {
      benchmark::DoNotOptimize(computer->ComputeSignature(d.text));
      bytes += d.text.size();
    }
    count += docs.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));  // signatures/s
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ComputeSignature)->Unit(benchmark::kMillisecond);

// Index only: signatures precomputed, so this is the per-document clustering cost.
void BM_StoryIndexAdd(benchmark::State& state) {
  const auto& docs = Docs();
  std::unique_ptr<SignatureComputer> computer;
  SignatureComputer::Create(DedupOptions{}, &computer);
  std::vector<DocumentSignature> sigs;
  for (const EvalDoc& d : docs) sigs.push_back(computer->ComputeSignature(d.text));
  size_t count = 0;
  for (auto _ : state) {
    std::unique_ptr<StoryIndex> index;
    StoryIndex::Create(DedupOptions{}, &index);
    for (size_t i = 0; i < sigs.size(); ++i)
      benchmark::DoNotOptimize(index->Add(docs[i].id, sigs[i]));
    count += sigs.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));  // docs/s
}
BENCHMARK(BM_StoryIndexAdd)->Unit(benchmark::kMillisecond);

// End to end, one thread: signature + Add.
void BM_DedupEndToEnd(benchmark::State& state) {
  const auto& docs = Docs();
  std::unique_ptr<SignatureComputer> computer;
  SignatureComputer::Create(DedupOptions{}, &computer);
  size_t count = 0;
  for (auto _ : state) {
    std::unique_ptr<StoryIndex> index;
    StoryIndex::Create(DedupOptions{}, &index);
    for (const EvalDoc& d : docs)
      benchmark::DoNotOptimize(index->Add(d.id, computer->ComputeSignature(d.text)));
    count += docs.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));  // docs/s
}
BENCHMARK(BM_DedupEndToEnd)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley::dedup
