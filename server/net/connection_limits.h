// How many connections, calls and threads the server takes, how large a
// message may be, and when idle or dead connections are closed: the gRPC
// settings that keep a server on a network within its resources.
// Plain data and one function; thread-safe.
#pragma once

#include <grpcpp/server_builder.h>

#include <cstddef>

#include "absl/time/time.h"

namespace marginalia::server {

struct ConnectionLimits {
  // Threads gRPC may run for calls (each call in progress holds one); calls
  // beyond them are answered RESOURCE_EXHAUSTED without retry advice.
  // Enough that under load single submissions meet the admission's refusal,
  // which says when to retry, before gRPC's (bench/load): the admission,
  // not this, keeps work queued inside the server short. Default (0): 32
  // per core, at least 64.
  int max_threads = 0;
  // Calls at once on one connection; more wait in the client. Default: 32.
  int max_streams_per_connection = 32;
  // Largest request message; larger ones are answered RESOURCE_EXHAUSTED.
  // Default (0): set from the largest essay by MarginaliaServer.
  std::size_t max_message_bytes = 0;
  // A connection without calls for this long is closed. Default: 5 min.
  absl::Duration max_idle = absl::Minutes(5);
  // Connections are closed after this age, calls in flight getting
  // max_age_grace to finish. Default: 1 h and 10 min (a long batch).
  absl::Duration max_age = absl::Hours(1);
  absl::Duration max_age_grace = absl::Minutes(10);
  // A new connection must finish its TLS and HTTP/2 handshake within this.
  // Default: 20 s.
  absl::Duration handshake_timeout = absl::Seconds(20);
  // The server pings a quiet connection this often and drops it when the
  // ping is not answered within keepalive_timeout. Default: 1 min, 20 s.
  absl::Duration keepalive = absl::Minutes(1);
  absl::Duration keepalive_timeout = absl::Seconds(20);
};

// Applies `limits` to `builder`.
void ApplyConnectionLimits(const ConnectionLimits& limits,
                           grpc::ServerBuilder* builder);

}  // namespace marginalia::server
