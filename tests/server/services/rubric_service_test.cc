#include <gmock/gmock.h>
#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include <string>
#include <tuple>

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
  testing::TokenContext context(server_.admin_token());
  ASSERT_TRUE(stub_->ListRubrics(&context, {}, &response).ok());
  std::vector<std::string> ids;
  for (const auto& info : response.rubrics()) {
    ids.push_back(info.id());
    EXPECT_TRUE(info.built_in());
  }
  EXPECT_THAT(ids, ::testing::Contains("history-essay"));
}

// Issue 13: installing the same file twice made two versions.
TEST_F(RubricServiceTest, CreatesNumberedVersionsButNoneForTheSameText) {
  std::string changed = kRubric;
  changed.replace(changed.find("Short essay"), 11, "Short essays");
  for (const auto& [text, version, created] :
       {std::tuple<std::string, int, bool>{kRubric, 1, true},
        {kRubric, 1, false},
        {changed, 2, true},
        {changed, 2, false}}) {
    v1::CreateRubricVersionRequest request;
    request.set_text(text);
    v1::CreateRubricVersionResponse response;
    testing::TokenContext context(server_.admin_token());
    ASSERT_TRUE(stub_->CreateRubricVersion(&context, request, &response).ok());
    EXPECT_EQ(response.info().version(), version);
    EXPECT_EQ(response.created(), created);
  }
  v1::GetRubricRequest get;
  get.set_id("short-essay");
  v1::GetRubricResponse rubric;
  testing::TokenContext context(server_.admin_token());
  ASSERT_TRUE(stub_->GetRubric(&context, get, &rubric).ok());
  EXPECT_EQ(rubric.info().version(), 2);
  EXPECT_EQ(rubric.rubric().version(), 2);
  EXPECT_EQ(rubric.text(), changed);
}

TEST_F(RubricServiceTest, InvalidRubricIsRefusedWithLineNumbers) {
  v1::CreateRubricVersionRequest request;
  request.set_text(
      "id: \"bad\"\nname: \"Bad\"\ncriteria {\n  id: \"x\"\n  "
      "name: \"X\"\n  max_score: -1\n}\n");
  v1::CreateRubricVersionResponse response;
  testing::TokenContext context(server_.admin_token());
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
  testing::TokenContext context(server_.admin_token());
  ASSERT_TRUE(stub_->ValidateRubric(&context, request, &response).ok());
  EXPECT_FALSE(response.valid());
  ASSERT_EQ(response.errors_size(), 1);
  EXPECT_THAT(response.errors(0), ::testing::StartsWith("draft.textproto:3:"));
}

TEST_F(RubricServiceTest, UnknownRubricIsNotFound) {
  v1::GetRubricRequest get;
  get.set_id("missing");
  v1::GetRubricResponse response;
  testing::TokenContext context(server_.admin_token());
  grpc::Status status = stub_->GetRubric(&context, get, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("missing"));
}

// Error messages quote at most a short prefix of what the client sent.
TEST_F(RubricServiceTest, AnUnknownLongRubricIdIsQuotedShort) {
  v1::GetRubricRequest get;
  get.set_id(std::string(300, 'r'));
  get.set_version(7);
  v1::GetRubricResponse response;
  testing::TokenContext context(server_.admin_token());
  grpc::Status status = stub_->GetRubric(&context, get, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("'rrrr"));
  EXPECT_THAT(status.error_message(), HasSubstr("...'"));
  EXPECT_THAT(status.error_message(),
              ::testing::Not(HasSubstr(std::string(40, 'r'))));
}

TEST_F(RubricServiceTest, ABadPageTokenIsQuotedShort) {
  v1::ListRubricsRequest list;
  list.set_page_token(std::string(300, '9') + "x");
  v1::ListRubricsResponse response;
  testing::TokenContext context(server_.admin_token());
  grpc::Status status = stub_->ListRubrics(&context, list, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              ::testing::Not(HasSubstr(std::string(40, '9'))));
}

}  // namespace
}  // namespace marginalia
