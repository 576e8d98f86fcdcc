#include "server/services/call_limits.h"

#include <chrono>

#include "absl/time/time.h"

namespace marginalia::server {

rubrics::ScoreLimits CallScoreLimits(const grpc::ServerContext* context) {
  rubrics::ScoreLimits limits;
  // gRPC gives time_point::max() for a call without a deadline.
  std::chrono::system_clock::time_point deadline = context->deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    limits.deadline = absl::FromChrono(deadline);
  }
  limits.cancelled = [context] { return context->IsCancelled(); };
  return limits;
}

}  // namespace marginalia::server
