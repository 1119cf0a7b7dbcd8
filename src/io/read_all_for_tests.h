// Test helper: every document and warning a DocumentReader gives for some inputs.
#ifndef PARLEY_IO_READ_ALL_FOR_TESTS_H_
#define PARLEY_IO_READ_ALL_FOR_TESTS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/reader.h"

namespace parley::testing {

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> warnings;
  std::vector<InputFormat> formats;  // DocumentReader::current_format() after each doc
};

// Reads `inputs` to the end, collecting warnings instead of printing them; checks that
// the reader's counters agree with what it delivered.
inline ReadResult ReadAll(const std::vector<std::string>& inputs,
                          InputFormat format = InputFormat::kAuto,
                          size_t mmap_threshold = 256 * 1024) {
  ReadResult result;
  ReaderOptions options;
  options.format = format;
  options.mmap_threshold = mmap_threshold;
  options.on_warning = [&result](std::string_view w) { result.warnings.emplace_back(w); };
  std::unique_ptr<DocumentReader> reader;
  Status s = DocumentReader::Open(inputs, options, &reader);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return result;
  Document doc;
  while (reader->Next(&doc)) {
    result.docs.push_back(doc);
    result.formats.push_back(reader->current_format());
  }
  EXPECT_EQ(reader->documents_read(), result.docs.size());
  EXPECT_EQ(reader->warnings(), result.warnings.size());
  return result;
}

}  // namespace parley::testing

#endif  // PARLEY_IO_READ_ALL_FOR_TESTS_H_
