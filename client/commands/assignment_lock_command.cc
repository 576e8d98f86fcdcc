// marginalia assignment lock ID [--after-due] [--after-release]
//            assignment extend ID --student S --until RFC3339
#include "client/commands/assignment_lock_command.h"

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct LockArgs {
  std::string id, student, until;
  bool after_due = false;
  bool after_release = false;
  Format format = Format::kText;
};

std::string Describe(const v1::DraftLock& lock) {
  if (lock.after_due() && lock.after_release()) {
    return "after its due time, and for each student once released";
  }
  if (lock.after_due()) return "after its due time";
  if (lock.after_release()) return "for each student once released";
  return "never (open)";
}

}  // namespace

void AddAssignmentLockCommands(CLI::App* cmd, CliContext& context,
                               int* exit_code) {
  auto args = std::make_shared<LockArgs>();
  auto stub = [&context] {
    return v1::AdminService::NewStub(context.Channel());
  };

  CLI::App* lock = cmd->add_subcommand(
      "lock", "Stop taking new drafts; no flag reopens (tutor)");
  lock->add_option("ID", args->id, "assignment id")->required();
  lock->add_flag("--after-due", args->after_due,
                 "no new drafts once the due time has passed");
  lock->add_flag("--after-release", args->after_release,
                 "no new draft from a student whose feedback was released");
  AddFormatOption(lock, &args->format);
  lock->callback([=, &context] {
    v1::SetDraftLockRequest request;
    request.set_assignment_id(args->id);
    request.mutable_draft_lock()->set_after_due(args->after_due);
    request.mutable_draft_lock()->set_after_release(args->after_release);
    v1::SetDraftLockResponse response;
    grpc::Status status = stub()->SetDraftLock(context.NewCallContext().get(),
                                               request, &response);
    *exit_code = Finish(context, status, response.assignment(), args->format,
                        [&](std::ostream& out) {
                          out << args->id << " stops taking drafts "
                              << Describe(response.assignment().draft_lock())
                              << "\n";
                        });
  });

  CLI::App* extend = cmd->add_subcommand(
      "extend", "Let one student hand in to a locked assignment (tutor)");
  extend->add_option("ID", args->id, "assignment id")->required();
  extend->add_option("--student", args->student, "student id")->required();
  extend
      ->add_option("--until", args->until,
                   "RFC 3339, e.g. 2026-12-08T17:00:00Z; a past time "
                   "withdraws the extension")
      ->required();
  AddFormatOption(extend, &args->format);
  extend->callback([=, &context] {
    absl::Time until;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, args->until, &until, &error)) {
      *exit_code = context.ReportError(
          "--until must be RFC 3339, e.g. 2026-12-08T17:00:00Z");
      return;
    }
    v1::GrantExtensionRequest request;
    request.set_assignment_id(args->id);
    request.set_student(args->student);
    request.mutable_until()->set_seconds(absl::ToUnixSeconds(until));
    v1::GrantExtensionResponse response;
    grpc::Status status = stub()->GrantExtension(context.NewCallContext().get(),
                                                 request, &response);
    *exit_code = Finish(context, status, response.extension(), args->format,
                        [&](std::ostream& out) {
                          out << args->student << " may hand in to " << args->id
                              << " until " << args->until << "\n";
                        });
  });
}

}  // namespace marginalia::client
