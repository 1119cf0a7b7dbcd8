// parley serve --db F : the analyst workbench (JSON API and page) over an event store.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "commands.h"
#include "engine.h"
#include "parley/paths.h"
#include "parley/query.h"
#include "serve/server.h"

namespace parley::cli {
namespace {

struct ServeFlags {
  std::string db;
  serve::ServeOptions server;
  EngineFlags engine;
  bool no_explain = false;
};

int RunServe(ServeFlags flags) {
  std::unique_ptr<query::EventDb> db;
  Status s = query::EventDb::Open(flags.db, &db);
  if (!s.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", s.message().c_str());
    return 1;
  }
  std::unique_ptr<Coder> coder;
  if (!flags.no_explain) {
    flags.engine.quiet = true;
    if (s = MakeCoder(flags.engine, &coder); !s.ok()) {
      std::fprintf(stderr, "parley serve: %s\n", s.ToString().c_str());
      return 1;
    }
  }
  if (flags.server.web_dir.empty()) flags.server.web_dir = BundledWebDir();
  if (flags.server.web_dir.empty())
    std::fprintf(stderr, "parley serve: the page is not built; serving the API only\n");

  // SIGINT/SIGTERM are taken by a watcher thread, which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  serve::Server server(db.get(), coder.get(), flags.server);
  if (s = server.Bind(); !s.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", s.message().c_str());
    return 1;
  }
  std::fprintf(stderr, "parley serve: http://%s:%d/ (store %s, read-only)\n",
               flags.server.host.c_str(), server.port(), flags.db.c_str());
  std::thread watcher([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.Stop();
  });
  s = server.Run();
  // Wake the watcher if the server ended on its own.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  if (!s.ok()) {
    std::fprintf(stderr, "parley serve: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("serve", "Analyst workbench: JSON API and page over a store");
  auto flags = std::make_shared<ServeFlags>();
  cmd->add_option("--db", flags->db, "Event store (SQLite), opened read-only")->required();
  cmd->add_option("--port", flags->server.port, "TCP port (0 = any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--host", flags->server.host,
                  "Address to listen on (default 127.0.0.1; 0.0.0.0 exposes it to the network)");
  cmd->add_option("--web", flags->server.web_dir, "Folder of the built page (default: bundled)");
  cmd->add_option("--threads", flags->server.threads,
                  "Request threads (default: max(16, 2 x cores))")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--dict", flags->engine.dict_paths,
                  "Dictionaries for /api/explain; repeatable; replaces the bundled set")
      ->allow_extra_args(false);
  cmd->add_option("--options", flags->engine.options_path, "TABARI .options file for explain");
  cmd->add_flag("--no-explain", flags->no_explain, "Do not load dictionaries; /api/explain is off");
  cmd->add_flag("--log", flags->server.log_requests, "Log each request on stderr");
  cmd->callback([=] { *exit_code = RunServe(*flags); });
}

}  // namespace parley::cli
