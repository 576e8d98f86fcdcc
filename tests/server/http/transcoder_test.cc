// The generic transcoder over a server in the test's process: every unary
// RPC of the API is reachable by name and answered by the real service (no
// token: the service's own UNAUTHENTICATED), streams are not, and an answer
// is the gRPC answer in the Protobuf JSON mapping.
#include "server/http/transcoder.h"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "marginalia/v1/admin.grpc.pb.h"
#include "server/http/http_status.h"
#include "server/services/call_auth.h"
#include "tests/testing/test_server.h"

namespace marginalia::server::http {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::MethodDescriptor;

// Every method of every service in the API's .proto files.
std::vector<const MethodDescriptor*> ApiMethods() {
  std::vector<const MethodDescriptor*> methods;
  for (absl::string_view name : absl::StrSplit(MARGINALIA_API_PROTOS, ',')) {
    const google::protobuf::FileDescriptor* file =
        DescriptorPool::generated_pool()->FindFileByName(std::string(name));
    EXPECT_NE(file, nullptr) << name;
    if (file == nullptr) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        methods.push_back(file->service(s)->method(m));
      }
    }
  }
  return methods;
}

class TranscoderTest : public ::testing::Test {
 protected:
  testing::TestServer server_;
  JsonTranscoder transcoder_{server_.server().InProcessChannel(), {}};
};

TEST_F(TranscoderTest, EveryUnaryRpcIsReachedAndStreamsAreRefused) {
  std::vector<const MethodDescriptor*> methods = ApiMethods();
  ASSERT_GT(methods.size(), 40u);
  int peer = 0;
  for (const MethodDescriptor* method : methods) {
    // A peer each, so that the failures are not throttled.
    CallerIdentity nobody{"", absl::StrCat("ipv4:10.0.0.", ++peer, ":1")};
    absl::StatusOr<std::string> answer = transcoder_.Call(
        method->service()->name(), method->name(), "{}", nobody);
    bool streaming = method->client_streaming() || method->server_streaming();
    EXPECT_EQ(answer.status().code(), streaming
                                          ? absl::StatusCode::kUnimplemented
                                          : absl::StatusCode::kUnauthenticated)
        << method->full_name() << ": " << answer.status();
  }
}

TEST_F(TranscoderTest, OnlyTheTranscoderCanNameTheCallsPeer) {
  // The failure is logged, and throttled, under the peer the transcoder
  // forwards...
  ::testing::internal::CaptureStderr();
  CallerIdentity browser{"Bearer guess", "ipv4:10.8.8.8:5000"};
  EXPECT_EQ(transcoder_.Call("AdminService", "GetCurrentUser", "", browser)
                .status()
                .code(),
            absl::StatusCode::kUnauthenticated);
  // ...but a network client's own claim, without the process's proof, is
  // ignored.
  auto stub = v1::AdminService::NewStub(server_.channel());
  testing::TokenContext context("guess");
  context.AddMetadata(std::string(kForwardedPeerMetadata),
                      absl::StrCat(std::string(64, '0'), " ipv4:10.9.9.9:1"));
  v1::GetCurrentUserResponse response;
  EXPECT_EQ(stub->GetCurrentUser(&context, {}, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("failed from ipv4:10.8.8.8:5000"), std::string::npos)
      << log;
  EXPECT_NE(log.find("failed from ipv4:127.0.0.1:"), std::string::npos) << log;
  EXPECT_EQ(log.find("10.9.9.9"), std::string::npos) << log;
}

TEST_F(TranscoderTest, TheAnswerIsTheGrpcAnswerAsJson) {
  CallerIdentity admin{"Bearer " + server_.admin_token(), ""};
  absl::StatusOr<std::string> json =
      transcoder_.Call("AdminService", "GetCurrentUser", "", admin);
  ASSERT_TRUE(json.ok()) << json.status();

  auto stub = v1::AdminService::NewStub(server_.channel());
  testing::TokenContext context(server_.admin_token());
  v1::GetCurrentUserResponse direct;
  ASSERT_TRUE(stub->GetCurrentUser(&context, {}, &direct).ok());
  v1::GetCurrentUserResponse decoded;
  ASSERT_TRUE(
      google::protobuf::util::JsonStringToMessage(*json, &decoded).ok());
  EXPECT_EQ(decoded.SerializeAsString(), direct.SerializeAsString());
  EXPECT_EQ(decoded.user().id(), "admin");
}

TEST_F(TranscoderTest, UnknownNamesAreNotFoundWithoutEchoingThem) {
  for (const auto& [service, method] :
       std::vector<std::pair<std::string, std::string>>{
           {"AdminService", "NoSuch"},
           {"NoSuch", "GetUser"},
           {"", ""},
           {"AdminService/../x", "GetUser"},
           {std::string(1000, 'A'), "GetUser"},
           {"grpc.health.v1.Health", "Check"}}) {
    absl::StatusOr<std::string> answer =
        transcoder_.Call(service, method, "{}", CallerIdentity{});
    EXPECT_EQ(answer.status().code(), absl::StatusCode::kNotFound) << service;
    EXPECT_EQ(answer.status().message().find("NoSuch"), std::string::npos);
  }
}

TEST_F(TranscoderTest, BadJsonAndBadHeadersAreInvalidArguments) {
  CallerIdentity admin{"Bearer " + server_.admin_token(), ""};
  for (const std::string& body :
       std::vector<std::string>{"{", "[]", "{\"id\": {}}", "{\"nosuch\": 1}",
                                "\"x\"", std::string(100000, '{')}) {
    absl::StatusOr<std::string> answer =
        transcoder_.Call("AdminService", "GetUser", body, admin);
    EXPECT_EQ(answer.status().code(), absl::StatusCode::kInvalidArgument)
        << body.substr(0, 20);
  }
  CallerIdentity control{"Bearer \x01\xff", ""};
  EXPECT_EQ(transcoder_.Call("AdminService", "GetCurrentUser", "", control)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(HttpStatusTest, CodesMapToHttpStatusesAndAJsonBody) {
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnimplemented), 501);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kDeadlineExceeded), 504);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kInternal), 500);
  std::string body = ErrorJson(absl::NotFoundError("no \"such\" thing"));
  EXPECT_NE(body.find("\"code\":\"NOT_FOUND\""), std::string::npos) << body;
  EXPECT_NE(body.find(R"("message":"no \"such\" thing")"), std::string::npos)
      << body;
}

}  // namespace
}  // namespace marginalia::server::http
