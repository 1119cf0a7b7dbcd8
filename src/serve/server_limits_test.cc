// The server under hostile or careless clients: idle and slow connections, oversized and
// chunked bodies, long request lines, malformed requests. Real server, real sockets.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "query/test_store.h"
#include "serve/server.h"
#include "serve/test_client.h"

namespace parley::serve {
namespace {

using Clock = std::chrono::steady_clock;
using namespace testing;

int64_t ElapsedMs(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// Resident memory of this process (the server runs in it), in KB.
int64_t RssKb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6);
  return 0;
}

class RunningServer {
 public:
  explicit RunningServer(ServeOptions options) {
    EXPECT_TRUE(query::EventDb::Open(query::testing::SeedStorePath(), &db_).ok());
    options.port = 0;
    server_ = std::make_unique<Server>(db_.get(), &query::testing::BundledCoder(), options);
    EXPECT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  int port() const { return server_->port(); }
  Server& server() { return *server_; }

  // Sends `bytes` on a fresh connection and returns the first response.
  std::string Exchange(std::string_view bytes, int timeout_ms = 5000) const {
    int fd = Connect(port());
    EXPECT_GE(fd, 0);
    SendAll(fd, bytes);
    std::string response = ReadResponse(fd, timeout_ms);
    close(fd);
    return response;
  }

 private:
  std::unique_ptr<query::EventDb> db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

// Status `status` and a JSON body {"error": ...} that mentions `words`.
void ExpectJsonError(const std::string& response, int status, const std::string& words) {
  ASSERT_EQ(StatusOf(response), status) << response.substr(0, 300);
  EXPECT_NE(response.find("Content-Type: application/json"), std::string::npos) << response;
  nlohmann::json j = nlohmann::json::parse(BodyOf(response), nullptr, false);
  ASSERT_TRUE(j.is_object() && j.contains("error")) << response;
  EXPECT_NE(j["error"].get<std::string>().find(words), std::string::npos) << j["error"];
}

constexpr const char* kProbe = "GET /api/dyad?a=RUS&b=KOR HTTP/1.1\r\nHost: t\r\n\r\n";

TEST(ServeLimits, IdleConnectionsDoNotStallOtherClients) {
  RunningServer server(ServeOptions{});  // 16 request threads, as by default
  std::vector<int> idle;
  for (int i = 0; i < 200; ++i) {
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  // Some idle connections have started a request and stalled in the middle of it.
  for (int i = 0; i < 50; ++i) SendAll(idle[i], "GET /api/dyad?a=RUS&b=KOR HTTP/1.1\r\nHo");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  for (int round = 0; round < 5; ++round) {
    auto start = Clock::now();
    std::string response = server.Exchange(kProbe, 10000);
    EXPECT_EQ(StatusOf(response), 200);
    EXPECT_LT(ElapsedMs(start), 2000) << "a probe waited behind idle connections";
  }
  for (int fd : idle) close(fd);
}

TEST(ServeLimits, NewClientsAreServedWhenEveryConnectionIsTaken) {
  ServeOptions options;
  options.max_connections = 20;
  RunningServer server(options);
  std::vector<int> held;
  for (int i = 0; i < 40; ++i) {
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    if (i % 2) SendAll(fd, "GET /api/top HTTP/1.1\r\n");  // half stall mid-request
    held.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto start = Clock::now();
  EXPECT_EQ(StatusOf(server.Exchange(kProbe, 10000)), 200);
  EXPECT_LT(ElapsedMs(start), 2000);
  for (int fd : held) close(fd);
}

TEST(ServeLimits, ChunkedBodyOverTheLimitGets413AtOnce) {
  RunningServer server(ServeOptions{});
  int fd = Connect(server.port());
  ASSERT_GE(fd, 0);
  const int64_t rss_before = RssKb();
  auto start = Clock::now();
  ASSERT_TRUE(SendAll(fd,
                      "POST /api/explain HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"));
  std::atomic<bool> stop{false};
  std::thread sender([&] {
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    for (int i = 0; i < 160 && !stop; ++i)  // 10 MB
      if (!SendAll(fd, chunk)) break;
  });
  std::string response = ReadResponse(fd, 5000);
  const int64_t elapsed = ElapsedMs(start);
  stop = true;
  shutdown(fd, SHUT_RDWR);
  sender.join();
  close(fd);
  ExpectJsonError(response, 413, "larger than 65536 bytes");
  EXPECT_LT(elapsed, 2000);
  EXPECT_LT(RssKb() - rss_before, 50 * 1024) << "the body was buffered";
  EXPECT_EQ(StatusOf(server.Exchange(kProbe)), 200);
}

TEST(ServeLimits, LargeContentLengthGets413WithoutReadingTheBody) {
  RunningServer server(ServeOptions{});
  auto start = Clock::now();
  ExpectJsonError(server.Exchange("POST /api/explain HTTP/1.1\r\nHost: t\r\n"
                                  "Content-Length: 10000000000\r\n\r\nabc"),
                  413, "larger than");
  EXPECT_LT(ElapsedMs(start), 2000);
}

TEST(ServeLimits, PostWithoutBodyIsAnsweredAtOnce) {
  RunningServer server(ServeOptions{});
  auto start = Clock::now();
  ExpectJsonError(server.Exchange("POST /api/dyad HTTP/1.1\r\nHost: t\r\n\r\n"), 405, "read-only");
  ExpectJsonError(server.Exchange("POST /api/explain HTTP/1.1\r\nHost: t\r\n\r\n"), 400, "no text");
  ExpectJsonError(server.Exchange("PUT /api/explain HTTP/1.1\r\nHost: t\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n"),
                  405, "read-only");
  EXPECT_LT(ElapsedMs(start), 2000);
}

TEST(ServeLimits, EveryErrorIsJson) {
  RunningServer server(ServeOptions{});
  httplib::Client client("127.0.0.1", server.port());
  auto res = client.Get("/api/dyad?a=" + std::string(100 * 1024, 'A') + "&b=KOR");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  EXPECT_TRUE(nlohmann::json::parse(res->body, nullptr, false).contains("error")) << res->body;

  std::string many_headers = "GET /api/top HTTP/1.1\r\n";
  for (int i = 0; i < 200; ++i) many_headers += "X-" + std::to_string(i) + ": 1\r\n";
  ExpectJsonError(server.Exchange(many_headers + "\r\n"), 431, "headers");
  ExpectJsonError(
      server.Exchange("GET /api/top HTTP/1.1\r\nX: " + std::string(20000, 'x') + "\r\n\r\n"), 431,
      "longer than");
  ExpectJsonError(server.Exchange("GARBAGE\r\n\r\n"), 400, "request line");
  ExpectJsonError(server.Exchange("GET /api/top HTTP/2.0\r\n\r\n"), 505, "HTTP/1");
  ExpectJsonError(server.Exchange("POST /api/explain HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
                  501, "gzip");
  ExpectJsonError(server.Exchange("POST /api/explain HTTP/1.1\r\nContent-Length: 3\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n"),
                  400, "both");
  ExpectJsonError(server.Exchange("POST /api/explain HTTP/1.1\r\nContent-Length: 1\r\n"
                                  "Content-Length: 2\r\n\r\nab"),
                  400, "Content-Length");
  ExpectJsonError(server.Exchange("GET /nothing/here HTTP/1.1\r\n\r\n"), 404, "not found");
  ExpectJsonError(server.Exchange("GET /api/top HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"), 400,
                  "body");
  ExpectJsonError(server.Exchange("OPTIONS * HTTP/1.1\r\n\r\n"), 400, "target");
  EXPECT_EQ(StatusOf(server.Exchange(kProbe)), 200);
}

TEST(ServeLimits, ChunkedAndPipelinedRequestsAreServed) {
  RunningServer server(ServeOptions{});
  std::string response = server.Exchange(
      "POST /api/explain HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
      "Transfer-Encoding: chunked\r\n\r\n"
      "d;ext=1\r\nSeoul joined \r\n1d\r\nthe sanctions against Moscow.\r\n0\r\nX-T: 1\r\n\r\n");
  ASSERT_EQ(StatusOf(response), 200) << response;
  nlohmann::json j = nlohmann::json::parse(BodyOf(response));
  EXPECT_EQ(j["sentences"][0]["events"][0]["code"], "163");
  EXPECT_EQ(j["truncated"], false);

  int fd = Connect(server.port());
  ASSERT_TRUE(SendAll(fd, std::string(kProbe) + "GET /api/top?limit=1 HTTP/1.1\r\n\r\n"));
  std::string both = ReadResponse(fd, 5000);
  size_t first = CompleteResponse(both);
  if (first > 0 && CompleteResponse(std::string_view(both).substr(first)) == 0)
    both += ReadResponse(fd, 5000);
  close(fd);
  ASSERT_GT(first, 0u);
  EXPECT_EQ(StatusOf(both), 200);
  EXPECT_EQ(StatusOf(std::string_view(both).substr(first)), 200);
  EXPECT_NE(both.find("\"dyads\""), std::string::npos);
}

TEST(ServeLimits, SlowAndIdleConnectionsTimeOut) {
  ServeOptions options;
  options.idle_timeout_ms = 300;
  options.request_timeout_ms = 600;
  RunningServer server(options);
  int idle = Connect(server.port());
  int slow = Connect(server.port());
  SendAll(slow, "GET /api/top HTTP/1.1\r\nHost");
  auto start = Clock::now();
  EXPECT_EQ(ReadResponse(idle, 3000, true), "");  // closed without an answer
  EXPECT_LT(ElapsedMs(start), 2000);
  ExpectJsonError(ReadResponse(slow, 3000), 408, "did not arrive");
  EXPECT_LT(ElapsedMs(start), 2500);
  close(idle);
  close(slow);
}

TEST(ServeLimits, ExplainAnswersAreBounded) {
  RunningServer server(ServeOptions{});
  std::string text;
  while (text.size() < 60000) text += "Seoul joined the sanctions against Moscow. ";
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60);
  auto res = client.Post("/api/explain", text, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  nlohmann::json j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["truncated"], true);
  EXPECT_EQ(j["sentences"].size(), 200u);
}

TEST(ServeLimits, APortIsServedByOneServerOnly) {
  RunningServer first(ServeOptions{});
  std::unique_ptr<query::EventDb> db;
  ASSERT_TRUE(query::EventDb::Open(query::testing::SeedStorePath(), &db).ok());
  ServeOptions options;
  options.port = first.port();
  Server second(db.get(), nullptr, options);
  Status s = second.Bind();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find(std::to_string(first.port())), std::string::npos) << s.message();
}

TEST(ServeLimits, HandleRawAnswersWithoutASocket) {
  RunningServer server(ServeOptions{});
  std::string out = server.server().HandleRaw(kProbe);
  EXPECT_EQ(StatusOf(out), 200);
  ExpectJsonError(server.server().HandleRaw("DELETE /api/top HTTP/1.1\r\n\r\n"), 405, "read-only");
}

}  // namespace
}  // namespace parley::serve
