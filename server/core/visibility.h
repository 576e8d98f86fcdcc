// What a reader may see of one submission: the one place that decides it,
// for every read path (CreateSubmission and batch answers, GetSubmission,
// ListSubmissions, GetFeedback, ListComments, GetGrade, ListReviews,
// GetPeerSummary). Staff of the course see everything; the author (or
// anyone else a rule lets read it) sees, per part:
//
//   part                     before release            after release
//   score (total_score)      if engine feedback now    yes
//   engine report, deltas    if engine feedback now    yes
//   grade                    the formula only          yes
//   tutor comments           none                      student-visible ones
//   peer reviews, summary    that they exist           yes, reviewers as
//                                                      "Reviewer N"
//
// "Engine feedback now" is the assignment's engine_feedback_immediately
// (assignments hold it until release unless created with it). Deltas show
// the previous draft's scores too, so they also need that draft's report
// to be visible (feedback.cc). The export
// is staff-only; which grades it carries is the gradebook's choice
// (gradebook.h).
//
// Rubrics (ListRubrics, GetRubric): built-in and site-wide ones are for
// everyone; a course's own only for its members (tutors and students) and
// administrators. Thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/rubric_service.pb.h"
#include "marginalia/v1/submission.pb.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"

namespace marginalia::server {

// The facts the policy decides from.
struct VisibilityFacts {
  bool staff = false;
  // The tutor released this submission's feedback.
  bool released = false;
  // Its assignment shows the engine's feedback as soon as it is stored.
  bool engine_feedback_now = false;
};

// What the reader may see; see the file comment for the table.
struct Visible {
  bool score = false;
  bool report = false;
  bool grade = false;
  bool comments = false;
  bool staff_only_comments = false;
  bool peer_reviews = false;
  bool reviewer_identities = false;
};

// The policy table itself: a pure function of the facts.
Visible Decide(const VisibilityFacts& facts);

// Clears what `visible` withholds from a submission record: the score
// (total_score is then 0 and score_withheld true).
void RedactSubmission(const Visible& visible, marginalia::v1::Submission* s);

// The grade as a reader who may not see it gets it: the formula and the
// maximum, released = false.
marginalia::v1::Grade WithheldGrade(const marginalia::v1::Grade& grade);

// Whether a reader may see `rubric`: `admin`, or the rubric is site-wide
// (built-ins included), or it belongs to one of `courses` (those the reader
// is a member of).
bool MayReadRubric(const marginalia::v1::RubricInfo& rubric, bool admin,
                   const std::set<std::string, std::less<>>& courses);

// Reads the facts for a reader and a submission (or rubric) from the store.
// One per call (it caches assignments and the reader's courses); not
// thread-safe itself, but many may be used at once.
class VisibilityPolicy {
 public:
  // `store` must outlive this.
  VisibilityPolicy(Store* store, const Access& access)
      : store_(store),
        staff_(access.staff()),
        admin_(access.caller.admin()),
        reader_(access.caller.id()) {}

  // What the reader may see of `submission`. Errors are the store's.
  absl::StatusOr<Visible> For(const marginalia::v1::Submission& submission);
  // The same when the release state is known already.
  absl::StatusOr<Visible> For(const marginalia::v1::Submission& submission,
                              bool released);

  // Redacts `submission` in place for the reader.
  absl::Status Redact(marginalia::v1::Submission* submission);

  // Whether the reader may see `rubric` (MayReadRubric). Errors are the
  // store's.
  absl::StatusOr<bool> MayRead(const marginalia::v1::RubricInfo& rubric);

 private:
  absl::StatusOr<bool> EngineFeedbackNow(absl::string_view assignment_id);

  Store* store_;
  bool staff_;
  bool admin_;
  std::string reader_;
  std::map<std::string, bool, std::less<>> engine_now_;
  // The courses the reader is enrolled in, once asked for.
  std::optional<std::set<std::string, std::less<>>> courses_;
};

}  // namespace marginalia::server
