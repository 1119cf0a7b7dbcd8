// `parley serve` against a store that another process (`parley code --db`) keeps writing:
// real processes, a real store, real HTTP.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

extern char** environ;

namespace {

namespace fs = std::filesystem;

const std::string kSeeds = PARLEY_SOURCE_DIR "/../shared/seeds";

int Code(const std::string& input, const std::string& db) {
  std::string cmd =
      std::string(PARLEY_BINARY) + " code '" + input + "' --db '" + db + "' -q >/dev/null 2>&1";
  return std::system(cmd.c_str());
}

// `parley serve --db db --port 0` as a child process; its port comes from its stderr line.
class ServeProcess {
 public:
  ServeProcess(const std::string& db, const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string bin = PARLEY_BINARY;
    const char* argv[] = {bin.c_str(), "serve", "--db",         db.c_str(),
                          "--port",    "0",     "--no-explain", nullptr};
    posix_spawn(&pid_, bin.c_str(), &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log);
      std::stringstream text;
      text << in.rdbuf();
      size_t at = text.str().find("http://127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(text.str().c_str() + at + 17);
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      waitpid(pid_, &status, 0);
    }
  }
  int port() const { return port_; }

  // /api/top's event count, or -1.
  int64_t Events() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10);
    auto res = client.Get("/api/top?limit=1");
    if (!res || res->status != 200) return -1;
    return nlohmann::json::parse(res->body)["events"].get<int64_t>();
  }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
};

TEST(ServeLive, ShowsEventsCodedByAnotherProcessAndLetsTheWalCheckpoint) {
  fs::path dir = fs::temp_directory_path() / ("parley_serve_live_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "events.sqlite").string();
  ASSERT_EQ(Code(kSeeds + "/000_8ee558292959cd7b.txt", db), 0);

  ServeProcess serve(db, dir / "serve.log");
  ASSERT_GT(serve.port(), 0) << "parley serve did not start";
  const int64_t before = serve.Events();
  ASSERT_GE(before, 0);

  // Another process codes more articles into the same store while serve runs.
  ASSERT_EQ(Code(kSeeds, db), 0);
  const int64_t after = serve.Events();
  EXPECT_GT(after, before) << "serve still shows the store as it was when it started";

  // Between requests serve holds no read transaction, so a checkpoint can copy the whole
  // WAL into the database and reset it.
  sqlite3* conn = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &conn), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(conn, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 0) << "a reader blocked the checkpoint";
  EXPECT_EQ(sqlite3_column_int(stmt, 1), sqlite3_column_int(stmt, 2));
  sqlite3_finalize(stmt);
  sqlite3_close(conn);
  std::error_code ec;
  EXPECT_EQ(fs::file_size(db + "-wal", ec), 0u);

  // And serve keeps answering with the checkpointed store.
  EXPECT_EQ(serve.Events(), after);
  fs::remove_all(dir, ec);
}

}  // namespace
