// marginalia peer allocate --assignment A [--k N] [--seed S]
//                 summary SUBMISSION | queue --assignment A
//                                                  [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "client/output/review_text.h"
#include "marginalia/v1/grade.grpc.pb.h"
#include "marginalia/v1/review.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct PeerArgs {
  std::string assignment, submission;
  int k = 0;
  uint64_t seed = 0;
  Format format = Format::kText;
};

}  // namespace

void AddPeerCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<PeerArgs>();
  CLI::App* cmd =
      app.add_subcommand("peer", "Peer review: allocation and results");
  cmd->require_subcommand(1);

  CLI::App* allocate = cmd->add_subcommand(
      "allocate", "Give every submission k reviewers (staff)");
  allocate->add_option("--assignment", args->assignment, "assignment id")
      ->required();
  allocate->add_option("--k", args->k,
                       "reviews per submission (default: the assignment's)");
  allocate->add_option("--seed", args->seed,
                       "seed: same seed, same allocation (default: from the "
                       "assignment id)");
  AddFormatOption(allocate, &args->format);
  allocate->callback([=, &context] {
    auto stub = v1::ReviewService::NewStub(context.Channel());
    v1::AllocatePeerReviewsRequest request;
    request.set_assignment_id(args->assignment);
    request.set_reviews_per_submission(args->k);
    request.set_seed(args->seed);
    v1::AllocatePeerReviewsResponse response;
    grpc::Status status = stub->AllocatePeerReviews(
        context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          out << absl::StrFormat("Allocated %d new tasks (%d in all, k=%d)\n",
                                 response.created_size(),
                                 response.total_tasks(),
                                 response.reviews_per_submission());
          for (const v1::ReviewTask& t : response.created()) PrintTask(t, out);
          for (const v1::PendingAllocation& p : response.pending()) {
            out << "waiting: " << p.author() << ": " << p.reason() << "\n";
          }
        });
  });

  CLI::App* summary =
      cmd->add_subcommand("summary", "The peers' verdict on a submission");
  summary->add_option("SUBMISSION", args->submission, "submission id")
      ->required();
  AddFormatOption(summary, &args->format);
  summary->callback([=, &context] {
    auto stub = v1::ReviewService::NewStub(context.Channel());
    v1::GetPeerSummaryRequest request;
    request.set_submission_id(args->submission);
    v1::GetPeerSummaryResponse response;
    grpc::Status status = stub->GetPeerSummary(context.NewCallContext().get(),
                                               request, &response);
    *exit_code =
        Finish(context, status, response.summary(), args->format,
               [&](std::ostream& out) {
                 if (response.withheld_reviews() > 0) {
                   PrintWithheldReviews(response.withheld_reviews(), out);
                 } else {
                   PrintPeerSummary(response.summary(), out);
                 }
               });
  });

  CLI::App* queue = cmd->add_subcommand(
      "queue", "Submissions whose peer grade is uncertain (staff)");
  queue->add_option("--assignment", args->assignment, "assignment id")
      ->required();
  AddFormatOption(queue, &args->format);
  queue->callback([=, &context] {
    auto stub = v1::GradeService::NewStub(context.Channel());
    v1::ListTutorQueueRequest request;
    request.set_assignment_id(args->assignment);
    v1::ListTutorQueueResponse response;
    grpc::Status status = stub->ListTutorQueue(context.NewCallContext().get(),
                                               request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::QueueEntry& e : response.entries()) {
            out << e.submission_id() << "  " << e.author() << "  " << e.reason()
                << "\n";
          }
        });
  });
}

}  // namespace marginalia::client
