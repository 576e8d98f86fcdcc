#include "client/cli_context.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <chrono>
#include <ostream>

#include "absl/strings/str_cat.h"

namespace marginalia::client {

absl::Status CliContext::ConfigureTransport() {
  absl::StatusOr<ChannelSecurity> security =
      ChannelSecurityFor(options_.server, options_.transport);
  if (!security.ok()) return security.status();
  security_ = *std::move(security);
  return absl::OkStatus();
}

std::shared_ptr<grpc::Channel> CliContext::Channel() {
  if (security_.credentials == nullptr) {
    security_.credentials = grpc::InsecureChannelCredentials();
  }
  if (channel_ == nullptr) {
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(64 << 20);
    arguments.SetMaxSendMessageSize(64 << 20);
    channel_ = grpc::CreateCustomChannel(options_.server, security_.credentials,
                                         arguments);
  }
  return channel_;
}

std::unique_ptr<grpc::ClientContext> CliContext::NewCallContext() {
  std::unique_ptr<grpc::ClientContext> context = NewStreamContext();
  context->set_deadline(
      std::chrono::system_clock::now() +
      std::chrono::microseconds(absl::ToInt64Microseconds(options_.timeout)));
  return context;
}

std::unique_ptr<grpc::ClientContext> CliContext::NewStreamContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!options_.token.empty()) {
    context->AddMetadata("authorization",
                         absl::StrCat("Bearer ", options_.token));
  }
  return context;
}

int CliContext::ReportRpcError(const grpc::Status& status) {
  std::string message = status.error_message();
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    message = absl::StrCat("cannot reach the server at ", options_.server, " (",
                           message,
                           "); is marginalia-server running? Set --server "
                           "or MARGINALIA_SERVER");
    if (security_.tls) {
      absl::StrAppend(&message,
                      ". The connection uses TLS (the default for a server "
                      "not on this machine): give the CA that signed the "
                      "server's certificate with --tls-ca, or pass --insecure "
                      "if the server speaks plaintext");
    }
  }
  if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED &&
      message == "Server Threadpool Exhausted") {
    // gRPC's own words when the server's thread quota is used up.
    message =
        "the server is handling as many calls as it takes at once; retry "
        "in a few seconds";
  }
  *err_ << "error: " << StatusCodeName(status.error_code()) << ": " << message
        << std::endl;
  return kExitFailure;
}

int CliContext::ReportError(const std::string& message) {
  *err_ << "error: " << message << std::endl;
  return kExitFailure;
}

const char* StatusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

}  // namespace marginalia::client
