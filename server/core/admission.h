// Admission control for single submissions: a bounded number of them are
// scored and waiting for their group commit at once; one more is refused
// at once with RESOURCE_EXHAUSTED and advice on when to retry, instead of
// queueing without limit until long past its deadline.
//
// GUARANTEES
//  G1. At most `max_pending` tickets are held at once.
//  G2. A refusal costs no scoring and no storage: it is decided first.
//  G3. The advice is the recent mean time from admission to answer (an
//      exponentially weighted mean of the last tickets, at least
//      kMinRetryAfter): about when the calls ahead will have finished.
//
// LIMITS
//  Counts submissions, not bytes: a queue of large essays takes longer to
//  drain, which the advice follows as they finish.
//
// ERRORS
//  RESOURCE_EXHAUSTED, message kServerBusy followed by "; retry after N ms".
//
// Thread-safe.
#pragma once

#include <cstddef>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/util/clock.h"

namespace marginalia::server {

// The start of every refusal's message.
inline constexpr char kServerBusy[] = "server busy";

class Admission {
 public:
  // The least retry advice given.
  static constexpr absl::Duration kMinRetryAfter = absl::Milliseconds(10);

  // One admitted submission; frees its place when destroyed. Move-only.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    friend class Admission;
    Ticket(Admission* admission, absl::Time start)
        : admission_(admission), start_(start) {}
    Admission* admission_;
    absl::Time start_;
  };

  // `clock` must outlive this; `max_pending` 0 admits nothing.
  Admission(Clock* clock, std::size_t max_pending)
      : clock_(clock), max_pending_(max_pending) {}

  // A ticket, or RESOURCE_EXHAUSTED with retry advice when max_pending are
  // held.
  absl::StatusOr<Ticket> Admit();

 private:
  void Release(absl::Time start);

  Clock* const clock_;
  const std::size_t max_pending_;
  absl::Mutex mutex_;
  std::size_t pending_ ABSL_GUARDED_BY(mutex_) = 0;
  absl::Duration mean_ ABSL_GUARDED_BY(mutex_) = kMinRetryAfter;
};

}  // namespace marginalia::server
