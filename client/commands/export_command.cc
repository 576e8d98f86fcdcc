// marginalia export --assignment A [--format csv|moodle|canvas]
//                   [--output FILE]
// Final grades as CSV; the Moodle and Canvas layouts are the ones their
// gradebook imports accept (see server/core/grade_export.h and the README).
#include <fstream>
#include <memory>
#include <string>

#include "client/commands/commands.h"
#include "marginalia/v1/grade.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct ExportArgs {
  std::string assignment, format = "csv", output;
  bool include_unreleased = false;
};

// Grades belong to drafts: say which students have a draft newer than the
// one exported, still waiting for a grade.
void PrintNewerDrafts(const v1::ExportGradesResponse& response,
                      std::ostream& err) {
  if (response.newer_drafts().empty()) return;
  err << response.newer_drafts_size()
      << " student(s) have a newer draft than the graded one exported "
         "(grade it to export it):\n";
  for (const v1::NewerDraft& d : response.newer_drafts()) {
    err << "  " << d.student() << ": exported draft " << d.exported_draft()
        << ", latest draft " << d.latest_draft() << " ("
        << d.latest_submission_id() << ")\n";
  }
}

int RunExport(const ExportArgs& args, CliContext& context) {
  auto stub = v1::GradeService::NewStub(context.Channel());
  v1::ExportGradesRequest request;
  request.set_assignment_id(args.assignment);
  request.set_format(args.format == "moodle"   ? v1::EXPORT_FORMAT_MOODLE_CSV
                     : args.format == "canvas" ? v1::EXPORT_FORMAT_CANVAS_CSV
                                               : v1::EXPORT_FORMAT_CSV);
  request.set_include_unreleased(args.include_unreleased);
  v1::ExportGradesResponse response;
  grpc::Status status =
      stub->ExportGrades(context.NewCallContext().get(), request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  PrintNewerDrafts(response, context.err());
  if (args.output.empty()) {
    context.out() << response.content();
    return kExitOk;
  }
  std::ofstream file(args.output, std::ios::binary);
  file << response.content();
  if (!file.flush()) return context.ReportError("cannot write " + args.output);
  context.err() << "Wrote " << response.rows() << " rows to " << args.output
                << "\n";
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* command = app.add_subcommand(
      "export", "Export final grades for a gradebook (staff)");
  command->add_option("--assignment", args->assignment, "assignment id")
      ->required();
  command
      ->add_option("--format", args->format,
                   "csv (plain), moodle or canvas (gradebook import)")
      ->check(CLI::IsMember({"csv", "moodle", "canvas"}))
      ->capture_default_str();
  command->add_option("--output", args->output, "file (default: stdout)");
  command->add_flag("--include-unreleased", args->include_unreleased,
                    "also export grades not released to students yet "
                    "(default: released grades only)");
  command->callback(
      [args, &context, exit_code] { *exit_code = RunExport(*args, context); });
}

}  // namespace marginalia::client
