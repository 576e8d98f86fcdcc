// The review workflow through the services: comments and their anchors,
// release gating, drafts, overrides with the audit log, rubric moves, and
// late peer allocation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;
using testing::TokenContext;

class ReviewWorkflowTest : public ::testing::Test {
 protected:
  explicit ReviewWorkflowTest(testing::CourseOptions options = Options())
      : course_(server_.channel(), server_.admin_token(), options),
        submissions_(v1::SubmissionService::NewStub(server_.channel())),
        review_(v1::ReviewService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())),
        admin_(v1::AdminService::NewStub(server_.channel())) {}

  static testing::CourseOptions Options() {
    testing::CourseOptions options;
    options.students = 4;
    options.reviews_per_submission = 2;
    return options;
  }

  const testing::Person& tutor() { return course_.tutor; }
  const testing::Person& student(int i) { return course_.students[i]; }

  v1::GetFeedbackResponse Feedback(const testing::Person& who,
                                   const std::string& id) {
    v1::GetFeedbackRequest request;
    request.set_submission_id(id);
    v1::GetFeedbackResponse response;
    TokenContext context(who.token);
    EXPECT_TRUE(submissions_->GetFeedback(&context, request, &response).ok());
    return response;
  }

  grpc::Status Comment(const std::string& id, v1::Anchor anchor,
                       v1::CreateCommentResponse* out) {
    v1::CreateCommentRequest request;
    request.set_submission_id(id);
    *request.mutable_anchor() = anchor;
    request.set_body("Look here.");
    TokenContext context(tutor().token);
    return review_->CreateComment(&context, request, out);
  }

  // Distinct essays from students 0..n-1, then the tutor's allocation of
  // peer reviews into `allocated`; the submission ids in student order.
  std::vector<std::string> SubmitAndAllocate(
      int n, v1::AllocatePeerReviewsResponse* allocated) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      ids.push_back(course_.Submit(student(i),
                                   testing::SampleEssay() + std::to_string(i)));
    }
    v1::AllocatePeerReviewsRequest allocate;
    allocate.set_assignment_id("hist101");
    TokenContext context(tutor().token);
    EXPECT_TRUE(
        review_->AllocatePeerReviews(&context, allocate, allocated).ok());
    return ids;
  }

  grpc::Status Release(const std::string& id) {
    v1::ReleaseFeedbackRequest request;
    request.set_submission_id(id);
    v1::ReleaseFeedbackResponse response;
    TokenContext context(tutor().token);
    return grade_->ReleaseFeedback(&context, request, &response);
  }

  std::vector<v1::AuditEvent> Audit(const std::string& submission) {
    v1::ListAuditEventsRequest request;
    request.set_submission_id(submission);
    v1::ListAuditEventsResponse response;
    TokenContext context(tutor().token);
    EXPECT_TRUE(grade_->ListAuditEvents(&context, request, &response).ok());
    return {response.events().begin(), response.events().end()};
  }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::SubmissionService::Stub> submissions_;
  std::unique_ptr<v1::ReviewService::Stub> review_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(ReviewWorkflowTest, CommentAnchorsAreCheckedAgainstTheText) {
  // "Café" spans bytes 0..5; byte 4 is inside the é.
  std::string id = course_.Submit(student(0), "Caf\xC3\xA9 culture.\n");
  v1::Anchor anchor;
  anchor.mutable_span()->set_begin(0);
  anchor.mutable_span()->set_end(4);
  v1::CreateCommentResponse comment;
  grpc::Status status = Comment(id, anchor, &comment);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("splits a UTF-8 character"));
  anchor.mutable_span()->set_end(500);
  status = Comment(id, anchor, &comment);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("outside the text"));
  anchor.mutable_span()->set_end(5);
  ASSERT_TRUE(Comment(id, anchor, &comment).ok());
  EXPECT_EQ(comment.comment().quoted_text(), "Caf\xC3\xA9");
}

