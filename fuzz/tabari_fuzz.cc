// Fuzz target: the tabari reader on TABARI text records (header, text lines, comments, blank line).
// See reader_fuzz.h for the invariants: valid UTF-8 text, sane lines and ids, escaped warnings
// naming the input, and the same result whether the input comes in one buffer or a few bytes at a
// time.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return parley::fuzz::FuzzReader(parley::io::NewTabariReader, data, size, /*one_document=*/false);
}
