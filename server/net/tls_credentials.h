// The credentials the server listens with: TLS from PEM files (mutual TLS
// when a client CA is given), or plaintext, which is allowed only on a
// loopback address unless explicitly asked for. Stateless; thread-safe.
#pragma once

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace marginalia::server {

struct TlsFiles {
  // PEM certificate chain and private key. Both or neither.
  std::string cert_path;
  std::string key_path;
  // PEM CA bundle; when set, clients must present a certificate it signed.
  std::string client_ca_path;
  // Plaintext on a non-loopback address. Default: refused.
  bool allow_insecure = false;
};

// TLS credentials from `files`, or plaintext ones when no certificate is
// given and `listen` is a loopback address (or allow_insecure is set).
// INVALID_ARGUMENT naming the file or flag when a file is unreadable, is not
// PEM, the key does not match the certificate, only one of cert and key is
// given, or plaintext is asked for on a non-loopback address.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListeningCredentials(
    const std::string& listen, const TlsFiles& files);

}  // namespace marginalia::server
