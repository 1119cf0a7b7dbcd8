// parley serve throughput: /api/dyad on a store coded from the seed articles, served by
// the real server on a free port, asked by keep-alive HTTP clients on several threads.
// items_per_second is requests per second. Run: build/<dir>/parley_bench --benchmark_filter=Serve
#include <benchmark/benchmark.h>
#include <httplib.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "query/test_store.h"
#include "serve/server.h"

namespace parley {
namespace {

struct RunningServer {
  std::unique_ptr<query::EventDb> db;
  std::unique_ptr<serve::Server> server;
  std::thread thread;
  RunningServer() {
    if (!query::EventDb::Open(query::testing::SeedStorePath(), &db).ok()) std::abort();
    serve::ServeOptions options;
    options.port = 0;
    server = std::make_unique<serve::Server>(db.get(), nullptr, options);
    if (!server->Bind().ok()) std::abort();
    thread = std::thread([this] { server->Run(); });
  }
  ~RunningServer() {
    server->Stop();
    thread.join();
  }
};

RunningServer& Shared() {
  static RunningServer* running = new RunningServer();
  return *running;
}

// Each benchmark thread is one client connection asking for the monthly RUS-KOR series.
void BM_ServeDyad(benchmark::State& state) {
  int port = Shared().server->port();
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  int64_t failures = 0;
  for (auto _ : state) {
    auto res = client.Get("/api/dyad?a=RUS&b=KOR&interval=month");
    if (!res || res->status != 200) ++failures;
    benchmark::DoNotOptimize(res);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = static_cast<double>(failures);
}
BENCHMARK(BM_ServeDyad)->Threads(1)->Threads(4)->Threads(8)->UseRealTime()->MinTime(2.0);

}  // namespace
}  // namespace parley
