// marginalia assignment create ID --course C [--title T] [--rubric R]
//                   [--rubric-version V] [--due RFC3339] [--reviews K]
//                   [--peer-weight W] [--named] [--engine-feedback-now]
//                   list --course C | show ID
//                   set-rubric ID [--rubric R] [--rubric-version V] --reason R
//                   lock ID [--after-due] [--after-release]
//                   extend ID --student S --until RFC3339
#include <memory>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "client/commands/assignment_lock_command.h"
#include "client/commands/commands.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct AssignmentArgs {
  std::string id, course, title, rubric, due, reason;
  int rubric_version = 0;
  int reviews = 0;
  double peer_weight = 0;
  bool named = false;
  bool engine_now = false;
  Format format = Format::kText;
};

void PrintAssignment(const v1::Assignment& a, std::ostream& out) {
  out << absl::StrFormat(
      "%-16s %-12s %s@v%d  reviews %d%s  peer weight %.2f  %s\n", a.id(),
      a.course_id(), a.rubric_id(), a.rubric_version(),
      a.peer_review().reviews_per_submission(),
      a.peer_review().anonymous() ? " (anonymous)" : " (named)",
      a.peer_review().peer_weight(), a.title());
}

// Fills the assignment from the flags; false (with a message) for a bad
// due time.
bool FromArgs(const AssignmentArgs& args, v1::Assignment* a, CliContext& ctx) {
  a->set_id(args.id);
  a->set_course_id(args.course);
  a->set_title(args.title);
  a->set_rubric_id(args.rubric);
  a->set_rubric_version(args.rubric_version);
  if (!args.due.empty()) {
    absl::Time due;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, args.due, &due, &error)) {
      ctx.ReportError("--due must be RFC 3339, e.g. 2026-12-01T17:00:00Z: " +
                      error);
      return false;
    }
    a->mutable_due_time()->set_seconds(absl::ToUnixSeconds(due));
  }
  v1::PeerReviewSettings* peer = a->mutable_peer_review();
  peer->set_reviews_per_submission(args.reviews);
  peer->set_peer_weight(args.peer_weight);
  peer->set_anonymous(!args.named);
  peer->set_engine_feedback_immediately(args.engine_now);
  return true;
}

}  // namespace

void AddAssignmentCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<AssignmentArgs>();
  CLI::App* cmd =
      app.add_subcommand("assignment", "Create and manage assignments");
  cmd->require_subcommand(1);
  auto stub = [&context] {
    return v1::AdminService::NewStub(context.Channel());
  };

  CLI::App* create =
      cmd->add_subcommand("create", "Create an assignment (tutor)");
  create->add_option("ID", args->id, "assignment id (default: generated)");
  create->add_option("--course", args->course, "course id")->required();
  create->add_option("--title", args->title, "title");
  create->add_option("--rubric", args->rubric,
                     "rubric id (default: history-essay)");
  create->add_option("--rubric-version", args->rubric_version,
                     "rubric version to pin (default: the latest)");
  create->add_option("--due", args->due, "due time, RFC 3339");
  create->add_option("--reviews", args->reviews,
                     "peer reviews per submission (0: no peer review)");
  create->add_option("--peer-weight", args->peer_weight,
                     "weight of the peers' consensus in the grade, 0 to 1");
  create->add_flag("--named", args->named,
                   "show reviewers' and authors' names (default: anonymous)");
  create->add_flag("--engine-feedback-now", args->engine_now,
                   "students see the engine's report as soon as they submit");
  AddFormatOption(create, &args->format);
  create->callback([=, &context] {
    v1::CreateAssignmentRequest request;
    if (!FromArgs(*args, request.mutable_assignment(), context)) {
      *exit_code = kExitFailure;
      return;
    }
    v1::CreateAssignmentResponse response;
    grpc::Status status = stub()->CreateAssignment(
        context.NewCallContext().get(), request, &response);
    *exit_code = Finish(context, status, response.assignment(), args->format,
                        [&](std::ostream& out) {
                          PrintAssignment(response.assignment(), out);
                        });
  });

  CLI::App* list = cmd->add_subcommand("list", "A course's assignments");
  list->add_option("--course", args->course, "course id")->required();
  AddFormatOption(list, &args->format);
  list->callback([=, &context] {
    v1::ListAssignmentsRequest request;
    request.set_course_id(args->course);
    request.set_page_size(1000);
    v1::ListAssignmentsResponse response;
    grpc::Status status = stub()->ListAssignments(
        context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          for (const auto& a : response.assignments()) {
            PrintAssignment(a, out);
          }
        });
  });

  CLI::App* show = cmd->add_subcommand("show", "Show one assignment");
  show->add_option("ID", args->id, "assignment id")->required();
  AddFormatOption(show, &args->format);
  show->callback([=, &context] {
    v1::GetAssignmentRequest request;
    request.set_id(args->id);
    v1::GetAssignmentResponse response;
    grpc::Status status = stub()->GetAssignment(context.NewCallContext().get(),
                                                request, &response);
    *exit_code = Finish(context, status, response.assignment(), args->format,
                        [&](std::ostream& out) {
                          PrintAssignment(response.assignment(), out);
                        });
  });

  CLI::App* move = cmd->add_subcommand(
      "set-rubric", "Move to another rubric version and re-score (tutor)");
  move->add_option("ID", args->id, "assignment id")->required();
  move->add_option("--rubric", args->rubric, "rubric id (default: the same)");
  move->add_option("--rubric-version", args->rubric_version,
                   "version (default: the latest)");
  move->add_option("--reason", args->reason, "why (kept in the audit log)")
      ->required();
  AddFormatOption(move, &args->format);
  move->callback([=, &context] {
    v1::UpdateAssignmentRubricRequest request;
    request.set_assignment_id(args->id);
    request.set_rubric_id(args->rubric);
    request.set_rubric_version(args->rubric_version);
    request.set_reason(args->reason);
    v1::UpdateAssignmentRubricResponse response;
    grpc::Status status = stub()->UpdateAssignmentRubric(
        context.NewCallContext().get(), request, &response);
    *exit_code =
        Finish(context, status, response, args->format, [&](std::ostream& out) {
          PrintAssignment(response.assignment(), out);
          out << "Re-scored " << response.rescored() << " submissions\n";
        });
  });

  AddAssignmentLockCommands(cmd, context, exit_code);
}

}  // namespace marginalia::client
