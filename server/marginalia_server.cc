#include "server/marginalia_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <grpcpp/support/channel_arguments.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/auth/bootstrap.h"
#include "server/net/accept_guard.h"
#include "server/net/connection_limits.h"
#include "server/net/open_files.h"
#include "server/net/tls_credentials.h"
#include "server/services/admin_service.h"
#include "server/services/grade_service.h"
#include "server/services/review_service.h"
#include "server/services/rubric_service.h"
#include "server/services/scoring_service.h"
#include "server/services/submission_service.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/util/log.h"

namespace marginalia::server {
namespace {

// Room for the other fields of a request beside the essay itself.
constexpr int kMessageOverheadBytes = 64 << 10;

// Descriptors kept free of connections, for the database, logs and files.
constexpr int kReservedDescriptors = 64;

// The lowest free descriptor, i.e. roughly how many the process holds.
int DescriptorsInUse() {
  int probe = dup(0);
  if (probe < 0) return 0;
  close(probe);
  return probe;
}

// Sheds connections beyond max_connections, or beyond what the open-file
// limit leaves once the reserve is kept.
void GuardDescriptors(int max_connections) {
  long by_limit = OpenFileLimit() - kReservedDescriptors;
  long by_option =
      static_cast<long>(DescriptorsInUse()) + std::max(max_connections, 1);
  GuardAccepts(static_cast<int>(std::min({by_limit, by_option, 1L << 30})));
}

std::string WithPort(const std::string& listen, int port) {
  std::size_t colon = listen.rfind(':');
  return absl::StrCat(listen.substr(0, colon), ":", port);
}

}  // namespace

absl::StatusOr<std::unique_ptr<MarginaliaServer>> MarginaliaServer::Start(
    const ServerOptions& options, Dependencies dependencies) {
  // Checked first, so that a bad certificate fails before any file is made.
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                   ListeningCredentials(options.listen, options.tls));
  std::unique_ptr<MarginaliaServer> server(new MarginaliaServer());
  server->options_ = options;
  server->clock_ = dependencies.clock ? std::move(dependencies.clock)
                                      : std::make_unique<RealClock>();
  server->ids_ = dependencies.ids ? std::move(dependencies.ids)
                                  : std::make_unique<RandomIdGenerator>();
  SqliteStoreOptions store_options;
  store_options.synchronous_full = options.synchronous_full;
  server->admin_token_path_ = options.admin_token_path.empty()
                                  ? DefaultAdminTokenPath(options.db_path)
                                  : options.admin_token_path;
  ASSIGN_OR_RETURN(OpenedStore opened,
                   OpenWithAdmin(
                       options.db_path, server->admin_token_path_,
                       [&](const std::string& path)
                           -> absl::StatusOr<std::unique_ptr<Store>> {
                         return SqliteStore::Open(path, store_options);
                       },
                       *server->clock_, *server->ids_));
  server->store_ = std::move(opened.store);
  server->catalog_ = std::make_unique<RubricCatalog>(server->store_.get(),
                                                     server->clock_.get());
  ASSIGN_OR_RETURN(rubrics::RubricRegistry built_ins,
                   rubrics::RubricRegistry::BuiltIn());
  RETURN_IF_ERROR(server->catalog_->InstallBuiltIns(built_ins));
  if (opened.created_admin) {
    LogInfo("first start: created user '", kBootstrapAdminId,
            "' (administrator); its API token is in ",
            server->admin_token_path_, " (mode 0600)");
  }
  server->BuildServices();

