#include "server/auth/authorizer.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"

namespace marginalia::server {
namespace {

using namespace access;  // NOLINT: the policy reads best unqualified.

// Every RPC and who may make it. Health checking and reflection are not
// marginalia.v1 services and need no token.
std::map<std::string, Rule, std::less<>> Policy() {
  const std::string admin = "marginalia.v1.AdminService/";
  const std::string submission = "marginalia.v1.SubmissionService/";
  const std::string scoring = "marginalia.v1.ScoringService/";
  const std::string rubric = "marginalia.v1.RubricService/";
  const std::string review = "marginalia.v1.ReviewService/";
  const std::string grade = "marginalia.v1.GradeService/";
  return {
      {admin + "CreateUser", AdminOnly()},
      {admin + "GetUser", UserReader("id")},
      {admin + "ListUsers", AdminOnly()},
      {admin + "GetCurrentUser", AnyUser()},
      {admin + "CreateCourse", AdminOnly()},
      // Lists the caller's own courses; administrators see all.
      {admin + "ListCourses", AnyUser()},
      {admin + "CreateAssignment", CourseTutor("assignment.course_id")},
      {admin + "GetAssignment", AssignmentMember("id")},
      {admin + "ListAssignments", CourseMember("course_id")},
      {admin + "UpdateAssignmentRubric", AssignmentTutor("assignment_id")},
      {admin + "SetDraftLock", AssignmentTutor("assignment_id")},
      {admin + "GrantExtension", AssignmentTutor("assignment_id")},
      {admin + "CreateEnrolment", EnrolmentManager()},
      {admin + "ListEnrolments", CourseTutor("course_id")},
      {admin + "CreateToken", SelfOrAdmin("user_id")},
      {admin + "ListTokens", SelfOrAdmin("user_id")},
      {admin + "RevokeToken", TokenOwnerOrAdmin("token_id")},

      {submission + "CreateSubmission", Submitter()},
      {submission + "GetSubmission", SubmissionReader("id")},
      {submission + "ListSubmissions", SubmissionLister()},
      {submission + "GetFeedback", SubmissionReader("submission_id")},
      // The stream needs a token; each item is then decided by the
      // CreateSubmission rule.
      {submission + "BatchCreateSubmissions", AnyUser()},

      {scoring + "ScoreText", AnyUser()},

      {rubric + "ListRubrics", AnyUser()},
      {rubric + "GetRubric", AnyUser()},
      {rubric + "CreateRubricVersion", RubricInstaller("course_id")},
      {rubric + "ValidateRubric", AnyUser()},

      {review + "CreateComment", CommentWriter()},
      {review + "ListComments", SubmissionReader("submission_id")},
      {review + "ResolveComment", CommentResolver("comment_id")},
      {review + "ReopenComment", CommentResolver("comment_id")},
      {review + "AllocatePeerReviews", AssignmentTutor("assignment_id")},
      {review + "ListReviewTasks", ReviewTaskLister()},
      {review + "GetReviewTask", TaskReader("task_id")},
      {review + "SubmitReview", TaskReviewer("task_id")},
      {review + "ListReviews", SubmissionReader("submission_id")},
      {review + "GetPeerSummary", SubmissionReader("submission_id")},

      {grade + "SetCriterionScore", SubmissionStaff("submission_id")},
      {grade + "SetFinalGrade", SubmissionStaff("submission_id")},
      {grade + "GetGrade", SubmissionReader("submission_id")},
      {grade + "ReleaseFeedback",
       SubmissionOrAssignmentStaff("submission_id", "assignment_id")},
      {grade + "ExportGrades", AssignmentTutor("assignment_id")},
      // With neither id, administrators read the whole log.
      {grade + "ListAuditEvents",
       AuditReader("submission_id", "assignment_id")},
      {grade + "GetAgreement", AssignmentTutor("assignment_id")},
      {grade + "ListTutorQueue", AssignmentTutor("assignment_id")},
  };
}

}  // namespace

Authorizer::Authorizer(Store* store) : store_(store), rules_(Policy()) {}

absl::StatusOr<Access> Authorizer::Authorize(
    const Caller& caller, absl::string_view method,
    const google::protobuf::Message& request) {
  auto rule = rules_.find(method);
  if (rule == rules_.end()) {
    return absl::InternalError(
        absl::StrCat("the access policy has no rule for ", method));
  }
  ASSIGN_OR_RETURN(Relation relation,
                   rule->second(access::RuleInput{caller, request, *store_}));
  return Access{caller, relation};
}

std::vector<std::string> Authorizer::Methods() const {
  std::vector<std::string> methods;
  for (const auto& [method, rule] : rules_) methods.push_back(method);
  return methods;
}

}  // namespace marginalia::server
