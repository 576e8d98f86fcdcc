// marginalia rubric list|show|validate|install
//   list                 rubrics installed on the server
//   show ID [--version]  one rubric, as the text a tutor edits (or JSON)
//   validate FILE        check a rubric file locally: "file:line: problem"
//   install FILE [--course C]  add the file as the next version (of C)
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "client/input/essay_file.h"
#include "client/output/json_output.h"
#include "marginalia/v1/rubric_service.grpc.pb.h"
#include "rubrics/rubric/rubric_loader.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct RubricArgs {
  std::string id;
  int version = 0;
  std::string file;
  std::string course;
  bool all_versions = false;
  Format format = Format::kText;
};

int RunList(const RubricArgs& args, CliContext& context) {
  auto stub = v1::RubricService::NewStub(context.Channel());
  v1::ListRubricsRequest request;
  request.set_all_versions(args.all_versions);
  request.set_page_size(1000);
  v1::ListRubricsResponse response;
  grpc::Status status =
      stub->ListRubrics(context.NewCallContext().get(), request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  if (args.format == Format::kJson) {
    context.out() << ToJson(response);
    return kExitOk;
  }
  context.out() << absl::StrFormat("%-24s %7s %-9s %s\n", "ID", "VERSION",
                                   "BUILT-IN", "NAME");
  for (const v1::RubricInfo& info : response.rubrics()) {
    context.out() << absl::StrFormat(
        "%-24s %7d %-9s %s\n", info.id(), info.version(),
        info.built_in() ? "yes" : "no", info.name());
  }
  return kExitOk;
}

int RunShow(const RubricArgs& args, CliContext& context) {
  auto stub = v1::RubricService::NewStub(context.Channel());
  v1::GetRubricRequest request;
  request.set_id(args.id);
  request.set_version(args.version);
  v1::GetRubricResponse response;
  grpc::Status status =
      stub->GetRubric(context.NewCallContext().get(), request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  if (args.format == Format::kJson) {
    context.out() << ToJson(response.rubric());
  } else {
    context.out() << "# " << response.info().id() << " version "
                  << response.info().version() << "\n"
                  << response.text();
  }
  return kExitOk;
}

int RunValidate(const RubricArgs& args, CliContext& context) {
  absl::StatusOr<std::string> text = ReadEssayFile(args.file);
  if (!text.ok())
    return context.ReportError(std::string(text.status().message()));
  rubrics::RubricValidation validation =
      rubrics::ValidateRubricText(*text, args.file);
  if (!validation.ok()) {
    for (const std::string& error : validation.errors) {
      context.err() << error << "\n";
    }
    return kExitFailure;
  }
  context.out() << args.file << ": valid rubric '" << validation.rubric->id()
                << "' with " << validation.rubric->proto().criteria_size()
                << " criteria, worth " << validation.rubric->MaxScore()
                << " points\n";
  return kExitOk;
}

int RunInstall(const RubricArgs& args, CliContext& context) {
  absl::StatusOr<std::string> text = ReadEssayFile(args.file);
  if (!text.ok())
    return context.ReportError(std::string(text.status().message()));
  auto stub = v1::RubricService::NewStub(context.Channel());
  v1::CreateRubricVersionRequest request;
  request.set_text(*text);
  request.set_course_id(args.course);
  v1::CreateRubricVersionResponse response;
  grpc::Status status = stub->CreateRubricVersion(
      context.NewCallContext().get(), request, &response);
  if (!status.ok()) return context.ReportRpcError(status);
  if (!response.created()) {
    context.out() << "Rubric '" << response.info().id() << "' version "
                  << response.info().version()
                  << " has the same text: nothing installed\n";
    return kExitOk;
  }
  context.out() << "Installed rubric '" << response.info().id() << "' version "
                << response.info().version() << "\n";
  return kExitOk;
}

}  // namespace

void AddRubricCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<RubricArgs>();
  CLI::App* rubric = app.add_subcommand("rubric",
                                        "List, show, validate and "
                                        "install rubrics");
  rubric->require_subcommand(1);

  CLI::App* list = rubric->add_subcommand("list", "Rubrics on the server");
  list->add_flag("--all-versions", args->all_versions,
                 "every version, not only the latest");
  AddFormatOption(list, &args->format);
  list->callback(
      [args, &context, exit_code] { *exit_code = RunList(*args, context); });

  CLI::App* show = rubric->add_subcommand("show", "Print one rubric");
  show->add_option("ID", args->id, "rubric id")->required();
  show->add_option("--version", args->version, "version (default: latest)");
  AddFormatOption(show, &args->format);
  show->callback(
      [args, &context, exit_code] { *exit_code = RunShow(*args, context); });

  CLI::App* validate =
      rubric->add_subcommand("validate", "Check a rubric file (offline)");
  validate->add_option("FILE", args->file, "rubric .textproto file")
      ->required();
  validate->callback([args, &context, exit_code] {
    *exit_code = RunValidate(*args, context);
  });

  CLI::App* install = rubric->add_subcommand(
      "install", "Add a rubric file as the next version on the server");
  install->add_option("FILE", args->file, "rubric .textproto file")->required();
  install->add_option("--course", args->course,
                      "the course that owns it (tutors); without it, a "
                      "site-wide rubric (administrators)");
  install->callback(
      [args, &context, exit_code] { *exit_code = RunInstall(*args, context); });
}

}  // namespace marginalia::client
