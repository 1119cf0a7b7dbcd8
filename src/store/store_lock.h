// The writer lock of an event store: one process at a time writes a store. It is an
// exclusive flock(2) on "<store>.lock", which holds the writer's pid for the message a
// waiting process prints. The kernel drops the lock when the process dies (kill -9
// included), so a stale lock file never blocks anyone.
#ifndef PARLEY_STORE_STORE_LOCK_H_
#define PARLEY_STORE_STORE_LOCK_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "parley/status.h"

namespace parley::store {

class StoreLock {
 public:
  // Takes the lock of the store at `store_path`. When another process holds it: with
  // `wait`, calls `on_wait(pid)` (may be empty; pid 0 if unknown) once and blocks until it
  // is released; without, IOError "store X is being written by pid N". IOError when the
  // lock file cannot be created.
  static Status Acquire(const std::string& store_path, bool wait,
                        const std::function<void(int64_t pid)>& on_wait,
                        std::unique_ptr<StoreLock>* lock);
  // Removes the lock file and releases the lock.
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

  // The pid written in `store_path`'s lock file, 0 when there is none.
  static int64_t HolderPid(const std::string& store_path);

 private:
  StoreLock(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
};

}  // namespace parley::store

#endif  // PARLEY_STORE_STORE_LOCK_H_
