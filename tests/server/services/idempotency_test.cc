// Idempotency keys (request_id) are scoped to the caller and the target:
// the same key from someone else, or for another submission, task or
// assignment and author, is another request and is stored; the same key
// from the same caller for the same target with another body is
// ALREADY_EXISTS, with a message that names nothing of anyone else's.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

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
using testing::Person;
using testing::TokenContext;

class IdempotencyTest : public ::testing::Test {
 protected:
  IdempotencyTest()
      : course_(server_.channel(), server_.admin_token(), Options()),
        submissions_(v1::SubmissionService::NewStub(server_.channel())),
        review_(v1::ReviewService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())) {}

  static testing::CourseOptions Options() {
    testing::CourseOptions options;
    options.students = 3;
    options.reviews_per_submission = 2;
    return options;
  }

  const Person& student(int i) { return course_.students[i]; }

  grpc::Status Submit(const Person& caller, const std::string& author,
                      const std::string& text, const std::string& key,
                      v1::CreateSubmissionResponse* out) {
    v1::CreateSubmissionRequest request;
    request.set_assignment_id("hist101");
    request.set_author(author);
    request.set_text(text);
    request.set_request_id(key);
    TokenContext context(caller.token);
    return submissions_->CreateSubmission(&context, request, out);
  }

  grpc::Status Comment(const Person& caller, const std::string& submission,
                       const std::string& parent, const std::string& body,
                       v1::CommentVisibility visibility, const std::string& key,
                       v1::CreateCommentResponse* out) {
    v1::CreateCommentRequest request;
    request.set_submission_id(submission);
    request.set_parent_id(parent);
    if (parent.empty()) request.mutable_anchor()->set_whole(true);
    request.set_body(body);
    request.set_visibility(visibility);
    request.set_request_id(key);
    TokenContext context(caller.token);
    return review_->CreateComment(&context, request, out);
  }

  int CountSubmissions() {
    v1::ListSubmissionsRequest request;
    request.set_page_size(1000);
    v1::ListSubmissionsResponse response;
    TokenContext context(server_.admin_token());
    EXPECT_TRUE(
        submissions_->ListSubmissions(&context, request, &response).ok());
    return response.submissions_size();
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::SubmissionService::Stub> submissions_;
  std::unique_ptr<v1::ReviewService::Stub> review_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
};

TEST_F(IdempotencyTest, AnotherStudentsKeyIsAnotherSubmission) {
  v1::CreateSubmissionResponse first, same_text, other_text;
  ASSERT_TRUE(Submit(student(0), "", "An essay.", "k", &first).ok());
  // Same key and text from someone else: their own, new submission.
  ASSERT_TRUE(Submit(student(1), "", "An essay.", "k", &same_text).ok());
  EXPECT_TRUE(same_text.created());
  EXPECT_EQ(same_text.submission().author(), student(1).id);
  EXPECT_NE(same_text.submission().id(), first.submission().id());
  // Same key, another text, another student: stored too.
  ASSERT_TRUE(Submit(student(2), "", "Another essay.", "k", &other_text).ok());
  EXPECT_TRUE(other_text.created());
  EXPECT_EQ(other_text.submission().author(), student(2).id);
  EXPECT_EQ(CountSubmissions(), 3);
}

TEST_F(IdempotencyTest, StaffKeyIsScopedToTheAuthor) {
  v1::CreateSubmissionResponse a, b, again;
  const Person& tutor = course_.tutor;
  ASSERT_TRUE(Submit(tutor, student(0).id, "Same text.", "k", &a).ok());
  ASSERT_TRUE(Submit(tutor, student(1).id, "Same text.", "k", &b).ok());
  EXPECT_TRUE(b.created());
  EXPECT_EQ(b.submission().author(), student(1).id);
  ASSERT_TRUE(Submit(tutor, student(0).id, "Same text.", "k", &again).ok());
  EXPECT_FALSE(again.created());
  EXPECT_EQ(again.submission().id(), a.submission().id());
  EXPECT_EQ(CountSubmissions(), 2);
}

TEST_F(IdempotencyTest, ReusedKeyForAnotherTextNamesNoSubmission) {
  v1::CreateSubmissionResponse first, second;
  ASSERT_TRUE(Submit(student(0), "", "An essay.", "k", &first).ok());
  grpc::Status status = Submit(student(0), "", "Another essay.", "k", &second);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), HasSubstr("request_id 'k'"));
  EXPECT_THAT(status.error_message(), Not(HasSubstr("sub_")));
}

