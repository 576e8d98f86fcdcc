// The shape of every unary handler: authorise through the access policy,
// run the body, convert its status. Keeps handlers to their one real line.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/auth/caller.h"
#include "server/services/call_auth.h"
#include "server/services/grpc_status.h"

namespace marginalia::server {

// Authorises `method` (the full name) for `request`, then runs
// `body(const Access&) -> absl::Status`, which fills the response.
template <typename Request, typename Body>
grpc::Status Handle(CallAuth& auth, grpc::ServerContext* context,
                    absl::string_view method, const Request& request,
                    Body body) {
  absl::StatusOr<Access> access = auth.Authorize(context, method, request);
  if (!access.ok()) return ToGrpcStatus(access.status());
  return ToGrpcStatus(body(*access));
}

}  // namespace marginalia::server
