// OrderedPipeline: codes batches of documents on N worker threads and hands the results
// to a single consumer in input order, so output is deterministic whatever the thread
// count. Memory stays bounded: at most `max_batches_in_flight` batches exist at once.
#ifndef PARLEY_PIPELINE_ORDERED_PIPELINE_H_
#define PARLEY_PIPELINE_ORDERED_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parley::pipeline {

// Runs `produce` on the calling thread to fill input batches (returns false when input is
// exhausted), `work` on `threads` workers (each worker has its own State, created by
// `make_state`), and `consume` under a lock in batch order.
template <typename In, typename Out, typename State>
class OrderedPipeline {
 public:
  using Produce = std::function<bool(In*)>;
  using MakeState = std::function<State()>;
  using Work = std::function<void(State*, const In&, Out*)>;
  using Consume = std::function<void(Out&)>;

  OrderedPipeline(int threads, int max_batches_in_flight)
      : threads_(threads < 1 ? 1 : threads),
        max_in_flight_(max_batches_in_flight < threads_ * 2 ? threads_ * 2
                                                             : max_batches_in_flight) {}

  void Run(const Produce& produce, const MakeState& make_state, const Work& work,
           const Consume& consume) {
    if (threads_ == 1) {
      RunInline(produce, make_state, work, consume);
      return;
    }
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) {
      workers.emplace_back([&] { WorkerLoop(make_state, work, consume); });
    }
    uint64_t seq = 0;
    while (true) {
      In batch;
      if (!produce(&batch)) break;
      std::unique_lock<std::mutex> lock(mu_);
      not_full_.wait(lock, [&] { return in_flight_ < max_in_flight_; });
      ++in_flight_;
      queue_.emplace(seq++, std::move(batch));
      has_work_.notify_one();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_producing_ = true;
    }
    has_work_.notify_all();
    for (auto& t : workers) t.join();
  }

 private:
  void RunInline(const Produce& produce, const MakeState& make_state, const Work& work,
                 const Consume& consume) {
    State state = make_state();
    In batch;
    Out out;
    while (produce(&batch)) {
      out = Out();
      work(&state, batch, &out);
      consume(out);
      batch = In();
    }
  }

  void WorkerLoop(const MakeState& make_state, const Work& work, const Consume& consume) {
    State state = make_state();
    while (true) {
      std::optional<std::pair<uint64_t, In>> item;
      {
        std::unique_lock<std::mutex> lock(mu_);
        has_work_.wait(lock, [&] { return !queue_.empty() || done_producing_; });
        if (queue_.empty()) return;
        item.emplace(queue_.begin()->first, std::move(queue_.begin()->second));
        queue_.erase(queue_.begin());
      }
      Out out;
      work(&state, item->second, &out);
      std::lock_guard<std::mutex> lock(mu_);
      finished_.emplace(item->first, std::move(out));
      // Emit every finished batch that is next in order.
      while (!finished_.empty() && finished_.begin()->first == next_to_emit_) {
        consume(finished_.begin()->second);
        finished_.erase(finished_.begin());
        ++next_to_emit_;
        --in_flight_;
        not_full_.notify_one();
      }
    }
  }

  const int threads_;
  const int max_in_flight_;
  std::mutex mu_;
  std::condition_variable has_work_;
  std::condition_variable not_full_;
  std::map<uint64_t, In> queue_;
  std::map<uint64_t, Out> finished_;
  uint64_t next_to_emit_ = 0;
  int in_flight_ = 0;
  bool done_producing_ = false;
};

}  // namespace parley::pipeline

#endif  // PARLEY_PIPELINE_ORDERED_PIPELINE_H_
