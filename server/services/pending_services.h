// Services whose RPCs a later milestone implements (the review workflow).
// Every RPC answers UNIMPLEMENTED with a message naming it, so clients and
// reflection already see the whole API.
#pragma once

#include "marginalia/v1/admin.grpc.pb.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"
#include "server/services/grpc_status.h"

// Declares an RPC Method(MethodRequest) -> MethodResponse that is not built.
#define MARGINALIA_PENDING_RPC(Service, Method)                      \
  grpc::Status Method(grpc::ServerContext*,                          \
                      const marginalia::v1::Method##Request*,        \
                      marginalia::v1::Method##Response*) override {  \
    return NotYetImplemented("marginalia.v1." #Service "/" #Method); \
  }

namespace marginalia::server {

class PendingReviewService final
    : public marginalia::v1::ReviewService::Service {
 public:
  MARGINALIA_PENDING_RPC(ReviewService, CreateComment)
  MARGINALIA_PENDING_RPC(ReviewService, ListComments)
  MARGINALIA_PENDING_RPC(ReviewService, ResolveComment)
  MARGINALIA_PENDING_RPC(ReviewService, ReopenComment)
  MARGINALIA_PENDING_RPC(ReviewService, AllocatePeerReviews)
  MARGINALIA_PENDING_RPC(ReviewService, ListReviewTasks)
  MARGINALIA_PENDING_RPC(ReviewService, GetReviewTask)
  MARGINALIA_PENDING_RPC(ReviewService, SubmitReview)
  MARGINALIA_PENDING_RPC(ReviewService, ListReviews)
  MARGINALIA_PENDING_RPC(ReviewService, GetPeerSummary)
};

class PendingGradeService final : public marginalia::v1::GradeService::Service {
 public:
  MARGINALIA_PENDING_RPC(GradeService, SetCriterionScore)
  MARGINALIA_PENDING_RPC(GradeService, SetFinalGrade)
  MARGINALIA_PENDING_RPC(GradeService, GetGrade)
  MARGINALIA_PENDING_RPC(GradeService, ReleaseFeedback)
  MARGINALIA_PENDING_RPC(GradeService, ExportGrades)
  MARGINALIA_PENDING_RPC(GradeService, ListAuditEvents)
  MARGINALIA_PENDING_RPC(GradeService, GetAgreement)
  MARGINALIA_PENDING_RPC(GradeService, ListTutorQueue)
};

class PendingAdminService final : public marginalia::v1::AdminService::Service {
 public:
  MARGINALIA_PENDING_RPC(AdminService, CreateUser)
  MARGINALIA_PENDING_RPC(AdminService, GetUser)
  MARGINALIA_PENDING_RPC(AdminService, ListUsers)
  MARGINALIA_PENDING_RPC(AdminService, GetCurrentUser)
  MARGINALIA_PENDING_RPC(AdminService, CreateCourse)
  MARGINALIA_PENDING_RPC(AdminService, ListCourses)
  MARGINALIA_PENDING_RPC(AdminService, CreateAssignment)
  MARGINALIA_PENDING_RPC(AdminService, GetAssignment)
  MARGINALIA_PENDING_RPC(AdminService, ListAssignments)
  MARGINALIA_PENDING_RPC(AdminService, UpdateAssignmentRubric)
  MARGINALIA_PENDING_RPC(AdminService, CreateEnrolment)
  MARGINALIA_PENDING_RPC(AdminService, ListEnrolments)
  MARGINALIA_PENDING_RPC(AdminService, CreateToken)
  MARGINALIA_PENDING_RPC(AdminService, ListTokens)
  MARGINALIA_PENDING_RPC(AdminService, RevokeToken)
};

}  // namespace marginalia::server

#undef MARGINALIA_PENDING_RPC
