// marginalia stats --assignment A [--format text|json]
// Engine vs tutor and peers vs tutor: quadratic weighted kappa, Pearson
// correlation and mean absolute difference on criterion levels.
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "client/commands/commands.h"
#include "marginalia/v1/grade.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct StatsArgs {
  std::string assignment;
  Format format = Format::kText;
};

void PrintAgreement(const char* name, const v1::Agreement& a,
                    std::ostream& out) {
  out << absl::StrFormat(
      "%-16s pairs %3d  QWK %6.3f  Pearson %6.3f  MAD %.3f\n", name, a.pairs(),
      a.qwk(), a.pearson(), a.mean_absolute_difference());
}

}  // namespace

void AddStatsCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* command = app.add_subcommand(
      "stats", "Agreement of engine and peers with the tutor (staff)");
  command->add_option("--assignment", args->assignment, "assignment id")
      ->required();
  AddFormatOption(command, &args->format);
  command->callback([args, &context, exit_code] {
    auto stub = v1::GradeService::NewStub(context.Channel());
    v1::GetAgreementRequest request;
    request.set_assignment_id(args->assignment);
    v1::GetAgreementResponse response;
    grpc::Status status =
        stub->GetAgreement(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          PrintAgreement("engine vs tutor", response.engine_vs_tutor(), out);
          PrintAgreement("peers vs tutor", response.peers_vs_tutor(), out);
        });
  });
}

}  // namespace marginalia::client
