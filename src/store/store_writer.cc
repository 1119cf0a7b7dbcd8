// StoreWriter: one background thread that owns all writes to an EventStore.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "parley/store.h"

namespace parley {

class StoreWriter::Impl {
 public:
  static constexpr size_t kMaxDocsPerTransaction = 2048;

  Impl(EventStore* store, size_t max_queued)
      : store_(store), max_queued_(max_queued < 1 ? 1 : max_queued) {
    thread_ = std::thread([this] { Loop(); });
  }

  void Submit(std::vector<StoreDocument> batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < max_queued_; });
    if (!status_.ok()) return;  // already failed: nothing more is written
    queue_.push_back(std::move(batch));
    has_work_.notify_one();
  }

  Status Finish(AddResult* result) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!finished_) {
        finished_ = true;
        has_work_.notify_one();
      }
    }
    if (thread_.joinable()) thread_.join();
    if (result != nullptr) *result = totals_;
    return status_;
  }

 private:
  void Loop() {
    while (true) {
      std::vector<StoreDocument> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        has_work_.wait(lock, [&] { return !queue_.empty() || finished_; });
        if (queue_.empty()) return;
        // Everything queued goes into one transaction: each commit rewrites every index
        // page it touched, so fewer, larger commits write far less.
        batch = std::move(queue_.front());
        queue_.pop_front();
        while (!queue_.empty() && batch.size() < kMaxDocsPerTransaction) {
          for (StoreDocument& doc : queue_.front()) batch.push_back(std::move(doc));
          queue_.pop_front();
        }
        not_full_.notify_all();
      }
      AddResult added;
      Status s = store_->AddBatch(batch, &added);
      std::lock_guard<std::mutex> lock(mu_);
      totals_.documents_added += added.documents_added;
      totals_.documents_skipped += added.documents_skipped;
      totals_.mentions_added += added.mentions_added;
      totals_.events_added += added.events_added;
      if (!s.ok() && status_.ok()) {
        status_ = s;
        queue_.clear();
        not_full_.notify_all();
      }
    }
  }

  EventStore* store_;
  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable has_work_, not_full_;
  std::deque<std::vector<StoreDocument>> queue_;
  bool finished_ = false;
  Status status_;
  AddResult totals_;
  std::thread thread_;
};

StoreWriter::StoreWriter(EventStore* store, size_t max_queued)
    : impl_(std::make_unique<Impl>(store, max_queued)) {}

StoreWriter::~StoreWriter() { impl_->Finish(nullptr).ok(); }

void StoreWriter::Submit(std::vector<StoreDocument> batch) { impl_->Submit(std::move(batch)); }

Status StoreWriter::Finish(AddResult* result) { return impl_->Finish(result); }

}  // namespace parley