TEST_F(ReviewWorkflowTest, StudentSeesNothingOfTheTutorBeforeRelease) {
  std::string id = course_.Submit(student(0), testing::SampleEssay());
  v1::Anchor whole;
  whole.set_whole(true);
  v1::CreateCommentResponse visible, hidden;
  ASSERT_TRUE(Comment(id, whole, &visible).ok());
  v1::CreateCommentRequest staff_only;
  staff_only.set_submission_id(id);
  *staff_only.mutable_anchor() = whole;
  staff_only.set_body("Possible plagiarism: check.");
  staff_only.set_visibility(v1::COMMENT_VISIBILITY_STAFF);
  TokenContext context(tutor().token);
  ASSERT_TRUE(review_->CreateComment(&context, staff_only, &hidden).ok());

  v1::GetFeedbackResponse before = Feedback(student(0), id);
  EXPECT_TRUE(before.report_withheld());
  EXPECT_FALSE(before.released());
  EXPECT_EQ(before.comments_size(), 0);
  EXPECT_FALSE(before.has_grade());
  EXPECT_EQ(Feedback(tutor(), id).comments_size(), 2);

  ASSERT_TRUE(Release(id).ok());
  v1::GetFeedbackResponse after = Feedback(student(0), id);
  EXPECT_FALSE(after.report_withheld());
  EXPECT_TRUE(after.released());
  ASSERT_EQ(after.comments_size(), 1);
  EXPECT_EQ(after.comments(0).id(), visible.comment().id());
  EXPECT_TRUE(after.grade().released());
}

TEST_F(ReviewWorkflowTest, DraftsPointAtThePreviousOne) {
  std::string first = course_.Submit(student(0), "First draft.\n");
  std::string second = course_.Submit(student(0), "Second draft.\n");
  v1::GetFeedbackResponse feedback = Feedback(tutor(), second);
  EXPECT_EQ(feedback.submission().draft(), 2);
  EXPECT_EQ(feedback.previous_submission_id(), first);
  EXPECT_TRUE(Feedback(tutor(), first).previous_submission_id().empty());
}

// Found by the model-based test: the deltas of a released second draft
// carried the scores of the first, which was never released.
TEST_F(ReviewWorkflowTest, DeltasDoNotShowAnUnreleasedDraftsScores) {
  std::string first = course_.Submit(student(0), testing::SampleEssay());
  std::string second =
      course_.Submit(student(0), testing::SampleEssay() + "\nMore.\n");
  ASSERT_TRUE(Release(second).ok());
  v1::GetFeedbackResponse feedback = Feedback(student(0), second);
  EXPECT_TRUE(feedback.has_report());
  EXPECT_EQ(feedback.deltas_size(), 0);
  EXPECT_EQ(feedback.previous_submission_id(), first);
  EXPECT_GT(Feedback(tutor(), second).deltas_size(), 0);

  ASSERT_TRUE(Release(first).ok());
  EXPECT_GT(Feedback(student(0), second).deltas_size(), 0);
}

// Issue 13: the author was told "no reviews yet" while reviews existed
// and were only withheld until release.
TEST_F(ReviewWorkflowTest, WithheldReviewsAreCountedButNotShown) {
  v1::AllocatePeerReviewsResponse allocated;
  std::vector<std::string> ids = SubmitAndAllocate(3, &allocated);
  ASSERT_FALSE(HasFailure());
  int done = 0;
  for (const v1::ReviewTask& task : allocated.created()) {
    if (task.submission_id() != ids[0]) continue;
    v1::SubmitReviewRequest submit;
    submit.set_task_id(task.id());
    submit.set_overall_comment("Withheld until release.");
    for (const char* criterion :
         {"structure", "comparison", "evidence", "citations", "mechanics"}) {
      v1::CriterionReviewScore* score = submit.add_scores();
      score->set_criterion_id(criterion);
      score->set_level(2);
    }
    v1::SubmitReviewResponse review;
    TokenContext c(student(task.reviewer().back() - '1').token);
    ASSERT_TRUE(review_->SubmitReview(&c, submit, &review).ok());
    ++done;
  }
  ASSERT_EQ(done, 2);

  auto reviews = [&]() {
    v1::ListReviewsRequest request;
    request.set_submission_id(ids[0]);
    v1::ListReviewsResponse response;
    TokenContext c(student(0).token);
    EXPECT_TRUE(review_->ListReviews(&c, request, &response).ok());
    return response;
  };
  auto summary = [&]() {
    v1::GetPeerSummaryRequest request;
    request.set_submission_id(ids[0]);
    v1::GetPeerSummaryResponse response;
    TokenContext c(student(0).token);
    EXPECT_TRUE(review_->GetPeerSummary(&c, request, &response).ok());
    return response;
  };
  EXPECT_EQ(reviews().reviews_size(), 0);
  EXPECT_EQ(reviews().withheld_reviews(), 2);
  EXPECT_EQ(summary().withheld_reviews(), 2);
  EXPECT_EQ(summary().summary().criteria_size(), 0);

  ASSERT_TRUE(Release(ids[0]).ok());
  EXPECT_EQ(reviews().reviews_size(), 2);
  EXPECT_EQ(reviews().withheld_reviews(), 0);
  EXPECT_EQ(summary().withheld_reviews(), 0);
  EXPECT_GT(summary().summary().criteria_size(), 0);
}

