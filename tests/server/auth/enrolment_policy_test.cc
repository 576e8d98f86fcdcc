// Who a tutor may put on their course's roster: only people they can see
// already (those in a course they teach). Anyone else reads exactly like a
// user that does not exist, so enrolment is no way to find accounts or to
// read someone's e-mail address. Administrators enrol anyone.
#include <gtest/gtest.h>

#include <string>

#include "marginalia/v1/admin.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using testing::TokenContext;

class EnrolmentPolicyTest : public ::testing::Test {
 protected:
  EnrolmentPolicyTest()
      : course_(server_.channel(), server_.admin_token()),
        admin_(v1::AdminService::NewStub(server_.channel())) {
    // The tutor also teaches hist2, where carol is a student; dave is in
    // no course.
    course_.MakeCourse("hist2");
    course_.Enrol("tutor", "hist2", true);
    course_.MakeUser("carol");
    course_.Enrol("carol", "hist2", false);
    course_.MakeUser("dave");
  }

  grpc::Status Enrol(const std::string& token, const std::string& user) {
    v1::CreateEnrolmentRequest request;
    request.mutable_enrolment()->set_course_id("hist");
    request.mutable_enrolment()->set_user_id(user);
    request.mutable_enrolment()->set_role(v1::COURSE_ROLE_STUDENT);
    v1::CreateEnrolmentResponse response;
    TokenContext context(token);
    return admin_->CreateEnrolment(&context, request, &response);
  }

  bool OnRoster(const std::string& user) {
    v1::ListEnrolmentsRequest request;
    request.set_course_id("hist");
    v1::ListEnrolmentsResponse response;
    TokenContext context(server_.admin_token());
    EXPECT_TRUE(admin_->ListEnrolments(&context, request, &response).ok());
    for (const v1::Enrolment& enrolment : response.enrolments()) {
      if (enrolment.user_id() == user) return true;
    }
    return false;
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(EnrolmentPolicyTest, ATutorEnrolsSomeoneFromAnotherCourseTheyTeach) {
  EXPECT_TRUE(Enrol(course_.tutor.token, "carol").ok());
  EXPECT_TRUE(OnRoster("carol"));
}

TEST_F(EnrolmentPolicyTest, AnyoneElseReadsToATutorLikeNoSuchUser) {
  grpc::Status unseen = Enrol(course_.tutor.token, "dave");
  grpc::Status missing = Enrol(course_.tutor.token, "nobody");
  EXPECT_EQ(unseen.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(unseen.error_message(), "no user with id 'dave'");
  EXPECT_EQ(missing.error_message(), "no user with id 'nobody'");
  EXPECT_FALSE(OnRoster("dave"));
}

TEST_F(EnrolmentPolicyTest, AdministratorsEnrolAnyone) {
  EXPECT_TRUE(Enrol(server_.admin_token(), "dave").ok());
  EXPECT_TRUE(OnRoster("dave"));
  EXPECT_EQ(Enrol(server_.admin_token(), "nobody").error_message(),
            "no user with id 'nobody'");
}

}  // namespace
}  // namespace marginalia
