// SqliteStore: comments, peer allocations, review tasks and reviews.
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/storage/sqlite/store_util.h"
#include "server/util/quote.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using sqlite_internal::CheckPageSize;
using sqlite_internal::ParsePageToken;
using sqlite_internal::ParseStored;
using sqlite_internal::ReadPage;
using sqlite_internal::SerializeDeterministically;

// Columns: comment, resolved, update_time_us, seq.
absl::StatusOr<v1::Comment> ReadComment(const Statement& row) {
  v1::Comment comment;
  RETURN_IF_ERROR(ParseStored(row.ColumnText(0), "comment", &comment));
  comment.set_resolved(row.ColumnInt(1) != 0);
  *comment.mutable_update_time() = MicrosToTimestamp(row.ColumnInt(2));
  return comment;
}

constexpr absl::string_view kTaskColumns =
    "id, assignment_id, submission_id, reviewer, reviewer_label, "
    "author_label, completed, create_time_us";

v1::ReviewTask ReadTask(const Statement& row) {
  v1::ReviewTask task;
  task.set_id(row.ColumnText(0));
  task.set_assignment_id(row.ColumnText(1));
  task.set_submission_id(row.ColumnText(2));
  task.set_reviewer(row.ColumnText(3));
  task.set_reviewer_label(row.ColumnText(4));
  task.set_author_label(row.ColumnText(5));
  task.set_completed(row.ColumnInt(6) != 0);
  *task.mutable_create_time() = MicrosToTimestamp(row.ColumnInt(7));
  return task;
}

}  // namespace

absl::StatusOr<std::optional<v1::Comment>> SqliteStore::FindCommentLocked(
    absl::string_view column, absl::string_view value) {
  // `column` is a constant, never user input.
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT comment, resolved, "
                                             "update_time_us FROM comments "
                                             "WHERE ",
                                             column, " = ?1")));
  select.Bind(1, value);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Comment>();
  ASSIGN_OR_RETURN(v1::Comment comment, ReadComment(select));
  return std::optional<v1::Comment>(std::move(comment));
}

absl::StatusOr<std::optional<v1::Comment>> SqliteStore::ReplayCommentLocked(
    const v1::Comment& comment, const RequestKey& key) {
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT comment, resolved, update_time_us, request_sha256 "
                   "FROM comments WHERE author = ?1 AND submission_id = ?2 "
                   "AND request_id = ?3"));
  select.Bind(1, comment.author())
      .Bind(2, comment.submission_id())
      .Bind(3, key.request_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Comment>();
  // Comments stored before keys had fingerprints match any retry.
  if (!select.ColumnIsNull(3) && select.ColumnText(3) != key.fingerprint) {
    return ReusedRequestIdError(key.request_id, "comment on this submission");
  }
  ASSIGN_OR_RETURN(v1::Comment existing, ReadComment(select));
  return std::optional<v1::Comment>(std::move(existing));
}

absl::Status SqliteStore::InsertCommentLocked(const v1::Comment& comment,
                                              const RequestKey& key) {
  ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO comments (id, submission_id, parent_id, "
                   "request_id, comment, author, visibility, resolved, "
                   "update_time_us, request_sha256) VALUES (?1, ?2, ?3, ?4, "
                   "?5, ?6, ?7, ?8, ?9, ?10)"));
  insert.Bind(1, comment.id())
      .Bind(2, comment.submission_id())
      .BindOptional(3, comment.parent_id())
      .BindOptional(4, key.request_id)
      .BindBlob(5, SerializeDeterministically(comment))
      .Bind(6, comment.author())
      .Bind(7, static_cast<int>(comment.visibility()))
      .Bind(8, comment.resolved() ? 1 : 0)
      .Bind(9, TimestampToMicros(comment.update_time()))
      .BindOptional(10, key.request_id.empty() ? "" : key.fingerprint);
  return insert.Run();
}

absl::StatusOr<CreateCommentResult> SqliteStore::CreateComment(
    const v1::Comment& comment, const RequestKey& key) {
  absl::MutexLock lock(&mutex_);
  if (!key.request_id.empty()) {
    ASSIGN_OR_RETURN(std::optional<v1::Comment> existing,
                     ReplayCommentLocked(comment, key));
    if (existing.has_value()) return CreateCommentResult{*existing, false};
  }
  RETURN_IF_ERROR(InsertCommentLocked(comment, key));
  return CreateCommentResult{comment, true};
}

absl::StatusOr<v1::Comment> SqliteStore::GetComment(absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(std::optional<v1::Comment> comment,
                   FindCommentLocked("id", id));
  if (!comment.has_value()) {
    return NoSuchId("comment", id);
  }
  return *std::move(comment);
}

