// Fuzz target: arbitrary bytes as a raw HTTP request to the workbench server. The real
// server runs on an ephemeral loopback port over a store coded from the seed articles; each
// input goes both through Server::HandleRaw (no socket) and down a real connection. Checks:
// every request gets a well-formed HTTP/1.1 answer, error answers are JSON {"error": ...},
// both paths give the same status, and the server still answers a probe afterwards.
#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>

#include "query/test_store.h"
#include "serve/server.h"
#include "serve/test_client.h"

namespace {

using namespace parley;
using namespace parley::serve::testing;

serve::Server* server = nullptr;

[[noreturn]] void Fail(const char* what, std::string_view input, std::string_view response) {
  std::fprintf(stderr, "http fuzz: %s\ninput: %.*s\nresponse: %.*s\n", what,
               static_cast<int>(std::min<size_t>(input.size(), 300)), input.data(),
               static_cast<int>(std::min<size_t>(response.size(), 600)), response.data());
  std::abort();
}

// The first response of `out` (after any 100 Continue) is complete HTTP/1.1 with a JSON
// error body when it is an error; returns its status.
int CheckFirstResponse(std::string_view input, std::string_view out) {
  while (out.substr(0, 25) == "HTTP/1.1 100 Continue\r\n\r\n") out.remove_prefix(25);
  const int status = StatusOf(out);
  if (out.substr(0, 9) != "HTTP/1.1 " || status < 200 || status > 599)
    Fail("no HTTP/1.1 status line", input, out);
  const bool head = input.substr(input.find_first_not_of("\r\n") == std::string_view::npos
                                     ? 0
                                     : input.find_first_not_of("\r\n"),
                                 5) == "HEAD ";
  const size_t end = CompleteResponse(out, head);
  if (end == 0) Fail("incomplete response", input, out);
  if (status >= 400 && !head) {
    if (out.find("Content-Type: application/json") == std::string_view::npos)
      Fail("an error answer that is not JSON", input, out);
    const size_t body = out.find("\r\n\r\n") + 4;
    nlohmann::json j = nlohmann::json::parse(out.substr(body, end - body), nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_string())
      Fail("an error body without \"error\"", input, out);
  }
  return status;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static std::unique_ptr<query::EventDb> db;
  if (!query::EventDb::Open(query::testing::SeedStorePath(), &db).ok()) std::abort();
  serve::ServeOptions options;
  options.port = 0;
  options.threads = 4;
  server = new serve::Server(db.get(), &query::testing::BundledCoder(), options);
  if (!server->Bind().ok()) std::abort();
  std::thread([] { server->Run(); }).detach();  // serves until the process exits
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const bool has_request = input.find_first_not_of("\r\n") != std::string_view::npos;

  const std::string raw = server->HandleRaw(input);
  int raw_status = 0;
  if (has_request)
    raw_status = CheckFirstResponse(input, raw);
  else if (!raw.empty())
    Fail("an answer to no request", input, raw);

  int fd = Connect(server->port());
  if (fd < 0) Fail("cannot connect", input, "");
  SendAll(fd, input);
  shutdown(fd, SHUT_WR);
  const auto sent = std::chrono::steady_clock::now();
  const std::string wire = ReadResponse(fd, 8000, /*until_close=*/true);
  const int read_errno = errno;
  close(fd);
  if (has_request) {
    if (wire.empty())
      Fail("no answer on the socket", input,
           fmt::format("after {} ms, errno {}",
                       std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - sent)
                           .count(),
                       std::strerror(read_errno)));
    if (CheckFirstResponse(input, wire) != raw_status)
      Fail("the socket and HandleRaw disagree", input, wire + "\n---\n" + raw);
  } else if (!wire.empty()) {
    Fail("an answer to no request", input, wire);
  }

  const auto start = std::chrono::steady_clock::now();
  fd = Connect(server->port());
  if (fd < 0) Fail("cannot connect for the probe", input, std::strerror(errno));
  SendAll(fd, "GET /api/top?limit=1 HTTP/1.1\r\nHost: fuzz\r\n\r\n");
  const std::string probe = ReadResponse(fd, 8000);
  close(fd);
  if (StatusOf(probe) != 200) {
    const std::string why = fmt::format("the server stopped answering (after {} ms): {}",
                                        std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count(),
                                        probe);
    Fail("probe", input, why);
  }
  return 0;
}
