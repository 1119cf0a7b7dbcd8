// Shared body of the reader fuzz targets (jsonl, plain_text, tabari, petrarch_xml): reads
// the input with one reader twice, once as a single buffer and once handed out a few bytes
// at a time (as a slow pipe delivers it), and aborts unless both readings agree and every
// document and message keeps the reader's contracts.
#ifndef PARLEY_FUZZ_READER_FUZZ_H_
#define PARLEY_FUZZ_READER_FUZZ_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/io_internal.h"
#include "parley/reader.h"
#include "text/unicode.h"

namespace parley::fuzz {

using NewReader = std::unique_ptr<io::RecordReader> (*)(std::unique_ptr<io::ByteSource>,
                                                        std::string, io::Warner*);

inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "reader fuzz: invariant violated: %s\n", what);
    std::abort();
  }
}

inline bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t bad = 0;
    const uint32_t len = static_cast<unsigned char>(s[i]) < 0x80
                             ? 1
                             : text::internal::ValidSequenceLength(s, i, &bad);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

struct Reading {
  std::vector<Document> docs;
  std::vector<std::string> warnings;
};

inline Reading ReadWith(NewReader make, std::unique_ptr<io::ByteSource> source) {
  Reading r;
  io::Warner warner([&r](std::string_view w) { r.warnings.emplace_back(w); });
  std::unique_ptr<io::RecordReader> reader = make(std::move(source), "fuzz.in", &warner);
  Document doc;
  // Each document needs at least one input byte; a reader that returns more is looping.
  while (reader->Next(&doc)) r.docs.push_back(doc);
  Check(warner.count() == r.warnings.size(), "warning count");
  return r;
}

inline void CheckReading(const Reading& r, std::string_view input, bool one_document) {
  uint64_t lines = 1;
  for (char c : input) lines += c == '\n';
  Check(r.docs.size() <= input.size() + 1, "more documents than bytes");
  if (one_document) Check(r.docs.size() <= 1, "an article file is one document");
  uint64_t previous_line = 0;
  for (const Document& d : r.docs) {
    Check(IsValidUtf8(d.text), "document text is valid UTF-8");
    Check(d.text.find('\0') == std::string::npos, "no NUL in document text");
    Check(d.origin == "fuzz.in", "origin");
    Check(d.origin_line <= lines, "origin line within the input");
    Check(d.origin_line == 0 || d.origin_line >= previous_line, "lines in input order");
    previous_line = d.origin_line;
    Check(!d.id.empty(), "every document has an id");
    Check(d.date == 0 || (d.date % 100 >= 1 && d.date % 100 <= 31 && d.date / 100 % 100 >= 1 &&
                          d.date / 100 % 100 <= 12),
          "date is YYYYMMDD");
  }
  for (const std::string& w : r.warnings) {
    Check(IsValidUtf8(w), "warning is valid UTF-8");
    for (unsigned char c : w) Check(c >= 0x20 && c != 0x7F, "warning has no control bytes");
    Check(w.rfind("fuzz.in", 0) == 0, "warning names the input");
  }
}

inline int FuzzReader(NewReader make, const uint8_t* data, size_t size, bool one_document) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Reading whole = ReadWith(make, io::ByteSource::FromString(input));
  CheckReading(whole, input, one_document);
  // The chunk size comes from the input so the fuzzer explores the boundaries.
  const size_t chunk = size == 0 ? 1 : 1 + data[0] % 13;
  const Reading chunked = ReadWith(make, io::ByteSource::FromStringInChunks(input, chunk));
  Check(chunked.docs.size() == whole.docs.size(), "same documents however input arrives");
  for (size_t i = 0; i < whole.docs.size(); ++i) {
    const Document& a = whole.docs[i];
    const Document& b = chunked.docs[i];
    Check(a.id == b.id && a.text == b.text && a.origin_line == b.origin_line && a.date == b.date &&
              a.notes == b.notes && a.expected_events == b.expected_events &&
              a.options == b.options,
          "same document however input arrives");
  }
  Check(chunked.warnings == whole.warnings, "same warnings however input arrives");
  return 0;
}

}  // namespace parley::fuzz

#endif  // PARLEY_FUZZ_READER_FUZZ_H_
