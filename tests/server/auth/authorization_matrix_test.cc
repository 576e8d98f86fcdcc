// The authorisation matrix: every RPC, called by each kind of caller, with
// and without ownership of the resource, answers with exactly the status
// code the access policy promises. Callers:
//   none      no token                    bad      an unknown token
//   admin     server administrator        tutor    tutor of the course
//   other     tutor of another course     owner    student1: author of the
//   peer      student2: same course,                submission, reviewer of
//             not the owner                         the task, owner of token
//   outsider  student of another course
// Codes: O OK, U UNAUTHENTICATED, D PERMISSION_DENIED, N NOT_FOUND.
// A row named "Method(what)" makes the call on another resource; for
// ListRubrics(course), a list without course hist's rubric counts as N.
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "marginalia/v1/scoring.grpc.pb.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "tests/testing/course_fixture.h"
#include "tests/testing/test_data.h"
#include "tests/testing/test_rubrics.h"
#include "tests/testing/test_server.h"

namespace marginalia {
namespace {

namespace v1 = ::marginalia::v1;
using grpc::StatusCode;

const char* const kRoles[] = {"none",  "bad",   "admin", "tutor",
                              "other", "owner", "peer",  "outsider"};

// A context with the role's token (none for "none").
std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  return context;
}

char Letter(StatusCode code) {
  switch (code) {
    case StatusCode::OK:
      return 'O';
    case StatusCode::UNAUTHENTICATED:
      return 'U';
    case StatusCode::PERMISSION_DENIED:
      return 'D';
    case StatusCode::NOT_FOUND:
      return 'N';
    case StatusCode::INVALID_ARGUMENT:
      return 'I';
    case StatusCode::FAILED_PRECONDITION:
      return 'F';
    default:
      return '?';
  }
}

// The world every call runs in, built once through the API.
class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  AuthorizationMatrixTest()
      : course_(server_.channel(), server_.admin_token(), Options()),
        admin_(v1::AdminService::NewStub(server_.channel())),
        submissions_(v1::SubmissionService::NewStub(server_.channel())),
        scoring_(v1::ScoringService::NewStub(server_.channel())),
        rubrics_(v1::RubricService::NewStub(server_.channel())),
        review_(v1::ReviewService::NewStub(server_.channel())),
        grade_(v1::GradeService::NewStub(server_.channel())) {
    BuildWorld();
  }

  static testing::CourseOptions Options() {
    testing::CourseOptions options;
    options.students = 3;
    options.reviews_per_submission = 2;
    return options;
  }

  void BuildWorld();
  // Calls `method` as each role and returns one letter per role.
  std::string Row(const std::string& method);
  std::map<std::string, std::function<StatusCode(const std::string&)>> Calls();

  const std::string& Token(const std::string& role) { return tokens_.at(role); }

  testing::TestServer server_;
  testing::CourseFixture course_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::SubmissionService::Stub> submissions_;
  std::unique_ptr<v1::ScoringService::Stub> scoring_;
  std::unique_ptr<v1::RubricService::Stub> rubrics_;
  std::unique_ptr<v1::ReviewService::Stub> review_;
  std::unique_ptr<v1::GradeService::Stub> grade_;
  std::map<std::string, std::string> tokens_;
  std::string sub1_, comment1_, task1_;
  int fresh_ = 0;
};

void AuthorizationMatrixTest::BuildWorld() {
  testing::Person other = course_.MakeUser("tutor2");
  testing::Person outsider = course_.MakeUser("student9");
  v1::CreateCourseRequest geo;
  geo.mutable_course()->set_id("geo");
  v1::CreateCourseResponse made;
  ASSERT_TRUE(
      admin_->CreateCourse(Ctx(course_.admin.token).get(), geo, &made).ok());
  course_.Enrol("tutor2", "geo", true);
  course_.Enrol("student9", "geo", false);
  tokens_ = {{"none", ""},
             {"bad", std::string(64, 'a')},
             {"admin", course_.admin.token},
             {"tutor", course_.tutor.token},
             {"other", other.token},
             {"owner", course_.students[0].token},
             {"peer", course_.students[1].token},
             {"outsider", outsider.token}};
  std::string essay = testing::SampleEssay();
  sub1_ = course_.Submit(course_.students[0], essay);
  course_.Submit(course_.students[1], essay + "\nSecond.");
  course_.Submit(course_.students[2], essay + "\nThird.");
  v1::AllocatePeerReviewsRequest allocate;
  allocate.set_assignment_id("hist101");
  v1::AllocatePeerReviewsResponse allocated;
  ASSERT_TRUE(
      review_
          ->AllocatePeerReviews(Ctx(Token("tutor")).get(), allocate, &allocated)
          .ok());
  for (const v1::ReviewTask& task : allocated.created()) {
    if (task.reviewer() == "student1") task1_ = task.id();
  }
  ASSERT_FALSE(task1_.empty());
  v1::CreateCommentRequest comment;
  comment.set_submission_id(sub1_);
  comment.mutable_anchor()->set_whole(true);
  comment.set_body("Good start.");
  v1::CreateCommentResponse commented;
  ASSERT_TRUE(
      review_->CreateComment(Ctx(Token("tutor")).get(), comment, &commented)
          .ok());
  comment1_ = commented.comment().id();
  v1::ReleaseFeedbackRequest release;
  release.set_submission_id(sub1_);
  v1::ReleaseFeedbackResponse released;
  ASSERT_TRUE(
      grade_->ReleaseFeedback(Ctx(Token("tutor")).get(), release, &released)
          .ok());
  // A course rubric for UpdateAssignmentRubric to move to.
  v1::CreateRubricVersionRequest version;
  version.set_text(testing::kShortRubric);
  version.set_course_id("hist");
  v1::CreateRubricVersionResponse added;
  ASSERT_TRUE(
      rubrics_->CreateRubricVersion(Ctx(Token("admin")).get(), version, &added)
          .ok());
}