TEST_F(ReviewWorkflowTest, OverridesNeedAReasonAndLandInTheAuditLog) {
  std::string id = course_.Submit(student(0), testing::SampleEssay());
  v1::SetCriterionScoreRequest request;
  request.set_submission_id(id);
  request.set_criterion_id("structure");
  request.set_score(18);
  v1::SetCriterionScoreResponse response;
  TokenContext c1(tutor().token);
  grpc::Status status = grade_->SetCriterionScore(&c1, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("reason is required"));

  request.set_reason("thesis is clear");
  TokenContext c2(tutor().token);
  ASSERT_TRUE(grade_->SetCriterionScore(&c2, request, &response).ok());
  EXPECT_DOUBLE_EQ(response.grade().criteria(0).tutor_score(), 18);
  request.set_score(19);
  request.set_reason("second look");
  TokenContext c3(tutor().token);
  ASSERT_TRUE(grade_->SetCriterionScore(&c3, request, &response).ok());

  request.set_criterion_id("no-such-criterion");
  TokenContext c4(tutor().token);
  status = grade_->SetCriterionScore(&c4, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("structure"));

  std::vector<v1::AuditEvent> events = Audit(id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action(), "criterion_override");
  EXPECT_EQ(events[0].actor(), "tutor");
  EXPECT_EQ(events[0].new_value(), "18");
  EXPECT_EQ(events[0].reason(), "thesis is clear");
  EXPECT_EQ(events[1].old_value(), "18");
  EXPECT_EQ(events[1].new_value(), "19");
  EXPECT_LT(events[0].sequence(), events[1].sequence());
}

TEST_F(ReviewWorkflowTest, MovingTheRubricRescoresAndIsAudited) {
  std::string id = course_.Submit(student(0), testing::SampleEssay());
  auto rubrics = v1::RubricService::NewStub(server_.channel());
  v1::GetRubricRequest get;
  get.set_id("history-essay");
  v1::GetRubricResponse rubric;
  TokenContext c1(tutor().token);
  ASSERT_TRUE(rubrics->GetRubric(&c1, get, &rubric).ok());
  // The course's own copy of the built-in rubric.
  std::string text = rubric.text();
  text.replace(text.find("id: \"history-essay\""), 19, "id: \"hist-local\"");
  v1::CreateRubricVersionRequest version;
  version.set_text(text);
  version.set_course_id("hist");
  v1::CreateRubricVersionResponse added;
  TokenContext c2(tutor().token);
  ASSERT_TRUE(rubrics->CreateRubricVersion(&c2, version, &added).ok());
  EXPECT_EQ(added.info().created_by(), "tutor");
  EXPECT_EQ(added.info().course_id(), "hist");

  v1::UpdateAssignmentRubricRequest move;
  move.set_assignment_id("hist101");
  move.set_rubric_id("hist-local");
  v1::UpdateAssignmentRubricResponse moved;
  TokenContext c3(tutor().token);
  EXPECT_EQ(admin_->UpdateAssignmentRubric(&c3, move, &moved).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  move.set_reason("clearer level descriptors");
  TokenContext c4(tutor().token);
  ASSERT_TRUE(admin_->UpdateAssignmentRubric(&c4, move, &moved).ok());
  EXPECT_EQ(moved.rescored(), 1);
  // Stored, pinned and reported under the course's name for it.
  EXPECT_EQ(moved.assignment().rubric_id(), "hist/hist-local");
  EXPECT_EQ(moved.assignment().rubric_version(), 1);
  EXPECT_EQ(Feedback(tutor(), id).report().rubric_id(), "hist/hist-local");

  v1::ListAuditEventsRequest request;
  request.set_assignment_id("hist101");
  v1::ListAuditEventsResponse events;
  TokenContext c5(tutor().token);
  ASSERT_TRUE(grade_->ListAuditEvents(&c5, request, &events).ok());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).action(), "rubric_change");
  EXPECT_EQ(events.events(0).old_value(), "history-essay@v1");
  EXPECT_THAT(events.events(0).new_value(), HasSubstr("hist-local@v1"));
  EXPECT_EQ(events.events(0).reason(), "clearer level descriptors");
}

