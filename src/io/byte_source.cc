#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "io/io_internal.h"

namespace parley::io {
namespace {

// Read size for pipes and stdin (a pipe holds 64 KB), and for large regular files.
constexpr size_t kStreamChunk = 1 << 16;
constexpr size_t kFileChunk = 1 << 20;

std::string ShrankMessage(uint64_t got, uint64_t expected) {
  return fmt::format("file shrank while being read ({} of {} bytes); the rest is lost", got,
                     expected);
}

std::string ErrnoMessage(std::string_view what, const std::string& path) {
  return std::string(what) + " " + path + ": " + std::strerror(errno);
}

// read() that retries on EINTR; returns bytes read, 0 at end, -1 on error.
ssize_t ReadSome(int fd, char* dest, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd, dest, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

}  // namespace

void ByteSource::StartStreaming(int fd, bool owns_fd, size_t chunk) {
  fd_ = fd;
  owns_fd_ = owns_fd;
  chunk_ = chunk;
  capacity_ = chunk;
  buffer_.reset(new char[capacity_ + kReadPadding]);
  data_ = buffer_.get();
  readable_end_ = data_ + capacity_ + kReadPadding;
  at_eof_ = false;
}

// Files are read with read(2), never memory-mapped: a mapped file that another process
// truncates raises SIGBUS on the next access, and streaming costs no more (io_bench).
Status ByteSource::Open(const std::string& path, size_t stream_threshold,
                        std::unique_ptr<ByteSource>* source) {
  std::unique_ptr<ByteSource> src(new ByteSource());
  if (path == "-") {
    src->StartStreaming(STDIN_FILENO, false, kStreamChunk);
    *source = std::move(src);
    return Status::OK();
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot open", path));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = Status::IOError(ErrnoMessage("cannot stat", path));
    ::close(fd);
    return s;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IOError(fmt::format("cannot read {}: is a folder", path));
  }
  if (!S_ISREG(st.st_mode)) {
    // Pipes, FIFOs, character devices: stream them like stdin.
    src->StartStreaming(fd, true, kStreamChunk);
    *source = std::move(src);
    return Status::OK();
  }
  const size_t size = static_cast<size_t>(st.st_size);
  src->expected_size_ = size;
  if (size >= stream_threshold && size > 0) {
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    src->StartStreaming(fd, true, kFileChunk);
    *source = std::move(src);
    return Status::OK();
  }
  src->capacity_ = size;
  src->buffer_.reset(new char[size + kReadPadding]);
  size_t filled = 0;
  while (filled < size) {
    ssize_t got = ReadSome(fd, src->buffer_.get() + filled, size - filled);
    if (got < 0) {
      Status s = Status::IOError(ErrnoMessage("cannot read", path));
      ::close(fd);
      return s;
    }
    if (got == 0) break;  // the file shrank while we read it
    filled += static_cast<size_t>(got);
  }
  ::close(fd);
  std::memset(src->buffer_.get() + filled, 0, kReadPadding);
  src->data_ = src->buffer_.get();
  src->end_ = filled;
  src->readable_end_ = src->data_ + filled + kReadPadding;
  if (filled < size) src->error_ = ShrankMessage(filled, size);
  *source = std::move(src);
  return Status::OK();
}

std::unique_ptr<ByteSource> ByteSource::FromString(std::string_view data) {
  std::unique_ptr<ByteSource> src(new ByteSource());
  src->capacity_ = data.size();
  src->buffer_.reset(new char[data.size() + kReadPadding]);
  std::memcpy(src->buffer_.get(), data.data(), data.size());
  std::memset(src->buffer_.get() + data.size(), 0, kReadPadding);
  src->data_ = src->buffer_.get();
  src->end_ = data.size();
  src->readable_end_ = src->data_ + data.size() + kReadPadding;
  return src;
}

std::unique_ptr<ByteSource> ByteSource::FromStringInChunks(std::string_view data, size_t chunk) {
  std::unique_ptr<ByteSource> src(new ByteSource());
  src->StartStreaming(-1, false, kStreamChunk);
  src->chunked_data_.assign(data);
  src->chunked_size_ = std::max<size_t>(chunk, 1);
  return src;
}

ByteSource::~ByteSource() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

bool ByteSource::Fill() {
  if (at_eof_) return false;
  char* buf = buffer_.get();
  if (pos_ > 0) {
    // Keep only the unconsumed bytes; their views are invalidated (see header).
    std::memmove(buf, buf + pos_, end_ - pos_);
    base_offset_ += pos_;
    end_ -= pos_;
    pos_ = 0;
  }
  if (capacity_ - end_ < chunk_ / 2) {
    // A single unit (line, XML tag) larger than the buffer: grow.
    size_t new_capacity = std::max(capacity_ * 2, end_ + chunk_);
    std::unique_ptr<char[]> bigger(new char[new_capacity + kReadPadding]);
    std::memcpy(bigger.get(), buf, end_);
    buffer_ = std::move(bigger);
    capacity_ = new_capacity;
    buf = buffer_.get();
    data_ = buf;
    readable_end_ = data_ + capacity_ + kReadPadding;
  }
  ssize_t got;
  if (fd_ >= 0) {
    got = ReadSome(fd_, buf + end_, capacity_ - end_);
  } else {
    got = static_cast<ssize_t>(
        std::min({chunked_size_, capacity_ - end_, chunked_data_.size() - chunked_pos_}));
    std::memcpy(buf + end_, chunked_data_.data() + chunked_pos_, static_cast<size_t>(got));
    chunked_pos_ += static_cast<size_t>(got);
  }
  if (got <= 0) {
    if (got < 0) {
      error_ = std::string("read error: ") + std::strerror(errno);
    } else if (base_offset_ + end_ < expected_size_) {
      error_ = ShrankMessage(base_offset_ + end_, expected_size_);
    }
    at_eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(got);
  return true;
}

void ByteSource::FillAtLeast(size_t n) {
  while (end_ - pos_ < n && Fill()) {
  }
}

bool ByteSource::NextLine(std::string_view* line) {
  size_t scanned = 0;  // bytes of the window already known to hold no '\n'
  for (;;) {
    std::string_view w = window();
    const void* nl = std::memchr(w.data() + scanned, '\n', w.size() - scanned);
    size_t len;
    size_t advance;
    if (nl != nullptr) {
      len = static_cast<const char*>(nl) - w.data();
      advance = len + 1;
    } else {
      scanned = w.size();
      if (Fill()) continue;
      w = window();  // even a Fill() that adds nothing may have moved the bytes
      if (w.empty()) return false;
      len = advance = w.size();
    }
    if (len > 0 && w[len - 1] == '\r') --len;
    *line = w.substr(0, len);
    Consume(advance);
    return true;
  }
}

}  // namespace parley::io
