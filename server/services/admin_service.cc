#include "server/services/admin_service.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/services/call_limits.h"
#include "server/services/handler.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

std::string Method(absl::string_view name) {
  return absl::StrCat("marginalia.v1.AdminService/", name);
}

}  // namespace

grpc::Status AdminServiceImpl::CreateUser(grpc::ServerContext* context,
                                          const v1::CreateUserRequest* request,
                                          v1::CreateUserResponse* response) {
  return Handle(*auth_, context, Method("CreateUser"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_user(),
                      directory_->CreateUser(access, request->user()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::GetUser(grpc::ServerContext* context,
                                       const v1::GetUserRequest* request,
                                       v1::GetUserResponse* response) {
  return Handle(*auth_, context, Method("GetUser"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response->mutable_user(),
                                   store_->GetUser(request->id()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::ListUsers(grpc::ServerContext* context,
                                         const v1::ListUsersRequest* request,
                                         v1::ListUsersResponse* response) {
  return Handle(*auth_, context, Method("ListUsers"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(Page<v1::User> page,
                                   store_->ListUsers({request->page_size(),
                                                      request->page_token()}));
                  for (v1::User& user : page.items) {
                    *response->add_users() = std::move(user);
                  }
                  response->set_next_page_token(page.next_page_token);
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::GetCurrentUser(
    grpc::ServerContext* context, const v1::GetCurrentUserRequest* request,
    v1::GetCurrentUserResponse* response) {
  return Handle(*auth_, context, Method("GetCurrentUser"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   directory_->CurrentUser(access.caller));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::CreateCourse(
    grpc::ServerContext* context, const v1::CreateCourseRequest* request,
    v1::CreateCourseResponse* response) {
  return Handle(*auth_, context, Method("CreateCourse"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_course(),
                      directory_->CreateCourse(access, request->course()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::ListCourses(
    grpc::ServerContext* context, const v1::ListCoursesRequest* request,
    v1::ListCoursesResponse* response) {
  return Handle(*auth_, context, Method("ListCourses"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   directory_->ListCourses(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::CreateAssignment(
    grpc::ServerContext* context, const v1::CreateAssignmentRequest* request,
    v1::CreateAssignmentResponse* response) {
  return Handle(*auth_, context, Method("CreateAssignment"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response->mutable_assignment(),
                                   assignments_->Create(request->assignment()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::GetAssignment(
    grpc::ServerContext* context, const v1::GetAssignmentRequest* request,
    v1::GetAssignmentResponse* response) {
  return Handle(*auth_, context, Method("GetAssignment"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response->mutable_assignment(),
                                   store_->GetAssignment(request->id()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::ListAssignments(
    grpc::ServerContext* context, const v1::ListAssignmentsRequest* request,
    v1::ListAssignmentsResponse* response) {
  return Handle(*auth_, context, Method("ListAssignments"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      Page<v1::Assignment> page,
                      store_->ListAssignments(
                          request->course_id(),
                          {request->page_size(), request->page_token()}));
                  for (v1::Assignment& assignment : page.items) {
                    *response->add_assignments() = std::move(assignment);
                  }
                  response->set_next_page_token(page.next_page_token);
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::UpdateAssignmentRubric(
    grpc::ServerContext* context,
    const v1::UpdateAssignmentRubricRequest* request,
    v1::UpdateAssignmentRubricResponse* response) {
  return Handle(*auth_, context, Method("UpdateAssignmentRubric"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response, assignments_->MoveRubric(
                                                  access, *request,
                                                  CallScoreLimits(context)));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::SetDraftLock(
    grpc::ServerContext* context, const v1::SetDraftLockRequest* request,
    v1::SetDraftLockResponse* response) {
  return Handle(*auth_, context, Method("SetDraftLock"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_assignment(),
                      assignments_->SetDraftLock(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::GrantExtension(
    grpc::ServerContext* context, const v1::GrantExtensionRequest* request,
    v1::GrantExtensionResponse* response) {
  return Handle(*auth_, context, Method("GrantExtension"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_extension(),
                      assignments_->GrantExtension(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::CreateEnrolment(
    grpc::ServerContext* context, const v1::CreateEnrolmentRequest* request,
    v1::CreateEnrolmentResponse* response) {
  return Handle(*auth_, context, Method("CreateEnrolment"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_enrolment(),
                      directory_->Enrol(access, request->enrolment()));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::ListEnrolments(
    grpc::ServerContext* context, const v1::ListEnrolmentsRequest* request,
    v1::ListEnrolmentsResponse* response) {
  return Handle(*auth_, context, Method("ListEnrolments"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      Page<v1::Enrolment> page,
                      store_->ListEnrolments(
                          request->course_id(),
                          {request->page_size(), request->page_token()}));
                  for (v1::Enrolment& enrolment : page.items) {
                    *response->add_enrolments() = std::move(enrolment);
                  }
                  response->set_next_page_token(page.next_page_token);
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::CreateToken(
    grpc::ServerContext* context, const v1::CreateTokenRequest* request,
    v1::CreateTokenResponse* response) {
  return Handle(*auth_, context, Method("CreateToken"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   directory_->CreateToken(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::ListTokens(grpc::ServerContext* context,
                                          const v1::ListTokensRequest* request,
                                          v1::ListTokensResponse* response) {
  return Handle(*auth_, context, Method("ListTokens"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   directory_->ListTokens(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status AdminServiceImpl::RevokeToken(
    grpc::ServerContext* context, const v1::RevokeTokenRequest* request,
    v1::RevokeTokenResponse* response) {
  return Handle(*auth_, context, Method("RevokeToken"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_token(),
                      directory_->RevokeToken(access, request->token_id()));
                  return absl::OkStatus();
                });
}

}  // namespace marginalia::server
