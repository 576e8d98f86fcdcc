// Everything that configures a server, with defaults. Flags live only in
// main.cc, which copies them here.
#pragma once

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "server/auth/authenticator_throttle.h"
#include "server/net/connection_limits.h"
#include "server/net/tls_credentials.h"

namespace marginalia::server {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port. Default: loopback.
  std::string listen = "127.0.0.1:50051";
  // SQLite database file, created if missing.
  std::string db_path = "./marginalia.db";
  // Largest essay accepted, in bytes. Default: 1 MiB.
  std::size_t max_essay_bytes = 1 << 20;
  // Single submissions scored and waiting for their commit at once; more
  // are answered RESOURCE_EXHAUSTED with retry advice (admission.h).
  // Default (0): 4 per core, at least 8.
  std::size_t max_pending_submissions = 0;
  // Longest expected wait for a single submission: one that the calls in
  // progress would keep waiting longer is answered RESOURCE_EXHAUSTED with
  // retry advice (admission.h). Default: 50 ms.
  absl::Duration max_submission_wait = absl::Milliseconds(50);
  // fsync every commit (durable against power loss). Default: true.
  bool synchronous_full = true;
  // How long shutdown waits for calls in flight before cancelling them.
  absl::Duration drain_timeout = absl::Seconds(30);
  // Where the first start writes the administrator's token (mode 0600,
  // never overwritten). Default (empty): "admin-token" beside db_path.
  std::string admin_token_path;
  // TLS certificate, key and optional client CA (mutual TLS). Default: none,
  // i.e. plaintext, which is refused on a non-loopback address unless
  // tls.allow_insecure is set.
  TlsFiles tls;
  // Threads, calls per connection, message size, idle and dead connections.
  // max_message_bytes 0 (the default) means twice max_essay_bytes plus room
  // for the other fields, and at least 4 MiB.
  ConnectionLimits limits;
  // Connections held at once, roughly (counted in file descriptors): more
  // are reset on arrival. Never more than the open-file limit less 64
  // descriptors kept for the database and logs. Default: 4,096.
  int max_connections = 4096;
  // How often freed memory is given back to the system. Default: 5 s;
  // zero turns it off.
  absl::Duration memory_release_period = absl::Seconds(5);
  // Failed authentications allowed per peer address: a burst, then a rate.
  AuthThrottleOptions auth_throttle;
};

}  // namespace marginalia::server
