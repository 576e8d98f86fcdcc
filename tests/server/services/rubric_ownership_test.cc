// Rubric ownership (issue 13): built-in rubrics never change; a rubric a
// tutor installs belongs to their course, and one an administrator installs
// without a course is site-wide; the same text is not a new version; every
// install is in the audit log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_rubrics.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using testing::TokenContext;

testing::CourseOptions Geography() {
  testing::CourseOptions options;
  options.course_id = "geo";
  options.assignment_id = "geo101";
  options.tutor_id = "tutor-g";
  options.student_prefix = "geo-student";
  return options;
}

class RubricOwnershipTest : public ::testing::Test {
 protected:
  RubricOwnershipTest()
      : history_(server_.channel(), server_.admin_token()),
        geography_(server_.channel(), server_.admin_token(), Geography()),
        rubrics_(v1::RubricService::NewStub(server_.channel())),
        admin_(v1::AdminService::NewStub(server_.channel())) {}

  grpc::Status Install(const testing::Person& who, const std::string& text,
                       const std::string& course,
                       v1::CreateRubricVersionResponse* response) {
    v1::CreateRubricVersionRequest request;
    request.set_text(text);
    request.set_course_id(course);
    TokenContext context(who.token);
    return rubrics_->CreateRubricVersion(&context, request, response);
  }

  grpc::Status Assign(const testing::Person& who, const std::string& course,
                      const std::string& rubric) {
    v1::CreateAssignmentRequest request;
    request.mutable_assignment()->set_course_id(course);
    request.mutable_assignment()->set_rubric_id(rubric);
    v1::CreateAssignmentResponse response;
    TokenContext context(who.token);
    return admin_->CreateAssignment(&context, request, &response);
  }

  std::string BuiltInText() {
    v1::GetRubricRequest get;
    get.set_id("history-essay");
    v1::GetRubricResponse rubric;
    TokenContext context(server_.admin_token());
    EXPECT_TRUE(rubrics_->GetRubric(&context, get, &rubric).ok());
    return rubric.text();
  }

  testing::TestServer server_;
  testing::CourseFixture history_;
  testing::CourseFixture geography_;
  std::unique_ptr<v1::RubricService::Stub> rubrics_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(RubricOwnershipTest, BuiltInRubricsNeverChange) {
  std::string text = BuiltInText();
  text += "\n# a harmless change\n";
  v1::CreateRubricVersionResponse response;
  grpc::Status tutor = Install(history_.tutor, text, "hist", &response);
  EXPECT_EQ(tutor.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(tutor.error_message(), HasSubstr("built in"));
  EXPECT_EQ(Install(history_.admin, text, "", &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Other courses' new assignments still get version 1.
  v1::GetRubricRequest get;
  get.set_id("history-essay");
  v1::GetRubricResponse rubric;
  TokenContext context(geography_.tutor.token);
  ASSERT_TRUE(rubrics_->GetRubric(&context, get, &rubric).ok());
  EXPECT_EQ(rubric.info().version(), 1);
}

TEST_F(RubricOwnershipTest, TutorsInstallForTheirOwnCourseOnly) {
  v1::CreateRubricVersionResponse response;
  EXPECT_EQ(Install(history_.tutor, testing::kShortRubric, "", &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Install(history_.tutor, testing::kShortRubric, "geo", &response)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(
      Install(history_.students[0], testing::kShortRubric, "hist", &response)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_EQ(response.info().course_id(), "hist");
  EXPECT_TRUE(response.created());
}

TEST_F(RubricOwnershipTest, ARubricIdBelongsToOneCourse) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  std::string changed = testing::kShortRubric;
  changed += "\n";
  grpc::Status taken = Install(geography_.tutor, changed, "geo", &response);
  EXPECT_EQ(taken.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(taken.error_message(), HasSubstr("another id"));
  EXPECT_EQ(Install(history_.admin, changed, "", &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Another course's assignments cannot pin it; its own can.
  EXPECT_EQ(Assign(geography_.tutor, "geo", "short-essay").error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(Assign(history_.tutor, "hist", "short-essay").ok());
}

TEST_F(RubricOwnershipTest, SiteWideRubricsAreForEveryCourse) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.admin, testing::kShortRubric, "", &response).ok());
  EXPECT_TRUE(response.info().course_id().empty());
  EXPECT_TRUE(Assign(geography_.tutor, "geo", "short-essay").ok());
  EXPECT_TRUE(Assign(history_.tutor, "hist", "short-essay").ok());
}

TEST_F(RubricOwnershipTest, InstallsAreAuditedOncePerNewVersion) {
  v1::CreateRubricVersionResponse response;
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  ASSERT_TRUE(
      Install(history_.tutor, testing::kShortRubric, "hist", &response).ok());
  EXPECT_FALSE(response.created());
  EXPECT_EQ(response.info().version(), 1);

  auto store = server::SqliteStore::Open(server_.db_path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  auto events = (*store)->ListAuditEvents({}, {100, ""});
  ASSERT_TRUE(events.ok()) << events.status();
  int installs = 0;
  for (const v1::AuditEvent& event : events->items) {
    if (event.action() != "rubric_install") continue;
    ++installs;
    EXPECT_EQ(event.actor(), "tutor");
    EXPECT_EQ(event.new_value(), "short-essay@v1");
    EXPECT_EQ(event.reason(), "course hist");
  }
  EXPECT_EQ(installs, 1);
}

}  // namespace
}  // namespace marginalia
