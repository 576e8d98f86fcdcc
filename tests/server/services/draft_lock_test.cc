// Assignment locking: a tutor locks an assignment against new drafts after
// its due time or once a student's feedback is released, and may let one
// student hand in later with an extension. Issue 13: a new draft must not
// slip in after the grade was settled.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using testing::TokenContext;

// 2001-09-09 and 2096-10-02: long past, and far ahead.
constexpr int64_t kPast = 1000000000;
constexpr int64_t kFuture = 4000000000;

class DraftLockTest : public ::testing::Test {
 protected:
  explicit DraftLockTest(int64_t due = kPast)
      : course_(server_.channel(), server_.admin_token(), Options(due)),
        admin_(v1::AdminService::NewStub(server_.channel())),
        submissions_(v1::SubmissionService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())) {}

  static testing::CourseOptions Options(int64_t due) {
    testing::CourseOptions options;
    options.due_unix_seconds = due;
    return options;
  }

  const testing::Person& student(int i) { return course_.students[i]; }

  grpc::Status Lock(const testing::Person& who, bool after_due,
                    bool after_release) {
    v1::SetDraftLockRequest request;
    request.set_assignment_id("hist101");
    request.mutable_draft_lock()->set_after_due(after_due);
    request.mutable_draft_lock()->set_after_release(after_release);
    v1::SetDraftLockResponse response;
    TokenContext context(who.token);
    return admin_->SetDraftLock(&context, request, &response);
  }

  grpc::Status Extend(const std::string& student, int64_t until) {
    v1::GrantExtensionRequest request;
    request.set_assignment_id("hist101");
    request.set_student(student);
    request.mutable_until()->set_seconds(until);
    v1::GrantExtensionResponse response;
    TokenContext context(course_.tutor.token);
    return admin_->GrantExtension(&context, request, &response);
  }

  grpc::Status Submit(const testing::Person& who, const std::string& text,
                      const std::string& request_id = "") {
    v1::CreateSubmissionRequest request;
    request.set_assignment_id("hist101");
    request.set_text(text);
    request.set_request_id(request_id);
    v1::CreateSubmissionResponse response;
    TokenContext context(who.token);
    return submissions_->CreateSubmission(&context, request, &response);
  }

  int Stored() {
    v1::ListSubmissionsRequest request;
    request.set_assignment_id("hist101");
    v1::ListSubmissionsResponse response;
    TokenContext context(course_.tutor.token);
    EXPECT_TRUE(
        submissions_->ListSubmissions(&context, request, &response).ok());
    return response.submissions_size();
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::SubmissionService::Stub> submissions_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
};

TEST_F(DraftLockTest, AnUnlockedAssignmentTakesLateDrafts) {
  EXPECT_TRUE(Submit(student(0), "Late, and taken.\n").ok());
}

TEST_F(DraftLockTest, LockedAfterDueRefusesDraftsOnceDueAndSaysWhy) {
  ASSERT_TRUE(Submit(student(0), "First draft.\n").ok());
  ASSERT_TRUE(Lock(course_.tutor, true, false).ok());
  grpc::Status refused = Submit(student(0), "Second draft.\n");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(), HasSubstr("due time has passed"));
  EXPECT_EQ(Submit(student(1), "A first essay, late.\n").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Stored(), 1);

  // The lock is stored: it survives a restart and shows on the assignment.
  server_.Restart();
  admin_ = v1::AdminService::NewStub(server_.channel());
  submissions_ = v1::SubmissionService::NewStub(server_.channel());
  EXPECT_EQ(Submit(student(0), "Third try.\n").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  v1::GetAssignmentRequest get;
  get.set_id("hist101");
  v1::GetAssignmentResponse assignment;
  TokenContext context(student(0).token);
  ASSERT_TRUE(admin_->GetAssignment(&context, get, &assignment).ok());
  EXPECT_TRUE(assignment.assignment().draft_lock().after_due());
}

TEST_F(DraftLockTest, ARetryOfAnEssayStoredBeforeTheLockStillAnswers) {
  ASSERT_TRUE(Submit(student(0), "Stored in time.\n", "retry-1").ok());
  ASSERT_TRUE(Lock(course_.tutor, true, false).ok());
  EXPECT_TRUE(Submit(student(0), "Stored in time.\n", "retry-1").ok());
  EXPECT_EQ(Stored(), 1);
}

TEST_F(DraftLockTest, AnExtensionReopensForOneStudentUntilItEnds) {
  ASSERT_TRUE(Lock(course_.tutor, true, false).ok());
  ASSERT_TRUE(Extend(student(0).id, kFuture).ok());
  EXPECT_TRUE(Submit(student(0), "Handed in on an extension.\n").ok());
  EXPECT_EQ(Submit(student(1), "No extension here.\n").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // A grant that has ended (here: withdrawn) reopens nothing.
  ASSERT_TRUE(Extend(student(0).id, kPast).ok());
  EXPECT_EQ(Submit(student(0), "Once more.\n").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(DraftLockTest, ExtensionsAreForStudentsOfTheCourse) {
  EXPECT_EQ(Extend(course_.tutor.id, kFuture).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Extend("", kFuture).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(DraftLockTest, OnlyTutorsLockAndBothAreAudited) {
  EXPECT_EQ(Lock(student(0), true, true).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Lock(course_.tutor, true, true).ok());
  ASSERT_TRUE(Extend(student(1).id, kFuture).ok());
  v1::ListAuditEventsRequest request;
  request.set_assignment_id("hist101");
  v1::ListAuditEventsResponse response;
  TokenContext context(course_.tutor.token);
  ASSERT_TRUE(grade_->ListAuditEvents(&context, request, &response).ok());
  ASSERT_EQ(response.events_size(), 2);
  EXPECT_EQ(response.events(0).action(), "draft_lock");
  EXPECT_EQ(response.events(0).actor(), "tutor");
  EXPECT_EQ(response.events(0).new_value(), "after due time or release");
  EXPECT_EQ(response.events(1).action(), "extension");
  EXPECT_THAT(response.events(1).new_value(), HasSubstr("student2 until 2096"));
}

class DraftLockBeforeDueTest : public DraftLockTest {
 protected:
  DraftLockBeforeDueTest() : DraftLockTest(kFuture) {}

  grpc::Status Release(const std::string& submission) {
    v1::ReleaseFeedbackRequest request;
    request.set_submission_id(submission);
    v1::ReleaseFeedbackResponse response;
    TokenContext context(course_.tutor.token);
    return grade_->ReleaseFeedback(&context, request, &response);
  }
};

TEST_F(DraftLockBeforeDueTest, LockedAfterDueStillTakesDraftsBeforeDue) {
  ASSERT_TRUE(Lock(course_.tutor, true, false).ok());
  EXPECT_TRUE(Submit(student(0), "In good time.\n").ok());
  EXPECT_TRUE(Submit(student(0), "And a second draft.\n").ok());
}

TEST_F(DraftLockBeforeDueTest, LockedAfterReleaseRefusesOnlyReleasedStudents) {
  ASSERT_TRUE(Lock(course_.tutor, false, true).ok());
  std::string first = course_.Submit(student(0), "First draft.\n");
  EXPECT_TRUE(Submit(student(0), "Second draft, before release.\n").ok());
  ASSERT_TRUE(Release(first).ok());
  grpc::Status refused = Submit(student(0), "Third draft, after release.\n");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(), HasSubstr("released"));
  EXPECT_TRUE(Submit(student(1), "Nothing of mine was released.\n").ok());
  EXPECT_EQ(Stored(), 3);
}

}  // namespace
}  // namespace marginalia
