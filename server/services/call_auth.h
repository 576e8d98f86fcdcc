// What every handler calls first: authenticates the call's bearer token and
// asks the access policy (server/auth/authorizer.h) whether the caller may
// make it. Thread-safe.
#pragma once

#include <grpcpp/server_context.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "server/auth/authenticator.h"
#include "server/auth/authorizer.h"

namespace marginalia::server {

// Metadata with which the server's own HTTP front (server/http) names the
// network peer of a call it forwards through the in-process channel, so that
// failed authentications are throttled per browser: "<proof> <peer>", where
// <proof> is ForwardedPeerProof(). Without the proof it is ignored, so a
// network client cannot choose its own peer.
inline constexpr absl::string_view kForwardedPeerMetadata =
    "x-marginalia-forwarded-peer";

// A random secret made once per process (64 hex digits), known only to code
// inside it. Thread-safe.
const std::string& ForwardedPeerProof();

// Authenticate-then-authorise for handlers. Thread-safe.
class CallAuth {
 public:
  // Both must outlive this.
  CallAuth(Authenticator* authenticator, Authorizer* authorizer)
      : authenticator_(authenticator), authorizer_(authorizer) {}

  // The caller and their relation to the request's resource.
  // UNAUTHENTICATED for a missing, bad or revoked token; PERMISSION_DENIED
  // or NOT_FOUND as the policy decides. `method` is the full name,
  // "marginalia.v1.Service/Method".
  absl::StatusOr<Access> Authorize(grpc::ServerContext* context,
                                   absl::string_view method,
                                   const google::protobuf::Message& request);

  // Authenticates only (for the items of a stream, authorised one by one).
  absl::StatusOr<Caller> Authenticate(grpc::ServerContext* context);

  // Whether the call's token still authenticates it (for each item of a
  // stream): UNAUTHENTICATED once the token is revoked.
  absl::Status Recheck(grpc::ServerContext* context);

  // Authorises one more request of an already authenticated caller.
  absl::StatusOr<Access> AuthorizeAs(const Caller& caller,
                                     absl::string_view method,
                                     const google::protobuf::Message& request);

 private:
  Authenticator* authenticator_;
  Authorizer* authorizer_;
};

}  // namespace marginalia::server
