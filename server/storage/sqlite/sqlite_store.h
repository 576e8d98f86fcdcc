// The embedded default Store: one SQLite database file in WAL mode.
// Thread-safe: writes (and most reads) go through one connection serialised
// by a mutex; the reads every call makes (its token, its caller's role, the
// assignment, a request id) go through a second, read-only connection with
// a mutex of its own, so they never wait behind a commit's fsync. A third
// connection checkpoints the WAL on its own thread (wal_checkpointer.h), so
// that no commit pays for it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server/storage/sqlite/sqlite_db.h"
#include "server/storage/sqlite/wal_checkpointer.h"
#include "server/storage/store.h"

namespace marginalia::server {

struct SqliteStoreOptions {
  // fsync on every commit, so an acknowledged write survives power loss.
  // Default: true.
  bool synchronous_full = true;
  // How often the WAL is checkpointed, off the commit path
  // (wal_checkpointer.h). Default: 100 ms; infinite: only when closing and
  // through CheckpointForTest.
  absl::Duration checkpoint_period = absl::Milliseconds(100);
};

class SqliteStore : public Store {
 public:
  // Opens or creates the database at `path` and migrates it to the latest
  // schema. ":memory:" gives a private in-memory database.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const SqliteStoreOptions& options = {});

  // Checkpoints the WAL now (a database file only; else OK).
  absl::Status CheckpointForTest();

  absl::StatusOr<CreateSubmissionResult> CreateSubmission(
      const NewSubmission& submission) override;
  absl::StatusOr<std::vector<CreateSubmissionResult>> CreateSubmissions(
      const std::vector<const NewSubmission*>& submissions) override;
  absl::StatusOr<marginalia::v1::Submission> GetSubmission(
      absl::string_view id, bool with_text) override;
  absl::StatusOr<std::optional<marginalia::v1::Submission>>
  FindSubmissionByRequestKey(const SubmissionRequestKey& key) override;
  absl::StatusOr<SubmissionPage> ListSubmissions(
      const SubmissionFilter& filter, const PageRequest& page) override;
  absl::StatusOr<DraftFacts> ReadDraftFacts(absl::string_view assignment_id,
                                            absl::string_view author) override;
  absl::StatusOr<std::optional<marginalia::v1::Submission>> FindDraft(
      absl::string_view assignment_id, absl::string_view author,
      int draft) override;
  absl::StatusOr<marginalia::v1::FeedbackReport> GetReport(
      absl::string_view submission_id) override;
  absl::StatusOr<bool> InstallBuiltInRubric(
      const marginalia::v1::RubricInfo& info, absl::string_view text) override;
  absl::Status CreateRubricVersion(
      const marginalia::v1::RubricInfo& info, absl::string_view text,
      const marginalia::v1::AuditEvent& event) override;
  absl::StatusOr<int> LatestRubricVersion(absl::string_view id) override;
  absl::StatusOr<StoredRubric> GetRubric(absl::string_view id,
                                         int version) override;
  absl::StatusOr<std::vector<marginalia::v1::RubricInfo>> ListRubrics(
      bool all_versions) override;

