// Shared set-up for the CLI commands: dictionaries, coder options, progress reporting.
#ifndef PARLEY_TOOLS_ENGINE_H_
#define PARLEY_TOOLS_ENGINE_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/reader.h"
#include "parley/status.h"

namespace CLI {
class App;
}

namespace parley::cli {

struct EngineFlags {
  std::vector<std::string> dict_paths;  // --dict: files or folders; empty = bundled set
  std::string options_path;             // --options: a TABARI .options file
  std::string profile;                  // --profile: tabari, petrarch or news; empty: by input
  std::string syntax_model;             // --syntax-model: empty = the bundled model
  bool no_syntax = false;               // --no-syntax: code without the parse
  bool tree_roles = true;               // check roles against the parse (news; --no-syntax: off)
  bool quiet = false;
};

// Adds --syntax-model and --no-syntax to `cmd`.
void AddSyntaxFlags(CLI::App* cmd, EngineFlags* flags);

// Adds --profile to `cmd`, storing into `flags->profile`.
void AddProfileFlag(CLI::App* cmd, EngineFlags* flags);

// The profile an input of `format` is coded with (kAuto: before any input is read):
// --profile when given; otherwise petrarch for PETRARCH XML, tabari when an .options file
// is given, news for everything else (plain text, JSONL, and TABARI records without an
// .options file). InvalidArgument for an unknown --profile.
Status SelectProfile(const EngineFlags& flags, InputFormat format, Profile* profile);

// The options `profile` codes with, the --options file's lines applied on top.
// Its warnings go to `warnings`.
Status OptionsFor(const EngineFlags& flags, Profile profile, CoderOptions* options,
                  std::vector<std::string>* warnings);

// Loads the dictionaries named by `flags` (or the bundled set) and builds a Coder with the
// options of SelectProfile(flags, kAuto). Dictionary and options warnings go to stderr
// (the first few in full, then a count).
Status MakeCoder(const EngineFlags& flags, std::unique_ptr<Coder>* coder);

// Picks the Coder for each document of an ordered input stream so that `parley code`
// codes validation records exactly as `parley validate` does: each file is coded with the
// profile its format selects (SelectProfile: PETRARCH unit-test XML gets the petrarch
// profile), and a record's own settings (Document::options, TABARI "{ OPTION: ... }"
// notes) apply from that record to the end of its file. Not thread-safe: call For() from
// the reading thread, in input order.
class DocumentCoders {
 public:
  // `base` was made by MakeCoder(flags); `forced` is the --input-format (kAuto: each
  // file's format is detected).
  DocumentCoders(std::shared_ptr<const Coder> base, InputFormat forced, EngineFlags flags)
      : base_(std::move(base)), current_(base_), forced_(forced), flags_(std::move(flags)) {}
  // `format` is the format `doc` was read as (DocumentReader::current_format()): the
  // reader detected it from the bytes it read, so inputs are never opened twice (a FIFO
  // or pipe cannot be, and stdin has no name to detect from).
  std::shared_ptr<const Coder> For(const Document& doc, InputFormat format);

 private:
  // The coder a file of `profile` starts with: `base_` for its own profile, others built
  // once, when a file first needs them.
  std::shared_ptr<const Coder> ForProfile(Profile profile);

  std::shared_ptr<const Coder> base_, current_;
  std::shared_ptr<const Coder> by_profile_[3];
  InputFormat forced_;
  EngineFlags flags_;
  std::string origin_;  // file of the previous document
  bool first_ = true;
  CoderOptions options_;
};

// Tells the user, on stderr, that another process is writing the store at `path` and
// this one waits for it (StoreOptions::on_wait). Printed even with -q: a silent wait
// would look like a hang.
void PrintStoreWait(const std::string& path, int64_t pid);

// Prints "parley: N docs, M events, X MB, Y docs/s" to stderr at most every two seconds,
// and a final summary from Finish().
class Progress {
 public:
  explicit Progress(bool quiet) : quiet_(quiet) {}
  void Add(uint64_t docs, uint64_t events, uint64_t bytes);
  void Finish();

 private:
  void Print(const char* end);
  bool quiet_;
  uint64_t docs_ = 0, events_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_ = start_;
};

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_ENGINE_H_
