#include "server/net/tls_credentials.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/loopback.h"
#include "common/status_macros.h"

namespace marginalia::server {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path,
                                    absl::string_view what) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  if (!in || !(contents << in.rdbuf())) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read the ", what, " file ", path));
  }
  std::string pem = contents.str();
  if (!absl::StrContains(pem, "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", what, " file ", path, " is not PEM"));
  }
  return pem;
}

// Caught here rather than by gRPC, whose failure would only say that the
// port could not be bound.
absl::Status CheckKeyMatches(const std::string& cert_pem,
                             const std::string& key_pem) {
  BIO* cert_bio = BIO_new_mem_buf(cert_pem.data(), cert_pem.size());
  BIO* key_bio = BIO_new_mem_buf(key_pem.data(), key_pem.size());
  X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
  absl::Status status = absl::OkStatus();
  if (cert == nullptr) {
    status = absl::InvalidArgumentError("--tls-cert holds no certificate");
  } else if (key == nullptr) {
    status = absl::InvalidArgumentError(
        "--tls-key holds no private key (or one protected by a passphrase)");
  } else if (X509_check_private_key(cert, key) != 1) {
    status = absl::InvalidArgumentError(
        "the --tls-key does not match the --tls-cert certificate");
  }
  EVP_PKEY_free(key);
  X509_free(cert);
  BIO_free(key_bio);
  BIO_free(cert_bio);
  return status;
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Tls(
    const TlsFiles& files) {
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  ASSIGN_OR_RETURN(pair.cert_chain,
                   ReadPem(files.cert_path, "TLS certificate (--tls-cert)"));
  ASSIGN_OR_RETURN(pair.private_key,
                   ReadPem(files.key_path, "TLS key (--tls-key)"));
  RETURN_IF_ERROR(CheckKeyMatches(pair.cert_chain, pair.private_key));
  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  options.pem_key_cert_pairs.push_back(std::move(pair));
  if (!files.client_ca_path.empty()) {
    ASSIGN_OR_RETURN(
        options.pem_root_certs,
        ReadPem(files.client_ca_path, "client CA (--tls-client-ca)"));
    options.client_certificate_request =
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListeningCredentials(
    const std::string& listen, const TlsFiles& files) {
  if (files.cert_path.empty() != files.key_path.empty()) {
    return absl::InvalidArgumentError(
        "--tls-cert and --tls-key go together: give both or neither");
  }
  if (!files.cert_path.empty()) return Tls(files);
  if (!files.client_ca_path.empty()) {
    return absl::InvalidArgumentError(
        "--tls-client-ca needs --tls-cert and --tls-key");
  }
  if (!IsLoopbackTarget(listen) && !files.allow_insecure) {
    return absl::InvalidArgumentError(absl::StrCat(
        "refusing plaintext on ", listen,
        ", which other machines can reach: give --tls-cert and --tls-key, "
        "or --insecure if a trusted proxy terminates TLS"));
  }
  return grpc::InsecureServerCredentials();
}

}  // namespace marginalia::server
