// parley code INPUT... : reads articles, codes them on N threads and writes events in
// input order (JSONL or TSV) to stdout or --out. With --db the coded documents, stories,
// events and mentions also go to an SQLite event store (parley/store.h); documents already
// in the store are skipped, so an interrupted run is completed by running it again.
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "engine.h"
#include "parley/dates.h"
#include "parley/reader.h"
#include "parley/store.h"
#include "parley/syntax.h"
#include "parley/writer.h"
#include "pipeline/ordered_pipeline.h"
#include "util/files.h"

namespace parley::cli {
namespace {

struct CodeFlags {
  std::vector<std::string> inputs;
  EngineFlags engine;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string out_path;  // empty: stdout, unless --db is given (then no event stream)
  int threads = 0;
  std::string db_path;  // --db: SQLite event store
  bool one_a_day = false;
  bool no_wait = false;  // --no-wait: fail instead of waiting for another store writer
};

// Documents are coded in batches so that threads hand-off is cheap relative to work.
constexpr size_t kBatchDocs = 64;
constexpr size_t kBatchBytes = 512 * 1024;

struct Batch {
  std::vector<Document> docs;
  std::vector<std::shared_ptr<const Coder>> coders;  // one per document (DocumentCoders)
};

struct Coded {
  std::vector<Event> events;
  std::vector<std::string> warnings;  // the coder's, about the batch's documents, in order
  std::vector<StoreDocument> stored;  // with --db: one per document, in batch order
  uint64_t docs = 0;
  uint64_t bytes = 0;
};

// `store` (may be null): documents it already holds are skipped, counted in `*skipped`.
bool FillBatch(DocumentReader* reader, DocumentCoders* coders, const EventStore* store,
               uint64_t* skipped, Batch* batch) {
  size_t bytes = 0;
  batch->docs.clear();
  batch->coders.clear();
  while (batch->docs.size() < kBatchDocs && bytes < kBatchBytes) {
    Document doc;
    if (!reader->Next(&doc)) break;
    if (store != nullptr && store->Contains(doc.id, DocumentContentHash(doc.text))) {
      ++*skipped;
      continue;
    }
    bytes += doc.text.size();
    batch->coders.push_back(coders->For(doc, reader->current_format()));
    batch->docs.push_back(std::move(doc));
  }
  return !batch->docs.empty();
}

// Codes `doc` for the event store; events also go to `stream` when it is non-null.
void CodeForStore(const Coder& coder, const Document& doc, CoderScratch* scratch,
                  std::vector<Event>* stream, Coded* out) {
  std::vector<Event> events;
  coder.CodeDocument(doc, scratch, &events, nullptr, &out->warnings);
  out->stored.emplace_back();
  // Dates the events (dates::DateEvents): the stream shows what the store holds.
  PrepareStoreDocument(doc, &events, &out->stored.back());
  if (stream != nullptr) {
    const std::vector<Event>& dated = out->stored.back().events;
    stream->insert(stream->end(), dated.begin(), dated.end());
  }
}

// Codes `doc` into `out` with the dates the store would give (dates::DateEvents).
void CodeForStream(const Coder& coder, const Document& doc, CoderScratch* scratch,
                   std::vector<Event>* events, Coded* out) {
  events->clear();
  coder.CodeDocument(doc, scratch, events, nullptr, &out->warnings);
  dates::DateEvents(doc, events);
  out->events.insert(out->events.end(), std::make_move_iterator(events->begin()),
                     std::make_move_iterator(events->end()));
}

// Neither --out nor --db may be an input file (articles, dictionaries, options), and
// --out may not be the store: writing would destroy what is being read (usage error).
Status CheckOutputs(const CodeFlags& flags, const std::vector<std::string>& input_files) {
  std::vector<util::ProtectedFile> keep;
  for (const std::string& file : input_files) keep.push_back({file, "the input"});
  // Dictionaries and the options file are inputs too.
  for (const std::string& dict : flags.engine.dict_paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dict, ec)) {
      keep.push_back({dict, "the dictionary"});
      continue;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(dict, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) keep.push_back({it->path().string(), "the dictionary"});
    }
  }
  if (!flags.engine.options_path.empty())
    keep.push_back({flags.engine.options_path, "the options file"});
  if (!flags.engine.syntax_model.empty())
    keep.push_back({flags.engine.syntax_model, "the syntax model"});
  if (!flags.db_path.empty()) {
    Status s = util::CheckOutputPath("--db", flags.db_path, keep);
    if (!s.ok()) return s;
    for (util::ProtectedFile& f : util::StoreFiles(flags.db_path, "the event store (--db)"))
      keep.push_back(std::move(f));
  }
  return util::CheckOutputPath("--out", flags.out_path, keep);
}

