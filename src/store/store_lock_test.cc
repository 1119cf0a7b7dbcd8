#include "store/store_lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "parley/store.h"

namespace parley::store {
namespace {

namespace fs = std::filesystem;

std::string TempStore(const char* name) {
  fs::path dir = fs::temp_directory_path() / ("parley_lock_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  return (dir / name).string();
}

// flock locks belong to open file descriptions, so two acquisitions in one process
// exclude each other exactly as two processes do.
TEST(StoreLock, SecondWriterWaitsOrFails) {
  const std::string store = TempStore("lock.sqlite");
  std::unique_ptr<StoreLock> first;
  ASSERT_TRUE(StoreLock::Acquire(store, true, {}, &first).ok());
  EXPECT_EQ(StoreLock::HolderPid(store), getpid());

  std::unique_ptr<StoreLock> second;
  Status s = StoreLock::Acquire(store, false, {}, &second);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
  EXPECT_NE(s.message().find("is being written by pid " + std::to_string(getpid())),
            std::string::npos)
      << s.message();

  std::atomic<int64_t> waited_for{-1};
  std::atomic<bool> acquired{false};
  std::thread waiter([&] {
    std::unique_ptr<StoreLock> lock;
    EXPECT_TRUE(StoreLock::Acquire(
                    store, true, [&](int64_t pid) { waited_for = pid; }, &lock)
                    .ok());
    acquired = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(acquired);
  EXPECT_EQ(waited_for, getpid());
  first.reset();  // releases: the waiter proceeds
  waiter.join();
  EXPECT_TRUE(acquired);
  EXPECT_FALSE(fs::exists(store + ".lock"));  // removed by its last holder
  fs::remove_all(fs::path(store).parent_path());
}

TEST(StoreLock, EventStoreWritersExcludeEachOtherReadersDoNot) {
  const std::string path = TempStore("events.sqlite");
  std::unique_ptr<EventStore> writer;
  ASSERT_TRUE(EventStore::Open(path, StoreOptions(), &writer).ok());
  StoreOptions no_wait;
  no_wait.wait_for_writer = false;
  std::unique_ptr<EventStore> second;
  EXPECT_EQ(EventStore::Open(path, no_wait, &second).code(), Status::Code::kIOError);
  StoreOptions read_only;
  read_only.read_only = true;
  std::unique_ptr<EventStore> reader;
  EXPECT_TRUE(EventStore::Open(path, read_only, &reader).ok());
  writer.reset();
  EXPECT_TRUE(EventStore::Open(path, no_wait, &second).ok());
  second.reset();
  reader.reset();
  fs::remove_all(fs::path(path).parent_path());
}

}  // namespace
}  // namespace parley::store
