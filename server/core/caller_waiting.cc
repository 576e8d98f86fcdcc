#include "server/core/caller_waiting.h"

#include "absl/time/clock.h"

namespace marginalia::server {

absl::Status CallerStillWaiting(const rubrics::ScoreLimits& limits) {
  if (limits.cancelled && limits.cancelled()) {
    return absl::CancelledError(
        "the call was cancelled before its work was stored; nothing was "
        "stored");
  }
  absl::Time now = limits.now ? limits.now() : absl::Now();
  if (now >= limits.deadline) {
    return absl::DeadlineExceededError(
        "the call's deadline passed before its work was stored; nothing "
        "was stored");
  }
  return absl::OkStatus();
}

}  // namespace marginalia::server
