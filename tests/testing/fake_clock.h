// A clock a test moves by hand (server/util/clock.h). Not thread-safe.
#pragma once

#include "absl/time/time.h"
#include "server/util/clock.h"

namespace marginalia::testing {

class FakeClock : public server::Clock {
 public:
  absl::Time Now() override { return now_; }
  void Advance(absl::Duration by) { now_ += by; }

 private:
  absl::Time now_ = absl::FromUnixSeconds(1700000000);
};

}  // namespace marginalia::testing
