// Real-process helpers for the store and output-safety tests: run the parley binary
// with arguments, optionally under a file-size limit or as an unprivileged user, capture
// its stderr, and kill it at a chosen moment.
#ifndef PARLEY_TESTS_PROCESS_UTIL_H_
#define PARLEY_TESTS_PROCESS_UTIL_H_

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace parley::testing_util {

struct ChildOptions {
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";
  long file_size_limit = -1;  // RLIMIT_FSIZE in bytes (SIGXFSZ ignored), -1 none
  bool as_nobody = false;     // when root: run as uid/gid 65534, so permissions bind
};

// Starts PARLEY_BINARY with `args`; returns its pid.
inline pid_t StartParley(const std::vector<std::string>& args, const ChildOptions& options = {}) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int out = open(options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = open(options.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0 || err < 0) _exit(126);
  dup2(out, 1);
  dup2(err, 2);
  if (options.file_size_limit >= 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {static_cast<rlim_t>(options.file_size_limit),
                           static_cast<rlim_t>(options.file_size_limit)};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  if (options.as_nobody && geteuid() == 0) {
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(125);
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(PARLEY_BINARY));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(PARLEY_BINARY, argv.data());
  _exit(127);
}

// Waits for `pid`; its exit code, 128 + signal when killed.
inline int WaitExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

inline int RunParley(const std::vector<std::string>& args, const ChildOptions& options = {}) {
  return WaitExit(StartParley(args, options));
}

// True once `pid` has exited (reaping it; `*code` gets WaitExit's value).
inline bool Exited(pid_t pid, int* code) {
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) != pid) return false;
  *code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
  return true;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Polls until `condition` holds or `seconds` pass; returns whether it held.
template <typename F>
bool WaitFor(F condition, double seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return condition();
}

}  // namespace parley::testing_util

#endif  // PARLEY_TESTS_PROCESS_UTIL_H_