  // DirectoryStore (sqlite_directory_store.cc).
  absl::Status CreateUser(const marginalia::v1::User& user,
                          const marginalia::v1::AuditEvent& event) override;
  absl::Status CreateUserWithToken(
      const marginalia::v1::User& user, const TokenRecord& token,
      const std::vector<marginalia::v1::AuditEvent>& events) override;
  absl::StatusOr<marginalia::v1::User> GetUser(absl::string_view id) override;
  absl::StatusOr<Page<marginalia::v1::User>> ListUsers(
      const PageRequest& page) override;
  absl::StatusOr<bool> HasAdmin() override;
  absl::Status CreateToken(const TokenRecord& token,
                           const marginalia::v1::AuditEvent& event) override;
  absl::StatusOr<std::optional<marginalia::v1::Token>> FindTokenBySecretHash(
      absl::string_view secret_sha256) override;
  absl::StatusOr<marginalia::v1::Token> GetToken(absl::string_view id) override;
  absl::StatusOr<std::vector<marginalia::v1::Token>> ListTokens(
      absl::string_view user_id) override;
  absl::StatusOr<marginalia::v1::Token> RevokeToken(
      absl::string_view id, const marginalia::v1::AuditEvent& event) override;
  absl::Status CreateCourse(const marginalia::v1::Course& course,
                            const marginalia::v1::AuditEvent& event) override;
  absl::StatusOr<marginalia::v1::Course> GetCourse(
      absl::string_view id) override;
  absl::StatusOr<Page<marginalia::v1::Course>> ListCourses(
      absl::string_view member, const PageRequest& page) override;
  absl::Status PutEnrolment(const marginalia::v1::Enrolment& enrolment,
                            const marginalia::v1::AuditEvent& event) override;
  absl::StatusOr<marginalia::v1::CourseRole> GetRole(
      absl::string_view course_id, absl::string_view user_id) override;
  absl::StatusOr<Page<marginalia::v1::Enrolment>> ListEnrolments(
      absl::string_view course_id, const PageRequest& page) override;
  absl::StatusOr<std::vector<marginalia::v1::Enrolment>> ListEnrolmentsOfUser(
      absl::string_view user_id) override;
  absl::StatusOr<bool> IsTutorAnywhere(absl::string_view user_id) override;
  absl::StatusOr<bool> TutorsUser(absl::string_view tutor_id,
                                  absl::string_view user_id) override;
  absl::Status CreateAssignment(
      const marginalia::v1::Assignment& assignment) override;
  absl::StatusOr<marginalia::v1::Assignment> GetAssignment(
      absl::string_view id) override;
  absl::StatusOr<Page<marginalia::v1::Assignment>> ListAssignments(
      absl::string_view course_id, const PageRequest& page) override;
  absl::Status MoveAssignmentRubric(
      const marginalia::v1::Assignment& updated,
      const std::vector<RescoredReport>& reports,
      const marginalia::v1::AuditEvent& event) override;
  absl::Status SetDraftLock(absl::string_view assignment_id,
                            const marginalia::v1::DraftLock& lock,
                            const marginalia::v1::AuditEvent& event) override;
  absl::Status PutExtension(const marginalia::v1::Extension& extension,
                            const marginalia::v1::AuditEvent& event) override;

  // ReviewStore (sqlite_review_store.cc).
  absl::StatusOr<CreateCommentResult> CreateComment(
      const marginalia::v1::Comment& comment, const RequestKey& key) override;
  absl::StatusOr<marginalia::v1::Comment> GetComment(
      absl::string_view id) override;
  absl::StatusOr<Page<marginalia::v1::Comment>> ListComments(
      const CommentFilter& filter, const PageRequest& page) override;
  absl::StatusOr<marginalia::v1::Comment> SetCommentResolved(
      absl::string_view id, bool resolved,
      const google::protobuf::Timestamp& time) override;
  absl::StatusOr<std::optional<PeerAllocation>> GetPeerAllocation(
      absl::string_view assignment_id) override;
  absl::Status CreateReviewTasks(
      const PeerAllocation& allocation,
      const std::vector<marginalia::v1::ReviewTask>& tasks) override;
  absl::StatusOr<marginalia::v1::ReviewTask> GetReviewTask(
      absl::string_view id) override;
  absl::StatusOr<std::vector<marginalia::v1::ReviewTask>> ListReviewTasks(
      const ReviewTaskFilter& filter) override;
  absl::StatusOr<CreateReviewResult> CreateReview(
      const marginalia::v1::Review& review, absl::string_view assignment_id,
      const RequestKey& key,
      const std::vector<marginalia::v1::Comment>& comments) override;
  absl::StatusOr<std::vector<marginalia::v1::Review>> ListReviews(
      absl::string_view assignment_id,
      absl::string_view submission_id) override;

