// The embedded default Store: one SQLite database file in WAL mode.
// Thread-safe: one connection, serialised by a mutex.
#pragma once

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server/storage/sqlite/sqlite_db.h"
#include "server/storage/store.h"

namespace marginalia::server {

struct SqliteStoreOptions {
  // fsync on every commit, so an acknowledged write survives power loss.
  // Default: true.
  bool synchronous_full = true;
};

class SqliteStore : public Store {
 public:
  // Opens or creates the database at `path` and migrates it to the latest
  // schema. ":memory:" gives a private in-memory database.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const SqliteStoreOptions& options = {});

  absl::StatusOr<CreateSubmissionResult> CreateSubmission(
      const NewSubmission& submission) override;
  absl::StatusOr<std::vector<CreateSubmissionResult>> CreateSubmissions(
      const std::vector<const NewSubmission*>& submissions) override;
  absl::StatusOr<marginalia::v1::Submission> GetSubmission(
      absl::string_view id, bool with_text) override;
  absl::StatusOr<std::optional<marginalia::v1::Submission>>
  FindSubmissionByRequestId(absl::string_view request_id) override;
  absl::StatusOr<SubmissionPage> ListSubmissions(
      const SubmissionFilter& filter, const PageRequest& page) override;
  absl::StatusOr<marginalia::v1::FeedbackReport> GetReport(
      absl::string_view submission_id) override;
  absl::StatusOr<bool> InstallBuiltInRubric(
      const marginalia::v1::RubricInfo& info, absl::string_view text) override;
  absl::Status CreateRubricVersion(const marginalia::v1::RubricInfo& info,
                                   absl::string_view text) override;
  absl::StatusOr<int> LatestRubricVersion(absl::string_view id) override;
  absl::StatusOr<StoredRubric> GetRubric(absl::string_view id,
                                         int version) override;
  absl::StatusOr<std::vector<marginalia::v1::RubricInfo>> ListRubrics(
      bool all_versions) override;

 private:
  explicit SqliteStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  // Inserts one submission inside an open transaction.
  absl::StatusOr<CreateSubmissionResult> InsertSubmissionLocked(
      const NewSubmission& submission) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::StatusOr<std::optional<marginalia::v1::Submission>>
  FindByRequestIdLocked(absl::string_view request_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status InsertRubricLocked(const marginalia::v1::RubricInfo& info,
                                  absl::string_view text)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  absl::Mutex mutex_;
  std::unique_ptr<SqliteDb> db_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server
