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

namespace {

// The assignment's submissions as the allocation library sees them.
struct Cohort {
  review::AllocationRequest plan;
  std::map<std::string, std::string> latest_of;  // author -> submission
  std::vector<v1::ReviewTask> existing;
  std::map<std::string, int> tasks_of;    // reviewer -> tasks so far
  std::map<std::string, int> reviews_of;  // author -> reviewers so far
};

// The k and seed to allocate with: fixed by the first allocation.
absl::StatusOr<PeerAllocation> Settings(
    const v1::Assignment& assignment,
    const std::optional<PeerAllocation>& fixed, int requested_k,
    uint64_t requested_seed) {
  if (fixed.has_value()) {
    if (requested_k > 0 && requested_k != fixed->reviews_per_submission) {
      return absl::FailedPreconditionError(absl::StrCat(
          "assignment '", assignment.id(), "' was allocated with k=",
          fixed->reviews_per_submission, "; later allocations keep it"));
    }
    return *fixed;
  }
  PeerAllocation allocation{
      assignment.id(),
      requested_k > 0 ? requested_k
                      : assignment.peer_review().reviews_per_submission(),
      requested_seed != 0 ? requested_seed : DefaultSeed(assignment.id())};
  if (allocation.reviews_per_submission <= 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "peer review is off for assignment '", assignment.id(),
        "' (reviews_per_submission is 0); give the number of reviews"));
  }
  return allocation;
}

// Authors in submission order (their latest drafts) and the tasks so far.
absl::StatusOr<Cohort> LoadCohort(Store& store,
                                  const PeerAllocation& settings) {
  Cohort cohort;
  ASSIGN_OR_RETURN(std::vector<v1::Submission> all,
                   AllSubmissions(store, settings.assignment_id));
  std::map<std::string, std::string> author_of;  // submission -> author
  for (const v1::Submission& s : all) author_of[s.id()] = s.author();
  for (const v1::Submission& s : LatestDrafts(all)) {
    cohort.plan.authors.push_back(s.author());
    cohort.latest_of[s.author()] = s.id();
  }
  ASSIGN_OR_RETURN(cohort.existing,
                   store.ListReviewTasks({settings.assignment_id, "", ""}));
  for (const v1::ReviewTask& task : cohort.existing) {
    const std::string& author = author_of.at(task.submission_id());
    cohort.plan.existing.push_back({task.reviewer(), author});
    ++cohort.tasks_of[task.reviewer()];
    ++cohort.reviews_of[author];
  }
  cohort.plan.reviews_per_submission = settings.reviews_per_submission;
  cohort.plan.seed = settings.seed;
  return cohort;
}

// One labelled task per new edge: "Reviewer N" for the author, "Essay N"
// for the reviewer, numbered after the ones they already have.
std::vector<v1::ReviewTask> MakeTasks(const v1::Assignment& assignment,
                                      const review::AllocationResult& result,
                                      Cohort& cohort, IdGenerator& ids,
                                      const google::protobuf::Timestamp& now) {
  bool anonymous = assignment.peer_review().anonymous();
  std::vector<v1::ReviewTask> tasks;
  for (const review::ReviewEdge& edge : result.created) {
    v1::ReviewTask task;
    task.set_id(ids.NewId("task"));
    task.set_assignment_id(assignment.id());
    task.set_submission_id(cohort.latest_of.at(edge.author));
    task.set_reviewer(edge.reviewer);
    task.set_reviewer_label(
        anonymous ? absl::StrCat("Reviewer ", ++cohort.reviews_of[edge.author])
                  : edge.reviewer);
    task.set_author_label(
        anonymous ? absl::StrCat("Essay ", ++cohort.tasks_of[edge.reviewer])
                  : edge.author);
    *task.mutable_create_time() = now;
    tasks.push_back(std::move(task));
  }
  return tasks;
}

}  // namespace

absl::StatusOr<v1::AllocatePeerReviewsResponse> PeerReview::AllocateLocked(
    const v1::Assignment& assignment, int requested_k,
    uint64_t requested_seed) {
  ASSIGN_OR_RETURN(std::optional<PeerAllocation> fixed,
                   store_->GetPeerAllocation(assignment.id()));
  ASSIGN_OR_RETURN(PeerAllocation settings,
                   Settings(assignment, fixed, requested_k, requested_seed));
  ASSIGN_OR_RETURN(Cohort cohort, LoadCohort(*store_, settings));
  ASSIGN_OR_RETURN(review::AllocationResult result,
                   review::AllocateReviews(cohort.plan));
  std::vector<v1::ReviewTask> created =
      MakeTasks(assignment, result, cohort, *ids_, ToTimestamp(clock_->Now()));
  RETURN_IF_ERROR(store_->CreateReviewTasks(settings, created));

  v1::AllocatePeerReviewsResponse response;
  for (v1::ReviewTask& task : created)
    *response.add_created() = std::move(task);
  response.set_total_tasks(static_cast<int32_t>(cohort.existing.size()) +
                           response.created_size());
  for (std::size_t i = 0; i < result.pending.size(); ++i) {
    v1::PendingAllocation* pending = response.add_pending();
    pending->set_author(result.pending[i]);
    pending->set_submission_id(cohort.latest_of[result.pending[i]]);
    if (i < result.pending_reasons.size()) {
      pending->set_reason(result.pending_reasons[i]);
    }
  }
  response.set_reviews_per_submission(settings.reviews_per_submission);
  response.set_seed(settings.seed);
  return response;
}

}  // namespace marginalia::server
