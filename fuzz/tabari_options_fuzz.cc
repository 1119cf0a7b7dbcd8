// Fuzz target: the TABARI .options reader on arbitrary bytes. Reading never fails on
// content, every warning names the file, and a fixed dictionary codes a fixed sentence
// under whatever options were read, with in-range offsets (fuzz/dict_fuzz_util.h).
#include <cstdint>
#include <string>
#include <vector>

#include "dict_fuzz_util.h"
#include "parley/coder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley::fuzz;
  const MemoryFile file(data, size);
  parley::CoderOptions options;
  std::vector<std::string> warnings;
  Check(parley::ReadTabariOptions(file.path(), &options, &warnings).ok());
  CheckWarnings(warnings, file.path());
  parley::dict::DictionaryBuilder builder;
  AddFixedActors(&builder);
  AddFixedVerbs(&builder);
  BuildAndCode(&builder, options);
  return 0;
}
