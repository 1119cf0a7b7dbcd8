// Shared set-up for the CLI commands: dictionaries, coder options, progress reporting.
#ifndef PARLEY_TOOLS_ENGINE_H_
#define PARLEY_TOOLS_ENGINE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/status.h"

namespace parley::cli {

struct EngineFlags {
  std::vector<std::string> dict_paths;  // --dict: files or folders; empty = bundled set
  std::string options_path;             // --options: a TABARI .options file
  bool quiet = false;
};

// Loads the dictionaries named by `flags` (or the bundled set) and builds a Coder.
// Dictionary warnings go to stderr (the first few in full, then a count).
Status MakeCoder(const EngineFlags& flags, std::unique_ptr<Coder>* coder);

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
