#include "store/store_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace parley::store {
namespace {

int64_t ReadPid(int fd) {
  char buf[32];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return 0;
  int64_t pid = 0;
  std::from_chars(buf, buf + n, pid);
  return pid;
}

// True when `fd` is still the file at `path`: a releasing writer unlinks the lock file,
// so a waiter that got the lock on the old, unlinked inode must start again.
bool StillLinked(int fd, const std::string& path) {
  struct stat by_fd, by_path;
  if (fstat(fd, &by_fd) != 0 || stat(path.c_str(), &by_path) != 0) return false;
  return by_fd.st_dev == by_path.st_dev && by_fd.st_ino == by_path.st_ino;
}

}  // namespace

Status StoreLock::Acquire(const std::string& store_path, bool wait,
                          const std::function<void(int64_t pid)>& on_wait,
                          std::unique_ptr<StoreLock>* lock) {
  const std::string path = store_path + ".lock";
  bool announced = false;
  while (true) {
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      return Status::IOError(
          fmt::format("cannot write to store {}: cannot create its lock file {}: {}", store_path,
                      path, std::strerror(errno)));
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK) {
        int error = errno;
        close(fd);
        return Status::IOError(
            fmt::format("cannot lock store {} ({}): {}", store_path, path, std::strerror(error)));
      }
      const int64_t pid = ReadPid(fd);
      if (!wait) {
        close(fd);
        return Status::IOError(fmt::format(
            "store {} is being written by pid {}; not waiting (--no-wait)", store_path, pid));
      }
      if (!announced && on_wait) on_wait(pid);
      announced = true;
      while (flock(fd, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
    if (!StillLinked(fd, path)) {
      close(fd);
      continue;
    }
    std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
      // The pid is only for messages; the lock itself is held.
    }
    lock->reset(new StoreLock(path, fd));
    return Status::OK();
  }
}

StoreLock::~StoreLock() {
  unlink(path_.c_str());
  close(fd_);
}

int64_t StoreLock::HolderPid(const std::string& store_path) {
  int fd = open((store_path + ".lock").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  int64_t pid = ReadPid(fd);
  close(fd);
  return pid;
}

}  // namespace parley::store
