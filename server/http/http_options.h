// Everything that configures the HTTP front, with defaults. Flags live in
// server/main.cc, which copies them here.
#pragma once

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "server/http/sessions.h"

namespace marginalia::server::http {

struct HttpOptions {
  // host:port to serve HTTP on (port 0 picks a free one). Default (empty):
  // no HTTP front. Plaintext only on loopback, as for gRPC.
  std::string listen;
  // Threads serving connections; each serves one connection at a time.
  // Default: 16.
  int threads = 16;
  // Accepted connections waiting for a thread; beyond it the accept loop
  // waits and the kernel's backlog holds newcomers. Default: 64.
  int max_queued_connections = 64;
  // Largest request body. Default: 8 MiB, room for a 1 MiB essay however
  // its JSON escapes it.
  std::size_t max_body_bytes = 8 << 20;
  // A connection must send each request (headers and body) within this,
  // and take each answer within write_timeout. Defaults: 10 s and 30 s.
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration write_timeout = absl::Seconds(30);
  // An idle keep-alive connection is closed after this. Default: 5 s.
  absl::Duration keep_alive_timeout = absl::Seconds(5);
  // How long one transcoded call may take. Default: 60 s.
  absl::Duration call_deadline = absl::Seconds(60);
  // Browser sessions: idle timeout, lifetime, how many.
  SessionOptions sessions;
};

}  // namespace marginalia::server::http
