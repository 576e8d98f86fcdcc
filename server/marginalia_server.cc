#include "server/marginalia_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <chrono>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/services/pending_services.h"
#include "server/services/rubric_service.h"
#include "server/services/scoring_service.h"
#include "server/services/submission_service.h"
#include "server/storage/sqlite/sqlite_store.h"
#include "server/util/log.h"

namespace marginalia::server {
namespace {

// Room for the other fields of a request beside the essay itself.
constexpr int kMessageOverheadBytes = 64 << 10;

std::string WithPort(const std::string& listen, int port) {
  std::size_t colon = listen.rfind(':');
  return absl::StrCat(listen.substr(0, colon), ":", port);
}

}  // namespace

absl::StatusOr<std::unique_ptr<MarginaliaServer>> MarginaliaServer::Start(
    const ServerOptions& options, Dependencies dependencies) {
  std::unique_ptr<MarginaliaServer> server(new MarginaliaServer());
  server->options_ = options;
  server->clock_ = dependencies.clock ? std::move(dependencies.clock)
                                      : std::make_unique<RealClock>();
  server->ids_ = dependencies.ids ? std::move(dependencies.ids)
                                  : std::make_unique<RandomIdGenerator>();
  SqliteStoreOptions store_options;
  store_options.synchronous_full = options.synchronous_full;
  ASSIGN_OR_RETURN(server->store_,
                   SqliteStore::Open(options.db_path, store_options));
  server->catalog_ = std::make_unique<RubricCatalog>(server->store_.get(),
                                                     server->clock_.get());
  ASSIGN_OR_RETURN(rubrics::RubricRegistry built_ins,
                   rubrics::RubricRegistry::BuiltIn());
  RETURN_IF_ERROR(server->catalog_->InstallBuiltIns(built_ins));
  server->intake_ = std::make_unique<SubmissionIntake>(
      server->store_.get(), server->catalog_.get(), &server->engine_,
      server->clock_.get(), server->ids_.get(),
      IntakeOptions{options.max_essay_bytes});

  server->submission_service_ = std::make_unique<SubmissionServiceImpl>(
      server->intake_.get(), server->store_.get());
  server->scoring_service_ = std::make_unique<ScoringServiceImpl>(
      server->catalog_.get(), &server->engine_, options.max_essay_bytes);
  server->rubric_service_ = std::make_unique<RubricServiceImpl>(
      server->catalog_.get(), server->store_.get());
  server->review_service_ = std::make_unique<PendingReviewService>();
  server->grade_service_ = std::make_unique<PendingGradeService>();
  server->admin_service_ = std::make_unique<PendingAdminService>();

  grpc::EnableDefaultHealthCheckService(true);
  // Linking grpc++_reflection is not enough under --as-needed: register it.
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, grpc::InsecureServerCredentials(),
                           &server->port_);
  // Larger than any accepted essay, so an oversized one reaches our check
  // and gets a message naming the limit.
  std::size_t max_message = std::max<std::size_t>(
      4 << 20, 2 * options.max_essay_bytes + kMessageOverheadBytes);
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(std::min<std::size_t>(max_message, INT32_MAX)));
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
  return server;
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
  store_.reset();
}

}  // namespace marginalia::server
