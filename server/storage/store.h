// Storage of everything the server keeps, behind an interface so that a
// second backend (PostgreSQL, say) can be added without touching services.
// Records are the API's Protobuf messages. Implementations are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "marginalia/v1/admin.pb.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/rubric.pb.h"
#include "marginalia/v1/rubric_service.pb.h"
#include "marginalia/v1/submission.pb.h"
#include "server/storage/directory_store.h"
#include "server/storage/grade_store.h"
#include "server/storage/paging.h"
#include "server/storage/review_store.h"

namespace marginalia::server {

struct SubmissionFilter {
  std::string assignment_id;  // empty: any
  std::string author;         // empty: any
};

struct SubmissionPage {
  std::vector<marginalia::v1::Submission> submissions;
  std::string next_page_token;
};

// What the store knows that decides whether an author may add a draft to an
// assignment (the rule itself: server/core/draft_lock.h).
struct DraftFacts {
  marginalia::v1::DraftLock lock;
  // The assignment's due time, if it has one.
  std::optional<absl::Time> due_time;
  // The author has a draft whose feedback was released.
  bool released_draft = false;
  // The end of the author's extension, if they have one.
  std::optional<absl::Time> extension_until;
};

// Decides from the facts read in the transaction that would store a draft:
// a non-OK status refuses the draft with that status.
using DraftRule = std::function<absl::Status(const DraftFacts&)>;

// A submission to store, with its report.
struct NewSubmission {
  // All fields but `draft`, which the store assigns.
  marginalia::v1::Submission submission;
  marginalia::v1::FeedbackReport report;
  // The user who sent it: the author, or staff on their behalf. Scopes the
  // request_id (see SubmissionRequestKey).
  std::string submitted_by;
  // Applied inside the storing transaction, so that a lock set or a release
  // made while the essay was scored still holds. Empty: no rule.
  DraftRule draft_rule;
};

// A submission's idempotency key as the server scopes it: the same
// request_id from another caller, or for another assignment or author, is
// another request.
struct SubmissionRequestKey {
  std::string submitted_by;
  std::string assignment_id;
  std::string author;
  std::string request_id;
};

struct CreateSubmissionResult {
  marginalia::v1::Submission submission;
  // False when the request_id had been used: nothing new was stored.
  bool created = false;
};

// A rubric version as stored: its metadata and text-format source.
struct StoredRubric {
  marginalia::v1::RubricInfo info;
  std::string text;
};

// Everything the server keeps. The review workflow's parts are separate
// interfaces so that a component can depend on just the part it uses.
class Store : public DirectoryStore, public ReviewStore, public GradeStore {
 public:
  ~Store() override = default;

  // Stores a submission and its report atomically; durable when this
  // returns OK. When its request key (SubmissionRequestKey) is set and
  // already used for the same text, nothing is stored and the earlier
  // submission is returned with created = false; ALREADY_EXISTS when it
  // was used for another text. Otherwise the submission's draft_rule, if
  // any, decides from the facts as they stand in the same transaction.
  virtual absl::StatusOr<CreateSubmissionResult> CreateSubmission(
      const NewSubmission& submission) = 0;

  // Stores several submissions in one transaction (one durable commit),
  // with the same request_id rule as CreateSubmission, item by item.
  virtual absl::StatusOr<std::vector<CreateSubmissionResult>> CreateSubmissions(
      const std::vector<const NewSubmission*>& submissions) = 0;

  // NOT_FOUND when there is no such submission. The text is included only
  // when `with_text`.
  virtual absl::StatusOr<marginalia::v1::Submission> GetSubmission(
      absl::string_view id, bool with_text) = 0;

  // The submission stored under `key`, if any.
  virtual absl::StatusOr<std::optional<marginalia::v1::Submission>>
  FindSubmissionByRequestKey(const SubmissionRequestKey& key) = 0;

  // Submissions in the order they were stored. INVALID_ARGUMENT for a bad
  // page token or size.
  virtual absl::StatusOr<SubmissionPage> ListSubmissions(
      const SubmissionFilter& filter, const PageRequest& page) = 0;

  // The facts that decide whether `author` may add a draft to the
  // assignment. NOT_FOUND for an unknown assignment.
  virtual absl::StatusOr<DraftFacts> ReadDraftFacts(
      absl::string_view assignment_id, absl::string_view author) = 0;

  // The submission with that draft number of `author` for the assignment.
  virtual absl::StatusOr<std::optional<marginalia::v1::Submission>> FindDraft(
      absl::string_view assignment_id, absl::string_view author, int draft) = 0;

  // The stored report of a submission; NOT_FOUND when there is none.
  virtual absl::StatusOr<marginalia::v1::FeedbackReport> GetReport(
      absl::string_view submission_id) = 0;

  // Installs a rubric that ships with the server unless that id and version
  // is already stored (stored versions are never overwritten, so old reports
  // stay reproducible). Returns whether it was inserted.
  virtual absl::StatusOr<bool> InstallBuiltInRubric(
      const marginalia::v1::RubricInfo& info, absl::string_view text) = 0;

  // Stores a new rubric version described by `info` (id, version, name,
  // creator, time) and appends `event` (its install), in one transaction.
  // ALREADY_EXISTS if that version was stored meanwhile.
  virtual absl::Status CreateRubricVersion(
      const marginalia::v1::RubricInfo& info, absl::string_view text,
      const marginalia::v1::AuditEvent& event) = 0;

  // The latest version number of a rubric, 0 if there is none.
  virtual absl::StatusOr<int> LatestRubricVersion(absl::string_view id) = 0;

  // A rubric version (the latest when `version` is 0); NOT_FOUND if absent.
  virtual absl::StatusOr<StoredRubric> GetRubric(absl::string_view id,
                                                 int version) = 0;

  // Installed rubrics sorted by id then version.
  virtual absl::StatusOr<std::vector<marginalia::v1::RubricInfo>> ListRubrics(
      bool all_versions) = 0;
};

}  // namespace marginalia::server
