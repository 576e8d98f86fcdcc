#include "server/services/call_auth.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <string>

#include "absl/strings/escaping.h"
#include "common/status_macros.h"

namespace marginalia::server {
namespace {

// The call's network peer: gRPC's, or the one the HTTP front forwarded with
// this process's proof.
std::string PeerOf(const grpc::ServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto forwarded = metadata.find(grpc::string_ref(
      kForwardedPeerMetadata.data(), kForwardedPeerMetadata.size()));
  if (forwarded == metadata.end()) return context.peer();
  absl::string_view value(forwarded->second.data(), forwarded->second.size());
  const std::string& proof = ForwardedPeerProof();
  if (proof.empty() || value.size() <= proof.size() ||
      value[proof.size()] != ' ' ||
      CRYPTO_memcmp(value.data(), proof.data(), proof.size()) != 0) {
    return context.peer();
  }
  return std::string(value.substr(proof.size() + 1));
}

}  // namespace

const std::string& ForwardedPeerProof() {
  static const std::string* proof = [] {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
      // No randomness: an empty proof, which PeerOf never accepts.
      return new std::string();
    }
    return new std::string(absl::BytesToHexString(
        absl::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes)));
  }();
  return *proof;
}

namespace {

// The call's "authorization" metadata; empty when it has none.
std::string Authorization(grpc::ServerContext* context) {
  const auto& metadata = context->client_metadata();
  auto found = metadata.find("authorization");
  if (found == metadata.end()) return "";
  return std::string(found->second.data(), found->second.size());
}

}  // namespace

absl::StatusOr<Caller> CallAuth::Authenticate(grpc::ServerContext* context) {
  return authenticator_->Authenticate(Authorization(context), PeerOf(*context));
}

absl::Status CallAuth::Recheck(grpc::ServerContext* context) {
  return authenticator_->Recheck(Authorization(context));
}

absl::StatusOr<Access> CallAuth::Authorize(
    grpc::ServerContext* context, absl::string_view method,
    const google::protobuf::Message& request) {
  ASSIGN_OR_RETURN(Caller caller, Authenticate(context));
  return authorizer_->Authorize(caller, method, request);
}

absl::StatusOr<Access> CallAuth::AuthorizeAs(
    const Caller& caller, absl::string_view method,
    const google::protobuf::Message& request) {
  return authorizer_->Authorize(caller, method, request);
}

}  // namespace marginalia::server
