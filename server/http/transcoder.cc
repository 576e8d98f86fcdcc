#include "server/http/transcoder.h"

#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>

#include <chrono>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "server/http/http_names.h"
#include "server/services/call_auth.h"

namespace marginalia::server::http {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

// Metadata values must be printable ASCII, or gRPC refuses the call.
bool IsMetadataValue(absl::string_view value) {
  for (char c : value) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// An identifier as protobuf spells one; anything else cannot be a name.
bool IsIdentifier(absl::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

std::unique_ptr<Message> NewMessage(const google::protobuf::Descriptor* type) {
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(type)
          ->New());
}

// The caller's request message from `json`; a fixed message on failure, so
// nothing of the input is echoed.
absl::StatusOr<std::unique_ptr<Message>> ParseRequest(
    const MethodDescriptor& method, absl::string_view json) {
  std::unique_ptr<Message> request = NewMessage(method.input_type());
  if (absl::StripAsciiWhitespace(json).empty()) return request;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  if (!google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(json.data(), json.size()),
           request.get(), options)
           .ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the body is not the JSON of a ", method.input_type()->full_name(),
        " (Protobuf JSON mapping, lowerCamelCase field names)"));
  }
  return request;
}

absl::Status FromGrpc(const grpc::Status& status) {
  // The two enumerations share their numbering (server/services/
  // grpc_status.cc spells out the other direction).
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

}  // namespace

JsonTranscoder::JsonTranscoder(std::shared_ptr<grpc::Channel> channel,
                               Options options)
    : channel_(std::move(channel)), options_(options) {}

absl::StatusOr<const MethodDescriptor*> JsonTranscoder::FindMethod(
    absl::string_view service, absl::string_view method) {
  const absl::Status unknown =
      absl::NotFoundError(absl::StrCat("no such method: POST ", kApiPrefix,
                                       "{Service}/{Method} names a "
                                       "method of a service of ",
                                       kApiPackage));
  if (!IsIdentifier(service) || !IsIdentifier(method)) return unknown;
  const google::protobuf::ServiceDescriptor* found =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          absl::StrCat(kApiPackage, ".", service));
  const MethodDescriptor* descriptor =
      found == nullptr ? nullptr : found->FindMethodByName(std::string(method));
  if (descriptor == nullptr) return unknown;
  if (descriptor->client_streaming() || descriptor->server_streaming()) {
    return absl::UnimplementedError(
        "streaming methods are served over gRPC only");
  }
  return descriptor;
}

absl::StatusOr<std::string> JsonTranscoder::Call(
    absl::string_view service, absl::string_view method, absl::string_view json,
    const CallerIdentity& caller) const {
  absl::StatusOr<const MethodDescriptor*> descriptor =
      FindMethod(service, method);
  if (!descriptor.ok()) return descriptor.status();
  absl::StatusOr<std::unique_ptr<Message>> request =
      ParseRequest(**descriptor, json);
  if (!request.ok()) return request.status();
  absl::StatusOr<std::string> answer =
      Send(**descriptor, (*request)->SerializeAsString(), caller);
  if (!answer.ok()) return answer.status();
  std::unique_ptr<Message> response = NewMessage((*descriptor)->output_type());
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  if (!response->ParseFromString(*answer) ||
      !google::protobuf::util::MessageToJsonString(*response, &out, options)
           .ok()) {
    return absl::InternalError("the response could not be printed as JSON");
  }
  return out;
}

absl::StatusOr<std::string> JsonTranscoder::Send(
    const MethodDescriptor& method, const std::string& request,
    const CallerIdentity& caller) const {
  if (!IsMetadataValue(caller.authorization) || !IsMetadataValue(caller.peer)) {
    return absl::InvalidArgumentError(
        "the Authorization header must be \"Bearer <token>\"");
  }
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       absl::ToChronoMicroseconds(options_.deadline));
  if (!caller.authorization.empty()) {
    context.AddMetadata("authorization", caller.authorization);
  }
  if (!caller.peer.empty()) {
    context.AddMetadata(std::string(kForwardedPeerMetadata),
                        absl::StrCat(ForwardedPeerProof(), " ", caller.peer));
  }
  grpc::Slice slice(request);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  grpc::Status status;
  absl::Notification done;
  grpc::GenericStub stub(channel_);
  stub.UnaryCall(
      &context,
      absl::StrCat("/", method.service()->full_name(), "/", method.name()),
      grpc::StubOptions(), &request_buffer, &response_buffer,
      [&status, &done](grpc::Status result) {
        status = std::move(result);
        done.Notify();
      });
  done.WaitForNotification();
  if (!status.ok()) return FromGrpc(status);
  std::vector<grpc::Slice> slices;
  if (!response_buffer.Dump(&slices).ok()) {
    return absl::InternalError("the response could not be read");
  }
  std::string bytes;
  for (const grpc::Slice& part : slices) {
    bytes.append(reinterpret_cast<const char*>(part.begin()), part.size());
  }
  return bytes;
}

}  // namespace marginalia::server::http
