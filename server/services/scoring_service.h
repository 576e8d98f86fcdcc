// gRPC adapter of ScoringService: score text with a rubric, store nothing.
#pragma once

#include <cstddef>

#include "marginalia/v1/scoring.grpc.pb.h"
#include "rubrics/engine/engine.h"
#include "server/core/rubric_catalog.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"

namespace marginalia::server {

class ScoringServiceImpl final
    : public marginalia::v1::ScoringService::Service {
 public:
  // Every pointer must outlive the service.
  ScoringServiceImpl(CallAuth* auth, RubricCatalog* rubrics, Store* store,
                     const rubrics::Engine* engine, std::size_t max_essay_bytes)
      : auth_(auth),
        rubrics_(rubrics),
        store_(store),
        engine_(engine),
        max_essay_bytes_(max_essay_bytes) {}

  grpc::Status ScoreText(grpc::ServerContext* context,
                         const marginalia::v1::ScoreTextRequest* request,
                         marginalia::v1::ScoreTextResponse* response) override;

 private:
  CallAuth* auth_;
  RubricCatalog* rubrics_;
  Store* store_;
  const rubrics::Engine* engine_;
  std::size_t max_essay_bytes_;
};

}  // namespace marginalia::server