absl::StatusOr<Page<v1::Comment>> SqliteStore::ListComments(
    const CommentFilter& filter, const PageRequest& page) {
  ASSIGN_OR_RETURN(int64_t after, ParsePageToken(page.page_token));
  ASSIGN_OR_RETURN(int size, CheckPageSize(page.page_size));
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT comment, resolved, update_time_us, seq FROM "
                   "comments WHERE submission_id = ?1 AND (?2 OR resolved = "
                   "0) AND (?3 = 0 OR visibility = ?3) AND seq > ?4 ORDER BY "
                   "seq LIMIT ?5"));
  select.Bind(1, filter.submission_id)
      .Bind(2, filter.include_resolved ? 1 : 0)
      .Bind(3, filter.student_visible_only
                   ? static_cast<int>(v1::COMMENT_VISIBILITY_STUDENT)
                   : 0)
      .Bind(4, after)
      .Bind(5, size + 1);
  return ReadPage<v1::Comment>(select, size, 3, ReadComment);
}

absl::StatusOr<v1::Comment> SqliteStore::SetCommentResolved(
    absl::string_view id, bool resolved,
    const google::protobuf::Timestamp& time) {
  {
    absl::MutexLock lock(&mutex_);
    ASSIGN_OR_RETURN(Statement update,
                     db_->Prepare("UPDATE comments SET resolved = ?2, "
                                  "update_time_us = ?3 WHERE id = ?1"));
    update.Bind(1, id)
        .Bind(2, resolved ? 1 : 0)
        .Bind(3, TimestampToMicros(time));
    RETURN_IF_ERROR(update.Run());
  }
  return GetComment(id);
}

absl::StatusOr<std::optional<PeerAllocation>> SqliteStore::GetPeerAllocation(
    absl::string_view assignment_id) {
  ReadConnection db(this);
  ASSIGN_OR_RETURN(Statement select,
                   db->Prepare("SELECT reviews_per_submission, seed FROM "
                               "peer_allocations WHERE assignment_id = ?1"));
  select.Bind(1, assignment_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<PeerAllocation>();
  return std::optional<PeerAllocation>(PeerAllocation{
      std::string(assignment_id), static_cast<int>(select.ColumnInt(0)),
      static_cast<uint64_t>(select.ColumnInt(1))});
}

absl::Status SqliteStore::CreateReviewTasks(
    const PeerAllocation& allocation,
    const std::vector<v1::ReviewTask>& tasks) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  {
    ASSIGN_OR_RETURN(Statement insert,
                     db_->Prepare("INSERT OR IGNORE INTO peer_allocations "
                                  "(assignment_id, reviews_per_submission, "
                                  "seed) VALUES (?1, ?2, ?3)"));
    insert.Bind(1, allocation.assignment_id)
        .Bind(2, allocation.reviews_per_submission)
        .Bind(3, static_cast<int64_t>(allocation.seed));
    RETURN_IF_ERROR(insert.Run());
  }
  for (const v1::ReviewTask& task : tasks) {
    ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO review_tasks (id, assignment_id, "
                     "submission_id, author, reviewer, reviewer_label, "
                     "author_label, create_time_us) SELECT ?1, ?2, ?3, "
                     "author, ?4, ?5, ?6, ?7 FROM submissions WHERE id = ?3"));
    insert.Bind(1, task.id())
        .Bind(2, task.assignment_id())
        .Bind(3, task.submission_id())
        .Bind(4, task.reviewer())
        .Bind(5, task.reviewer_label())
        .Bind(6, task.author_label())
        .Bind(7, TimestampToMicros(task.create_time()));
    RETURN_IF_ERROR(insert.Run());
  }
  return transaction.Commit();
}

absl::StatusOr<v1::ReviewTask> SqliteStore::GetReviewTask(
    absl::string_view id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT ", kTaskColumns,
                                             " FROM review_tasks WHERE id = "
                                             "?1")));
  select.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) {
    return NoSuchId("review task", id);
  }
  return ReadTask(select);
}

absl::StatusOr<std::vector<v1::ReviewTask>> SqliteStore::ListReviewTasks(
    const ReviewTaskFilter& filter) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare(absl::StrCat(
          "SELECT ", kTaskColumns,
          " FROM review_tasks WHERE (?1 = '' OR assignment_id = ?1) AND (?2 "
          "= '' OR reviewer = ?2) AND (?3 = '' OR submission_id = ?3) ORDER "
          "BY seq")));
  select.Bind(1, filter.assignment_id)
      .Bind(2, filter.reviewer)
      .Bind(3, filter.submission_id);
  std::vector<v1::ReviewTask> tasks;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    tasks.push_back(ReadTask(select));
  }
  return tasks;
}

