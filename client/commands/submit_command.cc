// marginalia submit FILE --assignment ID [--author USER] [--request-id KEY]
//                   [--format text|json]
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "client/commands/commands.h"
#include "client/input/essay_file.h"
#include "client/output/json_output.h"
#include "client/output/report_text.h"
#include "marginalia/v1/submission.grpc.pb.h"
#include "rubrics/document/normalize.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct SubmitArgs {
  std::string file;
  std::string assignment;
  std::string author;
  std::string request_id;
  Format format = Format::kText;
};

int RunSubmit(const SubmitArgs& args, CliContext& context) {
  absl::StatusOr<std::string> text = ReadEssayFile(args.file);
  if (!text.ok())
    return context.ReportError(std::string(text.status().message()));
  v1::CreateSubmissionRequest request;
  request.set_assignment_id(args.assignment);
  request.set_author(args.author);
  request.set_file_name(BaseName(args.file));
  // By default a retry of the same essay by the same author (and caller) for
  // the same assignment is recognised and stored once.
  request.set_request_id(
      args.request_id.empty()
          ? rubrics::Sha256Hex(
                absl::StrCat(args.assignment, "\n", request.author(), "\n",
                             context.options().token, "\n", *text))
                .substr(0, 32)
          : args.request_id);
  request.set_text(*std::move(text));
  auto stub = v1::SubmissionService::NewStub(context.Channel());
  v1::CreateSubmissionResponse response;
  grpc::Status status = stub->CreateSubmission(context.NewCallContext().get(),
                                               request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  if (args.format == Format::kJson) {
    context.out() << ToJson(response.submission());
  } else {
    PrintSubmission(response.submission(), response.created(), context.out());
  }
  return kExitOk;
}

}  // namespace

void AddSubmitCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<SubmitArgs>();
  CLI::App* command =
      app.add_subcommand("submit", "Submit an essay file to the server");
  command->add_option("FILE", args->file, "the essay (.txt, .md or .docx)")
      ->required();
  command->add_option("--assignment", args->assignment, "assignment id")
      ->required();
  command->add_option("--author", args->author,
                      "the student's user id, when staff submit on their "
                      "behalf (default: you)");
  command->add_option("--request-id", args->request_id,
                      "idempotency key (default: derived from assignment, "
                      "author and text, so a retry is stored once)");
  AddFormatOption(command, &args->format);
  command->callback(
      [args, &context, exit_code] { *exit_code = RunSubmit(*args, context); });
}

}  // namespace marginalia::client
