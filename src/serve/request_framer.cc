#include "serve/request_framer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

namespace parley::serve {
namespace {

constexpr size_t kMaxChunkSizeLine = 1024;
constexpr size_t kMaxTrailerLine = 8192;

bool IsTokenChar(unsigned char c) {
  if (std::isalnum(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsTokenChar(c); });
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Printable text for a message quoting client bytes.
std::string Quote(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  if (s.size() > 40) out += "...";
  return out;
}

// The length of the request line of `input` (without CRLF), or npos when it has not ended.
size_t RequestLineLength(std::string_view input) {
  size_t lf = input.find('\n');
  if (lf == std::string_view::npos) return std::string_view::npos;
  return lf > 0 && input[lf - 1] == '\r' ? lf - 1 : lf;
}

}  // namespace

void RequestFramer::Reset() { *this = RequestFramer(limits_); }

RequestFramer::State RequestFramer::Fail(int status, std::string message) {
  status_ = status;
  message_ = std::move(message);
  return State::kError;
}

bool RequestFramer::started(std::string_view input) const {
  return phase_ != Phase::kHead || input.find_first_not_of("\r\n") != std::string_view::npos;
}

RequestFramer::State RequestFramer::FeedEof(std::string_view input) {
  State state = Feed(input);
  if (state != State::kNeedMore) return state;
  if (!started(input)) return State::kNeedMore;
  return Fail(400, "the connection ended in the middle of a request");
}

RequestFramer::State RequestFramer::Feed(std::string_view input) {
  if (status_ != 0) return State::kError;
  if (phase_ == Phase::kDone) return State::kComplete;
  if (phase_ != Phase::kHead) return ParseBody(input);
  // Empty lines before a request line are ignored (RFC 9112, 2.2).
  size_t start = 0;
  while (start < input.size() && (input[start] == '\r' || input[start] == '\n')) ++start;
  if (start > limits_->max_head) return Fail(400, "too many empty lines before the request");
  std::string_view rest = input.substr(start);
  size_t from = scanned_ > start + 3 ? scanned_ - 3 - start : 0;
  size_t end = rest.find("\r\n\r\n", from);
  size_t line = RequestLineLength(rest);
  if ((line == std::string_view::npos ? rest.size() : line) > limits_->max_request_line)
    return Fail(414,
                fmt::format("the request line is longer than {} bytes", limits_->max_request_line));
  if (end == std::string_view::npos) {
    if (rest.size() > limits_->max_head)
      return Fail(431,
                  fmt::format("the request headers are longer than {} bytes", limits_->max_head));
    scanned_ = input.size();
    return State::kNeedMore;
  }
  if (end + 4 > limits_->max_head)
    return Fail(431,
                fmt::format("the request headers are longer than {} bytes", limits_->max_head));
  head_end_ = start + end + 4;
  body_pos_ = head_end_;
  if (State s = ParseHead(rest.substr(0, end + 2)); s != State::kNeedMore) return s;
  return ParseBody(input);
}

// `head` is the request line and header lines, each ending in CRLF.
RequestFramer::State RequestFramer::ParseHead(std::string_view head) {
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < head.size();) {
    size_t crlf = head.find("\r\n", pos);
    std::string_view l = head.substr(pos, crlf - pos);
    if (l.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
      return Fail(400, "a bare CR, LF or NUL in the request head");
    lines.push_back(l);
    pos = crlf + 2;
  }
  if (lines.size() - 1 > limits_->max_headers)
    return Fail(431, fmt::format("more than {} request headers", limits_->max_headers));

  // Request line: method SP target SP version.
  std::string_view request_line = lines[0];
  size_t sp1 = request_line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : request_line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || request_line.find(' ', sp2 + 1) != std::string_view::npos)
    return Fail(400, "malformed request line '" + Quote(request_line) + "'");
  std::string_view method = request_line.substr(0, sp1);
  std::string_view target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = request_line.substr(sp2 + 1);
  if (!IsToken(method) || method.size() > 20)
    return Fail(400, "malformed request method '" + Quote(method) + "'");
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    if (version.substr(0, 5) == "HTTP/") return Fail(505, "only HTTP/1.0 and 1.1 are served");
    return Fail(400, "malformed HTTP version '" + Quote(version) + "'");
  }
  if (target.empty() || target[0] != '/' || std::any_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F;
      }))
    return Fail(400, "malformed request target '" + Quote(target) + "'");

  std::string normalised(request_line);
  normalised += "\r\n";
  bool has_length = false, chunked = false, wants_continue = false, encoded = false;
  uint64_t length = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t colon = l.find(':');
    if (colon == std::string_view::npos || !IsToken(l.substr(0, colon)))
      return Fail(400, "malformed request header '" + Quote(l) + "'");
    std::string_view name = l.substr(0, colon), value = Trim(l.substr(colon + 1));
    if (std::any_of(value.begin(), value.end(), [](char c) {
          return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F;
        }))
      return Fail(400, "a control character in request header " + Quote(name));
    if (EqualsNoCase(name, "Content-Length")) {
      uint64_t v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (value.empty() || value.size() > 18 || ec != std::errc() ||
          end != value.data() + value.size() || (has_length && v != length))
        return Fail(400, "malformed Content-Length '" + Quote(value) + "'");
      has_length = true;
      length = v;
      continue;
    }
    if (EqualsNoCase(name, "Transfer-Encoding")) {
      if (chunked || !EqualsNoCase(value, "chunked"))
        return Fail(501, "transfer coding '" + Quote(value) + "' is not supported (only chunked)");
      chunked = true;
      continue;
    }
    if (EqualsNoCase(name, "Expect")) {
      if (!EqualsNoCase(value, "100-continue"))
        return Fail(417, "expectation '" + Quote(value) + "' is not supported");
      wants_continue = true;
      continue;
    }
    // Ranges are not served: a response is always the whole document.
    if (EqualsNoCase(name, "Range") || EqualsNoCase(name, "If-Range")) continue;
    if (EqualsNoCase(name, "Content-Encoding") && !EqualsNoCase(value, "identity")) encoded = true;
    normalised += l;
    normalised += "\r\n";
  }
  if (has_length && chunked)
    return Fail(400, "both Content-Length and Transfer-Encoding were given");
  const bool has_body = chunked || length > 0;
  const std::string_view path = target.substr(0, target.find('?'));
  if (method == "GET" || method == "HEAD") {
    if (has_body) return Fail(400, fmt::format("a {} request cannot have a body", method));
  } else if (method == "POST" && std::find(limits_->post_paths.begin(), limits_->post_paths.end(),
                                           path) != limits_->post_paths.end()) {
    if (encoded && has_body) return Fail(415, "compressed request bodies are not accepted");
    if (length > limits_->max_body)
      return Fail(413, fmt::format("the request body is larger than {} bytes", limits_->max_body));
  } else if (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE") {
    return Fail(405, "the workbench is read-only");
  } else {
    return Fail(405, fmt::format("method {} is not supported", Quote(method)));
  }
  request_ = std::move(normalised);
  wants_continue_ = wants_continue && has_body;
  if (method != "POST") {
    phase_ = Phase::kDone;
    consumed_ = head_end_;
    request_ += "\r\n";
    return State::kComplete;
  }
  body_length_ = length;
  phase_ = chunked ? Phase::kChunkSize : Phase::kLengthBody;
  return State::kNeedMore;
}

