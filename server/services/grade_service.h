// gRPC adapter of GradeService: overrides, final grades, release, export,
// audit, agreement and the tutor's queue. Every handler goes through the
// access policy first.
#pragma once

#include "marginalia/v1/grade.grpc.pb.h"
#include "server/core/gradebook.h"
#include "server/core/grading.h"
#include "server/core/peer_stats.h"
#include "server/services/call_auth.h"

namespace marginalia::server {

#define MARGINALIA_RPC(Method)                                        \
  grpc::Status Method(grpc::ServerContext* context,                   \
                      const marginalia::v1::Method##Request* request, \
                      marginalia::v1::Method##Response* response) override

// GradeService over Grading, Gradebook and PeerStats.
class GradeServiceImpl final : public marginalia::v1::GradeService::Service {
 public:
  // Every pointer must outlive the service.
  GradeServiceImpl(CallAuth* auth, Grading* grading, Gradebook* gradebook,
                   PeerStats* stats)
      : auth_(auth), grading_(grading), gradebook_(gradebook), stats_(stats) {}

  MARGINALIA_RPC(SetCriterionScore);
  MARGINALIA_RPC(SetFinalGrade);
  MARGINALIA_RPC(GetGrade);
  MARGINALIA_RPC(ReleaseFeedback);
  MARGINALIA_RPC(ExportGrades);
  MARGINALIA_RPC(ListAuditEvents);
  MARGINALIA_RPC(GetAgreement);
  MARGINALIA_RPC(ListTutorQueue);

 private:
  CallAuth* auth_;
  Grading* grading_;
  Gradebook* gradebook_;
  PeerStats* stats_;
};

#undef MARGINALIA_RPC

}  // namespace marginalia::server
