// How the CLI secures its connection: TLS with the given CA (or the system's
// roots) for any server that is not on this machine, plaintext only for a
// loopback address or when explicitly asked for. Stateless; thread-safe.
#pragma once

#include <grpcpp/security/credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace marginalia::client {

struct TransportOptions {
  // PEM CA bundle that signed the server's certificate. Default: the
  // system's roots. Setting it forces TLS, even to a loopback address.
  std::string tls_ca;
  // PEM client certificate and key, for a server requiring mutual TLS.
  std::string tls_cert;
  std::string tls_key;
  // Plaintext even to a non-loopback address. Default: false.
  bool insecure = false;
};

struct ChannelSecurity {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  bool tls = false;
};

// The credentials for `server`. INVALID_ARGUMENT naming the flag when a
// file cannot be read, is not PEM, or --insecure is combined with TLS files.
absl::StatusOr<ChannelSecurity> ChannelSecurityFor(
    const std::string& server, const TransportOptions& options);

}  // namespace marginalia::client