std::map<std::string, std::function<StatusCode(const std::string&)>>
AuthorizationMatrixTest::Calls() {
  std::map<std::string, std::function<StatusCode(const std::string&)>> calls;
  auto fresh = [this](const std::string& prefix) {
    return absl::StrCat(prefix, ++fresh_);
  };
  const std::string A = "marginalia.v1.AdminService/";
  const std::string S = "marginalia.v1.SubmissionService/";
  const std::string R = "marginalia.v1.ReviewService/";
  const std::string G = "marginalia.v1.GradeService/";
  const std::string B = "marginalia.v1.RubricService/";
  calls[A + "CreateUser"] = [=](const std::string& t) {
    v1::CreateUserRequest r;
    r.mutable_user()->set_id(fresh("user"));
    v1::CreateUserResponse o;
    return admin_->CreateUser(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "GetUser"] = [=](const std::string& t) {
    v1::GetUserRequest r;
    r.set_id("student1");
    v1::GetUserResponse o;
    return admin_->GetUser(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "ListUsers"] = [=](const std::string& t) {
    v1::ListUsersResponse o;
    return admin_->ListUsers(Ctx(t).get(), {}, &o).error_code();
  };
  calls[A + "GetCurrentUser"] = [=](const std::string& t) {
    v1::GetCurrentUserResponse o;
    return admin_->GetCurrentUser(Ctx(t).get(), {}, &o).error_code();
  };
  calls[A + "CreateCourse"] = [=](const std::string& t) {
    v1::CreateCourseRequest r;
    r.mutable_course()->set_id(fresh("course"));
    v1::CreateCourseResponse o;
    return admin_->CreateCourse(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "ListCourses"] = [=](const std::string& t) {
    v1::ListCoursesResponse o;
    return admin_->ListCourses(Ctx(t).get(), {}, &o).error_code();
  };
  calls[A + "CreateAssignment"] = [=](const std::string& t) {
    v1::CreateAssignmentRequest r;
    r.mutable_assignment()->set_id(fresh("asg"));
    r.mutable_assignment()->set_course_id("hist");
    v1::CreateAssignmentResponse o;
    return admin_->CreateAssignment(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "GetAssignment"] = [=](const std::string& t) {
    v1::GetAssignmentRequest r;
    r.set_id("hist101");
    v1::GetAssignmentResponse o;
    return admin_->GetAssignment(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "ListAssignments"] = [=](const std::string& t) {
    v1::ListAssignmentsRequest r;
    r.set_course_id("hist");
    v1::ListAssignmentsResponse o;
    return admin_->ListAssignments(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "UpdateAssignmentRubric"] = [=](const std::string& t) {
    v1::CreateAssignmentRequest make;
    std::string id = fresh("move");
    make.mutable_assignment()->set_id(id);
    make.mutable_assignment()->set_course_id("hist");
    make.mutable_assignment()->set_rubric_version(1);
    v1::CreateAssignmentResponse made;
    EXPECT_TRUE(
        admin_->CreateAssignment(Ctx(Token("admin")).get(), make, &made).ok());
    v1::UpdateAssignmentRubricRequest r;
    r.set_assignment_id(id);
    r.set_rubric_id("short-essay");
    r.set_reason("clearer levels");
    v1::UpdateAssignmentRubricResponse o;
    return admin_->UpdateAssignmentRubric(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "SetDraftLock"] = [=](const std::string& t) {
    v1::SetDraftLockRequest r;
    r.set_assignment_id("hist101");
    v1::SetDraftLockResponse o;
    return admin_->SetDraftLock(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "GrantExtension"] = [=](const std::string& t) {
    v1::GrantExtensionRequest r;
    r.set_assignment_id("hist101");
    r.set_student(course_.students[1].id);
    r.mutable_until()->set_seconds(4000000000);
    v1::GrantExtensionResponse o;
    return admin_->GrantExtension(Ctx(t).get(), r, &o).error_code();
  };
  // A new user, in no course: only administrators may enrol them.
  calls[A + "CreateEnrolment"] = [=](const std::string& t) {
    std::string user = course_.MakeUser(fresh("enrolee")).id;
    v1::CreateEnrolmentRequest r;
    r.mutable_enrolment()->set_course_id("hist");
    r.mutable_enrolment()->set_user_id(user);
    r.mutable_enrolment()->set_role(v1::COURSE_ROLE_STUDENT);
    v1::CreateEnrolmentResponse o;
    return admin_->CreateEnrolment(Ctx(t).get(), r, &o).error_code();
  };
  // Someone the tutor can see already: a student of their course.
  calls[A + "CreateEnrolment(member)"] = [=](const std::string& t) {
    v1::CreateEnrolmentRequest r;
    r.mutable_enrolment()->set_course_id("hist");
    r.mutable_enrolment()->set_user_id("student2");
    r.mutable_enrolment()->set_role(v1::COURSE_ROLE_STUDENT);
    v1::CreateEnrolmentResponse o;
    return admin_->CreateEnrolment(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "ListEnrolments"] = [=](const std::string& t) {
    v1::ListEnrolmentsRequest r;
    r.set_course_id("hist");
    v1::ListEnrolmentsResponse o;
    return admin_->ListEnrolments(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "CreateToken"] = [=](const std::string& t) {
    v1::CreateTokenRequest r;
    r.set_user_id("student1");
    v1::CreateTokenResponse o;
    return admin_->CreateToken(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "ListTokens"] = [=](const std::string& t) {
    v1::ListTokensRequest r;
    r.set_user_id("student1");
    v1::ListTokensResponse o;
    return admin_->ListTokens(Ctx(t).get(), r, &o).error_code();
  };
  calls[A + "RevokeToken"] = [=](const std::string& t) {
    v1::CreateTokenRequest make;
    make.set_user_id("student1");
    v1::CreateTokenResponse made;
    EXPECT_TRUE(
        admin_->CreateToken(Ctx(Token("admin")).get(), make, &made).ok());
    v1::RevokeTokenRequest r;
    r.set_token_id(made.token().id());
    v1::RevokeTokenResponse o;
    return admin_->RevokeToken(Ctx(t).get(), r, &o).error_code();
  };
  calls[S + "CreateSubmission"] = [=](const std::string& t) {
    v1::CreateSubmissionRequest r;
    r.set_assignment_id("hist101");
    r.set_author("student1");  // the owner's own, or on their behalf
    r.set_text(fresh("A short essay, version "));
    v1::CreateSubmissionResponse o;
    return submissions_->CreateSubmission(Ctx(t).get(), r, &o).error_code();
  };
  calls[S + "GetSubmission"] = [=](const std::string& t) {
    v1::GetSubmissionRequest r;
    r.set_id(sub1_);
    v1::GetSubmissionResponse o;
    return submissions_->GetSubmission(Ctx(t).get(), r, &o).error_code();
  };
  calls[S + "ListSubmissions"] = [=](const std::string& t) {
    v1::ListSubmissionsRequest r;
    r.set_assignment_id("hist101");
    r.set_author("student1");
    v1::ListSubmissionsResponse o;
    return submissions_->ListSubmissions(Ctx(t).get(), r, &o).error_code();
  };
  calls[S + "GetFeedback"] = [=](const std::string& t) {
    v1::GetFeedbackRequest r;
    r.set_submission_id(sub1_);
    v1::GetFeedbackResponse o;
    return submissions_->GetFeedback(Ctx(t).get(), r, &o).error_code();
  };
  // The stream's status, else the one item's error code.
  calls[S + "BatchCreateSubmissions"] = [=](const std::string& t) {
    auto context = Ctx(t);
    auto stream = submissions_->BatchCreateSubmissions(context.get());
    v1::BatchCreateSubmissionsRequest item;
    item.mutable_submission()->set_assignment_id("hist101");
    item.mutable_submission()->set_author("student1");
    item.mutable_submission()->set_text(fresh("A batched essay "));
    stream->Write(item);
    stream->WritesDone();
    v1::BatchCreateSubmissionsResponse reply;
    bool got = stream->Read(&reply);
    grpc::Status status = stream->Finish();
    if (!status.ok() || !got) return status.error_code();
    return reply.has_error() ? static_cast<StatusCode>(reply.error().code())
                             : StatusCode::OK;
  };
  calls["marginalia.v1.ScoringService/ScoreText"] = [=](const std::string& t) {
    v1::ScoreTextRequest r;
    r.set_text("An essay.");
    v1::ScoreTextResponse o;
    return scoring_->ScoreText(Ctx(t).get(), r, &o).error_code();
  };
  calls[B + "ListRubrics"] = [=](const std::string& t) {
    v1::ListRubricsResponse o;
    return rubrics_->ListRubrics(Ctx(t).get(), {}, &o).error_code();
  };
  calls[B + "GetRubric"] = [=](const std::string& t) {
    v1::GetRubricRequest r;
    r.set_id("history-essay");
    v1::GetRubricResponse o;
    return rubrics_->GetRubric(Ctx(t).get(), r, &o).error_code();
  };
  // The rubric BuildWorld installed for course hist.
  calls[B + "GetRubric(course)"] = [=](const std::string& t) {
    v1::GetRubricRequest r;
    r.set_id("hist/short-essay");
    v1::GetRubricResponse o;
    return rubrics_->GetRubric(Ctx(t).get(), r, &o).error_code();
  };
  calls[B + "ListRubrics(course)"] = [=](const std::string& t) {
    v1::ListRubricsRequest r;
    r.set_all_versions(true);
    v1::ListRubricsResponse o;
    grpc::Status status = rubrics_->ListRubrics(Ctx(t).get(), r, &o);
    if (!status.ok()) return status.error_code();
    for (const v1::RubricInfo& info : o.rubrics()) {
      if (info.id() == "hist/short-essay") return StatusCode::OK;
    }
    return StatusCode::NOT_FOUND;
  };
  calls[B + "ValidateRubric"] = [=](const std::string& t) {
    v1::ValidateRubricRequest r;
    r.set_text("id: \"x\"");
    v1::ValidateRubricResponse o;
    return rubrics_->ValidateRubric(Ctx(t).get(), r, &o).error_code();
  };
  calls[B + "CreateRubricVersion"] = [=](const std::string& t) {
    v1::CreateRubricVersionRequest r;
    r.set_text(testing::kShortRubric);
    r.set_course_id("hist");
    v1::CreateRubricVersionResponse o;
    return rubrics_->CreateRubricVersion(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "CreateComment"] = [=](const std::string& t) {
    v1::CreateCommentRequest r;  // a reply in the released thread
    r.set_parent_id(comment1_);
    r.set_body("Thank you.");
    v1::CreateCommentResponse o;
    return review_->CreateComment(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "ListComments"] = [=](const std::string& t) {
    v1::ListCommentsRequest r;
    r.set_submission_id(sub1_);
    v1::ListCommentsResponse o;
    return review_->ListComments(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "ResolveComment"] = [=](const std::string& t) {
    v1::ResolveCommentRequest r;
    r.set_comment_id(comment1_);
    v1::ResolveCommentResponse o;
    return review_->ResolveComment(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "ReopenComment"] = [=](const std::string& t) {
    v1::ReopenCommentRequest r;
    r.set_comment_id(comment1_);
    v1::ReopenCommentResponse o;
    return review_->ReopenComment(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "AllocatePeerReviews"] = [=](const std::string& t) {
    v1::AllocatePeerReviewsRequest r;
    r.set_assignment_id("hist101");
    v1::AllocatePeerReviewsResponse o;
    return review_->AllocatePeerReviews(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "ListReviewTasks"] = [=](const std::string& t) {
    v1::ListReviewTasksRequest r;
    r.set_assignment_id("hist101");
    r.set_reviewer("student1");
    v1::ListReviewTasksResponse o;
    return review_->ListReviewTasks(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "GetReviewTask"] = [=](const std::string& t) {
    v1::GetReviewTaskRequest r;
    r.set_task_id(task1_);
    v1::GetReviewTaskResponse o;
    return review_->GetReviewTask(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "SubmitReview"] = [=](const std::string& t) {
    v1::GetRubricRequest get;
    get.set_id("history-essay");
    get.set_version(1);
    v1::GetRubricResponse rubric;
    EXPECT_TRUE(
        rubrics_->GetRubric(Ctx(Token("admin")).get(), get, &rubric).ok());
    v1::SubmitReviewRequest r;
    r.set_task_id(task1_);
    for (const v1::Criterion& criterion : rubric.rubric().criteria()) {
      v1::CriterionReviewScore* score = r.add_scores();
      score->set_criterion_id(criterion.id());
      score->set_level(1);
    }
    v1::SubmitReviewResponse o;
    return review_->SubmitReview(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "ListReviews"] = [=](const std::string& t) {
    v1::ListReviewsRequest r;
    r.set_submission_id(sub1_);
    v1::ListReviewsResponse o;
    return review_->ListReviews(Ctx(t).get(), r, &o).error_code();
  };
  calls[R + "GetPeerSummary"] = [=](const std::string& t) {
    v1::GetPeerSummaryRequest r;
    r.set_submission_id(sub1_);
    v1::GetPeerSummaryResponse o;
    return review_->GetPeerSummary(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "SetCriterionScore"] = [=](const std::string& t) {
    v1::SetCriterionScoreRequest r;
    r.set_submission_id(sub1_);
    r.set_criterion_id("structure");
    r.set_score(20);
    r.set_reason("clear roadmap");
    v1::SetCriterionScoreResponse o;
    return grade_->SetCriterionScore(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "SetFinalGrade"] = [=](const std::string& t) {
    v1::SetFinalGradeRequest r;
    r.set_submission_id(sub1_);
    r.set_score(21);
    r.set_reason("moderated");
    v1::SetFinalGradeResponse o;
    return grade_->SetFinalGrade(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "GetGrade"] = [=](const std::string& t) {
    v1::GetGradeRequest r;
    r.set_submission_id(sub1_);
    v1::GetGradeResponse o;
    return grade_->GetGrade(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "ReleaseFeedback"] = [=](const std::string& t) {
    v1::ReleaseFeedbackRequest r;
    r.set_submission_id(sub1_);
    v1::ReleaseFeedbackResponse o;
    return grade_->ReleaseFeedback(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "ExportGrades"] = [=](const std::string& t) {
    v1::ExportGradesRequest r;
    r.set_assignment_id("hist101");
    r.set_format(v1::EXPORT_FORMAT_CSV);
    v1::ExportGradesResponse o;
    return grade_->ExportGrades(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "ListAuditEvents"] = [=](const std::string& t) {
    v1::ListAuditEventsRequest r;
    r.set_submission_id(sub1_);
    v1::ListAuditEventsResponse o;
    return grade_->ListAuditEvents(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "ListAuditEvents(site)"] = [=](const std::string& t) {
    v1::ListAuditEventsResponse o;
    return grade_->ListAuditEvents(Ctx(t).get(), {}, &o).error_code();
  };
  calls[G + "GetAgreement"] = [=](const std::string& t) {
    v1::GetAgreementRequest r;
    r.set_assignment_id("hist101");
    v1::GetAgreementResponse o;
    return grade_->GetAgreement(Ctx(t).get(), r, &o).error_code();
  };
  calls[G + "ListTutorQueue"] = [=](const std::string& t) {
    v1::ListTutorQueueRequest r;
    r.set_assignment_id("hist101");
    v1::ListTutorQueueResponse o;
    return grade_->ListTutorQueue(Ctx(t).get(), r, &o).error_code();
  };
  return calls;
}

// Expected codes per role, in the order of kRoles.
const std::map<std::string, std::string>& Expected() {
  static const auto* expected = new std::map<std::string, std::string>{
      //                                          n b a t o o p o
      //                                          o a d u t w e u
      {"AdminService/CreateUser", /*         */ "UUODDDDD"},
      {"AdminService/GetUser", /*            */ "UUOODODD"},
      {"AdminService/ListUsers", /*          */ "UUODDDDD"},
      {"AdminService/GetCurrentUser", /*     */ "UUOOOOOO"},
      {"AdminService/CreateCourse", /*       */ "UUODDDDD"},
      {"AdminService/ListCourses", /*        */ "UUOOOOOO"},
      {"AdminService/CreateAssignment", /*   */ "UUOONDDN"},
      {"AdminService/GetAssignment", /*      */ "UUOONOON"},
      {"AdminService/ListAssignments", /*    */ "UUOONOON"},
      {"AdminService/UpdateAssignmentRubric", "UUOONDDN"},
      {"AdminService/SetDraftLock", /*       */ "UUOONDDN"},
      {"AdminService/GrantExtension", /*     */ "UUOONDDN"},
      {"AdminService/CreateEnrolment", /*    */ "UUONNDDN"},
      {"AdminService/CreateEnrolment(member)", "UUOONDDN"},
      {"AdminService/ListEnrolments", /*     */ "UUOONDDN"},
      {"AdminService/CreateToken", /*        */ "UUODDODD"},
      {"AdminService/ListTokens", /*         */ "UUODDODD"},
      {"AdminService/RevokeToken", /*        */ "UUONNONN"},
      {"SubmissionService/CreateSubmission", "UUOONODN"},
      {"SubmissionService/GetSubmission", /* */ "UUOONONN"},
      {"SubmissionService/ListSubmissions", "UUOONODN"},
      {"SubmissionService/GetFeedback", /*   */ "UUOONONN"},
      {"SubmissionService/BatchCreateSubmissions", "UUOONODN"},
      {"ScoringService/ScoreText", /*        */ "UUOOOOOO"},
      {"RubricService/ListRubrics", /*       */ "UUOOOOOO"},
      {"RubricService/GetRubric", /*         */ "UUOOOOOO"},
      {"RubricService/ListRubrics(course)", "UUOONOON"},
      {"RubricService/GetRubric(course)", /* */ "UUOONOON"},
      {"RubricService/ValidateRubric", /*    */ "UUOOOOOO"},
      {"RubricService/CreateRubricVersion", "UUOONDDN"},
      {"ReviewService/CreateComment", /*     */ "UUOONONN"},
      {"ReviewService/ListComments", /*      */ "UUOONONN"},
      {"ReviewService/ResolveComment", /*    */ "UUOONONN"},
      {"ReviewService/ReopenComment", /*     */ "UUOONONN"},
      {"ReviewService/AllocatePeerReviews", "UUOONDDN"},
      {"ReviewService/ListReviewTasks", /*   */ "UUOONODN"},
      {"ReviewService/GetReviewTask", /*     */ "UUOONONN"},
      {"ReviewService/SubmitReview", /*      */ "UUDDNONN"},
      {"ReviewService/ListReviews", /*       */ "UUOONONN"},
      {"ReviewService/GetPeerSummary", /*    */ "UUOONONN"},
      {"GradeService/SetCriterionScore", /*  */ "UUOONDNN"},
      {"GradeService/SetFinalGrade", /*      */ "UUOONDNN"},
      {"GradeService/GetGrade", /*           */ "UUOONONN"},
      {"GradeService/ReleaseFeedback", /*    */ "UUOONDNN"},
      {"GradeService/ExportGrades", /*       */ "UUOONDDN"},
      {"GradeService/ListAuditEvents", /*    */ "UUOONDNN"},
      {"GradeService/ListAuditEvents(site)", "UUODDDDD"},
      {"GradeService/GetAgreement", /*       */ "UUOONDDN"},
      {"GradeService/ListTutorQueue", /*     */ "UUOONDDN"},
  };
  return *expected;
}

TEST_F(AuthorizationMatrixTest, EveryRpcGivesTheExactCodeForEveryRole) {
  auto calls = Calls();
  std::set<std::string> covered;
  for (const auto& [short_name, expected] : Expected()) {
    std::string method = "marginalia.v1." + short_name;
    ASSERT_TRUE(calls.count(method)) << "no call for " << method;
    covered.insert(method);
    std::string got;
    for (const char* role : kRoles) got += Letter(calls[method](Token(role)));
    EXPECT_EQ(got, expected)
        << method << "\n  roles     none,bad,admin,tutor,other,owner,peer,"
        << "outsider";
  }
  EXPECT_EQ(covered.size(), calls.size());
}

// Someone outside a course cannot tell its assignments from missing ones:
// the same code and the same message.
TEST_F(AuthorizationMatrixTest, OutsidersCannotTellAnAssignmentFromNone) {
  for (const char* role : {"other", "outsider"}) {
    v1::GetAssignmentRequest real, missing;
    real.set_id("hist101");
    missing.set_id("nope");
    v1::GetAssignmentResponse o;
    grpc::Status a = admin_->GetAssignment(Ctx(Token(role)).get(), real, &o);
    grpc::Status b = admin_->GetAssignment(Ctx(Token(role)).get(), missing, &o);
    EXPECT_EQ(a.error_code(), grpc::StatusCode::NOT_FOUND) << role;
    EXPECT_EQ(b.error_code(), grpc::StatusCode::NOT_FOUND) << role;
    EXPECT_EQ(a.error_message(), "no assignment with id 'hist101'") << role;
    EXPECT_EQ(b.error_message(), "no assignment with id 'nope'") << role;
  }
}

// Every method the API declares has a row above.
TEST_F(AuthorizationMatrixTest, TheMatrixCoversEveryRpc) {
  for (const auto* descriptor :
       {v1::CreateUserRequest::descriptor(), v1::GetGradeRequest::descriptor(),
        v1::CreateCommentRequest::descriptor(),
        v1::ListRubricsRequest::descriptor(),
        v1::ScoreTextRequest::descriptor(),
        v1::CreateSubmissionRequest::descriptor()}) {
    const auto* file = descriptor->file();
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        std::string name = file->service(s)->name() + "/" +
                           file->service(s)->method(m)->name();
        EXPECT_TRUE(Expected().count(name)) << name << " is not in the matrix";
      }
    }
  }
}

// What each reader sees of a submission through every read path, before
// and after release (server/core/visibility.h decides it). The assignment
// holds engine feedback until release; student2's submission is held,
// student1's (sub1_) released, and each has a tutor comment and a peer
// review. Columns: the tutor on the held one, the tutor on the released
// one, its author on the held one, its author on the released one.
// S: shown; -: withheld; x: does not apply (a new submission is held).
const std::map<std::string, std::string>& ExpectedVisibility() {
  static const auto* expected = new std::map<std::string, std::string>{
      //                                      t t o o
      //                                      h r h r
      {"CreateSubmission", /*            */ "Sx-x"},
      {"BatchCreateSubmissions", /*      */ "Sx-x"},
      {"GetSubmission", /*               */ "SS-S"},
      {"ListSubmissions", /*             */ "SS-S"},
      {"GetFeedback.submission", /*      */ "SS-S"},
      {"GetFeedback.report", /*          */ "SS-S"},
      {"GetFeedback.grade", /*           */ "SS-S"},
      {"GetGrade", /*                    */ "SS-S"},
      {"ListComments", /*                */ "SS-S"},
      {"ListReviews", /*                 */ "SS-S"},
      {"GetPeerSummary", /*              */ "SS-S"},
  };
  return *expected;
}

class VisibilityMatrixTest : public AuthorizationMatrixTest {
 protected:
  using Probe =
      std::function<bool(const std::string& token, const std::string& id)>;

  // Finds student2's (held) submission, comments on it, and has one peer
  // review each of it and of sub1_.
  void BuildHeldSubmission();
  std::map<std::string, Probe> Probes();

  std::string held_;
};

void VisibilityMatrixTest::BuildHeldSubmission() {
  v1::ListSubmissionsRequest mine;
  mine.set_assignment_id("hist101");
  mine.set_author("student2");
  v1::ListSubmissionsResponse listed;
  ASSERT_TRUE(
      submissions_->ListSubmissions(Ctx(Token("tutor")).get(), mine, &listed)
          .ok());
  ASSERT_EQ(listed.submissions_size(), 1);
  held_ = listed.submissions(0).id();
  v1::CreateCommentRequest comment;
  comment.set_submission_id(held_);
  comment.mutable_anchor()->set_whole(true);
  comment.set_body("Better.");
  v1::CreateCommentResponse commented;
  ASSERT_TRUE(
      review_->CreateComment(Ctx(Token("tutor")).get(), comment, &commented)
          .ok());
  const std::map<std::string, std::string> token_of = {
      {"student1", Token("owner")},
      {"student2", Token("peer")},
      {"student3", course_.students[2].token}};
  v1::ListReviewTasksRequest list;
  list.set_assignment_id("hist101");
  v1::ListReviewTasksResponse tasks;
  ASSERT_TRUE(
      review_->ListReviewTasks(Ctx(Token("tutor")).get(), list, &tasks).ok());
  std::set<std::string> reviewed;
  for (const v1::ReviewTask& task : tasks.tasks()) {
    if (task.submission_id() != sub1_ && task.submission_id() != held_) {
      continue;
    }
    if (!reviewed.insert(task.submission_id()).second) continue;
    v1::SubmitReviewRequest r;
    r.set_task_id(task.id());
    for (const char* criterion :
         {"structure", "comparison", "evidence", "citations", "mechanics"}) {
      v1::CriterionReviewScore* score = r.add_scores();
      score->set_criterion_id(criterion);
      score->set_level(2);
    }
    v1::SubmitReviewResponse o;
    ASSERT_TRUE(
        review_->SubmitReview(Ctx(token_of.at(task.reviewer())).get(), r, &o)
            .ok());
  }
  ASSERT_EQ(reviewed.size(), 2u);
}

std::map<std::string, VisibilityMatrixTest::Probe>
VisibilityMatrixTest::Probes() {
  std::map<std::string, Probe> probes;
  auto feedback = [this](const std::string& t, const std::string& id) {
    v1::GetFeedbackRequest r;
    r.set_submission_id(id);
    v1::GetFeedbackResponse o;
    EXPECT_TRUE(submissions_->GetFeedback(Ctx(t).get(), r, &o).ok());
    return o;
  };
  probes["CreateSubmission"] = [this](const std::string& t,
                                      const std::string&) {
    v1::CreateSubmissionRequest r;
    r.set_assignment_id("hist101");
    if (t == Token("tutor")) r.set_author("student1");
    r.set_text(testing::SampleEssay() + "\n" + t.substr(0, 8));
    v1::CreateSubmissionResponse o;
    EXPECT_TRUE(submissions_->CreateSubmission(Ctx(t).get(), r, &o).ok());
    return o.submission().total_score() > 0;
  };
  probes["BatchCreateSubmissions"] = [this](const std::string& t,
                                            const std::string&) {
    auto context = Ctx(t);
    auto stream = submissions_->BatchCreateSubmissions(context.get());
    v1::BatchCreateSubmissionsRequest item;
    item.mutable_submission()->set_assignment_id("hist101");
    if (t == Token("tutor")) item.mutable_submission()->set_author("student1");
    item.mutable_submission()->set_text(testing::SampleEssay() + "\nBatch " +
                                        t.substr(0, 8));
    item.set_include_report(true);
    stream->Write(item);
    stream->WritesDone();
    v1::BatchCreateSubmissionsResponse reply;
    EXPECT_TRUE(stream->Read(&reply));
    EXPECT_TRUE(stream->Finish().ok());
    return reply.submission().total_score() > 0 || reply.has_report();
  };
  probes["GetSubmission"] = [this](const std::string& t,
                                   const std::string& id) {
    v1::GetSubmissionRequest r;
    r.set_id(id);
    v1::GetSubmissionResponse o;
    EXPECT_TRUE(submissions_->GetSubmission(Ctx(t).get(), r, &o).ok());
    return o.submission().total_score() > 0;
  };
  probes["ListSubmissions"] = [this](const std::string& t,
                                     const std::string& id) {
    v1::ListSubmissionsRequest r;
    r.set_assignment_id("hist101");
    v1::ListSubmissionsResponse o;
    EXPECT_TRUE(submissions_->ListSubmissions(Ctx(t).get(), r, &o).ok());
    for (const v1::Submission& s : o.submissions()) {
      if (s.id() == id) return s.total_score() > 0;
    }
    ADD_FAILURE() << id << " not listed";
    return false;
  };
  probes["GetFeedback.submission"] = [=](const std::string& t,
                                         const std::string& id) {
    return feedback(t, id).submission().total_score() > 0;
  };
  probes["GetFeedback.report"] = [=](const std::string& t,
                                     const std::string& id) {
    return feedback(t, id).report().criteria_size() > 0;
  };
  probes["GetFeedback.grade"] = [=](const std::string& t,
                                    const std::string& id) {
    return feedback(t, id).grade().total() > 0;
  };
  probes["GetGrade"] = [this](const std::string& t, const std::string& id) {
    v1::GetGradeRequest r;
    r.set_submission_id(id);
    v1::GetGradeResponse o;
    EXPECT_TRUE(grade_->GetGrade(Ctx(t).get(), r, &o).ok());
    return o.grade().total() > 0;
  };
  probes["ListComments"] = [this](const std::string& t, const std::string& id) {
    v1::ListCommentsRequest r;
    r.set_submission_id(id);
    v1::ListCommentsResponse o;
    EXPECT_TRUE(review_->ListComments(Ctx(t).get(), r, &o).ok());
    return o.comments_size() > 0;
  };
  probes["ListReviews"] = [this](const std::string& t, const std::string& id) {
    v1::ListReviewsRequest r;
    r.set_submission_id(id);
    v1::ListReviewsResponse o;
    EXPECT_TRUE(review_->ListReviews(Ctx(t).get(), r, &o).ok());
    return o.reviews_size() > 0;
  };
  probes["GetPeerSummary"] = [this](const std::string& t,
                                    const std::string& id) {
    v1::GetPeerSummaryRequest r;
    r.set_submission_id(id);
    v1::GetPeerSummaryResponse o;
    EXPECT_TRUE(review_->GetPeerSummary(Ctx(t).get(), r, &o).ok());
    return o.summary().reviews() > 0;
  };
  return probes;
}

TEST_F(VisibilityMatrixTest, EveryReadPathShowsWhatThePolicyAllows) {
  BuildHeldSubmission();
  std::map<std::string, Probe> probes = Probes();
  EXPECT_EQ(probes.size(), ExpectedVisibility().size());
  const std::pair<std::string, std::string> columns[] = {
      {Token("tutor"), held_},
      {Token("tutor"), sub1_},
      {Token("peer"), held_},  // student2 wrote the held one
      {Token("owner"), sub1_}};
  for (const auto& [path, expected] : ExpectedVisibility()) {
    ASSERT_TRUE(probes.count(path)) << "no probe for " << path;
    std::string got;
    for (std::size_t c = 0; c < 4; ++c) {
      if (expected[c] == 'x') {
        got += 'x';
        continue;
      }
      got += probes[path](columns[c].first, columns[c].second) ? 'S' : '-';
    }
    EXPECT_EQ(got, expected)
        << path << "\n  columns   tutor/held, tutor/released, owner/held, "
        << "owner/released";
  }
}

}  // namespace
}  // namespace marginalia