RequestFramer::State RequestFramer::ParseBody(std::string_view input) {
  if (phase_ == Phase::kDone) return State::kComplete;
  if (phase_ == Phase::kLengthBody) {
    if (input.size() - head_end_ < body_length_) return State::kNeedMore;
    body_.assign(input.substr(head_end_, body_length_));
    consumed_ = head_end_ + body_length_;
    return Finish();
  }
  for (;;) {
    if (body_pos_ - head_end_ > limits_->max_chunked_bytes)
      return Fail(413, fmt::format("the chunked request body is larger than {} bytes",
                                   limits_->max_chunked_bytes));
    std::string_view rest = input.substr(body_pos_);
    switch (phase_) {
      case Phase::kChunkSize: {
        size_t crlf = rest.find("\r\n");
        if (crlf == std::string_view::npos) {
          if (rest.size() > kMaxChunkSizeLine) return Fail(400, "a chunk size line is too long");
          return State::kNeedMore;
        }
        std::string_view line = rest.substr(0, std::min(crlf, rest.find(';')));
        line = Trim(line);
        uint64_t size = 0;
        auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.empty() || line.size() > 15 || ec != std::errc() ||
            end != line.data() + line.size() ||
            rest.substr(0, crlf).find_first_of(std::string_view("\r\n\0", 3)) !=
                std::string_view::npos)
          return Fail(400, "malformed chunk size '" + Quote(rest.substr(0, crlf)) + "'");
        if (body_.size() + size > limits_->max_body)
          return Fail(413,
                      fmt::format("the request body is larger than {} bytes", limits_->max_body));
        body_pos_ += crlf + 2;
        body_length_ = size;
        phase_ = size == 0 ? Phase::kTrailer : Phase::kChunkData;
        break;
      }
      case Phase::kChunkData: {
        size_t take = std::min<size_t>(rest.size(), body_length_);
        body_.append(rest.substr(0, take));
        body_pos_ += take;
        body_length_ -= take;
        if (body_length_ > 0) return State::kNeedMore;
        phase_ = Phase::kChunkDataEnd;
        break;
      }
      case Phase::kChunkDataEnd:
        if (rest.size() < 2) return State::kNeedMore;
        if (rest.substr(0, 2) != "\r\n") return Fail(400, "a chunk does not end in CRLF");
        body_pos_ += 2;
        phase_ = Phase::kChunkSize;
        break;
      case Phase::kTrailer: {
        size_t crlf = rest.find("\r\n");
        if (crlf == std::string_view::npos) {
          if (rest.size() > kMaxTrailerLine) return Fail(431, "a chunked trailer is too long");
          return State::kNeedMore;
        }
        body_pos_ += crlf + 2;
        if (crlf == 0) {  // trailers (ignored) end with an empty line
          consumed_ = body_pos_;
          return Finish();
        }
        break;
      }
      default:
        return State::kComplete;
    }
  }
}

RequestFramer::State RequestFramer::Finish() {
  request_ += fmt::format("Content-Length: {}\r\n\r\n", body_.size());
  request_ += body_;
  body_.clear();
  body_.shrink_to_fit();
  phase_ = Phase::kDone;
  return State::kComplete;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

std::string ErrorResponse(int status, std::string_view message) {
  std::string body = nlohmann::json{{"error", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json; charset=utf-8\r\n"
      "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{}",
      status, ReasonPhrase(status), body.size(), body);
}

}  // namespace parley::serve
