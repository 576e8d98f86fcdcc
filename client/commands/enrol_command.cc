// marginalia enrol USER... --course C [--role student|tutor]
#include <memory>
#include <string>
#include <vector>

#include "client/commands/commands.h"
#include "marginalia/v1/admin.grpc.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

struct EnrolArgs {
  std::vector<std::string> users;
  std::string course;
  std::string role = "student";
};

int RunEnrol(const EnrolArgs& args, CliContext& context) {
  auto stub = v1::AdminService::NewStub(context.Channel());
  for (const std::string& user : args.users) {
    v1::CreateEnrolmentRequest request;
    request.mutable_enrolment()->set_course_id(args.course);
    request.mutable_enrolment()->set_user_id(user);
    request.mutable_enrolment()->set_role(
        args.role == "tutor" ? v1::COURSE_ROLE_TUTOR : v1::COURSE_ROLE_STUDENT);
    v1::CreateEnrolmentResponse response;
    grpc::Status status = stub->CreateEnrolment(context.NewCallContext().get(),
                                                request, &response);
    if (!status.ok()) return context.ReportRpcError(status);
    context.out() << "Enrolled " << user << " in " << args.course << " as "
                  << args.role << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddEnrolCommand(CLI::App& app, CliContext& context, int* exit_code) {
  auto args = std::make_shared<EnrolArgs>();
  CLI::App* command = app.add_subcommand(
      "enrol", "Enrol users in a course (admins: anyone; tutors: students)");
  command->add_option("USER", args->users, "user ids")->required();
  command->add_option("--course", args->course, "course id")->required();
  command->add_option("--role", args->role, "student or tutor")
      ->check(CLI::IsMember({"student", "tutor"}))
      ->capture_default_str();
  command->callback(
      [args, &context, exit_code] { *exit_code = RunEnrol(*args, context); });
}

}  // namespace marginalia::client
