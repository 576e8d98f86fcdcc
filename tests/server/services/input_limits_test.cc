// Every stored free-text field has a size limit (server/core/field_limits.h):
// an overlong value is INVALID_ARGUMENT naming the field, and the message
// does not echo the value. Reviewers get the essay without the author's
// name in its front matter.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TokenContext;

class InputLimitsTest : public ::testing::Test {
 protected:
  InputLimitsTest()
      : course_(server_.channel(), server_.admin_token(), Options()),
        admin_(v1::AdminService::NewStub(server_.channel())),
        submissions_(v1::SubmissionService::NewStub(server_.channel())),
        review_(v1::ReviewService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())) {}

  static testing::CourseOptions Options() {
    testing::CourseOptions options;
    options.students = 3;
    options.reviews_per_submission = 2;
    return options;
  }

  // Expects INVALID_ARGUMENT naming `field` without the value.
  static void ExpectRefused(const grpc::Status& status,
                            const std::string& field) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << field << ": " << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr(field));
    EXPECT_THAT(status.error_message(), Not(HasSubstr("xxxxxxxxxx")));
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::SubmissionService::Stub> submissions_;
  std::unique_ptr<v1::ReviewService::Stub> review_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
};

TEST_F(InputLimitsTest, OverlongStringsAreRefusedByName) {
  const std::string admin = course_.admin.token;
  {
    v1::CreateUserRequest r;
    r.mutable_user()->set_id("longname");
    r.mutable_user()->set_display_name(std::string(201, 'x'));
    v1::CreateUserResponse o;
    TokenContext c(admin);
    ExpectRefused(admin_->CreateUser(&c, r, &o), "user.display_name");
  }
  {
    // An invalid id is quoted, but only a short prefix of it.
    v1::CreateUserRequest r;
    r.mutable_user()->set_id(std::string(300, 'X'));
    v1::CreateUserResponse o;
    TokenContext c(admin);
    grpc::Status status = admin_->CreateUser(&c, r, &o);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr("user.id"));
    EXPECT_THAT(status.error_message(), Not(HasSubstr(std::string(40, 'X'))));
  }
  {
    v1::CreateCourseRequest r;
    r.mutable_course()->set_id("long");
    r.mutable_course()->set_title(std::string(201, 'x'));
    v1::CreateCourseResponse o;
    TokenContext c(admin);
    ExpectRefused(admin_->CreateCourse(&c, r, &o), "course.title");
  }
  {
    v1::CreateAssignmentRequest r;
    r.mutable_assignment()->set_id("long");
    r.mutable_assignment()->set_course_id("hist");
    r.mutable_assignment()->set_title(std::string(201, 'x'));
    v1::CreateAssignmentResponse o;
    TokenContext c(course_.tutor.token);
    ExpectRefused(admin_->CreateAssignment(&c, r, &o), "assignment.title");
  }
  {
    v1::CreateTokenRequest r;
    r.set_label(std::string(101, 'x'));
    v1::CreateTokenResponse o;
    TokenContext c(course_.students[0].token);
    ExpectRefused(admin_->CreateToken(&c, r, &o), "label");
  }
  {
    v1::CreateSubmissionRequest r;
    r.set_assignment_id("hist101");
    r.set_text("An essay.");
    r.set_file_name(std::string(256, 'x'));
    v1::CreateSubmissionResponse o;
    TokenContext c(course_.students[0].token);
    ExpectRefused(submissions_->CreateSubmission(&c, r, &o), "file_name");
  }
  std::string id = course_.Submit(course_.students[0], "An essay.\n");
  {
    v1::SetFinalGradeRequest r;
    r.set_submission_id(id);
    r.set_score(10);
    r.set_reason(std::string(2001, 'x'));
    v1::SetFinalGradeResponse o;
    TokenContext c(course_.tutor.token);
    ExpectRefused(grade_->SetFinalGrade(&c, r, &o), "reason");
  }
  {
    v1::CreateCommentRequest r;
    r.set_submission_id(id);
    r.mutable_anchor()->set_whole(true);
    r.set_body("Fine.");
    r.set_request_id(std::string(129, 'x'));
    v1::CreateCommentResponse o;
    TokenContext c(course_.tutor.token);
    ExpectRefused(review_->CreateComment(&c, r, &o), "request_id");
  }
}

// A NOT_FOUND names the id it did not find by a short prefix only.
TEST_F(InputLimitsTest, NotFoundQuotesOnlyAShortPrefixOfTheId) {
  const std::string id(300, 'Y');
  const std::string long_prefix(40, 'Y');
  {
    v1::GetSubmissionRequest r;
    r.set_id(id);
    v1::GetSubmissionResponse o;
    TokenContext c(course_.tutor.token);
    grpc::Status status = submissions_->GetSubmission(&c, r, &o);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_THAT(status.error_message(), Not(HasSubstr(long_prefix)));
  }
  {
    v1::GetAssignmentRequest r;
    r.set_id(id);
    v1::GetAssignmentResponse o;
    TokenContext c(course_.tutor.token);
    grpc::Status status = admin_->GetAssignment(&c, r, &o);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_THAT(status.error_message(), Not(HasSubstr(long_prefix)));
  }
  {
    v1::ListAssignmentsRequest r;
    r.set_course_id(id);
    v1::ListAssignmentsResponse o;
    TokenContext c(course_.tutor.token);
    grpc::Status status = admin_->ListAssignments(&c, r, &o);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_THAT(status.error_message(), Not(HasSubstr(long_prefix)));
  }
  {
    v1::ResolveCommentRequest r;
    r.set_comment_id(id);
    v1::ResolveCommentResponse o;
    TokenContext c(course_.tutor.token);
    grpc::Status status = review_->ResolveComment(&c, r, &o);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_THAT(status.error_message(), Not(HasSubstr(long_prefix)));
  }
}

TEST_F(InputLimitsTest, ReviewersDoNotSeeTheAuthorsNameInFrontMatter) {
  for (int i = 0; i < 3; ++i) {
    course_.Submit(course_.students[i],
                   "---\ntitle: Essay " + std::to_string(i) +
                       "\nauthor: Student Number " + std::to_string(i) +
                       "\n---\n\n" + testing::SampleEssay());
  }
  v1::AllocatePeerReviewsRequest allocate;
  allocate.set_assignment_id("hist101");
  v1::AllocatePeerReviewsResponse allocated;
  TokenContext as_tutor(course_.tutor.token);
  ASSERT_TRUE(
      review_->AllocatePeerReviews(&as_tutor, allocate, &allocated).ok());
  const v1::ReviewTask& task = allocated.created(0);
  int reviewer = task.reviewer().back() - '1';
  v1::GetReviewTaskRequest get;
  get.set_task_id(task.id());
  v1::GetReviewTaskResponse got;
  TokenContext as_reviewer(course_.students[reviewer].token);
  ASSERT_TRUE(review_->GetReviewTask(&as_reviewer, get, &got).ok());
  EXPECT_THAT(got.text(), Not(HasSubstr("Student Number")));
  EXPECT_THAT(got.text(), HasSubstr("title: Essay "));
  // Same length as the stored text: anchors stay valid.
  v1::GetSubmissionRequest full;
  full.set_id(task.submission_id());
  full.set_view(v1::SUBMISSION_VIEW_FULL);
  v1::GetSubmissionResponse stored;
  TokenContext as_tutor_again(course_.tutor.token);
  ASSERT_TRUE(submissions_->GetSubmission(&as_tutor_again, full, &stored).ok());
  EXPECT_EQ(got.text().size(), stored.submission().text().size());
}

}  // namespace
}  // namespace marginalia
