#include "serve/event_loop.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace parley::serve {
namespace {

constexpr uint64_t kListenId = 0;
constexpr uint64_t kWakeId = 1;
constexpr int kTickMs = 100;  // timeouts are checked this often
constexpr size_t kReadChunk = 64 * 1024;

// httplib reads the framed request from memory and writes its answer to memory.
class MemoryStream : public httplib::Stream {
 public:
  MemoryStream(const std::string& in, std::string* out, size_t max_out, int fd)
      : in_(in), out_(out), max_out_(max_out), fd_(fd) {}
  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, size);
    pos_ += size;
    return static_cast<ssize_t>(size);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (out_->size() + size > max_out_) return -1;
    out_->append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    Address(getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    Address(getsockname, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  template <typename F>
  void Address(F get, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof(addr);
    ip.clear();
    port = -1;
    if (fd_ < 0 || get(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char host[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host));
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof(host));
      port = ntohs(a->sin6_port);
    }
    ip = host;
  }

  const std::string& in_;
  size_t pos_ = 0;
  std::string* out_;
  size_t max_out_;
  int fd_;
};

ssize_t SendSome(int fd, const std::string& out, size_t pos) {
  return ::send(fd, out.data() + pos, out.size() - pos, MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

struct EventLoopServer::Connection {
  enum class Phase { kReading, kWorking, kWriting, kLingering };
  Connection(uint64_t id, int fd, const FramingLimits* limits) : id(id), fd(fd), framer(limits) {}

  uint64_t id;
  int fd;
  // Written by the loop, and by a worker only while the loop leaves the connection to it.
  std::atomic<Phase> phase{Phase::kReading};
  uint32_t watched = 0;  // epoll events registered (0: not registered)
  std::string in;        // received bytes not yet consumed by a request
  RequestFramer framer;
  std::string request;  // the framed request a worker runs
  std::string out;      // response bytes
  size_t out_pos = 0;
  bool close_after = false;
  size_t requests = 0;
  Clock::time_point deadline;
};

EventLoopServer::EventLoopServer(LoopOptions options) : options_(std::move(options)) {
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  // Only SO_REUSEADDR: httplib's default also sets SO_REUSEPORT, which would let a second
  // server bind the same port and take half of its connections.
  set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  set_keep_alive_timeout(std::max(1, options_.idle_timeout_ms / 1000));
  set_keep_alive_max_count(options_.max_requests_per_connection);
}

EventLoopServer::~EventLoopServer() {
  Stop();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

Status EventLoopServer::Bind(const std::string& host, int port, int* bound_port) {
  // httplib resolves the host and binds; the backlog it listens with (5) is raised here.
  int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound <= 0)
    return Status::IOError(fmt::format("cannot listen on {}:{}: {}", host, port,
                                       errno ? std::strerror(errno) : "bind failed"));
  listen_fd_ = svr_sock_.exchange(INVALID_SOCKET);
  if (::listen(listen_fd_, options_.backlog) != 0 ||
      fcntl(listen_fd_, F_SETFL, fcntl(listen_fd_, F_GETFL) | O_NONBLOCK) != 0)
    return Status::IOError(
        fmt::format("cannot listen on {}:{}: {}", host, bound, std::strerror(errno)));
  *bound_port = bound;
  return Status::OK();
}

void EventLoopServer::Stop() {
  stopping_ = true;
  uint64_t one = 1;
  if (wake_fd_ >= 0) {
    [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof(one));
  }
}

std::string EventLoopServer::Handle(const std::string& request, int fd, bool* close) {
  std::string out;
  MemoryStream stream(request, &out, options_.max_response_bytes, fd);
  bool connection_closed = false;
  if (!process_request(stream, *close, connection_closed, nullptr)) connection_closed = true;
  *close = *close || connection_closed;
  return out;
}

void EventLoopServer::WorkerLoop() {
  for (;;) {
    Connection* c = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return workers_stop_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      c = jobs_.front();
      jobs_.pop_front();
    }
    bool close = c->close_after || stopping_;
    c->out = Handle(c->request, c->fd, &close);
    c->close_after = close;
    c->request.clear();
    // Most answers fit the socket buffer: send now and spare the loop a round trip.
    ssize_t n = SendSome(c->fd, c->out, 0);
    c->out_pos = n > 0 ? static_cast<size_t>(n) : 0;
    if (c->out_pos == c->out.size() && !close && c->in.empty() && !stopping_) {
      // The usual keep-alive case: wait for the next request without waking the loop.
      // The loop leaves a working connection alone (an event for it is reported again on
      // the next wait), so the phase, stored last, is what hands it back.
      c->out.clear();
      c->out_pos = 0;
      c->deadline = Clock::now() + std::chrono::milliseconds(options_.idle_timeout_ms);
      c->watched = EPOLLIN | EPOLLRDHUP;
      epoll_event ev{};
      ev.events = c->watched;
      ev.data.u64 = c->id;
      epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd, &ev);
      c->phase.store(Connection::Phase::kReading, std::memory_order_release);
      continue;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_.push_back(c->id);
    }
    uint64_t one = 1;
    [[maybe_unused]] ssize_t w = ::write(wake_fd_, &one, sizeof(one));
  }
}

Status EventLoopServer::Run() {
  if (listen_fd_ < 0) return Status::IOError("the server is not bound");
  if (wake_fd_ < 0) return Status::IOError("cannot create an eventfd");
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) return Status::IOError(fmt::format("epoll: {}", std::strerror(errno)));
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenId;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
  ev.data.u64 = kWakeId;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  workers_stop_ = false;
  for (int i = 0; i < std::max(1, options_.threads); ++i)
    workers_.emplace_back([this] { WorkerLoop(); });

