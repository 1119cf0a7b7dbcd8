// Document readers: turn input files, folders and stdin into a stream of parley::Document.
//
// Supported formats (detected per file from the extension and the first bytes):
//   - plain-text article, one per file, with optional header lines and a dateline;
//   - JSONL, one JSON object per line (id, date, text, title, url, source);
//   - TABARI text records ("YYMMDD ID" line, text lines, blank line);
//   - PETRARCH XML (<Sentence date= id=> with <Text> and <EventCoding>).
// Every document's text is cleaned with text::CleanText. Bad records produce a warning
// that names the file and line (or byte offset) and reading goes on with the next record:
// a bad record never costs the rest of its file. Each input is opened and read exactly
// once (the format is detected from the first bytes read), so FIFOs, pipes, process
// substitution (/dev/fd/N) and stdin behave like files.
#ifndef PARLEY_READER_H_
#define PARLEY_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley {

enum class InputFormat : uint8_t { kAuto, kPlainText, kJsonl, kTabari, kPetrarchXml };

// "auto", "text", "jsonl", "tabari", "petrarch" (also "xml"). InvalidArgument otherwise.
Status ParseInputFormat(std::string_view name, InputFormat* format);

// The name ParseInputFormat accepts for `format`.
std::string_view InputFormatName(InputFormat format);

// Guesses the format of one input from its path (extension) and its first bytes `head`
// (a few KB are plenty). Never returns kAuto; falls back to kPlainText.
InputFormat DetectInputFormat(std::string_view path, std::string_view head);

// Returns `s` with every control character (C0, DEL, C1) and every byte that is not part
// of valid UTF-8 written as \xNN, so that a message quoting input (or a file name) cannot
// inject terminal escapes or broken text. Printable UTF-8 is kept as is.
std::string EscapeControlBytes(std::string_view s);

// Receives one fully formatted warning, e.g. "news/a.jsonl:17: not valid JSON (...)".
// Quoted input and file names in it are already escaped with EscapeControlBytes.
using WarningSink = std::function<void(std::string_view message)>;

struct ReaderOptions {
  // kAuto detects each file's format; anything else forces it for every input.
  InputFormat format = InputFormat::kAuto;
  // Where warnings about bad records go. Null: written to stderr, one per line.
  WarningSink on_warning;
  // Files smaller than this are read in one go; larger ones are streamed in chunks with
  // read(2). (The name is historical: files are no longer memory-mapped, because a file
  // truncated under a mapping kills the process with SIGBUS; bench/io_bench.cc measures
  // streaming at the speed of the old mapping.) A file that shrinks while it is read is
  // reported and what was read of it is kept.
  size_t mmap_threshold = 256 * 1024;
};

// Streams documents from a list of inputs, one at a time, in input order. Inputs are
// files (or FIFOs, character devices, /dev/fd/N), folders (all non-hidden regular files
// below them, recursively, sorted by path) and "-" for stdin (streamed, never loaded whole
// except for a plain-text article). Inside folders, entries that cannot be listed or are
// not regular files (unreadable folders, dangling symbolic links, FIFOs, sockets, devices,
// symbolic links to folders, which are not followed) are reported through the warning
// sink and skipped. Not thread-safe: one reader per thread.
class DocumentReader {
 public:
  // Expands `inputs` and prepares to read. NotFound if an input does not exist,
  // InvalidArgument if `inputs` is empty. Folder entries skipped while expanding, and files
  // that later fail to open or read, are reported through the warning sink.
  static Status Open(const std::vector<std::string>& inputs, ReaderOptions options,
                     std::unique_ptr<DocumentReader>* reader);

  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Overwrites `doc` with the next document (reusing its buffers). False at the end.
  bool Next(Document* doc);

  // The files the inputs expanded to, in reading order ("-" for stdin).
  // The format of the file the last document returned by Next() came from: the forced
  // format, or the one detected from that file's first bytes (also for stdin and pipes,
  // which cannot be read twice). kAuto before the first document.
  InputFormat current_format() const;

  const std::vector<std::string>& files() const;
  uint64_t documents_read() const;
  uint64_t warnings() const;

  class Impl;

 private:
  explicit DocumentReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses a plain-text article (one file's content) into `doc`: header lines, dateline,
// body. `id` is the default document id (the file name). Exposed for tests and for
// callers that hold an article in memory. Issues found are reported through `warn`
// prefixed with `origin`.
void ParsePlainTextArticle(std::string_view content, std::string_view id, std::string_view origin,
                           const WarningSink& warn, Document* doc);

}  // namespace parley

#endif  // PARLEY_READER_H_
