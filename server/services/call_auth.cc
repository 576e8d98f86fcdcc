#include "server/services/call_auth.h"

#include <string>

#include "common/status_macros.h"

namespace marginalia::server {

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
  return authenticator_->Authenticate(Authorization(context), context->peer());
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
