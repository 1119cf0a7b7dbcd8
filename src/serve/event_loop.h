// cpp-httplib's routes and request handling behind an epoll event loop.
//
// Why: cpp-httplib 0.11 (Debian) gives each connection a pool thread for as long as it is
// open, including while it waits for a keep-alive request or for slow bytes, so a few
// hundred idle connections stall the server; it also listens with a backlog of 5. Here one
// loop thread owns every connection: it accepts, reads and frames requests without blocking
// (serve/request_framer.h), and hands a worker only a complete request, which the worker
// runs through httplib's routing in memory and answers. Workers never wait on a client.
#ifndef PARLEY_SERVE_EVENT_LOOP_H_
#define PARLEY_SERVE_EVENT_LOOP_H_

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "parley/status.h"
#include "serve/request_framer.h"

namespace parley::serve {

struct LoopOptions {
  int threads = 16;                // workers running handlers
  int backlog = 1024;              // listen backlog (the kernel caps it at somaxconn)
  int idle_timeout_ms = 5000;      // a connection waiting for its (next) request is closed
  int request_timeout_ms = 10000;  // from a request's first byte to its last; then 408
  int write_timeout_ms = 10000;    // to send a response; then the connection is closed
  int linger_ms = 1000;            // reading what a client still sends after a final answer
  size_t max_connections = 512;    // beyond: the longest-idle connection is closed
  size_t max_requests_per_connection = 1000;
  size_t max_response_bytes = 32 * 1024 * 1024;  // a larger response is cut (connection closed)
  FramingLimits limits;
};

class EventLoopServer : public httplib::Server {
 public:
  explicit EventLoopServer(LoopOptions options);
  ~EventLoopServer() override;

  // Binds host:port (port 0: any free port, see *bound_port) and listens. IOError naming
  // host:port when it cannot.
  Status Bind(const std::string& host, int port, int* bound_port);
  // Serves until Stop(). IOError when the loop cannot be set up.
  Status Run();
  // Thread-safe; Run() returns soon after (at once if it has not started).
  void Stop();

  // Runs one framed request (RequestFramer::request()) through the routes and returns the
  // response bytes. `*close` is set when the connection must close after it (the request
  // asked to, or it could not be answered); pass it true to make the response say so.
  std::string Handle(const std::string& request, int fd, bool* close);

 private:
  struct Connection;
  using Clock = std::chrono::steady_clock;

  void WorkerLoop();
  void Accept();
  void OnEvent(uint64_t id, uint32_t events);
  void ReadInput(Connection* c);
  void Frame(Connection* c, bool eof);
  void Dispatch(Connection* c);
  void SendFinal(Connection* c, std::string response);
  void StartWrite(Connection* c);
  void AfterWrite(Connection* c);
  void TakeFinished();
  void Sweep(Clock::time_point now);
  bool EvictIdle();
  void Watch(Connection* c, uint32_t events);
  void Close(uint64_t id);

  LoopOptions options_;
  int listen_fd_ = -1, epoll_fd_ = -1, wake_fd_ = -1;
  std::atomic<bool> stopping_{false};
  bool listen_paused_ = false;
  uint64_t next_id_ = 2;  // 0: the listening socket, 1: the wake-up eventfd
  std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections_;

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<Connection*> jobs_;    // complete requests for the workers
  std::vector<uint64_t> finished_;  // answered by a worker, back to the loop
  bool workers_stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace parley::serve

#endif  // PARLEY_SERVE_EVENT_LOOP_H_
