// marginalia grade set SUBMISSION (--criterion C --score S | --final S)
//                      --reason R
//                  show SUBMISSION
//                  release (--submission S | --assignment A)
//                                                  [--format text|json]
#include <memory>
#include <string>

#include "client/commands/commands.h"
#include "client/output/review_text.h"
#include "marginalia/v1/grade.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct GradeArgs {
  std::string submission, criterion, reason, assignment;
  double score = 0;
  double final_score = -1;
  Format format = Format::kText;
};

int RunSet(const GradeArgs& args, CliContext& context) {
  auto stub = v1::GradeService::NewStub(context.Channel());
  v1::Grade grade;
  grpc::Status status;
  if (args.final_score >= 0) {
    v1::SetFinalGradeRequest request;
    request.set_submission_id(args.submission);
    request.set_score(args.final_score);
    request.set_reason(args.reason);
    v1::SetFinalGradeResponse response;
    status =
        stub->SetFinalGrade(context.NewCallContext().get(), request, &response);
    grade = response.grade();
  } else {
    if (args.criterion.empty()) {
      context.err() << "error: give --criterion and --score, or --final\n";
      return kExitUsage;
    }
    v1::SetCriterionScoreRequest request;
    request.set_submission_id(args.submission);
    request.set_criterion_id(args.criterion);
    request.set_score(args.score);
    request.set_reason(args.reason);
    v1::SetCriterionScoreResponse response;
    status = stub->SetCriterionScore(context.NewCallContext().get(), request,
                                     &response);
    grade = response.grade();
  }
  return Finish(context, status, grade, args.format,
                [&](std::ostream& out) { PrintGrade(grade, out); });
}

}  // namespace

void AddGradeCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<GradeArgs>();
  CLI::App* cmd = app.add_subcommand("grade", "Tutor grading and release");
  cmd->require_subcommand(1);
  auto stub = [&context] {
    return v1::GradeService::NewStub(context.Channel());
  };

  CLI::App* set = cmd->add_subcommand(
      "set", "Override a criterion's score, or set the final grade (staff)");
  set->add_option("SUBMISSION", args->submission, "submission id")->required();
  auto* criterion =
      set->add_option("--criterion", args->criterion, "rubric criterion id");
  set->add_option("--score", args->score, "points for the criterion")
      ->needs(criterion);
  set->add_option("--final", args->final_score, "the final grade, in points")
      ->excludes(criterion);
  set->add_option("--reason", args->reason, "why (kept in the audit log)")
      ->required();
  AddFormatOption(set, &args->format);
  set->callback([=, &context] { *exit_code = RunSet(*args, context); });

  CLI::App* show = cmd->add_subcommand("show", "Show a submission's grade");
  show->add_option("SUBMISSION", args->submission, "submission id")->required();
  AddFormatOption(show, &args->format);
  show->callback([=, &context] {
    v1::GetGradeRequest request;
    request.set_submission_id(args->submission);
    v1::GetGradeResponse response;
    grpc::Status status =
        stub()->GetGrade(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response.grade(), args->format,
               [&](std::ostream& out) { PrintGrade(response.grade(), out); });
  });

  CLI::App* release =
      cmd->add_subcommand("release", "Release feedback to students (staff)");
  auto* one =
      release->add_option("--submission", args->submission, "one submission");
  auto* all = release->add_option("--assignment", args->assignment,
                                  "every submission of an assignment");
  one->excludes(all);
  release->callback([=, &context] {
    v1::ReleaseFeedbackRequest request;
    if (!args->submission.empty()) {
      request.set_submission_id(args->submission);
    } else {
      request.set_assignment_id(args->assignment);
    }
    v1::ReleaseFeedbackResponse response;
    grpc::Status status = stub()->ReleaseFeedback(
        context.NewCallContext().get(), request, &response);
    *exit_code = Finish(
        context, status, response, Format::kText, [&](std::ostream& out) {
          out << "Released " << response.released() << " submissions\n";
        });
  });
}

}  // namespace marginalia::client
