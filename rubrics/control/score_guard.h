// One scoring call's watch over its ScoreLimits, polled in the engine's
// long loops. Once a limit is passed the guard stays stopped, so every loop
// unwinds promptly and the call returns status() instead of a report. Not
// thread-safe: owned by the one call that polls it.
#pragma once

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "rubrics/control/score_limits.h"

namespace marginalia::rubrics {

class ScoreGuard {
 public:
  // A guard that never stops.
  ScoreGuard();
  // Starts the budget's clock now. `limits` must outlive the guard.
  explicit ScoreGuard(const ScoreLimits& limits);
  ScoreGuard(const ScoreGuard&) = delete;
  ScoreGuard& operator=(const ScoreGuard&) = delete;

  // True once a limit is passed. Cheap enough for inner loops: the clock
  // and the callback are consulted on every kPollStride-th call only.
  bool Poll(absl::string_view where) {
    if (stopped_) return true;
    if (limits_ == nullptr || ++polls_ % kPollStride != 0) return false;
    return Check(where);
  }

  // Like Poll(), but consults the clock and the callback now: for the
  // boundaries between passes.
  bool Check(absl::string_view where);

  // OK while no limit is passed; else DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED
  // or CANCELLED, saying which limit, after how long and in which pass.
  const absl::Status& status() const { return status_; }

 private:
  static constexpr uint32_t kPollStride = 64;

  absl::Time Now() const;
  void Stop(absl::Status status);

  const ScoreLimits* limits_ = nullptr;
  absl::Time start_;
  uint32_t polls_ = 0;
  bool stopped_ = false;
  absl::Status status_;
};

}  // namespace marginalia::rubrics
