// gRPC adapter of RubricService: list, read, add a version, validate.
#pragma once

#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "server/core/rubric_catalog.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"

namespace marginalia::server {

class RubricServiceImpl final : public marginalia::v1::RubricService::Service {
 public:
  // Every pointer must outlive the service.
  RubricServiceImpl(CallAuth* auth, RubricCatalog* catalog, Store* store)
      : auth_(auth), catalog_(catalog), store_(store) {}

  grpc::Status ListRubrics(
      grpc::ServerContext* context,
      const marginalia::v1::ListRubricsRequest* request,
      marginalia::v1::ListRubricsResponse* response) override;
  grpc::Status GetRubric(grpc::ServerContext* context,
                         const marginalia::v1::GetRubricRequest* request,
                         marginalia::v1::GetRubricResponse* response) override;
  grpc::Status CreateRubricVersion(
      grpc::ServerContext* context,
      const marginalia::v1::CreateRubricVersionRequest* request,
      marginalia::v1::CreateRubricVersionResponse* response) override;
  grpc::Status ValidateRubric(
      grpc::ServerContext* context,
      const marginalia::v1::ValidateRubricRequest* request,
      marginalia::v1::ValidateRubricResponse* response) override;

 private:
  CallAuth* auth_;
  RubricCatalog* catalog_;
  Store* store_;
};

}  // namespace marginalia::server
