// A running Marginalia server: the store, the engine, the services, health
// checking and reflection, on one listening port.
#pragma once

#include <grpcpp/server.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "rubrics/engine/engine.h"
#include "server/core/rubric_catalog.h"
#include "server/core/submission_intake.h"
#include "server/server_options.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

class SubmissionServiceImpl;
class ScoringServiceImpl;
class RubricServiceImpl;
class PendingReviewService;
class PendingGradeService;
class PendingAdminService;

class MarginaliaServer {
 public:
  // Collaborators a test may replace; null members get the real ones.
  struct Dependencies {
    std::unique_ptr<Clock> clock;
    std::unique_ptr<IdGenerator> ids;
  };

  // Opens the database (creating and migrating it), installs the built-in
  // rubrics and starts serving. Fails with the reason when the database
  // cannot be opened or the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<MarginaliaServer>> Start(
      const ServerOptions& options, Dependencies dependencies = {});

  ~MarginaliaServer();

  // The bound address, with the real port when port 0 was asked for.
  const std::string& address() const { return address_; }
  int port() const { return port_; }

  // Stops taking new calls, lets calls in flight finish (up to the drain
  // timeout), then closes the database. Idempotent.
  void Shutdown();

 private:
  MarginaliaServer() = default;

  ServerOptions options_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<IdGenerator> ids_;
  std::unique_ptr<Store> store_;
  rubrics::Engine engine_;
  std::unique_ptr<RubricCatalog> catalog_;
  std::unique_ptr<SubmissionIntake> intake_;
  std::unique_ptr<SubmissionServiceImpl> submission_service_;
  std::unique_ptr<ScoringServiceImpl> scoring_service_;
  std::unique_ptr<RubricServiceImpl> rubric_service_;
  std::unique_ptr<PendingReviewService> review_service_;
  std::unique_ptr<PendingGradeService> grade_service_;
  std::unique_ptr<PendingAdminService> admin_service_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace marginalia::server
