#include "server/services/call_auth.h"

#include <string>

#include "common/status_macros.h"

namespace marginalia::server {

absl::StatusOr<Caller> CallAuth::Authenticate(grpc::ServerContext* context) {
  const auto& metadata = context->client_metadata();
  auto found = metadata.find("authorization");
  std::string value;
  if (found != metadata.end()) {
    value.assign(found->second.data(), found->second.size());
  }
  return authenticator_->Authenticate(value, context->peer());
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