  std::vector<epoll_event> events(256);
  Clock::time_point next_sweep = Clock::now();
  while (!stopping_) {
    int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), kTickMs);
    if (n < 0 && errno != EINTR) break;
    for (int i = 0; i < n; ++i) {
      uint64_t id = events[i].data.u64;
      if (id == kListenId) {
        Accept();
      } else if (id == kWakeId) {
        uint64_t count;
        [[maybe_unused]] ssize_t r = ::read(wake_fd_, &count, sizeof(count));
        TakeFinished();
      } else {
        OnEvent(id, events[i].events);
      }
    }
    Clock::time_point now = Clock::now();
    if (now >= next_sweep) {
      Sweep(now);
      next_sweep = now + std::chrono::milliseconds(kTickMs);
    }
  }

  {
    std::lock_guard<std::mutex> lock(mu_);
    workers_stop_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  jobs_.clear();
  finished_.clear();
  for (auto& [id, c] : connections_) ::close(c->fd);
  connections_.clear();
  ::close(epoll_fd_);
  epoll_fd_ = -1;
  ::close(listen_fd_);
  listen_fd_ = -1;
  return Status::OK();
}

void EventLoopServer::Watch(Connection* c, uint32_t events) {
  if (events == c->watched) return;
  epoll_event ev{};
  ev.events = events;
  ev.data.u64 = c->id;
  int op = c->watched == 0 ? EPOLL_CTL_ADD : (events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD);
  epoll_ctl(epoll_fd_, op, c->fd, &ev);
  c->watched = events;
}

void EventLoopServer::Close(uint64_t id) {
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  Connection* c = it->second.get();
  if (c->watched) epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
  ::close(c->fd);
  connections_.erase(it);
}

// Frees a connection for a new client: one being closed or waiting idle for a request
// (the one closest to its deadline), else the partial request closest to its deadline.
bool EventLoopServer::EvictIdle() {
  Connection* idle = nullptr;
  Connection* partial = nullptr;
  for (auto& [id, c] : connections_) {
    Connection::Phase phase = c->phase;
    if (phase == Connection::Phase::kLingering ||
        (phase == Connection::Phase::kReading && !c->framer.started(c->in))) {
      if (idle == nullptr || c->deadline < idle->deadline) idle = c.get();
    } else if (phase == Connection::Phase::kReading) {
      if (partial == nullptr || c->deadline < partial->deadline) partial = c.get();
    }
  }
  Connection* victim = idle ? idle : partial;
  if (victim == nullptr) return false;
  Close(victim->id);
  return true;
}

void EventLoopServer::Accept() {
  for (;;) {
    int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if ((errno == EMFILE || errno == ENFILE) && !EvictIdle()) {
        // Out of descriptors with nothing to free: stop accepting until the next tick.
        epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
        listen_paused_ = true;
      }
      return;
    }
    if (connections_.size() >= options_.max_connections && !EvictIdle()) {
      ::close(fd);  // every connection is busy with a request
      continue;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    uint64_t id = next_id_++;
    auto c = std::make_unique<Connection>(id, fd, &options_.limits);
    c->deadline = Clock::now() + std::chrono::milliseconds(options_.idle_timeout_ms);
    Connection* raw = c.get();
    connections_.emplace(id, std::move(c));
    Watch(raw, EPOLLIN | EPOLLRDHUP);
  }
}

void EventLoopServer::OnEvent(uint64_t id, uint32_t events) {
  auto it = connections_.find(id);
  if (it == connections_.end()) return;  // closed earlier in this batch
  Connection* c = it->second.get();
  switch (c->phase.load(std::memory_order_acquire)) {
    case Connection::Phase::kReading:
      ReadInput(c);
      break;
    case Connection::Phase::kWriting:
      if (events & (EPOLLERR | EPOLLHUP)) return Close(id);
      StartWrite(c);
      break;
    case Connection::Phase::kLingering: {
      char buf[kReadChunk];
      ssize_t n = ::recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) Close(id);
      break;
    }
    case Connection::Phase::kWorking:
      break;
  }
}

