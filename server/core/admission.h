// Admission control for single submissions, by expected wait: a new call is
// refused at once with RESOURCE_EXHAUSTED and advice on when to retry when
// the calls already admitted would keep it waiting longer than a budget (or
// than its own deadline), instead of queueing it until long past either.
//
// THE MODEL
//  `workers` submissions progress at once (the cores that score them); more
//  share them. A ticket's cost is the service it received while held: the
//  time it was held, each moment divided by how many workers' worth of
//  tickets were held then. The cost is an exponentially weighted mean of
//  released tickets'. A new call with n tickets held expects to wait
//  n * cost / workers: the calls ahead finishing on the workers.
//
// GUARANTEES
//  G1. At most `max_pending` tickets are held at once (a hard bound).
//  G2. A call is refused when its expected wait exceeds `max_wait`, or its
//      remaining deadline; a call finding no ticket held is never refused
//      for its wait, so the cost is learnt again after a slow outlier.
//  G3. A refusal costs no scoring and no storage: it is decided first.
//  G4. The advice is the expected wait (at least kMinRetryAfter): about
//      when the calls ahead will have finished.
//
// LIMITS
//  Counts submissions, not bytes: a queue of large essays is learnt as
//  they finish. The cost is learnt from answered calls only, so it lags a
//  sudden change (another load on the machine) by a few dozen calls.
//
// ERRORS
//  RESOURCE_EXHAUSTED, message kServerBusy ... kRetryAfter N " ms".
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
// Precedes the advice, in milliseconds, at the end of every refusal.
inline constexpr char kRetryAfter[] = "; retry after ";

struct AdmissionOptions {
  // Tickets held at once, whatever the expected wait. 0 admits nothing.
  std::size_t max_pending = 8;
  // Submissions that progress at once (cores). At least 1. Default: 2.
  int workers = 2;
  // Longest expected wait admitted. Default: 50 ms.
  absl::Duration max_wait = absl::Milliseconds(50);
};

class Admission {
 public:
  // The least retry advice given.
  static constexpr absl::Duration kMinRetryAfter = absl::Milliseconds(10);
  // The cost assumed before any ticket was released.
  static constexpr absl::Duration kInitialCost = absl::Milliseconds(5);

  // One admitted submission; frees its place when destroyed. Move-only.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    friend class Admission;
    Ticket(Admission* admission, absl::Duration start)
        : admission_(admission), start_(start) {}
    Admission* admission_;
    absl::Duration start_;  // Admission::served_ when admitted
  };

  // `clock` must outlive this.
  Admission(Clock* clock, AdmissionOptions options);

  // A ticket, or RESOURCE_EXHAUSTED with retry advice when max_pending are
  // held or the expected wait exceeds max_wait or `deadline` (G2).
  absl::StatusOr<Ticket> Admit(absl::Time deadline = absl::InfiniteFuture());

  // How long a call arriving now would expect to wait.
  absl::Duration ExpectedWait();

 private:
  void Release(absl::Duration start);
  // Brings served_ up to `now`.
  void AdvanceLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Duration ExpectedWaitLocked() const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // RESOURCE_EXHAUSTED saying `why`, with the advice.
  absl::Status Busy(absl::string_view why) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  Clock* const clock_;
  const AdmissionOptions options_;
  absl::Mutex mutex_;
  std::size_t pending_ ABSL_GUARDED_BY(mutex_) = 0;
  absl::Duration cost_ ABSL_GUARDED_BY(mutex_) = kInitialCost;
  // The service one ticket held throughout would have received since the
  // start, and when pending_ last changed.
  absl::Duration served_ ABSL_GUARDED_BY(mutex_);
  absl::Time last_change_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server
