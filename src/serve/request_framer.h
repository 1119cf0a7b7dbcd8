// Reads the framing of HTTP/1.x requests (request line, headers, body) from bytes as they
// arrive, under fixed limits, before any handler or cpp-httplib sees them.
//
// Why: cpp-httplib 0.11 reads request lines, header lists, chunked bodies and chunk-size
// lines without bounds, and ties a thread to every connection while it waits for bytes.
// The server's event loop (serve/event_loop.h) feeds each connection's bytes here without
// blocking; only a complete, checked request is handed to a worker, rewritten with a
// Content-Length body (chunked bodies are decoded here), so nothing a client sends can make
// a worker wait or the server hold more than the limits below.
#ifndef PARLEY_SERVE_REQUEST_FRAMER_H_
#define PARLEY_SERVE_REQUEST_FRAMER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::serve {

struct FramingLimits {
  size_t max_request_line = 8192;  // longer: 414
  size_t max_head = 16 * 1024;     // request line and headers; longer: 431
  size_t max_headers = 100;        // more: 431
  size_t max_body = 64 * 1024;     // decoded body; longer: 413
  // Raw chunked bytes (sizes, extensions, trailers) allowed per request; more: 413.
  size_t max_chunked_bytes = 1024 * 1024;
  // Paths (before '?') that take a POST body; POST elsewhere and every other method but
  // GET and HEAD get 405 without their body being read.
  std::vector<std::string> post_paths;
};

class RequestFramer {
 public:
  enum class State { kNeedMore, kComplete, kError };

  explicit RequestFramer(const FramingLimits* limits) : limits_(limits) {}

  // Parses `input`, which holds every byte received since the start of this request
  // (previous calls' bytes included; the caller only appends). kComplete: request() is
  // ready and consumed() bytes of `input` belong to it (the rest starts the next request).
  // kError: status() and message() describe the answer to send before closing.
  State Feed(std::string_view input);
  // The end of input arrived: kError (400) when part of a request was received.
  State FeedEof(std::string_view input);

  // After kComplete: the request as cpp-httplib should read it. Transfer-Encoding, Expect,
  // Range and any Content-Length are dropped; a POST gets "Content-Length: <n>" and its
  // decoded body.
  const std::string& request() const { return request_; }
  size_t consumed() const { return consumed_; }
  // True once a complete head asked for "100 Continue" before sending its body; the caller
  // sends the interim response once (continue_sent()).
  bool wants_continue() const { return wants_continue_ && !continue_sent_; }
  void set_continue_sent() { continue_sent_ = true; }
  // After kError: HTTP status (400, 405, 411, 413, 414, 415, 417, 431, 501, 505) and message.
  int status() const { return status_; }
  const std::string& message() const { return message_; }
  // Any byte of this request received (so a timeout now is an incomplete request).
  bool started(std::string_view input) const;

  // Ready for the next request on the connection.
  void Reset();

 private:
  enum class Phase { kHead, kLengthBody, kChunkSize, kChunkData, kChunkDataEnd, kTrailer, kDone };

  State Fail(int status, std::string message);
  State ParseHead(std::string_view head);
  State ParseBody(std::string_view input);
  State Finish();

  const FramingLimits* limits_;
  Phase phase_ = Phase::kHead;
  size_t scanned_ = 0;      // head bytes already searched for the blank line
  size_t head_end_ = 0;     // offset of the body
  size_t body_pos_ = 0;     // next unparsed input byte in the body
  size_t body_length_ = 0;  // Content-Length, or the current chunk's remaining bytes
  std::string request_;     // normalised head, then the body
  std::string body_;        // decoded body so far
  bool wants_continue_ = false, continue_sent_ = false;
  size_t consumed_ = 0;
  int status_ = 0;
  std::string message_;
};

// A complete response with a JSON body {"error": message} and "Connection: close".
std::string ErrorResponse(int status, std::string_view message);

// The standard reason phrase for the statuses this server sends.
std::string_view ReasonPhrase(int status);

}  // namespace parley::serve

#endif  // PARLEY_SERVE_REQUEST_FRAMER_H_