void EventLoopServer::ReadInput(Connection* c) {
  const bool was_started = c->framer.started(c->in);
  char buf[kReadChunk];
  ssize_t n = ::recv(c->fd, buf, sizeof(buf), MSG_DONTWAIT);
  if (n < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
    return Close(c->id);
  }
  if (n == 0) return Frame(c, true);
  c->in.append(buf, static_cast<size_t>(n));
  if (!was_started && c->framer.started(c->in))
    c->deadline = Clock::now() + std::chrono::milliseconds(options_.request_timeout_ms);
  Frame(c, false);
}

void EventLoopServer::Frame(Connection* c, bool eof) {
  RequestFramer::State state = eof ? c->framer.FeedEof(c->in) : c->framer.Feed(c->in);
  switch (state) {
    case RequestFramer::State::kNeedMore:
      if (eof) return Close(c->id);
      if (c->framer.wants_continue()) {
        static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        SendSome(c->fd, kContinue, 0);  // best effort: the client sends its body anyway
        c->framer.set_continue_sent();
      }
      return;
    case RequestFramer::State::kError:
      return SendFinal(c, ErrorResponse(c->framer.status(), c->framer.message()));
    case RequestFramer::State::kComplete:
      if (eof) c->close_after = true;
      return Dispatch(c);
  }
}

void EventLoopServer::Dispatch(Connection* c) {
  c->request = c->framer.request();
  c->in.erase(0, c->framer.consumed());
  c->framer.Reset();
  if (++c->requests >= options_.max_requests_per_connection) c->close_after = true;
  c->phase = Connection::Phase::kWorking;
  Watch(c, 0);
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(c);
  }
  work_cv_.notify_one();
}

void EventLoopServer::SendFinal(Connection* c, std::string response) {
  c->out = std::move(response);
  c->out_pos = 0;
  c->close_after = true;
  c->in.clear();
  StartWrite(c);
}

void EventLoopServer::StartWrite(Connection* c) {
  if (c->phase != Connection::Phase::kWriting) {
    c->phase = Connection::Phase::kWriting;
    c->deadline = Clock::now() + std::chrono::milliseconds(options_.write_timeout_ms);
  }
  while (c->out_pos < c->out.size()) {
    ssize_t n = SendSome(c->fd, c->out, c->out_pos);
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return Watch(c, EPOLLOUT);
      if (errno == EINTR) continue;
      return Close(c->id);
    }
    c->out_pos += static_cast<size_t>(n);
  }
  AfterWrite(c);
}

void EventLoopServer::AfterWrite(Connection* c) {
  c->out.clear();
  c->out_pos = 0;
  if (c->close_after) {
    // Read what the client still sends so that closing does not reset the connection
    // before it has read the answer.
    ::shutdown(c->fd, SHUT_WR);
    c->phase = Connection::Phase::kLingering;
    c->deadline = Clock::now() + std::chrono::milliseconds(options_.linger_ms);
    return Watch(c, EPOLLIN | EPOLLRDHUP);
  }
  c->phase = Connection::Phase::kReading;
  c->deadline = Clock::now() + std::chrono::milliseconds(c->framer.started(c->in)
                                                             ? options_.request_timeout_ms
                                                             : options_.idle_timeout_ms);
  Watch(c, EPOLLIN | EPOLLRDHUP);
  if (!c->in.empty()) Frame(c, false);  // a pipelined request arrived with the last one
}

void EventLoopServer::TakeFinished() {
  std::vector<uint64_t> finished;
  {
    std::lock_guard<std::mutex> lock(mu_);
    finished.swap(finished_);
  }
  for (uint64_t id : finished) {
    auto it = connections_.find(id);
    if (it == connections_.end()) continue;
    Connection* c = it->second.get();
    c->phase = Connection::Phase::kWriting;
    c->deadline = Clock::now() + std::chrono::milliseconds(options_.write_timeout_ms);
    StartWrite(c);
  }
}

void EventLoopServer::Sweep(Clock::time_point now) {
  if (listen_paused_) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenId;
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
    listen_paused_ = false;
  }
  std::vector<uint64_t> expired;
  for (auto& [id, c] : connections_)
    if (c->phase != Connection::Phase::kWorking && c->deadline <= now) expired.push_back(id);
  for (uint64_t id : expired) {
    Connection* c = connections_[id].get();
    if (c->phase == Connection::Phase::kReading && c->framer.started(c->in)) {
      SendFinal(c, ErrorResponse(408, fmt::format("the request did not arrive within {} ms",
                                                  options_.request_timeout_ms)));
    } else {
      Close(id);
    }
  }
}

}  // namespace parley::serve
