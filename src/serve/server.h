// The workbench HTTP server: the JSON API over an event store and the bundled page.
//
// Read-only by construction: the store is opened through query::EventDb (read-only SQLite
// connections) and the only POST route, /api/explain, codes text in memory. Handlers only
// parse parameters and call the query module, so the API returns what the CLI prints.
// Every error answer is JSON {"error": "..."}. Requests are framed and bounded before any
// handler runs (serve/request_framer.h: 64 KB bodies, chunked or not; 8 KB request lines;
// 16 KB of headers), and one event loop owns the connections, so idle or slow clients never
// hold a request thread (serve/event_loop.h).
#ifndef PARLEY_SERVE_SERVER_H_
#define PARLEY_SERVE_SERVER_H_

#include <memory>
#include <string>
#include <string_view>

#include "parley/coder.h"
#include "parley/query.h"
#include "parley/status.h"

namespace parley::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback unless the user asks for more
  int port = 8080;                 // 0 = any free port (see Server::port())
  std::string web_dir;             // the built page; "" = API only (/ explains)
  int threads = 0;                 // request threads; 0 = max(16, 2 x cores)
  bool log_requests = false;       // one line per request on stderr
  // Connection limits (serve/event_loop.h has the rest). A connection waiting for a
  // request is closed after idle_timeout_ms; a request must arrive whole within
  // request_timeout_ms (else 408).
  int idle_timeout_ms = 5000;
  int request_timeout_ms = 10000;
  size_t max_connections = 512;
};

class Server {
 public:
  // `db` and `coder` must outlive the server; `coder` may be null (then /api/explain
  // answers 503).
  Server(const query::EventDb* db, const Coder* coder, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket. IOError naming host:port when it cannot.
  Status Bind();
  // The bound port (after Bind).
  int port() const { return port_; }
  // Serves until Stop() is called (from another thread or a signal watcher).
  Status Run();
  void Stop();

  // Runs one raw HTTP request (bytes as a client would send them) through the framing
  // checks and the routes without a socket, and returns the response bytes. For fuzzing and
  // tests; safe to call while the server runs.
  std::string HandleRaw(std::string_view bytes);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
  ServeOptions options_;
  int port_ = 0;
};

}  // namespace parley::serve

#endif  // PARLEY_SERVE_SERVER_H_
