#include "server/core/visibility.h"

#include <vector>

#include "common/status_macros.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

Visible Decide(const VisibilityFacts& f) {
  if (f.staff) return Visible{true, true, true, true, true, true, true};
  Visible v;
  v.score = f.released || f.engine_feedback_now;
  v.report = f.released || f.engine_feedback_now;
  v.grade = f.released;
  v.comments = f.released;
  v.staff_only_comments = false;
  v.peer_reviews = f.released;
  v.reviewer_identities = false;
  return v;
}

void RedactSubmission(const Visible& visible, v1::Submission* s) {
  if (visible.score) return;
  s->clear_total_score();
  s->set_score_withheld(true);
}

v1::Grade WithheldGrade(const v1::Grade& grade) {
  v1::Grade withheld;
  withheld.set_submission_id(grade.submission_id());
  withheld.set_formula(grade.formula());
  withheld.set_max_score(grade.max_score());
  return withheld;
}

bool MayReadRubric(const v1::RubricInfo& rubric, bool admin,
                   const std::set<std::string, std::less<>>& courses) {
  return admin || rubric.course_id().empty() ||
         courses.count(rubric.course_id()) > 0;
}

absl::StatusOr<bool> VisibilityPolicy::EngineFeedbackNow(
    absl::string_view assignment_id) {
  auto it = engine_now_.find(assignment_id);
  if (it != engine_now_.end()) return it->second;
  absl::StatusOr<v1::Assignment> assignment =
      store_->GetAssignment(assignment_id);
  // A submission whose assignment is gone shows nothing early.
  bool now = assignment.ok() &&
             assignment->peer_review().engine_feedback_immediately();
  if (!assignment.ok() && !absl::IsNotFound(assignment.status())) {
    return assignment.status();
  }
  engine_now_.emplace(std::string(assignment_id), now);
  return now;
}

absl::StatusOr<Visible> VisibilityPolicy::For(const v1::Submission& submission,
                                              bool released) {
  if (staff_) return Decide(VisibilityFacts{true, released, false});
  ASSIGN_OR_RETURN(bool now, EngineFeedbackNow(submission.assignment_id()));
  return Decide(VisibilityFacts{false, released, now});
}

absl::StatusOr<Visible> VisibilityPolicy::For(
    const v1::Submission& submission) {
  if (staff_) return Decide(VisibilityFacts{true, false, false});
  ASSIGN_OR_RETURN(GradeRecord record, store_->GetGradeRecord(submission.id()));
  return For(submission, record.release_time.has_value());
}

absl::Status VisibilityPolicy::Redact(v1::Submission* submission) {
  ASSIGN_OR_RETURN(Visible visible, For(*submission));
  RedactSubmission(visible, submission);
  return absl::OkStatus();
}

absl::StatusOr<bool> VisibilityPolicy::MayRead(const v1::RubricInfo& rubric) {
  if (admin_ || rubric.course_id().empty()) return true;
  if (!courses_.has_value()) {
    ASSIGN_OR_RETURN(std::vector<v1::Enrolment> enrolments,
                     store_->ListEnrolmentsOfUser(reader_));
    courses_.emplace();
    for (const v1::Enrolment& enrolment : enrolments) {
      courses_->insert(enrolment.course_id());
    }
  }
  return MayReadRubric(rubric, admin_, *courses_);
}

}  // namespace marginalia::server
