// Limits how fast one network peer may fail authentication: a token bucket
// per peer address (its IP, not its port), spent by each failed attempt and
// refilled over time. A peer whose bucket is empty is refused before its
// token is looked up, so guessing tokens costs the server almost nothing.
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/util/clock.h"

namespace marginalia::server {

struct AuthThrottleOptions {
  // Failures a peer may make in a burst. Default: 20.
  double burst = 20;
  // Failures per second a peer regains. Default: 1.
  double refill_per_second = 1;
  // Peers tracked at once; beyond it, peers whose bucket is full again are
  // forgotten, and if that is not enough new peers share one bucket.
  // Default: 10,000.
  std::size_t max_peers = 10000;
};

class AuthenticatorThrottle {
 public:
  // `clock` must outlive the throttle.
  AuthenticatorThrottle(Clock* clock, AuthThrottleOptions options = {});

  // OK while `peer` (gRPC's peer string, "ipv4:IP:PORT") may try to
  // authenticate; RESOURCE_EXHAUSTED, saying when to retry, once its
  // failures have used up its bucket.
  absl::Status Admit(absl::string_view peer);

  // Spends one failure of `peer`'s bucket. True when this failure emptied
  // it (the moment worth logging).
  bool RecordFailure(absl::string_view peer);

  // "ipv4:IP" from "ipv4:IP:PORT", "ipv6:[IP]" from "ipv6:[IP]:PORT".
  static std::string PeerAddress(absl::string_view peer);

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time updated;
  };
  // The peer's bucket, refilled to now.
  Bucket& Refilled(const std::string& address, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void ForgetRecovered(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  Clock* clock_;
  AuthThrottleOptions options_;
  absl::Mutex mutex_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server
