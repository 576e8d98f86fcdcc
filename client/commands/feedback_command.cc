// marginalia feedback ID [--format text|json|html] [--output FILE]
#include <memory>
#include <string>

#include "client/batch/batch_outputs.h"
#include "client/commands/commands.h"
#include "client/output/json_output.h"
#include "client/output/report_html.h"
#include "client/output/report_text.h"
#include "client/output/review_text.h"
#include "marginalia/v1/submission.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct FeedbackArgs {
  std::string id;
  Format format = Format::kText;
  std::string output;
};

int RunFeedback(const FeedbackArgs& args, CliContext& context) {
  auto stub = v1::SubmissionService::NewStub(context.Channel());
  v1::GetFeedbackRequest request;
  request.set_submission_id(args.id);
  v1::GetFeedbackResponse feedback;
  grpc::Status status =
      stub->GetFeedback(context.NewCallContext().get(), request, &feedback);
  if (!status.ok()) return context.ReportRpcError(status);
  if (args.format == Format::kJson) {
    context.out() << ToJson(feedback);
    return kExitOk;
  }
  // The text lets the findings quote the passages they point at.
  v1::GetSubmissionRequest get;
  get.set_id(args.id);
  get.set_view(v1::SUBMISSION_VIEW_FULL);
  v1::GetSubmissionResponse submission;
  status =
      stub->GetSubmission(context.NewCallContext().get(), get, &submission);
  if (!status.ok()) return context.ReportRpcError(status);
  if (args.format == Format::kHtml) {
    std::string page =
        RenderEssayHtml(feedback, submission.submission().text());
    if (args.output.empty()) {
      context.out() << page;
      return kExitOk;
    }
    absl::Status written = WriteTextFile(args.output, page);
    if (!written.ok())
      return context.ReportError(std::string(written.message()));
    context.out() << "Wrote " << args.output << "\n";
    return kExitOk;
  }
  const v1::Submission& s = feedback.submission();
  std::string late = LatenessLabel(s);
  context.out() << "Submission " << s.id() << " by " << s.author() << " for "
                << s.assignment_id() << " (draft " << s.draft()
                << (late.empty() ? "" : ", ") << late << ")\n\n";
  if (feedback.report_withheld()) {
    context.out() << "The engine's report is withheld until your tutor "
                     "releases feedback.\n";
  } else {
    PrintReport(feedback.report(), submission.submission().text(),
                context.out());
  }
  PrintFeedbackExtras(feedback, context.out());
  return kExitOk;
}

}  // namespace

void AddFeedbackCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<FeedbackArgs>();
  CLI::App* command = app.add_subcommand(
      "feedback", "Show the feedback report of a stored submission");
  command->add_option("ID", args->id, "submission id")->required();
  AddFormatOption(command, &args->format, /*allow_html=*/true);
  command->add_option("-o,--output", args->output,
                      "write to this file instead of standard output");
  command->callback([args, &context, exit_code] {
    *exit_code = RunFeedback(*args, context);
  });
}

}  // namespace marginalia::client
