// Administrative changes are audited: creating users, courses and tokens,
// revoking tokens and enrolling people each leave an event naming who did
// what and when (never a token's secret), which administrators read
// through ListAuditEvents without a scope.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TokenContext;

class AdminAuditTest : public ::testing::Test {
 protected:
  AdminAuditTest()
      : course_(server_.channel(), server_.admin_token()),
        admin_(v1::AdminService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())) {}

  // Every event of `action` in the whole log, as an administrator reads it.
  std::vector<v1::AuditEvent> Events(const std::string& action) {
    v1::ListAuditEventsRequest request;
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    TokenContext context(server_.admin_token());
    grpc::Status status = grade_->ListAuditEvents(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<v1::AuditEvent> events;
    for (const v1::AuditEvent& event : response.events()) {
      if (event.action() == action) events.push_back(event);
    }
    return events;
  }

  // The one event of `action` whose new value is `value`.
  v1::AuditEvent Find(const std::string& action, const std::string& value) {
    std::vector<v1::AuditEvent> found;
    for (const v1::AuditEvent& event : Events(action)) {
      if (event.new_value() == value) found.push_back(event);
    }
    EXPECT_EQ(found.size(), 1u) << action << " " << value;
    return found.empty() ? v1::AuditEvent() : found[0];
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
};

TEST_F(AdminAuditTest, UsersCoursesAndEnrolmentsLeaveAnEvent) {
  course_.MakeUser("zed");
  course_.MakeCourse("art");
  course_.Enrol("zed", "art", false);
  course_.Enrol("zed", "art", true);

  v1::AuditEvent user = Find("user_create", "zed");
  EXPECT_EQ(user.actor(), "admin");
  EXPECT_GT(user.time().seconds(), 0);
  EXPECT_EQ(Find("course_create", "art").actor(), "admin");
  v1::AuditEvent enrolled = Find("enrolment", "zed in art as student");
  EXPECT_EQ(enrolled.old_value(), "");
  v1::AuditEvent promoted = Find("enrolment", "zed in art as tutor");
  EXPECT_EQ(promoted.old_value(), "zed in art as student");
  EXPECT_EQ(promoted.actor(), "admin");
}

TEST_F(AdminAuditTest, TheFirstAdministratorIsAuditedAsMadeByTheServer) {
  v1::AuditEvent admin = Find("user_create", "admin (administrator)");
  EXPECT_EQ(admin.actor(), "marginalia");
  EXPECT_THAT(admin.reason(), HasSubstr("first start"));
  std::vector<v1::AuditEvent> tokens;
  for (const v1::AuditEvent& event : Events("token_create")) {
    if (absl::EndsWith(event.new_value(), " for admin")) {
      tokens.push_back(event);
    }
  }
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].actor(), "marginalia");
  EXPECT_THAT(tokens[0].DebugString(), Not(HasSubstr(server_.admin_token())));
}

TEST_F(AdminAuditTest, TutorsEnrolmentsAreAuditedUnderTheirName) {
  v1::CreateEnrolmentRequest request;
  request.mutable_enrolment()->set_course_id("hist");
  request.mutable_enrolment()->set_user_id("student2");
  request.mutable_enrolment()->set_role(v1::COURSE_ROLE_STUDENT);
  v1::CreateEnrolmentResponse response;
  TokenContext context(course_.tutor.token);
  ASSERT_TRUE(admin_->CreateEnrolment(&context, request, &response).ok());
  std::vector<v1::AuditEvent> events = Events("enrolment");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().actor(), "tutor");
  EXPECT_EQ(events.back().old_value(), "student2 in hist as student");
}

TEST_F(AdminAuditTest, TokensAreAuditedByIdNeverBySecret) {
  v1::CreateTokenRequest make;
  make.set_user_id("student1");
  make.set_label("laptop");
  v1::CreateTokenResponse made;
  TokenContext as_admin(server_.admin_token());
  ASSERT_TRUE(admin_->CreateToken(&as_admin, make, &made).ok());
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(made.token().id());
  v1::RevokeTokenResponse revoked;
  TokenContext as_student(course_.students[0].token);
  ASSERT_TRUE(admin_->RevokeToken(&as_student, revoke, &revoked).ok());

  std::string name = made.token().id() + " for student1";
  EXPECT_EQ(Find("token_create", name).actor(), "admin");
  v1::AuditEvent revocation = Find("token_revoke", "revoked");
  EXPECT_EQ(revocation.actor(), "student1");
  EXPECT_EQ(revocation.old_value(), name);
  for (const char* action : {"token_create", "token_revoke"}) {
    for (const v1::AuditEvent& event : Events(action)) {
      EXPECT_THAT(event.DebugString(), Not(HasSubstr(made.secret())));
    }
  }
}

TEST_F(AdminAuditTest, OnlyAdministratorsReadTheWholeLog) {
  for (const testing::Person* who : {&course_.tutor, &course_.students[0]}) {
    v1::ListAuditEventsResponse response;
    TokenContext context(who->token);
    EXPECT_EQ(grade_->ListAuditEvents(&context, {}, &response).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
}

}  // namespace
}  // namespace marginalia
