// Raw-socket HTTP helpers for the server tests and the fuzz target: they send exactly the
// bytes given (no client library fixing them up) and read what comes back with a deadline.
#ifndef PARLEY_SERVE_TEST_CLIENT_H_
#define PARLEY_SERVE_TEST_CLIENT_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>

namespace parley::serve::testing {

// A connected TCP socket to 127.0.0.1:port, or -1.
inline int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int rc;
  do {
    rc = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends all of `bytes`; false when the peer stopped reading or closed.
inline bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Position after the first complete response in `data` (head + Content-Length body), or 0.
inline size_t CompleteResponse(std::string_view data, bool head_only = false) {
  size_t end = data.find("\r\n\r\n");
  if (end == std::string_view::npos) return 0;
  size_t length = 0;
  std::string_view head = data.substr(0, end);
  for (size_t pos = head.find("\r\n"); pos != std::string_view::npos;
       pos = head.find("\r\n", pos + 2)) {
    std::string_view line = head.substr(pos + 2, head.find("\r\n", pos + 2) - pos - 2);
    if (line.size() > 15 && strncasecmp(line.data(), "Content-Length:", 15) == 0)
      length = std::strtoul(std::string(line.substr(15)).c_str(), nullptr, 10);
  }
  if (head_only) length = 0;
  return data.size() >= end + 4 + length ? end + 4 + length : 0;
}

// Reads until one complete response arrived, the peer closed, or `timeout_ms` passed.
inline std::string ReadResponse(int fd, int timeout_ms, bool until_close = false) {
  std::string data;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    if (!until_close && CompleteResponse(data) > 0) return data;
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    deadline - std::chrono::steady_clock::now())
                                    .count());
    if (left <= 0) return data;
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, left);
    if (ready < 0 && errno == EINTR) continue;  // e.g. libFuzzer's timeout alarm
    if (ready <= 0) return data;
    char buf[65536];
    ssize_t n = recv(fd, buf, sizeof(buf), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return data;
    data.append(buf, static_cast<size_t>(n));
  }
}

// The status code of a response ("HTTP/1.1 413 ..." gives 413), or 0.
inline int StatusOf(std::string_view response) {
  if (response.size() < 12 || response.substr(0, 7) != "HTTP/1.") return 0;
  return std::atoi(std::string(response.substr(9, 3)).c_str());
}

// The body of a complete response.
inline std::string BodyOf(std::string_view response) {
  size_t end = response.find("\r\n\r\n");
  return end == std::string_view::npos ? std::string() : std::string(response.substr(end + 4));
}

}  // namespace parley::serve::testing

#endif  // PARLEY_SERVE_TEST_CLIENT_H_
