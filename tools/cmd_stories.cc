// parley stories --db F [--format jsonl] [--out FILE]: one line per story of an event
// store: {"story_id": N, "doc_ids": [...]}.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "parley/store.h"
#include "util/files.h"

namespace parley::cli {
namespace {

struct StoriesFlags {
  std::string db_path;
  std::string format = "jsonl";
  std::string out_path = "-";
};

int RunStories(const StoriesFlags& flags) {
  Status s = util::CheckOutputPath("--out", flags.out_path,
                                   util::StoreFiles(flags.db_path, "the event store (--db)"));
  if (!s.ok()) {
    std::fprintf(stderr, "parley stories: %s\n", s.ToString().c_str());
    return 2;
  }
  std::unique_ptr<EventStore> store;
  StoreOptions options;
  options.read_only = true;
  s = EventStore::Open(flags.db_path, options, &store);
  std::FILE* out = stdout;
  std::unique_ptr<util::AtomicFile> out_file;
  if (s.ok() && flags.out_path != "-") {
    s = util::AtomicFile::Create(flags.out_path, &out_file);
    if (s.ok()) out = out_file->get();
  }
  if (s.ok()) {
    std::string line;
    s = store->ForEachStory([&](const StoredStory& story) {
      nlohmann::ordered_json j;
      j["story_id"] = story.story_id;
      j["doc_ids"] = story.doc_ids;
      line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), out);
    });
  }
  // The file replaces an old one only when the whole listing worked.
  if (out_file != nullptr) s = out_file->Finish(s);
  if (s.ok() && out == stdout && std::fflush(stdout) != 0)
    s = Status::IOError("stdout: write failed");
  if (!s.ok()) {
    std::fprintf(stderr, "parley stories: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddStoriesCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("stories",
                                  "List the stories (near-duplicate clusters) of an event store");
  auto flags = std::make_shared<StoriesFlags>();
  cmd->add_option("--db", flags->db_path, "Event store written by parley code --db")->required();
  cmd->add_option("--format", flags->format, "jsonl")->check(CLI::IsMember({"jsonl"}));
  cmd->add_option("--out", flags->out_path, "Output file (default: stdout)");
  cmd->callback([=] { *exit_code = RunStories(*flags); });
}

}  // namespace parley::cli
