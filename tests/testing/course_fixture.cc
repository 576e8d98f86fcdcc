#include "tests/testing/course_fixture.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "tests/testing/test_server.h"

namespace marginalia::testing {
namespace {

namespace v1 = ::marginalia::v1;

void Check(const grpc::Status& status, const char* what) {
  if (status.ok()) return;
  std::fprintf(stderr, "course fixture: %s failed: %d %s\n", what,
               static_cast<int>(status.error_code()),
               status.error_message().c_str());
  std::abort();
}

}  // namespace

CourseFixture::CourseFixture(std::shared_ptr<grpc::Channel> channel,
                             const std::string& admin_token,
                             CourseOptions options)
    : channel_(std::move(channel)),
      admin_stub_(v1::AdminService::NewStub(channel_)),
      options_(std::move(options)) {
  admin = Person{"admin", admin_token};
  MakeCourse(options_.course_id);
  tutor = MakeUser(options_.tutor_id);
  Enrol(tutor.id, options_.course_id, true);
  for (int i = 1; i <= options_.students; ++i) {
    students.push_back(MakeUser(absl::StrCat(options_.student_prefix, i)));
    Enrol(students.back().id, options_.course_id, false);
  }
  v1::CreateAssignmentRequest assignment;
  v1::Assignment* a = assignment.mutable_assignment();
  a->set_id(options_.assignment_id);
  a->set_course_id(options_.course_id);
  a->set_title("The Soviet model in China");
  a->set_rubric_id("history-essay");
  if (options_.due_unix_seconds > 0) {
    a->mutable_due_time()->set_seconds(options_.due_unix_seconds);
  }
  a->mutable_peer_review()->set_reviews_per_submission(
      options_.reviews_per_submission);
  a->mutable_peer_review()->set_peer_weight(options_.peer_weight);
  a->mutable_peer_review()->set_engine_feedback_immediately(
      options_.engine_feedback_immediately);
  v1::CreateAssignmentResponse made;
  TokenContext as_tutor(tutor.token);
  Check(admin_stub_->CreateAssignment(&as_tutor, assignment, &made),
        "CreateAssignment");
}

void CourseFixture::MakeCourse(const std::string& id) {
  v1::CreateCourseRequest course;
  course.mutable_course()->set_id(id);
  course.mutable_course()->set_title("History");
  v1::CreateCourseResponse created;
  TokenContext context(admin.token);
  Check(admin_stub_->CreateCourse(&context, course, &created), "CreateCourse");
}

Person CourseFixture::MakeUser(const std::string& id, bool is_admin) {
  v1::CreateUserRequest user;
  user.mutable_user()->set_id(id);
  user.mutable_user()->set_display_name(absl::StrCat("User ", id));
  user.mutable_user()->set_email(absl::StrCat(id, "@example.edu"));
  user.mutable_user()->set_admin(is_admin);
  v1::CreateUserResponse created;
  TokenContext c1(admin.token);
  Check(admin_stub_->CreateUser(&c1, user, &created), "CreateUser");
  v1::CreateTokenRequest token;
  token.set_user_id(id);
  v1::CreateTokenResponse made;
  TokenContext c2(admin.token);
  Check(admin_stub_->CreateToken(&c2, token, &made), "CreateToken");
  return Person{id, made.secret()};
}

void CourseFixture::Enrol(const std::string& user, const std::string& course,
                          bool is_tutor) {
  v1::CreateEnrolmentRequest request;
  request.mutable_enrolment()->set_course_id(course);
  request.mutable_enrolment()->set_user_id(user);
  request.mutable_enrolment()->set_role(is_tutor ? v1::COURSE_ROLE_TUTOR
                                                 : v1::COURSE_ROLE_STUDENT);
  v1::CreateEnrolmentResponse response;
  TokenContext context(admin.token);
  Check(admin_stub_->CreateEnrolment(&context, request, &response),
        "CreateEnrolment");
}

std::string CourseFixture::Submit(const Person& who, const std::string& text) {
  auto stub = v1::SubmissionService::NewStub(channel_);
  v1::CreateSubmissionRequest request;
  request.set_assignment_id(options_.assignment_id);
  request.set_text(text);
  v1::CreateSubmissionResponse response;
  TokenContext context(who.token);
  Check(stub->CreateSubmission(&context, request, &response),
        "CreateSubmission");
  return response.submission().id();
}

}  // namespace marginalia::testing
