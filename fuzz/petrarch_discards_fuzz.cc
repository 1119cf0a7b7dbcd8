// Fuzz target: the PETRARCH discards reader on arbitrary bytes. Loading never fails on content,
// every warning names the file, and the dictionary it builds (with fixed actors and verbs)
// codes a fixed sentence with in-range offsets (fuzz/dict_fuzz_util.h).
#include <cstdint>
#include <string>
#include <vector>

#include "dict/readers.h"
#include "dict_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley::fuzz;
  const MemoryFile file(data, size);
  parley::dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  Check(parley::dict::ReadPetrarchDiscards(file.path(), &builder, &warnings).ok());
  CheckWarnings(warnings, file.path());
  AddFixedActors(&builder);
  AddFixedVerbs(&builder);
  BuildAndCode(&builder);
  return 0;
}
