#include "server/core/peer_review.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "server/core/idempotency.h"
#include "server/core/peer_anonymity.h"
#include "server/core/visibility.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

// INVALID_ARGUMENT unless `scores` has exactly one valid level per criterion.
absl::Status CheckScores(
    const google::protobuf::RepeatedPtrField<v1::CriterionReviewScore>& scores,
    const v1::Rubric& rubric) {
  std::map<std::string, std::set<int>> levels;
  std::vector<std::string> ids;
  for (const v1::Criterion& criterion : rubric.criteria()) {
    ids.push_back(criterion.id());
    for (const v1::Level& level : criterion.levels()) {
      levels[criterion.id()].insert(level.level());
    }
  }
  std::set<std::string> seen;
  for (const v1::CriterionReviewScore& score : scores) {
    auto it = levels.find(score.criterion_id());
    if (it == levels.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "criterion '", score.criterion_id(),
          "' is not in the rubric; its criteria: ", absl::StrJoin(ids, ", ")));
    }
    if (!it->second.count(score.level())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "level ", score.level(), " is not on the scale of criterion '",
          score.criterion_id(), "' (", *it->second.begin(), " to ",
          *it->second.rbegin(), ")"));
    }
    if (!seen.insert(score.criterion_id()).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "criterion '", score.criterion_id(), "' is scored twice"));
    }
  }
  if (seen.size() != levels.size()) {
    std::vector<std::string> missing;
    for (const std::string& id : ids) {
      if (!seen.count(id)) missing.push_back(id);
    }
    return absl::InvalidArgumentError(
        absl::StrCat("a review scores every criterion; missing: ",
                     absl::StrJoin(missing, ", ")));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::ListReviewTasksResponse> PeerReview::ListTasks(
    const Access& access, const v1::ListReviewTasksRequest& request) {
  ReviewTaskFilter filter{request.assignment_id(), request.reviewer(), ""};
  if (filter.reviewer.empty() && !access.staff()) {
    filter.reviewer = access.caller.id();
  }
  ASSIGN_OR_RETURN(std::vector<v1::ReviewTask> tasks,
                   store_->ListReviewTasks(filter));
  v1::ListReviewTasksResponse response;
  for (v1::ReviewTask& task : tasks) *response.add_tasks() = std::move(task);
  return response;
}

absl::StatusOr<v1::GetReviewTaskResponse> PeerReview::GetTask(
    const Access&, const v1::GetReviewTaskRequest& request) {
  ASSIGN_OR_RETURN(v1::ReviewTask task,
                   store_->GetReviewTask(request.task_id()));
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(task.submission_id(), true));
  v1::GetReviewTaskResponse response;
  *response.mutable_task() = std::move(task);
  // The reviewer must not learn whose essay it is from its front matter.
  response.set_text(BlankFrontMatterIdentity(submission.text()));
  response.set_rubric_id(submission.rubric_id());
  response.set_rubric_version(submission.rubric_version());
  return response;
}

absl::StatusOr<v1::Review> PeerReview::Submit(
    const Access& access, const v1::SubmitReviewRequest& request) {
  RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  ASSIGN_OR_RETURN(v1::ReviewTask task,
                   store_->GetReviewTask(request.task_id()));
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(task.submission_id(), false));
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->Get(submission.rubric_id(), submission.rubric_version()));
  RETURN_IF_ERROR(CheckScores(request.scores(), rubric->proto()));
  std::vector<v1::Comment> comments;
  for (v1::CreateCommentRequest comment_request : request.comments()) {
    comment_request.set_submission_id(task.submission_id());
    comment_request.clear_parent_id();
    comment_request.set_visibility(v1::COMMENT_VISIBILITY_STUDENT);
    ASSIGN_OR_RETURN(v1::Comment comment,
                     comments_->Build(access, comment_request));
    comment.set_author_label(task.reviewer_label());
    comments.push_back(std::move(comment));
  }
  v1::Review review;
  review.set_id(ids_->NewId("rev"));
  review.set_task_id(task.id());
  review.set_submission_id(task.submission_id());
  review.set_reviewer(access.caller.id());
  review.set_reviewer_label(task.reviewer_label());
  *review.mutable_scores() = request.scores();
  review.set_overall_comment(request.overall_comment());
  *review.mutable_create_time() = ToTimestamp(clock_->Now());
  ASSIGN_OR_RETURN(CreateReviewResult result,
                   store_->CreateReview(review, task.assignment_id(),
                                        RequestKey{request.request_id(),
                                                   RequestFingerprint(request)},
                                        comments));
  return result.review;
}

absl::StatusOr<v1::ListReviewsResponse> PeerReview::ListReviews(
    const Access& access, const v1::ListReviewsRequest& request) {
  v1::ListReviewsResponse response;
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(request.submission_id(), false));
  ASSIGN_OR_RETURN(Visible visible,
                   VisibilityPolicy(store_, access).For(submission));
  ASSIGN_OR_RETURN(std::vector<v1::Review> reviews,
                   store_->ListReviews("", request.submission_id()));
  if (!visible.peer_reviews) {
    // The author learns that reviews exist, not what they say.
    response.set_withheld_reviews(static_cast<int32_t>(reviews.size()));
    return response;
  }
  for (v1::Review& review : reviews) {
    if (!visible.reviewer_identities) review.clear_reviewer();
    *response.add_reviews() = std::move(review);
  }
  return response;
}

}  // namespace marginalia::server
