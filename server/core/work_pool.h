// A fixed set of threads running queued tasks in arrival order. Batch
// streams share one (Scoring()), so the threads that score essays stay at
// one per core however many streams are open. Thread-safe.
#pragma once

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace marginalia::server {

class WorkPool {
 public:
  // Starts `threads` threads (at least 1).
  explicit WorkPool(int threads);
  // Runs every task already queued, then joins the threads.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `task`; it runs on one of the pool's threads. A task must not
  // wait for a later task of the same pool.
  void Schedule(std::function<void()> task);

  // The process's scoring pool: one thread per core, started on first use
  // and never stopped.
  static WorkPool& Scoring();

 private:
  void Loop();

  absl::Mutex mutex_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace marginalia::server
