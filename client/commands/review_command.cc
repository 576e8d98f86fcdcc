// marginalia review tasks [--assignment A] [--reviewer U]
//                   show TASK
//                   submit TASK --score CRITERION=LEVEL... [--overall TEXT]
//                          [--comment BEGIN:END:TEXT...]
//                   list SUBMISSION                [--format text|json]
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "client/commands/commands.h"
#include "client/output/review_text.h"
#include "marginalia/v1/review.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct ReviewArgs {
  std::string task, assignment, reviewer, submission, overall;
  std::vector<std::string> scores, comments;
  Format format = Format::kText;
};

// "structure=3" -> a score; "120:168:Nice point" -> a span comment.
bool BuildSubmit(const ReviewArgs& args, v1::SubmitReviewRequest* request,
                 std::string* error) {
  request->set_task_id(args.task);
  request->set_overall_comment(args.overall);
  for (const std::string& text : args.scores) {
    std::vector<std::string> parts = absl::StrSplit(text, '=');
    int level = 0;
    if (parts.size() != 2 || !absl::SimpleAtoi(parts[1], &level)) {
      *error = "--score must be CRITERION=LEVEL, e.g. structure=3";
      return false;
    }
    v1::CriterionReviewScore* score = request->add_scores();
    score->set_criterion_id(parts[0]);
    score->set_level(level);
  }
  for (const std::string& text : args.comments) {
    std::vector<std::string> parts =
        absl::StrSplit(text, absl::MaxSplits(':', 2));
    uint32_t begin = 0, end = 0;
    if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &begin) ||
        !absl::SimpleAtoi(parts[1], &end)) {
      *error = "--comment must be BEGIN:END:TEXT";
      return false;
    }
    v1::CreateCommentRequest* comment = request->add_comments();
    comment->mutable_anchor()->mutable_span()->set_begin(begin);
    comment->mutable_anchor()->mutable_span()->set_end(end);
    comment->set_body(parts[2]);
  }
  return true;
}

}  // namespace

void AddReviewCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* cmd = app.add_subcommand("review", "Your peer-review tasks");
  cmd->require_subcommand(1);
  auto stub = [&context] {
    return v1::ReviewService::NewStub(context.Channel());
  };

  CLI::App* tasks = cmd->add_subcommand("tasks", "List review tasks");
  tasks->add_option("--assignment", args->assignment, "only this assignment");
  tasks->add_option("--reviewer", args->reviewer,
                    "whose (staff; default: yours)");
  AddFormatOption(tasks, &args->format);
  tasks->callback([=, &context] {
    v1::ListReviewTasksRequest request;
    request.set_assignment_id(args->assignment);
    request.set_reviewer(args->reviewer);
    v1::ListReviewTasksResponse response;
    grpc::Status status = stub()->ListReviewTasks(
        context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::ReviewTask& t : response.tasks()) {
            PrintTask(t, out);
          }
        });
  });

  CLI::App* show = cmd->add_subcommand("show", "Show a task and the essay");
  show->add_option("TASK", args->task, "task id")->required();
  AddFormatOption(show, &args->format);
  show->callback([=, &context] {
    v1::GetReviewTaskRequest request;
    request.set_task_id(args->task);
    v1::GetReviewTaskResponse response;
    grpc::Status status = stub()->GetReviewTask(context.NewCallContext().get(),
                                                request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          PrintTask(response.task(), out);
          out << "Rubric " << response.rubric_id() << "@v"
              << response.rubric_version() << "\n\n"
              << response.text() << "\n";
        });
  });

  CLI::App* submit = cmd->add_subcommand("submit", "Submit your review");
  submit->add_option("TASK", args->task, "task id")->required();
  submit
      ->add_option("--score", args->scores,
                   "CRITERION=LEVEL, once per rubric criterion")
      ->required();
  submit->add_option("--overall", args->overall, "overall comment");
  submit->add_option("--comment", args->comments,
                     "BEGIN:END:TEXT, a comment on a passage");
  AddFormatOption(submit, &args->format);
  submit->callback([=, &context] {
    v1::SubmitReviewRequest request;
    std::string error;
    if (!BuildSubmit(*args, &request, &error)) {
      context.err() << "error: " << error << "\n";
      *exit_code = kExitUsage;
      return;
    }
    v1::SubmitReviewResponse response;
    grpc::Status status = stub()->SubmitReview(context.NewCallContext().get(),
                                               request, &response);
    *exit_code = Finish(context, status, response.review(), args->format,
                        [&](std::ostream& out) {
                          out << "Submitted review " << response.review().id()
                              << "\n";
                        });
  });

  CLI::App* list = cmd->add_subcommand("list", "Reviews of a submission");
  list->add_option("SUBMISSION", args->submission, "submission id")->required();
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListReviewsRequest request;
    request.set_submission_id(args->submission);
    v1::ListReviewsResponse response;
    grpc::Status status =
        stub()->ListReviews(context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const v1::Review& r : response.reviews()) {
            PrintReview(r, out);
          }
          PrintWithheldReviews(response.withheld_reviews(), out);
        });
  });
}

}  // namespace marginalia::client
