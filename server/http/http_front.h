// The HTTP front of marginalia-server: the JSON API (transcoder.h) and
// browser sessions (sessions.h) on their own port, over TLS when the server
// has a certificate. Every response carries the security headers of
// http_names.h. Routes:
//
//   POST   /api/v1/{Service}/{Method}  the API (JSON in, JSON out)
//   POST   /api/session                sign in: {"token": "..."}
//   GET    /api/session                who is signed in, and the CSRF token
//   DELETE /api/session                sign out
//   GET    /, /NAME                    the web app (web/, compiled in)
//
// A call authenticates with "Authorization: Bearer <token>" (scripts), or
// with the session cookie plus the session's CSRF token in X-CSRF-Token
// (browsers; refused with 403 without it). POST bodies must be declared
// application/json. Errors are {"code", "message"} (http_status.h).
// Thread-safe; one thread accepts, `threads` serve.
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "server/http/http_options.h"
#include "server/net/tls_credentials.h"

namespace httplib {
class Server;
}

namespace marginalia::server::http {

class ApiRoutes;

// Owns the HTTP server and its accept thread. Thread-safe.
class HttpFront {
 public:
  // Binds options.listen and starts serving calls on `channel` (the
  // server's in-process channel). TLS with tls.cert_path and tls.key_path
  // (and client certificates from tls.client_ca_path) when given.
  // INVALID_ARGUMENT for plaintext on a non-loopback address without
  // tls.allow_insecure, or unusable TLS files; UNAVAILABLE when the address
  // cannot be bound.
  static absl::StatusOr<std::unique_ptr<HttpFront>> Start(
      const HttpOptions& options, const TlsFiles& tls,
      std::shared_ptr<grpc::Channel> channel);

  ~HttpFront();

  // "host:port" with the real port.
  const std::string& address() const { return address_; }
  // "https://host:port/" or "http://host:port/".
  std::string url() const;

  // Stops accepting, finishes the requests being served. Idempotent.
  void Stop();

 private:
  HttpFront() = default;

  std::unique_ptr<ApiRoutes> routes_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::string address_;
  bool tls_ = false;
};

}  // namespace marginalia::server::http