TEST_F(ReviewWorkflowTest,
       LateSubmitterGetsReviewersAtOnceAndOthersKeepTheirs) {
  for (int i = 0; i < 3; ++i) {
    course_.Submit(student(i), testing::SampleEssay() + std::to_string(i));
  }
  v1::AllocatePeerReviewsRequest allocate;
  allocate.set_assignment_id("hist101");
  v1::AllocatePeerReviewsResponse first;
  TokenContext c1(tutor().token);
  ASSERT_TRUE(review_->AllocatePeerReviews(&c1, allocate, &first).ok());
  EXPECT_EQ(first.created_size(), 6);
  std::set<std::string> before;
  for (const auto& task : first.created()) before.insert(task.id());

  std::string late = course_.Submit(student(3), testing::SampleEssay() + "3");
  v1::ListReviewTasksRequest list;
  list.set_assignment_id("hist101");
  v1::ListReviewTasksResponse tasks;
  TokenContext c2(tutor().token);
  ASSERT_TRUE(review_->ListReviewTasks(&c2, list, &tasks).ok());
  int reviewing_late = 0, by_late = 0;
  std::set<std::string> still;
  for (const v1::ReviewTask& task : tasks.tasks()) {
    if (task.submission_id() == late) ++reviewing_late;
    if (task.reviewer() == student(3).id) ++by_late;
    if (before.count(task.id())) still.insert(task.id());
  }
  EXPECT_GE(reviewing_late, 2);
  EXPECT_GE(by_late, 2);
  EXPECT_EQ(still, before) << "earlier tasks were changed";

  // A different k after the first allocation is refused.
  allocate.set_reviews_per_submission(3);
  v1::AllocatePeerReviewsResponse again;
  TokenContext c3(tutor().token);
  EXPECT_EQ(review_->AllocatePeerReviews(&c3, allocate, &again).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ReviewWorkflowTest, TooFewStudentsForKIsExplained) {
  course_.Submit(student(0), "Only one essay.\n");
  v1::AllocatePeerReviewsRequest allocate;
  allocate.set_assignment_id("hist101");
  v1::AllocatePeerReviewsResponse response;
  TokenContext context(tutor().token);
  grpc::Status status =
      review_->AllocatePeerReviews(&context, allocate, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("k=2"));
}

// student1 gives every essay the top level; the others use two levels.
TEST_F(ReviewWorkflowTest, CarelessReviewerIsFlaggedAndDisagreementQueued) {
  v1::AllocatePeerReviewsResponse allocated;
  std::vector<std::string> ids = SubmitAndAllocate(4, &allocated);
  ASSERT_FALSE(HasFailure());
  std::map<std::string, int> done;
  std::string reviewed_by_careless;
  for (const v1::ReviewTask& task : allocated.created()) {
    int i = task.reviewer().back() - '1';
    v1::SubmitReviewRequest submit;
    submit.set_task_id(task.id());
    // A review scores every criterion of the rubric.
    int level = i == 0 ? 4 : done[task.reviewer()]++ % 2;
    for (const char* criterion :
         {"structure", "comparison", "evidence", "citations", "mechanics"}) {
      v1::CriterionReviewScore* score = submit.add_scores();
      score->set_criterion_id(criterion);
      score->set_level(level);
    }
    if (i == 0) reviewed_by_careless = task.submission_id();
    v1::SubmitReviewResponse review;
    TokenContext c(student(i).token);
    ASSERT_TRUE(review_->SubmitReview(&c, submit, &review).ok());
  }
  v1::SetCriterionScoreRequest override;
  override.set_submission_id(reviewed_by_careless);
  override.set_criterion_id("structure");
  override.set_score(5);
  override.set_reason("weak structure");
  v1::SetCriterionScoreResponse grade;
  TokenContext c2(tutor().token);
  ASSERT_TRUE(grade_->SetCriterionScore(&c2, override, &grade).ok());
  EXPECT_TRUE(grade.grade().criteria(0).has_peer_score());

  v1::GetPeerSummaryRequest request;
  request.set_submission_id(reviewed_by_careless);
  v1::GetPeerSummaryResponse staff_view;
  TokenContext c3(tutor().token);
  ASSERT_TRUE(review_->GetPeerSummary(&c3, request, &staff_view).ok());
  const v1::PeerSummary& summary = staff_view.summary();
  EXPECT_EQ(summary.reviews(), 2);
  EXPECT_EQ(summary.confidence(), v1::GRADE_CONFIDENCE_LOW);
  ASSERT_EQ(summary.reviewers_size(), 2);
  for (const v1::ReviewerWeight& w : summary.reviewers()) {
    bool careless = w.reviewer() == student(0).id;
    EXPECT_EQ(w.uniform_scorer(), careless) << w.reviewer();
    EXPECT_EQ(w.down_weighted(), careless) << w.reviewer();
    EXPECT_TRUE(w.has_tutor_comparison());
    if (careless) {
      EXPECT_DOUBLE_EQ(w.tutor_mad(), 3);  // level 4 vs 1
    }
  }

  v1::ListTutorQueueRequest queue_request;
  queue_request.set_assignment_id("hist101");
  v1::ListTutorQueueResponse queue;
  TokenContext c4(tutor().token);
  ASSERT_TRUE(grade_->ListTutorQueue(&c4, queue_request, &queue).ok());
  std::set<std::string> queued;
  for (const v1::QueueEntry& e : queue.entries())
    queued.insert(e.submission_id());
  EXPECT_TRUE(queued.count(reviewed_by_careless));

  v1::GetAgreementRequest agreement_request;
  agreement_request.set_assignment_id("hist101");
  v1::GetAgreementResponse agreement;
  TokenContext c5(tutor().token);
  ASSERT_TRUE(grade_->GetAgreement(&c5, agreement_request, &agreement).ok());
  EXPECT_EQ(agreement.peers_vs_tutor().pairs(), 1);

  // Students see the verdict once released, never who reviewed.
  v1::GetPeerSummaryResponse student_view;
  request.set_submission_id(ids[1]);
  ASSERT_TRUE(Release(ids[1]).ok());
  TokenContext c6(student(1).token);
  ASSERT_TRUE(review_->GetPeerSummary(&c6, request, &student_view).ok());
  EXPECT_EQ(student_view.summary().criteria_size(), 5);  // every criterion
  EXPECT_EQ(student_view.summary().reviewers_size(), 0);
  v1::ListReviewsRequest list;
  list.set_submission_id(ids[1]);
  v1::ListReviewsResponse reviews;
  TokenContext c7(student(1).token);
  ASSERT_TRUE(review_->ListReviews(&c7, list, &reviews).ok());
  ASSERT_EQ(reviews.reviews_size(), 2);
  for (const v1::Review& r : reviews.reviews()) {
    EXPECT_TRUE(r.reviewer().empty());
    EXPECT_THAT(r.reviewer_label(), HasSubstr("Reviewer "));
  }
}

TEST_F(ReviewWorkflowTest, GradesCommentsAndTasksSurviveARestart) {
  std::string id = course_.Submit(student(0), testing::SampleEssay());
  v1::Anchor whole;
  whole.set_whole(true);
  v1::CreateCommentResponse comment;
  ASSERT_TRUE(Comment(id, whole, &comment).ok());
  ASSERT_TRUE(Release(id).ok());
  v1::GetFeedbackResponse before = Feedback(student(0), id);
  server_.Restart();
  submissions_ = v1::SubmissionService::NewStub(server_.channel());
  grade_ = v1::GradeService::NewStub(server_.channel());
  v1::GetFeedbackResponse after = Feedback(student(0), id);
  EXPECT_EQ(after.SerializeAsString(), before.SerializeAsString());
  EXPECT_EQ(Audit(id).size(), 1u);
}

// An assignment that shows the engine's report as soon as students submit.
class ImmediateFeedbackTest : public ReviewWorkflowTest {
 protected:
  ImmediateFeedbackTest() : ReviewWorkflowTest(WithImmediateFeedback()) {}
  static testing::CourseOptions WithImmediateFeedback() {
    testing::CourseOptions options = Options();
    options.engine_feedback_immediately = true;
    return options;
  }
};

TEST_F(ImmediateFeedbackTest, ReportAtOnceTutorFeedbackOnlyOnRelease) {
  std::string id = course_.Submit(student(0), testing::SampleEssay());
  v1::Anchor whole;
  whole.set_whole(true);
  v1::CreateCommentResponse comment;
  ASSERT_TRUE(Comment(id, whole, &comment).ok());
  v1::GetFeedbackResponse before = Feedback(student(0), id);
  EXPECT_FALSE(before.report_withheld());
  EXPECT_EQ(before.report().rubric_id(), "history-essay");
  EXPECT_FALSE(before.released());
  EXPECT_EQ(before.comments_size(), 0);
  EXPECT_FALSE(before.has_grade());
}

}  // namespace
}  // namespace marginalia
