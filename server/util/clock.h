// Time is injected so that tests can control it.
#pragma once

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace marginalia::server {

// A source of the current time. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() = 0;
};

// The system's wall clock.
class RealClock : public Clock {
 public:
  absl::Time Now() override { return absl::Now(); }
};

}  // namespace marginalia::server
