// The JSON face of the gRPC API: one generic transcoder from
// POST /api/v1/{Service}/{Method} with a JSON body to the same services.
//
// METHOD
//
// 1. {Service} names a service of package marginalia.v1 and {Method} one of
//    its methods, found in the generated descriptor pool, so every RPC the
//    server is built with is on the web and no RPC has a second
//    implementation here.
// 2. The body is read with the Protobuf JSON mapping into the method's
//    request message (an empty body is the empty message), serialised, and
//    sent as a unary call through the server's in-process channel with the
//    caller's "authorization" metadata. The same authentication, access
//    policy (server/auth/authorizer.cc), visibility policy and limits as a
//    gRPC client's therefore decide the answer.
// 3. The response is printed with the Protobuf JSON mapping (lowerCamelCase
//    names, zero values printed, 64-bit integers as strings).
//
// GUARANTEES
//
//  G1. A request that reaches a service is exactly the message a gRPC client
//      sending the same fields would send; the answer is the same message
//      or the same status (code and message).
//  G2. The caller's network address is forwarded as the call's peer
//      (server/services/call_auth.h), so failed authentications are
//      throttled per browser, not for the web front as a whole.
//  G3. Error messages written here never echo the request: not its body,
//      not its path, not its token.
//  G4. Time and memory are linear in the body and the response.
//
// LIMITS
//
//  - Unary methods only; streaming methods are refused (UNIMPLEMENTED).
//  - Each call has a deadline (Options::deadline); the body size is bounded
//    by the HTTP front, the decoded message by the server's message limit.
//
// ERRORS (absl::Status; server/http/http_status.h maps them to HTTP)
//
//  - NOT_FOUND: no such service in marginalia.v1, or no such method.
//  - UNIMPLEMENTED: a client- or server-streaming method.
//  - INVALID_ARGUMENT: the body is not the JSON of the request message, or
//    the authorization value is not printable ASCII.
//  - Anything the called method answers, unchanged; DEADLINE_EXCEEDED when
//    it takes longer than the deadline.
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"

namespace marginalia::server::http {

// Who is calling: the "Bearer <token>" value ("" for none) and the network
// peer in gRPC's form ("ipv4:127.0.0.1:5000"; "" when unknown).
struct CallerIdentity {
  std::string authorization;
  std::string peer;
};

// JSON in, JSON out over a gRPC channel. Thread-safe: holds only the
// channel and options.
class JsonTranscoder {
 public:
  struct Options {
    // How long one call may take. Default: 60 s.
    absl::Duration deadline = absl::Seconds(60);
  };

  // `channel` is the server's in-process channel (any channel to a
  // Marginalia server works the same).
  JsonTranscoder(std::shared_ptr<grpc::Channel> channel, Options options);

  // Calls marginalia.v1.`service`/`method` with `json` as `caller`; the
  // response message as JSON, or the error (see ERRORS above).
  absl::StatusOr<std::string> Call(absl::string_view service,
                                   absl::string_view method,
                                   absl::string_view json,
                                   const CallerIdentity& caller) const;

  // The unary method marginalia.v1.`service`/`method`; NOT_FOUND or
  // UNIMPLEMENTED as above.
  static absl::StatusOr<const google::protobuf::MethodDescriptor*> FindMethod(
      absl::string_view service, absl::string_view method);

 private:
  // Sends serialised `request` to `method`; the serialised response.
  absl::StatusOr<std::string> Send(
      const google::protobuf::MethodDescriptor& method,
      const std::string& request, const CallerIdentity& caller) const;

  std::shared_ptr<grpc::Channel> channel_;
  Options options_;
};

}  // namespace marginalia::server::http
