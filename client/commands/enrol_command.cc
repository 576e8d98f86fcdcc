// marginalia enrol USER... --course C [--role student|tutor] [--create-users]
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
  bool create_users = false;
};

// Creates `user` unless it exists, so a roster can be enrolled in one go.
grpc::Status CreateUserIfMissing(v1::AdminService::Stub& stub,
                                 const std::string& user, CliContext& context) {
  v1::CreateUserRequest request;
  request.mutable_user()->set_id(user);
  v1::CreateUserResponse response;
  grpc::Status status =
      stub.CreateUser(context.NewCallContext().get(), request, &response);
  if (status.error_code() == grpc::StatusCode::ALREADY_EXISTS) {
    return grpc::Status::OK;
  }
  if (status.ok()) context.out() << "Created user " << user << "\n";
  return status;
}

int RunEnrol(const EnrolArgs& args, CliContext& context) {
  auto stub = v1::AdminService::NewStub(context.Channel());
  for (const std::string& user : args.users) {
    if (args.create_users) {
      grpc::Status created = CreateUserIfMissing(*stub, user, context);
      if (!created.ok()) return context.ReportRpcError(created);
    }
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
  command->add_flag("--create-users", args->create_users,
                    "first create each user that does not exist yet (admin)");
  command->callback(
      [args, &context, exit_code] { *exit_code = RunEnrol(*args, context); });
}

}  // namespace marginalia::client
