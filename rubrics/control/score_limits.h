// How long one scoring call may run and how its caller stops it early: a
// deadline, a time budget and a cancellation callback. Plain C++, so that
// the engine stays free of gRPC: the server adapts its call's deadline and
// cancellation to these fields.
#pragma once

#include <functional>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace marginalia::rubrics {

struct ScoreLimits {
  // Scoring stops with DEADLINE_EXCEEDED once the clock passes this (the
  // caller's deadline). Default: none.
  absl::Time deadline = absl::InfiniteFuture();
  // Scoring stops with RESOURCE_EXHAUSTED once it has run this long (the
  // service's own budget per essay). Default: none.
  absl::Duration budget = absl::InfiniteDuration();
  // Scoring stops with CANCELLED once this returns true (the caller went
  // away). Called from the scoring thread; must be cheap. Default: none.
  std::function<bool()> cancelled;
  // The clock for deadline and budget. Default: absl::Now.
  std::function<absl::Time()> now;
};

}  // namespace marginalia::rubrics
