// Everything that configures a server, with defaults. Flags live only in
// main.cc, which copies them here.
#pragma once

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "server/net/tls_credentials.h"

namespace marginalia::server {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port. Default: loopback.
  std::string listen = "127.0.0.1:50051";
  // SQLite database file, created if missing.
  std::string db_path = "./marginalia.db";
  // Largest essay accepted, in bytes. Default: 1 MiB.
  std::size_t max_essay_bytes = 1 << 20;
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
};

}  // namespace marginalia::server
