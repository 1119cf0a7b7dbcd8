// Throughput of the io module: reading each input format from the shared reference files
// (in place) and writing events as JSONL / TSV.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "parley/reader.h"
#include "parley/writer.h"

namespace {

void ReadFile(benchmark::State& state, const std::string& path,
              size_t stream_threshold = parley::ReaderOptions().mmap_threshold) {
  int64_t bytes = 0;
  int64_t docs = 0;
  for (auto _ : state) {
    parley::ReaderOptions options;
    options.mmap_threshold = stream_threshold;
    options.on_warning = [](std::string_view) {};
    std::unique_ptr<parley::DocumentReader> reader;
    if (!parley::DocumentReader::Open({path}, options, &reader).ok()) {
      state.SkipWithError("cannot open shared file");
      return;
    }
    parley::Document doc;
    while (reader->Next(&doc)) {
      bytes += static_cast<int64_t>(doc.text.size());
      ++docs;
    }
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(docs);
}

void BM_ReadGuardianJsonl(benchmark::State& state) {
  ReadFile(state, PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl");
}
BENCHMARK(BM_ReadGuardianJsonl);

// The Guardian sample repeated to about 30 MB in a temp file: large files are streamed in
// 1 MB read(2) chunks (Arg 0) rather than read whole into one buffer (Arg 1). Files used to
// be memory-mapped; streaming replaced that because a truncated mapping raises SIGBUS.
void BM_ReadLargeJsonl(benchmark::State& state) {
  static const std::string path = [] {
    std::FILE* in =
        std::fopen(PARLEY_SOURCE_DIR "/../shared/corpora/guardian_2019_sample.jsonl", "rb");
    std::string sample;
    if (in != nullptr) {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) sample.append(buf, n);
      std::fclose(in);
    }
    std::string out = "/tmp/parley_io_bench_large.jsonl";
    std::FILE* f = std::fopen(out.c_str(), "wb");
    for (int i = 0; f != nullptr && i < 20; ++i) std::fwrite(sample.data(), 1, sample.size(), f);
    if (f != nullptr) std::fclose(f);
    return out;
  }();
  ReadFile(state, path, state.range(0) == 0 ? 0 : size_t{1} << 40);
}
BENCHMARK(BM_ReadLargeJsonl)->Arg(0)->Arg(1);

void BM_ReadTabariRecords(benchmark::State& state) {
  ReadFile(state, PARLEY_SOURCE_DIR "/../shared/anchors/tabari/Validate.text");
}
BENCHMARK(BM_ReadTabariRecords);

void BM_ReadPetrarchXml(benchmark::State& state) {
  ReadFile(state, PARLEY_SOURCE_DIR "/../shared/anchors/petrarch/PETR.UnitTest.records.xml");
}
BENCHMARK(BM_ReadPetrarchXml);

void BM_ReadPlainTextFolder(benchmark::State& state) {
  ReadFile(state, PARLEY_SOURCE_DIR "/../shared/seeds");
}
BENCHMARK(BM_ReadPlainTextFolder);

parley::Event SampleEvent() {
  parley::Event e;
  e.doc_id = "guardian-0001";
  e.sentence_index = 12;
  e.sentence =
      "Baghdad and Washington are in talks to transfer and place on trial tens of thousands "
      "of suspected \"Isis\" fighters \xE2\x80\x93 officials said.";
  e.date = 20190410;
  e.source = {"IRQ", "Baghdad", 0, 7};
  e.target = {"USA", "Washington", 12, 22};
  e.code = "036";
  e.root = "03";
  e.quad_class = 1;
  e.goldstein = 4.0;
  e.verb = {"are in talks", 23, 35};
  e.rule = "CAMEO.2.0.txt:1234";
  return e;
}

void WriteEvents(benchmark::State& state, parley::EventFormat format) {
  std::FILE* sink = std::fopen("/dev/null", "w");
  parley::EventWriter writer(sink, format);
  const parley::Event event = SampleEvent();
  for (auto _ : state) benchmark::DoNotOptimize(writer.Write(event));
  writer.Close();
  std::fclose(sink);
  state.SetItemsProcessed(state.iterations());
}

void BM_WriteJsonl(benchmark::State& state) { WriteEvents(state, parley::EventFormat::kJsonl); }
BENCHMARK(BM_WriteJsonl);

void BM_WriteTsv(benchmark::State& state) { WriteEvents(state, parley::EventFormat::kTsv); }
BENCHMARK(BM_WriteTsv);

}  // namespace
