// Storage of comments and peer review: allocations, tasks and reviews.
// Part of the Store interface (store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/review.pb.h"
#include "server/storage/paging.h"
#include "server/storage/request_key.h"

namespace marginalia::server {

struct CommentFilter {
  std::string submission_id;
  bool include_resolved = false;
  // Only comments with STUDENT visibility (what the author may read).
  bool student_visible_only = false;
};

struct CreateCommentResult {
  marginalia::v1::Comment comment;
  // False when the request key had been used: nothing new was stored.
  bool created = false;
};

// The k and seed an assignment's first allocation fixed.
struct PeerAllocation {
  std::string assignment_id;
  int reviews_per_submission = 0;
  uint64_t seed = 0;
};

// Empty fields match everything.
struct ReviewTaskFilter {
  std::string assignment_id;
  std::string reviewer;
  std::string submission_id;
};

struct CreateReviewResult {
  marginalia::v1::Review review;
  bool created = false;
};

// Comments, peer allocations, review tasks and reviews. Thread-safe.
class ReviewStore {
 public:
  virtual ~ReviewStore() = default;

  // Stores a comment. When `key` is set and the comment's author already
  // used it on the same submission, returns that comment with created =
  // false, or ALREADY_EXISTS when its fingerprint differs.
  virtual absl::StatusOr<CreateCommentResult> CreateComment(
      const marginalia::v1::Comment& comment, const RequestKey& key) = 0;
  virtual absl::StatusOr<marginalia::v1::Comment> GetComment(
      absl::string_view id) = 0;
  // Comments in the order they were made.
  virtual absl::StatusOr<Page<marginalia::v1::Comment>> ListComments(
      const CommentFilter& filter, const PageRequest& page) = 0;
  virtual absl::StatusOr<marginalia::v1::Comment> SetCommentResolved(
      absl::string_view id, bool resolved,
      const google::protobuf::Timestamp& time) = 0;

  virtual absl::StatusOr<std::optional<PeerAllocation>> GetPeerAllocation(
      absl::string_view assignment_id) = 0;
  // Stores new tasks, and the allocation's k and seed if this is the first
  // allocation of the assignment, in one transaction. ALREADY_EXISTS when a
  // reviewer-author pair was allocated meanwhile.
  virtual absl::Status CreateReviewTasks(
      const PeerAllocation& allocation,
      const std::vector<marginalia::v1::ReviewTask>& tasks) = 0;
  virtual absl::StatusOr<marginalia::v1::ReviewTask> GetReviewTask(
      absl::string_view id) = 0;
  // Tasks in the order they were allocated.
  virtual absl::StatusOr<std::vector<marginalia::v1::ReviewTask>>
  ListReviewTasks(const ReviewTaskFilter& filter) = 0;

  // Stores a review, its comments, and marks its task completed, in one
  // transaction. A key the reviewer already used for this task returns the
  // first review with created = false (ALREADY_EXISTS when its fingerprint
  // differs); FAILED_PRECONDITION when the task was already reviewed.
  virtual absl::StatusOr<CreateReviewResult> CreateReview(
      const marginalia::v1::Review& review, absl::string_view assignment_id,
      const RequestKey& key,
      const std::vector<marginalia::v1::Comment>& comments) = 0;
  // Reviews of one submission, or (submission empty) of an assignment.
  virtual absl::StatusOr<std::vector<marginalia::v1::Review>> ListReviews(
      absl::string_view assignment_id, absl::string_view submission_id) = 0;
};

}  // namespace marginalia::server
