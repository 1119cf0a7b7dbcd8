// Event writers: parley::Event records out as JSONL or TSV.
//
// JSONL: one object per line with exactly these keys, in this order:
//   doc_id, sentence_index, sentence, date ("YYYY-MM-DD" or null),
//   source {code, text, start, end}, target {code, text, start, end}, code, root,
//   quad_class, goldstein, verb {text, start, end}, rule, and issues (only when non-empty).
// Offsets are byte offsets into `sentence`; an offset of -1 (actor not in the sentence)
// is written as null. Strings are escaped per RFC 8259; invalid UTF-8 becomes U+FFFD.
//
// TSV: a header line (TsvHeader()), then one event per line; tabs, newlines and carriage
// returns inside fields become spaces, unknown offsets and dates are empty.
//
// Lines are assembled in a memory buffer and handed to the stream only as whole lines, so
// a consumer of stdout never sees half a line. A file opened by Open() is written to a
// temporary file beside it and renamed into place by Close(): a failed or killed run
// leaves an existing file as it was.
#ifndef PARLEY_WRITER_H_
#define PARLEY_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "parley/event.h"
#include "parley/status.h"

namespace parley {

namespace util {
class AtomicFile;
}

enum class EventFormat : uint8_t { kJsonl, kTsv };

// "jsonl" or "tsv"; InvalidArgument otherwise.
Status ParseEventFormat(std::string_view name, EventFormat* format);

class EventWriter {
 public:
  // Bytes of complete lines gathered before they are written out.
  static constexpr size_t kDefaultFlushBytes = 64 * 1024;

  // Writes to `out`, which stays owned by the caller and is not closed. The TSV header is
  // written (buffered) immediately. `flush_bytes` 0 writes every event as it comes (for
  // a consumer reading the output live).
  EventWriter(std::FILE* out, EventFormat format, size_t flush_bytes = kDefaultFlushBytes);

  // Writes to `path`, "-" being stdout. A file is written to a temporary file in the same
  // folder and replaces `path` only when Close() succeeds. IOError if it cannot be created.
  static Status Open(const std::string& path, EventFormat format,
                     std::unique_ptr<EventWriter>* writer, size_t flush_bytes = kDefaultFlushBytes);

  // Flushes a caller's stream. A file opened by Open and not Close()d is discarded (its
  // temporary file removed, an existing `path` untouched): only a run that succeeded
  // replaces the file.
  ~EventWriter();
  EventWriter(const EventWriter&) = delete;
  EventWriter& operator=(const EventWriter&) = delete;

  // Adds one event. IOError if writing buffered lines failed (disk full, closed pipe);
  // the writer stays usable but lines may be missing.
  Status Write(const Event& event);
  // Hands all buffered lines to the file and flushes the FILE.
  Status Flush();
  // Flush, then for a file opened by Open put it in place (rename over `path`). Further
  // writes fail.
  Status Close();
  // For a file opened by Open: drop everything written, leaving `path` as it was.
  void Discard();

  uint64_t events_written() const { return events_; }

  // Appends `event` as one JSONL line (with its '\n') to `out`. Allocates only when
  // `out` must grow.
  static void AppendJsonl(const Event& event, std::string* out);
  // Appends `event` as one TSV line (with its '\n') to `out`.
  static void AppendTsv(const Event& event, std::string* out);
  // The TSV header line, with its '\n'.
  static std::string_view TsvHeader();

 private:
  std::FILE* out_;
  std::unique_ptr<util::AtomicFile> file_;  // set by Open for a file
  bool closed_ = false;
  EventFormat format_;
  size_t flush_bytes_;
  std::string buffer_;
  uint64_t events_ = 0;
};

}  // namespace parley

#endif  // PARLEY_WRITER_H_
