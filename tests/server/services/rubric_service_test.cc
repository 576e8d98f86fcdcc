#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "tests/testing/test_rubrics.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

class RubricServiceTest : public ::testing::Test {
 protected:
  RubricServiceTest() : stub_(v1::RubricService::NewStub(server_.channel())) {}

  testing::TestServer server_;
  std::unique_ptr<v1::RubricService::Stub> stub_;
};

constexpr const char* kRubric = testing::kShortRubric;

TEST_F(RubricServiceTest, ListsTheBuiltInRubrics) {
  v1::ListRubricsResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->ListRubrics(&context, {}, &response).ok());
  std::vector<std::string> ids;
  for (const auto& info : response.rubrics()) {
    ids.push_back(info.id());
    EXPECT_TRUE(info.built_in());
  }
  EXPECT_THAT(ids, ::testing::Contains("history-essay"));
}

TEST_F(RubricServiceTest, CreatesNumberedVersions) {
  for (int expected : {1, 2}) {
    v1::CreateRubricVersionRequest request;
    request.set_text(kRubric);
    v1::CreateRubricVersionResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->CreateRubricVersion(&context, request, &response).ok());
    EXPECT_EQ(response.info().version(), expected);
  }
  v1::GetRubricRequest get;
  get.set_id("short-essay");
  v1::GetRubricResponse rubric;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->GetRubric(&context, get, &rubric).ok());
  EXPECT_EQ(rubric.info().version(), 2);
  EXPECT_EQ(rubric.rubric().version(), 2);
  EXPECT_EQ(rubric.text(), kRubric);
}

TEST_F(RubricServiceTest, InvalidRubricIsRefusedWithLineNumbers) {
  v1::CreateRubricVersionRequest request;
  request.set_text(
      "id: \"bad\"\nname: \"Bad\"\ncriteria {\n  id: \"x\"\n  "
      "name: \"X\"\n  max_score: -1\n}\n");
  v1::CreateRubricVersionResponse response;
  grpc::ClientContext context;
  grpc::Status status =
      stub_->CreateRubricVersion(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("rubric:6: criterion 'x': "
                                                "max_score must be greater"));
  EXPECT_THAT(status.error_message(), HasSubstr("at least two levels"));
}

TEST_F(RubricServiceTest, ValidateReportsSyntaxErrorsWithFileAndLine) {
  v1::ValidateRubricRequest request;
  request.set_text("id: \"x\"\nname: \"X\"\ncriteria { id: }\n");
  request.set_file_name("draft.textproto");
  v1::ValidateRubricResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->ValidateRubric(&context, request, &response).ok());
  EXPECT_FALSE(response.valid());
  ASSERT_EQ(response.errors_size(), 1);
  EXPECT_THAT(response.errors(0), ::testing::StartsWith("draft.textproto:3:"));
}

TEST_F(RubricServiceTest, UnknownRubricIsNotFound) {
  v1::GetRubricRequest get;
  get.set_id("missing");
  v1::GetRubricResponse response;
  grpc::ClientContext context;
  grpc::Status status = stub_->GetRubric(&context, get, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("missing"));
}

}  // namespace
}  // namespace marginalia
