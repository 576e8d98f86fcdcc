#include "server/core/directory.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/auth/tokens.h"
#include "server/core/field_limits.h"
#include "server/util/quote.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::Status CheckId(absl::string_view field, absl::string_view id) {
  if (id.empty())
    return absl::InvalidArgumentError(absl::StrCat(field, " is required"));
  bool ok = id.size() <= 64;
  for (char c : id) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                c == '_' || c == '-');
  }
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(field, " ", QuotePrefix(id),
                   " is not valid: use 1 to 64 lower-case letters, digits, "
                   "'.', '_' or '-'"));
}

namespace {

absl::string_view RoleName(v1::CourseRole role) {
  switch (role) {
    case v1::COURSE_ROLE_STUDENT:
      return "student";
    case v1::COURSE_ROLE_TUTOR:
      return "tutor";
    default:
      return "";
  }
}

// "ada in hist as student": an enrolment as its audit event shows it.
std::string Placement(const v1::Enrolment& enrolment, v1::CourseRole role) {
  return absl::StrCat(enrolment.user_id(), " in ", enrolment.course_id(),
                      " as ", RoleName(role));
}

}  // namespace

v1::AuditEvent Directory::Event(const Access& access,
                                absl::string_view action) {
  v1::AuditEvent event;
  *event.mutable_time() = ToTimestamp(clock_->Now());
  event.set_actor(access.caller.id());
  event.set_action(std::string(action));
  return event;
}

absl::StatusOr<v1::User> Directory::CreateUser(const Access& access,
                                               v1::User user) {
  RETURN_IF_ERROR(CheckId("user.id", user.id()));
  RETURN_IF_ERROR(CheckLength("user.display_name", user.display_name(),
                              kMaxDisplayNameBytes));
  RETURN_IF_ERROR(CheckLength("user.email", user.email(), kMaxEmailBytes));
  v1::AuditEvent event = Event(access, kUserCreateAction);
  *user.mutable_create_time() = event.time();
  event.set_new_value(UserAuditName(user));
  RETURN_IF_ERROR(store_->CreateUser(user, event));
  return user;
}

absl::StatusOr<v1::GetCurrentUserResponse> Directory::CurrentUser(
    const Caller& caller) {
  v1::GetCurrentUserResponse response;
  *response.mutable_user() = caller.user;
  ASSIGN_OR_RETURN(std::vector<v1::Enrolment> enrolments,
                   store_->ListEnrolmentsOfUser(caller.id()));
  for (v1::Enrolment& enrolment : enrolments) {
    *response.add_enrolments() = std::move(enrolment);
  }
  return response;
}

absl::StatusOr<v1::Course> Directory::CreateCourse(const Access& access,
                                                   v1::Course course) {
  RETURN_IF_ERROR(CheckId("course.id", course.id()));
  RETURN_IF_ERROR(CheckLength("course.title", course.title(), kMaxTitleBytes));
  v1::AuditEvent event = Event(access, kCourseCreateAction);
  *course.mutable_create_time() = event.time();
  event.set_new_value(course.id());
  RETURN_IF_ERROR(store_->CreateCourse(course, event));
  return course;
}

absl::StatusOr<v1::ListCoursesResponse> Directory::ListCourses(
    const Access& access, const v1::ListCoursesRequest& request) {
  std::string member = access.caller.admin() ? "" : access.caller.id();
  ASSIGN_OR_RETURN(
      Page<v1::Course> page,
      store_->ListCourses(member, {request.page_size(), request.page_token()}));
  v1::ListCoursesResponse response;
  for (v1::Course& course : page.items) {
    *response.add_courses() = std::move(course);
  }
  response.set_next_page_token(page.next_page_token);
  return response;
}

absl::StatusOr<v1::Enrolment> Directory::Enrol(const Access& access,
                                               const v1::Enrolment& enrolment) {
  RETURN_IF_ERROR(CheckId("enrolment.user_id", enrolment.user_id()));
  if (enrolment.role() != v1::COURSE_ROLE_STUDENT &&
      enrolment.role() != v1::COURSE_ROLE_TUTOR) {
    return absl::InvalidArgumentError(
        "enrolment.role is required: COURSE_ROLE_STUDENT or COURSE_ROLE_TUTOR");
  }
  RETURN_IF_ERROR(store_->GetUser(enrolment.user_id()).status());
  ASSIGN_OR_RETURN(v1::CourseRole before,
                   store_->GetRole(enrolment.course_id(), enrolment.user_id()));
  v1::AuditEvent event = Event(access, kEnrolAction);
  if (before != v1::COURSE_ROLE_UNSPECIFIED) {
    event.set_old_value(Placement(enrolment, before));
  }
  event.set_new_value(Placement(enrolment, enrolment.role()));
  RETURN_IF_ERROR(store_->PutEnrolment(enrolment, event));
  return enrolment;
}

absl::StatusOr<v1::CreateTokenResponse> Directory::CreateToken(
    const Access& access, const v1::CreateTokenRequest& request) {
  std::string user_id =
      request.user_id().empty() ? access.caller.id() : request.user_id();
  RETURN_IF_ERROR(CheckLength("label", request.label(), kMaxTokenLabelBytes));
  RETURN_IF_ERROR(store_->GetUser(user_id).status());
  ASSIGN_OR_RETURN(IssuedToken issued,
                   MakeToken(user_id, request.label(), *clock_, *ids_));
  v1::AuditEvent event = Event(access, kTokenCreateAction);
  event.set_new_value(TokenAuditName(issued.record.token));
  RETURN_IF_ERROR(store_->CreateToken(issued.record, event));
  v1::CreateTokenResponse response;
  *response.mutable_token() = issued.record.token;
  response.set_secret(issued.secret);
  return response;
}

absl::StatusOr<v1::ListTokensResponse> Directory::ListTokens(
    const Access& access, const v1::ListTokensRequest& request) {
  std::string user_id =
      request.user_id().empty() ? access.caller.id() : request.user_id();
  ASSIGN_OR_RETURN(std::vector<v1::Token> tokens, store_->ListTokens(user_id));
  v1::ListTokensResponse response;
  for (v1::Token& token : tokens) *response.add_tokens() = std::move(token);
  return response;
}

absl::StatusOr<v1::Token> Directory::RevokeToken(const Access& access,
                                                 absl::string_view id) {
  ASSIGN_OR_RETURN(v1::Token token, store_->GetToken(id));
  v1::AuditEvent event = Event(access, kTokenRevokeAction);
  event.set_old_value(TokenAuditName(token));
  event.set_new_value("revoked");
  return store_->RevokeToken(id, event);
}

}  // namespace marginalia::server
