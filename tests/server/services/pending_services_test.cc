// The services of later milestones answer UNIMPLEMENTED with a message that
// names the RPC, so a client knows what is missing rather than guessing.
#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

TEST(PendingServicesTest, AnswerUnimplementedNamingTheRpc) {
  testing::TestServer server;
  {
    auto stub = v1::ReviewService::NewStub(server.channel());
    v1::CreateCommentResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub->CreateComment(&context, {}, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
    EXPECT_THAT(status.error_message(),
                HasSubstr("marginalia.v1.ReviewService/CreateComment"));
  }
  {
    auto stub = v1::GradeService::NewStub(server.channel());
    v1::SetCriterionScoreResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub->SetCriterionScore(&context, {}, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
    EXPECT_THAT(status.error_message(), HasSubstr("SetCriterionScore"));
  }
  {
    auto stub = v1::AdminService::NewStub(server.channel());
    v1::CreateUserResponse response;
    grpc::ClientContext context;
    grpc::Status status = stub->CreateUser(&context, {}, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
    EXPECT_THAT(status.error_message(), HasSubstr("CreateUser"));
  }
}

}  // namespace
}  // namespace marginalia