  grpc::EnableDefaultHealthCheckService(true);
  // Linking grpc++_reflection is not enough under --as-needed: register it.
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  ConnectionLimits limits = options.limits;
  if (limits.max_message_bytes == 0) {
    // Larger than any accepted essay, so an oversized one reaches our check
    // and gets a message naming the limit.
    limits.max_message_bytes = std::max<std::size_t>(
        4 << 20, 2 * options.max_essay_bytes + kMessageOverheadBytes);
  }
  ApplyConnectionLimits(limits, &builder);
  GuardDescriptors(options.max_connections);
  builder.RegisterService(server->submission_service_.get());
  builder.RegisterService(server->scoring_service_.get());
  builder.RegisterService(server->rubric_service_.get());
  builder.RegisterService(server->review_service_.get());
  builder.RegisterService(server->grade_service_.get());
  builder.RegisterService(server->admin_service_.get());
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen, " (address in use or not valid)"));
  }
  server->address_ = WithPort(options.listen, server->port_);
  server->server_->GetHealthCheckService()->SetServingStatus(true);
  if (options.memory_release_period > absl::ZeroDuration()) {
    server->memory_releaser_ =
        std::make_unique<MemoryReleaser>(options.memory_release_period);
  }
  return server;
}

void MarginaliaServer::BuildServices() {
  Store* store = store_.get();
  Clock* clock = clock_.get();
  IdGenerator* ids = ids_.get();
  RubricCatalog* rubrics = catalog_.get();
  intake_ = std::make_unique<SubmissionIntake>(
      store, rubrics, &engine_, clock, ids,
      IntakeOptions{options_.max_essay_bytes, options_.max_pending_submissions,
                    options_.max_submission_wait});
  auth_throttle_ =
      std::make_unique<AuthenticatorThrottle>(clock, options_.auth_throttle);
  authenticator_ = std::make_unique<Authenticator>(store, auth_throttle_.get());
  authorizer_ = std::make_unique<Authorizer>(store);
  call_auth_ =
      std::make_unique<CallAuth>(authenticator_.get(), authorizer_.get());
  directory_ = std::make_unique<Directory>(store, clock, ids);
  assignments_ =
      std::make_unique<Assignments>(store, rubrics, &engine_, clock, ids);
  comments_ = std::make_unique<Comments>(store, clock, ids);
  peer_consensus_ = std::make_unique<PeerConsensus>(store, rubrics);
  peer_review_ =
      std::make_unique<PeerReview>(store, rubrics, comments_.get(), clock, ids);
  peer_stats_ =
      std::make_unique<PeerStats>(store, rubrics, peer_consensus_.get());
  grading_ =
      std::make_unique<Grading>(store, rubrics, peer_consensus_.get(), clock);
  gradebook_ = std::make_unique<Gradebook>(store, grading_.get(), rubrics);
  feedback_ = std::make_unique<FeedbackReader>(
      store, comments_.get(), grading_.get(), peer_consensus_.get());

  CallAuth* auth = call_auth_.get();
  submission_service_ = std::make_unique<SubmissionServiceImpl>(
      auth, intake_.get(), store, feedback_.get(), peer_review_.get());
  scoring_service_ = std::make_unique<ScoringServiceImpl>(
      auth, rubrics, store, &engine_, options_.max_essay_bytes);
  rubric_service_ = std::make_unique<RubricServiceImpl>(auth, rubrics, store);
  review_service_ = std::make_unique<ReviewServiceImpl>(
      auth, comments_.get(), peer_review_.get(), peer_consensus_.get(), store);
  grade_service_ = std::make_unique<GradeServiceImpl>(
      auth, grading_.get(), gradebook_.get(), peer_stats_.get());
  admin_service_ = std::make_unique<AdminServiceImpl>(
      auth, directory_.get(), assignments_.get(), store);
}

std::shared_ptr<grpc::Channel> MarginaliaServer::InProcessChannel() {
  grpc::ChannelArguments arguments;
  // Answers are bounded by what the server builds, not by a client limit.
  arguments.SetMaxReceiveMessageSize(-1);
  return server_->InProcessChannel(arguments);
}

MarginaliaServer::~MarginaliaServer() { Shutdown(); }

void MarginaliaServer::Shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  if (server_ != nullptr) {
    server_->GetHealthCheckService()->SetServingStatus(false);
    auto deadline = std::chrono::system_clock::now() +
                    std::chrono::microseconds(
                        absl::ToInt64Microseconds(options_.drain_timeout));
    server_->Shutdown(deadline);
    server_->Wait();
  }
  memory_releaser_.reset();
  store_.reset();
}

}  // namespace marginalia::server
