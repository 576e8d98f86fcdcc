#include "client/channel_credentials.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/loopback.h"
#include "common/status_macros.h"

namespace marginalia::client {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    absl::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  if (!in || !(contents << in.rdbuf())) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": cannot read ", path));
  }
  std::string pem = contents.str();
  if (!absl::StrContains(pem, "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": ", path, " is not a PEM file"));
  }
  return pem;
}

}  // namespace

absl::StatusOr<ChannelSecurity> ChannelSecurityFor(
    const std::string& server, const TransportOptions& options) {
  bool tls_files = !options.tls_ca.empty() || !options.tls_cert.empty() ||
                   !options.tls_key.empty();
  if (options.insecure && tls_files) {
    return absl::InvalidArgumentError(
        "--insecure turns TLS off; it cannot be combined with --tls-ca, "
        "--tls-cert or --tls-key");
  }
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key go together: give both or neither");
  }
  if (!tls_files && (options.insecure || IsLoopbackTarget(server))) {
    return ChannelSecurity{grpc::InsecureChannelCredentials(), false};
  }
  grpc::SslCredentialsOptions ssl;
  if (!options.tls_ca.empty()) {
    ASSIGN_OR_RETURN(ssl.pem_root_certs, ReadPem(options.tls_ca, "--tls-ca"));
  }
  if (!options.tls_cert.empty()) {
    ASSIGN_OR_RETURN(ssl.pem_cert_chain,
                     ReadPem(options.tls_cert, "--tls-cert"));
    ASSIGN_OR_RETURN(ssl.pem_private_key,
                     ReadPem(options.tls_key, "--tls-key"));
  }
  return ChannelSecurity{grpc::SslCredentials(ssl), true};
}

}  // namespace marginalia::client