  // GradeStore (sqlite_grade_store.cc).
  absl::StatusOr<GradeRecord> GetGradeRecord(
      absl::string_view submission_id) override;
  absl::StatusOr<std::map<std::string, GradeRecord>> ListGradeRecords(
      absl::string_view assignment_id) override;
  absl::Status SetCriterionOverride(absl::string_view submission_id,
                                    absl::string_view criterion_id,
                                    const TutorScore& score,
                                    marginalia::v1::AuditEvent event) override;
  absl::Status SetFinalGrade(absl::string_view submission_id,
                             const TutorScore& score,
                             marginalia::v1::AuditEvent event) override;
  absl::StatusOr<int> Release(const ReleaseScope& scope,
                              absl::string_view actor,
                              const google::protobuf::Timestamp& time) override;
  absl::Status AppendAuditEvent(
      const marginalia::v1::AuditEvent& event) override;
  absl::StatusOr<Page<marginalia::v1::AuditEvent>> ListAuditEvents(
      const AuditFilter& filter, const PageRequest& page) override;

 private:
  SqliteStore(std::unique_ptr<SqliteDb> db, std::unique_ptr<SqliteDb> reader,
              std::unique_ptr<WalCheckpointer> checkpointer)
      : db_(std::move(db)),
        reader_(std::move(reader)),
        checkpointer_(std::move(checkpointer)) {}

  // The connection for one hot read, locked while this lives: the
  // read-only one for a database file, else (":memory:") the writer's.
  class ReadConnection {
   public:
    explicit ReadConnection(SqliteStore* store)
        : lock_(store->reader_ != nullptr ? &store->read_mutex_
                                          : &store->mutex_),
          db_(store->reader_ != nullptr ? store->reader_.get()
                                        : store->db_.get()) {}
    SqliteDb* operator->() const { return db_; }
    SqliteDb* get() const { return db_; }

   private:
    absl::MutexLock lock_;
    SqliteDb* db_;
  };

  // Inserts one submission inside an open transaction.
  absl::StatusOr<CreateSubmissionResult> InsertSubmissionLocked(
      const NewSubmission& submission) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertRubricLocked(const marginalia::v1::RubricInfo& info,
                                  absl::string_view text)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertUserLocked(const marginalia::v1::User& user)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertTokenLocked(const TokenRecord& token)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status ReplaceReportLocked(const RescoredReport& rescored,
                                   int64_t now_us)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::StatusOr<std::optional<marginalia::v1::Comment>> FindCommentLocked(
      absl::string_view column, absl::string_view value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertCommentLocked(const marginalia::v1::Comment& comment,
                                   const RequestKey& key)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // The comment its author stored on the same submission under `key`, if
  // any; ALREADY_EXISTS when it was stored with another fingerprint.
  absl::StatusOr<std::optional<marginalia::v1::Comment>> ReplayCommentLocked(
      const marginalia::v1::Comment& comment, const RequestKey& key)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::StatusOr<std::optional<marginalia::v1::Review>> FindReviewLocked(
      absl::string_view column, absl::string_view value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  // The same for a review: its reviewer, its task and `key`.
  absl::StatusOr<std::optional<marginalia::v1::Review>> ReplayReviewLocked(
      const marginalia::v1::Review& review, const RequestKey& key)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertAuditLocked(const marginalia::v1::AuditEvent& event)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  absl::Mutex mutex_;
  std::unique_ptr<SqliteDb> db_ ABSL_GUARDED_BY(mutex_);
  // Set once at opening (null for ":memory:"); the connection it points to
  // is used under read_mutex_ only, through ReadConnection.
  absl::Mutex read_mutex_;
  const std::unique_ptr<SqliteDb> reader_;
  // Checkpoints the WAL off the commit path (null for ":memory:"); stopped
  // first, before the connections close.
  const std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace marginalia::server
