// Whether the caller of a call still waits for its answer, from the call's
// limits: checked just before anything is stored, so that a cancelled or
// expired call stores nothing it did not acknowledge. Stateless;
// thread-safe.
#pragma once

#include "absl/status/status.h"
#include "rubrics/control/score_limits.h"

namespace marginalia::server {

// OK while the caller behind `limits` still waits for its answer; else
// CANCELLED or DEADLINE_EXCEEDED, saying that nothing was stored.
absl::Status CallerStillWaiting(const rubrics::ScoreLimits& limits);

}  // namespace marginalia::server
