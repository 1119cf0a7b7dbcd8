// Internal pieces of the io module: byte sources (whole-file buffer, or streamed with
// read(2) for large files, pipes and stdin), the warning counter, and one record reader per input
// format.
#ifndef PARLEY_IO_IO_INTERNAL_H_
#define PARLEY_IO_IO_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/reader.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley::io {

// Bytes we keep readable past the end of every buffer, so that simdjson can parse a line
// in place (it reads up to 64 bytes beyond the end of its input).
inline constexpr size_t kReadPadding = 64;

// A forward-only window over one input. Readers look at window(), Consume() what they
// used, and call Fill() when they need more. A fully read (small) file is one window;
// large files, pipes and stdin grow the window by reading more. Views into the window stay valid
// until the next Fill() (which may move the unconsumed bytes).
class ByteSource {
 public:
  // Opens `path` ("-" is stdin). Regular files of `stream_threshold` bytes or more are
  // streamed; smaller ones are read whole. Never memory-maps (see byte_source.cc).
  static Status Open(const std::string& path, size_t stream_threshold,
                     std::unique_ptr<ByteSource>* source);
  // A source over a copy of `data` (tests, in-memory input).
  static std::unique_ptr<ByteSource> FromString(std::string_view data);
  // The same bytes handed out `chunk` (> 0) at a time by Fill(), as a slow pipe would:
  // tests and fuzz targets check that readers give the same result however input arrives.
  static std::unique_ptr<ByteSource> FromStringInChunks(std::string_view data, size_t chunk);

  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  std::string_view window() const { return {data_ + pos_, end_ - pos_}; }
  void Consume(size_t n) { pos_ += n; }
  // File offset of the first byte of window().
  uint64_t offset() const { return base_offset_ + pos_; }
  // Reads more input into the window. False when nothing was added (end or read error;
  // see error()). Either way views into the window are invalidated: take window() again.
  bool Fill();
  // Fills until the window holds at least `n` bytes or the input ends.
  void FillAtLeast(size_t n);
  // How many bytes from `p` (a pointer into the window) on may be read without faulting;
  // at least the rest of the window.
  size_t ReadableFrom(const char* p) const { return readable_end_ - p; }
  // Next line without its '\n' (and without a trailing '\r'). False at the end.
  bool NextLine(std::string_view* line);
  // Non-empty if reading failed part way, or the file shrank while it was read.
  const std::string& error() const { return error_; }

 private:
  ByteSource() = default;
  void StartStreaming(int fd, bool owns_fd, size_t chunk);

  const char* data_ = nullptr;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint64_t base_offset_ = 0;
  const char* readable_end_ = nullptr;

  // Streaming or whole-file buffer.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t chunk_ = 0;            // bytes asked of each read(2)
  uint64_t expected_size_ = 0;  // regular files: size when opened, to notice shrinking
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string chunked_data_;  // FromStringInChunks: what Fill() hands out instead of read(2)
  size_t chunked_pos_ = 0;
  size_t chunked_size_ = 0;
  bool at_eof_ = true;
  std::string error_;
};

// Counts warnings and passes them to the user's sink (stderr when none). Every message is
// passed through EscapeControlBytes first: messages quote input and file names.
class Warner {
 public:
  explicit Warner(WarningSink sink);
  // "<origin>:<line>: <message>" (line 0: "<origin>: <message>").
  void AtLine(std::string_view origin, uint64_t line, std::string_view message);
  void Raw(std::string_view message);
  uint64_t count() const { return count_; }

 private:
  WarningSink sink_;
  uint64_t count_ = 0;
};

// Reports text problems as "<where>byte offset <base + offset>: <message>" (at most a
// few per call).
void ReportTextIssues(const std::vector<text::TextIssue>& issues, Warner* warner,
                      std::string_view where, uint64_t base_offset);

// Runs text::CleanText on `raw` into `out` and reports its problems; `where()` builds the
// message prefix, and is only called when there is something to report.
template <typename WhereFn>
void CleanInto(std::string_view raw, std::string* out, Warner* warner, WhereFn&& where,
               uint64_t base_offset) {
  std::vector<text::TextIssue> issues;  // stays unallocated for clean text
  *out = text::CleanText(raw, &issues);
  if (!issues.empty()) ReportTextIssues(issues, warner, where(), base_offset);
}

// Appends `raw` to `out` with each line trimmed and lines joined by single spaces: the
// record formats wrap sentences over lines, and the line breaks carry no meaning.
void AppendJoinedLines(std::string_view raw, std::string* out);

// Clears every field of `doc`, keeping string capacity.
void ResetDocument(Document* doc);

// Reads the records of one input, one document at a time.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Overwrites `doc` with the next record; false when the input is exhausted.
  virtual bool Next(Document* doc) = 0;
};

// Each reader takes ownership of `source`; `origin` names the input in messages and
// Document::origin; `warner` must outlive the reader.
std::unique_ptr<RecordReader> NewPlainTextReader(std::unique_ptr<ByteSource> source,
                                                 std::string origin, Warner* warner);
std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<ByteSource> source, std::string origin,
                                             Warner* warner);
std::unique_ptr<RecordReader> NewTabariReader(std::unique_ptr<ByteSource> source,
                                              std::string origin, Warner* warner);
std::unique_ptr<RecordReader> NewPetrarchXmlReader(std::unique_ptr<ByteSource> source,
                                                   std::string origin, Warner* warner);

// The file name of `path` without its folders ("a/b/c.txt" -> "c.txt").
std::string_view BaseName(std::string_view path);

}  // namespace parley::io

#endif  // PARLEY_IO_IO_INTERNAL_H_
