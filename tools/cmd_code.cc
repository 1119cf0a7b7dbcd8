// parley code INPUT... : reads articles, codes them on N threads and writes events in
// input order (JSONL or TSV) to stdout or --out.
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "engine.h"
#include "parley/reader.h"
#include "parley/writer.h"
#include "pipeline/ordered_pipeline.h"

namespace parley::cli {
namespace {

struct CodeFlags {
  std::vector<std::string> inputs;
  EngineFlags engine;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string out_path = "-";
  int threads = 0;
};

// Documents are coded in batches so that threads hand-off is cheap relative to work.
constexpr size_t kBatchDocs = 64;
constexpr size_t kBatchBytes = 512 * 1024;

struct Batch {
  std::vector<Document> docs;
};

struct Coded {
  std::vector<Event> events;
  uint64_t docs = 0;
  uint64_t bytes = 0;
};

bool FillBatch(DocumentReader* reader, Batch* batch) {
  size_t bytes = 0;
  batch->docs.clear();
  while (batch->docs.size() < kBatchDocs && bytes < kBatchBytes) {
    Document doc;
    if (!reader->Next(&doc)) break;
    bytes += doc.text.size();
    batch->docs.push_back(std::move(doc));
  }
  return !batch->docs.empty();
}

int RunCode(const CodeFlags& flags) {
  ReaderOptions reader_options;
  Status s = ParseInputFormat(flags.input_format, &reader_options.format);
  EventFormat output_format;
  if (s.ok()) s = ParseEventFormat(flags.format, &output_format);
  std::unique_ptr<DocumentReader> reader;
  if (s.ok()) s = DocumentReader::Open(flags.inputs, reader_options, &reader);
  std::unique_ptr<Coder> coder;
  if (s.ok()) s = MakeCoder(flags.engine, &coder);
  std::unique_ptr<EventWriter> writer;
  if (s.ok()) s = EventWriter::Open(flags.out_path, output_format, &writer);
  if (!s.ok()) {
    std::fprintf(stderr, "parley code: %s\n", s.ToString().c_str());
    return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
  }

  int threads = flags.threads > 0 ? flags.threads
                                  : std::max(1u, std::thread::hardware_concurrency());
  Progress progress(flags.engine.quiet);
  Status write_status;
  pipeline::OrderedPipeline<Batch, Coded, std::unique_ptr<CoderScratch>> pipe(threads,
                                                                             threads * 4);
  pipe.Run([&](Batch* batch) { return write_status.ok() && FillBatch(reader.get(), batch); },
           [] { return std::make_unique<CoderScratch>(); },
           [&](std::unique_ptr<CoderScratch>* scratch, const Batch& batch, Coded* out) {
             for (const Document& doc : batch.docs) {
               coder->CodeDocument(doc, scratch->get(), &out->events);
               out->bytes += doc.text.size();
             }
             out->docs = batch.docs.size();
           },
           [&](Coded& out) {
             for (const Event& e : out.events) {
               if (write_status.ok()) write_status = writer->Write(e);
             }
             progress.Add(out.docs, out.events.size(), out.bytes);
           });
  if (write_status.ok()) write_status = writer->Close();
  progress.Finish();
  if (!write_status.ok()) {
    std::fprintf(stderr, "parley code: %s\n", write_status.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddCodeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("code", "Code articles into CAMEO events");
  auto flags = std::make_shared<CodeFlags>();
  cmd->add_option("input", flags->inputs, "Files, folders (recursive) or - for stdin")
      ->required();
  cmd->add_option("--dict", flags->engine.dict_paths,
                  "Dictionary file or folder; repeatable; replaces the bundled set")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file");
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--input-format", flags->input_format,
                  "auto, text, jsonl, tabari or petrarch");
  cmd->add_option("--out", flags->out_path, "Output file (default: stdout)");
  cmd->add_option("--threads", flags->threads, "Coding threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("-q,--quiet", flags->engine.quiet, "No progress or warnings on stderr");
  cmd->callback([=] { *exit_code = RunCode(*flags); });
}

}  // namespace parley::cli
