// Storage of tutor grading: criterion overrides, final grades, releases and
// the append-only audit log. Part of the Store interface (store.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/grade.pb.h"
#include "server/storage/paging.h"

namespace marginalia::server {

// A tutor's score for one criterion (or for the whole submission).
struct TutorScore {
  double score = 0;
  std::string reason;
  std::string actor;
  google::protobuf::Timestamp update_time;
};

// What tutors decided about one submission.
struct GradeRecord {
  // By criterion id.
  std::map<std::string, TutorScore> overrides;
  std::optional<TutorScore> final_grade;
  std::optional<google::protobuf::Timestamp> release_time;
};

// Which submissions a release covers: exactly one of the two.
struct ReleaseScope {
  std::string submission_id;
  std::string assignment_id;
};

struct AuditFilter {
  std::string submission_id;
  std::string assignment_id;
};

// Tutor grading and the audit log. No method updates or deletes an audit
// event. Thread-safe.
class GradeStore {
 public:
  virtual ~GradeStore() = default;

  virtual absl::StatusOr<GradeRecord> GetGradeRecord(
      absl::string_view submission_id) = 0;
  // Tutor decisions for every submission of an assignment, by submission id.
  virtual absl::StatusOr<std::map<std::string, GradeRecord>> ListGradeRecords(
      absl::string_view assignment_id) = 0;

  // Sets a criterion override and appends `event` in one transaction. The
  // event's old_value is filled here from the override it replaces, or left
  // as given (the engine's score) when there was none.
  virtual absl::Status SetCriterionOverride(
      absl::string_view submission_id, absl::string_view criterion_id,
      const TutorScore& score, marginalia::v1::AuditEvent event) = 0;
  // Sets the final grade and appends `event`, like SetCriterionOverride.
  virtual absl::Status SetFinalGrade(absl::string_view submission_id,
                                     const TutorScore& score,
                                     marginalia::v1::AuditEvent event) = 0;
  // Releases every submission in scope not yet released, appending one
  // "release" event each, in one transaction. Returns how many it released.
  virtual absl::StatusOr<int> Release(
      const ReleaseScope& scope, absl::string_view actor,
      const google::protobuf::Timestamp& time) = 0;

  // Appends one event on its own.
  virtual absl::Status AppendAuditEvent(
      const marginalia::v1::AuditEvent& event) = 0;
  virtual absl::StatusOr<Page<marginalia::v1::AuditEvent>> ListAuditEvents(
      const AuditFilter& filter, const PageRequest& page) = 0;
};

}  // namespace marginalia::server
