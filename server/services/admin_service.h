// gRPC adapter of AdminService: users, courses, assignments, enrolments and
// tokens. Every handler goes through the access policy first.
#pragma once

#include "marginalia/v1/admin.grpc.pb.h"
#include "server/core/assignments.h"
#include "server/core/directory.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"

namespace marginalia::server {

#define MARGINALIA_RPC(Method)                                        \
  grpc::Status Method(grpc::ServerContext* context,                   \
                      const marginalia::v1::Method##Request* request, \
                      marginalia::v1::Method##Response* response) override

// AdminService over Directory, Assignments and the store.
class AdminServiceImpl final : public marginalia::v1::AdminService::Service {
 public:
  // Every pointer must outlive the service.
  AdminServiceImpl(CallAuth* auth, Directory* directory,
                   Assignments* assignments, Store* store)
      : auth_(auth),
        directory_(directory),
        assignments_(assignments),
        store_(store) {}

  MARGINALIA_RPC(CreateUser);
  MARGINALIA_RPC(GetUser);
  MARGINALIA_RPC(ListUsers);
  MARGINALIA_RPC(GetCurrentUser);
  MARGINALIA_RPC(CreateCourse);
  MARGINALIA_RPC(ListCourses);
  MARGINALIA_RPC(CreateAssignment);
  MARGINALIA_RPC(GetAssignment);
  MARGINALIA_RPC(ListAssignments);
  MARGINALIA_RPC(UpdateAssignmentRubric);
  MARGINALIA_RPC(SetDraftLock);
  MARGINALIA_RPC(GrantExtension);
  MARGINALIA_RPC(CreateEnrolment);
  MARGINALIA_RPC(ListEnrolments);
  MARGINALIA_RPC(CreateToken);
  MARGINALIA_RPC(ListTokens);
  MARGINALIA_RPC(RevokeToken);

 private:
  CallAuth* auth_;
  Directory* directory_;
  Assignments* assignments_;
  Store* store_;
};

#undef MARGINALIA_RPC

}  // namespace marginalia::server
