// A running Marginalia server: the store, the engine, the services, health
// checking and reflection, on one listening port.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/server.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "rubrics/engine/engine.h"
#include "server/auth/authenticator.h"
#include "server/auth/authorizer.h"
#include "server/core/assignments.h"
#include "server/core/comments.h"
#include "server/core/directory.h"
#include "server/core/feedback.h"
#include "server/core/gradebook.h"
#include "server/core/grading.h"
#include "server/core/peer_consensus.h"
#include "server/core/peer_review.h"
#include "server/core/peer_stats.h"
#include "server/core/rubric_catalog.h"
#include "server/core/submission_intake.h"
#include "server/server_options.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"
#include "server/util/memory_release.h"

namespace marginalia::server {

class SubmissionServiceImpl;
class ScoringServiceImpl;
class RubricServiceImpl;
class ReviewServiceImpl;
class GradeServiceImpl;
class AdminServiceImpl;

class MarginaliaServer {
 public:
  // Collaborators a test may replace; null members get the real ones.
  struct Dependencies {
    std::unique_ptr<Clock> clock;
    std::unique_ptr<IdGenerator> ids;
  };

  // Opens the database (creating and migrating it), installs the built-in
  // rubrics, creates the administrator and its token file on first start
  // (see auth/bootstrap.h) and starts serving. Fails with the reason when
  // the database cannot be opened, the token file cannot be written or the
  // address cannot be bound.
  static absl::StatusOr<std::unique_ptr<MarginaliaServer>> Start(
      const ServerOptions& options, Dependencies dependencies = {});

  ~MarginaliaServer();

  // The bound address, with the real port when port 0 was asked for.
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  // A channel to this server inside the process (for the HTTP front): calls
  // on it pass the same authentication and policy as network calls.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  // Where the administrator's token was written on first start.
  const std::string& admin_token_path() const { return admin_token_path_; }

  // Stops taking new calls, lets calls in flight finish (up to the drain
  // timeout), then closes the database. Idempotent.
  void Shutdown();

 private:
  MarginaliaServer() = default;

  // Builds the core components and the services on top of the store.
  void BuildServices();

  ServerOptions options_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<IdGenerator> ids_;
  std::unique_ptr<Store> store_;
  rubrics::Engine engine_;
  std::unique_ptr<RubricCatalog> catalog_;
  std::unique_ptr<SubmissionIntake> intake_;
  std::unique_ptr<AuthenticatorThrottle> auth_throttle_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<Authorizer> authorizer_;
  std::unique_ptr<CallAuth> call_auth_;
  std::unique_ptr<Directory> directory_;
  std::unique_ptr<Assignments> assignments_;
  std::unique_ptr<Comments> comments_;
  std::unique_ptr<PeerConsensus> peer_consensus_;
  std::unique_ptr<PeerReview> peer_review_;
  std::unique_ptr<PeerStats> peer_stats_;
  std::unique_ptr<Grading> grading_;
  std::unique_ptr<Gradebook> gradebook_;
  std::unique_ptr<FeedbackReader> feedback_;
  std::unique_ptr<SubmissionServiceImpl> submission_service_;
  std::unique_ptr<ScoringServiceImpl> scoring_service_;
  std::unique_ptr<RubricServiceImpl> rubric_service_;
  std::unique_ptr<ReviewServiceImpl> review_service_;
  std::unique_ptr<GradeServiceImpl> grade_service_;
  std::unique_ptr<AdminServiceImpl> admin_service_;
  std::unique_ptr<MemoryReleaser> memory_releaser_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  std::string admin_token_path_;
  int port_ = 0;
  bool shut_down_ = false;
};

}  // namespace marginalia::server
