#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "marginalia/v1/scoring.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

class ScoringServiceTest : public ::testing::Test {
 protected:
  ScoringServiceTest()
      : stub_(v1::ScoringService::NewStub(server_.channel())) {}

  testing::TestServer server_;
  std::unique_ptr<v1::ScoringService::Stub> stub_;
};

TEST_F(ScoringServiceTest, ScoresWithoutStoring) {
  v1::ScoreTextRequest request;
  request.set_text(testing::SampleEssay());
  v1::ScoreTextResponse response;
  testing::TokenContext context(server_.admin_token());
  ASSERT_TRUE(stub_->ScoreText(&context, request, &response).ok());
  EXPECT_EQ(response.report().rubric_id(), "history-essay");
  EXPECT_EQ(response.report().stats().sentences(), 77);

  auto submissions = v1::SubmissionService::NewStub(server_.channel());
  v1::ListSubmissionsResponse list;
  testing::TokenContext list_context(server_.admin_token());
  ASSERT_TRUE(submissions->ListSubmissions(&list_context, {}, &list).ok());
  EXPECT_EQ(list.submissions_size(), 0);
}

TEST_F(ScoringServiceTest, InlineRubricIsValidated) {
  v1::ScoreTextRequest request;
  request.set_text("An essay.");
  request.mutable_rubric()->set_id("Bad Id");
  v1::ScoreTextResponse response;
  testing::TokenContext context(server_.admin_token());
  grpc::Status status = stub_->ScoreText(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("rubric id 'Bad Id'"));
}

TEST_F(ScoringServiceTest, SameTextSameReportBytes) {
  v1::ScoreTextRequest request;
  request.set_text(testing::SampleEssay());
  std::string first, second;
  for (std::string* out : {&first, &second}) {
    v1::ScoreTextResponse response;
    testing::TokenContext context(server_.admin_token());
    ASSERT_TRUE(stub_->ScoreText(&context, request, &response).ok());
    response.SerializeToString(out);
  }
  EXPECT_EQ(first, second);
}

}  // namespace
}  // namespace marginalia
