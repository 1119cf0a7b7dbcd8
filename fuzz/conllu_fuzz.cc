// Fuzz target: the CoNLL-U reader and writer on arbitrary bytes. Checks that reading never
// crashes, that every error names the input and a line that exists, that sentences read
// satisfy the reader's contract (IDs 1..n, heads in range) and that writing what was read
// and reading it again gives the same text.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parley/syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley::syntax;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::vector<Sentence> strict;
  const parley::Status st = ReadConllu(text, "in", &strict);
  std::vector<Sentence> lenient;
  std::vector<std::string> errors;
  if (!ReadConllu(text, "in", &lenient, &errors).ok()) std::abort();
  if (st.ok() != errors.empty()) std::abort();
  if (!st.ok() && st.message() != errors.front()) std::abort();
  for (const std::string& e : errors) {
    if (e.rfind("in:", 0) != 0) std::abort();
    const size_t line = std::strtoul(e.c_str() + 3, nullptr, 10);
    if (line == 0 || line > lines) std::abort();
  }
  std::string written;
  for (const Sentence& s : lenient) {
    if (s.words.empty()) std::abort();
    for (const Word& w : s.words) {
      if (w.head < -1 || w.head > static_cast<int>(s.words.size())) std::abort();
      if (w.form.empty()) std::abort();
    }
    AppendConllu(s, &written);
  }
  std::vector<Sentence> again;
  if (!ReadConllu(written, "out", &again).ok()) std::abort();
  if (again.size() != lenient.size()) std::abort();
  std::string rewritten;
  for (const Sentence& s : again) AppendConllu(s, &rewritten);
  if (rewritten != written) std::abort();
  return 0;
}
