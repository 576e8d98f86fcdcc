#include "server/services/grade_service.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/services/handler.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

std::string Method(absl::string_view name) {
  return absl::StrCat("marginalia.v1.GradeService/", name);
}

}  // namespace

grpc::Status GradeServiceImpl::SetCriterionScore(
    grpc::ServerContext* context, const v1::SetCriterionScoreRequest* request,
    v1::SetCriterionScoreResponse* response) {
  return Handle(*auth_, context, Method("SetCriterionScore"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_grade(),
                      grading_->SetCriterionScore(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::SetFinalGrade(
    grpc::ServerContext* context, const v1::SetFinalGradeRequest* request,
    v1::SetFinalGradeResponse* response) {
  return Handle(*auth_, context, Method("SetFinalGrade"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response->mutable_grade(),
                                   grading_->SetFinalGrade(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::GetGrade(grpc::ServerContext* context,
                                        const v1::GetGradeRequest* request,
                                        v1::GetGradeResponse* response) {
  return Handle(*auth_, context, Method("GetGrade"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_grade(),
                      grading_->Get(access, request->submission_id()));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::ReleaseFeedback(
    grpc::ServerContext* context, const v1::ReleaseFeedbackRequest* request,
    v1::ReleaseFeedbackResponse* response) {
  return Handle(*auth_, context, Method("ReleaseFeedback"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(int released,
                                   grading_->Release(access, *request));
                  response->set_released(released);
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::ExportGrades(
    grpc::ServerContext* context, const v1::ExportGradesRequest* request,
    v1::ExportGradesResponse* response) {
  return Handle(*auth_, context, Method("ExportGrades"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   gradebook_->Export(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::ListAuditEvents(
    grpc::ServerContext* context, const v1::ListAuditEventsRequest* request,
    v1::ListAuditEventsResponse* response) {
  return Handle(*auth_, context, Method("ListAuditEvents"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   grading_->ListAuditEvents(*request));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::GetAgreement(
    grpc::ServerContext* context, const v1::GetAgreementRequest* request,
    v1::GetAgreementResponse* response) {
  return Handle(*auth_, context, Method("GetAgreement"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   stats_->Agreement(request->assignment_id()));
                  return absl::OkStatus();
                });
}

grpc::Status GradeServiceImpl::ListTutorQueue(
    grpc::ServerContext* context, const v1::ListTutorQueueRequest* request,
    v1::ListTutorQueueResponse* response) {
  return Handle(*auth_, context, Method("ListTutorQueue"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response, stats_->TutorQueue(request->assignment_id()));
                  return absl::OkStatus();
                });
}

}  // namespace marginalia::server
