// The scoring limits of one gRPC call: the engine (rubrics/control/
// score_limits.h) stops when the call's deadline passes or its client
// cancels, so a call nobody waits for no longer costs CPU. Stateless;
// thread-safe.
#pragma once

#include <grpcpp/server_context.h>

#include "rubrics/control/score_limits.h"

namespace marginalia::server {

// Limits carrying `context`'s deadline (none when the client set none) and
// its cancellation (ServerContext::IsCancelled, safe from any thread in the
// sync API). `context` must outlive every use of the result.
rubrics::ScoreLimits CallScoreLimits(const grpc::ServerContext* context);

}  // namespace marginalia::server