TEST_F(IdempotencyTest, CommentKeyIsScopedToTheCallerAndSubmission) {
  std::string sub0 = course_.Submit(student(0), testing::SampleEssay());
  std::string sub1 = course_.Submit(student(1), testing::SampleEssay() + "1");
  const Person& tutor = course_.tutor;
  v1::CreateCommentResponse secret, open, reply, elsewhere, again;
  ASSERT_TRUE(Comment(tutor, sub0, "", "Possible plagiarism.",
                      v1::COMMENT_VISIBILITY_STAFF, "c1", &secret)
                  .ok());
  ASSERT_TRUE(Comment(tutor, sub0, "", "Good start.",
                      v1::COMMENT_VISIBILITY_STUDENT, "c2", &open)
                  .ok());
  v1::ReleaseFeedbackRequest release;
  release.set_submission_id(sub0);
  v1::ReleaseFeedbackResponse released;
  TokenContext as_tutor(tutor.token);
  ASSERT_TRUE(grade_->ReleaseFeedback(&as_tutor, release, &released).ok());

  // The student's reply with the tutor's key is the student's own comment,
  // not the tutor's staff-only one.
  ASSERT_TRUE(Comment(student(0), "", open.comment().id(), "Thank you.",
                      v1::COMMENT_VISIBILITY_UNSPECIFIED, "c1", &reply)
                  .ok());
  EXPECT_NE(reply.comment().id(), secret.comment().id());
  EXPECT_EQ(reply.comment().author(), student(0).id);
  EXPECT_EQ(reply.comment().body(), "Thank you.");

  // The same key on another submission is another comment.
  ASSERT_TRUE(Comment(tutor, sub1, "", "Possible plagiarism.",
                      v1::COMMENT_VISIBILITY_STAFF, "c1", &elsewhere)
                  .ok());
  EXPECT_NE(elsewhere.comment().id(), secret.comment().id());
  EXPECT_EQ(elsewhere.comment().submission_id(), sub1);

  // A true retry returns the first; another body is refused, quietly.
  ASSERT_TRUE(Comment(tutor, sub0, "", "Possible plagiarism.",
                      v1::COMMENT_VISIBILITY_STAFF, "c1", &again)
                  .ok());
  EXPECT_EQ(again.comment().id(), secret.comment().id());
  grpc::Status status = Comment(tutor, sub0, "", "Something else.",
                                v1::COMMENT_VISIBILITY_STAFF, "c1", &again);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), Not(HasSubstr("plagiarism")));
  EXPECT_THAT(status.error_message(), Not(HasSubstr("cmt_")));

  v1::ListCommentsRequest list;
  list.set_submission_id(sub0);
  v1::ListCommentsResponse comments;
  TokenContext as_tutor_again(tutor.token);
  ASSERT_TRUE(review_->ListComments(&as_tutor_again, list, &comments).ok());
  EXPECT_EQ(comments.comments_size(), 3);
}

TEST_F(IdempotencyTest, ReviewKeyIsScopedToTheReviewerAndTask) {
  for (int i = 0; i < 3; ++i) {
    course_.Submit(student(i), testing::SampleEssay() + std::to_string(i));
  }
  v1::AllocatePeerReviewsRequest allocate;
  allocate.set_assignment_id("hist101");
  v1::AllocatePeerReviewsResponse allocated;
  TokenContext as_tutor(course_.tutor.token);
  ASSERT_TRUE(
      review_->AllocatePeerReviews(&as_tutor, allocate, &allocated).ok());
  auto request_for = [](const std::string& task, int level) {
    v1::SubmitReviewRequest submit;
    submit.set_task_id(task);
    submit.set_request_id("r1");
    for (const char* criterion :
         {"structure", "comparison", "evidence", "citations", "mechanics"}) {
      v1::CriterionReviewScore* score = submit.add_scores();
      score->set_criterion_id(criterion);
      score->set_level(level);
    }
    return submit;
  };
  std::map<std::string, std::string> review_of_task;
  for (const v1::ReviewTask& task : allocated.created()) {
    int i = task.reviewer().back() - '1';
    v1::SubmitReviewResponse review;
    TokenContext as_reviewer(student(i).token);
    ASSERT_TRUE(
        review_->SubmitReview(&as_reviewer, request_for(task.id(), 1), &review)
            .ok());
    EXPECT_EQ(review.review().task_id(), task.id());
    EXPECT_EQ(review.review().reviewer(), task.reviewer());
    review_of_task[task.id()] = review.review().id();
  }
  EXPECT_EQ(review_of_task.size(), 6u);
  const v1::ReviewTask& task = allocated.created(0);
  int i = task.reviewer().back() - '1';
  v1::SubmitReviewResponse retry;
  TokenContext c1(student(i).token);
  ASSERT_TRUE(
      review_->SubmitReview(&c1, request_for(task.id(), 1), &retry).ok());
  EXPECT_EQ(retry.review().id(), review_of_task[task.id()]);
  TokenContext c2(student(i).token);
  grpc::Status status =
      review_->SubmitReview(&c2, request_for(task.id(), 2), &retry);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), Not(HasSubstr("rev_")));
}

}  // namespace
}  // namespace marginalia
