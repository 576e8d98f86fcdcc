// marginalia audit [--submission S | --assignment A] [--format text|json]
// Without a scope: the whole log, which only administrators may read.
#include <memory>
#include <string>

#include "client/commands/commands.h"
#include "client/output/review_text.h"
#include "marginalia/v1/grade.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct AuditArgs {
  std::string submission, assignment;
  Format format = Format::kText;
};

int RunAudit(const AuditArgs& args, CliContext& context) {
  auto stub = v1::GradeService::NewStub(context.Channel());
  v1::ListAuditEventsRequest request;
  if (!args.submission.empty()) {
    request.set_submission_id(args.submission);
  } else {
    request.set_assignment_id(args.assignment);
  }
  request.set_page_size(1000);
  v1::ListAuditEventsResponse all;
  do {
    v1::ListAuditEventsResponse page;
    grpc::Status status =
        stub->ListAuditEvents(context.NewCallContext().get(), request, &page);
    if (!status.ok()) return context.ReportRpcError(status);
    for (v1::AuditEvent& e : *page.mutable_events()) {
      *all.add_events() = std::move(e);
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return Finish(context, grpc::Status::OK, all, args.format,
                [&](std::ostream& out) {
                  for (const v1::AuditEvent& e : all.events()) {
                    PrintAuditEvent(e, out);
                  }
                });
}

}  // namespace

void AddAuditCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<AuditArgs>();
  CLI::App* command = app.add_subcommand(
      "audit",
      "The audit log: grade changes and releases of a submission or an "
      "assignment (staff), or without either the whole log, administrative "
      "changes included (administrators)");
  auto* one = command->add_option("--submission", args->submission,
                                  "one submission's events");
  auto* all = command->add_option("--assignment", args->assignment,
                                  "an assignment's events");
  one->excludes(all);
  command->require_option(0, 1);
  AddFormatOption(command, &args->format);
  command->callback(
      [args, &context, exit_code] { *exit_code = RunAudit(*args, context); });
}

}  // namespace marginalia::client
