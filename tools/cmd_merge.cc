// parley merge --db TARGET SOURCE... : adds the documents of other parley stores (coded
// elsewhere) to TARGET, exactly as coding their inputs into TARGET would have: documents
// already there (same id and content hash) are skipped, the rest get their stories
// assigned by TARGET's story index and their events and mentions aggregated with TARGET's.
// It holds TARGET's writer lock, commits in batches (kill -9 leaves a consistent store,
// and rerunning completes it) and is idempotent.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "engine.h"
#include "parley/store.h"
#include "util/files.h"

namespace parley::cli {
namespace {

struct MergeFlags {
  std::string db_path;
  std::vector<std::string> sources;
  bool one_a_day = false;
  bool no_wait = false;
  bool quiet = false;
};

// Documents per transaction: large enough that commits are cheap, small enough that a
// killed merge loses little.
constexpr size_t kMergeBatchDocs = 128;

int Fail(const Status& s) {
  std::fprintf(stderr, "parley merge: %s\n", s.ToString().c_str());
  return s.code() == Status::Code::kInvalidArgument ? 2 : 1;
}

Status MergeOne(const std::string& source_path, EventStore* target, AddResult* added) {
  std::unique_ptr<EventStore> source;
  StoreOptions options;
  options.read_only = true;
  Status s = EventStore::Open(source_path, options, &source);
  if (!s.ok()) return s;
  std::vector<StoreDocument> batch;
  auto flush = [&]() {
    Status written = target->AddBatch(batch, added);
    batch.clear();
    return written;
  };
  s = source->ForEachDocument([&](StoreDocument&& doc) {
    if (target->Contains(doc.id, doc.content_hash)) {
      ++added->documents_skipped;
      return Status::OK();
    }
    batch.push_back(std::move(doc));
    return batch.size() >= kMergeBatchDocs ? flush() : Status::OK();
  });
  if (s.ok() && !batch.empty()) s = flush();
  if (!s.ok()) return Status::IOError("merging " + source_path + ": " + s.message());
  return s;
}

int RunMerge(const MergeFlags& flags) {
  for (const std::string& source : flags.sources) {
    if (util::SameFile(source, flags.db_path))
      return Fail(Status::InvalidArgument("cannot merge " + source + " into itself (--db " +
                                          flags.db_path + ")"));
  }
  std::unique_ptr<EventStore> target;
  StoreOptions options;
  options.one_a_day = flags.one_a_day;
  options.wait_for_writer = !flags.no_wait;
  options.on_wait = PrintStoreWait;
  Status s = EventStore::Open(flags.db_path, options, &target);
  if (!s.ok()) return Fail(s);
  for (const std::string& source : flags.sources) {
    AddResult added;
    s = MergeOne(source, target.get(), &added);
    // On failure the summary says what was kept, when anything was.
    if (s.ok() ? !flags.quiet : added.documents_added > 0) {
      StoreCounts counts;
      target->GetCounts(&counts).ok();
      std::fprintf(stderr,
                   "parley: merged %s into %s: %lld documents added, %lld already stored; now "
                   "%lld documents, %lld stories, %lld events, %lld mentions\n",
                   source.c_str(), flags.db_path.c_str(),
                   static_cast<long long>(added.documents_added),
                   static_cast<long long>(added.documents_skipped),
                   static_cast<long long>(counts.documents), static_cast<long long>(counts.stories),
                   static_cast<long long>(counts.events), static_cast<long long>(counts.mentions));
    }
    if (!s.ok()) return Fail(s);
  }
  return 0;
}

}  // namespace

void AddMergeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "merge", "Merge other event stores into one, as if their inputs had been coded into it");
  auto flags = std::make_shared<MergeFlags>();
  cmd->add_option("--db", flags->db_path, "Target event store (created if missing)")->required();
  cmd->add_option("source", flags->sources, "Event stores to merge into the target")->required();
  cmd->add_flag("--one-a-day", flags->one_a_day,
                "When creating the target: one event per (date, source, target, code)");
  cmd->add_flag("--no-wait", flags->no_wait,
                "Fail at once if another process is writing the target, instead of waiting");
  cmd->add_flag("-q,--quiet", flags->quiet, "No summary on stderr");
  cmd->callback([=] { *exit_code = RunMerge(*flags); });
}

}  // namespace parley::cli
