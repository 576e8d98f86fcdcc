// marginalia list [--assignment ID] [--author NAME] [--format text|json]
#include <memory>
#include <string>
#include <vector>

#include "client/commands/commands.h"
#include "client/output/json_output.h"
#include "client/output/report_text.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct ListArgs {
  std::string assignment;
  std::string author;
  Format format = Format::kText;
};

int RunList(const ListArgs& args, CliContext& context) {
  auto stub = v1::SubmissionService::NewStub(context.Channel());
  v1::ListSubmissionsResponse all;
  v1::ListSubmissionsRequest request;
  request.set_assignment_id(args.assignment);
  request.set_author(args.author);
  request.set_page_size(1000);
  do {
    v1::ListSubmissionsResponse page;
    grpc::Status status =
        stub->ListSubmissions(context.NewCallContext().get(), request, &page);
    if (!status.ok()) return context.ReportRpcError(status);
    for (v1::Submission& s : *page.mutable_submissions()) {
      *all.add_submissions() = std::move(s);
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  if (args.format == Format::kJson) {
    context.out() << ToJson(all);
  } else {
    PrintSubmissionTable({all.submissions().begin(), all.submissions().end()},
                         context.out());
  }
  return kExitOk;
}

}  // namespace

void AddListCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* command = app.add_subcommand("list", "List stored submissions");
  command->add_option("--assignment", args->assignment,
                      "only this assignment's submissions");
  command->add_option("--author", args->author, "only this author's");
  AddFormatOption(command, &args->format);
  command->callback(
      [args, &context, exit_code] { *exit_code = RunList(*args, context); });
}

}  // namespace marginalia::client
