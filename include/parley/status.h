// Status: the error value returned by operations that can fail for expected reasons
// (missing file, malformed dictionary line, bad record). Exceptions are reserved for bugs.
#ifndef PARLEY_STATUS_H_
#define PARLEY_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace parley {

class Status {
 public:
  enum class Code { kOk = 0, kNotFound, kInvalidArgument, kCorruption, kIOError, kUnsupported };

  // An OK status carries no message.
  Status() = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  // The input is present but malformed (bad dictionary line, bad record).
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The message, without the code name.
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace parley

#endif  // PARLEY_STATUS_H_