int RunCode(const CodeFlags& flags) {
  ReaderOptions reader_options;
  // -q: per-record input warnings are counted, not printed; one count line at the end.
  uint64_t suppressed_warnings = 0;
  if (flags.engine.quiet)
    reader_options.on_warning = [&suppressed_warnings](std::string_view) { ++suppressed_warnings; };
  Status s = ParseInputFormat(flags.input_format, &reader_options.format);
  EventFormat output_format;
  if (s.ok()) s = ParseEventFormat(flags.format, &output_format);
  std::unique_ptr<DocumentReader> reader;
  if (s.ok()) s = DocumentReader::Open(flags.inputs, reader_options, &reader);
  if (s.ok()) s = CheckOutputs(flags, reader->files());
  std::unique_ptr<Coder> coder;
  if (s.ok()) s = MakeCoder(flags.engine, &coder);
  // MakeCoder loads the syntax model before any output is opened, so a broken model file
  // clobbers nothing.
  std::unique_ptr<EventStore> store;
  if (s.ok() && !flags.db_path.empty()) {
    StoreOptions store_options;
    store_options.one_a_day = flags.one_a_day;
    store_options.wait_for_writer = !flags.no_wait;
    store_options.on_wait = PrintStoreWait;
    s = EventStore::Open(flags.db_path, store_options, &store);
  }
  if (s.ok() && flags.db_path.empty() && flags.one_a_day)
    s = Status::InvalidArgument("--one-a-day needs --db");
  // With --db, events are streamed only when --out names a destination.
  std::unique_ptr<EventWriter> writer;
  const bool stream_events = store == nullptr || !flags.out_path.empty();
  if (s.ok() && stream_events)
    s = EventWriter::Open(flags.out_path.empty() ? "-" : flags.out_path, output_format, &writer);
  if (!s.ok()) {
    std::fprintf(stderr, "parley code: %s\n", EscapeControlBytes(s.ToString()).c_str());
    return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
  }

  std::shared_ptr<const Coder> base_coder = std::move(coder);
  DocumentCoders coders(base_coder, reader_options.format, flags.engine);
  int threads =
      flags.threads > 0 ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  Progress progress(flags.engine.quiet);
  Status write_status;
  std::unique_ptr<StoreWriter> store_writer;
  if (store != nullptr) store_writer = std::make_unique<StoreWriter>(store.get());
  uint64_t skipped = 0;
  pipeline::OrderedPipeline<Batch, Coded, std::unique_ptr<CoderScratch>> pipe(threads, threads * 4);
  pipe.Run(
      [&](Batch* batch) {
        return write_status.ok() && FillBatch(reader.get(), &coders, store.get(), &skipped, batch);
      },
      [] { return std::make_unique<CoderScratch>(); },
      [&](std::unique_ptr<CoderScratch>* scratch, const Batch& batch, Coded* out) {
        std::vector<Event> doc_events;
        for (size_t i = 0; i < batch.docs.size(); ++i) {
          const Document& doc = batch.docs[i];
          const Coder* coder = batch.coders[i].get();
          if (store != nullptr) {
            CodeForStore(*coder, doc, scratch->get(), writer ? &out->events : nullptr, out);
          } else {
            CodeForStream(*coder, doc, scratch->get(), &doc_events, out);
          }
          out->bytes += doc.text.size();
        }
        out->docs = batch.docs.size();
      },
      [&](Coded& out) {
        for (const std::string& w : out.warnings) {
          if (flags.engine.quiet) {
            ++suppressed_warnings;
          } else {
            std::fprintf(stderr, "parley: warning: %s\n", EscapeControlBytes(w).c_str());
          }
        }
        uint64_t events = out.events.size();
        for (const Event& e : out.events) {
          if (write_status.ok()) write_status = writer->Write(e);
        }
        if (store_writer != nullptr) {
          events = 0;
          for (const StoreDocument& d : out.stored) events += d.events.size();
          store_writer->Submit(std::move(out.stored));
        }
        progress.Add(out.docs, events, out.bytes);
      });
  if (store_writer != nullptr) {
    AddResult added;
    Status store_status = store_writer->Finish(&added);
    if (write_status.ok()) write_status = store_status;
    if (!flags.engine.quiet) {
      StoreCounts counts;
      store->GetCounts(&counts).ok();
      std::fprintf(stderr,
                   "parley: store %s: %llu documents added, %llu already stored; now %lld "
                   "documents, %lld stories, %lld events, %lld mentions\n",
                   flags.db_path.c_str(), static_cast<unsigned long long>(added.documents_added),
                   static_cast<unsigned long long>(skipped + added.documents_skipped),
                   static_cast<long long>(counts.documents), static_cast<long long>(counts.stories),
                   static_cast<long long>(counts.events), static_cast<long long>(counts.mentions));
    }
  }
  // The --out file replaces an old one only when everything, the store included, worked.
  if (writer != nullptr) {
    if (write_status.ok()) {
      write_status = writer->Close();
    } else {
      writer->Discard();
    }
  }
  progress.Finish();
  if (suppressed_warnings > 0) {
    std::fprintf(stderr, "parley: %llu warning%s (suppressed by -q)\n",
                 static_cast<unsigned long long>(suppressed_warnings),
                 suppressed_warnings == 1 ? "" : "s");
  }
  // Bad records are warnings, not failures: the exit status stays 0 (see README, Input).
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
  cmd->add_option("input", flags->inputs, "Files, folders (recursive) or - for stdin")->required();
  cmd->add_option("--dict", flags->engine.dict_paths,
                  "Dictionary file or folder; repeatable; replaces the bundled set")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file");
  AddProfileFlag(cmd, &flags->engine);
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--input-format", flags->input_format, "auto, text, jsonl, tabari or petrarch");
  cmd->add_option("--out", flags->out_path, "Output file (default: stdout)");
  cmd->add_option("--threads", flags->threads, "Coding threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  AddSyntaxFlags(cmd, &flags->engine);
  cmd->add_flag("-q,--quiet", flags->engine.quiet, "No progress or warnings on stderr");
  cmd->add_option("--db", flags->db_path,
                  "SQLite event store to add documents, stories, events and mentions to "
                  "(created if missing; documents already stored are skipped). Events are "
                  "then streamed only if --out is given");
  cmd->add_flag("--one-a-day", flags->one_a_day,
                "With --db, when creating the store: one event per (date, source, target, "
                "code) across all stories (Phoenix) instead of per story (GDELT)");
  cmd->add_flag("--no-wait", flags->no_wait,
                "With --db: fail at once if another process is writing the store, instead "
                "of waiting for it to finish");
  cmd->callback([=] { *exit_code = RunCode(*flags); });
}

}  // namespace parley::cli