absl::StatusOr<std::optional<v1::Review>> SqliteStore::FindReviewLocked(
    absl::string_view column, absl::string_view value) {
  // `column` is a constant, never user input.
  ASSIGN_OR_RETURN(Statement select,
                   db_->Prepare(absl::StrCat("SELECT review FROM reviews "
                                             "WHERE ",
                                             column, " = ?1")));
  select.Bind(1, value);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Review>();
  v1::Review review;
  RETURN_IF_ERROR(ParseStored(select.ColumnText(0), "review", &review));
  return std::optional<v1::Review>(std::move(review));
}

absl::StatusOr<std::optional<v1::Review>> SqliteStore::ReplayReviewLocked(
    const v1::Review& review, const RequestKey& key) {
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT review, request_sha256 FROM reviews WHERE "
                   "reviewer = ?1 AND task_id = ?2 AND request_id = ?3"));
  select.Bind(1, review.reviewer())
      .Bind(2, review.task_id())
      .Bind(3, key.request_id);
  ASSIGN_OR_RETURN(bool row, select.Step());
  if (!row) return std::optional<v1::Review>();
  // Reviews stored before keys had fingerprints match any retry.
  if (!select.ColumnIsNull(1) && select.ColumnText(1) != key.fingerprint) {
    return ReusedRequestIdError(key.request_id, "review of this task");
  }
  v1::Review existing;
  RETURN_IF_ERROR(ParseStored(select.ColumnText(0), "review", &existing));
  return std::optional<v1::Review>(std::move(existing));
}

absl::StatusOr<CreateReviewResult> SqliteStore::CreateReview(
    const v1::Review& review, absl::string_view assignment_id,
    const RequestKey& key, const std::vector<v1::Comment>& comments) {
  absl::MutexLock lock(&mutex_);
  if (!key.request_id.empty()) {
    ASSIGN_OR_RETURN(std::optional<v1::Review> existing,
                     ReplayReviewLocked(review, key));
    if (existing.has_value()) return CreateReviewResult{*existing, false};
  }
  ASSIGN_OR_RETURN(std::optional<v1::Review> done,
                   FindReviewLocked("task_id", review.task_id()));
  if (done.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("review task '", review.task_id(),
                     "' was already completed (review ", done->id(), ")"));
  }
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db_.get()));
  {
    ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO reviews (id, task_id, assignment_id, "
                     "submission_id, reviewer, request_id, review, "
                     "create_time_us, request_sha256) VALUES (?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9)"));
    insert.Bind(1, review.id())
        .Bind(2, review.task_id())
        .Bind(3, assignment_id)
        .Bind(4, review.submission_id())
        .Bind(5, review.reviewer())
        .BindOptional(6, key.request_id)
        .BindBlob(7, SerializeDeterministically(review))
        .Bind(8, TimestampToMicros(review.create_time()))
        .BindOptional(9, key.request_id.empty() ? "" : key.fingerprint);
    RETURN_IF_ERROR(insert.Run());
  }
  {
    ASSIGN_OR_RETURN(Statement complete,
                     db_->Prepare("UPDATE review_tasks SET completed = 1 "
                                  "WHERE id = ?1"));
    complete.Bind(1, review.task_id());
    RETURN_IF_ERROR(complete.Run());
  }
  for (const v1::Comment& comment : comments) {
    RETURN_IF_ERROR(InsertCommentLocked(comment, RequestKey{}));
  }
  RETURN_IF_ERROR(transaction.Commit());
  return CreateReviewResult{review, true};
}

absl::StatusOr<std::vector<v1::Review>> SqliteStore::ListReviews(
    absl::string_view assignment_id, absl::string_view submission_id) {
  absl::MutexLock lock(&mutex_);
  ASSIGN_OR_RETURN(
      Statement select,
      db_->Prepare("SELECT review FROM reviews WHERE (?1 = '' OR "
                   "assignment_id = ?1) AND (?2 = '' OR submission_id = ?2) "
                   "ORDER BY seq"));
  select.Bind(1, assignment_id).Bind(2, submission_id);
  std::vector<v1::Review> reviews;
  while (true) {
    ASSIGN_OR_RETURN(bool row, select.Step());
    if (!row) break;
    v1::Review review;
    RETURN_IF_ERROR(ParseStored(select.ColumnText(0), "review", &review));
    reviews.push_back(std::move(review));
  }
  return reviews;
}

}  // namespace marginalia::server
