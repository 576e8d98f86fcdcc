// PeerReview::Allocate and AllocateLate: the store's view of an assignment
// turned into an AllocationRequest for the review_algorithms library, and
// its result turned into labelled review tasks.
#include <map>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/core/peer_review.h"
#include "server/core/submission_sets.h"
#include "server/review/allocation.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

// The default seed of an assignment: stable, derived from its id (FNV-1a).
uint64_t DefaultSeed(absl::string_view assignment_id) {
  uint64_t hash = 1469598103934665603ULL;
  for (char c : assignment_id) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

// Counts per key, for numbering labels.
std::map<std::string, int> Count(
    const std::vector<v1::ReviewTask>& tasks, bool by_reviewer,
    const std::map<std::string, std::string>& author_of_submission) {
  std::map<std::string, int> counts;
  for (const v1::ReviewTask& task : tasks) {
    ++counts[by_reviewer ? task.reviewer()
                         : author_of_submission.at(task.submission_id())];
  }
  return counts;
}

}  // namespace

absl::StatusOr<v1::AllocatePeerReviewsResponse> PeerReview::Allocate(
    const v1::AllocatePeerReviewsRequest& request) {
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(request.assignment_id()));
  if (request.reviews_per_submission() < 0) {
    return absl::InvalidArgumentError(
        "reviews_per_submission must not be negative");
  }
  absl::MutexLock lock(&mutex_);
  return AllocateLocked(assignment, request.reviews_per_submission(),
                        request.seed());
}

absl::StatusOr<int> PeerReview::AllocateLate(const v1::Submission& submission) {
  ASSIGN_OR_RETURN(std::optional<PeerAllocation> allocation,
                   store_->GetPeerAllocation(submission.assignment_id()));
  if (!allocation.has_value()) return 0;
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(submission.assignment_id()));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(v1::AllocatePeerReviewsResponse response,
                   AllocateLocked(assignment, 0, 0));
  return response.created_size();
}

absl::StatusOr<v1::AllocatePeerReviewsResponse> PeerReview::AllocateLocked(
    const v1::Assignment& assignment, int requested_k,
    uint64_t requested_seed) {
  ASSIGN_OR_RETURN(std::optional<PeerAllocation> fixed,
                   store_->GetPeerAllocation(assignment.id()));
  PeerAllocation allocation{
      assignment.id(), assignment.peer_review().reviews_per_submission(),
      requested_seed != 0 ? requested_seed : DefaultSeed(assignment.id())};
  if (requested_k > 0) allocation.reviews_per_submission = requested_k;
  if (fixed.has_value()) {
    if (requested_k > 0 && requested_k != fixed->reviews_per_submission) {
      return absl::FailedPreconditionError(absl::StrCat(
          "assignment '", assignment.id(), "' was allocated with k=",
          fixed->reviews_per_submission, "; later allocations keep it"));
    }
    allocation = *fixed;
  }
  if (allocation.reviews_per_submission <= 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "peer review is off for assignment '", assignment.id(),
        "' (reviews_per_submission is 0); give the number of reviews"));
  }
  ASSIGN_OR_RETURN(std::vector<v1::Submission> all,
                   AllSubmissions(*store_, assignment.id()));
  std::vector<v1::Submission> latest = LatestDrafts(all);
  std::map<std::string, std::string> author_of;  // submission -> author
  for (const v1::Submission& s : all) author_of[s.id()] = s.author();
  std::map<std::string, std::string> latest_of;  // author -> submission
  review::AllocationRequest plan;
  for (const v1::Submission& s : latest) {
    plan.authors.push_back(s.author());
    latest_of[s.author()] = s.id();
  }
  ASSIGN_OR_RETURN(std::vector<v1::ReviewTask> existing,
                   store_->ListReviewTasks({assignment.id(), "", ""}));
  for (const v1::ReviewTask& task : existing) {
    plan.existing.push_back(
        {task.reviewer(), author_of.at(task.submission_id())});
  }
  plan.reviews_per_submission = allocation.reviews_per_submission;
  plan.seed = allocation.seed;
  ASSIGN_OR_RETURN(review::AllocationResult result,
                   review::AllocateReviews(plan));

  std::map<std::string, int> tasks_of = Count(existing, true, author_of);
  std::map<std::string, int> reviews_of = Count(existing, false, author_of);
  bool anonymous = assignment.peer_review().anonymous();
  google::protobuf::Timestamp now = ToTimestamp(clock_->Now());
  v1::AllocatePeerReviewsResponse response;
  std::vector<v1::ReviewTask> created;
  for (const review::ReviewEdge& edge : result.created) {
    v1::ReviewTask task;
    task.set_id(ids_->NewId("task"));
    task.set_assignment_id(assignment.id());
    task.set_submission_id(latest_of.at(edge.author));
    task.set_reviewer(edge.reviewer);
    task.set_reviewer_label(
        anonymous ? absl::StrCat("Reviewer ", ++reviews_of[edge.author])
                  : edge.reviewer);
    task.set_author_label(
        anonymous ? absl::StrCat("Essay ", ++tasks_of[edge.reviewer])
                  : edge.author);
    *task.mutable_create_time() = now;
    created.push_back(task);
  }
  RETURN_IF_ERROR(store_->CreateReviewTasks(allocation, created));
  for (v1::ReviewTask& task : created)
    *response.add_created() = std::move(task);
  response.set_total_tasks(static_cast<int32_t>(existing.size()) +
                           response.created_size());
  for (std::size_t i = 0; i < result.pending.size(); ++i) {
    v1::PendingAllocation* pending = response.add_pending();
    pending->set_author(result.pending[i]);
    pending->set_submission_id(latest_of[result.pending[i]]);
    if (i < result.pending_reasons.size()) {
      pending->set_reason(result.pending_reasons[i]);
    }
  }
  response.set_reviews_per_submission(allocation.reviews_per_submission);
  response.set_seed(allocation.seed);
  return response;
}

}  // namespace marginalia::server
