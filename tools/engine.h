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

namespace parley::cli {

struct EngineFlags {
  std::vector<std::string> dict_paths;  // --dict: files or folders; empty = bundled set
  std::string options_path;             // --options: a TABARI .options file
  std::string syntax_model;             // --syntax-model: empty = the bundled model
  bool no_syntax = false;               // --no-syntax: code without the parse
  bool tree_roles = false;              // --tree-roles: check roles against the parse
  bool quiet = false;
};

// Adds --syntax-model and --no-syntax to `cmd`.
void AddSyntaxFlags(CLI::App* cmd, EngineFlags* flags);

// Loads the dictionaries named by `flags` (or the bundled set) and builds a Coder.
// Dictionary warnings go to stderr (the first few in full, then a count).
Status MakeCoder(const EngineFlags& flags, std::unique_ptr<Coder>* coder);

// Picks the Coder for each document of an ordered input stream so that `parley code`
// codes validation records exactly as `parley validate` does: PETRARCH unit-test XML gets
// PETRARCH's conventions, and a record's own settings (Document::options, TABARI
// "{ OPTION: ... }" notes) apply from that record to the end of its file. Not
// thread-safe: call For() from the reading thread, in input order.
class DocumentCoders {
 public:
  // `forced` is the --input-format (kAuto: each file's format is detected).
  DocumentCoders(std::shared_ptr<const Coder> base, InputFormat forced)
      : base_(std::move(base)), current_(base_), forced_(forced) {}
  // `format` is the format `doc` was read as (DocumentReader::current_format()): the
  // reader detected it from the bytes it read, so inputs are never opened twice (a FIFO
  // or pipe cannot be, and stdin has no name to detect from).
  std::shared_ptr<const Coder> For(const Document& doc, InputFormat format);

 private:
  std::shared_ptr<const Coder> base_, current_;
  InputFormat forced_;
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
